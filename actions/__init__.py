"""Thin rasa-sdk actions: read the tracker into plain values, call bot/, map results to responses.

Nothing heavy runs at import time: the engine is built by bot's cached factories on first use.
"""
