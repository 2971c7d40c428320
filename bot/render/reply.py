"""One answer per channel (issue 13.7): the engine's Advice, laid out once as a short Reply.

The Reply decides nothing: every word comes from the Advice (level, route, contact, steps, consent,
rationale, citations, disclaimer). It only chooses what goes first and what waits for "more":
- a headline of at most three lines: the level, whom to call, the number (999 first on danger);
- then what to do, consent and why, each short (the first sentences of the engine's own text);
- the source in plain words and the disclaimer, always;
- everything else in ``details``, shown on request ("more", a button, or the card's disclosure).

Text channels send ``reply_text``; the cards (``bot/render/cards.py``) draw the same Reply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from bot.engine.advice import Advice, Citation, Contact
from bot.engine.public_advice import PUBLIC_DISCLAIMER, for_public

MORE_HINT = 'Say "more" for the details: every step, what matched, the consent advice in full and what to record.'
MAX_STEPS = 3
MAX_WHY_CHARS = 280
MAX_CONSENT_CHARS = 400
MAX_HEADLINE_CHARS = 160

# "(seed lines 815-816)", "(seed line 1461: 'quote')", "(lines 12-14)": where a fact sits in our copy of a
# document means nothing to a user. Dropped wherever a user reads it.
_SEED_REF = re.compile(r"\s*\((?:seed )?lines? \d[^()]*\)", re.I)
_SEED_WORD = re.compile(r"\b(?:the|this) seed\b", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def plain(text: Optional[str]) -> str:
    """A guidance string in plain words: no seed-line references, "the seed" said as "the guidance"."""
    cleaned = _SEED_REF.sub("", text or "")
    return _SEED_WORD.sub(lambda m: ("The" if m.group(0)[0].isupper() else "the") + " guidance", cleaned).strip()


def short_title(title: str) -> str:
    """The document's name without its subtitle: "The Norfolk Threshold Guide", not the whole title page."""
    head = title.split(": ", 1)[0].strip()
    return head if len(head.split()) >= 2 else title


def cite(citation: Citation, full: bool = False) -> str:
    """Document and section in plain words, e.g. "The Norfolk Threshold Guide, Threshold Criteria: ..."."""
    section = plain(citation.section)
    if not full:
        section = section.split("; ", 1)[0]
    return f"{citation.title if full else short_title(citation.title)}, {section}"


def sentences(text: Optional[str], count: int) -> str:
    """The first ``count`` sentences of the engine's own text (never a cut mid-sentence, except for ``why``)."""
    parts = [p for p in _SENTENCE.split(plain(text)) if p.strip()]
    return " ".join(parts[:count])


def sentences_within(text: Optional[str], limit: int) -> str:
    """Whole sentences while they fit in ``limit`` characters, and always the first."""
    taken: List[str] = []
    for part in (p for p in _SENTENCE.split(plain(text)) if p.strip()):
        if taken and len(" ".join(taken + [part])) > limit:
            break
        taken.append(part)
    return " ".join(taken)


def _first_clause(text: str, limit: int) -> str:
    """A long sentence cut at its last clause break (", and", ";", " (") inside ``limit``, as a sentence."""
    if len(text) <= limit:
        return text
    cuts = [text.rfind(mark, 0, limit) for mark in (", and ", "; ", " (")]
    cut = max(cuts)
    return text[:cut].rstrip(",;:") + "." if cut > 40 else _clip(text, limit)


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


@dataclass(frozen=True)
class Detail:
    """One section of the details shown on request."""

    title: str
    lines: Tuple[str, ...]


@dataclass(frozen=True)
class Reply:
    """The advice laid out for a person: what they need first, the rest on request."""

    headline: Tuple[str, ...]
    numbers: Tuple[str, ...]
    do: Tuple[str, ...]
    consent: str
    why: str
    source: str
    disclaimer: str
    details: Tuple[Detail, ...]
    danger: bool
    level: Optional[int]
    route: str


