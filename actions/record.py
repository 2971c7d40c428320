"""Show the written record of the assessment: Markdown in chat, plus a protected download link.

Thin: the record is ``bot.features.record``, built from the engine's advice for the conversation's slots.
A fresh random token is put in ``record_token``; the download route (``channels/record.py``) needs
the sender and that token, and rebuilds the record from the tracker store.
"""

from __future__ import annotations

from typing import Any, Dict, List
from urllib.parse import urlencode

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.tracker_values import slot_values
from bot.features import record as records
from bot.features import record_links

DOWNLOAD_PATH = "/webhooks/record/download"
NO_ASSESSMENT = ("There's no finished assessment in this conversation yet, so there's no record to show. Tell me "
                 "what's worrying you and I'll take you through the questions. If a child is in immediate danger, "
                 "call 999.")


def download_url(sender: str, token: str) -> str:
    return f"{DOWNLOAD_PATH}?{urlencode({'sender': sender, 'token': token})}"


class ActionShowRecord(Action):
    def name(self) -> str:
        return "action_show_record"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[str, Any]]:
        slots = {**slot_values(tracker), "advice_summary": tracker.get_slot("advice_summary")}
        record = records.record_from_slots(slots, assessed_at=tracker.get_slot("record_assessed_at"))
        if record is None:
            dispatcher.utter_message(text=NO_ASSESSMENT)
            return []
        markdown = records.render_markdown(record)
        token = record_links.mint()
        url = download_url(tracker.sender_id, token)
        dispatcher.utter_message(text=markdown)
        dispatcher.utter_message(json_message={"type": "record", "markdown": markdown, "download_url": url})
        return [SlotSet("record_token", token)]
