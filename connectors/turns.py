"""One resident message through the assistant, the same way on every channel (REST, SMS, widget).

Why a module of its own: what must hold on every channel lives here once.

- **Urgent first, never queued.** The message is understood (Rasa's own NLU, with triage) before
  its turn is queued behind the conversation's lock. An urgent message whose turn has not finished
  within URGENT_BUDGET_S (another turn of the same conversation holds the lock, or the action
  server is slow or down) is answered at once with the urgent response from bot/domain.yml, in the
  conversation's language; its turn goes on in the background and is still recorded.
- **Never throttled.** A channel that has rate-limited a resident still asks `urgent_only`: an
  urgent message gets its urgent reply, everything else the channel's polite 429.
- **The conversation's language before the page's.** The channel's hint (the widget sends its
  page's language) only starts a conversation: once the conversation has a language, that is the
  hint, so "ok", a town's name or "socorro!!" (danger words Spanish and Portuguese share) keep it,
  and only what the resident asks for or writes in changes it (the contract's order).
- **Clean input.** Control characters and invalid Unicode are removed, metadata keeps only known
  keys, and Rasa's "/intent{...}" shortcut is refused unless it is a button the assistant offered.
- **A number picks a button.** A resident who answers "2" (or "option 2", "opción 2") to buttons
  they were just offered chose the second one, on every channel, as SMS numbers them.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.shared.core.events import BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.actions.replies import offered_payloads
from bot.kb.intents import ANSWERED_INTENTS, DANGER_INTENTS
from bot.kb.loader import towns
from bot.languages import DEFAULT, SUPPORTED, fold
from bot.nlu.input_guard import strip_unsafe
from bot.phrases import phrase
from connectors.output import WholeMessages, whole_message

logger = logging.getLogger(__name__)

URGENT_BUDGET_S = 1.5  # an urgent reply never waits longer than this for the rest of its turn
STORE_BUDGET_S = 0.5  # reading the conversation's slots never holds a message up longer than this
BOT_TIMEOUT_S = 20.0  # longer than any real turn; a hung turn still gets an answer
MAX_DEPARTMENT_CHARS = 64
_SHORTCUT = re.compile(r"^\s*/+")
# "2", "#2", "option 2", "opción dos", "la segunda", "the second one", "a segunda": a choice among
# the buttons just offered (text folded: no accents)
_ORDINALS = {
    **dict.fromkeys(
        (
            "1",
            "one",
            "first",
            "uno",
            "una",
            "primero",
            "primera",
            "primer",
            "primeiro",
            "primeira",
        ),
        1,
    ),
    **dict.fromkeys(("2", "two", "second", "dos", "segundo", "segunda", "dois", "duas"), 2),
    **dict.fromkeys(
        ("3", "three", "third", "tres", "tercero", "tercera", "tercer", "terceiro", "terceira"), 3
    ),
    **dict.fromkeys(
        ("4", "four", "fourth", "cuatro", "cuarto", "cuarta", "quatro", "quarto", "quarta"), 4
    ),
}
_CHOICE = re.compile(
    r"^(?:the |el |la |lo |o |a )?(?:#|no\.? |num(?:ero)?\.? |number |option |opcion |opcao )?"
    r"(\d{1,2}|[a-z]+)(?: one| opcion| opcao| option)?[.)!]?$"
)


def sorry(language: str, phone: str | None = None) -> str:
    """The one apology every channel gives when it has no answer: 911 first, then the town."""
    if phone:
        return phrase("utter_sorry_call", language, phone=phone)
    return phrase("utter_sorry", language)


Handler = Callable[[UserMessage], Awaitable[Any]]


@dataclass
class Turn:
    """What the assistant answered to one message."""

    replies: list[dict[str, Any]] = field(default_factory=list)  # Rasa's collected messages
    urgent: str | None = None  # the urgent intent, when the message was urgent
    language: str = DEFAULT
    failed: bool = False  # nothing could be answered: the channel says sorry() in `language`


def clean_metadata(metadata: Any) -> dict[str, str]:
    """Only the keys the contract defines: the town and the channel's language hint."""
    if not isinstance(metadata, dict):
        return {}
    kept: dict[str, str] = {}
    department = metadata.get("department")
    if isinstance(department, str) and 0 < len(department) <= MAX_DEPARTMENT_CHARS:
        kept["department"] = department
    language = metadata.get("language")
    if isinstance(language, str) and language.lower()[:2] in SUPPORTED:
        kept["language"] = language.lower()[:2]
    return kept


def clean_text(text: str) -> str:
    """Safe to store and to parse; a "/intent{...}" shortcut only if it is one of our buttons."""
    text = strip_unsafe(text).strip()
    if text.startswith("/") and text not in offered_payloads(towns(), ANSWERED_INTENTS):
        text = _SHORTCUT.sub("", text)
    return text


def _language_of(parse: dict[str, Any]) -> str | None:
    return next(
        (e.get("value") for e in parse.get("entities") or [] if e.get("entity") == "language"),
        None,
    )