def _phones(contact: Optional[Contact]) -> List[str]:
    if not contact:
        return []
    seen: List[str] = []
    for number in list(contact.phones) + ([contact.phone] if contact.phone else []):
        if number and number not in seen:
            seen.append(number)
    return seen


def _level_line(advice: Advice) -> str:
    if advice.level is None:
        return "We don't hold guidance for that area."
    name = f" ({advice.level_name})" if advice.level_name else ""
    if advice.s47:
        return f"Level {advice.level}{name}: a section 47 matter (possible significant harm)."
    return f"Level {advice.level}{name}."


def _reach_line(contact: Contact) -> str:
    """How to reach a service that has no number in the guidance: its email, web page, or where to find it."""
    if contact.email:
        return f"Email {contact.email}."
    if contact.contact_missing:
        return _first_clause(sentences(contact.contact_missing, 1), MAX_HEADLINE_CHARS)
    if contact.web:
        return f"Online: {contact.web}"
    return "The guidance gives no number: ask your designated safeguarding lead."


def _headline(advice: Advice) -> Tuple[Tuple[str, ...], Tuple[str, ...]]:
    """At most three lines (level, whom to call, the number) and the numbers they name, 999 first on danger."""
    public = advice.role == "public"
    if advice.immediate_danger or advice.route == "999":
        door = advice.door
        after = door.service if door else ("the police" if public else "your designated safeguarding lead")
        numbers = ["999"] + _phones(door)
        level = f"Level {advice.level}" + (f" ({advice.level_name})" if advice.level_name else "")
        lines = ("Call 999 now: the child is in immediate danger.",
                 f"{level}: then tell {after} today.",
                 "Phone 999 first" + (", then " + " or ".join(numbers[1:]) + "." if len(numbers) > 1 else "."))
        return lines, tuple(numbers)
    contact = advice.contact
    numbers = _phones(contact)
    if advice.level is None:
        whom = f"Contact: {contact.service}."
    elif advice.s47:
        whom = (f"Report it to {contact.service} today." if public
                else f"Refer to {contact.service} today.")
    else:
        whom = f"Contact: {contact.service}."
    if numbers:
        reach = "Phone " + " or ".join(numbers) + (f" ({contact.hours})." if contact.hours else ".")
    elif advice.door and _phones(advice.door) and advice.door.service != contact.service:
        numbers = _phones(advice.door)
        reach = f"If you become more worried: {advice.door.service}, phone {' or '.join(numbers)}."
    else:
        reach = _reach_line(contact)
    return (_level_line(advice), whom, reach), tuple(numbers)


def _contact_lines(contact: Contact, public: bool) -> List[str]:
    lines = [contact.service]
    phones = _phones(contact)
    if phones:
        lines.append("Phone: " + " or ".join(phones))
    for label, value in (("Email", contact.email), ("Online", contact.web), ("Hours", contact.hours),
                         ("Out of hours", contact.out_of_hours)):
        if value:
            lines.append(f"{label}: {plain(value)}")
    if contact.contact_missing:
        lines.append(plain(contact.contact_missing))
    if contact.how and not public:  # the public's steps already say how, in plain words
        lines.append("How: " + plain(contact.how))
    if contact.follow_up and not public:
        lines.append("Afterwards: " + plain(contact.follow_up))
    return lines


