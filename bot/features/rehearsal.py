"""Rehearse the call to the front door: the assistant plays the duty social worker for the area.

The questions come from ``guidance/``: what the area's front door asks for on the call
(``front_door_asks``), plus, where the seed puts it elsewhere, what it says a referral should
include (``recording``) and the area's first Signs of Safety question. Answers that are vague or
opinion get one probe, the way a consultant social worker would ask. The feedback at the end uses
the seeds' recording guidance: fact not opinion, specific observable behaviour, a clear consent
position.

The state is a plain JSON-able dict (it lives in a Rasa slot) and every function here is pure:
``start(area, facts) -> state``, ``answer(state, text) -> (state, reply)``, ``feedback(state)``.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional, Tuple

from bot.features.rehearsal_feedback import Feedback, feedback
from bot.features.rehearsal_reading import (
    _quote,
    answers_topic,
    not_an_answer_probe,
    opinions,
    probe_for,
    vague_phrases,
)
from bot.features.rehearsal_topics import (
    RECORDING_ASKS,
    TOPICS,
    Topic,
    _area,
    door_name,
    door_route,
    label,
    plan,
    topic_of,
)
from bot.guidance.loader import cached_areas

__all__ = ["Feedback", "MAX_ANSWER_CHARS", "RECORDING_ASKS", "TOPICS", "answer", "current_topic", "door_name",
           "door_route", "feedback", "intro", "is_state", "opinions", "plan", "prompt", "start", "vague_phrases"]

STATE_VERSION = 1
MAX_ANSWER_CHARS = 2000  # the state lives in a slot: long answers are cut (the feedback says so)



# --- pre-filling from an assessment -------------------------------------------------------------------
def prefill(facts: Optional[Mapping[str, Any]]) -> Dict[str, str]:
    """What an assessment in this conversation already tells the front door, by topic, in the user's words."""
    if not facts:
        return {}
    found: Dict[str, str] = {}
    worried = " ".join(str(facts.get(k) or "").strip() for k in ("sos_worried", "sos_corrections")).strip()
    if worried:
        found["concern"] = worried
    well, needs = str(facts.get("sos_working_well") or "").strip(), str(facts.get("sos_needs") or "").strip()
    if well and well != "nothing stated":
        found["working_well"] = well + (f" Needs: {needs}" if needs and needs != "nothing stated" else "")
    status, risky = facts.get("consent_status"), facts.get("consent_risky")
    if status is None and facts.get("consent_parents_know") is False:
        status = "not_asked"  # parents who don't know weren't asked whether they agreed (issue 13.6)
    consent = ""
    if status in ("given", "refused", "not_asked", "unsure"):
        consent = {"given": "They have agreed.", "refused": "They refused consent.",
                   "not_asked": "I haven't asked them yet.",
                   "unsure": "I'm not sure whether they have agreed."}[status]
        if risky == "yes":
            consent += " Asking them would put the child or someone else at risk, or undermine an investigation."
        found["consent"] = consent
    knows = facts.get("consent_parents_know")
    if isinstance(knows, bool):
        told = "Yes, they know I'm worried." if knows else "No, they haven't been told yet."
        found["parents_told"] = f"{told} {consent}".strip()  # a door that only asks this hears the whole position
    return found


# --- the state machine ------------------------------------------------------------------------------------
def start(area_id: str, facts: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
    """A new rehearsal for the area; facts from an assessment pre-fill what the door would ask."""
    steps = plan(area_id)
    known = prefill(facts)
    answers = {e["id"]: [known[e["id"]]] for e in steps if e["id"] in known}
    order = [e["id"] for e in steps]
    state: Dict[str, Any] = {"v": STATE_VERSION, "area": area_id, "order": order, "answers": answers,
                             "prefilled": [i for i in order if i in answers], "probes": {}, "index": 0,
                             "probing": False, "done": False, "truncated": False}
    return _advance(state)


def _advance(state: Dict[str, Any]) -> Dict[str, Any]:
    index = state["index"]
    while index < len(state["order"]) and state["order"][index] in state["answers"]:
        index += 1
    state["index"] = index
    state["done"] = index >= len(state["order"])
    return state


def current_topic(state: Mapping[str, Any]) -> Optional[Topic]:
    if state.get("done"):
        return None
    entry = next(e for e in plan(state["area"]) if e["id"] == state["order"][state["index"]])
    return topic_of(entry)


def intro(state: Mapping[str, Any]) -> str:
    """The opening: who the assistant is playing, and what it already knows from the assessment."""
    area = _area(state["area"])
    lines = [f"Let's rehearse your call. I'll play the duty social worker at {door_name(state['area'])} "
             f"({area.name}) and ask what the guidance says they ask for on the call. Answer as you would on "
             "the phone. At the end I'll tell you how it went. Say 'stop' to stop. This is practice: if a "
             "child is in immediate danger, call 999 now."]
    door = door_route(area)
    if not any(a.route == door.id for a in area.front_door_asks):
        lines.append(f"(The {area.name} guidance lists what its Early Help Assessment asks, not the MASH call, "
                     "so I ask that.)")
    if "MARF" in f"{door.how} {door.follow_up or ''}":
        lines.append("(After the call you send a completed MARF. The guidance doesn't reproduce the form's "
                     "questions, so I ask what it says City MASH asks, and what worries you.)")
    if state["prefilled"]:
        known = "; ".join(f'{label(i)} ("{_quote(state["answers"][i][0])}")' for i in state["prefilled"])
        lines.append(f"From your assessment I already have: {known}. I'll ask only the rest.")
    return "\n".join(lines)


def prompt(state: Mapping[str, Any]) -> Optional[str]:
    """What the social worker asks next: a probe of the last answer, or the next question; None when done."""
    if state.get("done"):
        return None
    topic = current_topic(state)
    if state.get("probing"):
        return state["probes"].get(topic.id)
    return topic.question


def answer(state: Mapping[str, Any], text: str) -> Tuple[Dict[str, Any], Optional[str]]:
    """Take the user's answer to the current question; return the new state and what is asked next."""
    new = _copy(state)
    if new.get("done"):
        return new, None
    text = (text or "").strip()
    if len(text) > MAX_ANSWER_CHARS:
        text, new["truncated"] = text[:MAX_ANSWER_CHARS], True
    topic = current_topic(new)
    answered = answers_topic(topic, text)
    if not answered:
        new.setdefault("not_answers", []).append(text)  # kept for the case, never counted for this topic
    if new["probing"]:
        if answered:
            new["answers"].setdefault(topic.id, []).append(text)
        new["probing"] = False
        new["index"] += 1
    elif not answered:
        new["probes"][topic.id] = not_an_answer_probe(topic)
        new["probing"] = True
        return new, new["probes"][topic.id]
    else:
        probe = probe_for(topic, text)
        if probe:
            new["answers"][topic.id] = [text]
            new["probes"][topic.id] = probe
            new["probing"] = True
            return new, probe
        new["answers"][topic.id] = [text]
        new["index"] += 1
    _advance(new)
    return new, prompt(new)


def _copy(state: Mapping[str, Any]) -> Dict[str, Any]:
    return {**state, "order": list(state["order"]), "prefilled": list(state["prefilled"]),
            "answers": {k: list(v) for k, v in state["answers"].items()}, "probes": dict(state["probes"]),
            "not_answers": list(state.get("not_answers", []))[-10:]}



# --- small helpers the actions use ---------------------------------------------------------------------------
def is_state(value: Any) -> bool:
    return isinstance(value, dict) and value.get("v") == STATE_VERSION and value.get("area") in cached_areas()
