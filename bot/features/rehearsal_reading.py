"""Reading a rehearsal answer: does it answer the question, is it opinion or vague, is consent stated.

Split from bot/features/rehearsal.py. Pure functions on the answer's text; the state machine (``rehearsal``) and
the feedback (``rehearsal_feedback``) both use them, so an answer is judged the same way in both.
"""

from __future__ import annotations

import re
from typing import List, Optional

from bot.features.rehearsal_topics import CONSENT, DETAIL, Topic
from bot.language.answer_words import UNSURE_WORDS
from bot.language.reading import read_message

QUOTE_CHARS = 90

_UNKNOWN = re.compile(rf"^\s*(i\s+)?({UNSURE_WORDS}|no|none|nothing|n/?a|pass|skip|-)\s*[.!]*\s*$", re.I)
_NOT_APPLICABLE = re.compile(r"\b(not applicable|n/a|they (agreed|consented|gave consent))\b", re.I)
_OPINION = re.compile(r"\b(i think|i feel|i believe|i reckon|i suspect|i guess|i assume|i imagine|i'?m sure|"
                      r"in my (opinion|view)|my gut|gut feeling|i get the (impression|feeling|sense)|"
                      r"seems?|seemed|appears?|appeared|probably|obviously|clearly|must be|bound to|"
                      r"i'?d say|no doubt)\b", re.I)
_HEARSAY = re.compile(r"\b(implied|hinted|suggested|insinuated|sort of said|kind of said|gave the impression|"
                      r"made out|let (it )?slip)\b", re.I)
_VAGUE = re.compile(r"\b(neglected|neglectful|not coping|struggling|inappropriate(ly)?|concerning|worrying|"
                    r"unkempt|chaotic|dysfunctional|not right|not quite right|odd|strange|weird|off|bad|poor|"
                    r"issues?|problems?|stuff|things|something|aggressive|difficult|challenging|vulnerable|"
                    r"at risk|unsafe|toxic|volatile|a mess|messy|all over the place|always|never)\b", re.I)
_ANCHOR = re.compile(r"[\"“”]|\b(said|says|told|telling|disclosed|asked|saw|seen|heard|noticed|observed|watched|"
                     r"found|smelled|smelt|measured|weighed|counted|recorded|today|yesterday|tonight|"
                     r"this (morning|afternoon|evening|week)|last (night|week|month|term)|on (monday|tuesday|"
                     r"wednesday|thursday|friday|saturday|sunday)|at \d|\d)\b", re.I)
_PRONOUN = re.compile(r"\b(she|her|he|him|they|them)\b", re.I)
_REASON = re.compile(r"\b(because|as|since|so|risk|harm|unsafe|danger|evidence|disclos\w*|crime|police|delay|"
                     r"investigation|allegation|abuse|hurt|assault)\b", re.I)
_TOLD_YES = re.compile(r"\b(yes|told (them|mum|dad|the parents?|her|him)|they know|(mum|dad|parents?|carers?) "
                       r"(knows?|is aware|are aware)|informed|spoke to|spoken to|discussed)\b", re.I)
_TOLD_NO = re.compile(r"\b(no|not (yet )?(told|informed|spoken|asked)|haven'?t (told|spoken|asked)|"
                      r"didn'?t (tell|ask)|they don'?t know|unaware)\b", re.I)
