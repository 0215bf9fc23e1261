"""SMS channel: Twilio's webhook conventions, safe to put on a town's phone number.

Rasa's built-in `twilio` channel does not check Twilio's signature, drops the `To` number, fails
on a request without `Body`, sends paragraphs as separate texts that can arrive out of order, leaks
button payloads, blocks while sending, and ignores STOP/HELP. This one:

- answers 403 to a request whose `X-Twilio-Signature` is missing or wrong (twilio's own
  RequestValidator, against the configured public URL and the auth token from the environment);
- takes the town from the `To` number and the conversation from `From`;
- answers in the HTTP response, as TwiML with one <Message>: plain text, choices as a numbered
  list ("Reply 1 for Danbury…"), at most 600 characters, cut at a sentence if longer;
- answers a retried MessageSid once; keeps STOP/START opt-outs in SQLite; answers HELP;
- says that photos can't be received, and still answers the text that came with them.

Configuration (environment; see README, "SMS"):
  TWILIO_AUTH_TOKEN   the account's auth token (never in the repository)
  SMS_PUBLIC_URL      the exact URL Twilio calls, e.g. https://bot.town.gov/webhooks/sms/webhook
  SMS_NUMBERS         which number serves which town: "+18605550100=west-hartford,+1203...=danbury"
  DATA_DIR            where the SMS state (data/sms.sqlite3) is kept
"""

from __future__ import annotations

import logging
import os
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qsl

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from bot.kb.loader import towns
from bot.kb.schema import Town
from connectors.rest import collect_replies
from connectors.sms_store import IN_PROGRESS, SmsStore
from connectors.sms_text import fit, keyword, numbered_choices, plain_text

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024  # a Twilio webhook is a few hundred bytes
BOT_TIMEOUT_S = 12.0  # Twilio waits 15 s for the reply
ASSISTANT = "Police info assistant"


def parse_numbers(spec: str) -> dict[str, str]:
    """'+18605550100=west-hartford, +12035550100=danbury' -> {number: town id}."""
    numbers = {}
    for item in filter(None, (part.strip() for part in spec.split(","))):
        number, _, town = item.partition("=")
        numbers[number.strip()] = town.strip()
    return numbers


def form_fields(body: bytes) -> dict[str, str] | None:
    """Twilio's form fields, blanks kept (they are signed too); None if the body is unreadable."""
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except (UnicodeDecodeError, ValueError):
        return None
    return dict(pairs)


def twiml(text: str | None) -> HTTPResponse:
    """One <Message> (text escaped by twilio's TwiML builder), or an empty <Response/>."""
    reply = MessagingResponse()
    if text:
        reply.message(text)
    return response.text(str(reply), content_type="text/xml; charset=utf-8")


