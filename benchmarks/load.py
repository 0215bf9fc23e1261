"""A load generator: N residents' conversations going at once, each a realistic mix of messages.

A conversation is a greeting, four questions (mostly service questions, about one in ten urgent,
a few small talk) and a thank-you, taken from the held-out messages (tests/nlu_holdout.yml), with
the town in the metadata as the widget sends it. Each conversation waits for an answer before its
next message (closed loop), so N is the number of residents typing at once. Every reply is
checked: an urgent message must be answered with 911 or 988 in the first message.

    python -m benchmarks.load --ports 5005 --conversations 10 --messages 300
    python -m benchmarks.load --ports 5005,5006 ...     (make run-cluster: alternate processes)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import time
import uuid
import zlib
from dataclasses import dataclass, field

import httpx

from benchmarks.servers import REST_TOKEN
from bot.kb.intents import DANGER_INTENTS
from bot.kb.loader import towns
from bot.nlu.examples import nlu_examples
from bot.paths import ROOT

URGENT = set(DANGER_INTENTS)
SMALL_TALK = {"greet", "thank", "goodbye", "affirm", "help", "bot_challenge"}
TOWNS = tuple(sorted(towns()))


@dataclass(frozen=True)
class Turn:
    text: str
    kind: str  # "service", "urgent" or "conversation"


@dataclass
class Result:
    """Every message's latency by kind, the errors, and the wall time of the run."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.latencies.values())

    @property
    def throughput(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    def percentiles(self, kind: str | None = None) -> tuple[float, float, float]:
        """p50, p95, p99 in milliseconds (nearest rank), for one kind or all messages."""
        values = sorted(v for k, vs in self.latencies.items() if kind in (None, k) for v in vs)
        if not values:
            return (float("nan"),) * 3

        def rank(p: float) -> float:
            return 1000 * values[min(len(values) - 1, max(0, round(p * len(values)) - 1))]

        return rank(0.50), rank(0.95), rank(0.99)


def message_pool() -> dict[str, list[str]]:
    pool: dict[str, list[str]] = {"service": [], "urgent": [], "conversation": []}
    for text, intent in nlu_examples(ROOT / "tests/nlu_holdout.yml"):
        if intent in URGENT:
            pool["urgent"].append(text)
        elif intent in SMALL_TALK:
            pool["conversation"].append(text)
        elif intent not in {"set_town", "deny", "human_handoff", "out_of_scope"}:
            pool["service"].append(text)
    return pool


def conversation(rng: random.Random, pool: dict[str, list[str]]) -> list[Turn]:
    turns = [Turn(rng.choice(["hi", "hello", "good morning"]), "conversation")]
    for _ in range(4):
        kind = rng.choices(["service", "urgent", "conversation"], weights=[85, 10, 5])[0]
        turns.append(Turn(rng.choice(pool[kind]), kind))
    turns.append(Turn(rng.choice(["thanks", "thank you", "ok thanks bye"]), "conversation"))
    return turns


# --- what one message is, per target ---------------------------------------------------------
async def rest_message(client: httpx.AsyncClient, base: str, turn: Turn, sender: str) -> str | None:
    """Through the REST channel, as a resident's message; None if the reply is right."""
    town = TOWNS[zlib.crc32(sender.encode()) % len(TOWNS)]
    reply = await client.post(
        f"{base}/webhooks/rest/webhook",
        json={"sender": sender, "message": turn.text, "metadata": {"department": town}},
        headers={"Authorization": f"Bearer {os.environ.get('REST_TOKEN', REST_TOKEN)}"},
    )
    if reply.status_code != 200:
        return f"HTTP {reply.status_code}"
    texts = [m.get("text") or "" for m in reply.json()]
    if not any(texts):
        return f"no answer to {turn.text!r}"
    if turn.kind == "urgent" and not ("911" in texts[0] or "988" in texts[0]):
        return f"urgent message answered without 911/988 first: {turn.text!r}"
    return None


async def parse_message(client: httpx.AsyncClient, base: str, turn: Turn, _: str) -> str | None:
    """NLU alone: /model/parse."""
    reply = await client.post(f"{base}/model/parse", json={"text": turn.text})
    if reply.status_code != 200 or "intent" not in reply.json():
        return f"HTTP {reply.status_code}"
    return None


async def floor_message(client: httpx.AsyncClient, base: str, turn: Turn, _: str) -> str | None:
    """A trivial sanic endpoint (benchmarks/floor.py): the cost of HTTP and JSON alone."""
    reply = await client.post(f"{base}/echo", json={"text": turn.text})
    return None if reply.status_code == 200 else f"HTTP {reply.status_code}"


TARGETS = {"rest": rest_message, "parse": parse_message, "floor": floor_message}


async def run(
    bases: list[str], target: str, concurrency: int, messages: int, seed: int = 2911
) -> Result:
    """`concurrency` conversations at once until `messages` messages have been answered."""
    send = TARGETS[target]
    pool, rng = message_pool(), random.Random(seed)
    result = Result()
    budget = messages
    pooled = 2 * concurrency
    limits = httpx.Limits(max_connections=pooled, max_keepalive_connections=pooled)

    async def resident(index: int, client: httpx.AsyncClient) -> None:
        nonlocal budget
        n = 0
        while budget > 0:
            sender, n = f"bench-{index}-{n}-{uuid.uuid4().hex[:8]}", n + 1
            for i, turn in enumerate(conversation(rng, pool)):
                if budget <= 0:
                    return
                budget -= 1
                base = bases[(index + i) % len(bases)]
                started = time.perf_counter()
                try:
                    error = await send(client, base, turn, sender)
                except httpx.HTTPError as exc:
                    error = f"{type(exc).__name__}: {exc}"
                result.latencies.setdefault(turn.kind, []).append(time.perf_counter() - started)
                if error:
                    result.errors.append(error)

    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        await asyncio.gather(*(resident(i, client) for i in range(concurrency)))
    result.seconds = time.perf_counter() - started
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ports", default="5005", help="comma-separated Rasa ports")
    parser.add_argument("--target", choices=sorted(TARGETS), default="rest")
    parser.add_argument("--conversations", type=int, default=10, help="at once")
    parser.add_argument("--messages", type=int, default=300, help="in all")
    args = parser.parse_args()
    bases = [f"http://127.0.0.1:{p}" for p in args.ports.split(",")]
    result = asyncio.run(run(bases, args.target, args.conversations, args.messages))
    p50, p95, p99 = result.percentiles()
    print(
        f"{args.target}: {result.count} messages, {args.conversations} at once, "
        f"{result.throughput:.1f} msg/s, p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms, "
        f"errors {len(result.errors)}"
    )
    for error in result.errors[:10]:
        print("  error:", error)


if __name__ == "__main__":
    main()
