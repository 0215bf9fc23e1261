"""What an SMS reply may contain: plain text, numbered choices, at most one conversation turn."""

from __future__ import annotations

import re

MAX_SMS_REPLY = 600  # contract: every answer fits one SMS conversation turn

STOP_WORDS = frozenset({"stop", "stopall", "unsubscribe", "cancel", "end", "quit"})
START_WORDS = frozenset({"start", "unstop", "yes"})
HELP_WORDS = frozenset({"help", "info"})

# A number past its message limit gets this once a minute, then nothing until the limit allows.
SLOW_DOWN = (
    "You're sending messages faster than I can answer. Please wait a minute. "
    "If anyone is in danger, call 911."
)

_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1")


def keyword(body: str) -> str | None:
    """'stop', 'start' or 'help' when the whole message is one of Twilio's keywords."""
    word = body.strip().strip(".!").lower()
    if word in STOP_WORDS:
        return "stop"
    if word in START_WORDS:
        return "start"
    if word in HELP_WORDS:
        return "help"
    return None


def plain_text(text: str) -> str:
    """Markdown to what a phone shows: links written out, no emphasis marks."""
    text = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", text)
    return _EMPHASIS.sub(r"\2", text).strip()


def numbered_choices(titles: list[str]) -> str:
    """'Reply 1 for Danbury, 2 for West Hartford.'"""
    options = [f"{i} for {title}" for i, title in enumerate(titles, 1)]
    return "Reply " + ", ".join(options) + "."


def fit(text: str, more: str, limit: int = MAX_SMS_REPLY) -> str:
    """The text if it fits; otherwise cut at the last full sentence that leaves room for `more`."""
    if len(text) <= limit:
        return text
    room = limit - len(more) - 1
    head = text[:room]
    cut = max(head.rfind(". "), head.rfind(".\n"), head.rfind("? "), head.rfind("! "))
    head = head[: cut + 1] if cut > room // 3 else head[: head.rfind(" ")].rstrip(",;:") + "…"
    return f"{head}\n{more}"
