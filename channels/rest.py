"""REST channel on /webhooks/rest/webhook (stock path) with the safety net installed."""

from __future__ import annotations

from rasa.core.channels.rest import RestInput

from bot.rasa_ext import install

install()


class SafeRestInput(RestInput):
    """Rasa's REST input; importing this module installs the action-failure safety net."""

    @classmethod
    def name(cls) -> str:
        return "rest"
