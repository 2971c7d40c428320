"""Small, explicit fixes to Rasa 3.6.21 behaviour that this product cannot live with.

- When the action server cannot be reached, Rasa logs the error and the user hears
  nothing. ``SafeRemoteAction`` sends the safety-net message (999 and the front
  doors, from guidance/) instead, and the conversation carries on when it returns.

- Log records are redacted (``bot/redaction.py``) so user text never reaches a log.

- ``RemoteAction`` checks every action server reply with ``jsonschema.validate``, which
  re-checks the schema itself against the draft 2020-12 meta-schema on every call: about half
  of the Rasa server's CPU per turn. ``validate_action_result`` validates against a validator
  built once per schema, with the same errors for a bad reply.

``install()`` is called by our channel modules when Rasa imports them at start-up.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional

logger = logging.getLogger(__name__)
_installed = False
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
    from bot.assess import get_engine

    value = tracker.get_slot("triage_area") if tracker else None
    match = get_engine().resolver.resolve(value) if value else None
    return match.area if match else None


def install() -> None:
    """Patch RemoteAction once per process."""
    global _installed
    if _installed:
        return
    from rasa.core.actions import action as rasa_action
    from rasa.shared.core.events import BotUttered
    from rasa.shared.exceptions import RasaException

    from bot.redaction import install_log_redaction
    from bot.safety_net import safety_net_message

    install_log_redaction()  # privacy (issue 6): user text is redacted from every log record

    original = rasa_action.RemoteAction.run

    async def run(self: Any, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> List[Any]:
        try:
            return await original(self, output_channel, nlg, tracker, domain)
        except RasaException as error:
            logger.error("Action %s failed; sending the safety-net message: %s", self.name(), error)
            try:
                area = _area_of(tracker)
            except Exception:  # noqa: BLE001 - the safety net must not fail on its own lookup
                area = None
            text = safety_net_message(area)
            await output_channel.send_text_message(tracker.sender_id, text)
            return [BotUttered(text=text, metadata={"safety_net": True})]

    rasa_action.RemoteAction.run = run
    rasa_action.RemoteAction._validate_action_result = validate_action_result
    _installed = True
