"""Small, explicit fixes to Rasa 3.6.21 behaviour that this product cannot live with.

- When the action server cannot be reached, Rasa logs the error and the user hears
  nothing. ``SafeRemoteAction`` sends the safety-net message (999 and the front
  doors, from guidance/) instead, and the conversation carries on when it returns.

- When the action server hangs (stopped, stuck, overloaded), Rasa waits 5 minutes per call
  (``DEFAULT_REQUEST_TIMEOUT``) and the channel gives up first with a bare 503. The call now
  times out after ``ACTION_TIMEOUT_SECONDS`` (default 8, under the 10 s a person waits) and the
  timeout takes the same safety-net path as a refused connection. Once the safety net has been
  sent in a turn, the turn's further actions are not sent to the failing server (one wait, one
  message). When a form's validation action fails, the slots filled from that message are put
  back, so the unchecked text is not kept and the retry answers the same question.

- Log records are redacted (``bot/privacy/redaction.py``) so user text never reaches a log.

- ``RemoteAction`` checks every action server reply with ``jsonschema.validate``, which
  re-checks the schema itself against the draft 2020-12 meta-schema on every call: about half
  of the Rasa server's CPU per turn. ``validate_action_result`` validates against a validator
  built once per schema, with the same errors for a bad reply.

``install()`` is called by our channel modules when Rasa imports them at start-up.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List, Optional

from bot.settings import env

logger = logging.getLogger(__name__)
_installed = False
ACTION_TIMEOUT_ENV = "ACTION_TIMEOUT_SECONDS"
DEFAULT_ACTION_TIMEOUT = 8.0
_validators: Dict[str, Any] = {}


def _validator(schema: Dict[str, Any]) -> Any:
    """One validator per schema, checked once (``jsonschema.validate`` re-checks it on every call)."""
    import json

    from jsonschema.validators import validator_for

    key = json.dumps(schema, sort_keys=True)
    if key not in _validators:
        cls = validator_for(schema)
        cls.check_schema(schema)
        _validators[key] = cls(schema)
    return _validators[key]


def validate_action_result(action: Any, result: Dict[str, Any]) -> bool:
    """Rasa's ``RemoteAction._validate_action_result``: the same check and message, without the per-call cost."""
    from jsonschema.exceptions import best_match

    error = best_match(_validator(action.action_response_format_spec()).iter_errors(result))
    if error is not None:
        error.message += (". Failed to validate Action server response from API, make sure your response from the "
                          "Action endpoint is valid.")
        raise error
    return True


def _area_of(tracker: Any) -> Optional[str]:
    # The resolver alone: the whole engine (matcher, sentence encoder) belongs in the action server.
    from bot.guidance.areas import covered_area

    return covered_area(tracker.get_slot("triage_area") if tracker else None)


def _safety_net_sent_this_turn(tracker: Any) -> bool:
    """Whether the safety net already went out since the user's last message."""
    for event in reversed(tracker.events):
        if getattr(event, "type_name", None) == "user":
            return False
        if getattr(event, "type_name", None) == "bot" and (event.metadata or {}).get("safety_net"):
            return True
    return False


def _undo_this_turn(tracker: Any) -> List[Any]:
    """SlotSets putting back the values from before the user's last message.

    Rasa fills a form's slots from the message before the form's validation action runs, so
    when that action cannot run the raw, unchecked text would stay (a job title kept as the
    child's age) and the form would move on. Undone, the form asks the same question again
    and the retry the safety net asks for answers it.
    """
    from rasa.shared.core.constants import REQUESTED_SLOT
    from rasa.shared.core.events import SlotSet

    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if getattr(e, "type_name", None) == "user"), default=-1)
    if last_user < 0:
        return []
    changed = dict.fromkeys(e.key for e in events[last_user + 1:] if isinstance(e, SlotSet) and e.key != REQUESTED_SLOT)
    undo = []
    for key in changed:
        before = [e.value for e in events[:last_user] if isinstance(e, SlotSet) and e.key == key]
        slot = tracker.slots.get(key)
        undo.append(SlotSet(key, before[-1] if before else (slot.initial_value if slot is not None else None)))
    return undo


def action_timeout() -> float:
    """Seconds one action server call may take (``ACTION_TIMEOUT_SECONDS``); a bad value falls back to 8."""
    raw = env(ACTION_TIMEOUT_ENV)
    try:
        value = float(raw) if raw else DEFAULT_ACTION_TIMEOUT
    except ValueError:
        value = 0.0
    if not 0 < value <= 3600:
        logger.warning("%s=%r is not a number of seconds; using %s", ACTION_TIMEOUT_ENV, raw, DEFAULT_ACTION_TIMEOUT)
        return DEFAULT_ACTION_TIMEOUT
    return value


def install() -> None:
    """Patch RemoteAction once per process."""
    global _installed
    if _installed:
        return
    from rasa.core.actions import action as rasa_action
    from rasa.shared.core.events import BotUttered
    from rasa.shared.exceptions import RasaException

    from bot.features.safety_net import safety_net_message
    from bot.privacy.redaction import install_log_redaction

    install_log_redaction()  # privacy (issue 6): user text is redacted from every log record

    original = rasa_action.RemoteAction.run

    async def run(self: Any, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> List[Any]:
        if _safety_net_sent_this_turn(tracker):
            # A hung server would cost another full timeout per action (the form's validation, then
            # its question): one wait and one message per turn; the next message tries again.
            logger.warning("Action %s skipped: the action server already failed this turn", self.name())
            return []
        try:
            return await original(self, output_channel, nlg, tracker, domain)
        except (RasaException, asyncio.TimeoutError) as error:  # refused, failed, or no answer in time
            reason = error if isinstance(error, RasaException) else f"no answer within {timeout:g}s"
            logger.error("Action %s failed; sending the safety-net message: %s", self.name(), reason)
            try:
                area = _area_of(tracker)
            except Exception:  # noqa: BLE001 - the safety net must not fail on its own lookup
                area = None
            # Rasa's processor sends the returned BotUttered to the channel (execute_side_effects):
            # sending it here as well made every user see the safety net twice.
            net = BotUttered(text=safety_net_message(area), metadata={"safety_net": True})
            return [net, *_undo_this_turn(tracker)] if self.name().startswith("validate_") else [net]

    # RemoteAction.run passes this module global as the aiohttp request timeout of every call; only
    # that call reads it in rasa.core.actions.action (agent.py keeps its own import for model pulls).
    timeout = action_timeout()
    rasa_action.DEFAULT_REQUEST_TIMEOUT = timeout
    rasa_action.RemoteAction.run = run
    rasa_action.RemoteAction._validate_action_result = validate_action_result
    _installed = True
