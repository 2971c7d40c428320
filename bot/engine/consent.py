"""Consent and information-sharing advice, from the area's guidance (issue 12.2, 12.3, 12.7, 12.8, 12.9).

Four situations, each in the seeds' own words (``when`` on the area's consent rules):
- normal (levels 1-3): explicit, informed consent before a referral;
- risky (levels 1-3, the user says asking would put someone at risk): don't ask, consult the front door and
  record why (002 Information Sharing; 000 8.1; 003 The Role of Designated Safeguarding Leads; 004 Appendix F);
- child in need (level 4 without significant harm): consent to the referral is still needed (003 "Services
  cannot accept a referral without consent, unless ..."; 001 "seek consent prior to making a Child in Need
  referral");
- significant harm (section 47, or danger now): consent is not needed to share; parents are normally told,
  except where telling them could put someone at risk or lose evidence (bot/engine/consent_risk.py). Where the area
  asks for permission even then (Nottingham City, 003 "should always be sought ... UNLESS"), it is sought when
  that is safe, and a refusal does not stop the referral.
A member of the public gets plain words instead (bot/engine/public_advice.py).
"""

from __future__ import annotations

import re
from typing import List, Mapping, Optional, Sequence

from bot.engine.advice import Citation, ConsentAdvice, MatchedIndicator
from bot.engine.case import Case
from bot.engine.consent_risk import TellRisk, risk_in_telling
from bot.engine.public_advice import public_consent
from bot.engine.routes import citation, front_door, route_door
from bot.guidance.models import AreaGuidance, ConsentRule

__all__ = ["consent_advice", "consistent", "national_consent", "risk_in_telling", "situation", "rules_for"]


def situation(level: int, significant_harm: bool, risky: bool) -> str:
    """Which of the seeds' consent situations applies."""
    if significant_harm:
        return "significant_harm"
    if risky:
        return "risky"
    return "child_in_need" if level >= 4 else "normal"


def rules_for(area: AreaGuidance, level: int, where: str, tell: bool = True) -> List[ConsentRule]:
    """The area's consent rules for this level and situation, those written for the situation first.

    When the family is not to be asked or told (the risky situation, or ``tell`` False) only rules written for
    that count: a general rule may say to seek consent or to inform the parents.
    """
    rules = [r for r in area.consent.rules if level in r.levels and "young_person" not in r.when]
    written = [r for r in rules if where in r.when]
    if where == "risky" or not tell:
        risky = [r for r in rules if "risky" in r.when]
        return risky + [r for r in written if r not in risky]
    return written + [r for r in rules if not r.when]


# A seed rule that tells you to ask the family or to inform them (its first sentence, with no "unless" or
# "you do not need consent" in it) contradicts advice not to ask or not to tell: it is left out, not appended.
_ASKS_FAMILY = re.compile(r"\b(discuss (your )?(concerns|worries) with the family|seek (their )?consent|"
                          r"obtain consent|gain consent|(should|must) always (agree|be sought)|"
                          r"consent \w+ (should|must) be (sought|gained|obtained))\b", re.I)
_TELLS_FAMILY = re.compile(r"\b(inform (the )?parents|tell (the )?parents|be informed|open and honest with)\b",
                           re.I)
_EXCEPTION = re.compile(r"\b(unless|do not need|don'?t need|not (to be )?sought|without consent|do not seek|"
                        r"not need consent|except)\b", re.I)


def consistent(rules: Sequence[ConsentRule], ask: bool, tell: bool) -> List[ConsentRule]:
    """The rules whose instruction agrees with the decision (issue 13.6): when the family is not to be asked
    (significant harm, or asking is risky) a rule saying "seek consent" is dropped; when they are not to be
    told, a rule saying "inform the parents" is dropped. A rule that states its own exception is kept."""
    kept = []
    for rule in rules:
        first = re.split(r"(?<=[.!?])\s+", rule.text.strip(), maxsplit=1)[0]
        if _EXCEPTION.search(first):
            kept.append(rule)
            continue
        if (not ask and _ASKS_FAMILY.search(first)) or (not tell and _TELLS_FAMILY.search(first)):
            continue
        kept.append(rule)
    return kept


def _door(area: AreaGuidance) -> str:
    return route_door(front_door(area, "professional"))


def _young_person(area: AreaGuidance, level: int, case: Case, shown: Sequence[ConsentRule]) -> List[str]:
    """The seed's own words on a young person's agreement, for a child at or above the age it names (12.8)."""
    own = area.consent.young_person_can_consent_from
    age = case.age_years
    if own is None or age is None or age < own:
        return []
    rules = [r for r in area.consent.rules if "young_person" in r.when and level in r.levels and r not in shown]
    if not rules:
        return []
    return [f"The child is {age:g}. {rules[0].text} Whether a young person can decide for themselves depends on "
            "their understanding, not only their age."]


