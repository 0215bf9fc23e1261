"""The web chat channel with sanic's test client: origins, size cap, rate limit, metadata, replies,
ratings (stored through our real tracker store) and the public "how this assistant works" page.

A stand-in answers for Rasa here so each test controls what the assistant says; test_widget.py
drives the real widget in Chromium against the real Rasa and action servers.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import html
import itertools
import json
import re
import sqlite3
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sanic import Sanic

from bot.kb.loader import towns
from bot.phrases import phrase
from connectors import about
from connectors.webchat import WebChatInput, widget_messages

_apps = itertools.count()
SENDER = "0f9c2a4e-7d1b-4c55-9a3e-2b8d7f6e1a90"
WEHA_SITE = "https://www.westhartfordct.gov"
DANBURY_SITE = "https://danbury-ct.gov"


class StandIn:
    """Answers like the assistant would (text, buttons, custom payloads), recording what came in."""

    def __init__(self) -> None:
        self.received: list = []
        self.fail = False

    async def __call__(self, message) -> None:
        self.received.append(message)
        if self.fail:
            raise RuntimeError("the assistant fell over")
        out, text = message.output_channel, message.text
        if text == "fire":
            await out.send_response(
                message.sender_id,
                {
                    "text": "Call 911 now.",
                    "custom": {"urgency": "emergency", "call": ["911", "javascript:alert(1)"]},
                },
            )
        elif text == "which town":
            await out.send_text_with_buttons(
                message.sender_id,
                "Which town are you in?",
                [{"title": "Danbury", "payload": '/set_town{"department":"danbury"}'}],
            )
        else:
            await out.send_response(
                message.sender_id,
                {
                    "text": f"answer for {message.metadata['department']}",
                    "custom": {
                        "topic": "police_report",
                        "urgency": "routine",
                        "sources": ["https://www.westhartfordct.gov/x", "javascript:alert(1)"],
                    },
                },
            )


class Client:
    def __init__(self, **limits: Any) -> None:
        self.bot = StandIn()
        self.app = Sanic(f"webchat_test_{next(_apps)}")
        channel = WebChatInput(**limits)
        self.app.blueprint(channel.blueprint(self.bot), url_prefix="/webhooks/webchat")

    def get(self, path: str, **headers: str):
        _, reply = self.app.test_client.get(f"/webhooks/webchat/{path}", headers=headers)
        return reply

    def send(
        self,
        text: str = "how do I get a police report",
        *,
        department: str = "west-hartford",
        sender: str = SENDER,
        origin: str | None = WEHA_SITE,
        body: str | None = None,
        language: str | None = None,
    ):
        headers = {"Content-Type": "application/json"}
        if origin:
            headers["Origin"] = origin
        if body is None:
            metadata = {"department": department, **({"language": language} if language else {})}
            body = json.dumps({"sender": sender, "message": text, "metadata": metadata})
        _, reply = self.app.test_client.post(
            "/webhooks/webchat/message", content=body, headers=headers
        )
        return reply


@pytest.fixture
def client() -> Client:
    return Client()


# --- files and pages ------------------------------------------------------------------------------
def test_widget_files_are_served_with_their_types(client: Client) -> None:
    script = client.get("widget.js")
    assert script.status == 200
    assert script.headers["content-type"].startswith("text/javascript")
    assert "data-department" in script.text and "innerHTML" not in script.text
    assert client.get("widget.css").headers["content-type"].startswith("text/css")
    assert client.get("secrets.txt").status == 404


@pytest.mark.parametrize("town_id", sorted(towns()))
def test_demo_page_embeds_the_widget_for_its_town(client: Client, town_id: str) -> None:
    page = client.get(f"demo?department={town_id}")
    assert page.status == 200
    assert f'<script src="widget.js" data-department="{town_id}" defer></script>' in page.text
    assert towns()[town_id].name in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_demo_page_shows_the_widget_as_a_spanish_or_portuguese_page_would(client: Client) -> None:
    """demo?lang=es passes the language as a town's page would (data-language); anything but a
    language the assistant speaks is ignored, never written into the page."""
    page = client.get("demo?department=danbury&lang=es")
    embed = '<script src="widget.js" data-department="danbury" data-language="es" defer>'
    assert embed in page.text
    for lang in ("xx", "%22%3E%3Cscript%3E", ""):
        page = client.get(f"demo?department=danbury&lang={lang}")
        assert "data-language" not in page.text and "<script>" not in page.text


def test_demo_page_without_a_town_lists_the_towns(client: Client) -> None:
    page = client.get("demo?department=<script>")
    assert "<script>" not in page.text
    for town in towns().values():
        assert f"demo?department={town.id}" in page.text


def test_the_demo_index_keeps_the_language_chosen(client: Client) -> None:
    page = client.get("demo?lang=pt")
    for town in towns().values():
        assert f"demo?department={town.id}&amp;lang=pt" in page.text


def test_config_comes_from_the_knowledge_file(client: Client) -> None:
    reply = client.get("config?department=danbury", Origin=DANBURY_SITE)
    assert reply.status == 200
    config = reply.json
    town = towns()["danbury"]
    assert config["color"] == town.widget.color == "#7a1f2b"
    assert config["phone"]["number"] == town.main_phone.number
    assert config["town"] == "Danbury"
    assert reply.headers["access-control-allow-origin"] == DANBURY_SITE
    assert client.get("config?department=nowhere").status == 404


# --- who may call ---------------------------------------------------------------------------------
def test_the_towns_own_site_may_call(client: Client) -> None:
    reply = client.send(origin=WEHA_SITE)
    assert reply.status == 200
    assert reply.headers["access-control-allow-origin"] == WEHA_SITE


def test_another_origin_is_refused(client: Client) -> None:
    for origin in ("https://evil.example", "null", "https://www.westhartfordct.gov.evil.example"):
        reply = client.send(origin=origin)
        assert reply.status == 403, origin
        assert "access-control-allow-origin" not in reply.headers
    assert client.bot.received == []


def test_one_towns_site_cannot_speak_for_another_town(client: Client) -> None:
    reply = client.send(department="west-hartford", origin=DANBURY_SITE)
    assert reply.status == 403
    assert client.send(department="danbury", origin=DANBURY_SITE).status == 200


def test_a_foreign_site_cannot_read_the_config(client: Client) -> None:
    reply = client.get("config?department=danbury", Origin="https://evil.example")
    assert reply.status == 403
    assert "access-control-allow-origin" not in reply.headers


def test_json_sent_as_plain_text_is_read(client: Client) -> None:
    """The widget sends text/plain (no CORS preflight); the body is still JSON."""
    body = json.dumps({"sender": SENDER, "message": "hi", "metadata": {"department": "danbury"}})
    _, reply = client.app.test_client.post(
        "/webhooks/webchat/message",
        content=body,
        headers={"Content-Type": "text/plain;charset=UTF-8", "Origin": DANBURY_SITE},
    )
    assert reply.status == 200
    assert reply.json["messages"][0]["text"] == "answer for danbury"


def _from(client: Client, origin: str, host: str) -> int:
    _, reply = client.app.test_client.post(
        "/webhooks/webchat/message",
        content=json.dumps(
            {"sender": SENDER, "message": "hi", "metadata": {"department": "danbury"}}
        ),
        headers={"Origin": origin, "Host": host},
    )
    return reply.status


def test_the_bot_servers_own_pages_may_call(client: Client, monkeypatch) -> None:
    """The demo page is served by the bot itself: its public origin is configured."""
    monkeypatch.setenv("PUBLIC_ORIGINS", "https://bot.example.gov")
    assert _from(client, "https://bot.example.gov", "bot.example.gov") == 200


def test_the_host_header_does_not_make_an_origin_allowed(client: Client) -> None:
    """DNS rebinding, or a proxy that forwards any Host: the Host header proves nothing."""
    assert _from(client, "https://evil.example", "evil.example") == 403
    assert _from(client, "http://evil.example:8080", "evil.example:8080") == 403


# --- what reaches the assistant, what comes back --------------------------------------------------
def test_the_town_goes_in_the_metadata_and_the_conversation_is_the_web_sender(
    client: Client,
) -> None:
    client.send(department="danbury", origin=DANBURY_SITE)
    message = client.bot.received[-1]
    assert message.metadata == {"department": "danbury"}
    assert message.sender_id == f"web-{SENDER}"  # never an SMS conversation's phone number
    assert message.input_channel == "webchat"


def test_a_reply_carries_its_sources_and_nothing_unsafe(client: Client) -> None:
    messages = client.send().json["messages"]
    assert messages == [
        {
            "text": "answer for west-hartford",
            "buttons": [],
            "department": None,  # the fake bot's payload names no town
            "urgency": "routine",
            "topic": "police_report",
            "call": [],
            "sources": ["https://www.westhartfordct.gov/x"],
            "language": "en",
        }
    ]


def test_an_urgent_reply_is_marked_with_the_numbers_to_call(client: Client) -> None:
    (message,) = client.send("fire").json["messages"]
    assert message["urgency"] == "emergency"
    assert message["call"] == ["911"]
    assert message["text"].startswith("Call 911")


def test_buttons_reach_the_widget(client: Client) -> None:
    (message,) = client.send("which town").json["messages"]
    payload = '/set_town{"department":"danbury"}'
    assert message["buttons"] == [{"title": "Danbury", "payload": payload}]


def test_when_the_assistant_fails_the_resident_still_gets_911_and_the_towns_line(
    client: Client,
) -> None:
    client.bot.fail = True
    reply = client.send()
    assert reply.status == 200
    (message,) = reply.json["messages"]
    assert "911" in message["text"]
    assert towns()["west-hartford"].main_phone.number in message["text"]


def test_each_message_is_shown_whole_with_its_own_payload() -> None:
    """Text, buttons and payload arrive together (connectors/output.py): nothing is re-attached
    by position, and a payload without text shows nothing."""
    shown = widget_messages(
        [
            {
                "text": "one",
                "custom": {"urgency": "crisis", "call": ["988", "911", "x"], "topic": "crisis"},
            },
            {"custom": {"urgency": "routine"}},
            {
                "text": "two",
                "custom": {"sources": ["https://a.gov/x", "javascript:alert(1)"], "topic": "<b>"},
            },
            {"text": ""},
        ],
        "es",
    )
    assert shown == [
        {
            "text": "one",
            "buttons": [],
            "department": None,
            "urgency": "crisis",
            "topic": "crisis",
            "call": ["988", "911"],
            "sources": [],
            "language": "es",
        },
        {
            "text": "two",
            "buttons": [],
            "department": None,
            "urgency": "routine",
            "topic": None,  # not a topic name: dropped
            "call": [],
            "sources": ["https://a.gov/x"],
            "language": "es",
        },
    ]


# --- bad requests ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "body",
    [
        "not json",
        "[1, 2]",
        json.dumps({"sender": SENDER, "message": 5, "metadata": {"department": "danbury"}}),
        json.dumps({"sender": "x", "message": "hi", "metadata": {"department": "danbury"}}),
        json.dumps({"sender": "../../etc", "message": "hi", "metadata": {"department": "danbury"}}),
        json.dumps({"sender": SENDER, "message": "hi", "metadata": {"department": "mars"}}),
        json.dumps({"sender": SENDER, "message": "hi"}),
    ],
)
def test_malformed_requests_get_a_polite_4xx(client: Client, body: str) -> None:
    reply = client.send(body=body, origin=None)
    assert reply.status == 400
    assert reply.json["messages"][0]["text"]
    assert client.bot.received == []


def test_message_size_is_capped(client: Client) -> None:
    too_long = client.send("a" * 2_001)
    assert too_long.status == 413
    assert "too long" in too_long.json["messages"][0]["text"]
    huge = client.send(body=json.dumps({"sender": SENDER, "message": "a" * 20_000}))
    assert huge.status == 413
    assert client.send("a" * 2_000).status == 200
    assert len(client.bot.received) == 1


# --- floods ---------------------------------------------------------------------------------------
def test_a_flood_from_one_conversation_is_slowed_down_politely() -> None:
    client = Client(per_minute=1, burst=3)
    statuses = [client.send(f"question {i}").status for i in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    slowed = client.send("one more")
    assert int(slowed.headers["retry-after"]) >= 1
    text = slowed.json["messages"][0]["text"]
    assert "wait" in text and "911" in text
    assert len(client.bot.received) == 3
    other = "a1b2c3d4-0000-4000-8000-000000000000"
    assert client.send(sender=other).status == 200  # another resident is not held up


@pytest.mark.parametrize("language", ["es", "pt"])
def test_the_widgets_own_notices_are_in_the_pages_language(language: str) -> None:
    """Too long, slowed down: said without a turn, in the page's language when the conversation
    has none yet."""
    from bot.phrases import phrase

    client = Client(per_minute=1, burst=1)
    too_long = client.send("a" * 2_001, language=language)
    assert too_long.json["messages"][0]["text"] == phrase("utter_too_long", language)
    assert too_long.json["messages"][0]["text"] != phrase("utter_too_long", "en")
    assert client.send("hola", language=language).status == 200
    slowed = client.send("otra", language=language)
    assert slowed.status == 429
    assert slowed.json["messages"][0]["text"] == phrase("utter_slow_down", language)
    # marked so, for screen readers (WCAG 3.1.2)
    assert too_long.json["messages"][0]["language"] == slowed.json["messages"][0]["language"]
    assert slowed.json["messages"][0]["language"] == language


def test_many_conversations_from_one_address_are_limited_too() -> None:
    client = Client(per_minute=100, burst=2, per_address_per_minute=1)  # address burst: 8
    senders = [f"sender-{i:04d}-abcdef" for i in range(10)]
    statuses = [client.send(sender=s).status for s in senders]
    assert statuses.count(200) == 8 and statuses[-1] == 429


# --- ratings --------------------------------------------------------------------------------------
ROUTINE = {
    "topic": "police_report",
    "department": "west-hartford",
    "urgency": "routine",
    "sources": ["https://www.westhartfordct.gov/x"],
    "language": "en",
}
URGENT_REPLY = {"topic": "emergency", "urgency": "emergency", "language": "en", "call": ["911"]}


class Rated(Client):
    """The channel with an agent whose conversations live in our own tracker store
    (bot/stores.py: SQLite in DATA_DIR, redacted) and whose locks are Rasa's in-memory ones."""

    def __init__(self, data_dir: Path, **limits: Any) -> None:
        from rasa.core.lock_store import InMemoryLockStore
        from rasa.shared.core.domain import Domain

        from bot.kb.intents import DOMAIN_FILE
        from bot.stores import EnvTrackerStore

        super().__init__(**limits)
        self.store = EnvTrackerStore(domain=Domain.load(DOMAIN_FILE))
        # not "ready": messages go to the stand-in, unparsed, as in the tests above
        self.app.ctx.agent = SimpleNamespace(
            tracker_store=self.store, lock_store=InMemoryLockStore(), is_ready=lambda: False
        )
        self.db = data_dir / "conversations.sqlite3"

    def seed(self, sender: str = SENDER, department: str = "west-hartford") -> None:
        """A widget conversation: a records question answered from the knowledge file, then
        an emergency answered with the urgent reply."""
        from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
        from rasa.shared.core.trackers import DialogueStateTracker

        meta = {"department": department}
        events = [
            ActionExecuted("action_listen"),
            UserUttered("how do I get a police report", {"name": "police_report"}, metadata=meta),
            ActionExecuted("action_answer"),
            BotUttered("Records: ...", {"custom": {**ROUTINE, "department": department}}),
            ActionExecuted("action_listen"),
            UserUttered("my house is on fire", {"name": "emergency"}, metadata=meta),
            ActionExecuted("utter_emergency"),
            BotUttered("Call 911 now.", {"custom": URGENT_REPLY}),
            ActionExecuted("action_listen"),
        ]
        tracker = DialogueStateTracker.from_events(
            f"web-{sender}", events, slots=self.store.domain.slots
        )
        asyncio.run(self.store.save(tracker))

    def rate(
        self,
        rating: str = "up",
        topic: str = "police_report",
        *,
        sender: str = SENDER,
        origin: str | None = WEHA_SITE,
        body: str | None = None,
    ):
        headers = {"Content-Type": "text/plain;charset=UTF-8"}  # as the widget sends it
        if origin:
            headers["Origin"] = origin
        if body is None:
            body = json.dumps({"sender": sender, "rating": rating, "topic": topic})
        _, reply = self.app.test_client.post(
            "/webhooks/webchat/rate", content=body, headers=headers
        )
        return reply

    def stored(self, sender: str = SENDER) -> list[tuple[str, dict[str, Any]]]:
        """The conversation's rating rows, as the staff page reads them."""
        with sqlite3.connect(self.db) as connection:
            rows = connection.execute(
                "SELECT type_name, data FROM events WHERE sender_id = ? AND action_name = ?"
                " ORDER BY id",
                (f"web-{sender}", "rating"),
            ).fetchall()
        return [(type_name, json.loads(data)) for type_name, data in rows]


