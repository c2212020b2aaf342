"""The ports: what the service layer needs from the world, defined in the core so that adapters depend on the core
and never the other way round.

- `HelpdeskAdapter`, the helpdesk port: verify and parse a webhook (pure, from headers and raw bytes), read tickets
  and customers, write a decision's changes. Its request and result types and its typed errors live here too.
- `TicketStore`, the unit of work the ticket pipeline runs on: leases, the inbox, the ticket's state, intents, the
  record of a decision (one transaction), timers, dead letters. `plugin/store/` implements it on SQL,
  `adapters/memory.py` in memory for millisecond tests.
- `WorkQueue`, how work is queued (huey in production, a list in tests); `Decider`, the engine; `Helpdesks`, the
  adapters by platform name.
"""

from __future__ import annotations

import abc
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from plugin.domain import (
    Comment,
    Customer,
    Decision,
    Notification,
    Priority,
    Status,
    TaskTicket,
    Ticket,
    TicketChanges,
    TicketEvent,
    TicketHistory,
    TicketSummary,
)
from plugin.kept import KeptTicket
from plugin.ledger import Intent, Part
from plugin.lifecycles import EventState, IntentState
from plugin.replay.timeline import TicketTimeline

if TYPE_CHECKING:
    from plugin.config import EscalatorConfig


# ---------------------------------------------------------------- webhook errors (inbound, no network)


class WebhookError(Exception):
    """A webhook we refuse. `code` is machine-readable, `http_status` what the receiver answers."""

    code: ClassVar[str] = "bad_webhook"
    http_status: ClassVar[int] = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class MissingSignatureError(WebhookError):
    code = "missing_signature"
    http_status = 401


class BadSignatureError(WebhookError):
    code = "bad_signature"
    http_status = 401


class StaleTimestampError(WebhookError):
    code = "stale_timestamp"
    http_status = 401


class NotJsonError(WebhookError):
    code = "not_json"
    http_status = 400


class UnknownEventError(WebhookError):
    code = "unknown_event"
    http_status = 400


class MissingFieldError(WebhookError):
    code = "missing_field"
    http_status = 400


class InvalidFieldError(WebhookError):
    code = "invalid_field"
    http_status = 400


# ---------------------------------------------------------------- API errors (outbound)


class HelpdeskError(Exception):
    """A call to the platform failed. Messages never carry credentials. `landed` names the parts of a write whose
    answer confirmed them before the failure (a Freshdesk update that landed before its note failed)."""

    retryable: ClassVar[bool] = False

    def __init__(self, message: str = "", *, landed: Collection[Part] = ()) -> None:
        super().__init__(message)
        self.landed: frozenset[Part] = frozenset(landed)


class RetryAfterError(HelpdeskError):
    """The platform rate-limited us: re-queue the work `retry_after` seconds from now; never sleep a worker."""

    retryable = True

    def __init__(self, retry_after: float, message: str = "", *, landed: Collection[Part] = ()) -> None:
        super().__init__(message or f"rate limited; retry after {retry_after:g}s", landed=landed)
        self.retry_after = retry_after


class TransientError(HelpdeskError):
    """5xx, timeout or connection error that survived the adapter's own bounded retries of reads. On a write, the
    answer is unknown: the write may have landed (only a read-back tells)."""

    retryable = True


class ConflictError(HelpdeskError):
    """The ticket changed since we read it (Zendesk 409 on safe_update, Freshdesk tags moved): re-read, re-decide."""

    retryable = True


class NotFoundError(HelpdeskError):
    """The ticket, user or organization does not exist (or was deleted)."""


class PermanentError(HelpdeskError):
    """Bad credentials, validation failure, forbidden: retrying will not help."""


# ---------------------------------------------------------------- requests and results


@dataclass(frozen=True)
class ApplyRequest:
    """The changes still to write for one intent (see plugin.ledger), on the ticket as read, with the intent's key:
    every comment carries a marker made from it. `ticket.version` is the version the write is conditional on."""

    ticket: Ticket
    changes: TicketChanges
    idempotency_key: str


