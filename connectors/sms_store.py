"""Durable SMS state in SQLite: opt-outs, answered message ids, the last choices offered.

Why durable: an opt-out must survive a restart (carriers and the law require it), and Twilio
retries a webhook it did not get an answer to, so an answered MessageSid must be remembered.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.stores import data_dir

_SCHEMA = """
CREATE TABLE IF NOT EXISTS opt_outs (number TEXT PRIMARY KEY, since REAL NOT NULL);
CREATE TABLE IF NOT EXISTS answered (sid TEXT PRIMARY KEY, reply TEXT, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS choices (number TEXT PRIMARY KEY, payloads TEXT NOT NULL, at REAL);
"""
IN_PROGRESS = object()


class SmsStore:
    """One small SQLite file; every call opens its own connection (safe across workers)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else data_dir() / "sms.sqlite3"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.executescript(_SCHEMA)

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10)
        try:
            with db:
                yield db
        finally:
            db.close()

    # --- opt-out --------------------------------------------------------------------------------
    def opt_out(self, number: str) -> None:
        with self._db() as db:
            db.execute("INSERT OR REPLACE INTO opt_outs VALUES (?, ?)", (number, time.time()))

    def opt_in(self, number: str) -> None:
        with self._db() as db:
            db.execute("DELETE FROM opt_outs WHERE number = ?", (number,))

    def is_opted_out(self, number: str) -> bool:
        with self._db() as db:
            row = db.execute("SELECT 1 FROM opt_outs WHERE number = ?", (number,)).fetchone()
        return row is not None

    # --- Twilio retries ---------------------------------------------------------------------------
    def claim(self, sid: str) -> object | str | None:
        """None if this message is new (and now claimed); its reply, or IN_PROGRESS, if not."""
        with self._db() as db:
            row = db.execute("SELECT reply FROM answered WHERE sid = ?", (sid,)).fetchone()
            if row is None:
                db.execute("INSERT INTO answered VALUES (?, NULL, ?)", (sid, time.time()))
                return None
        return IN_PROGRESS if row[0] is None else row[0]

    def answered(self, sid: str, reply: str) -> None:
        with self._db() as db:
            db.execute("UPDATE answered SET reply = ? WHERE sid = ?", (reply, sid))

    # --- numbered choices -----------------------------------------------------------------------
    def offer(self, number: str, payloads: list[str]) -> None:
        with self._db() as db:
            db.execute(
                "INSERT OR REPLACE INTO choices VALUES (?, ?, ?)",
                (number, json.dumps(payloads), time.time()),
            )

    def choice(self, number: str, answer: str) -> str | None:
        """The payload behind a reply of '1', '2'… to the last choices offered to this number."""
        if not answer.strip().isdigit():
            return None
        with self._db() as db:
            row = db.execute("SELECT payloads FROM choices WHERE number = ?", (number,)).fetchone()
        payloads = json.loads(row[0]) if row else []
        index = int(answer.strip()) - 1
        return payloads[index] if 0 <= index < len(payloads) else None
