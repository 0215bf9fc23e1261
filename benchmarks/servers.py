"""The real servers on free localhost ports: the action server and Rasa, as `make run` starts them.

Used by the end-to-end tests (REST, SMS, the browser, two processes) and by `make bench`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import requests
from twilio.request_validator import RequestValidator

from bot.paths import MODEL, ROOT
from bot.supervise import TOKEN_ENV, action_url, write_endpoints

BIN = Path(sys.executable).parent
SMS_TOKEN = "e2e-test-token"
API_TOKEN = "e2e-api-token"  # Rasa's HTTP API (bot/api_guard.py)
REST_TOKEN = "e2e-rest-token"  # the REST channel (connectors/rest.py)
REST_HEADERS = {"Authorization": f"Bearer {REST_TOKEN}"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, seconds: float, ok=lambda r: True) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode} before answering {url}")
        try:
            reply = requests.get(url, timeout=2)
            if reply.status_code == 200 and ok(reply):
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    raise TimeoutError(f"{url} did not answer within {seconds} s")


def endpoints_for(tmp: Path, action_port: int, token: bool = False) -> Path:
    """bot/endpoints.yml with the action server on this test's port (and its token, if any)."""
    return write_endpoints(tmp / "endpoints.yml", action_url("127.0.0.1", action_port), token)


class Servers:
    def __init__(
        self,
        tmp: Path,
        extra_env: dict[str, str] | None = None,
        model: Path = MODEL,
        speedups: bool = True,
    ) -> None:
        self.model = model
        # bot.serve is `rasa run` with our speedups (what make run starts); plain `rasa` without.
        self.rasa_command = [sys.executable, "-m", "bot.serve"] if speedups else [str(BIN / "rasa")]
        self.action_port, self.rasa_port = free_port(), free_port()
        self.logs = tmp
        self.sms_url = f"http://127.0.0.1:{self.rasa_port}/webhooks/sms/webhook"
        self.env = {
            **os.environ,
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "RASA_TELEMETRY_ENABLED": "false",
            "TWILIO_AUTH_TOKEN": SMS_TOKEN,
            "SMS_PUBLIC_URL": self.sms_url,
            "SMS_NUMBERS": "+18605550100=west-hartford,+12035550100=danbury",
            "DATA_DIR": str(tmp / "data"),
            "RASA_AUTH_TOKEN": API_TOKEN,
            "REST_TOKEN": REST_TOKEN,
        }
        for name in ("DEFAULT_DEPARTMENT", "DATABASE_URL", "REDIS_URL"):
            self.env.pop(name, None)
        self.env.update(extra_env or {})
        # With ACTION_SERVER_TOKEN in the environment the action server requires it, so Rasa's
        # endpoints file must send it (as make run's does).
        self.endpoints = endpoints_for(tmp, self.action_port, bool(self.env.get(TOKEN_ENV)))
        self.actions = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bot.action_server",
                "--interface",
                "127.0.0.1",
                "--port",
                str(self.action_port),
            ],
            cwd=ROOT,
            env=self.env,
            stdout=(tmp / "actions.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        self.start_rasa()
        wait_until_up(f"http://127.0.0.1:{self.action_port}/health", self.actions, 120)

    def start_rasa(self, port: int | None = None) -> subprocess.Popen:
        """A Rasa process on `port` (default: this fixture's); waits until its model is loaded."""
        port = port or self.rasa_port
        process = subprocess.Popen(
            [
                *self.rasa_command,
                "run",
                "--model",
                str(self.model),
                "--enable-api",
                "--port",
                str(port),
                "--interface",
                "127.0.0.1",
                "--credentials",
                "bot/credentials.yml",
                "--endpoints",
                str(self.endpoints),
            ],
            cwd=ROOT,
            env=self.env,
            stdout=(self.logs / f"rasa-{port}.log").open("a"),
            stderr=subprocess.STDOUT,
        )
        wait_until_up(
            f"http://127.0.0.1:{port}/status",
            process,
            300,
            ok=lambda r: bool(r.json().get("model_id")),
        )
        if port == self.rasa_port:
            self.rasa = process
        return process

    def restart_rasa(self) -> None:
        self.rasa.terminate()
        self.rasa.wait(timeout=60)
        self.start_rasa()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def say(
        self,
        message,
        department: str | None = None,
        sender: str | None = None,
        language: str | None = None,
    ):
        body = {"sender": sender or uuid.uuid4().hex, "message": message}
        metadata = {"department": department, "language": language}
        if department or language:
            body["metadata"] = {k: v for k, v in metadata.items() if v}
        return requests.post(
            f"{self.base}/webhooks/rest/webhook", json=body, headers=REST_HEADERS, timeout=60
        )

    def text(self, body: str, to: str, sender: str = "+18605559876") -> str | None:
        """A signed Twilio webhook; the text of the TwiML reply's <Message>."""
        params = {"From": sender, "To": to, "Body": body, "MessageSid": uuid.uuid4().hex}
        signature = RequestValidator(SMS_TOKEN).compute_signature(self.sms_url, params)
        reply = requests.post(
            self.sms_url, data=params, headers={"X-Twilio-Signature": signature}, timeout=30
        )
        assert reply.status_code == 200, reply.text
        message = ET.fromstring(reply.content).find("Message")
        return None if message is None else message.text

    def stop_actions(self) -> None:
        if self.actions.poll() is None:
            self.actions.send_signal(signal.SIGTERM)
            self.actions.wait(timeout=30)

    def close(self) -> None:
        for proc in (self.rasa, self.actions):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()


# --- several Rasa processes on PostgreSQL and Redis (make run-cluster) ----------------------------
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
REDIS = "redis://127.0.0.1:6379/0"


def services_reachable() -> bool:
    """PostgreSQL (5432) and Redis (6379) answer on localhost."""
    for port in (5432, 6379):
        with socket.socket() as sock:
            sock.settimeout(1)
            if sock.connect_ex(("127.0.0.1", port)) != 0:
                return False
    return True


@contextlib.contextmanager
def scratch_database(prefix: str) -> Iterator[str]:
    """A fresh PostgreSQL database's URL, dropped afterwards."""
    import psycopg2

    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(PG_ADMIN)
    admin.autocommit = True
    admin.cursor().execute(f"CREATE DATABASE {name}")
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        drop_connections(name)
        admin.cursor().execute(f"DROP DATABASE IF EXISTS {name}")
        admin.close()


def drop_connections(database_name: str) -> int:
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

    def __init__(self, tmp: Path, database_url: str, **options: Any) -> None:
        super().__init__(
            tmp, extra_env={"DATABASE_URL": database_url, "REDIS_URL": REDIS}, **options
        )
        self.second_port = free_port()
        self.second = self.start_rasa(self.second_port)

    def url(self, which: int) -> str:
        port = (self.rasa_port, self.second_port)[which]
        return f"http://127.0.0.1:{port}/webhooks/rest/webhook"

    @property
    def bases(self) -> list[str]:
        return [f"http://127.0.0.1:{p}" for p in (self.rasa_port, self.second_port)]

    def close(self) -> None:
        if self.second.poll() is None:
            self.second.terminate()
            self.second.wait(timeout=30)
        super().close()
