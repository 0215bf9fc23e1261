"""SMS channel: Twilio's webhook conventions, safe to put on a town's phone number.

Rasa's built-in `twilio` channel does not check Twilio's signature, drops the `To` number, fails
on a request without `Body`, sends paragraphs as separate texts that can arrive out of order, leaks
button payloads, blocks while sending, and ignores STOP/HELP. This one:

- answers 403 to a request whose `X-Twilio-Signature` is missing or wrong (twilio's own
  RequestValidator, against the configured public URL and the auth token from the environment),
  and 400 (JSON) to a signed one whose fields are not what Twilio sends (`inbound`);
- takes the town from the `To` number and the conversation from `From`;
- answers in the HTTP response, as TwiML with one <Message>: plain text, choices as a numbered
  list ("Reply 1 for Danbury…"), at most 600 characters, cut at a sentence if longer;
- answers a retried MessageSid once (a claim that crashed or failed is answered on the retry);
  keeps STOP/START opt-outs in SQLite; answers HELP;
- limits each sender number (`burst` texts at once, then `per_minute`, from credentials.yml):
  past it an urgent text still gets its urgent reply, anything else one "slow down" text a
  minute and then nothing, so a flood costs no outbound texts; STOP/START/HELP are never limited;
- says that photos can't be received, and still answers the text that came with them.

Configuration (environment; see README, "SMS"):
  TWILIO_AUTH_TOKEN   the account's auth token (never in the repository)
  SMS_PUBLIC_URL      the exact URL Twilio calls, e.g. https://bot.town.gov/webhooks/sms/webhook
  SMS_NUMBERS         which number serves which town: "+18605550100=west-hartford,+1203...=danbury"
  DATA_DIR            where the SMS state (data/sms.sqlite3) is kept
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
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
from bot.languages import detect, word_language
from bot.phrases import phrase
from bot.settings import settings
from connectors.ratelimit import RateLimiter
from connectors.sms_store import IN_PROGRESS, SmsStore
from connectors.sms_text import (
    fit,
    gsm_friendly,
    keyword,
    keyword_language,
    numbered_choices,
    plain_text,
    resubscribes_only,
    segments,
)
from connectors.turns import run_turn, sorry, stored_language, stored_slot

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024  # a Twilio webhook is a few hundred bytes
BOT_TIMEOUT_S = 12.0  # Twilio waits 15 s for the reply
PER_MINUTE, BURST = 12.0, 6  # per sender number; bot/credentials.yml can change them
NOTICE_EVERY_S = 60.0  # a limited number gets the slow-down text at most this often

# What Twilio sends. fullmatch, [0-9] and re.ASCII: no trailing newline, no non-ASCII digits.
E164 = re.compile(r"\+[1-9][0-9]{6,14}", re.ASCII)
# Twilio's own sids are (SM|MM) + 32 hex digits; uuid4().hex (tests, benchmarks) passes too.
SID = re.compile(r"[A-Za-z0-9]{10,64}", re.ASCII)
NUM_MEDIA = re.compile(r"[0-9]{1,2}", re.ASCII)
MAX_MEDIA = 10  # Twilio's limit per MMS
MAX_BODY_CHARS = 1600  # Twilio's limit for one (concatenated) message


def parse_numbers(spec: str) -> dict[str, str]:
    """'+18605550100=west-hartford, +12035550100=danbury' -> {number: town id}."""
    numbers = {}
    for item in filter(None, (part.strip() for part in spec.split(","))):
        number, _, town = item.partition("=")
        numbers[number.strip()] = town.strip()
    return numbers


@dataclass(frozen=True)
class Inbound:
    """A webhook's fields, validated."""

    sender: str  # From, E.164
    to: str  # To, E.164
    body: str
    num_media: int
    sid: str | None  # MessageSid (or SmsSid); absent: no retry protection


