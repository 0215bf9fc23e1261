"""Answers a service question from the town's knowledge file."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.replies import main_line, payload, service_reply
from bot.actions.town import ask_town, resolve_town
from bot.kb.intents import ANSWERED_INTENTS

logger = logging.getLogger(__name__)


def latest_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


class ActionAnswer(Action):
    """One answer per service intent, with the contract's payload (topic, town, sources)."""

    def name(self) -> str:
        return "action_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        topic = latest_intent(tracker)
        if topic not in ANSWERED_INTENTS:
            # a rule sent another intent here: say who can answer rather than nothing
            logger.warning("action_answer: no answer for intent %r", topic)
            town = resolve_town(tracker)
            if town is not None:
                dispatcher.utter_message(
                    text=main_line(town), json_message=payload(town, "contact_info", [])
                )
            return []
        town = resolve_town(tracker)
        if town is None:
            return ask_town(dispatcher, topic)
        text, custom = service_reply(town, topic)
        dispatcher.utter_message(text=text, json_message=custom)
        return [SlotSet("department", town.id)]


class ActionAlsoAnswer(Action):
    """After an urgent reply: the routine question asked in the same message, if there was one.

    "how do I get a police report? also my ex is outside with a bat" gets 911 first (a domain
    response), then the records answer. Triage names the routine part in `triage.also`.
    """

    def name(self) -> str:
        return "action_also_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        also = (tracker.latest_message.get("triage") or {}).get("also")
        town = resolve_town(tracker) if also in ANSWERED_INTENTS else None
        if town is None:  # nothing asked beside the danger, or no town: never a question now
            return []
        text, custom = service_reply(town, also)
        dispatcher.utter_message(text=text, json_message=custom)
        return []
