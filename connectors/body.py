"""The JSON body the REST and widget channels share: {"sender", "message", "metadata"}, checked.

Rasa's own `rest` channel raises (a 500) on a body that is JSON but not an object; here every
malformed body gets a 4xx that says what is wrong.
"""

from __future__ import annotations

from typing import Any

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

MAX_MESSAGE_CHARS = 100_000  # far above any real message; the NLU reads the first 1,000
MAX_SENDER_CHARS = 128


def bad_request(reason: str, status: int = 400) -> HTTPResponse:
    return response.json({"error": reason}, status=status)


def parse_request(request: Request) -> tuple[str, str, dict[str, Any] | None] | HTTPResponse:
    """(sender, text, metadata) from a request body, or the 4xx response that explains the fault."""
    try:
        body = request.json
    except Exception:  # sanic raises on bodies that are not JSON
        return bad_request('the body must be JSON: {"sender": "...", "message": "..."}')
    if not isinstance(body, dict):
        return bad_request("the body must be a JSON object with `sender` and `message`")
    sender = body.get("sender")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
        return bad_request(f"`sender` must be a non-empty string of at most {MAX_SENDER_CHARS}")
    text = body.get("message")
    if text is None:
        text = ""
    if not isinstance(text, str):
        return bad_request("`message` must be a string")
    if len(text) > MAX_MESSAGE_CHARS:
        return bad_request(f"`message` is longer than {MAX_MESSAGE_CHARS} characters", 413)
    metadata = body.get("metadata")
    return sender, text, metadata if isinstance(metadata, dict) else None
