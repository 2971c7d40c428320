"""Consent and information-sharing advice, from the area's guidance.

Levels 1-3: explicit, informed consent before a referral. Level 4: consent is
not needed; parents are normally told, except where telling them could put the
child, anyone else or the referrer at risk, or undermine an investigation.
"""

from __future__ import annotations

import re
from typing import List, Mapping, Optional, Sequence

from bot.advice import ConsentAdvice, MatchedIndicator
from bot.case import Case
from bot.guidance.models import AreaGuidance
from bot.routes import citation

# Telling the parents first could put the child at risk or lose evidence (the seeds' consent exceptions).
RISKY_TO_TELL = {"fgm", "forced_marriage", "honour_based_abuse", "fabricated_illness", "trafficking"}
# Abuse that is risky to tell the parents about when a parent or carer is the one said to be harming.
RISKY_IF_PARENT = {"sexual_abuse", "disclosure_abuse", "physical_abuse"}
PARENT_WORDS = re.compile(
    r"\b(dad|daddy|father|mum|mummy|mom|mam|mother|step ?dad|step ?father|step ?mum|step ?mother|parents?|"
    r"carers?|(?:mum|mother)'?s (?:boyfriend|partner)|(?:dad|father)'?s (?:girlfriend|partner))\b"
)


def risk_in_telling(indicators: Sequence[MatchedIndicator], consent_risky: bool,
                    sentences: Mapping[str, Sequence[str]]) -> Optional[str]:
    """Why parents should not be told before the front door is consulted, or None.

    ``sentences`` maps a concept to the user's sentences that raised it, so "her stepdad touches
    her" is read as abuse by a carer, while "a boy at school hit him" is not.
    """
    if consent_risky:
        return "you told us that asking the parents could put the child or someone else at risk"
    for item in indicators:
        if item.concept in RISKY_TO_TELL:
            return f"the worry involves {item.label}"
        if item.concept in RISKY_IF_PARENT and any(PARENT_WORDS.search(s.lower())
                                                   for s in sentences.get(item.concept, ())):
            return f"the worry involves {item.label} by a parent or carer"
    return None


def consent_advice(area: AreaGuidance, level: int, case: Case, indicators: Sequence[MatchedIndicator],
                   sentences: Optional[Mapping[str, Sequence[str]]] = None) -> ConsentAdvice:
    """Consent handling for this level and case, citing the area's consent section."""
    rules = [r for r in area.consent.rules if level in r.levels]
    source = citation(area, rules[0].source.document, rules[0].source.section) if rules else None
    record: List[str] = list(area.consent.record)
    if level >= 4:
        reason = risk_in_telling(indicators, case.consent_risky, sentences or {})
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
