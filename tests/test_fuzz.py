"""Fuzz and abuse, end to end: generated bodies for every endpoint, then each attack found earlier.

One pair of real servers (benchmarks/servers.py) serves the whole module. Hypothesis generates
the requests (derandomized: CI sends the same ones every run) for the REST channel, the widget,
the SMS webhook and Rasa's HTTP API. The properties, on every answer: never a 5xx, within its time
budget, and JSON that parses when it says it is JSON. Every request is counted; the module ends by
printing `fuzz: N requests, K 5xx, slowest S s` (and the slowest request), so the figures can be
quoted.

The named regression tests after the properties each pin one attack's fixed behaviour. The last
ones stop the action server: keep them last.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
import time
import uuid
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from requests.adapters import HTTPAdapter
from twilio.request_validator import RequestValidator

from benchmarks.servers import (
    API_TOKEN,
    REST_HEADERS,
    REST_TOKEN,
    ROOT,
    SMS_TOKEN,
    Servers,
    free_port,
    wait_until_up,
)
from bot.kb.loader import towns
from tests.conftest import MODEL

pytestmark = [pytest.mark.e2e, pytest.mark.model]

TIMEOUT_S = 20.0  # the global cap: no request of this module waits longer
MESSAGE_BUDGET_S = 10.0  # a message endpoint answers within this, whatever it is sent
OTHER_BUDGET_S = 5.0  # everything else (refusals, the API)
API = {"Authorization": f"Bearer {API_TOKEN}"}
TOWNS = sorted(towns())
ALLOWED_ORIGINS = sorted({o for t in towns().values() for o in t.widget_origins})
TWILIO_NUMBERS = ("+18605550100", "+12035550100")  # Servers' SMS_NUMBERS
IN_DANGER = "If anyone is in danger, call 911"


def fuzz(examples: int) -> settings:
    """Bounded, reproducible hypothesis settings for requests against the real servers."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# --- counting every request -----------------------------------------------------------------
@dataclass
class Stats:
    requests: int = 0
    server_errors: Counter = field(default_factory=Counter)  # (endpoint, body) -> 5xx answers
    examples: dict[tuple[str, str], str] = field(default_factory=dict)  # one request of each
    slowest: float = 0.0
    slowest_request: str = ""
    statuses: Counter = field(default_factory=Counter)  # (endpoint, status) -> requests
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, seconds: float, what: str, status: int | None) -> None:
        method, url, body = [*what.split(" ", 2), ""][:3]
        path = re.sub(r"^/conversations/[^/]+", "/conversations/<id>", urlsplit(url).path)
        endpoint = f"{method} {path}"
        with self.lock:
            self.requests += 1
            self.statuses[endpoint, status or "none"] += 1
            if status is not None and status >= 500:
                self.server_errors[endpoint, f"{status} {body}"] += 1
                self.examples.setdefault((endpoint, f"{status} {body}"), what)
            if seconds > self.slowest:
                self.slowest, self.slowest_request = seconds, what

    def summary(self) -> str:
        return (
            f"fuzz: {self.requests} requests, {sum(self.server_errors.values())} 5xx, "
            f"slowest {self.slowest:.2f} s ({self.slowest_request[:160]})"
        )

    def details(self) -> list[str]:
        lines = []
        for (endpoint, answer), n in self.server_errors.most_common(10):
            example = self.examples[endpoint, answer][:300]
            lines.append(f"fuzz 5xx: {n} x {endpoint} body {answer}; e.g. {example}")
        by_endpoint: dict[str, list[str]] = {}
        for (endpoint, status), n in sorted(self.statuses.items(), key=str):
            by_endpoint.setdefault(endpoint, []).append(f"{status}x{n}")
        lines += [f"fuzz statuses {e}: {' '.join(v)}" for e, v in sorted(by_endpoint.items())]
        return lines


STATS = Stats()


def _describe(method: str, url: str, options: dict[str, Any]) -> str:
    shown = options.get("json", options.get("data", options.get("params")))
    text = repr(shown)
    return f"{method} {url} {text[:300]}{'...' if len(text) > 300 else ''}"


class _FromAddress(HTTPAdapter):
    """Connects from one loopback address (127.x.y.z): a resident of their own, for the limits
    per client address."""

    def __init__(self, address: str) -> None:
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


