"""Consent and information-sharing advice, from the area's guidance.

Levels 1-3: explicit, informed consent before a referral. Level 4: consent is
not needed; parents are normally told, except where telling them could put the
child, anyone else or the referrer at risk, or undermine an investigation.
"""

from __future__ import annotations

import re
from typing import List, Optional, Sequence

from bot.advice import ConsentAdvice, MatchedIndicator
from bot.case import Case
from bot.guidance.models import AreaGuidance
from bot.routes import citation

# Telling the parents first could put the child at risk or lose evidence (the seeds' consent exceptions).
RISKY_TO_TELL = {"fgm", "forced_marriage", "honour_based_abuse", "fabricated_illness", "trafficking"}
RISKY_IF_FAMILY = {"sexual_abuse", "disclosure_abuse", "physical_abuse", "injury_nonmobile_baby",
                   "unexplained_injury", "sexual_activity_under13", "child_sexual_exploitation", "emotional_abuse"}
FAMILY_WORDS = re.compile(
    r"\b(dad|daddy|father|mum|mummy|mom|mother|step ?dad|step ?father|step ?mum|step ?mother|parents?|carers?|"
    r"mum'?s (?:boyfriend|partner)|dad'?s (?:girlfriend|partner)|boyfriend|partner|uncle|aunt|grandad|grandpa|"
    r"grandfather|nan|gran|grandma|brother|sister|cousin|at home|in the house|household|family)\b"
)


def risk_in_telling(indicators: Sequence[MatchedIndicator], consent_risky: bool) -> Optional[str]:
    """Why parents should not be told before the front door is consulted, or None."""
    if consent_risky:
        return "you told us that asking the parents could put the child or someone else at risk"
    for item in indicators:
        if item.concept in RISKY_TO_TELL:
            return f"the worry involves {item.label}"
        if item.concept in RISKY_IF_FAMILY and FAMILY_WORDS.search(item.matched.lower() + " " + item.text.lower()):
            return f"the worry involves {item.label} by someone in the child's family or household"
    return None


def _family_in(sentences: Sequence[str]) -> bool:
    return any(FAMILY_WORDS.search(s.lower()) for s in sentences)


def consent_advice(area: AreaGuidance, level: int, case: Case, indicators: Sequence[MatchedIndicator],
                   sentences: Sequence[str] = ()) -> ConsentAdvice:
    """Consent handling for this level and case, citing the area's consent section."""
    rules = [r for r in area.consent.rules if level in r.levels]
    source = citation(area, rules[0].source.document, rules[0].source.section) if rules else None
    record: List[str] = list(area.consent.record)
    if level >= 4:
        reason = risk_in_telling(indicators, case.consent_risky)
        if reason is None and _family_in(sentences) and any(
                i.concept in RISKY_IF_FAMILY for i in indicators):
            reason = "the worry involves harm by someone in the child's family or household"
        tell = reason is None
        parts = ["Consent is not needed to share information when a child may be suffering, or likely to suffer, "
                 "significant harm: share it with the front door now."]
        if tell:
            parts.append("Parents are normally told that you are referring, unless that could put the child, "
                         "anyone else or you at risk, or undermine the investigation of a crime.")
        else:
            parts.append(f"Do not tell the parents or carers before you have spoken to the front door: {reason}. "
                         "Telling them could put the child or others at risk, or undermine an investigation. "
                         "Agree with the front door who will tell them, and when.")
            record.insert(0, f"Your rationale for not telling the parents: {reason}.")
        if case.consent == "refused":
            parts.append("The parents have refused consent: that does not stop a referral at this level.")
        record.insert(0, "What you shared, with whom, when, and why you shared it without consent.")
        parts.extend(r.text for r in rules[:2])
        return ConsentAdvice(needed=False, tell_parents=tell, advice=" ".join(parts), record=_unique(record),
                             source=source)

    parts = [area.consent.summary]
    age = case.age_years
    own = area.consent.young_person_can_consent_from
    if own is not None and age is not None and age >= own:
        parts.append(f"At {age:g}, the young person can give their own consent (from {own}).")
    if case.consent == "given":
        parts.append("You have consent: record who gave it, when, and what they agreed can be shared with whom.")
    elif case.consent == "refused":
        parts.append("Consent has been refused. Record the refusal and the reasons given. A refusal is not on its "
                     "own a reason to escalate: keep offering support, and refer without consent only if you "
                     "come to believe the child is at risk of significant harm.")
    else:
        parts.append("Ask for explicit, informed consent before you refer: explain what you will share, "
                     "with whom and why.")
    parts.extend(r.text for r in rules[:2])
    record.insert(0, "The efforts you made to get consent, and the parents' (or young person's) response.")
    return ConsentAdvice(needed=True, tell_parents=True, advice=" ".join(parts), record=_unique(record),
                         source=source)


def _unique(items: List[str]) -> List[str]:
    seen: set = set()
    return [i for i in items if not (i in seen or seen.add(i))]


def national_consent() -> ConsentAdvice:
    """Out of area: the national position, without local specifics."""
    return ConsentAdvice(
        needed=True, tell_parents=True,
        advice=("Seek consent to share information unless doing so would put the child or others at risk of "
                "significant harm or undermine an investigation; in that case share without consent. "
                "Follow the local authority's own guidance."),
        record=["The efforts you made to get consent, and your rationale for sharing without it."])
