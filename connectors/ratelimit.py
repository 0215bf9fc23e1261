"""Token-bucket rate limits per key (a conversation, a client address), in process memory.

Why in memory: a limit only has to slow a flood down, not count exactly, and it must cost nothing
on the normal path. With several Rasa processes each keeps its own buckets, so the real limit is
the configured one times the number of processes; a proxy in front (nginx `limit_req`) is the
place for an exact, shared limit (README, "Web chat").
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable


class RateLimiter:
    """`burst` messages at once, then one every `60 / per_minute` seconds, per key."""

    def __init__(
        self,
        per_minute: float,
        burst: int,
        max_keys: int = 50_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.max_keys = max_keys
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def wait_for(self, key: str) -> float:
        """0 if `key` may go now (and spend a token), else how many seconds until it may."""
        now = self.clock()
        tokens, last = self._buckets.pop(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens >= 1:
            self._remember(key, tokens - 1, now)
            return 0.0
        self._remember(key, tokens, now)
        return (1 - tokens) / self.rate

    def _remember(self, key: str, tokens: float, now: float) -> None:
        self._buckets[key] = (tokens, now)
        while len(self._buckets) > self.max_keys:  # the oldest idle keys go first
            self._buckets.popitem(last=False)