_addresses = iter(range(2, 250 * 250))


def fresh_client() -> requests.Session:
    """A session from a loopback address no other request of this module has used."""
    n = next(_addresses)
    session = requests.Session()
    session.mount("http://", _FromAddress(f"127.0.{n // 250}.{n % 250 + 1}"))
    return session


def call(
    method: str,
    url: str,
    budget: float = OTHER_BUDGET_S,
    client: requests.Session | None = None,
    **options: Any,
) -> requests.Response:
    """One request, counted, that must answer below 500, within `budget`, with parseable JSON."""
    options.setdefault("timeout", TIMEOUT_S)
    what = _describe(method, url, options)
    start = time.monotonic()
    status = None
    try:
        reply = (client or requests).request(method, url, **options)
        status = reply.status_code
    finally:
        STATS.record(time.monotonic() - start, what, status)
    elapsed = reply.elapsed.total_seconds()
    assert reply.status_code < 500, f"{what} -> {reply.status_code} {reply.text[:500]}"
    assert elapsed <= budget, f"{what} took {elapsed:.2f} s (budget {budget} s)"
    if "json" in reply.headers.get("content-type", ""):
        reply.json()  # raises if the server's JSON does not parse
    return reply


def _texts(reply: requests.Response) -> list[str]:
    assert reply.status_code == 200, reply.text
    return [m["text"] for m in reply.json() if m.get("text")]


def _widget_texts(reply: requests.Response) -> list[str]:
    assert reply.status_code == 200, reply.text
    return [m["text"] for m in reply.json()["messages"] if m.get("text")]


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[Servers]:
    if not MODEL.exists():
        pytest.fail("no trained model: run `make train`")
    running = Servers(tmp_path_factory.mktemp("fuzz"))
    yield running
    running.close()


@pytest.fixture(scope="module", autouse=True)
def report(request: pytest.FixtureRequest, servers: Servers) -> Iterator[None]:
    """Prints the module's figures at its end (shown without -s too)."""
    yield
    lines = [STATS.summary(), *STATS.details(), f"fuzz: server logs in {servers.logs}"]
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None:
        print("\n".join(lines))
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        for line in lines:
            reporter.write_line(line)


# --- what the generators send ---------------------------------------------------------------
# any Unicode, lone surrogates included (JSON carries them as \ud800 escapes)
any_text = st.text(st.characters(exclude_categories=()), max_size=120)
# what can travel in a URL-encoded form or a path (UTF-8 encodable: no surrogates)
form_text = st.text(max_size=120)
# printable ASCII without spaces at the ends: any value an HTTP header can hold
header_text = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=80)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | any_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(any_text, inner, max_size=4),
    max_leaves=12,
)
QUESTIONS = [
    "how do I get a copy of a police report?",
    "where is the police station",
    "can I park on the street overnight",
    "who handles a stray dog",
    "how do I pay a parking ticket",
    "I'm in Danbury",
    "West Hartford",
    "someone is breaking into my house right now",
    "hola, donde queda la estacion de policia",
    "/set_town",
    '/set_town{"department": "danbury"}',
    "\x00\x1b[31m",
    "",
]
resident_text = st.sampled_from(QUESTIONS) | st.builds(
    lambda q, noise: q + noise, st.sampled_from(QUESTIONS), any_text
)
departments = st.sampled_from(TOWNS) | any_text | json_values
metadata = json_values | st.fixed_dictionaries(
    {},
    optional={
        "department": departments,
        "language": st.sampled_from(["en", "es", "pt", "ES-mx", "fr"]) | any_text | json_values,
        "extra": json_values,
    },
)
rest_senders = (
    st.from_regex(r"[A-Za-z0-9_.:@+=-]{1,40}", fullmatch=True)
    | st.sampled_from(["+18605550997", "web-0123456789abcdef", "default", "../x", "a\n"])
    | any_text
    | json_values
)
rest_objects = st.fixed_dictionaries(
    {},
    optional={
        "sender": rest_senders,
        "message": resident_text | any_text | json_values,
        "metadata": metadata,
        "input_channel": json_values,
    },
)
widget_senders = st.from_regex(r"[A-Za-z0-9_-]{8,64}", fullmatch=True) | any_text | json_values
widget_objects = st.fixed_dictionaries(
    {},
    optional={
        "sender": widget_senders,
        "message": resident_text | any_text | json_values,
        "metadata": json_values
        | st.fixed_dictionaries({"department": departments}, optional={"language": any_text}),
    },
)
plausible_rest = st.fixed_dictionaries(
    {
        "sender": st.uuids().map(lambda u: u.hex),
        "message": resident_text | any_text,
        "metadata": st.fixed_dictionaries(
            {"department": st.sampled_from(TOWNS)}, optional={"language": any_text}
        ),
    }
)
plausible_widget = st.fixed_dictionaries(
    {
        "sender": st.uuids().map(lambda u: u.hex),
        "message": resident_text | any_text,
        "metadata": st.fixed_dictionaries(
            {"department": st.sampled_from(TOWNS)},
            optional={"language": st.sampled_from(["en", "es", "pt"]) | any_text},
        ),
    }
)
content_types = st.sampled_from(
    [None, "application/json", "text/plain", "text/plain;charset=UTF-8", "application/x-www-form"]
) | header_text.map(lambda t: t or None)
origins = (
    st.none()
    | st.sampled_from(ALLOWED_ORIGINS)
    | st.sampled_from(["https://evil.example", "null", "http://localhost", "HTTPS://EVIL.EXAMPLE"])
    | header_text
)


