"""The written record of an assessment, as the seeds ask professionals to keep it.

Built from the engine's one advice object (``bot.engine.advice.Advice`` or its payload) and the
conversation's slot values: nothing here decides a level, a route or the consent advice. It holds
no more personal detail than the user typed (their answers, the child's age as they gave it) and
renders as Markdown for chat and plain text for download into the user's own case system.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any, Dict, List, Mapping, Optional, Union

from bot.engine.advice import Advice
from bot.engine.assess import assess
from bot.features.conversation import case_from_slots, followup_answers
from bot.features.followup import describe
from bot.render.reply import plain

SCALE_MEANING = "0 = the child is not safe at all, 10 = the child is safe and their needs are being met"
_TIMESCALE = re.compile(r"\b(within \d+ (working )?(hours|days|weeks)|no longer than \d+ weeks|today|immediately|"
                        r"straight away|now)\b", re.I)
ROUTE_NAMES = {"999": "Emergency: police (999)", "mash": "Referral to the MASH", "cads": "Call to CADS",
               "partnership_support": "Partnership Support (advice and early help coordination)",
               "early_help": "Early help", "universal": "Universal services", "public": "Report a concern",
               "national_fallback": "Outside the areas covered: national fallback"}
CONSENT_SAID = {"given": "they agreed", "refused": "they refused", "not_asked": "not asked yet",
                "unsure": "not sure whether they agreed"}
RISKY_SAID = {"yes": "yes", "no": "no", "unsure": "not sure"}


def when(value: Optional[Union[str, datetime]]) -> Optional[str]:
    """'22 November 2026, 16:30 UTC' from an ISO string or datetime; None if there is nothing to show."""
    if not value:
        return None
    try:
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%d %B %Y, %H:%M UTC").lstrip("0")


def _text(value: Any) -> str:
    text = str(value or "").strip()
    return "" if text in ("nothing stated", "None") else text


def timescale(step: str) -> Optional[str]:
    match = _TIMESCALE.search(step)
    return match.group(0).lower() if match else None


def build_record(advice: Union[Advice, Mapping[str, Any]], slots: Mapping[str, Any],
                 assessed_at: Optional[str] = None, generated_at: Optional[datetime] = None) -> Dict[str, Any]:
    """The record as a plain dict: the Signs of Safety map in the user's words, then the engine's advice."""
    data = advice.to_payload() if isinstance(advice, Advice) else dict(advice)
    if data.get("type") != "advice":
        raise ValueError("build_record needs the engine's advice object")
    generated = generated_at or datetime.now(timezone.utc)
    scale = slots.get("sos_scale")
    worries = " ".join(p for p in (_text(slots.get("sos_worried")), _text(slots.get("sos_corrections"))) if p)
    consent = data["consent"]
    said = []
    if isinstance(slots.get("consent_parents_know"), bool):
        said.append("the parents know you're worried: " + ("yes" if slots["consent_parents_know"] else "no"))
    if slots.get("consent_status") in CONSENT_SAID:
        said.append("consent: " + CONSENT_SAID[slots["consent_status"]])
    if slots.get("consent_risky") in RISKY_SAID:
        said.append("asking would put someone at risk or undermine an investigation: "
                    + RISKY_SAID[slots["consent_risky"]])
    return {
        "type": "record",
        "area": data.get("area"), "area_name": data.get("area_name") or "not covered",
        "role": data.get("role"),
        "child_age": _text(slots.get("child_age")),
        "danger_now": bool(slots.get("triage_danger_now")) or bool(data.get("immediate_danger")),
        "map": {"worried": worries, "working_well": _text(slots.get("sos_working_well")),
                "needs": _text(slots.get("sos_needs")),
                "scale": None if scale is None else int(float(scale)), "scale_meaning": SCALE_MEANING,
                # issue 13.4-5: earlier concerns and the follow-up answers, as said
                "history": _text(slots.get("sos_history")), "answers": _answers(slots)},
        "indicators": [{"text": i["text"], "level": i["level"], "s47": i["s47"], "matched": i["matched"],
                        "source": _cite(i["source"])}
                       for i in data.get("indicators", [])],
        "level": data.get("level"), "level_name": data.get("level_name"), "s47": data.get("s47"),
        "route": data.get("route"), "route_name": ROUTE_NAMES.get(data.get("route"), data.get("route")),
        "contact": data["contact"]["service"], "contact_phones": list(data["contact"].get("phones") or []),
        "contact_how": data["contact"].get("how") or "",
        "consent": {"needed": consent["needed"], "tell_parents": consent["tell_parents"],
                    "said": said, "rationale": consent["advice"], "record": list(consent.get("record") or []),
                    "source": _cite(consent.get("source"))},
        "next_steps": [{"step": step, "timescale": timescale(step)} for step in data.get("then", [])],
        "rationale": list(data.get("rationale") or []),
        "notes": list(data.get("notes") or []),
        "escalation": data.get("escalation"),
        "sources": [_cite(c) for c in data.get("citations", [])],
        "guidance_version": data.get("guidance_version"),
        "assessed_at": when(assessed_at), "generated_at": when(generated),
        "disclaimer": data.get("disclaimer"),
    }


def _answers(slots: Mapping[str, Any]) -> List[str]:
    return describe(followup_answers(slots.get("followup_state")))


def _cite(citation: Optional[Mapping[str, Any]]) -> Optional[str]:
    """Document and section in plain words: no seed-line references in a record the user keeps (13.7)."""
    return f'{citation["title"]}, {plain(citation["section"])}' if citation else None


def _level_line(record: Mapping[str, Any]) -> str:
    if record["level"] is None:
        return "Level: not decided (the area is not covered by this guidance)."
    flag = " - section 47 (reasonable cause to suspect significant harm)" if record["s47"] else ""
    return f'Level {record["level"]} ({record["level_name"]}){flag}.'


def _consent_decision(consent: Mapping[str, Any]) -> str:
    needed = "Consent is needed before sharing or referring." if consent["needed"] else \
        "Consent is not needed to share information with the front door."
    tell = "Tell the parents you are referring." if consent["tell_parents"] else \
        "Do not tell the parents before the front door advises."
    return f"{needed} {tell}"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")


def md_escape(text: str) -> str:
    """The user's own words shown literally in Markdown: no headings, links or HTML from what they typed."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _sections(record: Mapping[str, Any], escape: Any = str) -> List[tuple]:
    """(heading, lines) in the order the record is read; each renderer only changes the markup.

    ``escape`` is applied to everything the user typed (Markdown escaping for chat, nothing for text).
    """
    sos = {k: escape(v) if isinstance(v, str) and k != "scale_meaning" else v for k, v in record["map"].items()}
    scale = "not given" if sos["scale"] is None else f'{sos["scale"]}/10 ({sos["scale_meaning"]})'
    child = f'Child\'s age as given: {escape(record["child_age"]) or "not given"}. Area: {record["area_name"]}. ' \
            f'Completed by: a {record["role"] or "professional"}.'
    indicators = [f'{i["text"]} [level {i["level"]}{", section 47" if i["s47"] else ""}] - you said '
                  f'"{escape(i["matched"])}" ({i["source"]})' for i in record["indicators"]] or \
        ["No specific indicator in the guidance was matched."]
    contact = record["contact"] + (f' ({" or ".join(record["contact_phones"])})' if record["contact_phones"] else "")
    consent = record["consent"]
    consent_lines = [_consent_decision(consent)]
    if consent["said"]:
        consent_lines.append("You said: " + "; ".join(consent["said"]) + ".")
    consent_lines.append("Rationale: " + consent["rationale"])
    if consent["source"]:
        consent_lines.append(f'Source: {consent["source"]}.')
    consent_lines += [f"Record: {item}" for item in consent["record"]]
    steps = [s["step"] + (f' (timescale: {s["timescale"]})' if s["timescale"] else "") for s in record["next_steps"]]
    advice = [_level_line(record), f'Route: {record["route_name"]}. Contact: {contact}.'] + \
        [f"Why: {r}" for r in record["rationale"]] + [f"Note: {n}" for n in record["notes"]]
    if record["escalation"]:
        advice.append(f'If you disagree with the front door\'s decision: {record["escalation"]}')
    if record["danger_now"]:
        advice.insert(0, "The child was said to be in immediate danger: 999 first.")
    return [
        ("About this record", [child, f'Assessed: {record["assessed_at"] or "not recorded"}. '
                                      f'Record made: {record["generated_at"]}.',
                               f'Guidance version: {record["guidance_version"]}.']),
        ("What are we worried about?", [sos["worried"] or "Nothing stated."]),
        ("What's working well?", [sos["working_well"] or "Nothing stated."]),
        ("What needs to happen?", [sos["needs"] or "Nothing stated."]),
        ("How worried are we? (scale)", [scale]),
        ("Earlier concerns or referrals", [sos.get("history") or "Not asked or not given."]),
        ("Follow-up questions", [escape(a) for a in record["map"].get("answers") or []] or ["None asked."]),
        ("Indicators matched", indicators),
        ("Level, advice and route", advice),
        ("Consent decision", consent_lines),
        ("Next steps", steps or ["None given."]),
        ("Sources", record["sources"] or ["None."]),
    ]