@pytest.fixture
def rated(tmp_path: Path, monkeypatch) -> Rated:
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    client = Rated(tmp_path)
    client.seed()
    return client


def test_a_rating_is_stored_in_the_conversation(rated: Rated) -> None:
    reply = rated.rate("up")
    assert reply.status == 200, reply.text
    assert reply.json == {"ok": True, "rating": "up", "topic": "police_report"}
    assert reply.headers["access-control-allow-origin"] == WEHA_SITE
    ((type_name, event),) = rated.stored()
    assert type_name == "slot" and event["event"] == "slot"
    assert event["name"] == "rating" and event["value"] == "up"
    assert event["metadata"]["topic"] == "police_report"
    assert event["metadata"]["department"] == "west-hartford"
    assert event["metadata"]["language"] == "en"

    assert rated.rate("down").status == 200  # a change of mind is a second event
    assert [e["value"] for _, e in rated.stored()] == ["up", "down"]
    tracker = asyncio.run(rated.store.retrieve(f"web-{SENDER}"))
    assert tracker.get_slot("rating") == "down"
    assert tracker.latest_message.text == "my house is on fire"  # the conversation is intact


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("not json", "JSON"),
        ("[1, 2]", "JSON"),
        (json.dumps({"rating": "up", "topic": "police_report"}), "sender"),
        (json.dumps({"sender": "x", "rating": "up", "topic": "police_report"}), "sender"),
        (
            json.dumps({"sender": "../../etc/pass", "rating": "up", "topic": "police_report"}),
            "sender",
        ),
        (json.dumps({"sender": SENDER, "rating": "sideways", "topic": "police_report"}), "rating"),
        (json.dumps({"sender": SENDER, "rating": 1, "topic": "police_report"}), "rating"),
        (json.dumps({"sender": SENDER, "topic": "police_report"}), "rating"),
        (json.dumps({"sender": SENDER, "rating": "up"}), "topic"),
        (json.dumps({"sender": SENDER, "rating": "up", "topic": "<script>"}), "topic"),
        (json.dumps({"sender": SENDER, "rating": "up", "topic": ["police_report"]}), "topic"),
    ],
)
def test_a_malformed_rating_gets_a_400_that_says_why(rated: Rated, body: str, reason: str) -> None:
    reply = rated.rate(body=body, origin=None)
    assert reply.status == 400
    assert reason in reply.json["error"]
    assert rated.stored() == []