def _json_body(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=True).encode()


def _headers(**values: str | None) -> dict[str, str]:
    return {k.replace("_", "-"): v for k, v in values.items() if v is not None}


# --- 1. properties: REST --------------------------------------------------------------------
def rest_url(servers: Servers) -> str:
    return f"{servers.base}/webhooks/rest/webhook"


def _check_rest_answer(reply: requests.Response, body: Any) -> None:
    """A 200 is a non-empty list of messages to this very sender."""
    if reply.status_code != 200:
        return
    messages = reply.json()
    assert isinstance(messages, list) and messages, f"{body!r}: answered {reply.text!r}"
    assert all(m.get("recipient_id") == body["sender"] for m in messages), reply.text


@fuzz(60)
@given(value=json_values)
def test_rest_any_json_value(servers: Servers, value: Any) -> None:
    reply = call(
        "POST",
        rest_url(servers),
        MESSAGE_BUDGET_S,
        data=_json_body(value),
        headers={"Content-Type": "application/json", **REST_HEADERS},
    )
    _check_rest_answer(reply, value)


@fuzz(100)
@given(body=rest_objects | plausible_rest)
def test_rest_any_object(servers: Servers, body: dict[str, Any]) -> None:
    reply = call(
        "POST",
        rest_url(servers),
        MESSAGE_BUDGET_S,
        data=_json_body(body),
        headers={"Content-Type": "application/json", **REST_HEADERS},
    )
    _check_rest_answer(reply, body)


@fuzz(30)
@given(body=st.binary(max_size=2000), content_type=content_types)
def test_rest_any_bytes(servers: Servers, body: bytes, content_type: str | None) -> None:
    call(
        "POST",
        rest_url(servers),
        MESSAGE_BUDGET_S,
        data=body,
        headers={**_headers(content_type=content_type), **REST_HEADERS},
    )


@fuzz(40)
@given(
    body=rest_objects.map(_json_body) | st.binary(max_size=500),
    authorization=st.none() | header_text | header_text.map(lambda t: f"Bearer {t}"),
)
def test_rest_without_the_token_is_always_401(
    servers: Servers, body: bytes, authorization: str | None
) -> None:
    if authorization is not None and authorization.removeprefix("Bearer ").strip() == REST_TOKEN:
        return
    headers = _headers(content_type="application/json", authorization=authorization)
    reply = call("POST", rest_url(servers), data=body, headers=headers)
    assert reply.status_code == 401, reply.text


# --- 1. properties: the widget --------------------------------------------------------------
def widget_url(servers: Servers) -> str:
    return f"{servers.base}/webhooks/webchat/message"


def _own_origins(servers: Servers) -> set[str]:
    return {f"http://{h}:{servers.rasa_port}" for h in ("localhost", "127.0.0.1", "[::1]")}


