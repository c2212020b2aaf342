"""Live SLA clocks for the status pages: a ticket's clocks as its last decision kept them, read again at `now`.

A running clock's due time does not move until the ticket changes (and a change means a new decision), so what is
left now is the business time between now and the due time on the clock's calendar (negative once past it), and
the share elapsed follows from the target. A paused or fulfilled clock stands as it was kept. For the countdowns
that tick in the browser, `open_periods` lists the calendar's open periods from now on: the page's script takes
only the open time passed off the remaining time, so a countdown in business hours stands still at night.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from plugin.calendar import BusinessCalendar, BusinessSchedule, calendar_for
from plugin.config import EscalatorConfig

CALENDAR_TIME = "calendar"
LABELS = {"first_response": "First response", "next_reply": "Next reply", "resolution": "Resolution",
          "periodic_update": "Periodic update", "handoff": "Handoff"}
MAX_PERIODS = 400


@dataclass(frozen=True)
class LiveClock:
    kind: str
    label: str
    state: str  # ok | warning | breached | paused | fulfilled
    target_seconds: float
    share: float  # of the target, now
    due_at: datetime | None  # when it reaches 100 % (None: paused or fulfilled)
    remaining_seconds: float | None  # business (or calendar) time left to the due time; negative once past it
    calendar: str  # "calendar", or "business:<schedule>"
    running: bool
    fulfilled_at: datetime | None


def _moment(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def _schedule(data: Mapping[str, Any], config: EscalatorConfig) -> str:
    name = data.get("schedule")
    return str(name) if isinstance(name, str) and name in config.schedules else config.sla.schedule


def calendar_key(data: Mapping[str, Any], config: EscalatorConfig) -> str:
    return f"business:{_schedule(data, config)}" if data.get("business_time") else CALENDAR_TIME


def _calendar(key: str, config: EscalatorConfig) -> BusinessCalendar:
    if key == CALENDAR_TIME:
        return calendar_for(config, business_hours=False)
    return calendar_for(config, business_hours=True, schedule=key.split(":", 1)[1])


def _state(share: float, config: EscalatorConfig) -> str:
    if share >= config.sla.breach_at:
        return "breached"
    if config.sla.warning_at and share >= config.sla.warning_at[0]:
        return "warning"
    return "ok"


def live_clock(data: Mapping[str, Any], config: EscalatorConfig, now: datetime) -> LiveClock:
    kind = str(data.get("kind") or "clock")
    target = float(data.get("target_seconds") or 0.0)
    due = _moment(data.get("due_at"))
    key = calendar_key(data, config)
    running = bool(data.get("running"))
    stored_state = str(data.get("state") or "ok")
    share = float(data.get("share") or 0.0)
    remaining: float | None = None
    state = stored_state
    if running and due is not None and stored_state != "fulfilled":
        remaining = _calendar(key, config).elapsed(now, due).total_seconds()
        share = (target - remaining) / target if target > 0 else 1.0
        state = _state(share, config)
    elif stored_state not in ("fulfilled", "breached"):
        state = "paused" if not running else stored_state
    return LiveClock(kind=kind, label=LABELS.get(kind, kind.replace("_", " ").capitalize()), state=state,
                     target_seconds=target, share=share, due_at=due if running else None,
                     remaining_seconds=remaining, calendar=key, running=running,
                     fulfilled_at=_moment(data.get("fulfilled_at")))


def live_clocks(stored: Iterable[Any], config: EscalatorConfig, now: datetime) -> list[LiveClock]:
    return [live_clock(c, config, now) for c in stored if isinstance(c, Mapping)]


def open_periods(clocks: Sequence[LiveClock], config: EscalatorConfig, now: datetime,
                 horizon: timedelta = timedelta(days=7)) -> dict[str, list[tuple[datetime, datetime]]]:
    """For each business calendar the running clocks count in: its open periods from now to `horizon` ahead (at
    most MAX_PERIODS). The page's script subtracts the open time passed since `now` from each remaining time."""
    keys = {c.calendar for c in clocks if c.calendar != CALENDAR_TIME and c.remaining_seconds is not None}
    out: dict[str, list[tuple[datetime, datetime]]] = {}
    for key in sorted(keys):
        calendar = _calendar(key, config)
        if not isinstance(calendar, BusinessSchedule):
            continue
        periods: list[tuple[datetime, datetime]] = []
        for opens, closes in calendar.periods(now):
            if opens >= now + horizon or len(periods) >= MAX_PERIODS:
                break
            periods.append((max(opens, now), closes))
        out[key] = periods
    return out
