"""`make bench`: how fast and light the assistant is, beside Rasa's defaults and a bare server.

In one session, on this machine, against real servers on localhost:
1. our model (bot/models/assistant.tar.gz): time from start to the first answer, then the load
   generator (benchmarks/load.py) through the REST channel at N = 1, 10 and 50 conversations at
   once, then /model/parse alone (the NLU's share), and the peak memory of both servers;
2. the baseline (bot/models/baseline.tar.gz, Rasa's default pipeline and policies on our data),
   the same way;
3. a trivial sanic endpoint (benchmarks/floor.py), the floor for a Python web server here.
It writes reports/bench.md with the machine's CPU and core count. Any wrong or failed answer
makes it exit 1. `--smoke` is a seconds-long run of every step (what `make test` runs).

    python -m benchmarks.bench [--smoke] [--out reports/bench.md]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.load import Result, run
from benchmarks.servers import (
    REDIS,
    ROOT,
    Cluster,
    Servers,
    free_port,
    scratch_database,
    services_reachable,
    wait_until_up,
)

OURS, BASELINE = ROOT / "bot/models/assistant.tar.gz", ROOT / "bot/models/baseline.tar.gz"


@dataclass(frozen=True)
class Config:
    """A model and how its server is started."""

    model: Path
    speedups: bool  # bot.serve (our speedups) or plain `rasa run`
    env: tuple[tuple[str, str], ...] = ()
    processes: int = 0  # 0: one process on SQLite; 1 or 2: on PostgreSQL and Redis


CONFIGS = {
    "ours": Config(OURS, speedups=True),
    # The same model before "make it fast": plain `rasa run`, SQLite flushing every turn.
    "ours before tuning": Config(OURS, speedups=False, env=(("SQLITE_SYNC", "full"),)),
    "baseline": Config(BASELINE, speedups=False),
    # Scaling out (make run-cluster): one and two Rasa processes sharing PostgreSQL and Redis.
    "ours, 1 process, PostgreSQL + Redis": Config(OURS, speedups=True, processes=1),
    "ours, 2 processes, PostgreSQL + Redis": Config(OURS, speedups=True, processes=2),
}
SCALE_OUT = ("ours, 1 process, PostgreSQL + Redis", "ours, 2 processes, PostgreSQL + Redis")
FIRST_QUESTION = "how do I get a copy of a police report?"


@dataclass(frozen=True)
class Plan:
    """(conversations at once, messages in all) for each kind of run."""

    rest: tuple[tuple[int, int], ...]
    parse: tuple[tuple[int, int], ...]
    floor: tuple[tuple[int, int], ...]
    configs: tuple[str, ...]


FULL = Plan(
    rest=((1, 60), (10, 300), (50, 600)),
    parse=((1, 100), (10, 300)),
    floor=((1, 300), (10, 1000), (50, 1000)),
    configs=("ours", "ours before tuning", "baseline", *SCALE_OUT),
)
SMOKE = Plan(rest=((1, 6), (2, 8)), parse=((1, 5),), floor=((2, 20),), configs=("ours",))


@dataclass
class Measured:
    """One configuration's figures."""

    ready_s: float  # start until the model is loaded and both servers answer health checks
    first_answer_s: float  # start until the first answer to a resident
    first_latency_ms: float  # that first message alone
    runs: dict[str, Result]
    rasa_peak_mb: float
    actions_peak_mb: float


# --- the machine and the models -------------------------------------------------------------------
def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return (
        f"{cpu}, {os.cpu_count()} cores, {mem_kb / 1024 / 1024:.0f} GiB RAM; "
        f"Linux {platform.release()}; Python {platform.python_version()}"
    )


