"""The supervisor (`make run`): one process dying never stops the others, and comes back.

One supervisor for the whole module, started by scripts/run.sh as `make run` does, on free ports
with ACTION_SERVER_TOKEN set (Rasa loads once, and once more after it is killed: about 3 minutes).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from benchmarks.servers import free_port
from bot.supervise import TOKEN_ENV, Child, Supervisor, endpoints_text
from tests.conftest import MODEL, ROOT

pytestmark = [pytest.mark.e2e, pytest.mark.model]

RASA_LOAD_SECONDS = 240


@dataclass
class Running:
    process: subprocess.Popen
    log: Path
    rasa_port: int
    action_port: int
    token: str

    @property
    def rasa(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def actions(self) -> str:
        return f"http://127.0.0.1:{self.action_port}"

    def children(self) -> dict[int, str]:
        """The supervisor's child processes: pid → command line."""
        found = {}
        for task in Path(f"/proc/{self.process.pid}/task").iterdir():
            for pid in (task / "children").read_text().split():
                with contextlib.suppress(FileNotFoundError):  # gone meanwhile
                    cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
                    found[int(pid)] = cmdline.decode(errors="replace")  # "" for a zombie
        return found

    def child(self, module: str) -> int | None:
        """The pid of the child running `python -m <module>`; None between exit and restart."""
        pids = [pid for pid, cmd in self.children().items() if f"-m {module} " in cmd]
        assert len(pids) <= 1, self.children()
        return pids[0] if pids else None

    def say(self, message: str, department: str) -> list[str]:
        body = {
            "sender": uuid.uuid4().hex,
            "message": message,
            "metadata": {"department": department},
        }
        reply = requests.post(f"{self.rasa}/webhooks/rest/webhook", json=body, timeout=30)
        assert reply.status_code == 200, reply.text
        return [m["text"] for m in reply.json() if m.get("text")]


def _wait(what: str, check: Callable[[], bool], seconds: float, running: Running) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert running.process.poll() is None, f"the supervisor exited: {running.log.read_text()}"
        try:
            if check():
                return
        except (requests.RequestException, OSError):
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{what} not within {seconds} s; log:\n{running.log.read_text()[-5000:]}")


def _rasa_loaded(running: Running) -> bool:
    reply = requests.get(f"{running.rasa}/status", timeout=5)
    return reply.status_code == 200 and bool(reply.json().get("model_id"))


def _actions_healthy(running: Running) -> bool:
    return requests.get(f"{running.actions}/health", timeout=5).status_code == 200


@pytest.fixture(scope="module")
def running(tmp_path_factory) -> Iterator[Running]:
    if not MODEL.exists():
        pytest.fail("no trained model: run `make train`")
    tmp = tmp_path_factory.mktemp("supervise")
    rasa_port, action_port = free_port(), free_port()
    token = secrets.token_urlsafe(24)
    env = {
        **os.environ,
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "RASA_TELEMETRY_ENABLED": "false",
        "DATA_DIR": str(tmp / "data"),
        "RASA_PORTS": str(rasa_port),
        "ACTION_PORT": str(action_port),
        TOKEN_ENV: token,
    }
    for name in ("DEFAULT_DEPARTMENT", "DATABASE_URL", "REDIS_URL", "RASA_AUTH_TOKEN"):
        env.pop(name, None)
    for name in ("RASA_INTERFACE", "ACTION_INTERFACE"):
        env.pop(name, None)  # the defaults: 127.0.0.1
    log = tmp / "run.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            ["bash", "scripts/run.sh"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    running = Running(process, log, rasa_port, action_port, token)
    try:
        _wait("Rasa", lambda: _rasa_loaded(running), RASA_LOAD_SECONDS, running)
        _wait("the action server", lambda: _actions_healthy(running), 60, running)
        yield running
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()


def test_endpoints_file_has_the_token_header_only_when_a_token_is_set(
    monkeypatch, tmp_path: Path
) -> None:
    """Rasa refuses an unset ${VAR} in its endpoints file, so the header is added only with one."""
    from rasa.utils.endpoints import read_endpoint_config

    template = (ROOT / "bot/endpoints.yml").read_text()
    path = tmp_path / "endpoints.yml"
    monkeypatch.setenv(TOKEN_ENV, "abc.123")
    path.write_text(endpoints_text(template, "http://127.0.0.1:6000", token=True))
    endpoint = read_endpoint_config(str(path), "action_endpoint")
    assert endpoint.url == "http://127.0.0.1:6000/webhook"
    assert endpoint.headers == {"Authorization": "Bearer abc.123"}
    assert "abc.123" not in path.read_text()  # the secret stays in the environment

    monkeypatch.delenv(TOKEN_ENV)
    path.write_text(endpoints_text(template, "http://127.0.0.1:6000", token=False))
    assert read_endpoint_config(str(path), "action_endpoint").headers == {}


