"""Sentences compared with the indicators as they are stored: names and other details as placeholders.

A later turn of a conversation reads the stored, redacted answers, so a name must not move the nearest indicator:
"Amelia (Y8) has been late 11 times" and "[NAME] (Y8) has been late 11 times" fell either side of a level in set T
(issue 14, "redaction never changes the decision"). Redaction is word lists and patterns, about 0.4 ms a sentence.
"""

from __future__ import annotations

from bot.privacy.redaction import redact


def as_stored(sentence: str) -> str:
    """``sentence`` as the tracker store would keep it."""
    return redact(sentence) or sentence
