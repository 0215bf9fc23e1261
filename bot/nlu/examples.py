"""Reads (text, intent) pairs from Rasa NLU YAML files with Rasa's own reader, and parses texts
with a trained model: shared by the tests, `make eval` and the CLINC150 run.

Rasa's reader (not a regex) removes entity markup, both `[text](entity)` and
`[text]{"entity": ...}`, exactly as training sees it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader


def nlu_examples(path: Path) -> list[tuple[str, str]]:
    """(text, intent) for every example in the file, entity markup removed."""
    data = RasaYAMLReader().reads(path.read_text(encoding="utf-8"))
    return [(m.get("text"), m.get("intent")) for m in data.intent_examples]


@contextmanager
def model_parser(model: Path) -> Iterator[Callable[[str], dict[str, Any]]]:
    """`parse(text)` -> what POST /model/parse answers, on the trained model, in this process."""
    from rasa.core.agent import Agent  # heavy: only when a model is used
    from rasa.utils.log_utils import configure_structlog

    # Rasa's structured log prints every parsed text at debug level until it is configured;
    # as the servers do, keep it at warnings (and no resident's words in a log).
    configure_structlog(logging.WARNING)
    loop = asyncio.new_event_loop()
    try:
        agent = Agent.load(str(model))
        yield lambda text: loop.run_until_complete(agent.parse_message(text))
    finally:
        loop.close()
