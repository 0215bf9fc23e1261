"""Custom actions, served by `python -m bot.action_server` (bot/action_server.py)."""

from bot.actions.answer import ActionAlsoAnswer, ActionAnswer
from bot.actions.contact import ActionContact, ActionDidYouMean, ActionFollowUp
from bot.actions.town import ActionSetTown

__all__ = [
    "ActionAlsoAnswer",
    "ActionAnswer",
    "ActionContact",
    "ActionDidYouMean",
    "ActionFollowUp",
    "ActionSetTown",
]