def test_only_a_routine_answer_of_this_conversation_can_be_rated(rated: Rated) -> None:
    for topic in ("parking_ticket", "emergency"):  # never answered / an urgent reply
        reply = rated.rate("up", topic)
        assert reply.status == 400, topic
        assert "routine answer" in reply.json["error"]
    assert rated.stored() == []


def test_a_rating_for_a_conversation_that_does_not_exist_is_404(rated: Rated) -> None:
    other = "a1b2c3d4-0000-4000-8000-000000000000"
    reply = rated.rate("up", sender=other)
    assert reply.status == 404 and reply.json["error"] == "no such conversation"
    assert rated.stored(other) == []
    with sqlite3.connect(rated.db) as connection:  # nothing was created for it
        count = connection.execute(
            "SELECT count(*) FROM events WHERE sender_id = ?", (f"web-{other}",)
        ).fetchone()
    assert count == (0,)


def test_a_rating_follows_the_origin_rules(rated: Rated) -> None:
    for origin in ("https://evil.example", "null", "https://www.westhartfordct.gov.evil.example"):
        reply = rated.rate(origin=origin)
        assert reply.status == 403, origin
        assert "access-control-allow-origin" not in reply.headers
    # Danbury's site may use the widget, but not rate a West Hartford conversation.
    assert rated.rate(origin=DANBURY_SITE).status == 403
    assert rated.stored() == []
    assert rated.rate(origin=None).status == 200  # no Origin: not a cross-site browser request