# Why the consent advice is what it is, as a code: a closed set, so no free text reaches the advice log. Decided
# here, with the advice, and only copied by the log (issue 16: the log used to infer it again).
REASONS = frozenset({
    "significant_harm_share_and_tell_parents", "significant_harm_do_not_tell:user_said_risky",
    "significant_harm_do_not_tell:risky_concern", "significant_harm_do_not_tell:parent_or_carer_alleged",
    "consent_needed:given", "consent_needed:refused", "consent_needed:not_asked", "consent_needed:unsure",
    "significant_harm_seek_permission:given", "significant_harm_seek_permission:refused",
    "significant_harm_seek_permission:not_asked", "significant_harm_seek_permission:unsure",
    "national_position", "public_report", "public_report_do_not_tell",
})
_DO_NOT_TELL = {"user": "significant_harm_do_not_tell:user_said_risky",
                "evidence": "significant_harm_do_not_tell:risky_concern",
                "domestic": "significant_harm_do_not_tell:risky_concern",
                "household": "significant_harm_do_not_tell:parent_or_carer_alleged"}


def do_not_tell_reason(risk: TellRisk) -> str:
    return _DO_NOT_TELL.get(risk.kind, "significant_harm_do_not_tell:parent_or_carer_alleged")


def _status(case: Case) -> str:
    return case.consent if case.consent in ("given", "refused", "not_asked", "unsure") else "not_asked"


def _significant_harm(area: AreaGuidance, case: Case, risk: Optional[TellRisk], rules: List[ConsentRule],
                      record: List[str]) -> ConsentAdvice:
    tell = risk is None
    parts = ["Consent is not needed to share information when a child may be suffering, or likely to suffer, "
             "significant harm: share it with the front door now."]
    if tell:
        parts.append("Parents are normally told that you are referring, unless that could put the child, "
                     "anyone else or you at risk, or undermine the investigation of a crime.")
    else:
        parts.append(f"Do not tell the parents or carers before you have spoken to the front door: {risk.reason}. "
                     "Agree with the front door who will tell them, and when.")
        if risk.kind == "domestic":
            parts.append("Never tell the person said to be abusive.")
        record.insert(0, f"Your rationale for not telling the parents: {risk.reason}.")
    if case.consent == "refused":
        parts.append("You said the parents have refused consent: that does not stop a referral at this level.")
    record.insert(0, "What you shared, with whom, when, and why you shared it without consent.")
    rules = consistent(rules, ask=False, tell=tell)
    parts.extend(r.text for r in rules[:2])
    return ConsentAdvice(needed=False, tell_parents=tell, advice=" ".join(parts), record=_unique(record),
                         source=_source(area, rules),
                         reason="significant_harm_share_and_tell_parents" if risk is None else do_not_tell_reason(risk))


def _seeks_permission(area: AreaGuidance, case: Case, risk: Optional[TellRisk]) -> bool:
    """The area asks for a parent's permission even at significant harm, and asking is safe and not urgent.

    Danger now, a referrer who says asking is unsafe, or a harm where telling the family could lose evidence or
    put someone at risk (``risk``) are the seed's own "UNLESS" (003, The Role of Designated Safeguarding Leads).
    """
    return bool(area.consent.seek_permission_at_significant_harm) and risk is None and not case.danger_now


def _seek_permission(area: AreaGuidance, case: Case, rules: List[ConsentRule], record: List[str]) -> ConsentAdvice:
    """Seek permission first, but a refusal or a delay does not stop a significant-harm referral."""
    door = _door(area)
    parts = [f"{area.name}'s guidance asks you to seek permission from a parent or carer before you share "
             f"with {door}, even where a child may be suffering significant harm, unless asking would put the "
             "child at immediate risk or could lose evidence (for example by influencing what the child says)."]
    if case.consent == "given":
        parts.append("You have permission: record who gave it, when, and what they agreed can be shared.")
    elif case.consent == "refused":
        parts.append("Permission has been refused. Where a child may be suffering significant harm, information "
                     "may be shared without consent: refer today and tell the front door it was refused.")
    else:
        parts.append("Ask today, and do not let asking delay the referral: if they refuse or cannot be reached, "
                     "information may still be shared without consent where a child may be suffering "
                     "significant harm.")
    own = [r for r in rules if r.id == area.consent.seek_permission_at_significant_harm]
    rules = own + [r for r in consistent(rules, ask=True, tell=True) if r not in own]
    parts.extend(r.text for r in rules[1:2])
    record.insert(0, "Whether you sought permission, from whom and when, their answer, and what you shared with "
                     "whom and why.")
    return ConsentAdvice(needed=True, tell_parents=True, advice=" ".join(parts), record=_unique(record),
                         source=_source(area, rules), reason=f"significant_harm_seek_permission:{_status(case)}")


