"""Loads and validates the knowledge files, reporting each problem with its file and line."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from bot.kb.schema import Town
from bot.settings import settings

KNOWLEDGE_DIR = Path(__file__).resolve().parents[1] / "knowledge"
DIVISIONS_FILE = Path(__file__).resolve().parent / "divisions.yml"


class KnowledgeError(Exception):
    """A knowledge file is broken; the message names the file and line of every problem."""


def _line_of(node: Any, loc: Iterable[Any]) -> int:
    """The 1-based line of the deepest key of `loc` that exists in the parsed YAML."""
    line = 1
    for key in loc:
        if isinstance(node, CommentedMap) and key in node:
            line = node.lc.key(key)[0] + 1
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and key < len(node):
            line = node.lc.item(key)[0] + 1
            node = node[key]
        else:
            break
    return line


def _plain(node: Any) -> Any:
    """ruamel's round-trip types to plain dicts and lists (and dates stay dates)."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def load_divisions(path: Path = DIVISIONS_FILE) -> dict[str, list[str]]:
    """The shared unit vocabulary: division id -> the ways residents name it."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return {str(k): [str(a) for a in v] for k, v in data.items()}


def load_town(path: Path, divisions: dict[str, list[str]] | None = None) -> Town:
    """Parse and validate one knowledge file; raise KnowledgeError with file:line on any fault."""
    divisions = load_divisions() if divisions is None else divisions
    try:
        raw = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    except YAMLError as exc:
        raise KnowledgeError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, CommentedMap):
        raise KnowledgeError(f"{path}:1: a knowledge file must be a mapping of keys to values")
    try:
        town = Town.parse_obj(_plain(raw))
    except ValidationError as exc:
        problems = [
            f"{path}:{_line_of(raw, err['loc'])}: {'.'.join(map(str, err['loc']))}: {err['msg']}"
            for err in exc.errors()
        ]
        raise KnowledgeError("\n".join(problems)) from exc
    problems = []
    if town.id != path.stem:
        problems.append(f"{path}:{_line_of(raw, ['id'])}: id '{town.id}' must match the file name")
    for unit_id in town.units:
        if unit_id not in divisions:
            problems.append(
                f"{path}:{_line_of(raw, ['units', unit_id])}: units.{unit_id}: unknown unit; "
                f"use one of {', '.join(sorted(divisions))}"
            )
    if problems:
        raise KnowledgeError("\n".join(problems))
    return town


def knowledge_dir() -> Path:
    """KNOWLEDGE_DIR, or $KNOWLEDGE_DIR for a deployment that keeps its files elsewhere."""
    return Path(settings().knowledge_dir or KNOWLEDGE_DIR)


def load_all(directory: Path | None = None) -> dict[str, Town]:
    """Every town in the directory, by id. Any broken file stops the load (fail at start-up)."""
    directory = knowledge_dir() if directory is None else directory
    divisions = load_divisions()
    towns: dict[str, Town] = {}
    errors: list[str] = []
    for path in sorted(directory.glob("*.yml")):
        try:
            town = load_town(path, divisions)
        except KnowledgeError as exc:
            errors.append(str(exc))
            continue
        towns[town.id] = town
    if errors:
        raise KnowledgeError("\n".join(errors))
    if not towns:
        raise KnowledgeError(f"{directory}: no knowledge files (*.yml)")
    return towns


@functools.lru_cache(maxsize=1)
def towns() -> dict[str, Town]:
    """The towns this process serves, loaded once (the action server validates at start-up)."""
    return load_all()
