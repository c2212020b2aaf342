"""Domain types shared by the core, the adapters and the service layer.

Everything here is plain immutable data: a ticket as the engine sees it whatever the platform, the customer
behind it, what we remember about it (history), the events a webhook carries, and the decision the engine returns.
Nothing here does I/O. Platforms translate their own shapes into these types in `adapters/`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

MARKER_PREFIX = "escalator-ref:"
# A marker in either of its two forms: visible, `[escalator-ref:KEY]` (internal notes; public replies written before
# replies hid it), or hidden, `<!-- escalator-ref:KEY:reply -->` (public replies: the adapters send it where the
# customer never sees it and put it back in this form when they read the comment; plugin/ledger.py).
_MARKER = re.compile(r"\[" + re.escape(MARKER_PREFIX) + r"|<!--\s*" + re.escape(MARKER_PREFIX))


def is_ours(body: str) -> bool:
    """True for a comment we wrote: every note and reply we post carries our reference marker, visible or hidden."""
    return _MARKER.search(body) is not None


class Priority(enum.IntEnum):
    """Ticket priority, most urgent highest. `code` is the P0..P3 label managers use."""

    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @property
    def code(self) -> str:
        return f"P{4 - self.value}"

    @property
    def label(self) -> str:
        return self.name.capitalize()

    @classmethod
    def parse(cls, value: str | int | Priority) -> Priority:
        """Accept our names, P-codes and the platforms' common spellings ("urgent", "normal")."""
        if isinstance(value, Priority):
            return value
        if isinstance(value, int):
            return cls(value)
        text = value.strip().lower()
        aliases = {"urgent": "critical", "normal": "medium",
                   "p0": "critical", "p1": "high", "p2": "medium", "p3": "low"}
        text = aliases.get(text, text)
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"unknown priority {value!r}: use critical, high, medium or low") from None

    def bumped(self, steps: int = 1) -> Priority:
        return Priority(min(Priority.CRITICAL.value, max(Priority.LOW.value, self.value + steps)))


class Status(enum.StrEnum):
    """Platform status category. Custom platform statuses map onto one of these."""

    NEW = "new"
    OPEN = "open"
    PENDING = "pending"
    ON_HOLD = "on_hold"
    SOLVED = "solved"
    CLOSED = "closed"

    @classmethod
    def parse(cls, value: str) -> Status:
        text = value.strip().lower().replace("-", "_").replace(" ", "_")
        aliases = {"hold": "on_hold", "resolved": "solved", "onhold": "on_hold"}
        text = aliases.get(text, text)
        try:
            return cls(text)
        except ValueError:
            raise ValueError(f"unknown status {value!r}") from None

    @property
    def is_done(self) -> bool:
        return self in (Status.SOLVED, Status.CLOSED)


