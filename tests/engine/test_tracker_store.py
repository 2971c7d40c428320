"""The tracker store fails loudly: no start without its database, no silent fall-back to memory."""

import asyncio

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.storage.tracker_store import (
    StrictFailSafeTrackerStore,
    StrictSQLTrackerStore,
    TrackerStoreUnavailable,
    check_database,
)


def test_unreachable_database_refuses_to_start():
    with pytest.raises(TrackerStoreUnavailable):
        check_database("postgresql://nobody@127.0.0.1:1/none")


def test_sqlite_store_saves_and_reads_back(tmp_path):
    store = StrictSQLTrackerStore(domain=Domain.empty(), host=f"sqlite:///{tmp_path}/c.db")
    tracker = DialogueStateTracker.from_events("someone", [UserUttered("hello")])
    asyncio.run(store.save(tracker))
    back = asyncio.run(store.retrieve("someone"))
    assert back is not None and back.latest_message.text == "hello"
    assert store.engine.pool._pre_ping


class Broken:
    domain = Domain.empty()
    event_broker = None

    async def save(self, tracker):
        raise ConnectionError("database went away")

    async def retrieve(self, sender_id):
        raise ConnectionError("database went away")


def test_storage_errors_are_raised_not_swallowed():
    wrapper = StrictFailSafeTrackerStore(Broken())
    with pytest.raises(TrackerStoreUnavailable):
        asyncio.run(wrapper.save(DialogueStateTracker("x", slots=[])))
    with pytest.raises(TrackerStoreUnavailable):
        asyncio.run(wrapper.retrieve("x"))