def peak_mb(pid: int) -> float:
    """The process's peak resident memory (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def training_seconds(model: Path) -> str:
    info = model.with_suffix("").with_suffix(".json")
    if not info.exists():
        return "not recorded"
    return f"{json.loads(info.read_text())['seconds']:.0f} s"


# --- measuring ------------------------------------------------------------------------------------
def start(config: Config, tmp: Path, stack: contextlib.ExitStack) -> tuple[Servers, list[str]]:
    """The servers for a configuration, and the base URLs to spread the load over."""
    options: dict = {"model": config.model, "speedups": config.speedups}
    if not config.processes:
        servers = Servers(tmp, extra_env=dict(config.env), **options)
        return servers, [servers.base]
    url = stack.enter_context(scratch_database("bench"))
    if config.processes == 1:
        env = {"DATABASE_URL": url, "REDIS_URL": REDIS, **dict(config.env)}
        servers = Servers(tmp, extra_env=env, **options)
        return servers, [servers.base]
    cluster = Cluster(tmp, url, **options)
    return cluster, cluster.bases


def measure(config: Config, plan: Plan, tmp: Path, parse: bool) -> Measured:
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        servers, bases = start(config, tmp, stack)
        stack.callback(servers.close)
        ready = time.monotonic() - started
        asked = time.monotonic()
        reply = servers.say(FIRST_QUESTION, "west-hartford")
        first_latency = time.monotonic() - asked
        if reply.status_code != 200 or not reply.json():
            raise RuntimeError(f"no first answer: {reply.status_code} {reply.text[:200]}")
        first_answer = time.monotonic() - started
        runs: dict[str, Result] = {}
        loads = plan.rest if not config.processes else plan.rest[1:]  # scale-out: 10 and 50
        for n, messages in loads:
            runs[f"rest {n}"] = asyncio.run(run(bases, "rest", n, messages))
        for n, messages in plan.parse if parse else ():
            runs[f"parse {n}"] = asyncio.run(run(bases, "parse", n, messages))
        rasa = [servers.rasa.pid] + ([servers.second.pid] if isinstance(servers, Cluster) else [])
        return Measured(
            ready,
            first_answer,
            1000 * first_latency,
            runs,
            sum(peak_mb(pid) for pid in rasa),
            peak_mb(servers.actions.pid),
        )


def measure_floor(plan: Plan) -> tuple[dict[str, Result], float]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.floor", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/health", process, 60)
        base = f"http://127.0.0.1:{port}"
        runs = {
            f"floor {n}": asyncio.run(run([base], "floor", n, messages))
            for n, messages in plan.floor
        }
        return runs, peak_mb(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)


# --- the report -----------------------------------------------------------------------------------
def _ms(value: float) -> str:
    return f"{value:.0f}"


def run_rows(name: str, runs: dict[str, Result]) -> list[str]:
    rows = []
    for key, result in runs.items():
        kind, n = key.split()
        p50, p95, p99 = result.percentiles()
        service = "/".join(_ms(v) for v in result.percentiles("service"))
        urgent = "/".join(_ms(v) for v in result.percentiles("urgent"))
        rows.append(
            f"| {name} | {kind} | {n} | {result.count} | {result.throughput:.1f} | {_ms(p50)} | "
            f"{_ms(p95)} | {_ms(p99)} | {service} | {urgent} | {len(result.errors)} |"
        )
    return rows


def side_by_side(names: tuple[str, str], first: Measured, second: Measured) -> list[str]:
    """A Markdown table of the REST runs both measured, with the throughput ratio."""
    a, b = names
    lines = [
        f"| through REST | {a}: msg/s | {a}: p50/p95/p99 | {b}: msg/s | {b}: p50/p95/p99 "
        f"| {b} / {a} throughput |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for key, one in first.runs.items():
        if not key.startswith("rest") or key not in second.runs:
            continue
        two = second.runs[key]
        lines.append(
            f"| {key.split()[1]} at once | {one.throughput:.1f} | "
            + "/".join(_ms(v) for v in one.percentiles())
            + f" | {two.throughput:.1f} | "
            + "/".join(_ms(v) for v in two.percentiles())
            + f" | {ratio(two.throughput, one.throughput)} |"
        )
    return lines


def ratio(ours: float, base: float) -> str:
    return f"{ours / base:.2f}×" if base else "n/a"


def report(
    plan: Plan, measured: dict[str, Measured], floor: dict[str, Result], floor_mb: float
) -> str:
    lines = [
        "# Benchmarks",
        "",
        f"Machine: {machine()}.",
        f"Run: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, command "
        f"`{'make test (smoke)' if plan is SMOKE else 'make bench'}`. Servers and the load "
        "generator share this machine's cores, so the figures are conservative. Latencies in ms; "
        "service and urgent columns are p50/p95/p99. A message counts as an error if the reply "
        "is not 200, is empty, or (urgent) does not start with 911 or 988.",
    ]
    ours = measured["ours"]
    if "baseline" in measured:
        base = measured["baseline"]
        key = "rest 10"
        lines += [
            "",
            "## Ours against the baseline (same data, Rasa's default pipeline and policies)",
            "",
            "| figure | ours | baseline | ours / baseline |",
            "| --- | --- | --- | --- |",
        ]
        for label, pick, unit in (
            ("p50 latency, 10 at once", lambda m: m.runs[key].percentiles()[0], " ms"),
            ("p99 latency, 10 at once", lambda m: m.runs[key].percentiles()[2], " ms"),
            ("throughput, 10 at once", lambda m: m.runs[key].throughput, " msg/s"),
            ("throughput, 50 at once", lambda m: m.runs["rest 50"].throughput, " msg/s"),
            (
                "NLU alone, p50 (/model/parse, 1 at once)",
                lambda m: m.runs["parse 1"].percentiles()[0],
                " ms",
            ),
            ("Rasa server peak memory", lambda m: m.rasa_peak_mb, " MB"),
            ("time from start to first answer", lambda m: m.first_answer_s, " s"),
            ("first message's latency", lambda m: m.first_latency_ms, " ms"),
        ):
            a, b = pick(ours), pick(base)
            lines.append(f"| {label} | {a:.1f}{unit} | {b:.1f}{unit} | {ratio(a, b)} |")
    if "ours before tuning" in measured:
        lines += [
            "",
            "## Making it fast: the same model before and after tuning",
            "",
            "Before: plain `rasa run`, SQLite flushing every turn to disk. After: `bot.serve` "
            "(Rasa's action-response schema built once, not per answer) and SQLite in WAL mode.",
            "",
            *side_by_side(("before", "after"), measured["ours before tuning"], ours),
        ]
    if all(name in measured for name in SCALE_OUT):
        lines += [
            "",
            "## Scaling out: two Rasa processes sharing PostgreSQL and Redis (make run-cluster)",
            "",
            *side_by_side(("1 process", "2 processes"), *(measured[name] for name in SCALE_OUT)),
        ]
    lines += [
        "",
        "## Through the REST channel, end to end, and /model/parse alone",
        "",
        "| config | run | at once | messages | msg/s | p50 | p95 | p99 | service | urgent "
        "| errors |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, m in measured.items():
        lines += run_rows(name, m.runs)
    lines += run_rows("trivial sanic endpoint", floor)
    lines += [
        "",
        "## Start-up and footprint",
        "",
        "| config | model size | training time | ready | first answer | first message | "
        "Rasa peak memory | action server peak memory |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, m in measured.items():
        model = CONFIGS[name].model
        lines.append(
            f"| {name} | {model.stat().st_size / 1e6:.1f} MB | {training_seconds(model)} | "
            f"{m.ready_s:.1f} s | {m.first_answer_s:.1f} s | {m.first_latency_ms:.0f} ms | "
            f"{m.rasa_peak_mb:.0f} MB | {m.actions_peak_mb:.0f} MB |"
        )
    lines.append(f"| trivial sanic endpoint | | | | | | {floor_mb:.0f} MB | |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="seconds-long run of every step")
    parser.add_argument("--out", type=Path, default=ROOT / "reports/bench.md")
    args = parser.parse_args()
    plan = SMOKE if args.smoke else FULL
    missing = [str(CONFIGS[c].model) for c in plan.configs if not CONFIGS[c].model.exists()]
    if missing:
        print(f"missing models: {missing} (make bench trains them)", file=sys.stderr)
        return 2
    measured: dict[str, Measured] = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for name in plan.configs:
            print(f"bench: {name} ...", flush=True)
            folder = Path(tmp) / name
            folder.mkdir()
            if CONFIGS[name].processes and not services_reachable():
                print(f"bench: {name} skipped: PostgreSQL and Redis are not running", flush=True)
                continue
            # /model/parse alone depends on the model only: measured once per model.
            parse = name in ("ours", "baseline")
            measured[name] = measure(CONFIGS[name], plan, folder, parse)
    print("bench: trivial sanic endpoint ...", flush=True)
    floor, floor_mb = measure_floor(plan)
    text = report(plan, measured, floor, floor_mb)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text)
    print(text)
    errors = [e for m in measured.values() for r in m.runs.values() for e in r.errors]
    errors += [e for r in floor.values() for e in r.errors]
    for error in errors[:20]:
        print("error:", error, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
