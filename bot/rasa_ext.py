"""Small, explicit fixes to Rasa 3.6.21 behaviour that this product cannot live with.

- When the action server cannot be reached, Rasa logs the error and the user hears
  nothing. ``SafeRemoteAction`` sends the safety-net message (999 and the front
  doors, from guidance/) instead, and the conversation carries on when it returns.

- Log records are redacted (``bot/redaction.py``) so user text never reaches a log.

``install()`` is called by our channel modules when Rasa imports them at start-up.
"""

from __future__ import annotations

import logging
from typing import Any, List, Optional

logger = logging.getLogger(__name__)
_installed = False


def _area_of(tracker: Any) -> Optional[str]:
    from bot.assess import get_engine

    value = tracker.get_slot("triage_area") if tracker else None
    match = get_engine().resolver.resolve(value) if value else None
    return match.area if match else None


def install() -> None:
    """Patch RemoteAction.run once per process."""
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
    _installed = True
