"""InputGuard: the first component of the NLU pipeline. Cleans and bounds what residents send.

Why: a resident (or a bot, or a broken phone) can send an empty message, 20,000 characters, control
bytes, emoji only, or another language. The classifier should only see bounded, clean text, and the
components after it should know when the text is not something it can understand.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.component import ConfiguredComponent

GUARD_KEY = "input_guard"

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff\ufffd]")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_FOREIGN = frozenset(
    "el la los las del que por para con una es está estoy mi su cómo dónde donde qué quiero "
    "necesito hola gracias puedo tengo hay policía policia não nao você voce meu minha eu um "
    "uma obrigado obrigada onde preciso posso tenho uma com quem estou".split()
)
_ENGLISH = frozenset(
    "the a an is are was i my you your to of in on for how what where when who can do does "
    "with and it this that me we get need there have has be at from about please hi hello "
    "thanks car report police help call number town street park parking dog phone ticket".split()
)


def clean(text: str | None, max_chars: int) -> tuple[str, list[str]]:
    """Text the classifier can safely read, and flags describing what was wrong with it."""
    flags: list[str] = []
    text = unicodedata.normalize("NFKC", text or "")
    text = _CONTROL.sub(" ", text)
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
    elif _looks_foreign(words):
        flags.append("not_english")
    return text, flags


def _looks_foreign(words: list[str]) -> bool:
    letters = [c for w in words for c in w if c.isalpha()]
    if letters and sum("LATIN" not in unicodedata.name(c, "") for c in letters) > len(letters) / 2:
        return True
    foreign = sum(w in _FOREIGN for w in words)
    english = sum(w in _ENGLISH for w in words)
    return foreign >= 2 and foreign > 2 * english


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class InputGuard(ConfiguredComponent):
    """Normalises text (Unicode, control characters, spacing) and caps its length."""

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
        for message in messages:
            original = message.get(TEXT)
            text, flags = clean(original, self._max_chars)
            message.set(TEXT, text)
            message.set(
                GUARD_KEY, {"flags": flags, "length": len(original or "")}, add_to_output=True
            )
        return messages
