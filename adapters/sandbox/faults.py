"""What the sandbox counts and what it can break on purpose: every API request is recorded (when it arrived, when it
was answered, what it was about); the next N requests, or a random share of them, can be refused (429 with
Retry-After, 5xx) before anything changes, or answered slowly; a write can be processed with its reply lost (a 500),
or processed and its answer held past the client's timeout ("lost answer"), per kind of write, to test that clients
never write twice and never forget the rest of what they were doing."""

from __future__ import annotations

import json
import random
import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

WRITE_METHODS = frozenset({"PUT", "POST", "PATCH", "DELETE"})
SLOW = 0  # in fail_share's statuses: not refused, answered late (after processing) instead
WRITE_KINDS = ("update", "reply", "update_many", "create")
_TICKET_PATH = re.compile(r"^/api/v2/tickets/(\d+)(?:/|$)")


def write_kind(method: str, path: str, body: Any) -> str | None:
    """Which ticket write a request is, for the lost-answer switch:

    - "create": POST /api/v2/tickets (a new ticket, e.g. an escalation's task ticket)
    - "update_many": PUT /api/v2/tickets/update_many
    - "reply": PUT /api/v2/tickets/{id} whose comment is public (Zendesk's default when `public` is left out), or
      Freshdesk's POST /api/v2/tickets/{id}/reply
    - "update": any other PUT /api/v2/tickets/{id} (changes, with an internal note or no comment)
    """
    if method == "POST" and path == "/api/v2/tickets":
        return "create"
    if method == "POST" and re.fullmatch(r"/api/v2/tickets/\d+/reply", path):
        return "reply"
    if method != "PUT":
        return None
    if path == "/api/v2/tickets/update_many":
        return "update_many"
    if re.fullmatch(r"/api/v2/tickets/\d+", path):
        ticket = body.get("ticket") if isinstance(body, dict) else None
        comment = ticket.get("comment") if isinstance(ticket, dict) else None
        if isinstance(comment, dict) and comment.get("public", True) is True:
            return "reply"
        return "update"
    return None


@dataclass(frozen=True)
class RequestRecord:
    method: str
    path: str
    status: int
    at: float  # time.monotonic() when the answer left (after any hold)
    size: int
    body: bytes = b""
    query: str = ""
    started: float = 0.0  # time.monotonic() when the request arrived
    retry_after: float | None = None  # the Retry-After a 429 carried
    held: float = 0.0  # seconds the answer was held after processing (slow or lost answer)
    credits: int = 0  # what the request cost of the account's per-minute API budget (Freshdesk: 1 + each embed)

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None

    @property
    def subjects(self) -> frozenset[str]:
        """What the request is about: "ticket:ID" for each ticket it reads or writes, "external:ID" for a ticket
        created or looked up by external id, else the request itself ("GET /api/v2/users/7")."""
        args = parse_qs(self.query)
        found: set[str] = set()
        match = _TICKET_PATH.match(self.path)
        if match:
            found.add(f"ticket:{match.group(1)}")
        elif self.path in ("/api/v2/tickets/update_many", "/api/v2/tickets/show_many"):
            for part in ",".join(args.get("ids", [])).split(","):
                if part.strip().isdigit():
                    found.add(f"ticket:{int(part)}")
            data = _safe_json(self.body)
            for item in (data.get("tickets") or []) if isinstance(data, dict) else []:
                if isinstance(item, dict) and isinstance(item.get("id"), int):
                    found.add(f"ticket:{item['id']}")
        elif self.path == "/api/v2/tickets":
            data = _safe_json(self.body)
            ticket = data.get("ticket") if isinstance(data, dict) else None
            external = ticket.get("external_id") if isinstance(ticket, dict) else None
            external = external or next(iter(args.get("external_id", [])), None)
            if external:
                found.add(f"external:{external}")
        return frozenset(found) or frozenset({f"{self.method} {self.path}" + (f"?{self.query}" if self.query
                                                                               else "")})


