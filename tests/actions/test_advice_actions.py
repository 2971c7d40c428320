"""The advice is sent once, as one message (issue 13.7); "more" gives the details behind it."""

from __future__ import annotations

import asyncio

import pytest

import actions.advice as advice_actions
from actions.advice import NO_ADVICE_YET, ActionAdviceDetails, ActionGiveAdvice
from bot.engine.assess import assess
from bot.features.conversation import advice_summary, case_from_slots
from bot.render.reply import build_reply, details_text, reply_text
from tests.engine.test_record import SLOTS


@pytest.fixture(scope="module")
def advice():
    return assess(case_from_slots(SLOTS))


def test_advice_is_one_message_text_with_the_engines_advice_object(dispatcher, tracker_factory, domain, advice,
                                                                    monkeypatch):
    logged = []
    monkeypatch.setattr(advice_actions, "record_from_slots", lambda *args, **kwargs: logged.append(args))
    tracker = tracker_factory(slots=SLOTS, active_loop=None)
    events = asyncio.run(ActionGiveAdvice().run(dispatcher, tracker, domain))
    assert len(dispatcher.messages) == 1, "the advice once, not text and then a card"
    [message] = dispatcher.messages
    assert message["text"] == reply_text(build_reply(advice))
    assert message["custom"] == advice.to_payload(), "the payload is exactly the engine's advice object"
    assert "\n\n" not in message["text"]
    assert logged and {e["name"] for e in events} == {"advice_summary", "record_assessed_at"}


def test_more_gives_the_details(dispatcher, tracker_factory, domain, advice):
    tracker = tracker_factory(slots={**SLOTS, "advice_summary": advice_summary(advice)}, active_loop=None,
                              text="more", intent="advice_details")
    asyncio.run(ActionAdviceDetails().run(dispatcher, tracker, domain))
    [message] = dispatcher.messages
    assert message["text"] == details_text(build_reply(advice))
    assert advice.consent.record[0].split(":")[0] in message["text"]


def test_more_before_any_advice_says_so(dispatcher, tracker_factory, domain):
    asyncio.run(ActionAdviceDetails().run(dispatcher, tracker_factory(active_loop=None, text="more"), domain))
    assert dispatcher.messages[0]["text"] == NO_ADVICE_YET
