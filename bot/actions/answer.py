"""Answers a service question from the town's knowledge file."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.replies import service_reply
from bot.actions.town import ask_town, resolve_town
from bot.kb.intents import ANSWERED_INTENTS


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
            return []
        town = resolve_town(tracker)
        if town is None:
            return ask_town(dispatcher, topic)
        text, custom = service_reply(town, topic)
        dispatcher.utter_message(text=text, json_message=custom)
        return [SlotSet("department", town.id)]
