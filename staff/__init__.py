"""The staff page: what residents ask and what goes unanswered, per town, read-only.

A small web app of its own (`python -m staff`, started by `make run` when STAFF_TOKEN is set) on
127.0.0.1:$STAFF_PORT, never under Rasa's public /webhooks/. It reads Rasa's `events` table
through one query module (staff/queries.py) and writes nothing: the message path is untouched.
"""

from __future__ import annotations

MIN_TOKEN_CHARS = 16


def token_problem(token: str | None) -> str | None:
    """Why the app must not start with this token, or None."""
    if not token:
        return (
            "STAFF_TOKEN is not set, so the staff page does not start: it shows what residents "
            "wrote. Set it to a long random secret, e.g. `export STAFF_TOKEN=$(openssl rand -hex "
            "32)`, and sign in with it (README, 'The staff page')."
        )
    if len(token) < MIN_TOKEN_CHARS or token != token.strip():
        return (
            f"STAFF_TOKEN must be at least {MIN_TOKEN_CHARS} characters without surrounding "
            "spaces, e.g. `openssl rand -hex 32`; the staff page does not start."
        )
    return None
