"""The languages the assistant speaks, and how the language of a message is told.

One home for the list (en, es, pt: ../shared/contract.md, "Languages"). Detection uses lingua
(lingua-language-detector), which ships its models in the wheel and works offline on short,
texting-style messages; it was measured, not hand-written (README, "Languages"). Besides our three
languages it knows a few others, so that a French or German message is recognised as "another
language" instead of being forced into one of ours.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

SUPPORTED: tuple[str, ...] = ("en", "es", "pt")
DEFAULT = "en"
NAMES = {"en": "English", "es": "Español", "pt": "Português"}

# A message this short says too little to change the conversation's language ("ok", "sí", "2").
MIN_LETTERS = 12
MIN_CONFIDENCE = 0.5

# Asking for a language, in any of them: "en español", "english please", "em português".
_SWITCH = {
    "es": re.compile(
        r"\b(?:en|in|habla(?:s)?|hablen|speak) (?:espanol|castellano|spanish)\b"
        r"|^(?:espanol|spanish)\s*(?:por favor|please)?[.!]*$"
    ),
    "pt": re.compile(
        r"\b(?:em|in|fala(?:s)?|falem|speak) (?:portugues|portuguese)\b"
        r"|^(?:portugues|portuguese)\s*(?:por favor|please)?[.!]*$"
    ),
    "en": re.compile(
        r"\b(?:in|en|em|speak|habla|fala) (?:english|ingles)\b"
        r"|^(?:english|ingles)\s*(?:please|por favor)?[.!]*$|\benglish please\b"
    ),
}


@dataclass(frozen=True)
class Detection:
    """What one message says about its language."""

    code: str | None  # one of SUPPORTED, "other" for another language, None if it can't be told
    confidence: float
    requested: bool = False  # the resident asked for this language in words

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "confidence": round(self.confidence, 3),
            "requested": self.requested,
        }


def fold(text: str) -> str:
    """Lower-case and without accents: how residents type on a phone ("policía" = "policia")."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c)).strip()


@functools.lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [
        Language.ENGLISH,
        Language.SPANISH,
        Language.PORTUGUESE,
        Language.FRENCH,
        Language.ITALIAN,
        Language.GERMAN,
    ]
    return (
        LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models().build()
    )


_CODES = {"ENGLISH": "en", "SPANISH": "es", "PORTUGUESE": "pt"}


def requested(text: str) -> str | None:
    """The language the resident asks for in words, if any."""
    folded = fold(text)
    for code, rx in _SWITCH.items():
        if rx.search(folded):
            return code
    return None


def detect(text: str) -> Detection:
    """The language of one message; `code` is None when the message is too short to tell."""
    asked = requested(text)
    if asked:
        return Detection(asked, 1.0, requested=True)
    letters = sum(c.isalpha() for c in text)
    if letters == 0:
        return Detection(None, 0.0)
    values = _detector().compute_language_confidence_values(text)
    if not values:
        return Detection(None, 0.0)
    top = values[0]
    code = _CODES.get(top.language.name, "other")
    if letters < MIN_LETTERS or top.value < MIN_CONFIDENCE:
        return Detection(None, top.value)
    return Detection(code, top.value)


def shown_language(
    detection: Detection, hint: str | None = None, danger_words: str | None = None
) -> str | None:
    """The language one message shows, in the contract's order: the one asked for or written in,
    else the channel's hint, else the language of the danger words it used ("socorro!!" is too
    short to detect). None: the message says nothing, and the conversation keeps its language
    (the `language` slot is set only when this is not None)."""
    for code in (detection.code, hint, danger_words):
        if code in SUPPORTED:
            return code
    return None
