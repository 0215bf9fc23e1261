"""Durable conversations: two Rasa processes sharing PostgreSQL and Redis, and retention.

Needs PostgreSQL and Redis on localhost (the project's machines have both); skipped, with the
reason, where they are absent.
"""

from __future__ import annotations

import socket
import sqlite3
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from bot import stores
from tests.conftest import MODEL
from tests.servers import Servers, free_port

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
REDIS = "redis://127.0.0.1:6379/0"


def _reachable(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


needs_services = pytest.mark.skipif(
    not (_reachable(5432) and _reachable(6379)),
    reason="PostgreSQL (5432) and Redis (6379) are not running on localhost",
)


@pytest.fixture(scope="module")
def database() -> Iterator[str]:
    """A fresh PostgreSQL database for this module, dropped afterwards."""
    import psycopg2

    name = f"assistant_test_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(PG_ADMIN)
    admin.autocommit = True
    admin.cursor().execute(f"CREATE DATABASE {name}")
    yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    _drop_connections(name)
    admin.cursor().execute(f"DROP DATABASE IF EXISTS {name}")
    admin.close()


def _drop_connections(database_name: str) -> int:
    """Terminate every connection to the database, as a database restart would."""
    import psycopg2

    with psycopg2.connect(PG_ADMIN) as admin, admin.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (database_name,),
        )
        return cursor.fetchone()[0]


class Cluster(Servers):
    """The action server and two Rasa processes, on PostgreSQL and Redis."""

    def __init__(self, tmp: Path, database_url: str) -> None:
        super().__init__(tmp, extra_env={"DATABASE_URL": database_url, "REDIS_URL": REDIS})
        self.second_port = free_port()
        self.second = self.start_rasa(self.second_port)

    def url(self, which: int) -> str:
        port = (self.rasa_port, self.second_port)[which]
        return f"http://127.0.0.1:{port}/webhooks/rest/webhook"

    def close(self) -> None:
        if self.second.poll() is None:
            self.second.terminate()
            self.second.wait(timeout=30)
        super().close()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, database: str) -> Iterator[Cluster]:
    if not MODEL.exists():
        pytest.fail("no trained model: run `make train`")
    running = Cluster(tmp_path_factory.mktemp("cluster"), database)
    yield running
    running.close()


def _ask(cluster: Cluster, which: int, sender: str, text: str) -> str:
    reply = requests.post(cluster.url(which), json={"sender": sender, "message": text}, timeout=60)
    assert reply.status_code == 200 and reply.json(), (sender, text, reply.text)
    return " ".join(m.get("text", "") for m in reply.json())


def _user_texts(database: str, sender: str) -> list[str]:
    import psycopg2

    with psycopg2.connect(database) as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT data::json->>'text' FROM events WHERE sender_id = %s AND type_name = 'user' "
            "ORDER BY id",
            (sender,),
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
    assert _drop_connections(database.rsplit("/", 1)[1]) > 0
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