def inbound(params: dict[str, str]) -> Inbound | str:
    """The fields this channel reads, validated; or what is wrong, for a 400 (never the value)."""
    for name in ("From", "To"):
        if not params.get(name):
            return "From and To are required"
        if not E164.fullmatch(params[name]):
            return f"{name} must be a phone number in E.164 form (+ and 7-15 digits)"
    for name in ("MessageSid", "SmsSid"):
        if name in params and not SID.fullmatch(params[name]):
            return f"{name} must be 10-64 letters or digits"
    num_media = params.get("NumMedia", "0")
    if not NUM_MEDIA.fullmatch(num_media) or int(num_media) > MAX_MEDIA:
        return f"NumMedia must be a whole number from 0 to {MAX_MEDIA}"
    body = params.get("Body", "")
    if len(body) > MAX_BODY_CHARS:
        return f"Body must be at most {MAX_BODY_CHARS} characters"
    sid = params.get("MessageSid") or params.get("SmsSid")
    return Inbound(params["From"], params["To"], body, int(num_media), sid)


def pseudonym(number: str, key: bytes) -> str:
    """`sms-` and an HMAC-SHA256 of the number (keyed with the Twilio auth token, which only the
    server has): the same number is always the same conversation, and the database holds no
    phone number. A new auth token starts new conversations and forgets opt-outs (README, "SMS")."""
    return "sms-" + hmac.new(key, number.encode(), hashlib.sha256).hexdigest()[:32]


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
        env = settings()
        return cls(
            auth_token=env.twilio_auth_token,
            public_url=env.sms_public_url,
            numbers=parse_numbers(env.sms_numbers),
            per_minute=float(names.get("per_minute", PER_MINUTE)),
            burst=int(names.get("burst", BURST)),
        )

    def __init__(
        self,
        auth_token: str | None,
        public_url: str | None,
        numbers: dict[str, str],
        store: SmsStore | None = None,
        per_minute: float = PER_MINUTE,
        burst: int = BURST,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.validator = RequestValidator(auth_token) if auth_token else None
        self.key = (auth_token or "").encode()
        self.public_url = public_url
        self.numbers = numbers
        self.store = store or SmsStore()
        unknown = [t for t in numbers.values() if t not in towns()]
        if unknown:
            raise ValueError(f"SMS_NUMBERS names towns with no knowledge file: {unknown}")
        malformed = [n for n in numbers if not E164.fullmatch(n)]
        if malformed:  # Twilio's To is E.164: such a number would never match
            raise ValueError(f"SMS_NUMBERS must be E.164 numbers (+18605550100): {malformed}")
        if per_minute <= 0 or burst < 1:
            raise ValueError("sms: per_minute must be above 0 and burst at least 1")
        self.per_sender = RateLimiter(per_minute, burst, clock=clock)
        self.notices = RateLimiter(60.0 / NOTICE_EVERY_S, 1, clock=clock)

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
            message = inbound(params)
            if isinstance(message, str):
                return response.json({"error": message}, status=400)
            sid = message.sid
            if sid:
                earlier = self.store.claim(sid)
                if earlier is IN_PROGRESS:
                    return twiml(None)
                if earlier is not None:
                    return twiml(str(earlier) or None)
            final = False
            try:
                reply, final = await self._reply(on_new_message, message, request.app)
            except Exception:  # the resident still hears about 911; Twilio's retry is answered
                logger.exception("sms: the message %s could not be answered", sid)
                agent = getattr(request.app.ctx, "agent", None)
                reply = sorry(
                    await stored_language(agent, pseudonym(message.sender, self.key)) or "en"
                )
            finally:  # also on cancellation (Twilio hung up): the claim must not stay
                if sid and final:
                    self.store.answered(sid, reply or "")
                elif sid:
                    self.store.release(sid)
            return twiml(reply)

        return hook

    # --- what to say ------------------------------------------------------------------------
    async def _reply(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        message: Inbound,
        request_app: Any = None,
    ) -> tuple[str | None, bool]:
        """What to text back, and whether that is final (False: a failed turn, which a retry of
        the same MessageSid tries again rather than repeating the apology)."""
        reply, final = await self._compose(on_new_message, message, request_app)
        if reply:
            reply = gsm_friendly(reply)
            logger.info("sms: a reply of %d characters, %d segments", len(reply), segments(reply))
        return reply, final

    async def _compose(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        message: Inbound,
        request_app: Any = None,
    ) -> tuple[str | None, bool]:
        # the conversation (and the opt-out list) is kept under a keyed hash of the number, never
        # the number itself: the reply goes back in this HTTP response, so it is not needed later
        sender, body = pseudonym(message.sender, self.key), message.body
        town = towns().get(self.numbers.get(message.to, ""))
        if town is None:
            logger.error("sms: no town is set for the number %s (SMS_NUMBERS)", message.to)
            # no town and no conversation: the language the message is written in, else English
            return phrase("utter_sms_not_set_up", detect(body).code or word_language(body)), True
        word = keyword(body)
        agent = getattr(request_app.ctx, "agent", None) if request_app is not None else None
        # the number's last language (its conversation's slot) for what is said before the bot
        language = (
            (await stored_language(agent, sender) or keyword_language(body)) if word else None
        )
        if word == "stop":
            self.store.opt_out(sender)
            return phrase("utter_sms_unsubscribed", language, town=town.town), True
        if self.store.is_opted_out(sender):
            if word == "start":
                self.store.opt_in(sender)
                return phrase("utter_sms_subscribed", language, town=town.town), True
            return None, True  # opted out: nothing is sent until START
        if word == "help" or resubscribes_only(body):  # START while subscribed: the HELP text
            # the town the resident said they are in, if they named one, else the number's
            named = towns().get(await stored_slot(agent, sender, "department") or "")
            return self._help(named or town, language), True
        if self.per_sender.wait_for(sender):
            return await self._limited(on_new_message, body, sender, town, request_app), True
        text = self.store.choice(sender, body) or body
        if not body.strip() and message.num_media > 0:
            language = await stored_language(agent, sender)
            return phrase("utter_sms_no_media", language, phone=town.main_phone.number), True
        answer, language, final = await self._ask_bot(
            on_new_message, text, sender, town, request_app
        )
        if message.num_media > 0:
            answer.append(phrase("utter_sms_no_media", language, phone=town.main_phone.number))
        more = phrase("utter_sms_more", language, phone=town.main_phone.number)
        return fit("\n".join(answer), more=more), final

    async def _limited(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        body: str,
        sender: str,
        town: Town,
        request_app: Any = None,
    ) -> str | None:
        """Past the sender's limit: an urgent text gets its urgent reply all the same; anything
        else the slow-down text once a minute, then nothing (a flood costs no outbound texts)."""
        agent = getattr(request_app.ctx, "agent", None) if request_app is not None else None
        urgent = await run_turn(
            agent,
            on_new_message,
            body,
            sender,
            self.name(),
            {"department": town.id},
            BOT_TIMEOUT_S,
            urgent_only=True,
        )
        if urgent is not None:
            lines = self._lines(urgent.replies, sender, town, urgent.language)
            more = phrase("utter_sms_more", urgent.language, phone=town.main_phone.number)
            return fit("\n".join(lines), more=more)
        logger.warning("sms: %s is over its message limit", sender)
        if self.notices.wait_for(sender):
            return None
        # once a minute, in the number's last language
        return phrase("utter_sms_slow_down", await stored_language(agent, sender))

    async def _ask_bot(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        text: str,
        sender: str,
        town: Town,
        request_app: Any = None,
    ) -> tuple[list[str], str, bool]:
        """The reply's lines, its language, and False when the turn failed (the lines are the
        apology)."""
        agent = getattr(request_app.ctx, "agent", None) if request_app is not None else None
        turn = await run_turn(
            agent, on_new_message, text, sender, self.name(), {"department": town.id}, BOT_TIMEOUT_S
        )
        if turn is None or turn.failed:
            language = turn.language if turn else "en"
            return [sorry(language, town.main_phone.number)], language, False
        return self._lines(turn.replies, sender, town, turn.language), turn.language, True

    def _lines(
        self, replies: list[dict[str, Any]], sender: str, town: Town, language: str
    ) -> list[str]:
        """Rasa's collected messages as SMS lines; buttons become numbered choices."""
        lines, titles, payloads = [], [], []
        for sent in replies:
            if sent.get("text"):
                lines.append(plain_text(sent["text"]))
            for button in sent.get("buttons") or []:
                titles.append(button["title"])
                payloads.append(button["payload"])
        if titles:
            self.store.offer(sender, payloads)
            lines.append(numbered_choices(titles, language))
        return lines or [phrase("utter_sms_no_answer", language, phone=town.main_phone.number)]

    @staticmethod
    def _help(town: Town, language: str | None) -> str:
        return phrase(
            "utter_sms_help",
            language,
            town=town.town,
            town_name=town.name_in(language),
            phone=town.main_phone.number,
        )