async def _urgent_replies(agent: Any, sender: str, intent: str, language: str) -> list[dict]:
    """The urgent response of bot/domain.yml in this language, as the collecting channel has it."""
    tracker = DialogueStateTracker.from_events(
        sender, [SlotSet("language", language)], slots=agent.domain.slots
    )
    generated = await agent.nlg.generate(f"utter_{intent}", tracker, WholeMessages.name()) or {}
    return [whole_message(sender, generated)]


async def stored_tracker(agent: Any, sender: str) -> DialogueStateTracker | None:
    """The conversation as stored (None if unknown, or the store is down or slow)."""
    if agent is None or getattr(agent, "tracker_store", None) is None:
        return None
    try:
        return await asyncio.wait_for(agent.tracker_store.retrieve(sender), STORE_BUDGET_S)
    except Exception:  # the store is down or slow: the default, but an answer all the same
        logger.exception("turns: could not read the conversation")
        return None


def _slot(tracker: DialogueStateTracker | None, name: str) -> str | None:
    value = tracker.get_slot(name) if tracker else None
    return value if isinstance(value, str) else None


async def stored_slot(agent: Any, sender: str, name: str) -> str | None:
    """A slot of the conversation as stored (None if unknown or the store is down)."""
    return _slot(await stored_tracker(agent, sender), name)


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else None


def offered_choice(tracker: DialogueStateTracker | None, text: str) -> str | None:
    """The payload behind "2" when the assistant's last reply offered buttons, numbered in the
    order they were shown (every message of the reply, as SMS numbers them); else None."""
    chosen = _CHOICE.match(" ".join(fold(text).split()))
    number = chosen and (_ORDINALS.get(chosen.group(1)) or _number(chosen.group(1)))
    if not number or tracker is None:
        return None
    buttons: list[dict[str, Any]] = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, BotUttered):
            buttons[:0] = event.data.get("buttons") or []
    index = number - 1
    payload = buttons[index].get("payload") if 0 <= index < len(buttons) else None
    return payload if isinstance(payload, str) else None


async def stored_language(agent: Any, sender: str) -> str | None:
    """The conversation's language slot as stored (None if unknown or the store is down)."""
    return await stored_slot(agent, sender, "language")


async def notice_language(agent: Any, sender: str, metadata: Any = None) -> str:
    """The language of a channel's own notice ("slow down", "too long"), said without a turn: the
    conversation's, else the channel's hint, else English."""
    stored = await stored_language(agent, sender)
    return stored if stored in SUPPORTED else clean_metadata(metadata).get("language", DEFAULT)


def _log_failure(task: asyncio.Future) -> None:
    if not task.cancelled() and task.exception():
        logger.error("turns: a turn failed after its urgent reply", exc_info=task.exception())


async def run_turn(
    agent: Any,
    on_new_message: Handler,
    text: str,
    sender: str,
    channel: str,
    metadata: dict[str, Any] | None,
    timeout: float = BOT_TIMEOUT_S,
    urgent_only: bool = False,
) -> Turn | None:
    """Answer one message (see module doc). With `urgent_only`, a message that is not urgent is not
    answered at all and None is returned (the channel's rate limit applies to it)."""
    collector = WholeMessages()
    kept = clean_metadata(metadata)
    tracker = await stored_tracker(agent, sender)
    conversation = _slot(tracker, "language")
    if conversation in SUPPORTED:
        kept["language"] = conversation  # the conversation's language is the hint (module doc)
    message = UserMessage(
        clean_text(offered_choice(tracker, text) or text),
        collector,
        sender,
        input_channel=channel,
        metadata=kept,
    )
    parse: dict[str, Any] | None = None
    if agent is not None and agent.is_ready():
        try:
            parse = await agent.processor.parse_message(message)
        except Exception:
            logger.exception("%s: the message could not be parsed", channel)
    intent = ((parse or {}).get("intent") or {}).get("name")
    urgent = intent if intent in DANGER_INTENTS else None
    # what the message shows, else the conversation's (a button's payload shows none: "Otra
    # cosa" is answered, and labelled, in the conversation's language)
    language = _language_of(parse or {}) or conversation
    language = language if language in SUPPORTED else DEFAULT
    if urgent_only:
        if not urgent:
            return None
        return Turn(await _urgent_replies(agent, sender, urgent, language), urgent, language)
    if parse is not None:
        message.parse_data = parse  # understood once: Rasa does not parse it again
    task = asyncio.ensure_future(on_new_message(message))
    done, _ = await asyncio.wait({task}, timeout=URGENT_BUDGET_S if urgent else timeout)
    if task in done and task.exception() is None and collector.messages:
        return Turn(collector.messages, urgent, language)
    if task in done and task.exception() is not None:
        logger.error("%s: a message could not be handled", channel, exc_info=task.exception())
    if urgent:
        if task not in done:
            task.add_done_callback(_log_failure)
        return Turn(await _urgent_replies(agent, sender, urgent, language), urgent, language)
    if task not in done:
        task.cancel()
        logger.error("%s: a turn took longer than %s s", channel, timeout)
    return Turn(collector.messages, None, language, failed=not collector.messages)
