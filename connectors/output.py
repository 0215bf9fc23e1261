"""The one output channel every channel collects replies with: each bot message kept whole.

Rasa's CollectingOutputChannel splits a message into parts: its text on every blank line, then its
custom payload as a message of its own, so each channel had to guess which payload belonged to
which text. Here a message stays one dict with its text, buttons and payload together (the REST
channel returns exactly these; the widget and SMS channels read them), in the order the bot said
them.
"""

from __future__ import annotations

from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel

# What a bot message may carry to a resident; anything else Rasa adds stays internal.
KEPT = ("text", "buttons", "custom", "image", "attachment")


class WholeMessages(CollectingOutputChannel):
    """Collects each bot message as one dict: {recipient_id, text?, buttons?, custom?...}."""

    @classmethod
    def name(cls) -> str:
        return "collector"  # the name Rasa's NLG and our domain responses know

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        kept = {key: message[key] for key in KEPT if message.get(key)}
        if kept:
            await self._persist_message({"recipient_id": recipient_id, **kept})


def whole_message(recipient_id: str, generated: dict[str, Any]) -> dict[str, Any]:
    """A response Rasa's NLG generated, as WholeMessages would have collected it."""
    return {"recipient_id": recipient_id, **{k: generated[k] for k in KEPT if generated.get(k)}}