def _check_widget_answer(servers: Servers, reply: requests.Response, origin: str | None) -> None:
    body = reply.json()
    assert isinstance(body.get("messages"), list), reply.text  # even a refusal has a polite text
    if reply.status_code == 200:
        assert body["messages"], f"an empty answer: {reply.text}"
        allowed = {*ALLOWED_ORIGINS, *_own_origins(servers)}
        assert origin is None or origin.strip().lower() in allowed, f"{origin!r} was answered"


@fuzz(100)
@given(body=widget_objects | plausible_widget, origin=origins, content_type=content_types)
def test_widget_any_json_body(
    servers: Servers, body: dict[str, Any], origin: str | None, content_type: str | None
) -> None:
    with fresh_client() as client:
        reply = call(
            "POST",
            widget_url(servers),
            MESSAGE_BUDGET_S,
            client,
            data=_json_body(body),
            headers=_headers(content_type=content_type, origin=origin),
        )
    _check_widget_answer(servers, reply, origin)


@fuzz(30)
@given(
    body=json_values.map(_json_body) | st.binary(max_size=2000) | any_text.map(str.encode),
    origin=origins,
)
def test_widget_any_text_plain_body(servers: Servers, body: bytes, origin: str | None) -> None:
    with fresh_client() as client:
        reply = call(
            "POST",
            widget_url(servers),
            MESSAGE_BUDGET_S,
            client,
            data=body,
            headers=_headers(content_type="text/plain", origin=origin),
        )
    _check_widget_answer(servers, reply, origin)


# --- 1. properties: SMS ---------------------------------------------------------------------
form_fields = st.dictionaries(form_text, form_text, max_size=8)
phones = st.from_regex(r"\+[1-9][0-9]{6,14}", fullmatch=True)
sms_forms = st.fixed_dictionaries(
    {},
    optional={
        "From": phones | form_text,
        "To": st.sampled_from(TWILIO_NUMBERS) | phones | form_text,
        "Body": resident_text.map(lambda t: t.replace("\x00", "")) | form_text,
        "NumMedia": st.sampled_from(["0", "1", "10", "11", "-1", "abc", "1.5", "٣"]) | form_text,
        "MessageSid": st.uuids().map(lambda u: u.hex) | form_text,
        "SmsSid": form_text,
        "AccountSid": form_text,
    },
)


def _signed(servers: Servers, params: dict[str, str]) -> dict[str, str]:
    signature = RequestValidator(SMS_TOKEN).compute_signature(servers.sms_url, params)
    return {"X-Twilio-Signature": signature}


@fuzz(40)
@given(
    params=form_fields | sms_forms,
    signature=st.none() | header_text,
)
def test_sms_unsigned_forms_are_403(
    servers: Servers, params: dict[str, str], signature: str | None
) -> None:
    headers = _headers(x_twilio_signature=signature)
    reply = call("POST", servers.sms_url, data=params, headers=headers)
    assert reply.status_code == 403, reply.text


@fuzz(20)
@given(body=st.binary(max_size=1000))
def test_sms_unsigned_bytes_are_refused(servers: Servers, body: bytes) -> None:
    reply = call("POST", servers.sms_url, data=body, headers={"X-Twilio-Signature": "x"})
    assert reply.status_code in (400, 403), reply.text


@fuzz(80)
@given(params=sms_forms | form_fields)
def test_sms_signed_random_forms_are_200_or_400(servers: Servers, params: dict[str, str]) -> None:
    reply = call(
        "POST", servers.sms_url, MESSAGE_BUDGET_S, data=params, headers=_signed(servers, params)
    )
    assert reply.status_code in (200, 400), reply.text
    if reply.status_code == 200:
        assert ET.fromstring(reply.content).tag == "Response", reply.text


@fuzz(40)
@given(
    sender=phones,
    to=st.sampled_from(TWILIO_NUMBERS),
    body=resident_text.map(lambda t: t.replace("\x00", "")),
    num_media=st.sampled_from(["0", "1", "2"]),
)
def test_sms_signed_well_formed_texts_get_twiml(
    servers: Servers, sender: str, to: str, body: str, num_media: str
) -> None:
    params = {
        "From": sender,
        "To": to,
        "Body": body,
        "NumMedia": num_media,
        "MessageSid": uuid.uuid4().hex,
    }
    reply = call(
        "POST", servers.sms_url, MESSAGE_BUDGET_S, data=params, headers=_signed(servers, params)
    )
    assert reply.status_code == 200, reply.text
    assert ET.fromstring(reply.content).tag == "Response", reply.text


