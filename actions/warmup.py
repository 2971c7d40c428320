"""``action_warm_up``: called once by the launcher when the action server starts, never by Rasa.

It is not in domain.yml, so no conversation can run it; it sends nothing and stores nothing (it only
brings the advice log's schema up to date, which the first advice would otherwise do).
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.runtime.warmup import warm_up
from bot.storage.audit.log import session_for

WARM_UP_ACTION = "action_warm_up"


class ActionWarmUp(Action):
    def name(self) -> str:
        return WARM_UP_ACTION

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[str, Any]]:
        warm_up()
        session_for().close()  # the advice log's migrations run now, not during the first advice
        return []
