"""The web chat channel with sanic's test client: origins, size cap, rate limit, metadata, replies.

A stand-in answers for Rasa here so each test controls what the assistant says; test_widget.py
drives the real widget in Chromium against the real Rasa and action servers.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest
from sanic import Sanic

from bot.kb.loader import towns
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
    ):
        headers = {"Content-Type": "application/json"}
        if origin:
            headers["Origin"] = origin
        if body is None:
            body = json.dumps(
                {"sender": sender, "message": text, "metadata": {"department": department}}
            )
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


def test_demo_page_without_a_town_lists_the_towns(client: Client) -> None:
    page = client.get("demo?department=<script>")
    assert "<script>" not in page.text
    for town in towns().values():
        assert f"demo?department={town.id}" in page.text


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
            "urgency": "routine",
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


def test_custom_payload_without_text_stands_alone_only_when_it_must() -> None:
    shown = widget_messages(
        [
            {"text": "one"},
            {"custom": {"urgency": "crisis", "call": ["988", "911"]}},
            {"custom": {"urgency": "routine"}},
            {"text": ""},
        ]
    )
    assert shown == [
        {
            "text": "one",
            "buttons": [],
            "urgency": "crisis",
            "call": ["988", "911"],
            "sources": [],
            "language": "en",
        }
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


def test_many_conversations_from_one_address_are_limited_too() -> None:
    client = Client(per_minute=100, burst=2, per_address_per_minute=1)  # address burst: 8
    senders = [f"sender-{i:04d}-abcdef" for i in range(10)]
    statuses = [client.send(sender=s).status for s in senders]
    assert statuses.count(200) == 8 and statuses[-1] == 429