# --- 1. properties: Rasa's HTTP API -----------------------------------------------------------
conversation_ids = form_text.filter(bool) | phones | st.sampled_from(["rest-x", "web-x", "default"])
wrong_tokens = st.none() | header_text.filter(lambda t: t != API_TOKEN)


def _wrong_auth(token: str | None, in_query: bool) -> dict[str, Any]:
    if token is None:
        return {}
    if in_query:
        return {"params": {"token": token}}
    return {"headers": {"Authorization": f"Bearer {token}"}}


@fuzz(40)
@given(conversation=conversation_ids, token=wrong_tokens, in_query=st.booleans())
def test_api_tracker_needs_the_token(
    servers: Servers, conversation: str, token: str | None, in_query: bool
) -> None:
    url = f"{servers.base}/conversations/{quote(conversation, safe='')}/tracker"
    refused = call("GET", url, **_wrong_auth(token, in_query))
    assert refused.status_code == 401, refused.text
    allowed = call("GET", url, headers=API)
    if allowed.status_code == 200:  # the conversation named in the path, as sent (Rasa does
        # not unquote it: /conversations/%3A/tracker is the conversation "%3A", not ":")
        assert allowed.json()["sender_id"] == allowed.request.path_url.split("/")[2]


@fuzz(30)
@given(conversation=conversation_ids, events=json_values, token=wrong_tokens)
def test_api_events_need_the_token(
    servers: Servers, conversation: str, events: Any, token: str | None
) -> None:
    url = f"{servers.base}/conversations/{quote(conversation, safe='')}/tracker/events"
    body = _json_body(events)
    headers = {"Content-Type": "application/json"}
    refused = call("POST", url, data=body, headers=headers, **_wrong_auth(token, True))
    assert refused.status_code == 401, refused.text
    call("POST", url, data=body, headers={**headers, **API})  # with it: anything but a 5xx


@fuzz(40)
@given(
    method_path=st.sampled_from(
        [
            ("PUT", "/model"),
            ("POST", "/model/train"),
            ("DELETE", "/model"),
            ("GET", "/domain"),
            ("POST", "/model/test/intents"),
            ("POST", "/model/test/stories"),
            ("POST", "/model/predict"),
            ("POST", "/conversations/x/execute"),
            ("POST", "/conversations/x/trigger_intent"),
            ("POST", "/conversations/x/predict"),
            ("POST", "/conversations/x/messages"),
            ("PUT", "/conversations/x/tracker/events"),
            ("GET", "/conversations/x/story"),
        ]
    ),
    body=json_values.map(_json_body) | st.binary(max_size=300),
    token=wrong_tokens,
    in_query=st.booleans(),
)
def test_api_writes_need_the_token(
    servers: Servers, method_path: tuple[str, str], body: bytes, token: str | None, in_query: bool
) -> None:
    # only refusals: with the token these would replace, retrain or unload the model under test
    method, path = method_path
    reply = call(method, servers.base + path, data=body, **_wrong_auth(token, in_query))
    assert reply.status_code == 401, reply.text


@fuzz(15)
@given(accept=st.none() | st.sampled_from(["application/json", "application/x-yml"]) | header_text)
def test_api_domain(servers: Servers, accept: str | None) -> None:
    url = f"{servers.base}/domain"
    assert call("GET", url, headers=_headers(accept=accept)).status_code == 401
    call("GET", url, headers={**API, **_headers(accept=accept)})


# --- 2. regression tests: Rasa's API ----------------------------------------------------------
def test_sms_residents_history_needs_the_api_token(servers: Servers) -> None:
    url = f"{servers.base}/conversations/+12035552002/tracker"
    assert call("GET", url).status_code == 401
    assert call("GET", url, headers=API).status_code == 200