@dataclass(frozen=True)
class ApplyResult:
    ticket_id: str
    ok: bool
    ticket: Ticket | None = None  # the ticket after the write, when the platform returns it
    error: HelpdeskError | None = None
    write_requests: int = 0
    landed: frozenset[Part] = frozenset()  # the parts this call's answers confirmed
    # The update times this call's writes left on the ticket, as the platform's answers gave them, where its webhooks
    # cannot name who made a change (Freshdesk): they are how our own changes coming back are known.
    written_at: tuple[datetime, ...] = ()


@dataclass(frozen=True)
class SatisfactionRating:
    ticket_id: str
    score: str  # "good" / "bad" (Zendesk) or a number as text (Freshdesk)
    positive: bool
    created_at: datetime


@dataclass(frozen=True)
class InstallResult:
    webhook_id: str
    rule_ids: tuple[str, ...]
    created: bool
    details: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ExportPage:
    tickets: tuple[Ticket, ...]
    cursor: str | None
    end_of_stream: bool


@dataclass(frozen=True)
class SlaImport:
    """A helpdesk's SLA policies and business hours as configuration: the `schedules` entries and the `sla` keys
    they become (plain values, as the YAML file holds them), and what could not be translated as it is."""

    platform: str
    schedules: Mapping[str, Any]
    sla: Mapping[str, Any]
    untranslated: tuple[str, ...] = ()


# ---------------------------------------------------------------- the helpdesk port


@dataclass(frozen=True)
class FirstRead:
    """What a first decision reads: the ticket whole, and its requester's recent tickets (None: not read)."""

    ticket: Ticket
    related: tuple[TicketSummary, ...] | None


