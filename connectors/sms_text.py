"""What an SMS reply may contain: plain text, numbered choices, at most one conversation turn.

Segments are counted as carriers bill them. A text in GSM-7 (the SMS alphabet) takes 160
characters in one segment, 153 per segment when longer; one character outside it (á, ã, õ, ó, ú, í,
ê...) makes the whole text UCS-2: 70 characters in one segment, 67 per segment when longer. So a
Spanish or Portuguese reply costs about twice the segments of the same length in English. English
replies are kept in GSM-7 by writing typographic characters (’ “ ” – — …) as their plain forms.
"""

from __future__ import annotations

import re

from bot.languages import fold
from bot.phrases import phrase

MAX_SMS_REPLY = 600  # contract: every answer fits one SMS conversation turn

STOP_WORDS = frozenset({"stop", "stopall", "unsubscribe", "cancel", "end", "quit"})
START_WORDS = frozenset({"start", "unstop", "yes"})
HELP_WORDS = frozenset({"help", "info"})
# Twilio's keywords are English; a Spanish or Portuguese speaker writes these (whole message only,
# accents ignored). "ayuda" / "ajuda" are not here: alone, they are a cry for help (911 first).
WORDS_BY_LANGUAGE = {
    "stop": {
        "es": {"baja", "darme de baja", "cancelar suscripcion"},
        "pt": {"sair", "descadastrar"},
    },
    # not "alta" or "voltar": everyday words, and START while subscribed is taken as HELP
    "start": {"es": {"comenzar", "reanudar"}, "pt": {"comecar", "recomecar"}},
    "help": {"es": {"informacion"}, "pt": {"informacao"}},
}
# both languages: the conversation's language (or English) says the reply
SHARED_WORDS = {"stop": {"parar", "cancelar"}, "start": {"iniciar"}, "help": set()}


_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1")


def _word(body: str) -> str:
    return " ".join(fold(body).strip(".!¡ ").split())


def keyword(body: str) -> str | None:
    """'stop', 'start' or 'help' when the whole message is one of Twilio's keywords or its
    Spanish or Portuguese counterpart."""
    word = _word(body)
    for kind, english in (("stop", STOP_WORDS), ("start", START_WORDS), ("help", HELP_WORDS)):
        if word in english or word in SHARED_WORDS[kind]:
            return kind
        if any(word in words for words in WORDS_BY_LANGUAGE[kind].values()):
            return kind
    return None


def resubscribes_only(body: str) -> bool:
    """A START word that, from a subscribed number, asks what the service is; "yes" is an answer."""
    return keyword(body) == "start" and _word(body) != "yes"


def keyword_language(body: str) -> str | None:
    """The language a keyword is written in, when only one of ours writes it ("baja", "sair")."""
    word = _word(body)
    for by_language in WORDS_BY_LANGUAGE.values():
        for language, words in by_language.items():
            if word in words:
                return language
    return None


def plain_text(text: str) -> str:
    """Markdown to what a phone shows: links written out, no emphasis marks."""
    text = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", text)
    return _EMPHASIS.sub(r"\2", text).strip()


def numbered_choices(titles: list[str], language: str = "en") -> str:
    """'Reply 1 for Danbury, 2 for West Hartford.', in the conversation's language."""
    options = [
        phrase("utter_sms_choice", language, number=i, title=title)
        for i, title in enumerate(titles, 1)
    ]
    return phrase("utter_sms_choices", language, choices=", ".join(options))


# GSM 03.38: the basic table (one septet each) and the extension table (two septets each).
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = frozenset("^{}\\[~]|€\f")
_PLAIN_FORMS = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "\u00a0": " "}
)


def gsm_friendly(text: str) -> str:
    """Typographic characters as their GSM-7 forms, so they alone never make a text UCS-2."""
    return text.translate(_PLAIN_FORMS)


def is_gsm7(text: str) -> bool:
    return all(c in GSM7_BASIC or c in GSM7_EXTENDED for c in text)


def segments(text: str) -> int:
    """How many SMS segments `text` is billed as (see the module docstring)."""
    if is_gsm7(text):
        septets = sum(2 if c in GSM7_EXTENDED else 1 for c in text)
        return 1 if septets <= 160 else -(-septets // 153)
    units = len(text.encode("utf-16-le")) // 2  # an emoji is two UCS-2 units
    return 1 if units <= 70 else -(-units // 67)


def fit(text: str, more: str, limit: int = MAX_SMS_REPLY) -> str:
    """The text if it fits; otherwise cut at the last full sentence that leaves room for `more`."""
    if len(text) <= limit:
        return text
    room = limit - len(more) - 1
    head = text[:room]
    cut = max(head.rfind(". "), head.rfind(".\n"), head.rfind("? "), head.rfind("! "))
    head = head[: cut + 1] if cut > room // 3 else head[: head.rfind(" ")].rstrip(",;:") + "…"
    return f"{head}\n{more}"