def render_markdown(record: Mapping[str, Any]) -> str:
    """The record for chat."""
    out = [f'## Written record: worry about a child ({record["area_name"]})', ""]
    for heading, lines in _sections(record, md_escape):
        out.append(f"### {heading}")
        bullet = len(lines) > 1 or heading in ("Indicators matched", "Next steps", "Sources")
        numbered = heading == "Next steps"
        for n, line in enumerate(lines, 1):
            out.append(f"{n}. {line}" if numbered else (f"- {line}" if bullet else line))
        out.append("")
    out.append(f'_{record["disclaimer"]}_')
    return "\n".join(out)


def render_text(record: Mapping[str, Any]) -> str:
    """The record as a plain-text file for the user's own case system."""
    title = f'WRITTEN RECORD: WORRY ABOUT A CHILD ({record["area_name"]})'
    out = [title, "=" * len(title), ""]
    for heading, lines in _sections(record):
        out += [heading.upper(), "-" * len(heading)]
        numbered = heading == "Next steps"
        out += [f"{n}. {line}" if numbered else (f"- {line}" if len(lines) > 1 else line)
                for n, line in enumerate(lines, 1)]
        out.append("")
    out.append(record["disclaimer"] or "")
    return "\n".join(out) + "\n"


def filename(record: Mapping[str, Any]) -> str:
    stamp = re.sub(r"[^0-9A-Za-z]+", "-", record.get("assessed_at") or record.get("generated_at") or "").strip("-")
    return f"safeguarding-record-{stamp or 'undated'}.txt"


