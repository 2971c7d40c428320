"""The advice log: one row per piece of advice, for audit. No free text, no names."""
