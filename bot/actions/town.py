"""Which town a conversation is about: metadata, then what the resident said, then the default.

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

from bot.actions.replies import service_reply, town_buttons, unit_reply
from bot.kb.loader import towns
from bot.kb.schema import Town
from bot.settings import settings

# Load (and validate) the knowledge files when the action server starts: a broken file must stop
# the server with the file and line at fault, not fail at a resident's question.
towns()

ASK_TOWN = "Which town are you in?"


def _known(town_id: Any) -> Town | None:
    return towns().get(town_id) if isinstance(town_id, str) else None


def town_from_metadata(metadata: Any) -> Town | None:
    return _known(metadata.get("department")) if isinstance(metadata, dict) else None


def default_town() -> Town | None:
    """$DEFAULT_DEPARTMENT, or the only town when a deployment serves just one."""
    only = next(iter(towns().values())) if len(towns()) == 1 else None
    return _known(settings().default_department) or only


def resolve_town(tracker: Tracker) -> Town | None:
    """The contract's order: message metadata, what the resident said, the deployment default."""
    return (
        town_from_metadata(tracker.latest_message.get("metadata"))
        or town_from_metadata(tracker.get_slot("session_started_metadata"))
        or _known(tracker.get_slot("department"))
        or default_town()
    )


def ask_town(
    dispatcher: CollectingDispatcher, topic: str | None, division: str | None = None
) -> list[EventType]:
    """Ask with one button per town, remembering the question (and the unit it was about, as in
    "parking office hours") to answer once the town is known."""
    dispatcher.utter_message(text=ASK_TOWN, buttons=town_buttons(towns()))
    return [SlotSet("pending_topic", topic), SlotSet("pending_division", division)]


class ActionSetTown(Action):
    """The resident named (or tapped) their town: remember it and answer the pending question."""

    def name(self) -> str:
        return "action_set_town"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        named = next(tracker.get_latest_entity_values("department"), None)
        town = _known(named) or _known(tracker.get_slot("department"))
        if town is None:
            names = " and ".join(t.town for t in towns().values())
            dispatcher.utter_message(
                text=f"For now I can answer for {names}. For another town, please call its police "
                "department. If anyone is in danger, call 911.",
                buttons=town_buttons(towns()),
            )
            return []
        events: list[EventType] = [
            SlotSet("department", town.id),
            SlotSet("pending_topic", None),
            SlotSet("pending_division", None),
        ]
        topic = tracker.get_slot("pending_topic")
        division = tracker.get_slot("pending_division")
        if topic in ("contact_info", "office_hours") and division:
            text, custom = unit_reply(town, division, topic)
            dispatcher.utter_message(text=text, json_message=custom)
        elif topic in town.answers:
            text, custom = service_reply(town, topic)
            dispatcher.utter_message(text=text, json_message=custom)
        else:
            dispatcher.utter_message(
                text=f"OK, I'll answer for the {town.name}. What would you like to know?"
            )
        return events
