"""Safeguarding decision support: guidance, matcher, thresholds, consent and advice."""
