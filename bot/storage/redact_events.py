"""Redact one stored event (as Rasa serialises it) before it is written to the database.

Every string in the event is redacted: UserUttered text, parse data and entities; slot
values (sos_* answers and any other text slot); bot messages, which may quote the user
('you said "..."'); and custom payloads (the advice's ``matched`` words). Values already
found in the user's messages are also replaced wherever they are echoed (``known``), in
case an echo is a fragment the rules would not catch on its own. Bot text from guidance/
is not changed by redaction (tests/engine/test_redaction.py::test_guidance_text_is_not_redacted).
"""

from __future__ import annotations

from typing import Any, Dict

from bot.privacy.redaction import redact, redact_known

# Technical fields: names of actions, slots, intents and entities, ids. Never user text.
TECHNICAL_KEYS = frozenset({"event", "name", "input_channel", "message_id", "policy", "intent_name", "entity",
                            "extractor", "type", "timestamp", "confidence", "action_text_hidden", "role", "group"})


def _scrub(value: Any, known: Dict[str, str], key: str = "") -> Any:
    if isinstance(value, str):
        return value if key in TECHNICAL_KEYS else redact_known(redact(value), known)
    if isinstance(value, list):
        return [_scrub(v, known, key) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v, known, k) for k, v in value.items()}
    return value


# Slots whose values the system makes, never the user: a random download token and a UTC time. Redacting
# them could only break them (a token's random letters can look like a postcode, or hold a name the user
# typed), so they are stored as they are; a SlotSet event's other fields are scrubbed as usual.
SYSTEM_SLOTS = frozenset({"record_token", "record_assessed_at"})


def redact_event(data: Dict[str, Any], known: Dict[str, str]) -> Dict[str, Any]:
    """A redacted copy of one event dict (``Event.as_dict()``)."""
    if data.get("event") == "slot" and data.get("name") in SYSTEM_SLOTS and isinstance(data.get("value"), str):
        return {**_scrub({k: v for k, v in data.items() if k != "value"}, known), "value": data["value"]}
    return _scrub(data, known)
