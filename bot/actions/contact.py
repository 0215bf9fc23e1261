"""Contact details and hours, for the whole department or one unit (entity `division`)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.answer import latest_intent
from bot.actions.replies import main_line, payload, service_reply, unit_reply
from bot.actions.town import ask_town, resolve_town


class ActionContact(Action):
    """contact_info / office_hours by unit; the main line after a handoff request or a fallback."""

    def name(self) -> str:
        return "action_contact"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        topic = latest_intent(tracker) or "contact_info"
        town = resolve_town(tracker)
        division = next(tracker.get_latest_entity_values("division"), None)
        if town is None:
            if topic in ("contact_info", "office_hours"):
                return ask_town(dispatcher, topic, division)
            return []  # the domain response already said what to do
        if topic in ("contact_info", "office_hours") and division:
            text, custom = unit_reply(town, division, topic)
        elif topic in ("contact_info", "office_hours"):
            text, custom = service_reply(town, topic)
        else:
            text, custom = main_line(town), payload(town, "contact_info", town.main_phone.sources)
        dispatcher.utter_message(text=text, json_message=custom)
        return [SlotSet("department", town.id)]
