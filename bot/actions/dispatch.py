"""What every action reads from the tracker (intent, language) and how it sends a Reply."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.replies import Context, Reply
from bot.languages import DEFAULT, SUPPORTED


def latest_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def resident_text(tracker: Tracker) -> str:
    """What the resident wrote; empty for a button press ("/police_report" has no words)."""
    text = tracker.latest_message.get("text") or ""
    return "" if text.startswith("/") else text


def context_of(tracker: Tracker) -> Context:
    """The last answer's topic and unit: what a follow-up refers to."""
    return Context(tracker.get_slot("last_topic"), tracker.get_slot("last_division"))


def language_of(tracker: Tracker) -> str:
    """The conversation's language (the `language` slot, which the NLU keeps), else English."""
    language = tracker.get_slot("language")
    return language if language in SUPPORTED else DEFAULT


def send(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    """One message, whole: text, buttons and payload together."""
    dispatcher.utter_message(text=reply.text, buttons=reply.buttons, json_message=reply.custom)
