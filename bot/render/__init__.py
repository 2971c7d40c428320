"""Renderers: the same Advice object, drawn for each channel."""
