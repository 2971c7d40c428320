"""How a short answer is read: yes, no, not sure, "that's all", mobile or not yet mobile.

One vocabulary for every question the assistant asks (the form, the follow-up questions, quick questions and the
call rehearsal), so "not sure" means the same wherever it is typed, and a fix to one reading reaches all of them
(issue 16: these patterns had been written four times and drifted).
"""

from __future__ import annotations

import re
from typing import Optional

YES = re.compile(r"^\s*(y|ya|yes|yeah|yep|yup|yh|aye|correct|right|true|definitely|they do|they have|she is|he is|"
                 r"that's right|thats right|it is|absolutely|of course|sure|ok|okay)\b", re.I)
NO = re.compile(r"^\s*(n|no|nope|nah|not|never|negative|they don't|they haven't|she isn't|he isn't|"
                r"isn't|wrong|incorrect|false|none)\b", re.I)
# Words that say the answer is not known; a "no" is not one of them ("not sure" is never read as "no").
UNSURE_WORDS = (r"not sure|unsure|don'?t know|dont know|do not know|no idea|maybe|possibly|can'?t say|dunno|"
                r"uncertain|can'?t remember")
UNSURE = re.compile(rf"\b({UNSURE_WORDS})\b", re.I)
DONE = re.compile(r"^\s*(no|nope|nah|nothing|none|that'?s (all|it|everything)|done|no more|nothing (else|more)|"
                  r"i think that'?s (it|all|everything))\b", re.I)
MOBILE = re.compile(r"\b(crawl\w*|walk\w*|roll\w*|cruis\w*|mobile|moving around|bum shuffl\w*|toddl\w*)\b", re.I)
# Said of a baby: not yet mobile. Read before MOBILE ("not crawling yet" names crawling).
NOT_MOBILE = re.compile(r"\b(not (yet )?(mobile|crawling|rolling|moving)|(?:isn'?t|is not) (yet )?(mobile|crawling|"
                        r"rolling|moving)|can'?t (crawl|roll|move)|newborn|non[- ]?mobile|immobile)\b", re.I)


def parse_yes_no(text: Optional[str], intent: Optional[str] = None) -> Optional[bool]:
    """Yes/no from the intent when NLU is sure of it, else from the words; None if neither."""
    if intent in ("affirm",):
        return True
    if intent in ("deny",):
        return False
    text = (text or "").strip()
    if not text:
        return None
    if NO.match(text):
        return False
    if YES.match(text):
        return True
    return None


def is_unsure(text: Optional[str], intent: Optional[str] = None) -> bool:
    return intent == "not_sure" or bool(UNSURE.search(text or ""))


def is_done(text: Optional[str], intent: Optional[str] = None) -> bool:
    """'No, that's all' after 'anything else?'."""
    return intent in ("deny", "done_adding") or bool(DONE.match(text or ""))


def said_not_mobile(text: Optional[str]) -> bool:
    """The words say the baby is not yet mobile ("not crawling yet", "newborn")."""
    return bool(NOT_MOBILE.search(text or ""))


def parse_mobile(text: Optional[str], intent: Optional[str] = None) -> Optional[bool]:
    """The answer to "is the baby mobile yet?": not yet, mobile, or a plain yes/no; None if none of those."""
    if said_not_mobile(text):
        return False
    if MOBILE.search(text or ""):
        return True
    return parse_yes_no(text, intent)