class HelpdeskAdapter(abc.ABC):
    """What the service layer needs from a helpdesk platform."""

    name: ClassVar[str]
    # Whether a webhook carrying the ticket's fields may stand in for reading it (plugin.kept): yes for a platform's
    # own adapter; no for one whose reads show more than the helpdesk holds (shadow mode's overlay).
    events_stand_in_for_reads: ClassVar[bool] = True

    @classmethod
    @abc.abstractmethod
    def from_config(cls, config: EscalatorConfig, **options: Any) -> HelpdeskAdapter:
        """Build the adapter from the `<name>:` section of the configuration."""

    # inbound: pure
    @abc.abstractmethod
    def parse_webhook(self, headers: Mapping[str, str], body: bytes, *, now: datetime) -> list[TicketEvent]:
        """Authenticate on the raw bytes, then parse. Raises only `WebhookError` subclasses."""

    # read
    @abc.abstractmethod
    def get_ticket(self, ticket_id: str) -> Ticket:
        """One ticket with its comments."""

    def read_first(self, ticket_id: str, requester_id: str, since: datetime) -> FirstRead:
        """A first decision's reads: the ticket with its comments, and its requester's tickets created since
        `since` (for the repeat-contact rule), in as few requests as the platform allows (default: get_ticket,
        then requester_tickets). `related` is None when the ticket's requester is not `requester_id` any more."""
        ticket = self.get_ticket(ticket_id)
        if ticket.requester_id != requester_id:
            return FirstRead(ticket, None)
        return FirstRead(ticket, tuple(self.requester_tickets(requester_id, since)))

    def get_comments(self, ticket_id: str) -> tuple[Comment, ...]:
        """One ticket's comments, oldest first (default: the ticket read whole); adapters override this where the
        platform reads them alone."""
        return self.get_ticket(ticket_id).comments

    @abc.abstractmethod
    def get_tickets(self, ticket_ids: Sequence[str]) -> list[Ticket]:
        """Many tickets in as few calls as the platform allows; comments not included."""

    @abc.abstractmethod
    def get_customer(self, requester_id: str) -> Customer:
        """The requester with their organization's fields and tags merged in."""

    @abc.abstractmethod
    def requester_tickets(self, requester_id: str, since: datetime) -> list[TicketSummary]:
        """The requester's tickets created since `since` (for the repeat-contact rule)."""

    @abc.abstractmethod
    def open_tickets(self) -> Iterator[Ticket]:
        """Every ticket not solved or closed, for sweeps; comments not included."""

    @abc.abstractmethod
    def export_tickets(self, since: datetime, cursor: str | None = None) -> ExportPage:
        """One page of the incremental export, for backfill."""

    def ticket_timeline(self, ticket: Ticket) -> TicketTimeline:
        """The ticket's past, one state a change, from its creation to `ticket` (as the export gave it), for the
        replay (`escalator simulate`). Reads only. Adapters say in the timeline's `sees` what their platform's
        history cannot show."""
        raise PermanentError(f"{self.name}: replaying past tickets is not supported")

    def get_customers(self, requester_ids: Sequence[str]) -> dict[str, Customer]:
        """Many requesters, in as few calls as the platform allows (default: one `get_customer` each); a requester
        not found is left out."""
        out = {}
        for requester_id in dict.fromkeys(requester_ids):
            try:
                out[requester_id] = self.get_customer(requester_id)
            except NotFoundError:
                continue
        return out

    def watch_every(self) -> timedelta | None:
        """How often the service should list the tickets changed since its last look, for changes this platform's
        webhooks cannot report (plugin.service.watch); None: its webhooks report every change that matters."""
        return None

    @abc.abstractmethod
    def satisfaction_ratings(self, since: datetime) -> Iterator[SatisfactionRating]:
        """Satisfaction ratings received since `since`."""

    # write
    @abc.abstractmethod
    def apply(self, request: ApplyRequest) -> ApplyResult:
        """Write `request.changes`, every comment with its marker, in the ledger's order (fields, task, note,
        reply). Never reads back to guess what landed: that is the ledger's job. Raises `RetryAfterError`,
        `ConflictError`, `TransientError` (the answer is unknown), `PermanentError`, each carrying in `landed` the
        parts confirmed before it."""

    def apply_many(self, requests: Sequence[ApplyRequest]) -> list[ApplyResult]:
        """Write many decisions; adapters override this where the platform has a bulk call. Every request gets a
        result; a failed one carries its error."""
        results = []
        for request in requests:
            try:
                results.append(self.apply(request))
            except HelpdeskError as exc:
                results.append(ApplyResult(request.ticket.id, False, error=exc, landed=exc.landed))
        return results

    def create_task_ticket(self, parent: Ticket, task: TaskTicket, idempotency_key: str) -> str:
        """Create the linked task ticket for `task` once and return its id: a second call with the same key finds
        the first ticket (by its external id, or however the platform allows) and creates nothing. `apply` calls
        this when `changes.task` is set, and links the task in the internal note it writes on `parent`."""
        raise PermanentError(f"{self.name}: linked task tickets are not supported; set workflow.escalation_task "
                             f"to reassign")

    def import_sla(self) -> SlaImport:
        """The platform's SLA policies and business-hour schedules, translated (`escalator import`)."""
        raise PermanentError(f"{self.name}: importing SLA policies is not supported")

    # install
    @abc.abstractmethod
    def install(self, callback_url: str, secret: str) -> InstallResult:
        """Create or update the webhook and the rule that sends ticket events to `callback_url`."""

    def group_for_tier(self, config: EscalatorConfig, tier: int) -> str | None:
        if 1 <= tier <= len(config.tiers):
            return config.tiers[tier - 1].groups.get(self.name)
        return None

    def use_budget(self, budget: ApiBudget) -> None:  # noqa: B027 - an adapter without a budget gate ignores it
        """Spend the account's API budget through `budget`: each request asks it first (and waits, as a
        RetryAfterError, when the budget is spent) and tells it what the platform's headers report."""


