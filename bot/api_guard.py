"""Rasa's HTTP API behind a token, always: only /webhooks/ is meant for residents.

Rasa's API (`--enable-api`) reads and writes every conversation (`GET /conversations/<phone
number>/tracker` is an SMS resident's history) and replaces or retrains the model. Rasa guards it
only when started with `--auth-token`, and that also closes `/model/parse`. This guard is always
on: every API route answers 401 without the token (`Authorization: Bearer <token>` or
`?token=<token>`), except what holds no resident's data:

- `/webhooks/...`: the channels, each with its own checks (signatures, origins, REST_TOKEN);
- `GET /`, `GET /version`, `GET /status`: health checks for a load balancer;
- `POST /model/parse`: how a text is understood (stateless; the evaluation reads intents there).

The token is `RASA_AUTH_TOKEN` when set, otherwise one generated at first start and kept in
`$DATA_DIR/api-token` (readable by its owner only), so every process of one deployment shares it.
"""

from __future__ import annotations

import hmac
import logging
import os
import secrets
from pathlib import Path
from typing import Any

from sanic import response
from sanic.request import Request

from bot.settings import settings

logger = logging.getLogger(__name__)

OPEN = {("GET", "/"), ("GET", "/version"), ("GET", "/status"), ("POST", "/model/parse")}
TOKEN_FILE = "api-token"


def api_token() -> str:
    """RASA_AUTH_TOKEN, or the deployment's generated token (made on first use)."""
    configured = settings().rasa_auth_token
    if configured:
        return configured
    path = Path(settings().data_dir) / TOKEN_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_urlsafe(32))
        logger.info("api_guard: generated the API token in %s", path)
    return path.read_text().strip()


def is_open(method: str, path: str) -> bool:
    return path.startswith("/webhooks/") or (method, path.rstrip("/") or "/") in OPEN


def presented(request: Request) -> str:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.args.get("token", "")


def install(app: Any) -> None:
    """Adds the guard to Rasa's sanic app (bot/serve.py calls it on every `rasa run`)."""
    token = api_token()

    @app.middleware("request")
    async def guard(request: Request) -> Any:
        if request.method == "OPTIONS" or is_open(request.method, request.path):
            return None
        if not hmac.compare_digest(presented(request).encode(), token.encode()):
            return response.json({"error": "unauthorized"}, status=401)
        return malformed_events(request)


def malformed_events(request: Request) -> Any:
    """A 400 for an events body Rasa would answer with a 500 (Rasa 3.6 turns its own "no valid
    event" error into one when the body is an empty list): events are an object or a non-empty
    list of objects."""
    if request.method not in ("POST", "PUT") or not request.path.endswith("/tracker/events"):
        return None
    try:
        body = request.json
    except Exception:  # sanic raises on a body that is not JSON
        body = None
    if isinstance(body, dict) or (
        isinstance(body, list) and body and all(isinstance(e, dict) for e in body)
    ):
        return None
    return response.json({"error": "events must be an object or a list of objects"}, status=400)
