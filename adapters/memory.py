"""In-memory implementations of the ports, for millisecond tests of the service layer: a helpdesk
(`MemoryHelpdesk`, written in the Zendesk style, one update for the fields and the note, or the Freshdesk style, an
update and then the note) and the pipeline's unit of work (`MemoryStore`). Both can be told to fail at any step:
the helpdesk with a lost answer, a 409, a 429 with Retry-After, a 5xx or a 400; either with a `Crash`, which stands
for the process dying there (a BaseException: nothing in the service catches it).

They keep the semantics the pipeline relies on (the contract tests run the same cases against these and the SQL
store), not every figure the reports read.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, ClassVar

from plugin.config import EscalatorConfig
from plugin.domain import (
    Comment,
    Customer,
    EscalationEntry,
    Notification,
    SentAlert,
    SlaBasis,
    Status,
    StatusChange,
    TaskTicket,
    Ticket,
    TicketEvent,
    TicketHistory,
    TicketSummary,
)
from plugin.kept import KeptTicket, merged
from plugin.ledger import (
    Intent,
    Part,
    hidden_reply_marker,
    note_marker,
    task_external_id,
    task_link,
    with_marker,
)
from plugin.lifecycles import EventState, IllegalMove, IntentState, TimerState, move
from plugin.ports import (
    HOLD_OWNER,
    ApplyRequest,
    ApplyResult,
    ArmedTimer,
    ConflictError,
    DecisionRecord,
    ExportPage,
    HelpdeskAdapter,
    HelpdeskError,
    InboxEvent,
    InstallResult,
    NotFoundError,
    Observation,
    PermanentError,
    Recorded,
    Released,
    RetryAfterError,
    SatisfactionRating,
    Taken,
    TransientError,
)
from plugin.replay.timeline import Step, TicketTimeline


class Crash(BaseException):
    """The process dies at this point (SIGKILL): nothing after it runs, nothing catches it."""


class Power:
    """Whether the simulated process is alive. A crash switches it off, so nothing the dying process would still
    try (a `finally`, an `except BaseException`) has any effect: every later call raises Crash again, until the
    test restarts the process (`on()`). Share one between the helpdesk and the store."""

    def __init__(self) -> None:
        self.alive = True

    def check(self) -> None:
        if not self.alive:
            raise Crash("the process is dead")

    def crash(self, where: str) -> Crash:
        self.alive = False
        return Crash(where)

    def on(self) -> None:
        self.alive = True


# ---------------------------------------------------------------- faults


FAULTS = ("lost", "5xx", "429", "409", "400", "crash_before", "crash_after")


@dataclass
class Faults:
    """Planned faults, each for the next call of one step, consumed in order."""

    planned: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    retry_after: float = 7.0

    def plan(self, step: str, *faults: str) -> None:
        for fault in faults:
            if fault not in FAULTS:
                raise ValueError(f"unknown fault {fault!r}")
        self.planned[step].extend(faults)

    def take(self, step: str) -> str | None:
        queue = self.planned.get(step)
        return queue.pop(0) if queue else None

    def clear(self) -> None:
        self.planned.clear()


def _before(fault: str | None, step: str, retry_after: float, power: Power) -> None:
    """Raise what a fault does before the step has any effect."""
    if fault is None or fault in ("lost", "crash_after"):
        return
    if fault == "crash_before":
        raise power.crash(f"died before {step}")
    if fault == "5xx":
        raise TransientError(f"503 on {step} (nothing written)")
    if fault == "429":
        raise RetryAfterError(retry_after, f"429 on {step}; retry after {retry_after:g}s")
    if fault == "409":
        raise ConflictError(f"409 on {step}")
    if fault == "400":
        raise PermanentError(f"400 on {step}: refused")


def _after(fault: str | None, step: str, power: Power) -> None:
    """Raise what a fault does once the step's effect is in place."""
    if fault == "lost":
        raise TransientError(f"timeout on {step}: the answer was lost (the write landed)")
    if fault == "crash_after":
        raise power.crash(f"died after {step}")


