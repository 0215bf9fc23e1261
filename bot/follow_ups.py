"""Is a message a follow-up to the last answer ("and their hours?", "how much does it cost?")?

Why: residents ask the way people talk, one thing after another, and a follow-up carries almost
no topic words of its own. Read alone, "how much does it cost?" is a price question about nothing
and "and their hours?" is the department's hours. Read after the accident-report answer or the
animal-control answer, each has one meaning. The Rasa policy (bot/answer_policy.py) asks
`is_short` to decide whether a message it could not place is worth trying as a follow-up; the
actions (bot/actions/replies.py) ask `refers_back` and `asks_for` against the knowledge file.

The words are per language, folded (lower case, no accents), matched as whole words.
"""

from __future__ import annotations

import re

from bot.languages import fold

# A follow-up is short: a longer message says what it is about.
MAX_WORDS = 8

# Words that point back at the last answer ("it", "their", "him"), per language.
POINTERS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "it its it's that this those they their theirs them there he him his she her".split()
    ),
    "es": frozenset("eso esa ese esto ellos ellas su sus alli ahi ella le les lo".split()),
    "pt": frozenset("isso isto disso nisso eles elas dele dela deles delas la ele ela".split()),
}
# Questions that only make sense about what was just said.
BACK_PHRASES: tuple[str, ...] = (
    "who do i call",
    "who should i call",
    "who do i contact",
    "a quien llamo",
    "a quien debo llamar",
    "pra quem ligo",
    "para quem ligo",
    "com quem falo",
)
# How a follow-up starts: "and ...", "what about ...".
LEADS: dict[str, tuple[str, ...]] = {
    "en": ("and", "also", "what about", "how about", "ok and", "so"),
    "es": ("y", "tambien", "y que tal", "que tal", "ok y"),
    "pt": ("e", "tambem", "e quanto", "e sobre", "ok e"),
}
# What a follow-up asks about a unit: its hours, its phone, where it is.
ASKS: dict[str, dict[str, tuple[str, ...]]] = {
    "hours": {
        "en": ("hours", "open", "opens", "close", "closes", "closed", "what time"),
        "es": ("horario", "horarios", "abre", "abren", "abierto", "cierra", "cierran", "que hora"),
        "pt": ("horario", "horarios", "abre", "aberto", "aberta", "fecha", "funciona", "que horas"),
    },
    "phone": {
        "en": ("phone", "number", "call", "contact", "reach", "who do i call"),
        "es": ("telefono", "numero", "llamo", "llamar", "contacto", "a quien llamo"),
        "pt": ("telefone", "numero", "ligo", "ligar", "contato", "pra quem ligo"),
    },
    "where": {
        "en": ("where", "address", "located", "location"),
        "es": ("donde", "direccion", "ubicado", "ubicada", "queda"),
        "pt": ("onde", "endereco", "localizado", "localizada", "fica"),
    },
}
# "now", "today": the resident wants to know whether it is open at this moment.
NOW: tuple[str, ...] = ("now", "today", "right now", "ahora", "hoy", "ahorita", "agora", "hoje")

_WORD = re.compile(r"[a-z0-9']+")


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def has_phrase(text: str, phrases: tuple[str, ...] | frozenset[str] | list[str]) -> bool:
    """Whether any phrase occurs in `text` as whole words (accents and case ignored)."""
    padded = f" {' '.join(words(text))} "
    return any(f" {' '.join(words(p))} " in padded for p in phrases if words(p))


def is_short(text: str) -> bool:
    return 0 < len(words(text)) <= MAX_WORDS


def refers_back(text: str, language: str) -> bool:
    """A short message that points at what was just said: a pronoun or a leading "and"."""
    if not is_short(text):
        return False
    found = words(text)
    pointers = POINTERS.get(language, POINTERS["en"]) | POINTERS["en"]
    leads = LEADS.get(language, ()) + LEADS["en"]
    joined = " ".join(found)
    return (
        bool(pointers.intersection(found))
        or any(joined == lead or joined.startswith(lead + " ") for lead in leads)
        or has_phrase(text, BACK_PHRASES)
    )


def asks_for(text: str) -> str | None:
    """hours / phone / where, when a message asks one of those (in any of the languages)."""
    for kind, by_language in ASKS.items():
        if any(has_phrase(text, phrases) for phrases in by_language.values()):
            return kind
    return None


def asks_now(text: str) -> bool:
    return has_phrase(text, NOW)
