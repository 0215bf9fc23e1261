"""A REST channel that answers every request politely: never a 500 for what a client sends.

Rasa's built-in `rest` channel raises (500) when the body is JSON but not an object, and files
every message without a `sender` under one shared conversation called "default". This one checks
the request first, answers a clear 4xx for a malformed one, and otherwise behaves the same
(same URL: /webhooks/rest/webhook, same reply format, `metadata` passed through).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 100_000  # far above any real message; the NLU reads the first 1,000
MAX_SENDER_CHARS = 128
BOT_TIMEOUT_S = 20.0  # longer than any real turn; a hung turn still gets an answer
SORRY = "Sorry, something went wrong on our side. If anyone is in danger, call 911."


def _bad_request(reason: str, status: int = 400) -> HTTPResponse:
    return response.json({"error": reason}, status=status)


def parse_request(request: Request) -> tuple[str, str, dict[str, Any] | None] | HTTPResponse:
    """(sender, text, metadata) from a request body, or the 4xx response that explains the fault."""
    try:
        body = request.json
    except Exception:  # sanic raises on bodies that are not JSON
        return _bad_request('the body must be JSON: {"sender": "...", "message": "..."}')
    if not isinstance(body, dict):
        return _bad_request("the body must be a JSON object with `sender` and `message`")
    sender = body.get("sender")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
        return _bad_request(f"`sender` must be a non-empty string of at most {MAX_SENDER_CHARS}")
    text = body.get("message")
    if text is None:
        text = ""
    if not isinstance(text, str):
        return _bad_request("`message` must be a string")
    if len(text) > MAX_MESSAGE_CHARS:
        return _bad_request(f"`message` is longer than {MAX_MESSAGE_CHARS} characters", 413)
    metadata = body.get("metadata")
    return sender, text, metadata if isinstance(metadata, dict) else None


async def collect_replies(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    text: str,
    sender: str,
    channel: str,
    metadata: dict[str, Any] | None,
    timeout: float = BOT_TIMEOUT_S,
) -> list[dict[str, Any]] | None:
    """What the assistant answers, as Rasa's collecting channel records it; None if it failed."""
    collector = CollectingOutputChannel()
    message = UserMessage(text, collector, sender, input_channel=channel, metadata=metadata)
    try:
        await asyncio.wait_for(on_new_message(message), timeout=timeout)
    except Exception:  # includes the timeout: the resident gets an answer either way
        logger.exception("%s: a message could not be handled", channel)
        return None
    return collector.messages


class SafeRestInput(RestInput):
    """The `rest` channel, validated (see module docstring)."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            parsed = parse_request(request)
            if isinstance(parsed, HTTPResponse):
                return parsed
            sender, text, metadata = parsed
            replies = await collect_replies(on_new_message, text, sender, self.name(), metadata)
            if replies is None:
                return response.json([{"recipient_id": sender, "text": SORRY}])
            return response.json(replies)

        return webhook
