"""Keeps the action server and every Rasa process running; what `make run` ends in.

    python -m bot.supervise --rasa-port 5005 [--rasa-port 5006 ...] --action-port 5055

One process dying must not take the others with it: urgent replies are domain responses that Rasa
gives with the action server down, so a crashed action server must cost service answers only, and
only until it is back. So each child is restarted when it exits, after a delay that doubles from
1 s to at most 30 s while it keeps failing (and is back to 1 s once it has stayed up a minute);
every exit and restart is logged to stderr with its exit code. SIGINT or SIGTERM stops every child
(SIGTERM, then SIGKILL after a grace period) and then the supervisor. Standard library only, so it
has nothing to fail on that the children don't.

With STAFF_TOKEN set it also runs the staff page (`python -m staff`, staff/app.py) on
127.0.0.1:$STAFF_PORT, as one more child: it only reads the conversations, so its restarts never
touch the assistant's.

It also writes the endpoints file Rasa gets: bot/endpoints.yml with the action server's address
and, when ACTION_SERVER_TOKEN is set, the `Authorization: Bearer ${ACTION_SERVER_TOKEN}` header
(Rasa expands the variable when it reads the file, and refuses an unset one, hence only then).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.util
import logging
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from bot.settings import settings
from staff import token_problem

ROOT = Path(__file__).resolve().parents[1]
TOKEN_ENV = "ACTION_SERVER_TOKEN"
TEMPLATE_ACTION_HOST = "localhost:5055"  # where bot/endpoints.yml says the action server is
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9._~+/=-]+")  # RFC 6750 b64token: no $, spaces or quotes
WILDCARDS = {"", "0.0.0.0", "::"}

logger = logging.getLogger("bot.supervise")


# --- the endpoints file ---------------------------------------------------------------------------
def action_url(interface: str, port: int) -> str:
    """Where Rasa reaches the action server: its interface, or loopback if it binds them all."""
    host = "127.0.0.1" if interface in WILDCARDS else interface
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address
    return f"http://{host}:{port}"


def endpoints_text(template: str, base_url: str, token: bool) -> str:
    """The endpoints file for Rasa: the action server at `base_url`, with the token header if asked.

    The header names the variable, not the secret, so the secret never reaches the disk.
    """
    if f"http://{TEMPLATE_ACTION_HOST}" not in template:
        raise ValueError(f"the endpoints file names no action server at {TEMPLATE_ACTION_HOST}")
    text = template.replace(f"http://{TEMPLATE_ACTION_HOST}", base_url)
    if not token:
        return text
    lines = text.splitlines(keepends=True)
    start = next(
        (i for i, line in enumerate(lines) if re.match(r"action_endpoint:\s*$", line)), None
    )
    if start is None:
        raise ValueError("no top-level `action_endpoint:` in the endpoints file")
    block = []
    for line in lines[start + 1 :]:
        if line.strip() and not line.startswith((" ", "\t", "#")):
            break  # the next top-level key
        block.append(line)
    indent = next(
        (
            re.match(r"\s*", line).group()
            for line in block
            if line.strip() and line.strip()[0] != "#"
        ),
        "  ",
    )
    if any(line.startswith(f"{indent}headers:") for line in block):
        raise ValueError("the action endpoint already has `headers:`; add the token there")
    header = f"{indent}headers:\n{indent * 2}Authorization: Bearer ${{{TOKEN_ENV}}}\n"
    return "".join([*lines[: start + 1], header, *lines[start + 1 :]])


def write_endpoints(path: Path, base_url: str, token: bool) -> Path:
    """Writes bot/endpoints.yml, adjusted by `endpoints_text`, to `path`."""
    template = (ROOT / "bot/endpoints.yml").read_text(encoding="utf-8")
    path.write_text(endpoints_text(template, base_url, token), encoding="utf-8")
    return path


# --- the supervisor -------------------------------------------------------------------------------
def _parent_death_signal() -> None:
    """In the child before exec (Linux): get SIGTERM if the supervisor dies, even by SIGKILL."""
    if _LIBC is not None:
        _LIBC.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _load_libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return None


_LIBC = _load_libc()


def describe(code: int) -> str:
    """`code 1`, or `code -9 (SIGKILL)` for a child killed by a signal."""
    if code < 0:
        try:
            return f"code {code} ({signal.Signals(-code).name})"
        except ValueError:
            pass
    return f"code {code}"


@dataclass
class Child:
    """One supervised command and its restart state."""

    name: str
    argv: list[str]
    process: subprocess.Popen | None = None
    started: float = 0.0
    failures: int = 0  # exits in a row without having stayed up `stable_after` seconds
    restart_at: float | None = None
    last_code: int | None = None
    restarts: int = 0


class Supervisor:
    """Starts the children, restarts any that exits, stops them all on SIGINT or SIGTERM."""

    def __init__(
        self,
        children: Sequence[Child],
        *,
        cwd: Path = ROOT,
        env: dict[str, str] | None = None,
        backoff_start: float = 1.0,
        backoff_cap: float = 30.0,
        stable_after: float = 60.0,
        grace: float = 15.0,
        tick: float = 0.2,
    ) -> None:
        self.children = list(children)
        self.cwd, self.env = cwd, env
        self.backoff_start, self.backoff_cap = backoff_start, backoff_cap
        self.stable_after, self.grace, self.tick = stable_after, grace, tick
        self.stop_signal: int | None = None
        self.hurry = False  # a second signal while stopping: SIGKILL now

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        if self.stop_signal is not None:
            self.hurry = True
        self.stop_signal = signum

    def start(self, child: Child) -> None:
        """Starts a child in its own process group, so a terminal's Ctrl-C reaches only us."""
        child.restart_at = None
        child.started = time.monotonic()
        try:
            child.process = subprocess.Popen(
                child.argv,
                cwd=self.cwd,
                env=self.env,
                start_new_session=True,
                preexec_fn=_parent_death_signal,  # safe: the supervisor has no threads
            )
        except OSError as error:
            logger.error("could not start %s: %s", child.name, error)
            child.process = None
            self._schedule_restart(child, code=127)
            return
        if child.last_code is None:
            logger.info("started %s (pid %d)", child.name, child.process.pid)
        else:
            child.restarts += 1
            logger.warning(
                "restarted %s (pid %d, restart %d; it had exited with %s)",
                child.name,
                child.process.pid,
                child.restarts,
                describe(child.last_code),
            )

    def _schedule_restart(self, child: Child, code: int) -> None:
        """Backoff: 1, 2, 4 … 30 s while it keeps failing; 1 s again after a stable run."""
        uptime = time.monotonic() - child.started
        if uptime >= self.stable_after:
            child.failures = 0
        delay = min(self.backoff_start * 2**child.failures, self.backoff_cap)
        child.failures += 1
        child.last_code = code
        child.restart_at = time.monotonic() + delay
        logger.warning(
            "%s exited with %s after %.1f s; restarting in %g s",
            child.name,
            describe(code),
            uptime,
            delay,
        )

    def _reap(self, child: Child) -> None:
        """Notices an exit, clears what the child left in its group, and plans the restart."""
        if child.process is None or (code := child.process.poll()) is None:
            return
        self._signal_group(child, signal.SIGKILL)  # e.g. workers of a child killed by SIGKILL
        child.process = None
        self._schedule_restart(child, code)

    @staticmethod
    def _signal_group(child: Child, signum: int) -> None:
        if child.process is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(child.process.pid, signum)

    def run(self) -> int:
        """Supervises until SIGINT or SIGTERM; then stops everything. Returns the exit status."""
        previous = {s: signal.signal(s, self._on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            for child in self.children:
                self.start(child)
            while self.stop_signal is None:
                now = time.monotonic()
                for child in self.children:
                    self._reap(child)
                    if child.restart_at is not None and now >= child.restart_at:
                        self.start(child)
                time.sleep(self.tick)
            logger.info("%s: stopping every child", signal.Signals(self.stop_signal).name)
        finally:
            self.stop_all()
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        return 0

    def stop_all(self) -> None:
        """SIGTERM to every child's group, SIGKILL to those still there after `grace` seconds."""
        running = [c for c in self.children if c.process is not None]
        for child in running:
            self._signal_group(child, signal.SIGTERM)
        deadline = time.monotonic() + self.grace
        while not self.hurry and time.monotonic() < deadline:
            if all(c.process.poll() is not None for c in running):
                break
            time.sleep(self.tick)
        for child in running:
            if child.process.poll() is None:
                logger.warning("%s did not stop within %g s: SIGKILL", child.name, self.grace)
            self._signal_group(child, signal.SIGKILL)  # also whatever it left in its group
            code = child.process.wait()
            logger.info("%s stopped (%s)", child.name, describe(code))
            child.process = None


# --- the assistant's processes --------------------------------------------------------------------
def assistant_children(
    rasa_ports: Sequence[int],
    action_port: int,
    action_interface: str,
    rasa_interface: str,
    endpoints: Path,
    model: Path,
    credentials: Path,
) -> list[Child]:
    """The action server and one Rasa process per port, started as scripts/run.sh always has."""
    python = sys.executable
    action = [python, "-m", "bot.action_server", "--interface", action_interface]
    children = [Child("actions", [*action, "--port", str(action_port)])]
    for port in rasa_ports:
        argv = [python, "-m", "bot.serve", "run", "--model", str(model)]
        argv += ["--endpoints", str(endpoints), "--credentials", str(credentials)]
        argv += ["--port", str(port), "--interface", rasa_interface, "--enable-api"]
        children.append(Child(f"rasa:{port}", argv))
    return children


def staff_child(port: int) -> Child:
    """The staff page (staff/app.py), which listens on 127.0.0.1 only."""
    return Child("staff", [sys.executable, "-m", "staff", "--port", str(port)])


def main(argv: list[str] | None = None) -> int:
    """Parses the options, writes the endpoints file and supervises until told to stop."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rasa-port", type=int, action="append", dest="rasa_ports")
    parser.add_argument("--rasa-interface", default=settings().rasa_interface)
    parser.add_argument("--action-port", type=int, default=settings().action_port)
    parser.add_argument("--action-interface", default=settings().action_interface)
    parser.add_argument("--staff-port", type=int, default=settings().staff_port)
    parser.add_argument("--model", type=Path, default=ROOT / "bot/models/assistant.tar.gz")
    parser.add_argument("--credentials", type=Path, default=ROOT / "bot/credentials.yml")
    parser.add_argument("--grace", type=float, default=15.0, help="seconds between TERM and KILL")
    args = parser.parse_args(argv)
    logging.basicConfig(
        stream=sys.stderr, level=logging.INFO, format="%(asctime)s supervise: %(message)s"
    )

    token = settings().action_server_token or ""
    if token and not TOKEN_PATTERN.fullmatch(token):
        logger.error("%s may hold only letters, digits and . _ ~ + / = -", TOKEN_ENV)
        return 2
    staff_token = settings().staff_token
    if staff_token and (problem := token_problem(staff_token)):
        logger.error("%s", problem)
        return 2
    if not args.model.exists():
        logger.error("no model at %s: run `make train`", args.model)
        return 2
    with tempfile.TemporaryDirectory(prefix="assistant-") as tmp:
        endpoints = write_endpoints(
            Path(tmp) / "endpoints.yml",
            action_url(args.action_interface, args.action_port),
            token=bool(token),
        )
        children = assistant_children(
            args.rasa_ports or [5005],
            args.action_port,
            args.action_interface,
            args.rasa_interface,
            endpoints,
            args.model,
            args.credentials,
        )
        if staff_token:
            children.append(staff_child(args.staff_port))
        return Supervisor(children, grace=args.grace).run()


if __name__ == "__main__":
    sys.exit(main())
