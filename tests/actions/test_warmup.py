"""The start-up warm-up: it loads the engine through the one assessment path, says nothing, stores nothing,
and no conversation can trigger it."""

from __future__ import annotations

import asyncio

from actions.warmup import WARM_UP_ACTION, ActionWarmUp
from bot.runtime.servers import WARM_UP_CALL
from bot.runtime.warmup import WARM_UP_CASE, warm_up
from bot.storage.audit.log import rows_for


def test_the_warm_up_case_reaches_the_red_flag_rules() -> None:
    advice = warm_up()
    assert advice.level == 4 and advice.s47  # an unexplained bruise on a baby who is not yet mobile
    assert advice.area == "norfolk"


def test_the_action_sends_nothing_and_logs_no_advice(dispatcher, tracker_factory) -> None:
    tracker = tracker_factory(sender="warm-up")
    assert asyncio.run(ActionWarmUp().run(dispatcher, tracker, {})) == []
    assert dispatcher.messages == []
    assert rows_for("warm-up") == []


def test_no_conversation_can_run_it(domain) -> None:
    assert WARM_UP_ACTION not in domain["actions"]
    assert WARM_UP_CALL["next_action"] == WARM_UP_ACTION


def test_the_case_is_fictional_and_has_no_personal_details() -> None:
    from bot.privacy.redaction import find_pii

    assert not find_pii(WARM_UP_CASE.worried + " " + WARM_UP_CASE.working_well)