def test_api_writes_without_the_token_are_401(servers: Servers) -> None:
    events = [{"event": "user", "text": "injected"}]
    url = f"{servers.base}/conversations/+12035552002/tracker/events"
    assert call("POST", url, json=events).status_code == 401
    assert call("PUT", f"{servers.base}/model", json={"model_file": "/tmp/x"}).status_code == 401
    assert call("POST", f"{servers.base}/model/train", data=b"{}").status_code == 401


def test_model_parse_stays_open(servers: Servers) -> None:
    reply = call("POST", f"{servers.base}/model/parse", MESSAGE_BUDGET_S, json={"text": "hi"})
    assert reply.status_code == 200 and reply.json()["intent"]["name"]


# --- 2. regression tests: REST ----------------------------------------------------------------
def test_rest_without_or_with_a_wrong_token_is_401(servers: Servers) -> None:
    body = {"sender": uuid.uuid4().hex, "message": "where is the police station"}
    assert call("POST", rest_url(servers), json=body).status_code == 401
    wrong = {"Authorization": "Bearer not-the-token"}
    assert call("POST", rest_url(servers), json=body, headers=wrong).status_code == 401


def _user_texts(servers: Servers, conversation: str) -> list[str]:
    # as sent: Rasa does not unquote the path (%2B18605550997 would be another conversation)
    url = f"{servers.base}/conversations/{conversation}/tracker"
    reply = call("GET", url, headers=API)
    assert reply.status_code == 200, reply.text
    return [e.get("text") for e in reply.json()["events"] if e.get("event") == "user"]


def test_rest_cannot_write_into_an_sms_conversation(servers: Servers) -> None:
    number = "+18605550997"
    params = {
        "From": number,
        "To": "+18605550100",
        "Body": "how do I pay a parking ticket?",
        "MessageSid": uuid.uuid4().hex,
    }  # what servers.text() sends, through call(): counted and timed
    sms = call(
        "POST", servers.sms_url, MESSAGE_BUDGET_S, data=params, headers=_signed(servers, params)
    )
    assert sms.status_code == 200 and ET.fromstring(sms.content).find("Message") is not None
    reply = call(
        "POST",
        rest_url(servers),
        MESSAGE_BUDGET_S,
        json={"sender": number, "message": "I'm in Danbury"},
        headers=REST_HEADERS,
    )
    assert reply.status_code == 200, reply.text
    from connectors.sms import pseudonym

    texts = _user_texts(servers, pseudonym(number, SMS_TOKEN.encode()))
    assert "how do I pay a parking ticket?" in texts  # this is the SMS conversation
    assert "I'm in Danbury" not in texts


def test_rest_cannot_write_into_a_widget_conversation(servers: Servers) -> None:
    sender = uuid.uuid4().hex
    body = {
        "sender": sender,
        "message": "where is the police station",
        "metadata": {"department": "west-hartford"},
    }
    with fresh_client() as client:
        widget = call("POST", widget_url(servers), MESSAGE_BUDGET_S, client, json=body)
    assert widget.status_code == 200, widget.text
    rest = call(
        "POST",
        rest_url(servers),
        MESSAGE_BUDGET_S,
        json={"sender": f"web-{sender}", "message": "I'm in Danbury"},
        headers=REST_HEADERS,
    )
    assert rest.status_code == 200, rest.text
    texts = _user_texts(servers, f"web-{sender}")
    assert "where is the police station" in texts  # this is the widget conversation
    assert "I'm in Danbury" not in texts


def _database_bytes(servers: Servers) -> int:
    data = Path(servers.env["DATA_DIR"])
    return sum(p.stat().st_size for p in data.glob("conversations.sqlite3*"))


def test_rest_huge_metadata_is_413_and_not_stored(servers: Servers) -> None:
    before = _database_bytes(servers)
    body = {
        "sender": uuid.uuid4().hex,
        "message": "where is the police station",
        "metadata": {"department": "danbury", "padding": "x" * (5 * 1024 * 1024)},
    }
    reply = call("POST", rest_url(servers), MESSAGE_BUDGET_S, json=body, headers=REST_HEADERS)
    assert reply.status_code == 413, reply.text
    assert _database_bytes(servers) - before < 1024 * 1024


