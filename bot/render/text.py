"""Plain-text advice: the chat message, the CLI's --text and the fallback for every channel."""

from __future__ import annotations

from bot.engine.advice import Advice, Contact
from bot.engine.public_advice import PUBLIC_DISCLAIMER
from bot.render.reply import build_reply, cite, details_text, reply_text, source_line


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
    """The reply's first line (the level, or "Call 999 now"): a notification's summary."""
    return build_reply(advice).headline[0]


def sources_line(advice: Advice) -> str:
    """The guidance the advice rests on, in plain words, with its date and version: every channel shows it."""
    return source_line(advice)


def disclaimer_for(advice: Advice) -> str:
    """A member of the public is not told to talk to a designated safeguarding lead (issue 12.9)."""
    return PUBLIC_DISCLAIMER if advice.role == "public" else advice.disclaimer


def consent_line(advice: Advice) -> str:
    source = advice.consent.source
    return "Consent: " + advice.consent.advice + (f" (Source: {cite(source)}.)" if source else "")


def render_text(advice: Advice) -> str:
    """The whole advice as text (the CLI's --text): the short reply, then every detail."""
    reply = build_reply(advice)
    return reply_text(reply) + "\n" + details_text(reply)