def test_a_rating_body_is_capped(rated: Rated) -> None:
    body = json.dumps(
        {"sender": SENDER, "rating": "up", "topic": "police_report", "x": "a" * 20_000}
    )
    assert rated.rate(body=body).status == 413
    assert rated.stored() == []


def test_ratings_are_flood_limited_without_spending_the_message_budget(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    client = Rated(tmp_path, per_minute=1, burst=2)
    client.seed()
    statuses = [client.rate().status for _ in range(3)]
    assert statuses == [200, 200, 429]
    slowed = client.rate()
    assert slowed.status == 429 and int(slowed.headers["retry-after"]) >= 1
    assert len(client.stored()) == 2
    assert client.send().status == 200  # the resident can still ask a question


def test_without_a_store_a_rating_is_a_polite_503(tmp_path: Path) -> None:
    class Broken:
        async def retrieve(self, _: str) -> None:
            raise OSError("the database is down")

    from rasa.core.lock_store import InMemoryLockStore

    plain = Client()  # no agent at all: Rasa is still loading
    _, reply = plain.app.test_client.post(
        "/webhooks/webchat/rate",
        content=json.dumps({"sender": SENDER, "rating": "up", "topic": "police_report"}),
    )
    assert reply.status == 503
    plain.app.ctx.agent = SimpleNamespace(tracker_store=Broken(), lock_store=InMemoryLockStore())
    _, reply = plain.app.test_client.post(
        "/webhooks/webchat/rate",
        content=json.dumps({"sender": SENDER, "rating": "up", "topic": "police_report"}),
    )
    assert reply.status == 503 and "try again" in reply.json["error"]


# --- the public "how this assistant works" page ---------------------------------------------------
SCRIPT = "<script>alert(1)</script>"


def visible_text(page: str) -> str:
    """The page's text as a reader gets it: tags dropped, entities read, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())


def about_page(client: Client, query: str) -> Any:
    reply = client.get(f"about?{query}")
    assert reply.headers["content-type"].startswith("text/html")
    return reply


@pytest.mark.parametrize("language", ["en", "es", "pt"])
@pytest.mark.parametrize("town_id", sorted(towns()))
def test_the_about_page_is_made_from_the_towns_file(
    client: Client, town_id: str, language: str
) -> None:
    reply = about_page(client, f"department={town_id}&lang={language}")
    assert reply.status == 200
    page, town = reply.text, towns()[town_id]
    text = visible_text(page)
    assert f'<html lang="{language}">' in page
    assert f"{phrase('utter_widget_about_link', language)}: {town.name_in(language)}" in text
    for source in town.sources.values():  # every source, as a link, its href escaped
        assert f'<a href="{html.escape(str(source.url))}">' in page, source.url
        if source.title:
            assert source.title in text
        if source.date != "undated":
            assert source.date in text
    phone = town.main_phone
    assert f'<a href="tel:+1{re.sub(r"[^0-9]", "", phone.number)}">{phone.number}</a>' in page
    assert phone.in_language("label", language) in text
    assert about.long_date(town.checked, language) in page
    newest = max(answer.checked for answer in town.answers.values())
    assert f'datetime="{newest.isoformat()}"' in page
    for code, review in town.translations.items():  # reviewed or not, per the file
        shown = re.search(rf'id="town-{town_id}-review-{code}">(.*?)</li>', page).group(1)
        expected = about.TEXTS[language]["reviewed" if review.reviewed else "not_reviewed"]
        assert expected.split("{")[0] in shown
    for kind in about.URGENT:  # the urgent replies, word for word from the domain
        assert " ".join(phrase(f"utter_{kind}", language).split()) in text
    assert '<a href="tel:911">911</a>' in page and '<a href="tel:988">988</a>' in page
    assert "(888) 774-2900" in text  # CT Safe Connect, from the domain's domestic-violence reply
    assert phrase("utter_widget_notice_automated", language) in text
    assert "[PHONE]" in text and f"{about.RETENTION_DAYS}" in text


def test_the_about_page_runs_nothing_and_says_so(client: Client) -> None:
    for query in ("department=danbury", "", "department=nowhere", "lang=pt"):
        reply = client.get(f"about?{query}")
        csp = reply.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "script-src" not in csp and "unsafe" not in csp
        assert "<script" not in reply.text.lower()
        assert reply.headers["x-content-type-options"] == "nosniff"
        css = re.search(r"<style>(.*?)</style>", reply.text, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
        assert f"style-src 'sha256-{digest}'" in csp  # its own stylesheet, and only it


def test_the_about_page_without_a_town_covers_every_town(client: Client) -> None:
    reply = about_page(client, "")
    assert reply.status == 200
    for town in towns().values():
        assert f'<h2 id="town-{town.id}">{html.escape(town.name)}</h2>' in reply.text
        for source in town.sources.values():
            assert f'href="{html.escape(str(source.url))}"' in reply.text
        assert town.main_phone.number in reply.text
    assert '<html lang="en">' in reply.text


def test_the_about_page_language_and_unknown_towns(client: Client) -> None:
    assert '<html lang="en">' in client.get("about?department=danbury&lang=fr").text
    assert '<html lang="es">' in client.get("about?department=danbury&lang=ES").text
    missing = client.get(f"about?department={SCRIPT}&lang=es")
    assert missing.status == 404
    assert "alert(1)" not in missing.text  # what was asked for is not repeated
    for town in towns().values():
        assert f'href="about?department={town.id}&amp;lang=es"' in missing.text


def test_the_about_page_escapes_what_the_file_says(client: Client, monkeypatch) -> None:
    from connectors import webchat

    danbury = towns()["danbury"].copy(deep=True)
    danbury.sources["pd-2022"].title = SCRIPT
    danbury.address = '<img src=x onerror="alert(2)">'
    monkeypatch.setattr(webchat, "towns", lambda: {"danbury": danbury})
    page = client.get("about?department=danbury").text
    assert SCRIPT not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in page
    savin = str(danbury.sources["ct-savin"].url)
    assert "&" in savin and f'href="{html.escape(savin)}"' in page  # &amp; in the attribute


def test_a_residents_hi_is_not_answered_with_the_introduction_again() -> None:
    """The widget already introduced the assistant; "hi" gets a short prompt, in its language."""
    from bot.phrases import phrase
    from connectors.webchat import without_second_greeting

    for language in ("en", "es", "pt"):
        (sent,) = without_second_greeting([{"text": phrase("utter_greet", language)}])
        assert sent["text"] == phrase("utter_widget_hello_again", language)
    other = {"text": "Records: call 860-523-5203."}
    assert without_second_greeting([other]) == [other]
