"""A REST channel for integrations (a town's app, tests): validated, authenticated, its own ids.

Rasa's built-in `rest` channel raises (500) when the body is JSON but not an object, and files
every message without a `sender` under one shared conversation called "default". This one checks
the request first and answers a clear 4xx for a malformed one; otherwise it behaves the same (same
URL: /webhooks/rest/webhook, same reply format). Besides (../shared/contract.md, "The REST
channel"):

- with REST_TOKEN set, every request needs `Authorization: Bearer <REST_TOKEN>` (401 otherwise);
- a REST `sender` names a REST conversation only (stored as `rest-<sender>`): it can never reach
  an SMS resident's conversation (a phone number) or a widget's (`web-...`);
- the body is capped (64 KB), `metadata` keeps only the contract's keys (connectors/turns.py), and
  a flood per sender or per client address gets a polite 429, except an urgent message, which
  always gets its urgent reply.
"""

from __future__ import annotations

import hmac
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.phrases import phrase
from bot.settings import settings
from connectors.body import bad_request, parse_request
from connectors.ratelimit import RateLimiter
from connectors.turns import notice_language, run_turn, sorry

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024
SENDER = re.compile(r"^[A-Za-z0-9_.:@+=-]{1,128}$")
PREFIX = "rest-"


def authorised(request: Request, token: str | None) -> bool:
    """True when no token is configured, or the request carries it as a bearer token."""
    if not token:
        return True
    header = request.headers.get("authorization", "")
    given = header[7:].strip() if header.lower().startswith("bearer ") else ""
    return hmac.compare_digest(given.encode(), token.encode())


class SafeRestInput(RestInput):
    """The `rest` channel, validated (see module docstring)."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> RestInput:
        limits = credentials or {}
        return cls(
            per_minute=float(limits.get("per_minute", 60)),
            burst=int(limits.get("burst", 20)),
            per_address_per_minute=float(limits.get("per_address_per_minute", 600)),
        )

    def __init__(
        self, per_minute: float = 60, burst: int = 20, per_address_per_minute: float = 600
    ) -> None:
        self.per_sender = RateLimiter(per_minute, burst)
        self.per_address = RateLimiter(per_address_per_minute, burst * 5)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not authorised(request, settings().rest_token):
                return bad_request("unauthorized", 401)
            if len(request.body or b"") > MAX_BODY_BYTES:
                return bad_request(f"the body is larger than {MAX_BODY_BYTES} bytes", 413)
            parsed = parse_request(request)
            if isinstance(parsed, HTTPResponse):
                return parsed
            sender, text, metadata = parsed
            if not SENDER.match(sender):
                return bad_request("`sender` may hold only letters, digits and _ . : @ + = -")
            agent = getattr(request.app.ctx, "agent", None)
            conversation = PREFIX + sender
            limited = self.per_sender.wait_for(sender)
            if not limited and not settings().rest_token:
                # an open endpoint: one address may not flood it either. An integration that has
                # the token sends many residents' messages from one address: not limited by it.
                address = request.remote_addr or request.ip or "unknown"
                limited = self.per_address.wait_for(address)
            turn = await run_turn(
                agent,
                on_new_message,
                text,
                conversation,
                self.name(),
                metadata,
                urgent_only=bool(limited),
            )
            if turn is None:  # limited, and not urgent
                retry = {"Retry-After": str(max(1, round(limited)))}
                language = await notice_language(agent, conversation, metadata)
                body = [{"recipient_id": sender, "text": phrase("utter_slow_down", language)}]
                return response.json(body, status=429, headers=retry)
            if turn.failed:
                return response.json([{"recipient_id": sender, "text": sorry(turn.language)}])
            return response.json([{**reply, "recipient_id": sender} for reply in turn.replies])

        return webhook
