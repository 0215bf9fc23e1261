"""Durable SMS state in SQLite: opt-outs, answered message ids, the last choices offered.

Why durable: an opt-out must survive a restart (carriers and the law require it), and Twilio
retries a webhook it did not get an answer to, so an answered MessageSid must be remembered.

A MessageSid being answered is marked "in progress" so that a retry arriving meanwhile is not
answered twice. The mark expires after CLAIM_TTL_S (a process that crashed mid-turn never clears
it), and the channel releases it when a turn fails, so a later retry is answered after all.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.stores import data_dir

_SCHEMA = """
CREATE TABLE IF NOT EXISTS opt_outs (number TEXT PRIMARY KEY, since REAL NOT NULL);
CREATE TABLE IF NOT EXISTS answered (sid TEXT PRIMARY KEY, reply TEXT, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS choices (number TEXT PRIMARY KEY, payloads TEXT NOT NULL, at REAL);
"""
IN_PROGRESS = object()
# Longer than a turn may take (the SMS channel's 12 s budget), so a live turn keeps its claim;
# shorter than Twilio's retry, so a message whose process crashed is answered when it comes again.
CLAIM_TTL_S = 30.0


class SmsStore:
    """One small SQLite file; every call opens its own connection (safe across workers)."""

    def __init__(
        self,
        path: Path | None = None,
        claim_ttl: float = CLAIM_TTL_S,
        clock: Callable[[], float] = time.time,  # wall time: claims are kept across restarts
    ) -> None:
        self.path = Path(path) if path else data_dir() / "sms.sqlite3"
        self.claim_ttl = claim_ttl
        self.clock = clock
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
        """None if this message is new, or its earlier claim expired (and it is now claimed); its
        reply if it was answered; IN_PROGRESS if another request is answering it right now.

        Each step is one statement, so two workers racing for a sid cannot both claim it."""
        now = self.clock()
        with self._db() as db:
            if db.execute(
                "INSERT OR IGNORE INTO answered VALUES (?, NULL, ?)", (sid, now)
            ).rowcount:
                return None
            if db.execute(
                "UPDATE answered SET at = ? WHERE sid = ? AND reply IS NULL AND at <= ?",
                (now, sid, now - self.claim_ttl),
            ).rowcount:
                return None  # claimed by a request that never finished: answer it now
            row = db.execute("SELECT reply FROM answered WHERE sid = ?", (sid,)).fetchone()
        if row is None:  # released between the two statements: new again
            return self.claim(sid)
        return IN_PROGRESS if row[0] is None else row[0]

    def answered(self, sid: str, reply: str) -> None:
        with self._db() as db:
            db.execute("UPDATE answered SET reply = ? WHERE sid = ?", (reply, sid))

    def release(self, sid: str) -> None:
        """Forget a claim that was not answered (the turn failed), so a retry is answered."""
        with self._db() as db:
            db.execute("DELETE FROM answered WHERE sid = ? AND reply IS NULL", (sid,))

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
