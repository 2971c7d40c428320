"""Which kind of quick question this is: plain word rules, so every routing decision can be tested.

One NLU intent (``quick_question``) brings the message here; the topic is decided by these rules, not
by the classifier, because contacts, consent, thresholds and process questions share their words
(MASH, CADS, consent) and a classifier split between them would be guessing.
"""

from __future__ import annotations

import re
from typing import Optional

# Order matters: the first topic whose rule fires wins.
_LEVEL_WORD = r"(?:[1-4]|one|two|three|four)"
LEVEL_MEANING = re.compile(
    rf"\b(what|explain|describe|define|meaning|means)\b.{{0,40}}\b(level|tier)\s*{_LEVEL_WORD}\b", re.I)
THRESHOLD = re.compile(r"\b(level|tier)\s*" + _LEVEL_WORD + r"\b|\bsection\s*47\b|\bs\.?\s?47\b|\bthreshold\b|"
                       r"\bwhat (level|tier)\b|\bwhich (level|tier)\b|\bred flag\b|\bsignificant harm\b", re.I)
CONSENT = re.compile(r"\b(consent\w*|permission|without (telling|informing|asking)|tell(ing)? (the )?"
                     r"(parents?|mum|dad|carers?|family)|inform(ing)? (the )?(parents?|carers?|family)|"
                     r"parents? (know|find out|agree)|refus\w*|declin\w*|said no)\b", re.I)
CONSENT_REFUSED = re.compile(r"\b(refus\w*|declin\w*|said no|won'?t (give |agree)|don'?t want|do not want|"
                             r"not (give|giving|given) consent|withdr\w*|say no)\b", re.I)
CONSENT_TELL = re.compile(r"\b(without (telling|informing)|tell(ing)? (the )?(parents?|mum|dad|carers?|family)|"
                          r"inform(ing)? (the )?(parents?|carers?|family)|parents? (know|find out)|"
                          r"behind (their|the parents'?) back)\b", re.I)
CONSENT_YOUNG = re.compile(r"(\b\d{1,2}\s*-?\s*(year|yr)s?\s*-?\s*olds?\b|\b(young person|teenager|teen|child|pupil|"
                           r"student|kid|\d{1,2} ?yo|(aged?|at) \d{1,2})\b).{0,40}\b(consent|agree)|"
                           r"\b(consent|agree)\w*\b.{0,40}\b(themsel\w*|own behalf|for (them|him|her)self|"
                           r"at \d{1,2}|aged? \d{1,2})\b|\bage of consent\b|\bhow old\b.{0,30}\bconsent", re.I)
EMAIL = re.compile(r"\be-?mail\w*\b|\binbox\b|\bemail address\b", re.I)
FOLLOW_UP = re.compile(r"\bfollow(ing|ed)?[- ]?up\b|\bin writing\b|\bwritten (referral|follow|confirmation|"
                       r"record)\b|\bput (it|that|this) in writing\b|\bconfirm (it )?in writing\b|\bafter (the|my|a) "
                       r"(phone )?call\b|\bMARF\b|\breferral form\b|\bsend (a|the) form\b|\bwrite (it|to them)\b",
                       re.I)
ESCALATION = re.compile(r"\b(disagree\w*|escalat\w*|not happy with|unhappy with|challenge|dispute|"
                        r"professional disagreement|don'?t agree|do not agree|wrong decision|"
                        r"(mash|cads|social care|front door)('s)? decision|conflict resolution)\b", re.I)
EHA = re.compile(r"\b(EHA|EHAs|early help assessment|TAF|team around the (family|child))\b", re.I)
ASKS = re.compile(r"\bwhat (will|do|does|would) (they|cads|mash|the mash|the front door|city mash)\b.{0,20}"
                  r"\b(ask|want to know|need from me|need to know)\b|\bwhat (do|should) i (need to )?(have|tell|say)"
                  r" (ready|to them|when i (call|ring|phone))\b|\bprepare for (the|my) call\b", re.I)
HOURS = re.compile(r"\b(hours|open|opening|closed?|closing|weekends?|out of hours|evenings?|overnight|at night|"
                   r"bank holidays?|after \d|before \d|what time)\b", re.I)
WHAT_IS = re.compile(r"\b(what('s| is| are| does)|who (are|is)|tell me about|explain)\b.{0,30}"
                     r"\b(partnership support|cads|mash|cfss|early help|marf|front door|children's advice|"
                     r"multi[- ]agency safeguarding hub)\b", re.I)
