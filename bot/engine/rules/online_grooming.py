"""Online grooming and grooming with gifts, said in plain words (issue 11; seeds 000/002/004 CSE lines).

"Someone she met on Roblox keeps asking for pictures and wants to meet up" is child sexual exploitation
(000 Appendix 1 level 4 and 002 Tier 4: a child at risk of sexual exploitation; 001 Level 4 "Child Sexual
Exploitation"). The rule reads an ask for pictures or a meeting, online, from someone older or unknown, said
of the child, not denied. Read over the whole account it once raised a red flag from "the picture fell off the
wall" beside "the xbox" and "like living with a stranger", and from "she says nobody has asked her for pictures":
so the ask must be a real ask, not denied, with the online or older person in the same or the next sentence.
"""

from __future__ import annotations

import re
from typing import Iterable, List, Optional

from bot.engine.rules.rule_hits import negated_before, rule_hit
from bot.language.matcher import ConceptHit

ONLINE = re.compile(r"\b(online|internet|on (?:a|the)?\s?(?:game|app)|snapchat|snap|instagram|insta|tiktok|discord|"
                    r"whatsapp|facebook|roblox|fortnite|minecraft|xbox|playstation|ps\d|gaming|voice (?:call|chat)|"
                    r"dms?|messag\w*|webcam|chat(?:s|ting)?)\b", re.I)
OLDER_ONLINE = re.compile(r"\b(grown (?:man|woman|up)|adult|older|man|men|\d{2} ?(?:year|yr)s? old|(?:says|said) "
                          r"(?:he'?s|she'?s|he is|she is) \d{2}|sounds? (?:like )?(?:a )?(?:grown|older|man)|"
                          r"lied about (?:his|her) age|much older|stranger|"
                          r"don'?t know who)\b", re.I)
ASK_IMAGES = re.compile(r"\b(?:ask\w*|want\w*|begg\w*|send|sent|sending|share\w*|swap\w*|pressur\w*|get (?:her|him) to "
                        r"send|keeps? asking)\b(?:\s+\w+){0,4}?\s+(?:pictures?|photos?|pics?|nudes?|images?|videos?|"
                        r"selfies?|snaps)\b|\b(?:nudes|naked (?:pictures?|photos?|pics))\b|\bon (?:the )?webcam\b",
                        re.I)
ASK_MEET = re.compile(r"\b(?:meet(?:ing)? (?:up|him|her|them)|come and see (?:him|her)|pick (?:her|him) up|"
                      r"arranged to meet|go and see him|wants? to meet)\b", re.I)
ADULT_AGE = r"(?:(?:grown|older) (?:man|men|bloke|lads?)|(?:man|bloke|guy|fella) (?:in his )?(?:20s|30s|40s|50s|" \
            r"twenties|thirties|forties|fifties)|(?:in his|about) (?:20s|30s|40s|50s|twenties|thirties|forties)|" \
            r"(?:[2-6]\d) ?(?:year|yr)s? old " \
            r"(?:man|bloke|guy|fella|male))"
GROOMING_GIFTS = re.compile(rf"{ADULT_AGE}.{{0,120}}?\b(?:buys?|bought|gives?|gave|giving|buying|get(?:s|ting)?|got) "
                            r"(?:her|him|them)\b[^.]{0,30}\b(?:vapes?|weed|alcohol|drink|cider|vodka|cigarettes|fags|"
                            r"money|cash|phone|trainers|clothes|lifts?|presents?|gifts?|drugs)", re.I)
_SENTENCES = re.compile(r"[^.!?\n]+[.!?\n]?")


def _asks(text: str, pattern: re.Pattern) -> List[re.Match]:
    return [m for m in pattern.finditer(text) if not negated_before(text, m, words=4)]


def _near(text: str, match: re.Match, pattern: re.Pattern) -> bool:
    """``pattern`` in the sentence of ``match`` or the sentence next to it."""
    spans = [(m.start(), m.end()) for m in _SENTENCES.finditer(text)]
    at = next((i for i, (start, end) in enumerate(spans) if start <= match.start() < end), None)
    if at is None:
        return False
    lo, hi = spans[max(0, at - 1)][0], spans[min(len(spans) - 1, at + 1)][1]
    return bool(pattern.search(text[lo:hi]))


def online_grooming(text: str, age_years: Optional[float], found: Iterable[str]) -> List[ConceptHit]:
    """A CSE hit for an online ask for pictures or a meeting, or an adult's gifts, where the matcher had none."""
    if "child_sexual_exploitation" in set(found) or (age_years is not None and age_years >= 18):
        return []
    online = ONLINE.search(text)
    images, meeting = _asks(text, ASK_IMAGES), _asks(text, ASK_MEET)
    if online and (images or meeting):
        asked = [m for m in images + meeting if _near(text, m, ONLINE) or _near(text, m, OLDER_ONLINE)]
        older = any(_near(text, m, OLDER_ONLINE) for m in asked)
        if asked and (older or (images and meeting)):
            return [rule_hit("child_sexual_exploitation", "someone met online asking for pictures or to meet", text,
                             online)]
    gifts = GROOMING_GIFTS.search(text)
    if gifts and age_years is not None and age_years < 16 and not negated_before(text, gifts):
        return [rule_hit("child_sexual_exploitation", "an adult giving a child gifts, drugs or lifts", text, gifts)]
    return []
