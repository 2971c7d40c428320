"""The slot events of an escalation, written once (issue 16): the form, the escalation action, a quick question
mid-form and the rehearsal all escalate the same way.

An escalation marks the turn as answered (``escalation_given``), keeps the message that raised it among the worries
(so the advice at the end cannot miss it), and records danger now when the message said so.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa_sdk.events import SlotSet

from bot.features import conversation as conv


def escalation_slots(worried: Optional[str], text: str, danger: bool, keep_worry: bool = True) -> Dict[str, Any]:
    """The slot values an escalation sets, as a form validation returns them."""
    slots: Dict[str, Any] = {"escalation_given": True}
    if keep_worry:
        slots["sos_worried"] = conv.append_text(worried, text)
    if danger:
        slots["triage_danger_now"] = True
    return slots


def escalation_events(worried: Optional[str], text: str, danger: bool, keep_worry: bool = True) -> List[Dict[str, Any]]:
    """The same, as events for an action to return."""
    return [SlotSet(name, value) for name, value in escalation_slots(worried, text, danger, keep_worry).items()]
