"""Web chat channel: the embeddable widget, a demo page per town, and the endpoint it talks to.

A town's web person adds one line to their site:

    <script src="https://BOT-HOST/webhooks/webchat/widget.js" data-department="danbury" defer>
    </script>

Routes, under /webhooks/webchat/:
  GET  widget.js, widget.css       the widget (connectors/static/): plain JS and CSS, no build step
  GET  demo?department=<id>        a stand-in page of the town's site with the widget on it
  GET  config?department=<id>      what the widget shows: town, colour, main line, leave URL
  GET  about?department=<id>&lang= the public "how this assistant works" page (connectors/about.py)
  POST message                     {"sender", "message", "metadata": {"department"}} ->
                                   {"messages": [{"text", "buttons", "urgency", "call", "sources",
                                                  "topic", "language"}]}
  POST rate                        {"sender", "rating": "up"|"down", "topic"}: a resident's rating
                                   of a routine answer, stored in the conversation (see _rate)

Why plain HTTP and not socket.io: one request per message passes every proxy and firewall, needs
no sticky sessions behind a load balancer (any Rasa process can answer any turn, the conversation
lives in the tracker store) and has nothing to reconnect: README, "Web chat".

The widget posts its JSON as text/plain, a CORS "simple request": no preflight, so one round trip
per message (and Rasa's own CORS layer answers every OPTIONS request itself, without our origins).
Browsers may call it only from the town's own origins (its `website` and `widget.origins` in the
knowledge file) and from this server's own pages. A message is capped in size, and a flood from one
conversation or one address gets a polite 429 that still says to call 911.
"""

from __future__ import annotations

import asyncio
import html
import ipaddress
import logging
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import urlsplit

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.shared.core.events import BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import clock
from bot.kb.loader import towns
from bot.kb.schema import Town
from bot.languages import DEFAULT, SUPPORTED
from bot.phrases import phrase, responses
from bot.settings import settings
from connectors import about
from connectors.body import parse_request
from connectors.ratelimit import RateLimiter
from connectors.turns import clean_metadata, notice_language, run_turn, sorry

