"""Which town a conversation is about: what the resident said, then the channel, then the default.

The resident's own words win for the rest of the conversation ("I'm actually in West Hartford",
"how do I get a report in Danbury?", a tapped town button): they fill the `department` slot, which
only the resident's words and the town buttons set. The channel's town (the widget's page, the
number an SMS was sent to, REST metadata) counts when the resident has not named one.

There is deliberately no custom `action_session_start`: Rasa runs it before the first message of
every conversation, so it would put the action server in front of every first message, urgent ones
included (with the server down, an emergency would get the fallback). Rasa's built-in session start
keeps the first message's metadata in the `session_started_metadata` slot, which is read here.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.dispatch import language_of, send
from bot.actions.replies import ask_town_reply, topic_reply, town_set_reply, town_unknown_reply
from bot.kb.loader import towns
from bot.kb.schema import Town
from bot.settings import settings

# Load (and validate) the knowledge files when the action server starts: a broken file must stop
# the server with the file and line at fault, not fail at a resident's question.
towns()


def _known(town_id: Any) -> Town | None:
    return towns().get(town_id) if isinstance(town_id, str) else None


def town_from_metadata(metadata: Any) -> Town | None:
    return _known(metadata.get("department")) if isinstance(metadata, dict) else None


def default_town() -> Town | None:
    """$DEFAULT_DEPARTMENT, or the only town when a deployment serves just one."""
    only = next(iter(towns().values())) if len(towns()) == 1 else None
    return _known(settings().default_department) or only


def resolve_town(tracker: Tracker) -> Town | None:
    """The contract's order: what the resident said (this message or before), the channel's town
    (message metadata, else the session's first message's), the deployment default."""
    return (
        _known(tracker.get_slot("department"))
        or town_from_metadata(tracker.latest_message.get("metadata"))
        or town_from_metadata(tracker.get_slot("session_started_metadata"))
        or default_town()
    )


def ask_town(
    dispatcher: CollectingDispatcher, tracker: Tracker, topic: str | None, division: str | None
) -> list[EventType]:
    """Ask with one button per town, remembering the question (and the unit it was about, as in
    "parking office hours") to answer once the town is known."""
    send(dispatcher, ask_town_reply(towns(), language_of(tracker)))
    return [SlotSet("pending_topic", topic), SlotSet("pending_division", division)]


class ActionSetTown(Action):
    """The resident named (or tapped) their town: remember it and answer the pending question."""

    def name(self) -> str:
        return "action_set_town"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        language = language_of(tracker)
        named = next(tracker.get_latest_entity_values("department"), None)
        town = _known(named) or _known(tracker.get_slot("department"))
        if town is None:
            send(dispatcher, town_unknown_reply(towns(), language))
            return []
        events: list[EventType] = [
            SlotSet("department", town.id),
            SlotSet("pending_topic", None),
            SlotSet("pending_division", None),
        ]
        # the question waiting for a town, else the last one answered ("what about Danbury?",
        # "I'm actually in West Hartford" after an answer: the same question for the new town)
        topic = tracker.get_slot("pending_topic")
        division = tracker.get_slot("pending_division")
        if topic not in town.answers:
            topic, division = tracker.get_slot("last_topic"), tracker.get_slot("last_division")
        if topic in town.answers:
            send(dispatcher, topic_reply(town, topic, division, language))
            events += [SlotSet("last_topic", topic), SlotSet("last_division", division)]
        else:
            send(dispatcher, town_set_reply(town, language))
        return events