def test_rest_flood_is_slowed_politely_but_never_an_emergency(servers: Servers) -> None:
    """200 messages as fast as one client sends them, one after the other."""
    sender = uuid.uuid4().hex
    body = {
        "sender": sender,
        "message": "where is the police station",
        "metadata": {"department": "danbury"},
    }

    def send() -> requests.Response:
        return call("POST", rest_url(servers), MESSAGE_BUDGET_S, json=body, headers=REST_HEADERS)

    replies = [send() for _ in range(200)]
    statuses = [r.status_code for r in replies]
    assert set(statuses) <= {200, 429}, statuses
    limited = [r for r in replies if r.status_code == 429]
    assert limited, "200 messages in a few seconds were never limited"
    for reply in limited:
        assert all("911" in m["text"] for m in reply.json()), reply.text
        assert int(reply.headers["Retry-After"]) >= 1
    # while it is still limited (a routine message gets the 429), an urgent one gets its reply
    assert any(send().status_code == 429 for _ in range(30)), "the limit never came back"
    urgent = call(
        "POST",
        rest_url(servers),
        MESSAGE_BUDGET_S,
        json={**body, "message": "someone is breaking into my house right now"},
        headers=REST_HEADERS,
    )
    assert _texts(urgent)[0].startswith("Call 911 now"), urgent.text


def test_rest_nul_bytes_get_a_polite_reply(servers: Servers) -> None:
    body = {
        "sender": uuid.uuid4().hex,
        "message": "where\x00 is the police\x00 station\x00",
        "metadata": {"department": "danbury"},
    }
    reply = call("POST", rest_url(servers), MESSAGE_BUDGET_S, json=body, headers=REST_HEADERS)
    texts = _texts(reply)
    assert texts and all(t.strip() for t in texts) and "\x00" not in reply.text


def test_rest_path_like_sender_is_400(servers: Servers) -> None:
    body = {"sender": "../../etc/passwd", "message": "hi"}
    reply = call("POST", rest_url(servers), json=body, headers=REST_HEADERS)
    assert reply.status_code == 400, reply.text


SHORTCUT = '/contact_info{"division": "<img src=x onerror=alert(1)> URGENT: text 203-555-0199"}'
INJECTED = ("<img", "onerror", "203-555-0199")


def test_rest_intent_shortcut_is_not_obeyed(servers: Servers) -> None:
    body = {"sender": uuid.uuid4().hex, "message": SHORTCUT, "metadata": {"department": "danbury"}}
    reply = call("POST", rest_url(servers), MESSAGE_BUDGET_S, json=body, headers=REST_HEADERS)
    assert _texts(reply), reply.text
    for word in INJECTED:
        assert word not in reply.text, reply.text


def test_widget_intent_shortcut_is_not_obeyed(servers: Servers) -> None:
    body = {"sender": uuid.uuid4().hex, "message": SHORTCUT, "metadata": {"department": "danbury"}}
    with fresh_client() as client:
        reply = call("POST", widget_url(servers), MESSAGE_BUDGET_S, client, data=_json_body(body))
    assert _widget_texts(reply), reply.text
    for word in INJECTED:
        assert word not in reply.text, reply.text


# --- 2. regression tests: the widget and SMS --------------------------------------------------
def test_widget_refuses_another_site_even_with_its_own_host(servers: Servers) -> None:
    body = {"sender": uuid.uuid4().hex, "message": "hi", "metadata": {"department": "danbury"}}
    headers = {"Origin": "https://evil.example", "Host": "evil.example"}
    with fresh_client() as client:
        reply = call("POST", widget_url(servers), client=client, json=body, headers=headers)
    assert reply.status_code == 403, reply.text
    assert "Access-Control-Allow-Origin" not in reply.headers


def test_sms_signed_non_numeric_num_media_is_400(servers: Servers) -> None:
    params = {
        "From": "+18605554321",
        "To": "+18605550100",
        "Body": "where is the police station",
        "NumMedia": "abc",
        "MessageSid": uuid.uuid4().hex,
    }
    reply = call("POST", servers.sms_url, data=params, headers=_signed(servers, params))
    assert reply.status_code == 400, reply.text


# --- 2. regression tests: the action server --------------------------------------------------
def _outside_addresses() -> list[str]:
    """This machine's non-loopback addresses (`hostname -I`)."""
    try:
        found = subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return found.stdout.split()


