"""Plain-text advice: the chat message, the CLI's --text and the fallback for every channel."""

from __future__ import annotations

from typing import List

from bot.advice import Advice, Contact
from bot.public_advice import PUBLIC_DISCLAIMER, for_public


def contact_line(contact: Contact) -> str:
    parts = [contact.service]
    if contact.phones:
        parts.append("phone " + " or ".join(contact.phones))
    if contact.email:
        parts.append(f"email {contact.email}")
    if contact.hours:
        parts.append(f"({contact.hours})")
    return ", ".join(parts)


def headline(advice: Advice) -> str:
    if advice.immediate_danger:
        return "Call 999 now: the child is in immediate danger."
    if advice.level is None:
        return "We don't hold guidance for that area."
    if advice.s47:
        if advice.role == "public":
            return f"Level 4 ({advice.level_name}): please report this to {advice.contact.service} today."
        return f"Level 4 ({advice.level_name}): this needs a referral to {advice.contact.service} today."
    return f"Level {advice.level} ({advice.level_name}): {advice.contact.service}."


def sources_line(advice: Advice) -> str:
    """The guidance the advice rests on (level, route, indicators), its date and version: every channel shows it."""
    cites = "; ".join(f"{c.title}, {c.section}" for c in advice.citations[:4])
    dated = f"Guidance dated: {advice.guidance_date}. " if advice.guidance_date else ""
    return (f"Source: {cites}. " if cites else "") + dated + f"Guidance version {advice.guidance_version}."


def disclaimer_for(advice: Advice) -> str:
    """A member of the public is not told to talk to a designated safeguarding lead (issue 12.9)."""
    return PUBLIC_DISCLAIMER if advice.role == "public" else advice.disclaimer


def consent_line(advice: Advice) -> str:
    source = advice.consent.source
    return "Consent: " + advice.consent.advice + (f" (Source: {source.title}, {source.section}.)" if source else "")


def render_text(advice: Advice) -> str:
    """Everything a professional needs, in the order they need it, with the guidance cited."""
    lines: List[str] = [headline(advice), ""]
    if advice.indicators:
        lines.append("What you told me matches:")
        for item in advice.indicators[:8]:
            flag = " (section 47 red flag)" if item.s47 else ""
            lines.append(f"- {item.text} [level {item.level}{flag}] - you said \"{item.matched}\"")
        lines.append("")
    lines.append("What to do:")
    lines.extend(f"{n}. {step}" for n, step in enumerate(advice.then, 1))
    lines.append("")
    lines.append(f"Contact: {contact_line(advice.contact)}")
    if advice.contact.how and advice.role != "public":  # the public's steps already say how, in plain words
        lines.append(f"How: {advice.contact.how}")
    if advice.door and advice.door.service != advice.contact.service:
        lines.append(f"Front door: {contact_line(advice.door)}")
    lines.append("")
    lines.append(consent_line(advice))
    if advice.consent.record:
        lines.append("Record: " + " ".join(advice.consent.record[:3]))
    lines.append("")
    why = " ".join(advice.rationale)
    lines.append("Why: " + (for_public(why) if advice.role == "public" else why))
    for note in advice.notes:
        lines.append(f"Note: {note}")
    lines.append(sources_line(advice))
    lines.append(disclaimer_for(advice))
    return "\n".join(lines)