class ApiBudget(Protocol):
    """The helpdesk account's per-window API budget, shared by every process of the service (plugin.budget)."""

    def take(self, platform: str, cost: int = 1) -> float:
        """Spend `cost` now and return 0, or return the seconds to wait (nothing spent). Urgent work (see
        plugin.budget.urgent_work) may spend the urgent reserve."""
        ...

    def observe(self, platform: str, limit: int | None, remaining: int | None, reset_in: float | None) -> None:
        """What the platform's headers said: the account's limit, what it has left, seconds until that resets."""
        ...


class Helpdesks(Protocol):
    """The adapters of the connected platforms, by name."""

    def get(self, platform: str) -> HelpdeskAdapter: ...

    def names(self) -> list[str]: ...


class Decider(Protocol):
    """The engine: a pure function of the ticket, its customer, its history and the time."""

    def decide(self, ticket: Ticket, customer: Customer | None, history: TicketHistory, now: datetime
               ) -> Decision: ...


class WorkQueue(Protocol):
    """Where the service's work is queued."""

    def enqueue_process(self, platform: str, ticket_id: str, *, cause: str = "event",
                        delay: float | None = None) -> None: ...

    def schedule_timer(self, platform: str, ticket_id: str, version: int, due_at: datetime) -> None: ...

    def queue_due_timers(self, platform: str, due: Sequence[tuple[str, int, datetime]]) -> None:
        """Timers already due, (ticket id, version, due time) of one platform: decided together, in one run (the
        platform's bulk read and write)."""
        ...

    def enqueue_notifications(self) -> None: ...


# ---------------------------------------------------------------- the store port


@dataclass(frozen=True)
class InboxEvent:
    """An acknowledged event as the inbox keeps it (`event` is None when its stored form cannot be read)."""

    id: int
    event: TicketEvent | None
    state: EventState = EventState.RECEIVED
    attempts: int = 0  # the runs that took it, this one included
    received_at: datetime | None = None  # when the webhook that brought it was answered


@dataclass(frozen=True)
class Held:
    """What we hold of a ticket: the platform's update time our last finished decision knew (None: none finished;
    a read whose run then failed is not counted), the update times our own writes left, and the state we hold."""

    updated_at: datetime | None
    tags: frozenset[str]
    status: Status
    priority: Priority | None
    written_at: frozenset[datetime] = frozenset()  # the update times our last writes left on it


@dataclass(frozen=True)
class Taken:
    """What a run takes of a ticket with its lease: its unfinished events, oldest first (now being processed by the
    run's process), its open intents, oldest first, what we hold of the ticket (None: never seen), and the ticket
    of its last run, whole (plugin.kept; None: none kept)."""

    events: list[InboxEvent]
    intents: list[Intent]
    held: Held | None = None
    kept: KeptTicket | None = None


@dataclass(frozen=True)
class Observation:
    """What the store knows of a ticket once it has taken in a fresh read of it."""

    ticket: Ticket  # as read; read without comments, it carries the first reply time we recorded earlier
    history: TicketHistory  # without the requester's other tickets (the caller adds those)
    customer: Customer | None  # the cached requester profile, None when missing or expired
    first_decision: bool  # nothing was decided about this ticket before


@dataclass(frozen=True)
class Resolution:
    """Resolution figures for the reports, set when a ticket is solved (computed by the caller, pure)."""

    solved_at: datetime
    calendar_seconds: float
    business_seconds: float
    first_response_breached: bool | None
    resolution_breached: bool | None


@dataclass(frozen=True)
class DecisionRecord:
    """Everything one decision causes, recorded in one transaction: the mirror and history, the intent's end, the
    notifications (each with the time it may be sent), the next timer, and the events it consumed."""

    platform: str
    ticket: Ticket
    decision: Decision
    now: datetime
    intent_key: str | None = None
    write_requests: int = 0
    event_ids: tuple[int, ...] = ()
    notifications: tuple[tuple[Notification, datetime | None], ...] = ()
    dedupe_period: timedelta = timedelta(hours=24)
    updated_at: datetime | None = None  # the ticket's update time after our own write
    written: Ticket | None = None  # the ticket as our own write's answer gave it (its tags and group after it)
    written_at: tuple[datetime, ...] = ()  # the update times our writes left (ApplyResult.written_at)
    resolution: Resolution | None = None
    after_write: Ticket | None = None  # the ticket as our write left it, kept (plugin.kept) where one is kept


