"""Where conversations are kept, chosen by the environment (README, "Conversations and scaling").

- Nothing configured: an embedded SQLite database, $DATA_DIR/conversations.sqlite3 (default
  data/), so a restart keeps conversations and no server is needed; locks in memory (one process).
  SQLITE_SYNC=full: flush every turn to disk (slower; see _sqlite_write_ahead_log).
- DATABASE_URL=postgresql://user:password@host:5432/dbname: conversations in PostgreSQL.
- REDIS_URL=redis://[:password@]host:6379/0: conversation locks in Redis, so several Rasa
  processes behind a load balancer can serve the same conversations one message at a time.

What is stored is redacted (bot/redact.py): every event's texts, the resident's words in the
parse data (text, entity values, clause texts) and metadata have their personal details replaced
by placeholders ("[PHONE]", "[ADDRESS]"...) on their way to the database and to an event broker.
The tracker in memory keeps the original text for the turn being answered.

bot/endpoints.yml names these classes; secrets stay in the environment.

    python -m bot.stores purge --days 90    # delete conversation events older than 90 days
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from sqlalchemy.engine import make_url

from bot.redact import redact_event
from bot.settings import settings


def data_dir() -> Path:
    return Path(settings().data_dir)


def database_settings() -> dict[str, Any]:
    """SQLTrackerStore's arguments for $DATABASE_URL, or for the default SQLite file."""
    url = settings().database_url
    if not url:
        path = data_dir() / "conversations.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        return {"dialect": "sqlite", "db": str(path)}
    parsed = make_url(url.replace("postgres://", "postgresql://", 1))
    return {
        "dialect": parsed.drivername,
        "host": parsed.host,
        "port": parsed.port,
        "db": parsed.database,
        "username": parsed.username,
        "password": parsed.password,
        # ?sslmode=require and the like: managed PostgreSQL needs them
        "query": dict(parsed.query),
    }


class EnvTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store on SQLite or $DATABASE_URL; reconnects after a DB restart."""

    def __init__(self, domain: Any = None, host: Any = None, event_broker: Any = None, **_: Any):
        super().__init__(domain=domain, event_broker=event_broker, **database_settings())
        # Test each pooled connection before use: after the database restarts, the next message
        # gets a fresh connection instead of an error. Rasa's own engine settings (pool size,
        # schema: SQL_POOL_SIZE, SQL_MAX_OVERFLOW, POSTGRESQL_SCHEMA) are kept.
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        if self.engine.dialect.name == "sqlite" and settings().sqlite_sync != "full":
            sa.event.listen(self.engine, "connect", _sqlite_write_ahead_log)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    def _additional_events(self, session: Any, tracker: Any) -> Iterator[Any]:
        """The events SQLTrackerStore.save() is about to write, redacted.

        The narrowest point: save() turns each of these into a row with `event.as_dict()` and
        `event.type_name` and nothing else, and it is the only caller. The tracker's own events
        are never touched, so the policies and the action server still see this turn's words.
        """
        for event in super()._additional_events(session, tracker):
            yield RedactedEvent(event)

    async def _stream_new_events(
        self, event_broker: Any, new_events: list[Any], sender_id: str
    ) -> None:
        """What an event broker (bot/endpoints.yml `event_broker:`, none by default) publishes:
        redacted as the database rows are."""
        redacted: list[Any] = [RedactedEvent(event) for event in new_events]
        await super()._stream_new_events(event_broker, redacted, sender_id)


class RedactedEvent:
    """A stored copy of a Rasa event: the same type name, its dict redacted (bot/redact.py)."""

    __slots__ = ("_data", "type_name")

    def __init__(self, event: Any) -> None:
        self.type_name = event.type_name
        self._data = redact_event(event.as_dict())

    def as_dict(self) -> dict[str, Any]:
        return self._data


def _sqlite_write_ahead_log(connection: Any, _: Any) -> None:
    """SQLite in WAL mode with synchronous=NORMAL: a commit no longer waits for the disk.

    Without it, the fsync of every turn's commit was 15 % of the Rasa server's time (README,
    "Performance"). Still safe if the process crashes or restarts; a power cut or OS crash can lose
    the last moments of conversations, never corrupt the file. SQLITE_SYNC=full keeps SQLite's
    default (a disk flush per commit). PostgreSQL is left as configured.
    """
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class EnvLockStore(LockStore):
    """Redis locks when $REDIS_URL is set (several processes), in-memory locks otherwise."""

    def __new__(cls, endpoint_config: Any = None) -> LockStore:  # type: ignore[misc]
        url = settings().redis_url
        if not url:
            return InMemoryLockStore()
        parsed = make_url(url)
        return RedisLockStore(
            host=parsed.host or "localhost",
            port=parsed.port or 6379,
            db=int(parsed.database or 0),
            username=parsed.username,
            password=parsed.password,
            use_ssl=parsed.drivername == "rediss",
            key_prefix="police_assistant",
        )


def purge(days: float, now: float | None = None) -> int:
    """Delete conversation events older than `days`; returns how many were deleted."""
    cutoff = (now or time.time()) - days * 86400
    store = SQLTrackerStore(**database_settings())
    with store.engine.begin() as connection:
        result = connection.execute(
            sa.text("DELETE FROM events WHERE timestamp < :cutoff"), {"cutoff": cutoff}
        )
    return int(result.rowcount or 0)


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bot.stores", description="Stored conversations."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("purge", help="delete conversation events older than --days")
    command.add_argument("--days", type=float, required=True)
    args = parser.parse_args()
    deleted = purge(args.days)
    print(f"Deleted {deleted} conversation events older than {args.days:g} days.")


if __name__ == "__main__":
    main()
