"""What the sandbox counts and what it can break on purpose: every API request is recorded; the next N requests,
or a random share of them, can be refused (429 with Retry-After, 5xx) before anything changes; and a write can be
processed with its reply lost, to test that clients never write twice."""

from __future__ import annotations

import json
import random
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

WRITE_METHODS = frozenset({"PUT", "POST", "PATCH", "DELETE"})


@dataclass(frozen=True)
class RequestRecord:
    method: str
    path: str
    status: int
    at: float
    size: int
    body: bytes = b""

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@dataclass(frozen=True)
class Fault:
    status: int
    retry_after: float | None = None


class Faults:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next: list[Fault] = []
        self._share = 0.0
        self._statuses: Sequence[int] = ()
        self._retry_after: float | None = None
        self._random = random.Random(0)
        self._drop_replies = 0
        self.requests: list[RequestRecord] = []

    def fail_next(self, count: int = 1, status: int = 429, retry_after: float | None = 30) -> None:
        """Refuse the next `count` API requests with `status` (and Retry-After for 429) without processing them."""
        with self._lock:
            self._next.extend(Fault(status, retry_after if status == 429 else None) for _ in range(count))

    def fail_share(self, share: float, statuses: Sequence[int] = (429, 500, 503), *, seed: int = 0,
                   retry_after: float = 1) -> None:
        """Refuse a random share of API requests from now on (0 to stop)."""
        with self._lock:
            self._share, self._statuses, self._retry_after = share, tuple(statuses), retry_after
            self._random = random.Random(seed)

    def drop_reply_next(self, count: int = 1) -> None:
        """Process the next `count` writes, then answer 500 as if the reply was lost on the way back."""
        with self._lock:
            self._drop_replies += count

    def clear(self) -> None:
        with self._lock:
            self._next.clear()
            self._share, self._drop_replies = 0.0, 0

    def take(self) -> Fault | None:
        with self._lock:
            if self._next:
                return self._next.pop(0)
            if self._share and self._random.random() < self._share:
                status = self._random.choice(list(self._statuses))
                return Fault(status, self._retry_after if status == 429 else None)
            return None

    def take_dropped_reply(self, method: str) -> bool:
        with self._lock:
            if self._drop_replies and method in WRITE_METHODS:
                self._drop_replies -= 1
                return True
            return False

    def record(self, method: str, path: str, status: int, size: int, body: bytes = b"") -> None:
        with self._lock:
            self.requests.append(RequestRecord(method, path, status, time.monotonic(), size, body))

    def recorded(self, method: str | None = None, path_prefix: str | None = None) -> list[RequestRecord]:
        """The requests received (method, path, status, body), oldest first."""
        with self._lock:
            return [r for r in self.requests if (method is None or r.method == method)
                    and (path_prefix is None or r.path.startswith(path_prefix))]

    def count(self, method: str | None = None, path_prefix: str | None = None, status: int | None = None) -> int:
        with self._lock:
            return sum(1 for r in self.requests
                       if (method is None or r.method == method)
                       and (path_prefix is None or r.path.startswith(path_prefix))
                       and (status is None or r.status == status))

    def write_requests(self, *, successful_only: bool = False) -> int:
        with self._lock:
            return sum(1 for r in self.requests
                       if r.method in WRITE_METHODS and r.path.startswith("/api/v2")
                       and (not successful_only or 200 <= r.status < 300))

    def reset_counts(self) -> None:
        with self._lock:
            self.requests.clear()
