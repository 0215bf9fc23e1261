"""Reads (text, intent) pairs from Rasa NLU YAML files: shared by the tests and `make eval`."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

_MARKUP = re.compile(r"\[([^\]]+)\]\([^)]+\)")


def nlu_examples(path: Path) -> list[tuple[str, str]]:
    """(text, intent) for every example in the file, entity markup removed."""
    pairs: list[tuple[str, str]] = []
    for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
        if "intent" not in block:
            continue
        for line in block["examples"].splitlines():
            line = line.strip()
            if line.startswith("- "):
                pairs.append((_MARKUP.sub(r"\1", line[2:]), block["intent"]))
    return pairs