# ---------------------------------------------------------------- the helpdesk


class MemoryHelpdesk(HelpdeskAdapter):
    """A helpdesk in memory. `style="zendesk"`: the fields and the note are one update, the reply a second;
    `style="freshdesk"`: the update, then the note, then the reply, each a write of its own. Every write moves the
    ticket's version; a write conditional on an older version is a conflict (409)."""

    name: ClassVar[str] = "memory"

    def __init__(self, *, style: str = "zendesk", clock: Any = None, bot_id: str = "bot",
                 power: Power | None = None) -> None:
        self.power = power or Power()
        self.style = style
        self.clock = clock
        self.bot_id = bot_id
        self.tickets: dict[str, Ticket] = {}
        self.customers: dict[str, Customer] = {}
        self.tasks: dict[str, Ticket] = {}  # external id -> task ticket
        self.timelines: dict[str, TicketTimeline] = {}  # the past the test gives a ticket (escalator simulate)
        self.faults = Faults()
        self.calls: list[str] = []
        self._ids = itertools.count(1)
        self._current = ""

    @classmethod
    def from_config(cls, config: EscalatorConfig, **options: Any) -> MemoryHelpdesk:
        return cls(**options)

    # -- the world the test sets up

    def add(self, ticket: Ticket) -> Ticket:
        ticket = replace(ticket, version=ticket.version or "v1")
        self.tickets[ticket.id] = ticket
        return ticket

    def agent_edit(self, ticket_id: str, **changes: Any) -> Ticket:
        """An agent changes the ticket (its version moves)."""
        ticket = self.tickets[ticket_id]
        updated = replace(ticket, **changes, version=self._next_version(ticket), updated_at=self._now(ticket))
        self.tickets[ticket_id] = updated
        return updated

    def comments_with(self, ticket_id: str, marker: str) -> list[Comment]:
        return [c for c in self.tickets[ticket_id].comments if marker in c.body]

    def _now(self, ticket: Ticket) -> datetime:
        now: datetime = self.clock() if self.clock is not None else ticket.updated_at
        return max(now, ticket.updated_at)

    @staticmethod
    def _next_version(ticket: Ticket) -> str:
        return f"v{int((ticket.version or 'v0')[1:]) + 1}"

    def _step(self, step: str) -> str | None:
        self.power.check()
        self.calls.append(step)
        fault = self.faults.take(step)
        if fault == "409" and step in ("update", "note", "reply"):  # someone else changed the ticket meanwhile
            ticket_id = self._current
            if ticket_id in self.tickets:
                self.agent_edit(ticket_id, tags=self.tickets[ticket_id].tags | {"agent_touched"})
        _before(fault, step, self.faults.retry_after, self.power)
        return fault

    # -- inbound

    def parse_webhook(self, headers: Mapping[str, str], body: bytes, *, now: datetime) -> list[TicketEvent]:
        raise PermanentError("the memory helpdesk sends no webhooks")

    # -- reads

    def get_ticket(self, ticket_id: str) -> Ticket:
        fault = self._step("read")
        ticket = self.tickets.get(ticket_id)
        if ticket is None:
            raise NotFoundError(f"ticket {ticket_id} not found")
        _after(None if fault == "lost" else fault, "read", self.power)
        return ticket

    def get_comments(self, ticket_id: str) -> tuple[Comment, ...]:
        fault = self._step("comments")
        ticket = self.tickets.get(ticket_id)
        if ticket is None:
            raise NotFoundError(f"ticket {ticket_id} not found")
        _after(None if fault == "lost" else fault, "comments", self.power)
        return ticket.comments

    def get_tickets(self, ticket_ids: Sequence[str]) -> list[Ticket]:
        self._step("bulk_read")
        return [replace(self.tickets[t], comments=(), comments_loaded=False) for t in ticket_ids if t in self.tickets]

    def get_customer(self, requester_id: str) -> Customer:
        fault = self._step("customer")
        if requester_id not in self.customers:
            raise NotFoundError(f"user {requester_id} not found")
        _after(None if fault == "lost" else fault, "customer", self.power)
        return self.customers[requester_id]

    def requester_tickets(self, requester_id: str, since: datetime) -> list[TicketSummary]:
        return [TicketSummary(t.id, t.subject, t.created_at, t.status, t.tags) for t in self.tickets.values()
                if t.requester_id == requester_id and t.created_at >= since]

    def open_tickets(self) -> Iterator[Ticket]:
        return iter([t for t in self.tickets.values() if not t.status.is_done])

    def export_tickets(self, since: datetime, cursor: str | None = None) -> ExportPage:
        return ExportPage(tuple(t for t in self.tickets.values() if t.updated_at >= since), None, True)

    def ticket_timeline(self, ticket: Ticket) -> TicketTimeline:
        """The past the test set in `timelines`, else the ticket as it is, its only state."""
        self._step("timeline")
        found = self.timelines.get(ticket.id)
        return found if found is not None else TicketTimeline(ticket.platform, ticket.id, (Step(ticket),))

    def satisfaction_ratings(self, since: datetime) -> Iterator[SatisfactionRating]:
        return iter(())

    def install(self, callback_url: str, secret: str) -> InstallResult:
        return InstallResult("memory", (), False)

    # -- writes

    def _write(self, ticket_id: str, version: str | None, step: str, change: dict[str, Any],
               comment: tuple[str, bool] | None) -> Ticket:
        self._current = ticket_id
        fault = self._step(step)
        ticket = self.tickets.get(ticket_id)
        if ticket is None:
            raise NotFoundError(f"ticket {ticket_id} not found")
        if ticket.status == Status.CLOSED:
            raise PermanentError(f"ticket {ticket_id} is closed")
        if version is not None and ticket.version != version:
            raise ConflictError(f"ticket {ticket_id} is at {ticket.version}, the write was for {version}")
        now = self._now(ticket)
        comments = ticket.comments
        if comment is not None:
            comments = (*comments, Comment(id=str(next(self._ids)), body=comment[0], public=comment[1],
                                           created_at=now, author_id=self.bot_id, by_agent=True))
        updated = replace(ticket, **change, comments=comments, version=self._next_version(ticket), updated_at=now)
        self.tickets[ticket_id] = updated
        _after(fault, step, self.power)
        return updated

    @staticmethod
    def _fields(ticket: Ticket, request: ApplyRequest) -> dict[str, Any]:
        changes = request.changes
        out: dict[str, Any] = {}
        if changes.priority is not None:
            out["priority"] = changes.priority
        if changes.add_tags or changes.remove_tags:
            out["tags"] = (ticket.tags - changes.remove_tags) | changes.add_tags
        if changes.group_id is not None:
            out["group_id"] = changes.group_id
        if changes.assignee_id is not None:
            out["assignee_id"] = changes.assignee_id
        elif changes.clear_assignee:
            out["assignee_id"] = None
        if changes.status is not None:
            out["status"] = changes.status
        return out

    def create_task_ticket(self, parent: Ticket, task: TaskTicket, idempotency_key: str) -> str:
        external_id = task_external_id(idempotency_key)
        if external_id in self.tasks:
            return self.tasks[external_id].id
        fault = self._step("task")
        now = self.clock() if self.clock is not None else parent.updated_at
        created = Ticket(platform=parent.platform, id=f"task-{next(self._ids)}", subject=task.subject,
                         status=Status.OPEN, created_at=now, updated_at=now, tags=task.tags, group_id=task.group_id)
        self.tasks[external_id] = created
        _after(fault, "task", self.power)
        return created.id

    def apply(self, request: ApplyRequest) -> ApplyResult:
        ticket_id, changes, key = request.ticket.id, request.changes, request.idempotency_key
        landed: set[Part] = set()
        writes = 0
        version = request.ticket.version
        note = changes.internal_note
        try:
            if changes.task is not None:
                task_id = self.create_task_ticket(request.ticket, changes.task, key)
                writes += 1
                landed.add(Part.TASK)
                note = f"{(note or '').rstrip()}\n\n{task_link(task_id, 'memory://' + task_id)}".lstrip()
            current = self.tickets.get(ticket_id, request.ticket)
            fields = self._fields(current, request)
            marked_note = (with_marker(note, note_marker(key)), False) if note is not None else None
            after: Ticket | None = None
            if self.style == "zendesk":
                if fields or marked_note:
                    writes += 1
                    after = self._write(ticket_id, version, "update", fields, marked_note)
                    version = after.version
                    landed |= ({Part.FIELDS} if fields else set()) | ({Part.NOTE} if marked_note else set())
            else:
                if fields:
                    writes += 1
                    after = self._write(ticket_id, version, "update", fields, None)
                    version = after.version
                    landed.add(Part.FIELDS)
                if marked_note:
                    writes += 1
                    after = self._write(ticket_id, None, "note", {}, marked_note)
                    landed.add(Part.NOTE)
            if changes.public_reply is not None:
                writes += 1
                after = self._write(ticket_id, version if self.style == "zendesk" else None, "reply", {},
                                    (with_marker(changes.public_reply, hidden_reply_marker(key)), True))
                landed.add(Part.REPLY)
        except HelpdeskError as exc:
            exc.landed = frozenset(landed)
            raise
        return ApplyResult(ticket_id, True, ticket=after, write_requests=writes, landed=frozenset(landed))

    def apply_many(self, requests: Sequence[ApplyRequest]) -> list[ApplyResult]:
        """One by one; a rate limit stops the rest (as the real adapters do)."""
        results: list[ApplyResult] = []
        limited: RetryAfterError | None = None
        for request in requests:
            if limited is not None:
                results.append(ApplyResult(request.ticket.id, False, error=limited))
                continue
            try:
                results.append(self.apply(request))
            except HelpdeskError as exc:
                if isinstance(exc, RetryAfterError):
                    limited = exc
                results.append(ApplyResult(request.ticket.id, False, error=exc, landed=exc.landed))
        return results


