"""Is this account in English? Only English is understood, and the person must be told so (issue 11).

English prose is about 40% function words ("the", "and", "to", "she"); clipped police or health notes
still have some. An account with almost none, and with letters or function words of another language,
gets a clear note (plus the 999 line and the front door, which every advice carries).
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

MIN_WORDS = 6
MAX_ENGLISH_SHARE = 0.08
FOREIGN_FUNCTION_WORDS = {
    "de", "la", "le", "el", "los", "las", "und", "ist", "nicht", "der", "die", "das", "nie", "jest", "się", "że",
    "na", "ja", "ne", "și", "nu", "este", "és", "ve", "bir", "bu", "ka", "iyo", "waa", "ku", "oo", "que", "por",
    "para", "com", "não", "um", "uma", "est", "pas", "et", "les", "des", "il", "che", "non", "ir", "yra", "ar",
    "kad", "ak", "si", "sa", "je", "od", "za", "aby", "mi", "mu", "ona", "ono", "jego", "jej",
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def not_english(text: str) -> bool:
    """Few English function words, and more of another language's (or letters English does not use)."""
    words = [w.lower() for w in _WORD.findall(text or "")]
    if len(words) < MIN_WORDS:
        return False
    foreign = sum(w in FOREIGN_FUNCTION_WORDS or not w.isascii() for w in words)
    english = sum(w in STOP_WORDS and w not in FOREIGN_FUNCTION_WORDS and len(w) > 1 for w in words)
    return foreign >= 2 and foreign > english and english / len(words) < MAX_ENGLISH_SHARE * 3