def _details(advice: Advice) -> Tuple[Detail, ...]:
    public = advice.role == "public"
    out: List[Detail] = [Detail("What to do, step by step",
                                tuple(f"{n}. {plain(step)}" for n, step in enumerate(advice.then, 1)))]
    out.append(Detail("Who to contact", tuple(_contact_lines(advice.contact, public))))
    if advice.door and advice.door.service != advice.contact.service:
        out.append(Detail("The front door", tuple(_contact_lines(advice.door, public))))
    if advice.indicators:
        out.append(Detail("What you told me matches", tuple(
            f"{i.text} (level {i.level}{', section 47 red flag' if i.s47 else ''}). You said: \"{i.matched}\". "
            f"Source: {cite(i.source)}." for i in advice.indicators[:8])))
    consent = [plain(advice.consent.advice)]
    if advice.consent.source:
        consent.append(f"Source: {cite(advice.consent.source)}.")
    out.append(Detail("Consent", tuple(consent)))
    if advice.consent.record:
        out.append(Detail("What to record", tuple(plain(r) for r in advice.consent.record)))
    why = [plain(for_public(r) if public else r) for r in advice.rationale]
    out.append(Detail("Why", tuple(w for w in why if w)))
    if advice.notes:
        out.append(Detail("Notes", tuple(plain(n) for n in advice.notes)))
    if advice.escalation and not public:  # professionals' disagreement procedure
        out.append(Detail("If you disagree with the decision", (plain(advice.escalation),)))
    out.append(Detail("Sources", tuple([cite(c, full=True) for c in advice.citations] + [_version(advice)])))
    return tuple(d for d in out if d.lines)


def _version(advice: Advice, dated: bool = True) -> str:
    when = f"Guidance dated: {advice.guidance_date}. " if dated and advice.guidance_date else ""
    return f"{when}Guidance version {advice.guidance_version}."


def source_line(advice: Advice) -> str:
    """The guidance the advice rests on (two citations, in plain words) and its version: every reply carries it.
    The documents' dates and every citation are in the details."""
    seen: List[str] = []
    for citation in advice.citations:
        text = cite(citation)
        if text not in seen and len(seen) < 2:
            seen.append(text)
    cites = "; ".join(seen)
    return (f"Source: {cites}. " if cites else "") + _version(advice, dated=False)


def build_reply(advice: Advice) -> Reply:
    """The Advice, laid out once for every channel."""
    public = advice.role == "public"
    headline, numbers = _headline(advice)
    firsts = [sentences(step, 1) for step in advice.then]
    said = tuple(line.rstrip(".") for line in headline)  # a step the headline already says is not repeated
    do = tuple([step for step in firsts if step and not step.startswith(said)][:MAX_STEPS])
    why_text = " ".join(advice.rationale)
    why = _clip(sentences(for_public(why_text) if public else why_text, 1), MAX_WHY_CHARS)
    consent = sentences_within(advice.consent.advice, MAX_CONSENT_CHARS)
    return Reply(headline=headline, numbers=numbers, do=do,
                 consent=consent, why=why, source=source_line(advice),
                 disclaimer=PUBLIC_DISCLAIMER if public else advice.disclaimer, details=_details(advice),
                 danger=bool(advice.immediate_danger or advice.route == "999"), level=advice.level,
                 route=advice.route)


def reply_text(reply: Reply) -> str:
    """The short answer for text channels and every card's fallback. Single line breaks only: Rasa's REST
    channel splits a text at blank lines, which is how the advice used to arrive as six messages."""
    lines: List[str] = list(reply.headline)
    if reply.do:
        lines.append("What to do: " + " ".join(f"{n}. {s}" for n, s in enumerate(reply.do, 1)))
    if reply.consent:
        lines.append("Consent: " + reply.consent)
    if reply.why:
        lines.append("Why: " + reply.why)
    lines += [reply.source, reply.disclaimer, MORE_HINT]
    return "\n".join(lines)


def details_text(reply: Reply, sections: Optional[Sequence[Detail]] = None) -> str:
    """The details, asked for with "more"; the headline's first line says which advice they belong to."""
    lines: List[str] = [f"More detail: {reply.headline[0]}"]
    for detail in sections if sections is not None else reply.details:
        lines.append(detail.title + ":")
        lines.extend(f"- {line}" if not line[:1].isdigit() else line for line in detail.lines)
    lines.append(reply.disclaimer)
    return "\n".join(lines)