_CONSENT_STATE = re.compile(r"\b(agree\w*|consent\w*|refus\w*|declin\w*|said (yes|no)|not (yet )?asked|"
                            r"haven'?t asked|didn'?t ask|happy (for|with)|object\w*|permission|not applicable|"
                            r"n/a)\b", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def probe_for(topic: Topic, text: str) -> Optional[str]:
    """One follow-up, as a consultant social worker would ask it; None if the answer will do."""
    if _UNKNOWN.match(text) and topic.kind != CONSENT:
        return None  # 'don't know' is an answer: the feedback lists it as missing
    if topic.kind == CONSENT:
        if _NOT_APPLICABLE.search(text) or consent_stated(topic.id, text):
            return None
        return ("Just so I'm clear: have the parents been told, and have they agreed, refused, or not been asked? "
                "If you haven't asked, or they refused, why?")
    if len(text.split()) < 3:
        return "Can you give me a bit more than that? I need to write this down."
    if topic.kind == DETAIL:
        return None
    if _HEARSAY.search(text):
        who = _who(text)
        return f"Is that what {who} said, or what you think? What were {_possessive(who)} exact words?"
    if opinions(text):
        return "Is that what you saw or heard, or what you think? Tell me what you actually saw or heard."
    if vague_phrases(text):
        return "What exactly did you see? Describe what happened, when, and who was there."
    return None


def _who(text: str) -> str:
    match = _PRONOUN.search(text)
    word = match.group(1).lower() if match else "they"
    return {"her": "she", "him": "he", "them": "they"}.get(word, word)


def _possessive(who: str) -> str:
    return {"she": "her", "he": "his"}.get(who, "their")


def consent_stated(topic_id: str, text: str) -> bool:
    if topic_id == "parents_told":
        return bool(_TOLD_YES.search(text) or _TOLD_NO.search(text))
    return bool(_CONSENT_STATE.search(text) or _TOLD_YES.search(text) or _TOLD_NO.search(text))


def opinions(text: str) -> List[str]:
    """Sentences where opinion stands in for fact (no reported speech or observation to carry it)."""
    return [s for s in _sentences(text) if (_OPINION.search(s) or _HEARSAY.search(s))]


def vague_phrases(text: str) -> List[str]:
    """Sentences with judgement-loaded or vague words and nothing seen, heard or dated to pin them down."""
    return [s for s in _sentences(text) if _VAGUE.search(s) and not _ANCHOR.search(s)]


def _sentences(text: str) -> List[str]:
    return [s.strip() for s in _SENTENCE.split(text or "") if s.strip()]


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 3].rstrip() + "..."



# --- does the answer answer the question? (issue 13.9) ------------------------------------------------------
_NAME = re.compile(r"^\s*[A-Z][a-z]+ [A-Z][a-z'-]+\b|\b(my name is|my name'?s|name'?s|i'?m called|this is|it'?s)"
                   r"\s+[A-Z]|\b(i'?m|i am)\s+[A-Z][a-z]+\b|\b(mr|mrs|ms|miss|dr)\.?\s+[A-Z]", re.M)
_AGENCY = re.compile(r"\b(school|academy|college|nursery|pre-?school|surgery|practice|hospital|clinic|trust|council|"
                     r"police|nhs|service|team|agency|charity|club|church|mosque|centre|center|housing|university|"
                     r"ward|department|organi[sz]ation|company|scouts?|guides?|primary|secondary|infants?|juniors?|"
                     r"gp)\b", re.I)
_CHILD_DETAIL = re.compile(r"^\s*[A-Z][a-z]+\b|\b(name|called|initials?|born|date of birth|dob|d\.o\.b|address|"
                           r"lives (at|on|in)|school|nursery|college|year \d+|reception|boy|girl|son|daughter|baby|"
                           r"toddler|[A-Z]\.?\s?[A-Z]\.?)\b", re.M)
_WHEREABOUTS = re.compile(r"\b(at|in|with|home|school|nursery|hospital|house|flat|police|out|park|street|town|"
                          r"don'?t know where|missing|safe)\b", re.I)


def answers_topic(topic: Topic, text: str) -> bool:
    """An answer counts only if it answers the question: asked for your name, role and agency, the child's age
    is not an answer. Topics with no check here (accounts, consent) count any answer; consent has its probe."""

    text = (text or "").strip()
    if not text or _UNKNOWN.match(text):
        return True  # "don't know" is an answer: the feedback lists the topic as missing
    if topic.id == "referrer":  # read as the answer to "what's your role?": any job word counts
        return read_message(text, "triage_role").role is not None or bool(_NAME.search(text) or _AGENCY.search(text))
    reading = read_message(text)
    if topic.id == "child_details":
        return reading.age is not None or bool(_CHILD_DETAIL.search(text))
    if topic.id == "whereabouts":
        return bool(_WHEREABOUTS.search(text))
    return True


def not_an_answer_probe(topic: Topic) -> str:
    """The duty social worker asks again, saying what the answer didn't give."""
    return f"That doesn't give me {topic.label}. {topic.question}"