def _safe_json(body: bytes) -> Any:
    try:
        return json.loads(body) if body else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Fault:
    status: int  # SLOW: not a refusal, the answer is late by `delay`
    retry_after: float | None = None
    delay: float = 0.0


class Faults:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next: list[Fault] = []
        self._share = 0.0
        self._statuses: Sequence[int] = ()
        self._retry_after: Sequence[float] = (1,)
        self._slow: tuple[float, float] = (1.0, 2.0)
        self._random = random.Random(0)
        self._drop_replies = 0
        self._holds: dict[str, list[float]] = {}
        self.requests: list[RequestRecord] = []

    def fail_next(self, count: int = 1, status: int = 429, retry_after: float | None = 30) -> None:
        """Refuse the next `count` API requests with `status` (and Retry-After for 429) without processing them."""
        with self._lock:
            self._next.extend(Fault(status, retry_after if status == 429 else None) for _ in range(count))

    def fail_share(self, share: float, statuses: Sequence[int] = (429, 500, 503), *, seed: int = 0,
                   retry_after: float | Sequence[float] = 1, slow: tuple[float, float] = (1.0, 2.0)) -> None:
        """Refuse a random share of API requests from now on (0 to stop), each with one of `statuses` picked at
        random. A 429 carries a Retry-After picked from `retry_after`; SLOW among the statuses answers normally but
        late, after a delay picked between the bounds of `slow` (seconds, below the client's timeout)."""
        with self._lock:
            self._share, self._statuses = share, tuple(statuses)
            self._retry_after = tuple(retry_after) if isinstance(retry_after, Sequence) else (retry_after,)
            self._slow = slow
            self._random = random.Random(seed)

    def drop_reply_next(self, count: int = 1) -> None:
        """Process the next `count` writes, then answer 500 as if the reply was lost on the way back."""
        with self._lock:
            self._drop_replies += count

    def hold_answer(self, kind: str, seconds: float, count: int = 1) -> None:
        """Process the next `count` writes of `kind` (see write_kind), then hold the answer `seconds` before sending
        it: past the client's timeout, the write landed but the client never learns it did."""
        if kind not in WRITE_KINDS:
            raise ValueError(f"kind must be one of {', '.join(WRITE_KINDS)}, got {kind!r}")
        with self._lock:
            self._holds.setdefault(kind, []).extend([seconds] * count)

    def holds_left(self, kind: str | None = None) -> int:
        with self._lock:
            return sum(len(v) for k, v in self._holds.items() if kind is None or k == kind)

    def clear(self) -> None:
        with self._lock:
            self._next.clear()
            self._share, self._drop_replies = 0.0, 0
            self._holds.clear()

    def take(self) -> Fault | None:
        with self._lock:
            if self._next:
                return self._next.pop(0)
            if self._share and self._random.random() < self._share:
                status = self._random.choice(list(self._statuses))
                if status == SLOW:
                    return Fault(SLOW, delay=self._random.uniform(*self._slow))
                return Fault(status, self._random.choice(list(self._retry_after)) if status == 429 else None)
            return None

    def take_dropped_reply(self, method: str) -> bool:
        with self._lock:
            if self._drop_replies and method in WRITE_METHODS:
                self._drop_replies -= 1
                return True
            return False

    def take_hold(self, method: str, path: str, body: Any) -> float:
        """Seconds to hold this request's answer (0: none), consuming one hold of its kind."""
        kind = write_kind(method, path, body)
        with self._lock:
            holds = self._holds.get(kind or "")
            return holds.pop(0) if holds else 0.0

    def record(self, method: str, path: str, status: int, size: int, body: bytes = b"", *, query: str = "",
               started: float | None = None, retry_after: float | None = None, held: float = 0.0,
               credits: int = 0) -> None:
        now = time.monotonic()
        with self._lock:
            self.requests.append(RequestRecord(method, path, status, now, size, body, query,
                                               now if started is None else started, retry_after, held, credits))

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
