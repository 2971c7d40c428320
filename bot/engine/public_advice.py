"""What a member of the public is told: the seed's words for the public, never a professional's procedure.

A neighbour, relative or parent is not asked to send a MARF or an online referral, to follow a call up in
writing within 24 hours, or to talk to "your designated safeguarding lead" (issue 12.9). They get:
- 999 when a child is in immediate danger (every seed);
- the area's line for the public where the seed gives one: Norfolk (002, "Threshold Criteria: Section 47 Duty
  to investigate"): "Members of the public can phone 0344 800 8020 ... state clearly that you have a concern for
  a child's wellbeing and wish to report that concern"; Bedford Borough (004, Introduction): "dial 999 to
  contact the Police. Otherwise ... contact Bedford Borough Children's Social Care as soon as possible";
- otherwise the front door's own number (Northamptonshire MASH 0300 126 7000, 001; City MASH 0115 876 4800,
  003), with no professional steps attached.
"""

from __future__ import annotations

import re
from typing import List, Optional

from bot.engine.advice import ConsentAdvice, Contact
from bot.engine.consent_risk import TellRisk
from bot.engine.routes import contact_for, front_door, phones_text
from bot.guidance.models import AreaGuidance

PUBLIC_DISCLAIMER = ("This is information from the local guidance for people who work with children; it is not a "
                     "decision about the child. If a child is in immediate danger, call 999.")
NO_PROOF = "You do not need proof, and you can say what you have seen and heard in your own words."
# Professionals' procedure: a member of the public is never told to do these (issue 12.9).
PROFESSIONAL_ONLY = re.compile(r"designated safeguarding|\bDSL\b|\bMARF\b|multi-agency request|online referral|"
                               r"in writing|written referral|24 hours|your agency|safeguarding lead|line manager|"
                               r"early help assessment|\bEHA\b", re.I)


def for_public(text: Optional[str], skip: Optional[re.Pattern] = None) -> str:
    """Only the sentences of a route's text that apply to a member of the public (and are not ``skip``)."""
    sentences = re.split(r"(?<=[.!?])\s+", text or "")
    return " ".join(s for s in sentences
                    if s and not PROFESSIONAL_ONLY.search(s) and not (skip and skip.search(s)))


NINE_NINE_NINE = re.compile(r"\b999\b")


def _reach(contact: Contact) -> str:
    """'Call X on N' where the seed gives a number; otherwise where to find it (999 is said separately)."""
    phones = phones_text(contact)
    if phones:
        return f"Call {contact.service} on {phones}."
    missing = for_public(contact.contact_missing, NINE_NINE_NINE)
    return f"Contact {contact.service} as soon as possible." + (f" {missing}" if missing else "")


def _then(text: str) -> str:
    return text[0].lower() + text[1:]


def public_steps(area: AreaGuidance, level: int, contact: Contact, danger: bool = False) -> List[str]:
    """Next steps for a member of the public, in order: 999 when needed, then who to call and what to say.

    ``contact`` is the route the assessment chose; the public line (or front door) is looked up here.
    """
    door = contact_for(area, front_door(area, "public"))
    steps: List[str] = []
    if danger:
        steps += ["Call 999 now.", "Then " + _then(_reach(door))]
    elif contact.service == door.service or level >= 3:
        said = for_public(door.how) if _is_public_line(area, door) else ""
        if said:  # the seed's own words to the public (Norfolk, Bedford), then where to find a missing number
            steps.append(said)
            missing = "" if door.phones else for_public(door.contact_missing, NINE_NINE_NINE)
            steps += [missing] if missing else []
        else:
            steps.append(_reach(door))
        if door.hours:
            steps.append(f"Opening hours: {door.hours}." + (f" {for_public(door.out_of_hours)}"
                                                             if door.out_of_hours else ""))
    else:
        steps.append(f"You can talk to a service that already knows the child and family: {contact.service}.")
    steps.append(NO_PROOF)
    if not danger:
        if level < 3 and contact.service != door.service:
            steps.append("If you become more worried, or think the child may be being harmed, " + _then(_reach(door)))
        if not any(NINE_NINE_NINE.search(step) for step in steps):
            steps.append("If a child is in immediate danger, call 999.")
    return steps


def _is_public_line(area: AreaGuidance, contact: Contact) -> bool:
    return any(r.kind == "public" and r.service == contact.service for r in area.routes)


def public_consent(level: int, risk: Optional[TellRisk]) -> ConsentAdvice:
    """Plain words for the public: no permission is needed to report a worry, and when not to tell the family."""
    parts = ["You don't need the parents' permission to report a worry about a child, and you don't have to "
             "tell them that you are reporting it."]
    if risk is not None and risk.kind != "user":
        parts.append(f"Don't tell the family before you have reported it: {risk.reason}.")
    elif risk is not None:
        parts.append("As you think telling the family could put the child or someone else at risk, don't tell "
                     "them: report your worry and let the people you call decide what happens next.")
    elif level >= 4:
        parts.append("If you think telling the family could put the child or anyone else at risk, don't tell them: "
                     "the people you call will decide what happens next.")
    else:
        parts.append("If it is safe, talking to the parents about your worry can help; any service will ask for "
                     "their agreement before it gets involved.")
    # The structured fields keep the level's rule (consent to services at levels 1-3; the family told unless that
    # is risky), so every channel and the evaluation read the same decision for the public as for professionals.
    return ConsentAdvice(needed=risk is None and level < 4, tell_parents=risk is None, advice=" ".join(parts),
                         record=["Write down what you saw and heard, and when, in case you are asked about it."],
                         reason="public_report" if risk is None else "public_report_do_not_tell")
