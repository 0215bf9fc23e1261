"""Shared fixtures: paths, the trained model (loaded once), and real rasa_sdk trackers."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.nlu.examples import model_parser
from bot.paths import MODEL, ROOT

FACT_SHEET = ROOT.parent / "shared/knowledge/ct-police-facts.md"
DATA = Path(__file__).resolve().parent / "data"

# Rasa resolves the spaCy pipeline path (build/spacy-en) against the working directory.
os.chdir(ROOT)


def read_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def parse() -> Iterator[Callable[[str], dict[str, Any]]]:
    """/model/parse on the real trained model, in process."""
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train` first")
    with model_parser(MODEL) as parse_text:
        yield parse_text


def make_tracker(
    intent: str,
    *,
    text: str = "",
    slots: dict[str, Any] | None = None,
    metadata: dict[str, Any] | None = None,
    entities: list[dict[str, Any]] | None = None,
):
    """A real rasa_sdk Tracker whose latest message has this intent, entities and metadata."""
    from rasa_sdk import Tracker

    all_slots = {
        "department": None,
        "pending_topic": None,
        "pending_division": None,
        "last_topic": None,
        "last_division": None,
        "language": None,
        "session_started_metadata": None,
    }
    all_slots.update(slots or {})
    return Tracker.from_dict(
        {
            "sender_id": "test-resident",
            "slots": all_slots,
            "latest_message": {
                "text": text,
                "intent": {"name": intent, "confidence": 0.99},
                "entities": entities or [],
                "metadata": metadata or {},
            },
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        }
    )


def run_action(action: Any, tracker: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Run a custom action the way the action server does; (messages, events)."""
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return dispatcher.messages, events
