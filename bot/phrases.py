"""The action server's own phrases ("Which town are you in?"), in every language, from domain.yml.

Why read the domain here: each text the assistant says has one home, and the domain is where
every other fixed text and its translations live (the urgent replies must be there, to work with
the action server down). Our actions build replies around knowledge-file texts ("Records: Mon–Fri
8–4. ..."), so they need the phrase itself, not a separate bot message: this module picks the
variation for the conversation's language exactly as Rasa's NLG does (a `language` slot
condition, else the unconditioned variation) and fills its {placeholders}.
"""

from __future__ import annotations

import functools
from typing import Any

from ruamel.yaml import YAML

from bot.kb.intents import DOMAIN_FILE
from bot.languages import DEFAULT, SUPPORTED


def _language_of(variation: dict[str, Any]) -> str | None:
    for condition in variation.get("condition") or []:
        if condition.get("type") == "slot" and condition.get("name") == "language":
            return str(condition.get("value"))
    return None


@functools.lru_cache(maxsize=1)
def responses() -> dict[str, dict[str, str]]:
    """response name -> {language: text}; the unconditioned variation is the English one."""
    domain = YAML(typ="safe").load(DOMAIN_FILE.read_text(encoding="utf-8"))
    table: dict[str, dict[str, str]] = {}
    for name, variations in (domain.get("responses") or {}).items():
        texts: dict[str, str] = {}
        for variation in variations:
            if "text" in variation:
                texts[_language_of(variation) or DEFAULT] = variation["text"]
        table[name] = texts
    return table


def phrase(name: str, language: str | None, **values: Any) -> str:
    """Response `name` in `language` (English when unknown), with its placeholders filled."""
    texts = responses()[name]
    code = language if language in SUPPORTED else DEFAULT
    return texts.get(code, texts[DEFAULT]).format(**values)
