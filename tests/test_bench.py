"""`make bench` in its smoke mode (every step, a few messages each) and the load generator's
arithmetic. Timings are never asserted: the benchmark reports them (reports/bench.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.load import Result, conversation, message_pool
from tests.conftest import ROOT


def test_percentiles_are_nearest_rank_in_milliseconds() -> None:
    result = Result(latencies={"service": [i / 1000 for i in range(1, 101)], "urgent": [0.5]})
    assert result.percentiles("service") == (50.0, 95.0, 99.0)
    assert result.percentiles("urgent") == (500.0, 500.0, 500.0)
    assert result.count == 101


def test_a_conversation_is_a_realistic_mix() -> None:
    import random

    rng, pool = random.Random(1), message_pool()
    turns = [t for _ in range(200) for t in conversation(rng, pool)]
    kinds = {k: sum(t.kind == k for t in turns) / len(turns) for k in ("service", "urgent")}
    assert 0.45 < kinds["service"] < 0.70  # four questions in six turns, 85 % of them service
    assert 0.03 < kinds["urgent"] < 0.12
    assert all(t.text for t in turns)


@pytest.mark.e2e
@pytest.mark.model
def test_bench_smoke_run_measures_every_step(tmp_path: Path) -> None:
    out = tmp_path / "bench.md"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench", "--smoke", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    report = out.read_text()
    assert "cores" in report
    rows = ("| ours | rest | 1 |", "| ours | parse | 1 |", "| trivial sanic endpoint | floor |")
    for row in rows:
        assert row in report
    assert "Rasa peak memory" in report and "first answer" in report
