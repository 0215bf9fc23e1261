"""Rasa's HTTP API behind its token (bot/api_guard.py), on a real sanic app with Rasa's routes'
shapes; the fuzz suite checks the same against the running server (tests/test_fuzz.py)."""

from __future__ import annotations

import itertools

import pytest
from sanic import Sanic, response

from bot import api_guard

_apps = itertools.count()
TOKEN = "unit-test-token"


@pytest.fixture
def app(monkeypatch, tmp_path) -> Sanic:
    monkeypatch.setenv("RASA_AUTH_TOKEN", TOKEN)
    app = Sanic(f"guard_{next(_apps)}")

    async def ok(request, **_):
        return response.json({"ok": True})

    for path, methods in [
        ("/", ["GET"]),
        ("/status", ["GET"]),
        ("/model/parse", ["POST"]),
        ("/model", ["PUT", "DELETE"]),
        ("/conversations/<cid:path>/tracker", ["GET"]),
        ("/conversations/<cid:path>/tracker/events", ["POST", "PUT"]),
        ("/webhooks/rest/webhook", ["POST"]),
    ]:
        app.add_route(ok, path, methods=methods, name=path.strip("/").replace("/", "_") or "root")
    api_guard.install(app)
    return app


def _status(app: Sanic, method: str, path: str, token: str | None = None, **kwargs) -> int:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    _, reply = getattr(app.test_client, method)(path, headers=headers, **kwargs)
    return reply.status


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/conversations/+12035552002/tracker"),
        ("post", "/conversations/+12035552002/tracker/events"),
        ("put", "/model"),
        ("delete", "/model"),
    ],
)
def test_conversations_and_models_need_the_token(app: Sanic, method: str, path: str) -> None:
    assert _status(app, method, path) == 401
    assert _status(app, method, path, "wrong") == 401


def test_the_token_opens_them_and_query_tokens_work_too(app: Sanic) -> None:
    assert _status(app, "get", "/conversations/x/tracker", TOKEN) == 200
    assert _status(app, "get", f"/conversations/x/tracker?token={TOKEN}") == 200


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/"),
        ("get", "/status"),
        ("post", "/model/parse"),
        ("post", "/webhooks/rest/webhook"),
    ],
)
def test_health_parse_and_the_channels_stay_open(app: Sanic, method: str, path: str) -> None:
    assert _status(app, method, path) == 200


@pytest.mark.parametrize("body", ["[]", "[1, 2]", '"event"', "not json"])
def test_a_malformed_events_body_is_a_400_not_rasas_500(app: Sanic, body: str) -> None:
    path = "/conversations/x/tracker/events"
    assert _status(app, "post", path, TOKEN, content=body) == 400


def test_a_generated_token_is_kept_for_the_next_start(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("RASA_AUTH_TOKEN", raising=False)
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    first = api_guard.api_token()
    assert len(first) >= 32 and api_guard.api_token() == first
    assert (tmp_path / "api-token").stat().st_mode & 0o777 == 0o600
