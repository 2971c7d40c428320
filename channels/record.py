"""Download the written record as a plain-text file: GET /webhooks/record/download?sender=..&token=..

The record is rebuilt from the conversation as the tracker store holds it (its slots, through the
engine's one path), so the file holds nothing the store doesn't. The route needs the sender and the
random, expiring token minted when the record was shown (``record_token`` slot, see
``bot/features/record_links.py``); any mismatch or an expired link is a 404, and nothing here ever answers
with a traceback.
"""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Dict, Optional

import aiohttp
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.features.record_links import token_matches, token_valid
from bot.runtime.rasa_ext import install
from bot.settings import env

install()
logger = logging.getLogger(__name__)

NOT_FOUND = ("No record found for that link (links last 24 hours). Show the record again in the conversation to "
             "get a new link.\n")
__all__ = ["RecordDownloadInput", "token_matches", "token_valid"]
RECORD_SLOTS = (
    "triage_danger_now", "triage_area", "triage_role", "child_age", "child_mobile", "sos_worried", "sos_more",
    "sos_working_well", "sos_needs", "sos_scale", "review_confirmed", "sos_corrections", "consent_parents_know",
    "consent_status", "consent_risky", "advice_summary",
    "sos_history", "sos_followup", "followup_state",  # issue 13.4-5
)


async def render_on_action_server(slots: Dict[str, Any], assessed_at: Optional[str]) -> Optional[tuple]:
    """(file name, text) from the action server's ``/record`` (bot/runtime/action_server.py), or None (404).

    The engine (matcher, TensorFlow sentence encoder) lives in the action server; building the record
    here loaded it a second time into every Rasa instance. Any other failure raises (the route answers 503).
    """
    url = env("ACTION_ENDPOINT_URL").rsplit("/webhook", 1)[0] + "/record"
    params = {"token": env("ACTION_SERVER_TOKEN")}
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(timeout=timeout) as session, session.post(
            url, params=params, json={"slots": slots, "assessed_at": assessed_at}) as answer:
        if answer.status == 404:
            return None
        answer.raise_for_status()
        body = await answer.json()
    return body["filename"], body["text"]


class RecordDownloadInput(InputChannel):
    """Not a chat channel: one GET route that serves this conversation's record as text/plain."""

    @classmethod
    def name(cls) -> str:
        return "record"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = Blueprint("record_download", __name__)

        @blueprint.route("/download", methods=["GET"])
        async def download(request: Request) -> HTTPResponse:
            sender, token = request.args.get("sender"), request.args.get("token")
            if not sender or not token:
                return response.text(NOT_FOUND, status=404)
            try:
                tracker = await request.app.ctx.agent.tracker_store.retrieve(sender)
                if tracker is None or not token_valid(tracker.get_slot("record_token"), token):
                    return response.text(NOT_FOUND, status=404)
                slots = {name: tracker.get_slot(name) for name in RECORD_SLOTS}
                built = await render_on_action_server(slots, tracker.get_slot("record_assessed_at"))
            except Exception:  # noqa: BLE001 - a download link must never answer with a traceback
                logger.exception("record download failed")
                return response.text("Sorry, the record could not be made just now. Try again, or show it in the "
                                     "conversation and copy it from there.\n", status=503)
            if built is None:
                return response.text(NOT_FOUND, status=404)
            name, text = built
            return response.text(text, headers={"Content-Disposition": f'attachment; filename="{name}"',
                                                "Cache-Control": "no-store"})

        return blueprint
