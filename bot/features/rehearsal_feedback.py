"""Feedback at the end of a rehearsed call: what was missing, where opinion stood in for fact, where the account
was not specific, whether the consent position is clear, and a readiness verdict.

Split from bot/features/rehearsal.py; it uses the seeds' recording guidance (fact not opinion, observable behaviour).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Tuple

from bot.features.rehearsal_reading import (
    _CONSENT_STATE,
    _HEARSAY,
    _OPINION,
    _REASON,
    _TOLD_NO,
    _TOLD_YES,
    _UNKNOWN,
    _quote,
    _sentences,
    opinions,
    vague_phrases,
)
from bot.features.rehearsal_topics import ACCOUNT, CONSENT, door_name, label, plan, topic_of
from bot.guidance.loader import cached_areas


@dataclass
class Feedback:
    """How the rehearsed call went, against what the door asks and the seeds' recording guidance."""

    area: str
    door: str
    missing: List[str] = field(default_factory=list)
    opinion: List[Tuple[str, str]] = field(default_factory=list)  # (topic label, the user's words)
    not_specific: List[Tuple[str, str]] = field(default_factory=list)
    consent_clear: bool = False
    consent_note: str = ""
    verdict: str = "not ready"
    verdict_text: str = ""
    guidance: List[str] = field(default_factory=list)
    prefilled: List[str] = field(default_factory=list)
    truncated: bool = False

    def to_dict(self) -> Dict[str, Any]:
        return {"type": "rehearsal_feedback", "area": self.area, "door": self.door, "missing": self.missing,
                "opinion": [list(o) for o in self.opinion], "not_specific": [list(v) for v in self.not_specific],
                "consent_clear": self.consent_clear, "consent_note": self.consent_note, "verdict": self.verdict,
                "guidance": self.guidance}

    def text(self) -> str:
        lines = [f"How that call to {self.door} went:"]
        if self.prefilled:
            lines.append("(Taken from your assessment: " + ", ".join(self.prefilled) + ".)")
        lines.append("What was missing: " + ("; ".join(self.missing) + "." if self.missing else
                                             "nothing: you covered everything they ask for."))
        if self.opinion:
            lines.append("Where opinion stood in for fact (say what you saw or heard, and who said what):")
            lines += [f'- {label}: "{words}"' for label, words in self.opinion]
        else:
            lines.append("Opinion and fact: you kept to what you saw and heard.")
        if self.not_specific:
            lines.append("Where the account wasn't specific, observable behaviour (describe what happened, "
                         "when, and who was there):")
            lines += [f'- {label}: "{words}"' for label, words in self.not_specific]
        else:
            lines.append("Observable behaviour: your account was specific.")
        lines.append(("Consent position: clear. " if self.consent_clear else "Consent position: not clear. ")
                     + self.consent_note)
        if self.truncated:
            lines.append("(A very long answer was cut short in this practice.)")
        lines.append(f"Readiness: {self.verdict_text}")
        if self.guidance:
            lines.append("From the recording guidance: " + " ".join(self.guidance))
        lines.append("This was practice, not a referral. It doesn't replace your professional judgement or your "
                     "designated safeguarding lead. If a child is in immediate danger, call 999.")
        return "\n".join(lines)


# the seeds' recording guidance the feedback cites: (what to find in an area's recording lines, why)
_PRINCIPLES = (r"fact (from|and) opinion", r"observable")


def recording_principles(area_id: str) -> List[str]:
    """The area's own recording lines on fact/opinion and observable behaviour; another area's, labelled."""
    areas = cached_areas()
    found: List[str] = []
    for pattern in _PRINCIPLES:
        line = next((r for r in areas[area_id].recording if re.search(pattern, r, re.I)), None)
        owner = areas[area_id].name
        if line is None:
            other = next(((a, r) for a in areas.values() for r in a.recording if re.search(pattern, r, re.I)), None)
            if other:
                owner, line = other[0].name, other[1]
        if line and not any(line in f for f in found):
            found.append(f"{owner}: {_sentence_with(line, pattern)}")
    return found


def _sentence_with(line: str, pattern: str) -> str:
    return next((s for s in _sentences(line) if re.search(pattern, s, re.I)), line)


def feedback(state: Mapping[str, Any]) -> Feedback:
    """Feedback on the rehearsal: missing items, opinion, vagueness, consent clarity and readiness."""
    area_id = state["area"]
    result = Feedback(area=area_id, door=door_name(area_id), truncated=bool(state.get("truncated")),
                      prefilled=[label(i) for i in state.get("prefilled", [])],
                      guidance=recording_principles(area_id))
    consent_texts: List[str] = []
    for entry in plan(area_id):
        topic = topic_of(entry)
        texts = [t for t in state["answers"].get(topic.id, []) if t and t.strip()]
        given = [t for t in texts if not _UNKNOWN.match(t)]
        if topic.kind == CONSENT:
            consent_texts += given
        if not given:
            result.missing.append(topic.label)
            continue
        if topic.kind != ACCOUNT:
            continue
        for text in given:
            result.opinion += [(topic.label, _quote(s)) for s in opinions(text)]
            result.not_specific += [(topic.label, _quote(s)) for s in vague_phrases(text)
                                    if not (_OPINION.search(s) or _HEARSAY.search(s))]
    result.consent_clear, result.consent_note = _consent_position(consent_texts)
    result.verdict, result.verdict_text = _verdict(result)
    return result


def _consent_position(texts: List[str]) -> Tuple[bool, str]:
    joined = " ".join(texts)
    if not joined.strip():
        return False, ("You didn't say whether the parents know or have agreed. The door will ask: know your "
                       "answer, and if you haven't asked, why not.")
    stated = bool(_CONSENT_STATE.search(joined) or _TOLD_YES.search(joined) or _TOLD_NO.search(joined))
    without = re.search(r"\b(refus\w*|declin\w*|not (yet )?asked|haven'?t asked|didn'?t ask|haven'?t (told|spoken)|"
                        r"not (yet )?told|no,? they (don'?t|haven'?t))\b", joined, re.I)
    if not stated:
        return False, "Say plainly whether the parents have been told and whether they agreed."
    if without and not _REASON.search(joined[without.start():] + " " + joined[:without.start()]):
        return False, ("You said consent wasn't sought or wasn't given but not why: give the reason (for example, "
                       "asking would put the child at risk) and what you did to seek it.")
    if without:
        return True, "You said where consent stands and why."
    return True, "You said the parents know and where consent stands."


def _verdict(result: Feedback) -> Tuple[str, str]:
    if result.missing or not result.consent_clear:
        todo = []
        if result.missing:
            todo.append("find out or note " + ", ".join(result.missing[:4]) + ("..." if len(result.missing) > 4
                                                                               else ""))
        if not result.consent_clear:
            todo.append("get your consent position clear")
        if result.opinion or result.not_specific:
            todo.append("turn the opinions and vague words above into what you saw and heard")
        return "not ready", "Not ready yet: before you call, " + " and ".join(todo) + "."
    if result.opinion or result.not_specific:
        return "nearly ready", ("Nearly ready: you have what they ask for; before you call, turn the opinions and "
                                "vague words above into what you saw and heard.")
    return "ready", "Ready to make the call: you have what they ask for, in facts they can act on."

