"""The department's line after a request for a person; "Did you mean…?" after a message not
understood; a short message not understood read as a follow-up to the last answer."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from bot import clock
from bot.actions.dispatch import context_of, language_of, latest_intent, resident_text, send
from bot.actions.replies import (
    Reply,
    did_you_mean_reply,
    follow_up_reply,
    likely_topics,
    main_line,
    notice_replies,
)
from bot.actions.town import resolve_town
from bot.kb.intents import ANSWERED_INTENTS
from bot.phrases import phrase


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
        did_you_mean(dispatcher, tracker)
        return []


def did_you_mean(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """The likeliest topics as buttons, else the department's line."""
    language = language_of(tracker)
    ranking = tracker.latest_message.get("intent_ranking") or []
    topics = likely_topics(ranking, ANSWERED_INTENTS)
    if topics:
        send(dispatcher, did_you_mean_reply(topics, language))
        return
    town = resolve_town(tracker)
    if town is not None:
        send(dispatcher, main_line(town, language))


class ActionFollowUp(Action):
    """A short message the classifier could not place, after an answer: "how much does it
    cost?", "and their hours?", "who do I call?". Answered from the last answer's situations
    and unit when it fits one (bot/actions/replies.follow_up_reply); otherwise exactly what the
    fallback (911 first, then "Did you mean…?") or the out-of-scope reply would have said."""

    def name(self) -> str:
        return "action_follow_up"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        language = language_of(tracker)
        town = resolve_town(tracker)
        context = context_of(tracker)
        reply = None
        if town is not None:
            now = clock.now()
            reply = follow_up_reply(town, resident_text(tracker), language, context, now)
        if reply is not None and town is not None and context.topic:
            for notice in notice_replies(town, context.topic, language, now):
                send(dispatcher, notice)
            send(dispatcher, reply)
            return []
        if latest_intent(tracker) == "out_of_scope":
            send(dispatcher, Reply(phrase("utter_out_of_scope", language)))
            return []
        send(dispatcher, Reply(phrase("utter_fallback", language)))
        did_you_mean(dispatcher, tracker)
        return []
