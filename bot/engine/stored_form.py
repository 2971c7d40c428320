"""Sentences compared with the indicators as they are stored: names and other details as placeholders.

A later turn of a conversation reads the stored, redacted answers, so a name must not move the nearest indicator:
"Amelia (Y8) has been late 11 times" and "[NAME] (Y8) has been late 11 times" fell either side of a level in set T
(issue 14, "redaction never changes the decision"). Redaction is word lists and patterns, about 0.4 ms a sentence.

A stored answer already holds placeholders, and the clause splitter can cut one at a sentence start ("longer.
[NAME]'s 13" gives the clause "NAME]'s 13"): a cut placeholder is mended, so a clause reads the same whether it was
typed with the name or read back with the placeholder (set L's privately fostered "Ana", issue 14 corpus 2).
"""

from __future__ import annotations

import re

from bot.privacy.redaction import TYPES, redact

_KINDS = "|".join(TYPES)
_CUT_OPEN = re.compile(rf"(?<![\[\w])({_KINDS})\]")
_CUT_CLOSE = re.compile(rf"\[({_KINDS})(?![\]\w])")


def as_stored(sentence: str) -> str:
    """``sentence`` as the tracker store would keep it."""
    sentence = _CUT_CLOSE.sub(r"[\1]", _CUT_OPEN.sub(r"[\1]", sentence))
    return redact(sentence) or sentence