def record_from_slots(slots: Mapping[str, Any], assessed_at: Optional[str] = None,
                      generated_at: Optional[datetime] = None) -> Optional[Dict[str, Any]]:
    """Rebuild the record from a conversation's slots through the engine's one path; None if no assessment.

    The advice summary kept when the advice was given is compared with the rebuilt advice, so a record
    never silently shows different advice from the one the user was given.
    """
    summary = slots.get("advice_summary")
    if not isinstance(summary, Mapping):
        return None

    advice = assess(case_from_slots(slots))
    record = build_record(advice, slots, assessed_at=assessed_at, generated_at=generated_at)
    if (summary.get("level"), summary.get("route")) != (advice.level, advice.route):
        record["notes"].insert(0, f'The guidance has changed since your advice was given (then: level '
                                  f'{summary.get("level")}, route {summary.get("route")}); this record shows the '
                                  "current guidance's advice. Check it with your designated safeguarding lead.")
    return record


def record_text(slots: Dict[str, Any], assessed_at: Optional[str]) -> Optional[tuple]:
    """(file name, text) for the slots, or None when there is no finished assessment (the action server's
    ``/record`` route, bot/runtime/action_server.py)."""
    record = record_from_slots(slots, assessed_at=assessed_at)
    if record is None:
        return None
    return filename(record), render_text(record)
