"""bot.serve's speedup: action responses validated by a validator built once, judged as before."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot import serve

RESPONSES: list[dict[str, Any]] = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "department", "value": "danbury"}]},
    {"responses": [{"text": "hi", "custom": {"sources": ["https://x.gov"]}}]},
    {},
    {"events": "not a list"},
    {"events": [{"event": "no_such_event"}]},
    {"events": [{"name": "missing its event key"}]},
]


def _verdicts(validate) -> list[Any]:
    action = RemoteAction.__new__(RemoteAction)
    verdicts = []
    for response in RESPONSES:
        try:
            verdicts.append(validate(action, response))
        except ValidationError as error:
            verdicts.append(error.message)
    return verdicts


@pytest.fixture
def original(monkeypatch):
    validate = RemoteAction._validate_action_result
    monkeypatch.setattr(RemoteAction, "_validate_action_result", validate)  # undone after
    return validate


def test_the_fast_validation_judges_every_response_as_rasa_does(original) -> None:
    before = _verdicts(original)
    assert serve.apply()
    assert RemoteAction._validate_action_result is not original
    after = _verdicts(RemoteAction._validate_action_result)
    assert after == before
    assert before.count(True) == 4 and "not a list" in str(before[4])


def test_another_rasa_version_is_left_alone(original, monkeypatch) -> None:
    import rasa

    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    assert serve.apply() is False
    assert RemoteAction._validate_action_result is original
