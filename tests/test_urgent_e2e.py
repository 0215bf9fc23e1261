"""Urgent replies end to end, with both real servers: in the resident's language, first in a mixed
message, through a flood limit, with invalid Unicode, and with the action server slow or dead.

The last tests replace the action server with one that takes 10 s to answer (a deliberately slow
one, on the same port), then with nothing at all.
"""

from __future__ import annotations

import http.server
import json
import threading
import time
import uuid
from collections.abc import Iterator

import pytest
import requests

from benchmarks.servers import REST_HEADERS, Servers
from tests.conftest import MODEL

pytestmark = [pytest.mark.e2e, pytest.mark.model]
SLOW_ACTION_S = 10.0


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[Servers]:
    if not MODEL.exists():
        pytest.fail("no trained model: run `make train`")
    running = Servers(tmp_path_factory.mktemp("urgent"))
    yield running
    running.close()


def _texts(reply: requests.Response) -> list[str]:
    assert reply.status_code == 200, reply.text
    return [m["text"] for m in reply.json() if m.get("text")]


def _widget(servers: Servers, sender: str, text: str) -> requests.Response:
    body = {"sender": sender, "message": text, "metadata": {"department": "danbury"}}
    return requests.post(
        f"{servers.base}/webhooks/webchat/message",
        data=json.dumps(body),
        headers={"Content-Type": "text/plain"},
        timeout=30,
    )


@pytest.mark.parametrize(
    ("message", "first_words"),
    [
        ("alguien se está metiendo a mi casa ahorita, ayuda", "Llame al 911 ahora"),
        ("ya no quiero vivir, no aguanto mas", "Llame o envíe un texto al 988"),
        ("tem um homem armado na minha porta agora", "Ligue para o 911 agora"),
        ("nao quero mais viver, to cansada de tudo", "Ligue ou mande uma mensagem para o 988"),
    ],
)
def test_urgent_reply_in_the_residents_language(
    servers: Servers, message: str, first_words: str
) -> None:
    assert _texts(servers.say(message, "danbury"))[0].startswith(first_words)


def test_a_short_urgent_message_keeps_the_conversations_language(servers: Servers) -> None:
    sender = uuid.uuid4().hex
    servers.say("hola, necesito saber donde queda la estacion de policia", "danbury", sender)
    assert _texts(servers.say("ayuda!!!", "danbury", sender))[0].startswith("Llame al 911")


@pytest.mark.parametrize(
    ("first", "urgent", "first_words"),
    [
        ("meu carro foi rebocado, como faço pra pegar de volta", "socorro!!", "Ligue para o 911"),
        ("hola, necesito saber donde queda la estacion de policia", "ayuda!!!", "Llame al 911"),
    ],
)
def test_the_conversations_language_outranks_the_pages(
    servers: Servers, first: str, urgent: str, first_words: str
) -> None:
    """On an English page (the widget's hint is "en"), a conversation the resident began in
    Portuguese or Spanish keeps its language: "socorro!!" (a word both languages share) gets the
    Portuguese 911 reply, not the Spanish or the English one."""
    sender = uuid.uuid4().hex
    servers.say(first, "danbury", sender, language="en")
    reply = servers.say(urgent, "danbury", sender, language="en")
    assert _texts(reply)[0].startswith(first_words)


def test_the_pages_language_starts_a_conversation(servers: Servers) -> None:
    """A first message that shows no language of its own ("socorro!!", which Spanish shares) is
    answered in the channel's hint: REST's `metadata.language`, the widget's page language."""
    reply = servers.say("socorro!!", "danbury", language="pt")
    assert _texts(reply)[0].startswith("Ligue para o 911")


def test_a_routine_spanish_question_is_not_an_emergency(servers: Servers) -> None:
    texts = _texts(servers.say("me robaron el carro anoche, como hago el reporte", "danbury"))
    assert "911 ahora" not in texts[0] and "Call 911 now" not in texts[0]


def test_danger_in_a_mixed_message_comes_first_then_the_question(servers: Servers) -> None:
    reply = servers.say(
        "how do I get a police report? also my ex is outside my door right now with a bat",
        "west-hartford",
    )
    texts = _texts(reply)
    assert texts[0].startswith("Call 911 now")
    assert any("860-523-5203" in t for t in texts[1:])  # the records answer, after the guidance


def test_warning_signs_get_988(servers: Servers) -> None:
    for message in ("i wrote goodbye letters to my family tonight", "I bought a rope today"):
        assert _texts(servers.say(message, "danbury"))[0].startswith("Call or text 988 now")


def test_invalid_unicode_still_gets_the_emergency_reply(servers: Servers) -> None:
    body = f'{{"sender": "{uuid.uuid4().hex}", "message": "\\ud800 my house is on fire"}}'
    reply = requests.post(
        f"{servers.base}/webhooks/rest/webhook",
        data=body,
        headers={"Content-Type": "application/json", **REST_HEADERS},
        timeout=30,
    )
    assert _texts(reply)[0].startswith("Call 911 now")


def test_the_flood_limit_never_swallows_a_crisis(servers: Servers) -> None:
    sender = uuid.uuid4().hex
    for text in ["hi", "i need help", "please", "anyone", "hello?", "pls", "help", "are you there"]:
        _widget(servers, sender, text)
    assert _widget(servers, sender, "hello again").status_code == 429  # the limit is on
    reply = _widget(servers, sender, "i want to kill myself")
    assert reply.status_code == 200
    first = reply.json()["messages"][0]
    assert first["urgency"] == "crisis" and first["text"].startswith("Call or text 988")


# --- keep these last: they replace the action server --------------------------------------------
class _SlowActions(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        time.sleep(SLOW_ACTION_S)
        body = b'{"events": [], "responses": []}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def slow_actions(servers: Servers) -> Iterator[None]:
    servers.stop_actions()
    slow = http.server.ThreadingHTTPServer(("127.0.0.1", servers.action_port), _SlowActions)
    threading.Thread(target=slow.serve_forever, daemon=True).start()
    yield
    slow.shutdown()
    slow.server_close()


def test_an_urgent_message_does_not_wait_behind_a_slow_turn(servers: Servers, slow_actions) -> None:
    sender = uuid.uuid4().hex
    first = threading.Thread(
        target=servers.say, args=("how do I get a copy of a police report?", "danbury", sender)
    )
    first.start()  # holds the conversation's lock for 10 s (the slow action server)
    time.sleep(1.0)
    started = time.monotonic()
    reply = servers.say("someone is breaking into my house right now", "danbury", sender)
    waited = time.monotonic() - started
    first.join()
    assert _texts(reply)[0].startswith("Call 911 now") and waited < 2.0, waited


def test_sms_urgent_reply_with_a_slow_action_server(servers: Servers, slow_actions) -> None:
    started = time.monotonic()
    text = servers.text("mi esposo me está pegando ahora mismo", to="+12035550100")
    assert text.startswith("Llame al 911") and time.monotonic() - started < 3.0
