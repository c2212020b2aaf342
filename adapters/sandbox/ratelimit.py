"""The sandboxes' per-window API budget for the whole account, as Zendesk and Freshdesk keep it: a request costs
1 (Freshdesk: plus its embeds); once the window's budget is spent every request is refused with 429 and a
Retry-After until the window ends. The window is a minute on both platforms; a test may shorten it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

UNLIMITED = 1_000_000


@dataclass
class RateLimit:
    per_minute: int
    clock: Callable[[], float] = time.monotonic
    window: float = 60.0
    _window: float = field(default=0.0, init=False)
    _used: int = field(default=0, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    def restart(self, per_minute: int, window: float | None = None) -> None:
        """A new budget, counted from now."""
        with self._lock:
            self.per_minute, self._window, self._used = per_minute, self.clock(), 0
            if window is not None:
                self.window = window

    def take(self, cost: int) -> tuple[bool, int, float]:
        """(allowed, what remains, seconds until the window ends)."""
        with self._lock:
            now = self.clock()
            if now - self._window >= self.window:
                self._window, self._used = now, 0
            reset = self.window - (now - self._window)
            if self._used + cost > self.per_minute:
                return False, max(self.per_minute - self._used, 0), reset
            self._used += cost
            return True, self.per_minute - self._used, reset