class SmsInput(InputChannel):
    """POST /webhooks/sms/webhook, Twilio-compatible (see module docstring)."""

    @classmethod
    def name(cls) -> str:
        return "sms"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        names = credentials or {}
        env = os.environ.get
        return cls(
            auth_token=env(names.get("auth_token_env", "TWILIO_AUTH_TOKEN")),
            public_url=env(names.get("public_url_env", "SMS_PUBLIC_URL")),
            numbers=parse_numbers(env(names.get("numbers_env", "SMS_NUMBERS"), "")),
        )

    def __init__(
        self,
        auth_token: str | None,
        public_url: str | None,
        numbers: dict[str, str],
        store: SmsStore | None = None,
    ) -> None:
        self.validator = RequestValidator(auth_token) if auth_token else None
        self.public_url = public_url
        self.numbers = numbers
        self.store = store or SmsStore()
        unknown = [t for t in numbers.values() if t not in towns()]
        if unknown:
            raise ValueError(f"SMS_NUMBERS names towns with no knowledge file: {unknown}")

    # --- the webhook ------------------------------------------------------------------------------
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        hook = Blueprint(f"sms_webhook_{id(self)}", __name__)

        @hook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok", "configured": self.validator is not None})

        @hook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if self.validator is None:
                logger.error("sms: TWILIO_AUTH_TOKEN is not set; refusing all webhooks")
                return response.json({"error": "SMS channel not configured"}, status=503)
            if len(request.body or b"") > MAX_BODY_BYTES:
                return response.json({"error": "request too large"}, status=413)
            params = form_fields(request.body or b"")
            if params is None:
                return response.json({"error": "the body must be a UTF-8 form"}, status=400)
            url = self.public_url or request.url
            signature = request.headers.get("X-Twilio-Signature", "")
            if not signature or not self.validator.validate(url, params, signature):
                return response.json({"error": "invalid signature"}, status=403)
            sender, to = params.get("From", "").strip(), params.get("To", "").strip()
            if not sender or not to:
                return response.json({"error": "From and To are required"}, status=400)
            sid = params.get("MessageSid") or params.get("SmsSid")
            if sid:
                earlier = self.store.claim(sid)
                if earlier is IN_PROGRESS:
                    return twiml(None)
                if earlier is not None:
                    return twiml(str(earlier) or None)
            reply = await self._reply(on_new_message, params, sender, to)
            if sid:
                self.store.answered(sid, reply or "")
            return twiml(reply)

        return hook

    # --- what to say ------------------------------------------------------------------------
    async def _reply(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        params: dict[str, str],
        sender: str,
        to: str,
    ) -> str | None:
        town = towns().get(self.numbers.get(to, ""))
        if town is None:
            logger.error("sms: no town is set for the number %s (SMS_NUMBERS)", to)
            return "Sorry, this number isn't set up yet. If anyone is in danger, call 911."
        body = params.get("Body") or ""
        word = keyword(body)
        if word == "stop":
            self.store.opt_out(sender)
            return (
                f"You're unsubscribed from the {town.town} {ASSISTANT} and won't get more "
                "messages. Reply START to resubscribe. If anyone is in danger, call 911."
            )
        if self.store.is_opted_out(sender):
            if word == "start":
                self.store.opt_in(sender)
                return f"You're subscribed again to the {town.town} {ASSISTANT}. Ask me a question."
            return None  # opted out: nothing is sent until START
        if word == "help":
            return self._help(town)
        notes = []
        if int(params.get("NumMedia") or 0) > 0:
            notes.append(
                "I can't receive photos or videos here. If it's urgent, call 911; otherwise "
                f"describe it in words, or call {town.main_phone.number}."
            )
        if not body.strip() and notes:
            return notes[0]
        text = self.store.choice(sender, body) or body
        answer = await self._ask_bot(on_new_message, text, sender, town)
        return fit("\n".join([*answer, *notes]), more=f"More: call {town.main_phone.number}.")

    async def _ask_bot(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        text: str,
        sender: str,
        town: Town,
    ) -> list[str]:
        replies = await collect_replies(
            on_new_message, text, sender, self.name(), {"department": town.id}, BOT_TIMEOUT_S
        )
        if replies is None:
            return [
                f"Sorry, I couldn't answer just now. If anyone is in danger, call 911. "
                f"Otherwise call {town.main_phone.number}."
            ]
        lines, titles, payloads = [], [], []
        for sent in replies:
            if sent.get("text"):
                lines.append(plain_text(sent["text"]))
            for button in sent.get("buttons") or []:
                titles.append(button["title"])
                payloads.append(button["payload"])
        if titles:
            self.store.offer(sender, payloads)
            lines.append(numbered_choices(titles))
        return lines or [f"Sorry, I have no answer for that. Call {town.main_phone.number}."]

    @staticmethod
    def _help(town: Town) -> str:
        return (
            f"{town.town} {ASSISTANT}: answers about police services. Not monitored: for "
            f"emergencies call 911 (or text 911). Non-emergency: {town.main_phone.number}. "
            "Msg&data rates may apply. Reply STOP to opt out."
        )
