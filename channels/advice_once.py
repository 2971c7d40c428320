"""The advice goes out once on a card channel (issue 13.7): the card, with the reply's text as its fallback.

Slack and Teams both receive the action's one message (text + the engine's advice as the custom payload); without
this, Rasa would post the text and then the card. One mixin, so both channels decide this the same way.
"""

from __future__ import annotations

from typing import Any, Dict


class AdviceCardOnce:
    """Mix in before the Rasa output channel: ``class SafeSlackBot(AdviceCardOnce, SlackBot)``."""

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        custom = message.get("custom")
        if isinstance(custom, dict) and custom.get("type") == "advice":
            await self.send_custom_json(recipient_id, custom, fallback=message.get("text"))  # type: ignore[attr-defined]
            return
        await super().send_response(recipient_id, message)  # type: ignore[misc]
