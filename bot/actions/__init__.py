"""Custom actions, served by `rasa run actions --actions bot.actions`."""

from bot.actions.answer import ActionAnswer
from bot.actions.contact import ActionContact
from bot.actions.town import ActionSetTown

__all__ = ["ActionAnswer", "ActionContact", "ActionSetTown"]
