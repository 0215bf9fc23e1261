"""The real servers for end-to-end tests: the action server and Rasa on free localhost ports.

Used by test_e2e (REST and SMS), test_widget (the browser) and test_scale_out (two processes).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import requests
from twilio.request_validator import RequestValidator

from tests.conftest import MODEL, ROOT

BIN = Path(sys.executable).parent
SMS_TOKEN = "e2e-test-token"


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


def endpoints_for(tmp: Path, action_port: int) -> Path:
    """bot/endpoints.yml with the action server on this test's port."""
    path = tmp / "endpoints.yml"
    text = (ROOT / "bot/endpoints.yml").read_text()
    path.write_text(text.replace("localhost:5055", f"127.0.0.1:{action_port}"))
    return path


class Servers:
    def __init__(self, tmp: Path, extra_env: dict[str, str] | None = None) -> None:
        self.action_port, self.rasa_port = free_port(), free_port()
        self.logs = tmp
        self.endpoints = endpoints_for(tmp, self.action_port)
        self.sms_url = f"http://127.0.0.1:{self.rasa_port}/webhooks/sms/webhook"
        self.env = {
            **os.environ,
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "RASA_TELEMETRY_ENABLED": "false",
            "TWILIO_AUTH_TOKEN": SMS_TOKEN,
            "SMS_PUBLIC_URL": self.sms_url,
            "SMS_NUMBERS": "+18605550100=west-hartford,+12035550100=danbury",
            "DATA_DIR": str(tmp / "data"),
        }
        for name in ("DEFAULT_DEPARTMENT", "DATABASE_URL", "REDIS_URL"):
            self.env.pop(name, None)
        self.env.update(extra_env or {})
        self.actions = subprocess.Popen(
            [
                str(BIN / "rasa"),
                "run",
                "actions",
                "--actions",
                "bot.actions",
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
                str(BIN / "rasa"),
                "run",
                "--model",
                str(MODEL),
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

    def say(self, message, department: str | None = None, sender: str | None = None):
        body = {"sender": sender or uuid.uuid4().hex, "message": message}
        if department:
            body["metadata"] = {"department": department}
        return requests.post(f"{self.base}/webhooks/rest/webhook", json=body, timeout=60)

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
