"""Durable conversations: two Rasa processes sharing PostgreSQL and Redis, and retention.

Needs PostgreSQL and Redis on localhost (the project's machines have both); skipped, with the
reason, where they are absent.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from benchmarks.servers import (
    REST_HEADERS,
    Cluster,
    drop_connections,
    scratch_database,
    services_reachable,
)
from bot import stores
from tests.conftest import MODEL

needs_services = pytest.mark.skipif(
    not services_reachable(),
    reason="PostgreSQL (5432) and Redis (6379) are not running on localhost",
)


@pytest.fixture(scope="module")
def database() -> Iterator[str]:
    """A fresh PostgreSQL database for this module, dropped afterwards."""
    with scratch_database("assistant_test") as url:
        yield url


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, database: str) -> Iterator[Cluster]:
    if not MODEL.exists():
        pytest.fail("no trained model: run `make train`")
    running = Cluster(tmp_path_factory.mktemp("cluster"), database)
    yield running
    running.close()


def _ask(cluster: Cluster, which: int, sender: str, text: str) -> str:
    body = {"sender": sender, "message": text}
    reply = requests.post(cluster.url(which), json=body, headers=REST_HEADERS, timeout=60)
    assert reply.status_code == 200 and reply.json(), (sender, text, reply.text)
    return " ".join(m.get("text", "") for m in reply.json())


def _user_texts(database: str, sender: str) -> list[str]:
    import psycopg2

    with psycopg2.connect(database) as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT data::json->>'text' FROM events WHERE sender_id = %s AND type_name = 'user' "
            "ORDER BY id",
            (f"rest-{sender}",),
        )
        return [row[0] for row in cursor.fetchall()]


@needs_services
@pytest.mark.e2e
@pytest.mark.model
def test_conversations_alternate_between_two_processes(cluster: Cluster, database: str) -> None:
    questions = ["where is the police station?", "how do I pay a parking ticket?"] * 5

    def converse(n: int) -> list[str]:
        sender = f"resident-{n}"
        texts = ['/set_town{"department":"danbury"}', *questions[:9]]
        for i, text in enumerate(texts):
            answer = _ask(cluster, i % 2, sender, text)
            # the town chosen on one process is known on the other
            assert i == 0 or "375 Main Street" in answer or "(203) 748-6423" in answer, answer
        return texts

    with ThreadPoolExecutor(max_workers=5) as pool:
        sent = dict(zip(range(20), pool.map(converse, range(20)), strict=True))
    for n, texts in sent.items():
        assert _user_texts(database, f"resident-{n}") == texts, f"resident-{n}"


@needs_services
@pytest.mark.e2e
@pytest.mark.model
def test_dropped_database_connections_do_not_lose_a_message(
    cluster: Cluster, database: str
) -> None:
    sender = f"reconnect-{uuid.uuid4().hex[:6]}"
    _ask(cluster, 0, sender, '/set_town{"department":"west-hartford"}')
    assert drop_connections(database.rsplit("/", 1)[1]) > 0
    assert "860-523-5203" in _ask(cluster, 0, sender, "what's the non emergency number")
    assert len(_user_texts(database, sender)) == 2


@needs_services
@pytest.mark.e2e
@pytest.mark.model
def test_one_process_killed_the_other_carries_on(cluster: Cluster, database: str) -> None:
    """Keep last: it stops the second process."""
    sender = f"failover-{uuid.uuid4().hex[:6]}"
    _ask(cluster, 1, sender, '/set_town{"department":"danbury"}')
    cluster.second.kill()
    cluster.second.wait(timeout=30)
    assert "375 Main Street" in _ask(cluster, 0, sender, "where is the police station?")
    assert len(_user_texts(database, sender)) == 2


def test_purge_deletes_exactly_what_is_older_than_the_limit(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    store = stores.EnvTrackerStore()
    del store
    now = time.time()
    ages_in_days = [0, 1, 29.9, 30.1, 45, 400]
    with sqlite3.connect(tmp_path / "conversations.sqlite3") as db:
        for i, age in enumerate(ages_in_days):
            db.execute(
                "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?, ?, ?, ?)",
                (f"r{i}", "user", now - age * 86400, "{}"),
            )
    assert stores.purge(30, now=now) == 3
    with sqlite3.connect(tmp_path / "conversations.sqlite3") as db:
        kept = sorted(row[0] for row in db.execute("SELECT sender_id FROM events"))
    assert kept == ["r0", "r1", "r2"]


def test_the_default_sqlite_store_writes_ahead_and_keeps_what_it_saved(
    tmp_path: Path, monkeypatch
) -> None:
    """WAL with synchronous=NORMAL (no fsync per turn); a new store still reads every turn."""
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    store = stores.EnvTrackerStore()
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    tracker = DialogueStateTracker("resident", slots=[])
    for text in ("hi", "where is the station", "thanks"):
        tracker.update(UserUttered(text))
    asyncio.run(store.save(tracker))
    reopened = asyncio.run(stores.EnvTrackerStore().retrieve("resident"))
    assert [e.text for e in reopened.events if isinstance(e, UserUttered)] == [
        "hi",
        "where is the station",
        "thanks",
    ]
