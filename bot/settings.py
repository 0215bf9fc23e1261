"""Every setting the assistant reads from the environment, in one place.

Secrets come from here and never from the repository. Read through `settings()`, which reads the
environment each time it is called (cheap; tests and processes may set variables before calling).
The README's table of variables is checked against this class by tests/test_settings.py.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseSettings, Field


class Settings(BaseSettings):
    """The environment variables, with their defaults (README, "Settings")."""

    # where things are
    data_dir: Path = Field(
        Path("data"), env="DATA_DIR", description="SQLite files, SMS state, the API token"
    )
    knowledge_dir: Path | None = Field(
        None, env="KNOWLEDGE_DIR", description="the towns' knowledge files (default bot/knowledge)"
    )
    database_url: str | None = Field(
        None, env="DATABASE_URL", description="PostgreSQL for conversations"
    )
    redis_url: str | None = Field(None, env="REDIS_URL", description="Redis for conversation locks")
    # read by Rasa itself (rasa/core/tracker_store.py), kept by bot/stores.py
    sql_pool_size: int | None = Field(
        None, env="SQL_POOL_SIZE", description="PostgreSQL pool size (Rasa's default 50)"
    )
    sql_max_overflow: int | None = Field(
        None, env="SQL_MAX_OVERFLOW", description="PostgreSQL pool overflow (Rasa's default 100)"
    )
    postgresql_schema: str | None = Field(
        None, env="POSTGRESQL_SCHEMA", description="PostgreSQL schema for the conversations"
    )
    sqlite_sync: str | None = Field(
        None, env="SQLITE_SYNC", description="`full` for SQLite's full fsync"
    )
    # the towns
    default_department: str | None = Field(
        None, env="DEFAULT_DEPARTMENT", description="the town of messages that name none"
    )
    # the servers
    rasa_interface: str = Field(
        "127.0.0.1", env="RASA_INTERFACE", description="Rasa's listening address"
    )
    rasa_port: int = Field(5005, env="RASA_PORT", description="Rasa's port")
    rasa_ports: str = Field(
        "", env="RASA_PORTS", description="several Rasa processes, e.g. `5005 5006` (run-cluster)"
    )
    action_interface: str = Field(
        "127.0.0.1", env="ACTION_INTERFACE", description="the action server's address"
    )
    action_port: int = Field(5055, env="ACTION_PORT", description="the action server's port")
    staff_port: int = Field(
        5077, env="STAFF_PORT", description="the staff page's port (always on 127.0.0.1)"
    )
    # secrets
    rasa_auth_token: str | None = Field(
        None, env="RASA_AUTH_TOKEN", description="Rasa's HTTP API token (generated if unset)"
    )
    action_server_token: str | None = Field(
        None, env="ACTION_SERVER_TOKEN", description="Rasa's token for the action server"
    )
    rest_token: str | None = Field(
        None, env="REST_TOKEN", description="bearer token the REST channel requires"
    )
    staff_token: str | None = Field(
        None, env="STAFF_TOKEN", description="the staff page's token (the page is off without it)"
    )
    twilio_auth_token: str | None = Field(
        None, env="TWILIO_AUTH_TOKEN", description="verifies Twilio's signatures"
    )
    public_origins: str = Field(
        "",
        env="PUBLIC_ORIGINS",
        description="this server's own origins (its demo pages), e.g. `https://bot.town.gov`",
    )
    # SMS
    sms_public_url: str | None = Field(
        None, env="SMS_PUBLIC_URL", description="the URL Twilio calls"
    )
    sms_numbers: str = Field("", env="SMS_NUMBERS", description="`+1...=town-id,...`")

    class Config:
        case_sensitive = True


def settings() -> Settings:
    return Settings()
