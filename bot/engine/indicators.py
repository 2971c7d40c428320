"""Concept hits -> the area's indicators, with the age-dependent rules applied.

Age rules are explicit code, not similarity: any injury on a baby who is not
yet mobile, and sexual activity or pregnancy under 13, are section 47 whatever
words were used; private fostering needs 28 days or more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import FrozenSet, Iterable, List, Optional, Set

from spacy.lang.en.stop_words import STOP_WORDS

from bot.engine.facts import Facts, has_fact, physical_act, read_facts
from bot.engine.injury_words import INJURY_WORDS, SCHOOL_MARKS, affirmed_injury, doubt_said
from bot.engine.level_caps import (
    TOP_ONLY_BY_FACTS,
    at_top_line,
    capped_at_level_2,
    mitigation_contradicted,
    sentence_and_around,
)
from bot.engine.rules.care_and_age_rules import PREGNANCY_AGES
from bot.engine.rules.domestic_abuse_rules import graded_below_high
from bot.engine.rules.rule_hits import sentence_around
from bot.engine.rules.whose_need import mothers_injury
from bot.guidance.models import AgeRule, Indicator
from bot.language.matcher import ConceptHit, ConceptMatcher

NON_MOBILE_MAX_YEARS = 0.5  # under six months and mobility unknown: treated as not mobile (safety first)
INJURY_CONCEPTS = {"unexplained_injury", "physical_abuse", "injury_nonmobile_baby"}
SEXUAL_CONCEPTS = {"sexual_activity_under13", "teenage_pregnancy", "sexual_health_risk"}
SEXUAL_WORDS = re.compile(r"\b(sex|sexual\w*|pregnan\w*|intercourse|sleeping with|having sex|contracepti\w*|"
                          r"morning after pill|sti|stis|chlamydia|gonorrh\w*)\b")


# "attendance is 82%", "only been in 81% of the time": below 90% is a level-3 descriptor in the seeds
# (Northamptonshire 2022 'School attendance below 90%'), a number no word pattern can compare.
ATTENDANCE_PERCENT = re.compile(r"\b(\d{1,2}(?:\.\d+)?)\s?(?:%|per ?cent\b)")
ATTENDANCE_CONTEXT = re.compile(r"\b(attend\w*|been in|been at school|in school|at school for|absen\w*|"
                                r"present)\b")
ATTENDANCE_CONCERN_BELOW = 90.0


def attendance_hit(text: str) -> Optional[ConceptHit]:
    """A poor-attendance worry from a percentage below 90 said about school attendance."""
    for sentence in re.split(r"(?<=[.!?;])\s+|\n", text):
        lowered = sentence.lower()
        for match in ATTENDANCE_PERCENT.finditer(lowered):
            if float(match.group(1)) < ATTENDANCE_CONCERN_BELOW and ATTENDANCE_CONTEXT.search(lowered):
                return ConceptHit(concept="poor_attendance", label="poor school attendance",
                                  words=sentence[match.start():match.end()], sentence=sentence.strip(),
                                  start=0, end=0)
    return None


@dataclass(frozen=True)
class ChildContext:
    age_years: Optional[float]
    mobile: Optional[bool]
    duration_days: Optional[int]

    @property
    def non_mobile(self) -> Optional[bool]:
        """True / False when known; None when we cannot tell."""
        if self.mobile is not None:
            return not self.mobile
        if self.age_years is None or self.age_years < 0:
            return None  # unknown, or not yet born: the baby rules apply from birth
        if self.age_years < NON_MOBILE_MAX_YEARS:
            return True
        return False if self.age_years >= 1 else None


def apply_age_rules(hits: Iterable[ConceptHit], child: ChildContext, text: str = "") -> List[ConceptHit]:
    """Rewrite concept hits by what we know of the child's age, mobility and the duration stated.

    ``text`` is everything the user said about the worry: doubt about an explanation is often
    in another sentence than the injury ("... she fell off the bed. She told her friend mum was cross").
    """
    result: List[ConceptHit] = []
    for hit in hits:
        if hit.concept == "injury_nonmobile_baby" and child.non_mobile is False:
            # A mobile child's bruise is not a red flag in itself; one whose explanation is in doubt is.
            if not doubt_said(text or hit.sentence):
                continue
            hit = replace(hit, concept="unexplained_injury", label="an injury that has not been explained")
        if hit.concept == "sexual_activity_under13" and child.age_years is not None and child.age_years >= 13:
            hit = replace(hit, concept="sexual_health_risk", label="sexual activity or sexual health worries")
        if hit.concept == "private_fostering" and child.duration_days is not None and child.duration_days < 28:
            continue  # not private fostering in law until 28 days; the advice notes this
        result.append(hit)
    # "her story keeps changing" about where she slept, "his marks have dropped": an explanation in doubt is an
    # injury worry only when an injury was said (002 s47: "an admission about a clear non-accidental injury").
    result = [h for h in result if not _not_about_an_injury(h, text)]
    active = [h for h in result if not h.negated]
    concepts = {h.concept for h in active}
    if (child.non_mobile is False and not concepts & INJURY_CONCEPTS and doubt_said(text)
            and affirmed_injury(text) is not None and not has_fact(text, "witnessed_explanation")):
        for sentence in re.split(r"(?<=[.!?;])\s+", text):
            match = INJURY_WORDS.search(sentence.lower())
            if match:
                result.append(ConceptHit(concept="unexplained_injury", label="an injury that has not been explained",
                                         words=sentence[match.start():match.end()], sentence=sentence.strip(),
                                         start=0, end=0))
                break
    if child.non_mobile and "injury_nonmobile_baby" not in concepts:
        for hit in active:
            if hit.concept in INJURY_CONCEPTS or INJURY_WORDS.search(hit.words.lower()):
                result.append(replace(hit, concept="injury_nonmobile_baby",
                                      label="a bruise or injury on a baby who is not yet mobile"))
                break
        else:
            # Any injury word said of a baby who is not yet mobile, even in words no pattern holds ("two small
            # bruises on his thigh"): "any suspicious injury in a pre- or non-mobile child" (Norfolk s47 list).
            injury = affirmed_injury(text, result)
            if injury is not None:
                result.append(injury)
    if "poor_attendance" not in concepts and text:
        attendance = attendance_hit(text)
        if attendance is not None:
            result.append(attendance)
    young = child.age_years is not None and 0 <= child.age_years < 13
    if young and "sexual_activity_under13" not in concepts:
        for hit in active:
            if _parents_youth(hit, child, text):
                continue
            if hit.concept in SEXUAL_CONCEPTS or (SEXUAL_WORDS.search(hit.sentence.lower())
                                                  and hit.concept in {"child_sexual_exploitation", "sexual_abuse"}):
                result.append(replace(hit, concept="sexual_activity_under13",
                                      label="sexual activity or pregnancy in a child under 13"))
                break
    return result


# A parent said to be a child under 13 ("mum is only 12", "a 12-year-old mum"): then the baby's parent is the child
# the under-13 red flag is about.
_PARENT_UNDER_13 = re.compile(
    r"\b(?:mum|mother|mam|mom|dad|father)\b[^.]{0,20}?\b(?:is|was|aged|only|just)\s+(?:only\s+|just\s+)?"
    r"(?:[5-9]|1[0-2]|five|six|seven|eight|nine|ten|eleven|twelve)\b(?! ?(?:weeks|months|days))|"
    r"\b(?:[5-9]|1[0-2]|ten|eleven|twelve)[- ](?:year|yr)s?[- ]old (?:mum|mother|dad|father)\b", re.I)


def _parents_youth(hit: ConceptHit, child: ChildContext, text: str) -> bool:
    """A teenage or young parent said of a child too young to be one ("young parents group" for a baby): the words
    are the parent's age, a parenting factor (003 line 211 "Teenage parent", Targeted and Specialist), not sexual
    activity of the child under 13. A parent said to be under 13 keeps the red flag."""
    if hit.concept != "teenage_pregnancy" or child.age_years is None or child.age_years >= PREGNANCY_AGES[0]:
        return False
    return not _PARENT_UNDER_13.search(f"{text} {hit.sentence}")


STORY_WORDS = re.compile(r"\b(?:explanations?|accounts?|story|stories|versions?)\b")


def _not_about_an_injury(hit: ConceptHit, text: str) -> bool:
    """An unexplained-injury hit whose only 'injury' is a story in doubt or school marks, with no injury said."""
    if hit.concept != "unexplained_injury":
        return False
    words = hit.words.lower()
    school = SCHOOL_MARKS.search(hit.sentence.lower()) and not INJURY_WORDS.search(re.sub(r"\bmarks?\b", " ", words))
    story = STORY_WORDS.search(words) and not INJURY_WORDS.search(words)
    return bool(school or story) and affirmed_injury(SCHOOL_MARKS.sub(" ", (text or hit.sentence).lower())) is None


def age_rule_allows(rule: Optional[AgeRule], child: ChildContext) -> bool:
    """Unknown facts never exclude an indicator: safety first."""
    if rule is None:
        return True
    age = child.age_years
    if rule.max_years is not None and age is not None and age >= rule.max_years:
        return False
    if rule.min_years is not None and age is not None and age < rule.min_years:
        return False
    if rule.non_mobile and child.non_mobile is False:
        return False
    return not (rule.min_days is not None and child.duration_days is not None
                and child.duration_days < rule.min_days)


@lru_cache(maxsize=8192)
def content_lemmas(matcher: ConceptMatcher, text: str) -> FrozenSet[str]:
    """Content lemmas of a text; cached, since indicator texts are scored again and again."""
    return frozenset(t.lemma_ for t in matcher.parse(text) if t.is_alpha and t.lower_ not in STOP_WORDS
                     and len(t) > 2)


SEVERITY_WORDS = {"daily", "every", "always", "constant", "constantly", "persistent", "persistently", "chronic",
                  "severe", "serious", "seriously", "significant", "police", "hospital", "repeated", "repeatedly",
                  "regularly", "violent", "violence", "impact", "affecting", "frequently", "escalating", "worse",
                  "worsening", "extreme", "dangerous", "often", "admission",
                  "admissions", "admitted", "ambulance", "overdose", "weapon", "knife", "crack", "heroin",
                  "cocaine", "possessed", "demon", "demons", "devil", "witchcraft", "delusion", "delusions",
                  "delusional", "beheading", "beheadings", "bomb", "bombs", "explosives", "weapons", "stabbed",
                  "stabbing", "shot", "shooting", "gun", "homeless"}
MILD_WORDS = {"occasional", "occasionally", "sometimes", "once", "minor", "mild", "slight", "slightly", "bit",
              "low", "single", "usually", "mostly", "manage", "managing", "coping", "copes", "supportive"}
# Everyday reassurance in the same sentence: "they get on", "it's all amicable", "coping well".
MILD_TEXT = re.compile(r"\b(get(s|ting)? on( (well|fine|ok|okay))?|gets? along|amicabl\w*|friendly|on good terms|"
                       r"back to (his|her|their) (usual|normal|old) self|settl(ed|ing) (well|in)|coping (well|fine|ok)|"
                       r"managing (well|fine|ok))\b")
SEVERITY_WEIGHT = 0.03
S47_TWIN_MARGIN = 0.05  # how close the area's s47 item must be to a chosen level-4 item to replace it


# A count of reports is a count of incidents too: "3rd PPN for this couple", "four call-outs this year".
REPEATED = re.compile(r"\b(([3-9]|[1-9]\d+|three|four|five|six|seven|eight|nine|ten|several|many|multiple|numerous)"
                      r" (times|occasions|episodes|incidents|ppns|call-?outs|call outs|domestics|reports|referrals|"
                      r"notifications)|(third|fourth|fifth|sixth|3rd|4th|5th|6th|umpteenth|"
                      r"nth) (time|occasion|night|weekend|ppn|call-?out|call out|domestic|incident|report|referral|"
                      r"notification))\b")
# Repetition and loss of consciousness said in everyday words: "keeps telling her", "it's been going on for
# ages", "all the time", "passed out", "blacked out". Each is a severity cue like "persistent" or "serious".
SEVERE_TEXT = re.compile(r"\b(keeps? (on )?(telling|saying|calling|hurting|threatening|shouting|screaming|"
                         r"smacking|slapping|belittling|putting (him|her|them) down)|"
                         r"all the time|for (ages|months|years)|going on for|again and again|over and over|"
                         r"every (single )?(day|night|time|weekend)|most (days|nights|weekends)|"
                         r"pass(ed|es|ing)? out|black(ed|s|ing)? out|collaps\w*|unconscious|slurr\w*|"
                         r"hard to wake|couldn'?t wake|can'?t wake|ambulance|a ?& ?e|nowhere to (go|live|stay|sleep)|"
                         r"sleep(ing|s)? (rough|in (the|a|their|his|her) (car|van|tent|park|stairwell))|"
                         r"(made|forced|forcing|makes?|has|have|had) to (sell|carry|hold|run|deliver|drop|work|clean|"
                         r"have sex|do stuff|do things)|or (else|they('ll| will)? (hurt|hit|beat|stab|kill)))\b")


FREQUENT_TEXT = re.compile(r"\b(consistent(ly)?|regular(ly)?|persistent(ly)?|frequent(ly)?|repeated(ly)?|chronic|"
                           r"constant(ly)?|always|daily|often)\b", re.I)
OCCASIONAL_TEXT = re.compile(r"\b(sometimes|occasional(ly)?|once|one-off|isolated|minor|mild|low level)\b", re.I)
FREQUENCY_WEIGHT = 0.05  # how much agreeing on "sometimes" vs "consistently" counts beside similarity


@lru_cache(maxsize=8192)
def indicator_frequency(text: str) -> int:
    """+1 if a descriptor is about something consistent or frequent, -1 if occasional, 0 if it says neither.

    The matrices tell levels apart by frequency ("sometimes come in dirty clothing" at level 2,
    "consistently" at level 3), which sentence embeddings barely see.
    """
    return int(bool(FREQUENT_TEXT.search(text))) - int(bool(OCCASIONAL_TEXT.search(text)))


def _severity(words: Set[str], sentence: str = "") -> int:
    """+1 for severity cues, -1 for mildness cues, 0 for neither or both.

    A count of three or more occurrences ("4 times this month") is a severity cue that no mildness
    word cancels: frequency is what separates most level-2 descriptors from level-3 ones.
    """
    if REPEATED.search(sentence.lower()) or SEVERE_TEXT.search(sentence.lower()):
        return 1
    mild = bool(words & MILD_WORDS) or bool(MILD_TEXT.search(sentence.lower()))
    return int(bool(words & SEVERITY_WORDS)) - int(mild)


def whole_sentence(text: str, start: int, end: int) -> str:
    """The full stop-to-full stop sentence around a hit: a count ("4 times") is often after a comma."""
    if not text or end <= start:
        return ""
    return sentence_around(text, start, end)[0]


# The referrer's own Signs of Safety score is a stated fact of how worried they are: at 5 or below
# (more worried than not) it supports the variant one level above the lowest; above 5 it does not.
# Chosen on the tuning sets (dev, dev_2, blind A and B): every case it moved split at 5/6.
SCALE_SUPPORTS_STEP = 5
LOW_SCALE_FOR_ACUTE = 3
MOTHERS_MARK = frozenset({"mark", "head_face"})
# Facts a concept carries by its nature do not make it more serious: cuts are what self-harm is, and an
# A&E visit is how an unmet health need is seen.
INTRINSIC_FACTS = {"self_harm": frozenset({"mark"}), "unmet_health_needs": frozenset({"medical_risk"}),
                   "missed_health_appointments": frozenset({"medical_risk"})}
MANY_FACTS = 3  # three distinct severity facts in one sentence add up to an acute need


def _supported_levels(rows: List[tuple], severity: int, facts: Facts, scale: Optional[int]) -> List[tuple]:
    """Keep the level variants the stated facts support (issue 11.4).

    A concept's variants are told apart by facts (bot/engine/facts.py), not by how close the words are to a
    level-4 line:
    - no severity fact or word: the concept's lowest variant above level 1, and the one above it only
      when the score says the referrer is worried (5 or below, or no score: safety first);
    - a severity fact or word: one more level;
    - a level-4 line needs an acute fact (harm, a weapon, a parent who cannot or will not meet the need,
      complex disability, a medical risk), three severity facts together, or a severity fact with a score
      of 3 or below; a section 47 item of a concept that is not a red flag needs a fact of harm.
    """
    above_one = [row[2].level for row in rows if row[2].level >= 2]
    if not above_one:
        return rows
    lowest = min(above_one)
    worried = scale is None or scale <= SCALE_SUPPORTS_STEP
    evidence = facts.severity + (1 if severity > 0 else 0)
    ceiling = lowest + int(worried) + min(evidence, 1)
    acute = (facts.acute > 0 or facts.severity >= MANY_FACTS
             or (evidence > 0 and scale is not None and scale <= LOW_SCALE_FOR_ACUTE))
    ceiling = 4 if acute else min(ceiling, 3)
    ceiling = max(ceiling, lowest)
    harm = facts.harm > 0 or (evidence > 0 and scale is not None and scale <= LOW_SCALE_FOR_ACUTE)
    return [row for row in rows if row[2].level <= ceiling and (harm or not row[2].s47)]


def choose_indicator(matcher: ConceptMatcher, hit: ConceptHit, candidates: List[Indicator], s47_concept: bool,
                     similarities: Optional[List[float]] = None, life_threat: bool = False,
                     context: str = "", scale: Optional[int] = None, account: str = "") -> Optional[Indicator]:
    """Among the area's indicators for a concept, the one that best fits what was said.

    Fit is sentence-embedding similarity when available (word overlap otherwise), nudged by
    severity words ("persistent", "occasional"). Section 47 items follow explicit rules:
    - a red-flag concept, or a worry the user says could kill the child, takes the area's s47 item;
    - otherwise an s47 item needs words of severity ("frequently", "serious") to be considered,
      or the best fit to be a level-4 item already, when the area's s47 version of it is as close.
    """
    if not candidates:
        return None
    where = context or hit.sentence
    said = set(content_lemmas(matcher, where)) | {w.lower().strip(".,;!?") for w in where.split()}
    facts = read_facts(where).without(INTRINSIC_FACTS.get(hit.concept, frozenset()))
    if hit.concept == "domestic_abuse" and mothers_injury(where):
        # The mark is on the abused mother, said so: it is the abuse itself, not harm to the child; its serious
        # forms are serious_domestic_abuse (rules/hit_rules.py). "He hit her across the face" stays a fact of harm.
        facts = facts.without(MOTHERS_MARK)
    if hit.concept == "domestic_abuse" and graded_below_high(account or where):
        # Call-outs the police graded standard or medium are not the "persistent" level-4 line on their own.
        facts = facts.without(frozenset({"repeated_police"}))
    severity = max(_severity(said, where), 1 if life_threat or facts.acute else -1)
    if similarities is None:
        similarities = []
        for indicator in candidates:
            words = content_lemmas(matcher, indicator.text)
            similarities.append(len(said & words) / (len(words) ** 0.5 or 1.0) / 3)
    scored = [(sim + SEVERITY_WEIGHT * severity * (c.level - 2.5)
               + FREQUENCY_WEIGHT * severity * indicator_frequency(c.text), sim, c)
              for sim, c in zip(similarities, candidates, strict=True)]
    if physical_act(where):  # a line for "non-physical" abuse does not fit a push or a punch
        scored = [row for row in scored if "non-physical" not in row[2].text.lower()] or scored
    if mitigation_contradicted(account or where):
        scored = [row for row in scored if "mitigated" not in row[2].text.lower()] or scored
    # A concept the area names only on its section 47 list ("Domestic abuse in pregnancy*", 000 lines 1239 and 1422)
    # is section 47 there, as a red flag is everywhere.
    s47_concept = s47_concept or all(c.s47 and list(c.concepts) == [hit.concept] for c in candidates)
    if (s47_concept or life_threat) and any(c.s47 for c in candidates):
        allowed = [row for row in scored if row[2].s47]
    else:
        allowed = scored if severity > 0 else [row for row in scored if not row[2].s47]
        allowed = allowed if s47_concept or life_threat else _supported_levels(allowed, severity, facts, scale)
    top = max(row[2].level for row in scored)
    top_text = " ".join(row[2].text for row in scored if row[2].level == top)
    top_facts = sentence_and_around(account, hit.sentence) if hit.concept in TOP_ONLY_BY_FACTS else account or where
    if at_top_line(hit.concept, read_facts(top_facts).found, top_text):
        allowed = [row for row in scored if row[2].level == top]
    elif hit.concept in TOP_ONLY_BY_FACTS:
        allowed = [row for row in allowed if row[2].level < top] or allowed
    elif capped_at_level_2(hit.concept, facts.found, account or where):
        # bot/engine/level_caps.py: a smack, a missing episode or stable substance use with none of the facts that raise
        # it is the level-2 line, whichever line's wording is nearer.
        lower = [row for row in allowed if row[2].level <= 2]
        allowed = lower or allowed
    if not allowed:
        return None
    best = max(allowed, key=lambda row: (row[0], row[2].level))
    if best[2].level == 4 and not best[2].s47:
        twins = [row for row in allowed if row[2].s47 and row[1] >= best[1] - S47_TWIN_MARGIN]
        if twins:
            return max(twins, key=lambda row: row[1])[2]
    return best[2]