@dataclass(frozen=True)
class ArmedTimer:
    platform: str
    ticket_id: str
    version: int
    due_at: datetime


@dataclass(frozen=True)
class Recorded:
    notifications_queued: int = 0
    timer: ArmedTimer | None = None  # a timer armed anew, to schedule on the queue


@dataclass(frozen=True)
class Released:
    leases: int = 0
    events: int = 0
    notifications: int = 0


HOLD_OWNER = "rate-limited#hold"  # the owner of a lease that keeps a ticket from everyone until a Retry-After time


class TicketStore(Protocol):
    """The unit of work the ticket pipeline runs on. Every method is one transaction; `record` carries a whole
    decision. State changes follow plugin.lifecycles; an illegal one raises IllegalMove."""

    # one worker per ticket: leases that expire, renewed while held. `take` is a run's first step: the lease, the
    # ticket's unfinished events (now the owner's) and its open intents, in one transaction; None when it is held.
    def take(self, key: str, platform: str, ticket_id: str, owner: str, now: datetime, lease: timedelta
             ) -> Taken | None: ...

    def renew(self, owner: str, now: datetime, lease: timedelta) -> int: ...

    def release(self, key: str, owner: str) -> None: ...

    def hold(self, key: str, owner: str, until: datetime) -> None: ...

    def leased(self, keys: Collection[str], now: datetime) -> dict[str, datetime | None]: ...

    def owners(self) -> set[str]: ...

    def release_owners(self, owners: Collection[str]) -> Released: ...

    # the inbox
    def add_event(self, event: TicketEvent, now: datetime) -> bool: ...

    def finish_events(self, ids: Collection[int], now: datetime) -> None: ...

    def release_events(self, platform: str, ticket_ids: Collection[str], owner: str, *, counted: bool = True
                       ) -> None: ...

    def unfinished(self, now: datetime, older_than: datetime | None, limit: int
                   ) -> list[tuple[str, str, datetime | None]]: ...

    def defer(self, platform: str, ticket_id: str, until: datetime) -> None: ...

    # the ticket's state
    def observe(self, ticket: Ticket, events: Sequence[TicketEvent], now: datetime, read_at: datetime | None = None,
                keep: bool = True) -> Observation:
        """Take a run's ticket in (mirror, history, cached customer) and, with `keep`, keep it (plugin.kept):
        `read_at` is when the API last gave it whole (default `now`: it was just read)."""
        ...

    def finish_echoes(self, platform: str, ticket_id: str, events: Sequence[InboxEvent], now: datetime) -> None:
        """Our own writes come back: their events done, what they show taken into the kept ticket."""
        ...

    def cache_customer(self, platform: str, customer: Customer, tier: str, lifetime_value: float | None,
                       now: datetime, ttl: timedelta) -> None: ...

    # intents
    def save_intent(self, intent: Intent) -> None: ...

    def move_intent(self, key: str, target: IntentState, *, landed: Collection[Part] = (),
                    error: str | None = None, counted: bool = True) -> Intent: ...

    def record(self, record: DecisionRecord) -> Recorded: ...

    # timers
    def timer_armed(self, platform: str, ticket_id: str, version: int) -> bool: ...

    def fire_timer(self, platform: str, ticket_id: str, version: int, now: datetime) -> bool: ...

    def due_timers(self, now: datetime, limit: int) -> list[tuple[str, str, int]]: ...

    # failures for good
    def add_dead_letter(self, task: str, args: Sequence[Any], error: str, attempts: int, now: datetime,
                        platform: str | None = None, ticket_id: str | None = None) -> None: ...
