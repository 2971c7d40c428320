"""Shared fixtures: a dispatcher, a tracker factory and the domain, for testing actions without servers."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _advice_log_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Actions that give advice write an advice-log row: never into the developer's build/ database."""
    monkeypatch.setenv("ADVICE_DB_URL", f"sqlite:///{tmp_path}/advice.db")


@pytest.fixture(scope="session")
def domain() -> Dict[str, Any]:
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture()
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


TrackerFactory = Callable[..., Tracker]


@pytest.fixture()
def tracker_factory(domain: Dict[str, Any]) -> TrackerFactory:
    """A tracker with the domain's slots (all empty unless given), the latest message and an active form."""

    def make(slots: Optional[Dict[str, Any]] = None, text: str = "", intent: str = "",
             entities: Optional[List[Dict[str, Any]]] = None, requested_slot: Optional[str] = None,
             active_loop: Optional[str] = "assessment_form", sender: str = "test-user") -> Tracker:
        values = {name: None for name in domain["slots"]}
        values.update(slots or {})
        values["requested_slot"] = requested_slot
        latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": entities or []}
        return Tracker(sender_id=sender, slots=values, latest_message=latest, events=[], paused=False,
                       followup_action=None, active_loop={"name": active_loop} if active_loop else {},
                       latest_action_name="action_listen")

    return make
