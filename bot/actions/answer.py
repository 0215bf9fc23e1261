"""Answers a question from the town's knowledge file, in the conversation's language.

One action for every knowledge-file answer (bot/answer_policy.py predicts it after any service
intent; the rules keep only what differs): adding a question needs no code and no rule.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot import clock
from bot.actions.dispatch import context_of, language_of, latest_intent, resident_text, send
from bot.actions.replies import in_context, main_line, notice_replies, topic_reply
from bot.actions.town import ask_town, resolve_town
from bot.kb.intents import ANSWERED_INTENTS

logger = logging.getLogger(__name__)


class ActionAnswer(Action):
    """One answer per service intent (a unit's details for contact_info/office_hours), with the
    contract's payload (topic, town, sources, language)."""

    def name(self) -> str:
        return "action_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        topic = latest_intent(tracker)
        language = language_of(tracker)
        division = next(tracker.get_latest_entity_values("division"), None)
        town = resolve_town(tracker)
        if topic not in ANSWERED_INTENTS:
            # a rule or policy sent another intent here: say who can answer rather than nothing
            logger.warning("action_answer: no answer for intent %r", topic)
            if town is not None:
                send(dispatcher, main_line(town, language))
            return []
        if town is None:
            return ask_town(dispatcher, tracker, topic, division)
        text = resident_text(tracker)
        topic, division = in_context(town, topic, division, text, language, context_of(tracker))
        now = clock.now()
        for notice in notice_replies(town, topic, language, now):
            send(dispatcher, notice)
        send(dispatcher, topic_reply(town, topic, division, language, text, now))
        also = (tracker.latest_message.get("triage") or {}).get("also")
        if also in ANSWERED_INTENTS and also != topic:
            # a second question asked in the same message (bot/nlu/triage.py: _second_question)
            send(dispatcher, topic_reply(town, also, None, language, text, now))
        # remembered for "what about Danbury?"; the town is not stored: the channel's town must
        # not outrank a town the resident names later
        return [SlotSet("last_topic", topic), SlotSet("last_division", division)]


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
        language = language_of(tracker)
        send(dispatcher, topic_reply(town, also, None, language, resident_text(tracker)))
        return []
