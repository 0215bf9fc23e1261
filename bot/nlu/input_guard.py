"""InputGuard: the first component of the NLU pipeline. Cleans and bounds what residents send.

Why: a resident (or a bot, or a broken phone) can send an empty message, 20,000 characters, control
bytes, emoji only, or another language. The classifier should only see bounded, clean text, and the
components after it should know when the text is not something it can understand.

It also tells the language of the message (bot/languages.py) and, when a resident strung several
things together ("how do I get a report? also my ex is outside with a bat"), hands each clause to
the rest of the pipeline as a message of its own, so the classifier reads the danger on its own too;
UrgentTriage folds the clauses back into the one message (bot/nlu/triage.py).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.languages import detect
from bot.nlu.clauses import clauses
from bot.nlu.component import ConfiguredComponent

GUARD_KEY = "input_guard"
LANGUAGE_KEY = "language"
CLAUSE_OF = "clause_of"  # on a clause's message: the index of the message it came from

# Control and format characters, and lone surrogates (invalid Unicode some clients send).
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff\ufffd\ud800-\udfff]"
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def strip_unsafe(text: str | None) -> str:
    """Without control characters or invalid Unicode: safe to store, log and show."""
    return unicodedata.normalize("NFKC", _CONTROL.sub(" ", text or ""))


def clean(text: str | None, max_chars: int) -> tuple[str, list[str]]:
    """Text the classifier can safely read, and flags describing what was wrong with it."""
    flags: list[str] = []
    text = strip_unsafe(text)
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > max_chars:
        flags.append("truncated")
        cut = text.rfind(" ", 0, max_chars)
        text = text[: cut if cut > max_chars // 2 else max_chars]
    words = _WORD.findall(text.lower())
    if not text:
        flags.append("empty")
    elif not words:
        flags.append("no_words")
    elif _other_script(words):
        flags.append("other_language")
    return text, flags


def _other_script(words: list[str]) -> bool:
    letters = [c for w in words for c in w if c.isalpha()]
    return (
        bool(letters)
        and sum("LATIN" not in unicodedata.name(c, "") for c in letters) > len(letters) / 2
    )


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class InputGuard(ConfiguredComponent):
    """Normalises text (Unicode, control characters, spacing), caps its length, tells its language
    and splits it into clauses."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # A resident's question is a few sentences; an SMS is at most 1,600 characters.
        return {"max_chars": 1000}

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self._max_chars = int(config["max_chars"])

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for example in training_data.training_examples:
            if example.get(TEXT):
                example.set(TEXT, clean(example.get(TEXT), self._max_chars)[0])
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        parts: list[Message] = []
        for index, message in enumerate(messages):
            original = message.get(TEXT)
            text, flags = clean(original, self._max_chars)
            language = detect(text)
            if language.code == "other" and "other_language" not in flags:
                flags.append("other_language")
            message.set(TEXT, text)
            message.set(
                GUARD_KEY, {"flags": flags, "length": len(original or "")}, add_to_output=True
            )
            message.set(LANGUAGE_KEY, language.as_dict(), add_to_output=True)
            parts.extend(Message(data={TEXT: c, CLAUSE_OF: index}) for c in clauses(text))
        return [*messages, *parts]
