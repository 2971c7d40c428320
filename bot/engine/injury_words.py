"""Injury words, and doubt about an explanation: how an account says a child was hurt, and whether it is doubted.

Read by the age rules (a baby not yet mobile, a mobile child whose story is in doubt), the hit rules (reassurance) and
the red-flag check; one copy, so each hears an injury, a school mark and a doubt the same way.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from bot.engine.facts import negated_at
from bot.engine.rules.explained_marks import RESEMBLANCE, clinician_explained
from bot.language.matcher import ConceptHit

INJURY_WORDS = re.compile(
    # "broken"/"break" only about a body: "he's broken a window" is behaviour, not an injury.
    r"\b(bruis\w*|marks?|marked|burn\w*|scald\w*|fractur\w*|(?:broken|break)(?!\s+(?:(?:a|the|an|his|her|their|my|"
    r"some|two|three)\s+)?(?:windows?|doors?|glass|toys?|phones?|plates?|furniture|chairs?|tables?|tv|screens?|"
    r"laptops?|things|stuff|promises?|rules?|up|down|out|time|heart))|"
    # "cut off from her friends", "cut down on sweets": no wound.
    r"cuts?(?!\s+(?:off|down|back|short|out|in|up|ties|corners))|swell\w*|swollen|bleed\w*|"
    r"blood|injur\w*|scratch\w*|bites?|bitten|red patch\w*|petechia\w*|lump|bump|black eye|split lip|hand ?print|"
    r"welts?|graze[sd]?|finger ?(?:tip )?marks)\b"
)
EXPLANATION_DOUBT = re.compile(
    r"\b(unexplained|no explanation|can'?t explain|couldn'?t explain|won'?t say|wouldn'?t say|inconsistent|"
    r"doesn'?t (match|add up|fit)|different (story|explanation|account)|chang\w* (story|explanation|account)|"
    r"look(s|ed)? (away|at the floor|down)|cross|scared|frightened|flinch\w*|child protection plan|cp plan|"
    r"looked after|in (foster )?care|foster\w*|after contact|sa(ys?|id) (s?he|they) fell|doctor says?|"
    r"doctors? (said|think)|twist\w*|claim\w*)\b")
# "his marks have dropped", "good marks in maths": school marks, not injuries.
SCHOOL_MARKS = re.compile(r"\b(?:(?:exam|test|school|good|bad|low|high|top|full|better|best) marks?|"
                          r"marks? (?:have |has |are )?(?:dropped|gone down|slipped|fallen|down|improved|"
                          r"in (?:\w+ )?(?:tests?|exams?|maths|english)))\b")
# The speaker's own fear ("I'm scared nursery will think I hit her"): the child's fear is a sign, the referrer's is not.
_SPEAKERS_FEAR = re.compile(r"\b(?:i'?m|i am|i was|we'?re|we are|we were)\s+(?:so\s+|really\s+|a bit\s+|quite\s+|"
                            r"very\s+)?$")
_FEAR_WORDS = ("scared", "frightened")
_FEARS_OBJECT = re.compile(r"\s+(?:me|us|the life out of me)\b")  # "lots of blood, which frightened me more than her"


def doubt_said(text: str) -> bool:
    """Doubt about an explanation that was said, not denied ("he didn't seem scared of him" is no doubt), and not
    the speaker's own worry."""
    lowered = (text or "").lower()
    return any(not negated_at(lowered, m.start())
               and not (m.group(0) in _FEAR_WORDS and (_SPEAKERS_FEAR.search(lowered[max(0, m.start() - 30):m.start()])
                                                      or _FEARS_OBJECT.match(lowered[m.end():m.end() + 12])))
               for m in EXPLANATION_DOUBT.finditer(lowered))


def affirmed_injury(text: str, heard: Iterable[ConceptHit] = ()) -> Optional[ConceptHit]:
    """The first clause naming an injury that is not itself negated ("no marks" is not an injury).

    ``heard`` are the hits already ruled out (negated as said, or explained): an injury word inside one of their
    words, in the clause they were said in, was read there and is not found again here.

    Where a clinician or health record put the marks down to a named condition (``clinician_explained``), an
    injury word said only as what they looked like ("a blue-grey mark, looked like a big bruise") is no injury
    found: the explained-marks rule has heard that hit, and this fallback must not find it again. An injury
    stated as found ("and a bruise on her cheek") is always one.
    """
    ruled_out = [h.words.lower() for h in heard if h.negated and h.words]
    explained = bool(ruled_out) and clinician_explained(text or "")
    for clause in re.split(r"(?<=[.!?;])\s+|,\s*but\s+|\n", text or ""):
        blanked = SCHOOL_MARKS.sub(lambda m: " " * len(m.group()), clause.lower())
        for match in INJURY_WORDS.finditer(blanked):
            before = re.findall(r"[\w']+", clause[:match.start()].lower())[-4:]
            if any(w in {"no", "not", "never", "without", "none"} or w.endswith("n't") for w in before):
                continue
            if explained and RESEMBLANCE.search(" ".join(before)):
                continue
            if any(words in blanked and blanked.find(words) <= match.start() < blanked.find(words) + len(words)
                   for words in ruled_out):
                continue
            return ConceptHit(concept="injury_nonmobile_baby",
                              label="a bruise or injury on a baby who is not yet mobile",
                              words=clause[match.start():match.end()], sentence=clause.strip(), start=0, end=0)
    return None
