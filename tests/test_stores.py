"""Where conversations are kept: the DATABASE_URL a town gives is used as given."""

from __future__ import annotations

import pytest

from benchmarks.servers import services_reachable
from bot.stores import EnvTrackerStore, database_settings

URL = "postgresql://postgres@127.0.0.1:5432/postgres?application_name=assistant-test"


def test_the_query_string_is_kept(monkeypatch) -> None:
    """?sslmode=require (managed PostgreSQL needs it) must reach the connection."""
    monkeypatch.setenv("DATABASE_URL", "postgresql://u:p@db.example:5432/rasa?sslmode=require")
    assert database_settings()["query"] == {"sslmode": "require"}


@pytest.mark.skipif(not services_reachable(), reason="needs the local PostgreSQL")
def test_the_store_connects_with_the_url_and_rasas_pool_settings(monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", URL)
    monkeypatch.setenv("SQL_POOL_SIZE", "7")
    store = EnvTrackerStore()
    try:
        assert store.engine.url.query == {"application_name": "assistant-test"}
        assert store.engine.pool.size() == 7
        with store.engine.connect() as connection:
            name = connection.exec_driver_sql("SHOW application_name").scalar()
        assert name == "assistant-test"
    finally:
        store.engine.dispose()
