"""A short, bounded load run against running Rasa processes on localhost (README's scaling figures).

    python scripts/load_run.py --ports 5005          # one process
    python scripts/load_run.py --ports 5005,5006     # two processes (make run-cluster)

Each conversation sends 10 questions over REST, alternating between the given ports; prints
messages per second and latency percentiles. Talks only to 127.0.0.1. The full benchmark suite
(`make bench`) is separate work.
"""

from __future__ import annotations

import argparse
import statistics
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests

QUESTIONS = [
    "how do I get a police report",
    "where is the police station",
    "how do I pay a parking ticket",
    "can I park on the street overnight",
    "who handles a stray dog",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ports", default="5005", help="comma-separated Rasa ports")
    parser.add_argument("--conversations", type=int, default=30)
    parser.add_argument("--concurrency", type=int, default=10)
    args = parser.parse_args()
    ports = [int(p) for p in args.ports.split(",")]
    latencies: list[float] = []

    def converse(n: int) -> None:
        session, sender = requests.Session(), uuid.uuid4().hex
        for i in range(10):
            port = ports[(n + i) % len(ports)]
            started = time.perf_counter()
            reply = session.post(
                f"http://127.0.0.1:{port}/webhooks/rest/webhook",
                json={
                    "sender": sender,
                    "message": QUESTIONS[i % len(QUESTIONS)],
                    "metadata": {"department": "west-hartford"},
                },
                timeout=60,
            )
            if reply.status_code != 200 or not reply.json():
                raise RuntimeError(f"no answer from port {port}: {reply.status_code}")
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    with ThreadPoolExecutor(args.concurrency) as pool:
        list(pool.map(converse, range(args.conversations)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95)]
    print(
        f"processes={len(ports)} messages={len(latencies)} {len(latencies) / elapsed:.1f} msg/s "
        f"p50={statistics.median(latencies) * 1000:.0f} ms p95={p95 * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
