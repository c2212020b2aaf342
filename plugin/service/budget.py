"""The helpdesk accounts' API budget in the store, shared by every process and host of the service (the ApiBudget
port): each request an adapter is about to make takes its cost here first, in one conditional UPDATE, so two
workers never both spend the last request of a window; the platform's rate-limit headers tell it the account's
limit and what the account as a whole has left. The arithmetic is plugin.budget's.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, or_, update
from sqlalchemy.exc import IntegrityError

from plugin.budget import (
    ROUTINE,
    URGENT,
    BudgetState,
    account_floor,
    allowance,
    queue_wait,
    urgency,
    wait_for,
    window_start,
)
from plugin.config import ApiBudgetConfig
from plugin.store import Store
from plugin.store.models import ApiBudgetRow

log = logging.getLogger(__name__)
RACE_WAIT = 0.05  # another process took the last of the window between our look and our take: look again soon
LOW_REMAINING = 0.3  # below this share of its limit the account's remaining is written down (else not worth a write)


@dataclass(frozen=True)
class BudgetView:
    """One platform's budget as /metrics and the Operations page show it."""

    platform: str
    limit: int
    ours: int  # what the escalator may spend a window (urgent work included)
    routine: int  # what routine work may spend a window
    used: int  # spent in the current window
    remaining: int | None  # what the account has left, as last reported while it was low
    waits: int  # requests held back for the next window so far


class StoreBudget:
    """The ApiBudget port on the service's database."""

    def __init__(self, store: Store, policy: ApiBudgetConfig, clock: Callable[[], datetime]) -> None:
        self.store, self.policy, self.clock = store, policy, clock
        self._reported: dict[str, tuple[int | None, bool]] = {}  # per platform: the limit and "remaining kept"
        self._lock = threading.Lock()
        self._known: set[str] = set()  # the platforms whose row exists

    # ---------------------------------------------------------------- the port

    def take(self, platform: str, cost: int = 1) -> float:
        if not self.policy.enabled:
            return 0.0
        now, level = self.clock().timestamp(), urgency()
        current = window_start(now, self.policy.window.total_seconds())
        self._ensure(platform)
        with self.store.session() as session:
            row = session.get(ApiBudgetRow, platform)
            if row is None:  # dropped under us (a test emptying the tables): made again on the next request
                self._known.discard(platform)
                return RACE_WAIT
            state = _state(row)
            wait = wait_for(state, now, cost, level, self.policy)
            if wait > 0:  # in line: this window's earlier refusals go first
                waiting = row.waiting if row.waiting_window == current else 0
                session.execute(update(ApiBudgetRow).where(ApiBudgetRow.platform == platform).values(
                    waits=ApiBudgetRow.waits + 1, waiting_window=current,
                    waiting=case((ApiBudgetRow.waiting_window == current, ApiBudgetRow.waiting + 1), else_=1)))
                return queue_wait(wait, waiting, level, state.limit, self.policy)
            spent = case((ApiBudgetRow.window_start == current, ApiBudgetRow.used), else_=0)
            reported = ApiBudgetRow.remaining_until > now
            taken = session.execute(
                update(ApiBudgetRow)
                .where(ApiBudgetRow.platform == platform,
                       spent + cost <= allowance(state.limit, self.policy, level),
                       or_(ApiBudgetRow.remaining_until.is_(None), ~reported,
                           ApiBudgetRow.remaining - cost >= account_floor(state.limit)))
                .values(window_start=current, used=spent + cost,
                        remaining=case((reported, ApiBudgetRow.remaining - cost), else_=None)))
            return 0.0 if taken.rowcount == 1 else RACE_WAIT  # type: ignore[attr-defined]

    def observe(self, platform: str, limit: int | None, remaining: int | None, reset_in: float | None) -> None:
        if not self.policy.enabled:
            return
        known_limit, kept = self._reported.get(platform, (None, False))
        size = limit or known_limit or self.policy.per_window.get(platform, 0)
        low = remaining is not None and size > 0 and remaining < size * LOW_REMAINING
        if limit == known_limit and not low and not kept:
            return  # nothing new worth a write: the usual case
        now = self.clock().timestamp()
        values: dict[str, object] = {"reported_at": now}
        if limit:
            values["limit"] = limit
        if low:
            window = self.policy.window.total_seconds()
            until = now + reset_in if reset_in is not None else window_start(now, window) + window
            values.update(remaining=remaining, remaining_until=until)
        else:
            values.update(remaining=None, remaining_until=None)
        self._ensure(platform)
        with self.store.session() as session:
            session.execute(update(ApiBudgetRow).where(ApiBudgetRow.platform == platform).values(**values))
        with self._lock:
            self._reported[platform] = (limit or known_limit, low)

    # ---------------------------------------------------------------- what the pages show

    def views(self) -> list[BudgetView]:
        now = self.clock().timestamp()
        current = window_start(now, self.policy.window.total_seconds())
        with self.store.session() as session:
            rows = session.query(ApiBudgetRow).order_by(ApiBudgetRow.platform).all()
            return [BudgetView(row.platform, row.limit, allowance(row.limit, self.policy, URGENT),
                               allowance(row.limit, self.policy, ROUTINE),
                               row.used if row.window_start == current else 0,
                               row.remaining if row.remaining_until and row.remaining_until > now else None,
                               row.waits) for row in rows]

    # ---------------------------------------------------------------- helpers

    def _ensure(self, platform: str) -> None:
        """The platform's row, made on its first request (a process racing us may make it first)."""
        if platform in self._known:
            return
        limit = self.policy.per_window.get(platform, 100)
        with self.store.session() as session:
            exists = session.get(ApiBudgetRow, platform) is not None
        if not exists:
            try:
                with self.store.session() as session:
                    session.add(ApiBudgetRow(platform=platform, window_start=0.0, used=0, limit=limit, waits=0,
                                             waiting=0, waiting_window=0.0))
            except IntegrityError:
                pass
        self._known.add(platform)


def _state(row: ApiBudgetRow) -> BudgetState:
    return BudgetState(window_start=row.window_start, used=row.used, limit=row.limit, remaining=row.remaining,
                       remaining_until=row.remaining_until)