logger = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
ASSETS = {
    "widget.js": "text/javascript; charset=utf-8",
    "widget.css": "text/css; charset=utf-8",
    "demo.css": "text/css; charset=utf-8",
}
MAX_BODY_BYTES = 16 * 1024
MAX_MESSAGE_CHARS = 2_000  # the widget stops at 1,000; the NLU reads the first 1,000
SENDER = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
CALLABLE = re.compile(r"^[0-9()+ -]{3,20}$")
TOPIC = re.compile(r"^[a-z][a-z0-9_]{0,63}$")  # an intent name, as the answers' payloads give it
RATINGS = ("up", "down")  # the domain's `rating` slot values
RATING_SLOT = "rating"
RATE_TIMEOUT_S = 10.0  # waiting for the conversation's lock and the store; then a polite 503
# The demo page runs nothing but our own files: a message shown as HTML could not run a script.
DEMO_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def _asset(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def widget_messages(
    collected: list[dict[str, Any]], language: str = DEFAULT
) -> list[dict[str, Any]]:
    """Rasa's replies (connectors/output.py keeps each whole) as the widget draws them: each text
    with its buttons and what its payload says (urgency, numbers to call, source links). Only known
    fields of known types pass."""
    shown: list[dict[str, Any]] = []
    for sent in collected:
        custom = sent.get("custom") if isinstance(sent.get("custom"), dict) else {}
        text = sent.get("text") if isinstance(sent.get("text"), str) else ""
        buttons = _buttons(sent.get("buttons"))
        if text or buttons:
            shown.append({"text": text, "buttons": buttons, **_from_custom(custom, language)})
    return shown


def without_second_greeting(collected: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The widget opens with its own greeting, so the assistant's introduction in answer to a
    resident's "hi" would say it twice: a short "what would you like to know?" instead."""
    introductions = responses()["utter_greet"]
    out = []
    for sent in collected:
        said = next((code for code, t in introductions.items() if sent.get("text") == t), None)
        out.append({**sent, "text": phrase("utter_widget_hello_again", said)} if said else sent)
    return out


def _buttons(buttons: object) -> list[dict[str, str]]:
    if not isinstance(buttons, list):
        return []
    return [
        {"title": b["title"], "payload": b["payload"]}
        for b in buttons
        if isinstance(b, dict)
        and isinstance(b.get("title"), str)
        and isinstance(b.get("payload"), str)
    ]


def _from_custom(custom: dict[str, Any], language: str) -> dict[str, Any]:
    urgency = custom.get("urgency")
    said_in = custom.get("language")
    topic = custom.get("topic")
    department = custom.get("department")
    return {
        "department": department if department in towns() else None,
        "language": said_in if said_in in SUPPORTED else language,
        "urgency": urgency if isinstance(urgency, str) else "routine",
        "topic": topic if isinstance(topic, str) and TOPIC.match(topic) else None,
        "call": [n for n in custom.get("call") or [] if isinstance(n, str) and CALLABLE.match(n)],
        "sources": [
            u
            for u in custom.get("sources") or []
            if isinstance(u, str) and urlsplit(u).scheme in ("http", "https")
        ],
    }


def _own_origins(request: Request) -> set[str]:
    """Origins of this server's own pages: configured, plus loopback when the browser is local."""
    own = {o.strip().lower().rstrip("/") for o in settings().public_origins.split(",") if o.strip()}
    info = request.conn_info
    if info is not None and info.client_ip and ipaddress.ip_address(info.client_ip).is_loopback:
        port = info.server_port
        own |= {f"http://{host}:{port}" for host in ("localhost", "127.0.0.1", "[::1]")}
    return own


def widget_config(town: Town) -> dict[str, Any]:
    """The public facts the widget needs before the first message."""
    phone = town.main_phone
    return {
        "town": town.town,
        "name": town.name,
        "color": town.widget.color,
        "phone": {"number": phone.number, "label": phone.label},
        "leave_url": str(town.widget.leave_url),
        "languages": list(SUPPORTED),
        "texts": widget_texts(town),
        # every town's name: a reply for another town says whose answer it is
        "towns": {t.id: t.town for t in towns().values()},
        "notices": [
            {"id": n.id, "texts": {lang: n.in_language("text", lang) for lang in SUPPORTED}}
            for n in town.notices_in_force(None, clock.now())
        ],
    }


WIDGET_PREFIX = "utter_widget_"


def widget_texts(town: Town) -> dict[str, dict[str, str]]:
    """The widget's own texts in every language, from the domain (their one home), with the
    town filled in; `{number}` stays for the widget to fill."""
    values = {"town": town.town, "phone": town.main_phone.number}
    return {
        language: {
            name[len(WIDGET_PREFIX) :]: phrase(
                name,
                language,
                number="{number}",
                other="{other}",
                department=town.name_in(language),
                **values,
            )
            for name in responses()
            if name.startswith(WIDGET_PREFIX)
        }
        for language in SUPPORTED
    }


def rated_answer(tracker: DialogueStateTracker, topic: str) -> dict[str, Any] | None:
    """The payload of the newest answer about `topic` that the widget offers a rating under:
    routine, with sources. None if the conversation has none (an urgent reply is never rated)."""
    for event in reversed(tracker.events):
        if not isinstance(event, BotUttered):
            continue
        custom = (event.data or {}).get("custom")
        if (
            isinstance(custom, dict)
            and custom.get("topic") == topic
            and custom.get("urgency", "routine") == "routine"
            and custom.get("sources")
        ):
            return custom
    return None


def conversation_town(tracker: DialogueStateTracker) -> Town | None:
    """The town the widget last sent with a message of this conversation."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered) and isinstance(event.metadata, dict):
            town = towns().get(str(event.metadata.get("department") or ""))
            if town is not None:
                return town
    return None


class WebChatInput(InputChannel):
    """The website widget's channel (see module docstring)."""

    @classmethod
    def name(cls) -> str:
        return "webchat"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        settings = credentials or {}
        return cls(
            per_minute=float(settings.get("per_minute", 20)),
            burst=int(settings.get("burst", 8)),
            per_address_per_minute=float(settings.get("per_address_per_minute", 120)),
        )

    def __init__(
        self, per_minute: float = 20, burst: int = 8, per_address_per_minute: float = 120
    ) -> None:
        self.per_conversation = RateLimiter(per_minute, burst)
        # One address can be a whole library or office behind one router: a looser limit.
        self.per_address = RateLimiter(per_address_per_minute, burst * 4)

    # --- who may call -----------------------------------------------------------------------
    @staticmethod
    def _origin_allowed(request: Request, town: Town | None) -> bool:
        """No Origin: not a cross-site browser request. Otherwise only configured origins: the
        town's sites, this server's own public origin (PUBLIC_ORIGINS, for its demo pages), and
        on this very machine the demo page at http://localhost:<this port>. Never the Host
        header, which the client writes (DNS rebinding, a proxy that forwards any Host)."""
        origin = request.headers.get("origin")
        if origin is None:
            return True
        origin = origin.strip().lower()
        if origin in _own_origins(request):
            return True
        if town is None:  # any town's site
            return any(origin in t.widget_origins for t in towns().values())
        return origin in town.widget_origins

    @classmethod
    def _cors(cls, request: Request, reply: HTTPResponse) -> HTTPResponse:
        """Lets a page that may use the widget read the reply (errors too: they hold a message)."""
        origin = request.headers.get("origin")
        if origin and cls._origin_allowed(request, None):
            reply.headers["Access-Control-Allow-Origin"] = origin
            reply.headers["Vary"] = "Origin"
        reply.headers["X-Content-Type-Options"] = "nosniff"
        return reply

    @staticmethod
    def _refuse(
        status: int, error: str, text: str | None = None, language: str = DEFAULT, **headers: str
    ) -> HTTPResponse:
        """A 4xx the widget can still show: `messages` holds a polite reply, in `language`."""
        shown = widget_messages([{"text": text or sorry(language)}], language)
        body = {"error": error, "messages": shown}
        return response.json(body, status=status, headers=headers or None)

    def _limited(self, request: Request, key: str) -> float:
        """Seconds to wait before `key` (a conversation's messages, or its ratings) and this
        client address may go on; 0 if they may now."""
        address = request.remote_addr or request.ip or "unknown"
        wait = self.per_conversation.wait_for(key)
        return wait or self.per_address.wait_for(f"a:{address}")

    # --- routes -----------------------------------------------------------------------------
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        hook = Blueprint(f"webchat_{id(self)}", __name__)
        page = Template(_asset("demo.html"))

        @hook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        for name, content_type in ASSETS.items():
            hook.add_route(
                self._asset_handler(_asset(name), content_type),
                f"/{name}",
                methods=["GET"],
                name=name.replace(".", "_"),
            )

        @hook.route("/demo", methods=["GET"])
        async def demo(request: Request) -> HTTPResponse:
            town = towns().get(request.args.get("department", ""))
            lang = request.args.get("lang", "")
            headers = {"Content-Security-Policy": DEMO_CSP, "X-Content-Type-Options": "nosniff"}
            page_lang = lang if lang in SUPPORTED else None
            return response.html(self._demo_page(page, town, page_lang), headers=headers)

        @hook.route("/config", methods=["GET"])
        async def config(request: Request) -> HTTPResponse:
            town = towns().get(request.args.get("department", ""))
            if town is None:
                return self._cors(request, self._refuse(404, "unknown department"))
            if not self._origin_allowed(request, town):
                return self._refuse(403, "this site may not use the widget")
            return self._cors(request, response.json(widget_config(town)))

        @hook.route("/about", methods=["GET"])
        async def about_page(request: Request) -> HTTPResponse:
            return self._about(request)

        @hook.route("/message", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            return self._cors(request, await self._answer(request, on_new_message))

        @hook.route("/rate", methods=["POST"])
        async def rate(request: Request) -> HTTPResponse:
            return self._cors(request, await self._rate(request))

        return hook

    @staticmethod
    def _asset_handler(
        text: str, content_type: str
    ) -> Callable[[Request], Awaitable[HTTPResponse]]:
        headers = {"Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff"}

        async def serve(_: Request) -> HTTPResponse:
            return response.text(text, content_type=content_type, headers=headers)

        return serve

    async def _answer(
        self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> HTTPResponse:
        if len(request.body or b"") > MAX_BODY_BYTES:
            return self._refuse(413, "request too large", phrase("utter_too_long", DEFAULT))
        parsed = parse_request(request)
        if isinstance(parsed, HTTPResponse):
            return self._refuse(parsed.status, "malformed request")
        sender, text, metadata = parsed
        hint = clean_metadata(metadata).get("language", DEFAULT)  # the page's language
        town = towns().get(str((metadata or {}).get("department", "")))
        if town is None or not SENDER.match(sender):
            return self._refuse(
                400,
                "`sender` must be 8-64 letters, digits, - or _, and "
                "`metadata.department` a known town",
                language=hint,
            )
        if not self._origin_allowed(request, town):
            return self._refuse(403, "this site may not use the widget", language=hint)
        agent = getattr(request.app.ctx, "agent", None)
        conversation = f"web-{sender}"  # a prefix keeps web conversations apart from SMS ones
        if len(text) > MAX_MESSAGE_CHARS:
            language = await notice_language(agent, conversation, metadata)
            return self._refuse(
                413, "message too long", phrase("utter_too_long", language), language
            )
        metadata = {**(metadata or {}), "department": town.id}
        wait = self._limited(request, f"c:{sender}")
        if wait:
            # a flood is slowed down, but an urgent message is never swallowed by the limit
            urgent = await run_turn(
                agent, on_new_message, text, conversation, self.name(), metadata, urgent_only=True
            )
            if urgent is not None:
                messages = widget_messages(urgent.replies, urgent.language)
                return response.json({"messages": messages})
            seconds = str(max(1, round(wait)))
            language = await notice_language(agent, conversation, metadata)
            slow_down = phrase("utter_slow_down", language)
            return self._refuse(
                429, "too many messages", slow_down, language, **{"Retry-After": seconds}
            )
        turn = await run_turn(agent, on_new_message, text, conversation, self.name(), metadata)
        if turn is None or turn.failed:
            language = turn.language if turn else "en"
            fallback = sorry(language, town.main_phone.number)
            return response.json({"messages": widget_messages([{"text": fallback}], language)})
        replies = without_second_greeting(turn.replies)
        return response.json({"messages": widget_messages(replies, turn.language)})

    # --- the public "how this assistant works" page ------------------------------------------
    @staticmethod
    def _about(request: Request) -> HTTPResponse:
        """One town's page (`?department=`), or every town's without one; 404 for a town we
        don't serve. Public like the demo page: no origin check, nothing about a resident."""
        language = about.page_language(request.args.get("lang"))
        every = sorted(towns().values(), key=lambda t: t.town)
        department = request.args.get("department")
        headers = {
            "Content-Security-Policy": about.content_security_policy(),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "Cache-Control": "public, max-age=300",
        }
        if not department:
            return response.html(about.about_page(every, language), headers=headers)
        town = towns().get(department)
        if town is None:
            page = about.not_found_page(every, language)
            return response.html(page, status=404, headers=headers)
        return response.html(about.about_page([town], language, town.id), headers=headers)

    # --- ratings ------------------------------------------------------------------------------
    @staticmethod
    def _rate_error(status: int, error: str, **headers: str) -> HTTPResponse:
        return response.json({"error": error}, status=status, headers=headers or None)

    async def _rate(self, request: Request) -> HTTPResponse:
        """A resident's thumbs up or down on a routine answer, appended to the conversation as
        `SlotSet("rating", "up"|"down")` with the topic and town in the event's metadata, so
        the staff page (staff/queries.py) reads one row per rating. The same checks as a
        message (size, sender, origin, flood limits); only a topic this conversation was given
        a sourced, routine answer about can be rated; a conversation that does not exist is
        404. Never a 5xx: a store that is down or a lock that never frees is a polite 503."""
        if len(request.body or b"") > MAX_BODY_BYTES:
            return self._rate_error(413, "request too large")
        try:
            body = request.json
        except Exception:  # sanic raises on a body that is not JSON
            body = None
        if not isinstance(body, dict):
            return self._rate_error(
                400, 'the body must be JSON: {"sender": "...", "rating": "up", "topic": "..."}'
            )
        sender, rating, topic = body.get("sender"), body.get("rating"), body.get("topic")
        if not isinstance(sender, str) or not SENDER.match(sender):
            return self._rate_error(400, "`sender` must be 8-64 letters, digits, - or _")
        if rating not in RATINGS:
            return self._rate_error(400, '`rating` must be "up" or "down"')
        if not isinstance(topic, str) or not TOPIC.match(topic):
            return self._rate_error(400, "`topic` must be the topic of an answer")
        if not self._origin_allowed(request, None):
            return self._rate_error(403, "this site may not use the widget")
        wait = self._limited(request, f"r:{sender}")
        if wait:
            retry = str(max(1, round(wait)))
            return self._rate_error(429, "too many ratings", **{"Retry-After": retry})
        agent = getattr(request.app.ctx, "agent", None)
        if (
            getattr(agent, "tracker_store", None) is None
            or getattr(agent, "lock_store", None) is None
        ):
            return self._rate_error(503, "the assistant is not ready; try again shortly")
        try:
            return await asyncio.wait_for(
                self._store_rating(request, agent, f"web-{sender}", rating, topic),
                RATE_TIMEOUT_S,
            )
        except Exception:  # the store is down, or the lock was never freed
            logger.exception("webchat: a rating could not be stored")
            return self._rate_error(503, "the rating could not be stored; try again shortly")

    async def _store_rating(
        self, request: Request, agent: Any, conversation: str, rating: str, topic: str
    ) -> HTTPResponse:
        """Under the conversation's lock, as a turn is (a turn saving meanwhile would otherwise
        make the store skip or repeat events: it appends what it has not seen)."""
        async with agent.lock_store.lock(conversation):
            tracker = await agent.tracker_store.retrieve(conversation)
            if tracker is None:
                return self._rate_error(404, "no such conversation")
            answered = rated_answer(tracker, topic)
            if answered is None:
                return self._rate_error(
                    400, "`topic` must be one this conversation was given a routine answer about"
                )
            town = towns().get(str(answered.get("department") or "")) or conversation_town(tracker)
            if town is not None and not self._origin_allowed(request, town):
                return self._rate_error(403, "this site may not use the widget")
            metadata = {"topic": topic, "department": town.id if town else None}
            said_in = answered.get("language")
            if said_in in SUPPORTED:
                metadata["language"] = said_in
            tracker.update(SlotSet(RATING_SLOT, rating, metadata=metadata))
            await agent.tracker_store.save(tracker)
        return response.json({"ok": True, "rating": rating, "topic": topic})

    @staticmethod
    def _demo_page(page: Template, town: Town | None, lang: str | None = None) -> str:
        """The stand-in page; `lang` (demo?lang=es) is passed to the widget as the town's page
        would pass its own language (data-language, else the page's <html lang>)."""
        if town is None:
            keep = f"&amp;lang={lang}" if lang else ""  # the chosen language follows the link
            links = "".join(
                f'<li><a href="demo?department={html.escape(t.id)}{keep}">'
                f"{html.escape(t.name)}</a></li>"
                for t in towns().values()
            )
            return page.substitute(
                title="Police information assistant: demo",
                body=f"<p>Choose a town to see its chat widget:</p><ul>{links}</ul>",
                widget="",
            )
        name = html.escape(town.name)
        language = f' data-language="{lang}"' if lang else ""
        embed = (
            '<script src="widget.js" data-department="'
            + html.escape(town.id)
            + '"'
            + language
            + " defer></script>"
        )
        body = (
            f"<p>This page stands in for the {name} website. The chat button in the corner is the "
            "assistant, added with one line:</p>"
            f"<pre><code>{html.escape(embed.replace('widget.js', '/webhooks/webchat/widget.js'))}"
            "</code></pre>"
            f'<p><a href="{html.escape(str(town.website))}">The real {name} website</a></p>'
        )
        return page.substitute(title=f"{name}: demo", body=body, widget=embed)