def _refused_from_outside(port: int) -> None:
    addresses = _outside_addresses()
    if not addresses:
        pytest.skip("this machine has no non-loopback address")
    for address in addresses:
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.settimeout(3)
            assert sock.connect_ex((address, port)) != 0, f"reachable on {address}:{port}"


def test_action_server_is_not_reachable_from_outside(servers: Servers) -> None:
    _refused_from_outside(servers.action_port)


def test_action_server_binds_loopback_by_default(servers: Servers, tmp_path: Path) -> None:
    """Started as make run does but without --interface: its default is loopback only."""
    if not _outside_addresses():
        pytest.skip("this machine has no non-loopback address")
    port = free_port()
    env = {k: v for k, v in servers.env.items() if k != "ACTION_INTERFACE"}
    with (tmp_path / "actions-default.log").open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.action_server", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/health", process, 120)
        _refused_from_outside(port)
    finally:
        process.terminate()
        process.wait(timeout=30)


# A POST to the action server's /webhook without ACTION_SERVER_TOKEN, when it is set, is 401:
# covered elsewhere (tests/test_supervise.py), not here.


# --- keep these last: they stop the action server --------------------------------------------
QUESTION = "how do I get a copy of a police report?"


def test_without_actions_rest_says_sorry_and_911(servers: Servers) -> None:
    servers.stop_actions()
    body = {
        "sender": uuid.uuid4().hex,
        "message": QUESTION,
        "metadata": {"department": "west-hartford"},
    }
    reply = call("POST", rest_url(servers), MESSAGE_BUDGET_S, json=body, headers=REST_HEADERS)
    assert reply.json() != [], "an empty answer"
    assert any(IN_DANGER in t for t in _texts(reply)), reply.text


def test_without_actions_sms_says_sorry_and_911(servers: Servers) -> None:
    servers.stop_actions()
    params = {
        "From": "+1203555" + str(uuid.uuid4().int)[:4],
        "To": "+18605550100",
        "Body": QUESTION,
        "MessageSid": uuid.uuid4().hex,
    }
    reply = call(
        "POST", servers.sms_url, MESSAGE_BUDGET_S, data=params, headers=_signed(servers, params)
    )
    assert reply.status_code == 200, reply.text
    message = ET.fromstring(reply.content).find("Message")
    assert message is not None and message.text, f"an empty TwiML: {reply.text}"
    assert IN_DANGER in message.text, message.text


def test_without_actions_widget_says_sorry_and_911(servers: Servers) -> None:
    servers.stop_actions()
    body = {
        "sender": uuid.uuid4().hex,
        "message": QUESTION,
        "metadata": {"department": "west-hartford"},
    }
    with fresh_client() as client:
        reply = call("POST", widget_url(servers), MESSAGE_BUDGET_S, client, data=_json_body(body))
    texts = _widget_texts(reply)
    assert texts, f"an empty answer: {reply.text}"
    assert any(IN_DANGER in t for t in texts), reply.text


def test_the_sorry_is_the_same_on_every_channel(servers: Servers) -> None:
    """REST has no town number to add; SMS and the widget add the town's line after it."""
    servers.stop_actions()
    from connectors.turns import sorry

    sender = uuid.uuid4().hex
    rest = call(
        "POST",
        rest_url(servers),
        MESSAGE_BUDGET_S,
        json={"sender": sender, "message": QUESTION, "metadata": {"department": "danbury"}},
        headers=REST_HEADERS,
    )
    params = {
        "From": "+1860555" + str(uuid.uuid4().int)[:4],
        "To": "+12035550100",
        "Body": QUESTION,
        "MessageSid": uuid.uuid4().hex,
    }
    sms = call(
        "POST", servers.sms_url, MESSAGE_BUDGET_S, data=params, headers=_signed(servers, params)
    )
    sms_text = ET.fromstring(sms.content).find("Message").text
    with fresh_client() as client:
        widget = call(
            "POST",
            widget_url(servers),
            MESSAGE_BUDGET_S,
            client,
            json={"sender": sender, "message": QUESTION, "metadata": {"department": "danbury"}},
        )
    for text in (_texts(rest)[0], sms_text, _widget_texts(widget)[0]):
        assert text.startswith(sorry("en")), text
