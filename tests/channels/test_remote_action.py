"""Our RemoteAction patches: the action server's replies are still validated (same errors) by a
validator built once, not re-checked against the meta-schema on every turn."""

from __future__ import annotations

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from bot.runtime import rasa_ext

GOOD = {"events": [{"event": "slot", "name": "sos_scale", "value": 5, "timestamp": None}],
        "responses": [{"text": "Thank you."}]}


@pytest.fixture()
def action() -> RemoteAction:
    rasa_ext.install()
    return RemoteAction("validate_assessment_form", None)


def test_install_replaces_the_per_call_schema_check() -> None:
    rasa_ext.install()
    assert RemoteAction._validate_action_result is rasa_ext.validate_action_result


def test_a_valid_reply_passes(action: RemoteAction) -> None:
    assert action._validate_action_result(GOOD) is True


@pytest.mark.parametrize("bad", [
    {"events": "not a list"},
    {"events": [{"event": "slot", "name": 5}]},
    {"responses": "not a list"},
])
def test_an_invalid_reply_is_refused_as_before(action: RemoteAction, bad: dict) -> None:
    with pytest.raises(jsonschema.ValidationError) as ours:
        action._validate_action_result(bad)
    with pytest.raises(jsonschema.ValidationError) as stock:
        jsonschema.validate(bad, RemoteAction.action_response_format_spec())
    assert ours.value.message.startswith(stock.value.message)
    assert "Failed to validate Action server response" in ours.value.message


def test_the_schema_is_checked_once(action: RemoteAction, monkeypatch: pytest.MonkeyPatch) -> None:
    action._validate_action_result(GOOD)
    checks = []
    monkeypatch.setattr(jsonschema.validators.Draft202012Validator, "check_schema",
                        classmethod(lambda cls, schema, **kw: checks.append(schema)))
    for _ in range(3):
        action._validate_action_result(GOOD)
    assert checks == []