class WorkflowState(enum.StrEnum):
    """Where a ticket stands in the escalation workflow, as kept in our mirror."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    ESCALATED = "escalated"
    PENDING = "pending"
    RESOLVED = "resolved"
    CLOSED = "closed"


class CustomerTier(enum.StrEnum):
    STANDARD = "standard"
    ENTERPRISE = "enterprise"
    VIP = "vip"


class Sentiment(enum.StrEnum):
    """How the customer sounds, from calm to threatening (legal or public exposure)."""

    CALM = "calm"
    FRUSTRATED = "frustrated"
    ANGRY = "angry"
    THREATENING = "threatening"


@dataclass(frozen=True)
class Comment:
    """One message on a ticket. `by_agent` is true for staff (agents, admins, our integration user). `body` is the
    text as the customer or agent reads it, followed by the hidden markers the platform keeps out of sight (each as
    `<!-- escalator-ref:... -->`, whatever carried it: an HTML comment, an attribute, the comment's metadata)."""

    id: str
    body: str
    public: bool
    created_at: datetime
    author_id: str | None = None
    by_agent: bool = False
    attachments: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ticket:
    """A ticket as the engine sees it. Ids are strings whatever the platform uses."""

    platform: str
    id: str
    subject: str
    status: Status
    created_at: datetime
    updated_at: datetime
    priority: Priority | None = None
    tags: frozenset[str] = frozenset()
    description: str = ""
    group_id: str | None = None
    assignee_id: str | None = None
    requester_id: str | None = None
    organization_id: str | None = None
    ticket_type: str | None = None
    channel: str | None = None
    locale: str | None = None
    url: str | None = None
    raw_status: str | None = None
    custom_fields: Mapping[str, Any] = field(default_factory=dict)
    comments: tuple[Comment, ...] = ()
    # The platform's optimistic-concurrency token (Zendesk updated_at as sent, Freshdesk updated_at).
    version: str | None = None
    # Bulk reads (sweeps) come without comments: then the first reply time we recorded earlier stands in, and the
    # content triggers (sentiment, keywords) wait for a full read.
    comments_loaded: bool = True
    known_first_reply_at: datetime | None = None

    def with_changes(self, **kwargs: Any) -> Ticket:
        return replace(self, **kwargs)

    @property
    def customer_text(self) -> str:
        """Everything the customer wrote: subject, description and their public comments."""
        parts = [self.subject, self.description]
        parts += [c.body for c in self.comments if not c.by_agent]
        return "\n".join(p for p in parts if p)

    @property
    def first_agent_reply_at(self) -> datetime | None:
        """The first public reply by a person on the support side (our own automated replies do not count)."""
        if not self.comments_loaded:
            return self.known_first_reply_at
        replies = [c.created_at for c in self.comments if c.by_agent and c.public and not is_ours(c.body)]
        return min(replies) if replies else None


@dataclass(frozen=True)
class Customer:
    """The requester and their organization, raw: the core classifies them from configured fields."""

    id: str
    name: str = ""
    email: str | None = None
    locale: str | None = None
    organization_id: str | None = None
    organization_name: str | None = None
    tags: frozenset[str] = frozenset()
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TicketSummary:
    """A requester's other ticket, enough for the repeat-contact rule."""

    id: str
    subject: str
    created_at: datetime
    status: Status
    tags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class StatusChange:
    at: datetime
    status: Status


@dataclass(frozen=True)
class EscalationEntry:
    """One escalation: the record that is never deleted."""

    ticket_id: str
    at: datetime
    from_tier: int
    to_tier: int
    rule: str
    reason: str
    figures: Mapping[str, Any]
    actor: str  # "rule:<name>" or "agent:<id>"
    note: str = ""


@dataclass(frozen=True)
class SlaBasis:
    """What the SLA clocks of a ticket were measured on from `at`: the policy, the priority, and the schedule whose
    hours counted (None: calendar time). Kept so that a change re-targets the clocks and keeps the time already
    spent, counted in the hours in force while it was spent."""

    at: datetime
    policy: str
    priority: Priority
    schedule: str | None

    def same_as(self, other: SlaBasis | None) -> bool:
        return other is not None and (self.policy, self.priority, self.schedule) == (
            other.policy, other.priority, other.schedule)


@dataclass(frozen=True)
class SentAlert:
    """An alert recorded for a ticket: to whom, under which dedupe key, when."""

    at: datetime
    role: str
    key: str


@dataclass(frozen=True)
class TicketHistory:
    """What the store remembers about a ticket, handed to the engine with the ticket.

    `status_changes` lets the SLA clocks subtract paused time; `fired` holds the keys of the triggers already acted
    on (so a second decision on the same state adds nothing); `related_tickets` are the requester's other recent
    tickets for the repeat-contact rule.
    """

    status_changes: tuple[StatusChange, ...] = ()
    escalations: tuple[EscalationEntry, ...] = ()
    fired: frozenset[str] = frozenset()
    initial_priority: Priority | None = None
    related_tickets: tuple[TicketSummary, ...] = ()
    first_agent_action_at: datetime | None = None
    assigned_at: datetime | None = None
    sla_bases: tuple[SlaBasis, ...] = ()  # oldest first
    alerts: tuple[SentAlert, ...] = ()

    @property
    def current_tier_from_history(self) -> int:
        return max((e.to_tier for e in self.escalations), default=1)


class EventKind(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    STATUS_CHANGED = "status_changed"
    PRIORITY_CHANGED = "priority_changed"
    COMMENT_ADDED = "comment_added"
    TAGS_CHANGED = "tags_changed"
    ASSIGNEE_CHANGED = "assignee_changed"
    GROUP_CHANGED = "group_changed"
    OTHER = "other"


@dataclass(frozen=True)
class TicketSnapshot:
    """A ticket's own fields as a webhook payload reported them, as of `updated_at`: everything but its comments and
    custom fields (which the payload does not carry). `version` is the platform's concurrency token for that moment,
    in the form its API gives it, so a conditional write made from the snapshot is refused if the ticket moved on."""

    updated_at: datetime
    version: str
    status: Status
    raw_status: str | None = None
    subject: str = ""
    description: str = ""
    priority: Priority | None = None
    tags: frozenset[str] = frozenset()
    group_id: str | None = None
    assignee_id: str | None = None
    requester_id: str | None = None
    organization_id: str | None = None
    ticket_type: str | None = None


@dataclass(frozen=True)
class TicketEvent:
    """One ticket event parsed from a webhook.

    `delivery_id` is what makes a redelivery recognisable (Zendesk invocation or event id; a digest of the body
    where the platform sends none). `snapshot` is the ticket's fields as the payload carried them, and `comment` the
    comment a comment event added, when the payload carries them whole (plugin/kept.py says when they stand in for a
    read). `from_us` is true when the event carries our own marker.
    """

    platform: str
    delivery_id: str
    ticket_id: str
    kind: EventKind
    occurred_at: datetime | None = None
    actor_id: str | None = None
    changes: Mapping[str, Any] = field(default_factory=dict)
    raw_type: str = ""
    from_us: bool = False
    status: Status | None = None
    ticket_updated_at: datetime | None = None
    priority: Priority | None = None  # the ticket's priority as the payload reports it (not trusted over a read)
    snapshot: TicketSnapshot | None = None
    comment: Comment | None = None
    requester_id: str | None = None  # the ticket's requester as the payload names it (a first read uses it)


@dataclass(frozen=True)
class Reason:
    """Why something happened: which rule fired and the figures that made it fire."""

    rule: str
    summary: str
    figures: Mapping[str, Any] = field(default_factory=dict)
    key: str = ""

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", self.rule)


@dataclass(frozen=True)
class Notification:
    """A message for a role (support_manager, team_lead, account_manager, on_call, tier_N_team, customer)."""

    role: str
    kind: str
    ticket_id: str
    dedupe_key: str
    title: str
    body: str
    urgent: bool = False
    schedule: str | None = None  # the schedule whose opening a held alert waits for (None: the SLA's default)


@dataclass(frozen=True)
class TaskTicket:
    """The escalation task as a linked follow-up ticket of type task for the receiving tier's group
    (`workflow.escalation_task: task_ticket`), instead of reassigning the customer's ticket itself."""

    tier: int
    group_id: str | None
    priority: Priority
    subject: str
    body: str  # the handoff note, posted as the task's first (internal) comment
    due_at: datetime | None = None  # the receiving tier's response target from now
    tags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class TicketChanges:
    """The writes one decision makes on one ticket. Empty fields mean "leave as is"."""

    priority: Priority | None = None
    add_tags: frozenset[str] = frozenset()
    remove_tags: frozenset[str] = frozenset()
    group_id: str | None = None
    assignee_id: str | None = None
    clear_assignee: bool = False  # reassignment to a tier's group without a named agent
    status: Status | None = None
    internal_note: str | None = None
    public_reply: str | None = None
    task: TaskTicket | None = None  # a linked task ticket to create (once) for the receiving tier

    @property
    def is_empty(self) -> bool:
        return (
            self.priority is None
            and not self.add_tags
            and not self.remove_tags
            and self.group_id is None
            and self.assignee_id is None
            and not self.clear_assignee
            and self.status is None
            and self.internal_note is None
            and self.public_reply is None
            and self.task is None
        )

    def applied_to(self, ticket: Ticket, *, now: datetime, note_author: str = "escalator") -> Ticket:
        """The ticket as it would be after these changes: what idempotence tests and the sandbox check against."""
        comments = list(ticket.comments)
        for body, public in ((self.internal_note, False), (self.public_reply, True)):
            if body is not None:
                comments.append(
                    Comment(id=f"local-{len(comments) + 1}", body=body, public=public, created_at=now,
                            author_id=note_author, by_agent=True)
                )
        return replace(
            ticket,
            priority=self.priority if self.priority is not None else ticket.priority,
            tags=(ticket.tags - self.remove_tags) | self.add_tags,
            group_id=self.group_id if self.group_id is not None else ticket.group_id,
            assignee_id=self.assignee_id if self.assignee_id is not None else (
                None if self.clear_assignee else ticket.assignee_id),
            status=self.status if self.status is not None else ticket.status,
            comments=tuple(comments),
            updated_at=now,
        )


class ClockKind(enum.StrEnum):
    FIRST_RESPONSE = "first_response"
    RESOLUTION = "resolution"
    NEXT_REPLY = "next_reply"
    PERIODIC_UPDATE = "periodic_update"
    HANDOFF = "handoff"  # an escalation's receiving tier: from the handoff to the tier's first action


class ClockState(enum.StrEnum):
    OK = "ok"
    WARNING = "warning"
    BREACHED = "breached"
    FULFILLED = "fulfilled"
    PAUSED = "paused"


@dataclass(frozen=True)
class ClockStatus:
    """One SLA clock of one ticket at one moment."""

    kind: ClockKind
    target: timedelta
    elapsed: timedelta
    paused_for: timedelta
    due_at: datetime | None
    state: ClockState
    running: bool
    business_time: bool
    fulfilled_at: datetime | None = None
    tier: int | None = None  # a handoff clock's receiving tier

    @property
    def share_elapsed(self) -> float:
        if self.target <= timedelta(0):
            return 1.0
        return self.elapsed / self.target


@dataclass(frozen=True)
class Decision:
    """What the engine decided for one ticket at one moment, and why."""

    ticket_id: str
    at: datetime
    changes: TicketChanges = TicketChanges()
    reasons: tuple[Reason, ...] = ()
    notifications: tuple[Notification, ...] = ()
    escalations: tuple[EscalationEntry, ...] = ()
    fired: frozenset[str] = frozenset()
    next_check_at: datetime | None = None
    workflow_state: WorkflowState | None = None
    clocks: tuple[ClockStatus, ...] = ()
    tier: int = 1
    priority: Priority | None = None
    sentiment: Sentiment = Sentiment.CALM
    sla_basis: SlaBasis | None = None  # the policy, priority and schedule the clocks run on after this decision

    @property
    def has_effects(self) -> bool:
        """True when applying this decision would change the ticket or send anything."""
        return not self.changes.is_empty or bool(self.notifications) or bool(self.escalations)