# ---------------------------------------------------------------- the store


@dataclass
class _Event:
    id: int
    platform: str
    delivery_id: str
    ticket_id: str
    event: TicketEvent
    received_at: datetime
    state: EventState = EventState.RECEIVED
    owner: str | None = None
    not_before: datetime | None = None
    attempts: int = 0


@dataclass
class _Mirror:
    status: Status
    priority: Any
    initial_priority: Any
    created_at: datetime
    platform_updated_at: datetime
    assignee_id: str | None
    tier: int = 1
    fired: set[str] = field(default_factory=set)
    first_response_at: datetime | None = None
    assignee_changed_at: datetime | None = None
    last_decided_at: datetime | None = None
    solved_at: datetime | None = None
    reopened: int = 0


@dataclass
class QueuedNotification:
    platform: str
    notification: Notification
    not_before: datetime | None
    created_at: datetime
    status: str = "pending"


@dataclass
class _Timer:
    version: int
    due_at: datetime
    state: TimerState = TimerState.ARMED


def _process(owner: str) -> str:
    return owner.split("#", 1)[0]


class MemoryStore:
    """The pipeline's unit of work in memory (plugin.ports.TicketStore). `faults` plans a Crash before or after
    any of its operations (`faults.plan("record", "crash_before")`)."""

    def __init__(self, power: Power | None = None) -> None:
        self.power = power or Power()
        self.leases: dict[str, tuple[str, datetime]] = {}
        self.events: dict[int, _Event] = {}
        self.mirrors: dict[tuple[str, str], _Mirror] = {}
        self.statuses: dict[tuple[str, str], list[StatusChange]] = defaultdict(list)
        self.escalations: dict[tuple[str, str], list[EscalationEntry]] = defaultdict(list)
        self.sla_bases: dict[tuple[str, str], list[SlaBasis]] = defaultdict(list)
        self.customers: dict[tuple[str, str], tuple[Customer, datetime]] = {}
        self.profiles: dict[tuple[str, str], tuple[str, float | None]] = {}  # the tier and value cached with each
        self.intents: dict[str, Intent] = {}
        self.intent_not_before: dict[str, datetime | None] = {}
        self.notifications: list[QueuedNotification] = []
        self.timers: dict[tuple[str, str], list[_Timer]] = defaultdict(list)
        self.dead_letters: list[tuple[str, list[Any], str]] = []
        self.kept: dict[tuple[str, str], KeptTicket] = {}  # plugin.kept
        self.faults = Faults()
        self._ids = itertools.count(1)

    def _op(self, name: str) -> str | None:
        self.power.check()
        fault = self.faults.take(name)
        if fault == "crash_before":
            raise self.power.crash(f"died before {name}")
        return fault

    def _done(self, fault: str | None, name: str) -> None:
        if fault == "crash_after":
            raise self.power.crash(f"died after {name}")

    # -- leases

    def take(self, key: str, platform: str, ticket_id: str, owner: str, now: datetime, lease: timedelta
             ) -> Taken | None:
        fault = self._op("take")
        held = self.leases.get(key)
        if held is not None and held[1] >= now:
            return None
        self.leases[key] = (owner, now + lease)
        events = []
        for row in self.events.values():
            if row.platform == platform and row.ticket_id == ticket_id and row.state != EventState.DONE:
                row.state, row.owner = move(row.state, EventState.PROCESSING), _process(owner)
                row.attempts += 1
                events.append(InboxEvent(row.id, row.event, row.state, row.attempts, row.received_at))
        intents = sorted((i for i in self.intents.values() if i.platform == platform and i.ticket_id == ticket_id
                          and i.state in (IntentState.DECIDED, IntentState.WRITING, IntentState.LANDED)),
                         key=lambda i: i.decided_at)
        self._done(fault, "take")
        return Taken(events, intents, kept=self.kept.get((platform, ticket_id)))

    def renew(self, owner: str, now: datetime, lease: timedelta) -> int:
        self.power.check()
        mine = [k for k, (o, _) in self.leases.items() if _process(o) == _process(owner)]
        for key in mine:
            self.leases[key] = (self.leases[key][0], now + lease)
        return len(mine)

    def release(self, key: str, owner: str) -> None:
        self.power.check()
        if self.leases.get(key, ("", None))[0] == owner:
            del self.leases[key]

    def hold(self, key: str, owner: str, until: datetime) -> None:
        self.power.check()
        if self.leases.get(key, ("", None))[0] == owner:
            self.leases[key] = (HOLD_OWNER, until)

    def leased(self, keys: Collection[str], now: datetime) -> dict[str, datetime | None]:
        return {k: (self.leases[k][1] if self.leases[k][0] == HOLD_OWNER else None) for k in keys
                if k in self.leases and self.leases[k][1] >= now}

    def owners(self) -> set[str]:
        found = {_process(o) for o, _ in self.leases.values() if o != HOLD_OWNER}
        found |= {e.owner for e in self.events.values() if e.state == EventState.PROCESSING and e.owner}
        return found

    def release_owners(self, owners: Collection[str]) -> Released:
        processes = {_process(o) for o in owners}
        leases = [k for k, (o, _) in self.leases.items() if _process(o) in processes]
        for key in leases:
            del self.leases[key]
        events = 0
        for event in self.events.values():
            if event.state == EventState.PROCESSING and event.owner in processes:
                event.state, event.owner = move(event.state, EventState.RECEIVED), None
                events += 1
        return Released(len(leases), events, 0)

    # -- the inbox

    def add_event(self, event: TicketEvent, now: datetime) -> bool:
        if any(e.platform == event.platform and e.delivery_id == event.delivery_id for e in self.events.values()):
            return False
        fault = self._op("add_event")
        row = _Event(next(self._ids), event.platform, event.delivery_id, event.ticket_id, event, now)
        self.events[row.id] = row
        self._done(fault, "add_event")
        return True

    def finish_events(self, ids: Collection[int], now: datetime) -> None:
        fault = self._op("finish_events")
        self._finish(ids)
        self._done(fault, "finish_events")

    def _finish(self, ids: Collection[int]) -> None:
        for event_id in ids:
            row = self.events[event_id]
            if row.state != EventState.DONE:
                row.state, row.owner, row.not_before = move(row.state, EventState.DONE), None, None

    def release_events(self, platform: str, ticket_ids: Collection[str], owner: str, *, counted: bool = True
                       ) -> None:
        self.power.check()
        for row in self.events.values():
            if (row.platform == platform and row.ticket_id in ticket_ids and row.state == EventState.PROCESSING
                    and row.owner == _process(owner)):
                row.state, row.owner = move(row.state, EventState.RECEIVED), None
                if not counted:
                    row.attempts = max(row.attempts - 1, 0)

    def unfinished(self, now: datetime, older_than: datetime | None, limit: int
                   ) -> list[tuple[str, str, datetime | None]]:
        found: dict[tuple[str, str], datetime | None] = {}

        def note(platform: str, ticket_id: str, not_before: datetime | None) -> None:
            known = found.get((platform, ticket_id))
            found[(platform, ticket_id)] = not_before if known is None else max(known, not_before or known)

        for row in self.events.values():
            if row.state != EventState.DONE and (older_than is None or row.received_at < older_than):
                note(row.platform, row.ticket_id, row.not_before)
        for intent in self.intents.values():
            if intent.state in (IntentState.DECIDED, IntentState.WRITING, IntentState.LANDED) and (
                    older_than is None or intent.decided_at < older_than):
                note(intent.platform, intent.ticket_id, self.intent_not_before.get(intent.key))
        return [(p, t, nb) for (p, t), nb in found.items()][:limit]

    def defer(self, platform: str, ticket_id: str, until: datetime) -> None:
        fault = self._op("defer")
        for row in self.events.values():
            if row.platform == platform and row.ticket_id == ticket_id and row.state != EventState.DONE:
                row.not_before = until
        for intent in self.intents.values():
            if intent.platform == platform and intent.ticket_id == ticket_id:
                self.intent_not_before[intent.key] = until
        self._done(fault, "defer")

    # -- the ticket's state

    def observe(self, ticket: Ticket, events: Sequence[TicketEvent], now: datetime, read_at: datetime | None = None,
                keep: bool = True) -> Observation:
        fault = self._op("observe")
        key = (ticket.platform, ticket.id)
        kept = self.kept.get(key)
        if keep and ticket.comments_loaded:
            self.kept[key] = KeptTicket(ticket, read_at or now)
        elif keep and kept is not None and events:
            self._take_in(key, kept, events)
        history = self.statuses[key]
        mirror = self.mirrors.get(key)
        for event in events:
            if event.status is not None and (event.occurred_at is not None or mirror is not None):
                self._status(key, event.status, event.occurred_at or now)
        first_decision = mirror is None or mirror.last_decided_at is None
        if mirror is None:
            mirror = self.mirrors[key] = _Mirror(ticket.status, ticket.priority, ticket.priority, ticket.created_at,
                                                 ticket.updated_at, ticket.assignee_id)
            if not history:
                self._status(key, ticket.status, ticket.created_at)
        else:
            if mirror.status != ticket.status:
                self._status(key, ticket.status, max(ticket.updated_at, mirror.platform_updated_at))
            if mirror.assignee_id != ticket.assignee_id:
                mirror.assignee_changed_at = max(ticket.updated_at, mirror.platform_updated_at)
        mirror.status, mirror.priority, mirror.assignee_id = ticket.status, ticket.priority, ticket.assignee_id
        mirror.platform_updated_at = max(mirror.platform_updated_at, ticket.updated_at)
        if ticket.comments_loaded:
            if ticket.first_agent_reply_at is not None and mirror.first_response_at is None:
                mirror.first_response_at = ticket.first_agent_reply_at
        else:
            ticket = replace(ticket, known_first_reply_at=mirror.first_response_at)
        cached = self.customers.get((ticket.platform, ticket.requester_id or ""))
        customer = cached[0] if cached is not None and cached[1] > now else None
        observed = Observation(ticket, self._history(key, mirror), customer, first_decision)
        self._done(fault, "observe")
        return observed

    def _status(self, key: tuple[str, str], status: Status, at: datetime) -> None:
        before = [s for s in self.statuses[key] if s.at <= at]
        if before and before[-1].status == status:
            return
        self.statuses[key].append(StatusChange(at, status))
        self.statuses[key].sort(key=lambda s: s.at)

    def _history(self, key: tuple[str, str], mirror: _Mirror) -> TicketHistory:
        alerts = tuple(SentAlert(q.created_at, q.notification.role, q.notification.dedupe_key)
                       for q in self.notifications if (q.platform, q.notification.ticket_id) == key
                       and q.notification.role != "customer")
        return TicketHistory(status_changes=tuple(self.statuses[key]), escalations=tuple(self.escalations[key]),
                             fired=frozenset(mirror.fired), initial_priority=mirror.initial_priority,
                             first_agent_action_at=mirror.first_response_at,
                             assigned_at=mirror.assignee_changed_at, sla_bases=tuple(self.sla_bases[key]),
                             alerts=alerts)

    def _take_in(self, key: tuple[str, str], kept: KeptTicket, events: Sequence[TicketEvent]) -> None:
        taken_in = merged(kept.ticket, events)
        if taken_in is None:
            del self.kept[key]
        else:
            self.kept[key] = replace(kept, ticket=taken_in)

    def finish_echoes(self, platform: str, ticket_id: str, events: Sequence[InboxEvent], now: datetime) -> None:
        fault = self._op("finish_echoes")
        kept = self.kept.get((platform, ticket_id))
        if kept is not None:
            self._take_in((platform, ticket_id), kept, [e.event for e in events if e.event is not None])
        self._finish([e.id for e in events])
        self._done(fault, "finish_echoes")

    def cache_customer(self, platform: str, customer: Customer, tier: str, lifetime_value: float | None,
                       now: datetime, ttl: timedelta) -> None:
        self.power.check()
        self.customers[(platform, customer.id)] = (customer, now + ttl)
        self.profiles[(platform, customer.id)] = (tier, lifetime_value)

    # -- intents

    def save_intent(self, intent: Intent) -> None:
        fault = self._op("save_intent")
        if intent.key in self.intents:
            raise ValueError(f"intent {intent.key} exists")
        self.intents[intent.key] = intent
        self._done(fault, "save_intent")

    def move_intent(self, key: str, target: IntentState, *, landed: Collection[Part] = (),
                    error: str | None = None, counted: bool = True) -> Intent:
        fault = self._op(f"intent:{target.value}")
        intent = self.intents[key]
        state = move(intent.state, target)
        self.intents[key] = replace(intent, state=state, landed=intent.landed | frozenset(landed),
                                    last_error=error if error is not None else intent.last_error,
                                    attempts=intent.attempts + (error is not None and counted))
        self._done(fault, f"intent:{target.value}")
        return self.intents[key]

    def record(self, record: DecisionRecord) -> Recorded:
        fault = self._op("record")
        platform, decision, now = record.platform, record.decision, record.now
        if record.intent_key is not None:  # checked first: a refused move changes nothing
            intent = self.intents[record.intent_key]
            if intent.state != IntentState.RECORDED:
                move(intent.state, IntentState.RECORDED)
            else:
                raise IllegalMove("intent", intent.state.value, IntentState.RECORDED.value)
            self.intents[record.intent_key] = replace(intent, state=IntentState.RECORDED)
        key = (platform, decision.ticket_id)
        mirror = self.mirrors.get(key)
        kept = self.kept.get(key)
        if record.after_write is not None and kept is not None:
            self.kept[key] = replace(kept, ticket=record.after_write)
        if mirror is not None:
            mirror.fired |= decision.fired
            mirror.last_decided_at = now
            mirror.tier = max(mirror.tier, decision.tier)
            if decision.changes.priority is not None:
                mirror.priority = decision.changes.priority
            self.escalations[key].extend(decision.escalations)
            bases = self.sla_bases[key]
            if decision.sla_basis is not None and not decision.sla_basis.same_as(bases[-1] if bases else None):
                bases.append(replace(decision.sla_basis, at=max([decision.sla_basis.at, *(b.at for b in bases[-1:])])))
            if record.resolution is not None and mirror.solved_at is None:
                mirror.solved_at = record.resolution.solved_at
            elif not record.ticket.status.is_done and mirror.solved_at is not None:
                mirror.solved_at, mirror.reopened = None, mirror.reopened + 1
        queued = 0
        for notification, not_before in record.notifications:
            if not any(q.platform == platform and q.notification.ticket_id == notification.ticket_id
                       and q.notification.role == notification.role
                       and q.notification.dedupe_key == notification.dedupe_key
                       and q.created_at > now - record.dedupe_period and q.status != "failed"
                       for q in self.notifications):
                self.notifications.append(QueuedNotification(platform, notification, not_before, now))
                queued += 1
        armed = None
        if decision.next_check_at is not None:
            timers = self.timers[key]
            current = timers[-1] if timers else None
            if current is None or current.state != TimerState.ARMED or current.due_at != decision.next_check_at:
                if current is not None and current.state == TimerState.ARMED:
                    current.state = move(current.state, TimerState.SUPERSEDED)
                timers.append(_Timer((current.version if current else 0) + 1, decision.next_check_at))
                armed = ArmedTimer(platform, decision.ticket_id, timers[-1].version, decision.next_check_at)
        self._finish(record.event_ids)
        self._done(fault, "record")
        return Recorded(queued, armed)

    # -- timers

    def timer_armed(self, platform: str, ticket_id: str, version: int) -> bool:
        return any(t.version == version and t.state == TimerState.ARMED for t in self.timers[(platform, ticket_id)])

    def fire_timer(self, platform: str, ticket_id: str, version: int, now: datetime) -> bool:
        self.power.check()
        for timer in self.timers[(platform, ticket_id)]:
            if timer.version == version and timer.state == TimerState.ARMED:
                timer.state = move(timer.state, TimerState.FIRED)
                return True
        return False

    def due_timers(self, now: datetime, limit: int) -> list[tuple[str, str, int]]:
        due = [(p, t, timer.version, timer.due_at) for (p, t), timers in self.timers.items() for timer in timers
               if timer.state == TimerState.ARMED and timer.due_at <= now]
        return [(p, t, v) for p, t, v, _ in sorted(due, key=lambda d: d[3])][:limit]

    # -- failures for good

    def add_dead_letter(self, task: str, args: Sequence[Any], error: str, attempts: int, now: datetime,
                        platform: str | None = None, ticket_id: str | None = None) -> None:
        self.power.check()
        self.dead_letters.append((task, list(args), error))