def _risky(area: AreaGuidance, risk: TellRisk, rules: List[ConsentRule], record: List[str]) -> ConsentAdvice:
    """Asking would put someone at risk: don't ask, consult the front door, record why (12.2)."""
    parts = [f"Do not ask the parents for consent and do not tell them yet: {risk.reason}. Talk to {_door(area)} "
             "about your worry first and agree with them what happens next, including who tells the family."]
    rules = consistent(rules, ask=False, tell=False)
    parts.extend(r.text for r in rules[:2])
    record.insert(0, f"Why you did not ask the parents for consent or tell them: {risk.reason}.")
    record.insert(1, "Who you consulted at the front door, when, and what you agreed.")
    return ConsentAdvice(needed=False, tell_parents=False, advice=" ".join(parts), record=_unique(record),
                         source=_source(area, rules), reason=do_not_tell_reason(risk))


def _asked(area: AreaGuidance, level: int, case: Case, where: str, risk: Optional[TellRisk],
           rules: List[ConsentRule], record: List[str]) -> ConsentAdvice:
    """Consent is sought: levels 1-3, and a child in need at level 4 (12.7)."""
    parts = [area.consent.summary]
    if where == "child_in_need":
        parts = ["This is a referral for services for a child in need, not a child at risk of significant harm: "
                 "the family's consent to the referral is needed."]
    parts += _young_person(area, level, case, rules)
    if case.consent == "given":
        parts.append("You have consent: record who gave it, when, and what they agreed can be shared with whom.")
    elif case.consent == "unsure":
        parts.append("You're not sure whether they have agreed: check with them, and ask for explicit, informed "
                     "consent before you refer, explaining what you will share, with whom and why.")
    elif case.consent == "refused":
        parts.append("Consent has been refused. Record the refusal and the reasons given. A refusal is not on its "
                     "own a reason to escalate: keep offering support, and refer without consent only if you "
                     "come to believe the child is at risk of significant harm.")
    else:
        parts.append("Ask for explicit, informed consent before you refer: explain what you will share, "
                     "with whom and why.")
    if risk is not None:
        parts.append(f"Check it is safe to ask first: {risk.reason}. If asking could put the child or anyone else "
                     f"at risk, don't ask: talk to {_door(area)} and record why.")
    if where == "child_in_need":
        parts.append("If you come to believe the child is at risk of significant harm, consent is not needed: "
                     f"share with {_door(area)} at once.")
    parts.extend(r.text for r in rules[:2])
    record.insert(0, "The efforts you made to get consent, and the parents' (or young person's) response.")
    return ConsentAdvice(needed=True, tell_parents=True, advice=" ".join(parts), record=_unique(record),
                         source=_source(area, rules), reason=f"consent_needed:{_status(case)}")


def consent_advice(area: AreaGuidance, level: int, case: Case, indicators: Sequence[MatchedIndicator],
                   sentences: Optional[Mapping[str, Sequence[str]]] = None, *,
                   significant_harm: Optional[bool] = None) -> ConsentAdvice:
    """Consent handling for this level and case, citing the area's consent section.

    ``significant_harm``: the decision's section 47 or immediate danger; when None it is inferred from the case
    (danger now) and the matched indicators (any section 47 item).
    """
    if significant_harm is None:
        significant_harm = case.danger_now or any(i.s47 for i in indicators)
    risk = risk_in_telling(indicators, case.consent_risky, sentences or {})
    if case.role == "public":
        return public_consent(level, risk)
    # A level-4 child in need whose family should not be asked is handled as risky: consult the front door.
    risky = case.consent_risky or (level >= 4 and risk is not None)
    where = situation(level, significant_harm, risky)
    rules = rules_for(area, level, where, tell=risk is None)
    record: List[str] = list(area.consent.record)
    if where == "significant_harm" and _seeks_permission(area, case, risk):
        return _seek_permission(area, case, rules, record)
    if where == "significant_harm":
        return _significant_harm(area, case, risk, rules, record)
    if where == "risky" and risk is not None:
        return _risky(area, risk, rules, record)
    return _asked(area, level, case, where, risk, rules, record)


def _source(area: AreaGuidance, rules: Sequence[ConsentRule]) -> Optional[Citation]:
    """The seed section the advice rests on: the first rule shown."""
    fallback = area.consent.rules[0] if area.consent.rules else None
    rule = rules[0] if rules else fallback
    return citation(area, rule.source.document, rule.source.section) if rule else None


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
        record=["The efforts you made to get consent, and your rationale for sharing without it."],
        reason="national_position")