PHONE = re.compile(r"\b(numbers?|phone|telephone|tel|ring|call|contact details|helpline)\b", re.I)
CONTACT = re.compile(r"\b(number|phone|tel|telephone|call|ring|contact|who (do|should|can) i|where (do|should) i|"
                     r"how (do|can) i (reach|get hold|refer|report)|details|helpline|line)\b", re.I)

# Questions that need no area (issue 13.8, bot/features/quick_query_general.py).
NSPCC = re.compile(r"\bnspcc\b", re.I)
SIGNS_OF_SAFETY = re.compile(r"\bsigns of safety\b|\bscaling question\b|\bthree (key )?questions\b", re.I)
UNSURE_WHOM = re.compile(r"\b(not sure|unsure|don'?t know|can'?t decide|undecided)\b.{0,60}\b(who|whom)\b.{0,30}"
                         r"\b(talk|speak|ask|go to|contact|call|phone)\b|\b(who|whom) (should|do|can|could) i "
                         r"(talk|speak) to\b.{0,40}\b(first|unsure|not sure|advice)\b|\b(who|whom) (should|do|can) i "
                         r"(ask|talk to|speak to) (for advice|if i'?m (not sure|unsure))\b", re.I)

SERVICE_WORDS = {
    "partnership_support": re.compile(r"\b(partnership support|cfss)\b", re.I),
    "early_help": re.compile(r"\b(early help|family help|eha)\b", re.I),
    "out_of_hours": re.compile(r"\b(out of hours|evenings?|weekends?|overnight|at night|bank holidays?)\b", re.I),
    "999": re.compile(r"\b(999|police|emergency|ambulance)\b", re.I),
    "public": re.compile(r"\b(member of the public|neighbou?r|i'?m a (parent|mum|dad|grandparent|nan|relative))\b",
                         re.I),
    "front_door": re.compile(r"\b(mash|cads|front door|children'?s (social care|services)|social services|"
                             r"duty (team|service)|multi[- ]agency safeguarding hub|children's advice)\b", re.I),
}


def detect_topic(text: str, names_a_worry: bool = False) -> Optional[str]:
    """The topic of a quick question, or None when no rule recognises it (the answer then says so).

    ``names_a_worry``: the matcher found a worry in the text, so "what level is ..." is about that worry.
    """
    if NSPCC.search(text):
        return "nspcc"
    if SIGNS_OF_SAFETY.search(text):
        return "signs_of_safety"
    if UNSURE_WHOM.search(text):
        return "unsure_whom"
    if LEVEL_MEANING.search(text) and not names_a_worry:
        return "level_meaning"
    if CONSENT.search(text):
        if CONSENT_YOUNG.search(text):
            return "consent_young_person"
        if CONSENT_REFUSED.search(text):
            return "consent_refused"
        if CONSENT_TELL.search(text):
            return "consent_tell_parents"
        return "consent_needed"
    if ESCALATION.search(text):
        return "escalation"
    if EMAIL.search(text):
        return "email"
    if FOLLOW_UP.search(text):
        return "follow_up"
    if THRESHOLD.search(text):
        return "threshold"
    if EHA.search(text):
        return "eha"
    if ASKS.search(text):
        return "front_door_asks"
    if HOURS.search(text):
        return "hours"
    if PHONE.search(text):
        return "contact"
    if WHAT_IS.search(text):
        return "what_is"
    if CONTACT.search(text):
        return "contact"
    return None


def service_asked(text: str) -> str:
    """Which service a contact question is about; the front door unless another is named."""
    for name, pattern in SERVICE_WORDS.items():
        if pattern.search(text):
            return name
    return "front_door"


def level_asked(text: str) -> Optional[int]:
    """'a level 2?' -> 2; 'tier three' -> 3; None when no level is named."""
    match = re.search(r"\b(?:level|tier)\s*(" + _LEVEL_WORD[3:-1] + r")\b", text, re.I)
    if not match:
        return None
    word = match.group(1).lower()
    return {"one": 1, "two": 2, "three": 3, "four": 4}.get(word) or int(word)


def asks_s47(text: str) -> bool:
    return bool(re.search(r"\bsection\s*47\b|\bs\.?\s?47\b|\bred flag\b|\bsignificant harm\b", text, re.I))