FAILING_CHILD = """
import os, signal, sys
from pathlib import Path
runs = Path(sys.argv[1])
n = len(runs.read_text()) + 1 if runs.exists() else 1
runs.write_text("x" * n)
if n == 4:
    os.kill(os.getppid(), signal.SIGTERM)  # enough: stop the supervisor
sys.exit(3)
"""


def test_a_failing_child_is_restarted_with_backoff_and_the_others_keep_running(
    tmp_path: Path, caplog
) -> None:
    caplog.set_level(logging.INFO, logger="bot.supervise")
    failing = Child("failing", [sys.executable, "-c", FAILING_CHILD, str(tmp_path / "runs")])
    steady = Child("steady", [sys.executable, "-c", "import time; time.sleep(120)"])
    supervisor = Supervisor(
        [failing, steady], backoff_start=0.1, backoff_cap=0.4, grace=5, tick=0.02
    )
    steady_pid: list[int] = []
    original_start = supervisor.start

    def start(child: Child) -> None:
        original_start(child)
        if child is steady:
            steady_pid.append(child.process.pid)

    supervisor.start = start  # type: ignore[method-assign]
    assert supervisor.run() == 0

    assert (tmp_path / "runs").read_text() == "xxxx"
    delays = re.findall(
        r"failing exited with code 3 after [\d.]+ s; restarting in ([\d.]+) s", caplog.text
    )
    assert delays[:3] == ["0.1", "0.2", "0.4"]
    assert len(steady_pid) == 1 and "steady exited" not in caplog.text  # never stopped meanwhile
    assert "steady stopped (code -15 (SIGTERM))" in caplog.text
    with pytest.raises(ProcessLookupError):
        os.kill(steady_pid[0], 0)


def test_action_server_listens_on_loopback_only(running: Running) -> None:
    assert _actions_healthy(running)
    addresses = subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout.split()
    addresses = [a for a in addresses if not a.startswith(("127.", "fe80:")) and a != "::1"]
    if not addresses:
        pytest.skip("this machine has no non-loopback address")
    for address in addresses:
        with pytest.raises(OSError):
            socket.create_connection((address, running.action_port), timeout=3).close()


def test_action_server_refuses_requests_without_the_token(running: Running) -> None:
    body = {"next_action": "action_answer", "tracker": {"sender_id": "x"}, "domain": {}}
    url = f"{running.actions}/webhook"
    assert requests.post(url, json=body, timeout=10).status_code == 401
    wrong = {"Authorization": f"Bearer {running.token}x"}
    assert requests.post(url, json=body, headers=wrong, timeout=10).status_code == 401
    right = {"Authorization": f"Bearer {running.token}"}
    unknown = {**body, "next_action": "action_no_such_thing"}
    assert requests.post(url, json=unknown, headers=right, timeout=10).status_code == 404
    # Rasa sends the token: service answers (from the action server) still come.
    assert any(
        "375 Main Street" in t for t in running.say("where is the police station", "danbury")
    )


def test_killed_action_server_urgent_replies_go_on_and_it_comes_back(running: Running) -> None:
    old = running.child("bot.action_server")
    assert old is not None
    os.kill(old, signal.SIGKILL)
    killed = time.monotonic()
    assert running.say("my house is on fire", "danbury")[0].startswith("Call 911")
    assert time.monotonic() - killed < 10

    _wait(
        "a new action server",
        lambda: running.child("bot.action_server") not in (None, old) and _actions_healthy(running),
        60,
        running,
    )
    texts = running.say("where is the police station", "danbury")
    assert any("375 Main Street" in t for t in texts), texts
    log = running.log.read_text()
    assert "actions exited with code -9 (SIGKILL)" in log and "restarted actions" in log


def test_killed_rasa_is_restarted(running: Running) -> None:
    old = running.child("bot.serve")
    assert old is not None
    os.kill(old, signal.SIGKILL)
    _wait("a new Rasa process", lambda: running.child("bot.serve") not in (None, old), 30, running)
    _wait("Rasa to load again", lambda: _rasa_loaded(running), RASA_LOAD_SECONDS, running)
    assert running.say("my house is on fire", "danbury")[0].startswith("Call 911")
    log = running.log.read_text()
    assert f"rasa:{running.rasa_port} exited with code -9 (SIGKILL)" in log


def test_sigterm_stops_every_child(running: Running) -> None:
    children = running.children()
    assert len(children) == 2, children
    running.process.send_signal(signal.SIGTERM)
    assert running.process.wait(timeout=60) == 0
    for pid in children:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    for port in (running.rasa_port, running.action_port):
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=3).close()
