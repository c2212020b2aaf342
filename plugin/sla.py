"""SLA clocks: first response, resolution, and the optional next-reply and periodic-update clocks.

A clock counts business (or calendar) time from its start, stops counting while the ticket sits in one of the
clock's pause statuses, and keeps what it had when it restarts. Its target comes from the ticket's current policy
and priority, so a change of either re-targets a running clock and keeps the time already spent: each stretch of
time is counted in the hours of the basis (policy, priority, schedule) in force while it passed, the SLA timeline
(`sla_timeline`). For each clock we can tell the exact moment it crosses any threshold (80 %, 100 %, ...), so the
service can arm a timer for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from plugin.calendar import BusinessCalendar, calendar_for
from plugin.config import EscalatorConfig
from plugin.domain import (
    ClockKind,
    ClockState,
    ClockStatus,
    Priority,
    SlaBasis,
    Status,
    StatusChange,
    Ticket,
    TicketHistory,
    is_ours,
)
from plugin.policies import SlaPolicy, basis_of, default_policy

_ZERO = timedelta(0)


@dataclass(frozen=True)
class Segment:
    """The ticket held `status` from `start` to `end`."""

    start: datetime
    end: datetime
    status: Status


def status_timeline(ticket: Ticket, history: TicketHistory, now: datetime) -> list[Segment]:
    """The ticket's statuses from creation to `now`, from the recorded changes plus what the ticket says now.

    With no recorded change, the current status is taken to have held since creation (the service records every
    change it sees, from webhooks and reads). When the ticket's status differs from the last recorded one, the
    change is placed at the ticket's `updated_at` (not before the last recorded change).
    """
    changes = sorted((c for c in history.status_changes if c.at <= now), key=lambda c: c.at)
    if not changes:
        changes.append(StatusChange(at=ticket.created_at, status=ticket.status))
    elif changes[-1].status != ticket.status:
        observed_at = min(max(ticket.updated_at, ticket.created_at, changes[-1].at), now)
        changes.append(StatusChange(at=observed_at, status=ticket.status))
    points: list[StatusChange] = []
    if changes[0].at > ticket.created_at:
        points.append(StatusChange(at=ticket.created_at, status=Status.NEW))
    for change in changes:
        at = max(change.at, ticket.created_at)
        if points and points[-1].at == at:
            points[-1] = StatusChange(at=at, status=change.status)
        elif not points or points[-1].status != change.status:
            points.append(StatusChange(at=at, status=change.status))
    segments = []
    for i, point in enumerate(points):
        end = points[i + 1].at if i + 1 < len(points) else now
        if end > point.at:
            segments.append(Segment(point.at, end, point.status))
    return segments


Basis = tuple[str, Priority, str | None]  # (policy, priority, schedule; None for calendar time)


def sla_timeline(ticket: Ticket, history: TicketHistory, current: Basis, now: datetime,
                 changed_at: datetime | None = None) -> tuple[SlaBasis, ...]:
    """The bases the ticket's clocks ran on, oldest first, the current one last.

    With none recorded, the current basis is taken to have held since creation. When the current one differs from
    the last recorded, the change is placed at `changed_at` (a change this very decision makes), else at the
    ticket's `updated_at` (the change that made it), never before the last recorded change nor after `now`.
    """
    recorded = [b for b in history.sla_bases if b.at <= now]
    if not recorded:
        return (SlaBasis(ticket.created_at, *current),)
    last = recorded[-1]
    if (last.policy, last.priority, last.schedule) == current:
        return tuple(recorded)
    at = changed_at if changed_at is not None else min(max(ticket.updated_at, ticket.created_at), now)
    return (*recorded, SlaBasis(max(at, last.at), *current))


def calendar_of(config: EscalatorConfig, schedule: str | None) -> BusinessCalendar:
    """The calendar of a basis: calendar time, or the named schedule (the SLA's default if it is gone)."""
    if schedule is None:
        return calendar_for(config, business_hours=False)
    return calendar_for(config, business_hours=True,
                        schedule=schedule if schedule in config.schedules else config.sla.schedule)


@dataclass(frozen=True)
class ClockSpec:
    """One clock's rule for one ticket: when it starts, when (if) it was fulfilled, what pauses it."""

    kind: ClockKind
    target: timedelta
    start: datetime
    fulfilled_at: datetime | None
    pause: frozenset[Status]
    business_time: bool


Period = tuple[datetime, datetime, BusinessCalendar]


def _split(spans: Sequence[tuple[datetime, datetime]], changes: Sequence[tuple[datetime, BusinessCalendar]]
           ) -> list[Period]:
    """The spans (start, end) cut where the calendar changes, each piece with the calendar in force then."""
    out: list[Period] = []
    if len(changes) == 1:  # one calendar all along: nothing to cut
        calendar = changes[0][1]
        return [(start, end, calendar) for start, end in spans]
    for start, segment_end in spans:
        for i, (_since, calendar) in enumerate(changes):
            until = changes[i + 1][0] if i + 1 < len(changes) else None
            if until is not None and until <= start:
                continue
            end = segment_end if until is None else min(segment_end, until)
            if end > start:
                out.append((start, end, calendar))
                start = end
            if start >= segment_end:
                break
    return out


class Clock:
    """A clock measured over a status timeline, each stretch in the calendar in force while it passed (`changes`:
    (from, calendar), oldest first; the first holds from the start)."""

    def __init__(self, spec: ClockSpec, segments: Sequence[Segment],
                 changes: Sequence[tuple[datetime, BusinessCalendar]], now: datetime):
        self.spec = spec
        self.segments, self.changes = segments, changes
        self.calendar = changes[-1][1]
        self.now = now
        stop = spec.fulfilled_at if spec.fulfilled_at is not None else now

        running: list[tuple[datetime, datetime]] = []
        paused: list[tuple[datetime, datetime]] = []
        begin = spec.start
        for s in segments:  # each segment clipped to [start, stop): max(s.start, begin), min(s.end, stop)
            a = begin if begin > s.start else s.start
            b = stop if stop < s.end else s.end
            if b > a:
                (paused if s.status in spec.pause else running).append((a, b))
        self.running_periods = _split(running, changes)
        self.paused_periods = _split(paused, changes)
        last = segments[-1].status if segments else Status.NEW
        self.running_now = spec.fulfilled_at is None and last not in spec.pause
        # Each running period's length, counted once: the thresholds, the due time and the rules' shares all walk
        # the same periods.
        self._parts = [calendar.elapsed(a, b) for a, b, calendar in self.running_periods]
        self._elapsed = sum(self._parts, _ZERO)
        self._moments: dict[timedelta, datetime | None] = {}

    def elapsed(self) -> timedelta:
        return self._elapsed

    def measures(self, spec: ClockSpec, segments: Sequence[Segment],
                 changes: Sequence[tuple[datetime, BusinessCalendar]], now: datetime) -> bool:
        """True when this clock measured what `Clock(spec, segments, changes, now)` would: the same start, stop and
        pauses over the same timeline, calendars and moment (a target is not part of what a clock measures: the
        look again at a new priority re-targets the clocks it has already measured)."""
        mine = self.spec
        return (self.now is now and self.segments is segments and mine.kind == spec.kind
                and mine.start is spec.start and mine.fulfilled_at is spec.fulfilled_at and mine.pause == spec.pause
                and len(self.changes) == len(changes)
                and all(a is c and b is d for (a, b), (c, d) in zip(self.changes, changes, strict=True)))

    def paused_for(self) -> timedelta:
        return sum((calendar.elapsed(a, b) for a, b, calendar in self.paused_periods), _ZERO)

    def moment_reaching(self, amount: timedelta) -> datetime | None:
        """When the clock's elapsed time reaches `amount`: in the past, in the future, or None (paused/stopped)."""
        try:
            return self._moments[amount]
        except KeyError:
            moment = self._moments[amount] = self._moment_reaching(amount)
            return moment

    def _moment_reaching(self, amount: timedelta) -> datetime | None:
        done = _ZERO
        for (start, _end, calendar), part in zip(self.running_periods, self._parts, strict=True):
            if done + part >= amount and part > _ZERO:
                return calendar.add(start, amount - done)
            done += part
        if done >= amount:
            return self.running_periods[-1][1] if self.running_periods else self.spec.start
        if not self.running_now:
            return None
        return self.calendar.add(self.now, amount - done)


def effective_priority(ticket: Ticket, config: EscalatorConfig) -> Priority:
    return ticket.priority if ticket.priority is not None else config.sla.default_priority


def _last_public_agent_reply(ticket: Ticket) -> datetime | None:
    """The last public reply by a person on the support side: our own automated replies (the acknowledgment, the
    follow-up) answer nobody, so they neither stop the next-reply clock nor restart the periodic-update clock."""
    replies = [c.created_at for c in ticket.comments if c.by_agent and c.public and not is_ours(c.body)]
    return max(replies) if replies else None


def _solved_at(segments: Sequence[Segment]) -> datetime | None:
    if segments and segments[-1].status.is_done:
        return segments[-1].start
    return None


def clock_specs(ticket: Ticket, segments: Sequence[Segment], config: EscalatorConfig,
                policy: SlaPolicy | None = None, priority: Priority | None = None) -> list[ClockSpec]:
    """The clocks that apply to this ticket under its policy at its current priority."""
    policy = policy or default_policy(config)
    target = policy.matrix.for_priority(priority or effective_priority(ticket, config))
    pause = policy.pause_statuses
    done = frozenset({Status.SOLVED, Status.CLOSED})
    solved_at = _solved_at(segments)
    specs = [
        ClockSpec(ClockKind.FIRST_RESPONSE, target.first_response, ticket.created_at,
                  ticket.first_agent_reply_at or solved_at, pause[ClockKind.FIRST_RESPONSE] | done,
                  target.business_hours),
        ClockSpec(ClockKind.RESOLUTION, target.resolution, ticket.created_at, solved_at,
                  pause[ClockKind.RESOLUTION] | done, target.business_hours),
    ]
    last_reply = _last_public_agent_reply(ticket)
    if target.next_reply is not None and last_reply is not None:
        waiting = sorted(c.created_at for c in ticket.comments if not c.by_agent and c.created_at > last_reply)
        if waiting:
            specs.append(ClockSpec(ClockKind.NEXT_REPLY, target.next_reply, waiting[0], solved_at,
                                   pause[ClockKind.NEXT_REPLY] | done, target.business_hours))
    if target.periodic_update is not None:
        specs.append(ClockSpec(ClockKind.PERIODIC_UPDATE, target.periodic_update, last_reply or ticket.created_at,
                               solved_at, pause[ClockKind.PERIODIC_UPDATE] | done, target.business_hours))
    return specs


@dataclass(frozen=True)
class ClockReading:
    status: ClockStatus
    thresholds: tuple[float, ...]  # the warning shares and the breach share the clock is read against
    clock: Clock | None = field(default=None, compare=False, repr=False)

    @property
    def crossings(self) -> tuple[tuple[float, datetime | None], ...]:
        """(threshold share, moment it is/was crossed) for each threshold: counted when first asked (the clocks of
        a look the engine does again at a new priority are never asked), each moment once (the clock keeps it)."""
        return tuple((share, self.moment_at(share)) for share in self.thresholds)

    def moment_at(self, share: float) -> datetime | None:
        """When the clock reaches `share` of its target (None: never while it is paused or stopped)."""
        if self.clock is None:
            return None
        return self.clock.moment_reaching(self.status.target * share)

    def next_moment(self, shares: Sequence[float], now: datetime) -> datetime | None:
        """The first moment after `now` at which the clock reaches one of `shares` of its target (None: none ahead,
        or not while it is paused or stopped): `min(m for m in map(moment_at, shares) if m and m > now)`, worked
        out from the one share still ahead that comes first. A share the clock has already reached was reached by
        `now` (within its running time, which ends at `now` at the latest); the moment of one ahead is `now` plus
        the rest in its calendar, later with a larger share."""
        clock = self.clock
        if clock is None:
            return None
        if clock.spec.start > now:  # a clock that starts later: no shortcut
            return min((m for m in map(self.moment_at, shares) if m is not None and m > now), default=None)
        elapsed, target = clock.elapsed(), self.status.target
        ahead = [amount for amount in (target * share for share in shares) if amount > elapsed]
        if not ahead:
            return None
        moment = clock.moment_reaching(min(ahead))
        return moment if moment is not None and moment > now else None


def read_clock(spec: ClockSpec, segments: Sequence[Segment], changes: Sequence[tuple[datetime, BusinessCalendar]],
               warning_at: Sequence[float], breach_at: float, now: datetime, tier: int | None = None, *,
               measured: Clock | None = None) -> ClockReading:
    """The clock's reading at `now`. `measured`: the same clock already measured (`Clock.measures`), re-targeted."""
    clock = measured if measured is not None else Clock(spec, segments, changes, now)
    elapsed = clock.elapsed()
    share = elapsed / spec.target if spec.target > _ZERO else 1.0
    if spec.fulfilled_at is not None:
        state = ClockState.FULFILLED
    elif share >= breach_at:
        state = ClockState.BREACHED
    elif warning_at and share >= warning_at[0]:
        state = ClockState.WARNING
    elif not clock.running_now:
        state = ClockState.PAUSED
    else:
        state = ClockState.OK
    status = ClockStatus(
        kind=spec.kind, target=spec.target, elapsed=elapsed, paused_for=clock.paused_for(),
        due_at=clock.moment_reaching(spec.target), state=state, running=clock.running_now,
        business_time=spec.business_time, fulfilled_at=spec.fulfilled_at, tier=tier,
    )
    return ClockReading(status, (*warning_at, breach_at), clock)


def read_clocks(ticket: Ticket, history: TicketHistory, config: EscalatorConfig, now: datetime, *,
                policy: SlaPolicy | None = None, timeline: Sequence[SlaBasis] | None = None,
                segments: Sequence[Segment] | None = None, earlier: Sequence[ClockReading] = ()
                ) -> list[ClockReading]:
    """Every SLA clock of the ticket at `now`, under `policy` (default: the default policy) and along `timeline`
    (default: the recorded one, ending with the basis of that policy and the ticket's priority). `segments`: the
    ticket's `status_timeline` at `now`, when the caller has it already. `earlier`: the readings of a look at this
    ticket at another priority a moment ago: a clock that measured the same stretches is re-targeted, not measured
    again."""
    policy = policy or default_policy(config)
    priority = effective_priority(ticket, config)
    if timeline is None:
        timeline = sla_timeline(ticket, history, basis_of(policy, priority, ticket, config), now)
    changes = [(b.at, calendar_of(config, b.schedule)) for b in timeline]
    if segments is None:
        segments = status_timeline(ticket, history, now)
    measured = {r.clock.spec.kind: r.clock for r in earlier if r.clock is not None}
    out = []
    for spec in clock_specs(ticket, segments, config, policy, priority):
        clock = measured.get(spec.kind)
        if clock is not None and not clock.measures(spec, segments, changes, now):
            clock = None
        out.append(read_clock(spec, segments, changes, policy.warning_at, policy.breach_at, now, measured=clock))
    return out


def next_crossing(readings: Sequence[ClockReading], now: datetime) -> datetime | None:
    """The next moment after `now` at which a running clock crosses one of the thresholds."""
    upcoming = [reading.next_moment(reading.thresholds, now) for reading in readings
                if reading.status.state != ClockState.FULFILLED]
    return min((moment for moment in upcoming if moment is not None), default=None)
