"""The department's line after a request for a person; "Did you mean…?" after a message not
understood."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.dispatch import language_of, send
from bot.actions.replies import did_you_mean_reply, likely_topics, main_line
from bot.actions.town import resolve_town
from bot.kb.intents import ANSWERED_INTENTS


class ActionContact(Action):
    """The main line, said for what it is; nothing when no town is known (the domain response
    before it already said what to do)."""

    def name(self) -> str:
        return "action_contact"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        town = resolve_town(tracker)
        if town is None:
            return []
        send(dispatcher, main_line(town, language_of(tracker)))
        return []


class ActionDidYouMean(Action):
    """After the fallback (which says 911 first): the two or three likeliest topics as buttons
    (numbered choices by SMS) and "Something else", which leads to the department's line. With no
    likely topic, the line itself."""

    def name(self) -> str:
        return "action_did_you_mean"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        language = language_of(tracker)
        ranking = tracker.latest_message.get("intent_ranking") or []
        topics = likely_topics(ranking, ANSWERED_INTENTS)
        if topics:
            send(dispatcher, did_you_mean_reply(topics, language))
            return []
        town = resolve_town(tracker)
        if town is not None:
            send(dispatcher, main_line(town, language))
        return []
