"""Who is asking: a job title or relationship -> 'professional' or 'public', with the words we heard.

Why a table: people name their job ("dinner lady", "college tutor", "PCSO"), not the category, and any
job that brings the person into contact with children in their work counts as a professional, because
their route is the front door's professional line and their duty is to their DSL or safeguarding lead.
Relatives, neighbours and friends are the public: they get the area's public route. The decisions,
including the borderline ones (a foster carer is professional: carers are approved and supervised by the
local authority; a volunteer coach is professional: clubs have a welfare officer), are in
docs/conversation.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, Optional

PROFESSIONAL = "professional"
PUBLIC = "public"

# Job title (as people write it) -> how we name it back. Longest first when matching.
PROFESSIONAL_TITLES: Dict[str, str] = {
    "teacher": "a teacher", "class teacher": "a teacher", "head teacher": "a head teacher",
    "headteacher": "a head teacher", "deputy head": "a deputy head", "supply teacher": "a supply teacher",
    "teaching assistant": "a teaching assistant", "ta": "a teaching assistant", "lsa": "a learning support assistant",
    "learning support assistant": "a learning support assistant", "senco": "a SENCo", "dsl": "a DSL",
    "designated safeguarding lead": "a DSL", "safeguarding lead": "a safeguarding lead",
    "dinner lady": "a lunchtime supervisor", "dinner lady at": "a lunchtime supervisor",
    "lunchtime supervisor": "a lunchtime supervisor", "midday supervisor": "a lunchtime supervisor",
    "school cook": "school staff", "caretaker": "school staff", "school office": "school staff",
    "receptionist at": "a receptionist", "school nurse": "a school nurse", "tutor": "a tutor",
    "college tutor": "a college tutor", "lecturer": "a lecturer", "pastoral": "pastoral staff",
    "form tutor": "a form tutor", "nursery worker": "a nursery worker", "nursery nurse": "a nursery nurse",
    "nursery": "early years staff", "early years": "early years staff", "preschool": "early years staff",
    "childminder": "a childminder", "child minder": "a childminder", "nanny": "a nanny",
    "health visitor": "a health visitor", "midwife": "a midwife", "gp": "a GP", "doctor": "a doctor",
    "nurse": "a nurse", "paediatrician": "a paediatrician", "dentist": "a dentist",
    "paramedic": "a paramedic", "ambulance": "ambulance staff", "pharmacist": "a pharmacist",
    "therapist": "a therapist", "counsellor": "a counsellor", "psychologist": "a psychologist",
    "camhs": "CAMHS staff", "clinician": "a clinician", "hca": "a healthcare assistant",
    "police officer": "a police officer", "police": "police", "pcso": "a PCSO", "detective": "a police officer",
    "social worker": "a social worker", "family support worker": "a family support worker",
    "support worker": "a support worker", "youth worker": "a youth worker", "key worker": "a key worker",
    "housing officer": "a housing officer", "probation officer": "a probation officer", "probation": "probation",
    "foster carer": "a foster carer", "residential worker": "a residential care worker",
    "care worker": "a care worker", "coach": "a coach", "football coach": "a coach", "swimming teacher":
    "a swimming teacher", "scout leader": "a scout leader", "guide leader": "a guide leader",
    "brownie leader": "a guide leader", "youth leader": "a youth leader", "sunday school": "a faith group leader",
    "vicar": "a faith leader", "imam": "a faith leader", "priest": "a faith leader", "faith leader":
    "a faith leader", "volunteer": "a volunteer", "practitioner": "a practitioner",
    "professional": "a professional", "staff": "staff", "school": "school staff", "work with children":
    "someone who works with children", "bus driver": "a school transport driver", "escort": "a transport escort",
    "librarian": "a librarian", "welfare officer": "a welfare officer", "attendance officer": "an attendance officer",
    "family liaison": "a family liaison officer", "interpreter": "an interpreter", "optician": "an optician",
    "social care": "social care staff", "early help": "an early help worker", "outreach": "an outreach worker",
}
PUBLIC_TITLES: Dict[str, str] = {
    "member of the public": "a member of the public", "public": "a member of the public",
    "parent": "a parent", "mum": "a parent", "mom": "a parent", "dad": "a parent", "mother": "a parent",
    "father": "a parent", "step mum": "a step-parent", "stepmum": "a step-parent", "step dad": "a step-parent",
    "stepdad": "a step-parent", "neighbour": "a neighbour", "neighbor": "a neighbour",
    "grandparent": "a grandparent", "grandma": "a grandparent", "grandad": "a grandparent",
    "grandmother": "a grandparent", "grandfather": "a grandparent", "nan": "a grandparent", "nana": "a grandparent",
    "aunt": "a relative", "auntie": "a relative", "uncle": "a relative", "relative": "a relative",
    "family friend": "a family friend", "friend": "a friend", "concerned citizen": "a member of the public",
    "sibling": "a relative", "brother": "a relative", "sister": "a relative", "cousin": "a relative",
}
# "my year 5s", "one of my pupils", "in my class": someone who teaches the child.
_TEACHES = re.compile(r"\b(my (year|yr) ?\d{1,2}s?|my (pupils?|students?|class|form|tutor group)|in my class|"
                      r"one of my (pupils|students|year|kids in class))\b", re.I)
# The relationship words only count when the speaker says they are one ("I'm her aunt", "as a neighbour",
# "my neighbour's child" is also a neighbour asking); "mum's boyfriend did it" names the harmer, not the speaker.
_SELF = (r"(?:(?:i'?m|i am|i work as|i'm working as|i'm also)\s+(?:just\s+|only\s+)?"
         r"(?:a|an|the|her|his|their|one of (?:the|his|her|their))?\s*|(?:as|being|speaking as)\s+(?:a|an)\s+)")
# Words that name a workplace rather than a job: a job only when we asked ("school" answering "who are you?").
_ANSWER_ONLY = {"school", "staff", "nursery", "ambulance", "police", "probation", "social care", "outreach",
                "early help", "pastoral", "early years", "public", "escort", "volunteer"}


@dataclass(frozen=True)
class Role:
    """The category and the words we heard, so the reply can say what was taken ("you're a midwife")."""

    category: str
    title: str


def _pattern(titles: Dict[str, str]) -> str:
    return "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))


_PRO_SELF = re.compile(rf"\b{_SELF}(?:\w+\s+)??"
                       rf"({_pattern({k: v for k, v in PROFESSIONAL_TITLES.items() if k not in _ANSWER_ONLY})})\b",
                       re.I)
_PUB_SELF = re.compile(rf"\b{_SELF}(?:\w+\s+)??"
                       rf"({_pattern({k: v for k, v in PUBLIC_TITLES.items() if k not in _ANSWER_ONLY})})\b", re.I)
_NEIGHBOUR = re.compile(r"\b(my neighbou?rs?'?s?|next door|the neighbou?rs?'?)\b", re.I)
_PRO_ANY = re.compile(rf"\b({_pattern(PROFESSIONAL_TITLES)})\b", re.I)
_PUB_ANY = re.compile(rf"\b({_pattern(PUBLIC_TITLES)})\b", re.I)


def _title(titles: Dict[str, str], words: str) -> str:
    """The person's own words back ("a dinner lady"); the table's wording only for short forms ("TA")."""
    key = words.lower()
    if len(key) <= 5 or key not in titles or not titles[key].startswith(("a ", "an ")):
        return titles.get(key, key)
    return ("an " if key[0] in "aeiou" else "a ") + key


def read_role(text: Optional[str], answering: bool = False) -> Optional[Role]:
    """The speaker's role from any message; ``answering`` is True when we asked "professional or public?".

    In an answer any job or relationship word counts ("TA", "nan"); in other messages only the speaker's own
    ("I'm a dinner lady", "my year 5s", "my neighbour's kids"), never a third person's ("mum's boyfriend").
    """
    text = (text or "").replace("’", "'")
    if not text.strip():
        return None
    match = _PRO_SELF.search(text)
    if match:
        return Role(PROFESSIONAL, _title(PROFESSIONAL_TITLES, match.group(1)))
    match = _PUB_SELF.search(text)
    if match:
        return Role(PUBLIC, _title(PUBLIC_TITLES, match.group(1)))
    if _TEACHES.search(text):
        return Role(PROFESSIONAL, "a teacher")
    if _NEIGHBOUR.search(text):
        return Role(PUBLIC, "a neighbour")
    if not answering:
        return None
    match = _PRO_ANY.search(text)
    if match:
        return Role(PROFESSIONAL, _title(PROFESSIONAL_TITLES, match.group(1)))
    match = _PUB_ANY.search(text)
    if match:
        return Role(PUBLIC, _title(PUBLIC_TITLES, match.group(1)))
    if re.search(r"\b(i work|at work|my job|at my work|colleague|our (school|nursery|club|practice|ward))\b",
                 text, re.I):
        return Role(PROFESSIONAL, "someone asking through their work")
    return None
