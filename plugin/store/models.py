"""The tables. Escalation history and reports are never deleted; the rest has a retention (see cleanup.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from plugin.store.types import UTCDateTime

ID = String(64)
PLATFORM = String(32)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[Any]: JSON()}


class TicketRow(Base):
    """Our mirror of one helpdesk ticket, with what the reports need."""

    __tablename__ = "tickets"
    __table_args__ = (
        UniqueConstraint("platform", "ticket_id"),
        Index("ix_tickets_solved_at", "solved_at"),
        Index("ix_tickets_created_at", "created_at"),
        Index("ix_tickets_first_escalated_at", "first_escalated_at"),
        Index("ix_tickets_next_check_at", "next_check_at"),
        Index("ix_tickets_risk_at", "risk_at", "id"),
        Index("ix_tickets_status", "status", "risk_at"),
        Index("ix_tickets_requester", "platform", "requester_id"),
        Index("ix_tickets_text_removed", "text_removed_at", "solved_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(PLATFORM)
    ticket_id: Mapped[str] = mapped_column(ID)
    subject: Mapped[str] = mapped_column(Text, default="")
    requester_id: Mapped[str | None] = mapped_column(ID)
    organization_id: Mapped[str | None] = mapped_column(ID)
    group_id: Mapped[str | None] = mapped_column(ID)
    assignee_id: Mapped[str | None] = mapped_column(ID)
    channel: Mapped[str | None] = mapped_column(String(64))
    ticket_type: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    workflow_state: Mapped[str] = mapped_column(String(16), default="new")
    priority: Mapped[int | None] = mapped_column(Integer)
    initial_priority: Mapped[int | None] = mapped_column(Integer)
    tier: Mapped[int] = mapped_column(Integer, default=1)
    customer_tier: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime]
    platform_updated_at: Mapped[datetime]
    first_seen_at: Mapped[datetime]
    last_decided_at: Mapped[datetime | None]
    first_response_at: Mapped[datetime | None]
    solved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    escalated: Mapped[bool] = mapped_column(Boolean, default=False)
    first_escalated_at: Mapped[datetime | None]
    assignee_changed_at: Mapped[datetime | None]  # the last change of assignee we saw (None: none since first seen)
    # None: not known (a ticket seen only through the backfill export, which has no comments)
    agent_public_replies: Mapped[int | None] = mapped_column(Integer, default=0)
    reopened: Mapped[int] = mapped_column(Integer, default=0)
    contact_count: Mapped[int] = mapped_column(Integer, default=1)
    first_response_breached: Mapped[bool | None] = mapped_column(Boolean)
    resolution_breached: Mapped[bool | None] = mapped_column(Boolean)
    resolution_business_seconds: Mapped[float | None] = mapped_column(Float)
    resolution_calendar_seconds: Mapped[float | None] = mapped_column(Float)
    escalation_seconds: Mapped[float | None] = mapped_column(Float)  # creation to first escalation
    after_escalation_seconds: Mapped[float | None] = mapped_column(Float)  # first escalation to resolution
    tags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    fired: Mapped[list[Any]] = mapped_column(JSON, default=list)
    clocks: Mapped[list[Any]] = mapped_column(JSON, default=list)
    sentiment: Mapped[str | None] = mapped_column(String(16))
    next_check_at: Mapped[datetime | None]
    timer_version: Mapped[int] = mapped_column(Integer, default=0)
    # The At risk page's order: the earliest of the next threshold and the due time of a clock still running (past
    # for a breached clock); None for a ticket that is done or has no clock running.
    risk_at: Mapped[datetime | None]
    url: Mapped[str | None] = mapped_column(Text)  # the ticket in the helpdesk, as its adapter names it
    text_removed_at: Mapped[datetime | None]  # the subject was removed (history.retention or forget)
    # The update times (ISO) our last decision's writes left on the ticket: their webhooks are ours (service.echoes)
    written_at: Mapped[list[Any] | None] = mapped_column(JSON)
    # The platform's update time of the ticket as our last finished decision knew it (a read taken in by a run that
    # then failed does not count): an event no newer than this, showing the state we hold, is known (service.echoes)
    decided_updated_at: Mapped[datetime | None]
    # Shadow mode: what the escalator would have written on the ticket (plugin.service.shadow), shown over each read
    shadow: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class StatusHistoryRow(Base):
    __tablename__ = "ticket_status_history"
    __table_args__ = (Index("ix_status_history_ticket", "platform", "ticket_id", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(PLATFORM)
    ticket_id: Mapped[str] = mapped_column(ID)
    at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16))
    workflow_state: Mapped[str | None] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(16))


class PriorityHistoryRow(Base):
    __tablename__ = "ticket_priority_history"
    __table_args__ = (Index("ix_priority_history_ticket", "platform", "ticket_id", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(PLATFORM)
    ticket_id: Mapped[str] = mapped_column(ID)
    at: Mapped[datetime]
    priority: Mapped[int | None] = mapped_column(Integer)
    tier: Mapped[int] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(64))


class CustomerRow(Base):
    __tablename__ = "customers"
    platform: Mapped[str] = mapped_column(PLATFORM, primary_key=True)
    customer_id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str | None] = mapped_column(String(320))
    locale: Mapped[str | None] = mapped_column(String(16))
    organization_id: Mapped[str | None] = mapped_column(ID)
    organization_name: Mapped[str | None] = mapped_column(Text)
    tier: Mapped[str] = mapped_column(String(16))
    lifetime_value: Mapped[float | None] = mapped_column(Float)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    tags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    fetched_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class EscalationRow(Base):
    """The escalation history. Never deleted.

    `at` is when the escalation happened. An escalation learnt from the helpdesk's export (actor "backfill") has no
    exact time: it happened between `earliest_at` and `at` (the ticket's creation, or our last look at it, and its
    last update), and a report counts it only in a period that holds that whole interval.
    """

    __tablename__ = "escalations"
    __table_args__ = (Index("ix_escalations_ticket", "platform", "ticket_id"), Index("ix_escalations_at", "at"),
                      Index("ix_escalations_text_removed", "text_removed_at", "at"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(PLATFORM)
    ticket_id: Mapped[str] = mapped_column(ID)
    at: Mapped[datetime]
    from_tier: Mapped[int] = mapped_column(Integer)
    to_tier: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    figures: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    actor: Mapped[str] = mapped_column(String(128))
    note: Mapped[str] = mapped_column(Text, default="")
    priority_before: Mapped[int | None] = mapped_column(Integer)
    priority_after: Mapped[int | None] = mapped_column(Integer)
    earliest_at: Mapped[datetime | None]
    # The receiving tier's response to this handoff: when it first acted, and whether that was within its target
    # (None: not known yet, or a tier with no target).
    first_action_at: Mapped[datetime | None]
    target_met: Mapped[bool | None] = mapped_column(Boolean)
    text_removed_at: Mapped[datetime | None]  # note, reason and quoted phrases removed; the figures stay


class SlaBasisRow(Base):
    """What a ticket's SLA clocks ran on from `at`: policy, priority and the schedule counted (None: calendar time).
    A change keeps the time already spent, counted in the hours in force while it passed (plugin/sla.py)."""

    __tablename__ = "ticket_sla_history"
    __table_args__ = (Index("ix_sla_history_ticket", "platform", "ticket_id", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(PLATFORM)
    ticket_id: Mapped[str] = mapped_column(ID)
    at: Mapped[datetime]
    policy: Mapped[str] = mapped_column(String(64))
    priority: Mapped[int] = mapped_column(Integer)
    schedule: Mapped[str | None] = mapped_column(String(64))


class InboxRow(Base):
    """Every acknowledged webhook event; unique per delivery so a redelivery is recognised."""

    __tablename__ = "inbox"
    __table_args__ = (
        UniqueConstraint("platform", "delivery_id", name="uq_inbox_delivery"),
        Index("ix_inbox_ticket", "platform", "ticket_id"),
        Index("ix_inbox_state", "state", "received_at"),
        # partial: a webhook's INSERT writes neither (cleanup and retention look only at finished events)
        Index("ix_inbox_processed", "processed_at", postgresql_where=text("processed_at IS NOT NULL"),
              sqlite_where=text("processed_at IS NOT NULL")),
        Index("ix_inbox_text_kept", "received_at", postgresql_where=text("text_removed_at IS NULL AND state = 'done'"),
              sqlite_where=text("text_removed_at IS NULL AND state = 'done'")),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(PLATFORM)
    delivery_id: Mapped[str] = mapped_column(String(200))
    ticket_id: Mapped[str] = mapped_column(ID)
    kind: Mapped[str] = mapped_column(String(32))
    received_at: Mapped[datetime]
    event: Mapped[dict[str, Any]] = mapped_column(JSON)
    from_us: Mapped[bool] = mapped_column(Boolean, default=False)
    processed_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(String(16), default="received")  # plugin.lifecycles.EventState
    owner: Mapped[str | None] = mapped_column(String(160))  # the process working on it (state processing)
    not_before: Mapped[datetime | None]  # a retry waits until then (a Retry-After)
    text_removed_at: Mapped[datetime | None]  # the payload's text was removed (history.retention or forget)


class AppliedChangeRow(Base):
    """A write intent (plugin.ledger.Intent): the decision to write, kept before anything is written, and its
    lifecycle (plugin.lifecycles.IntentState)."""

    __tablename__ = "applied_changes"
    __table_args__ = (
        Index("ix_applied_changes_open", "state", "platform", "ticket_id"),
        Index("ix_applied_changes_decided_at", "decided_at"),
        Index("ix_applied_changes_ticket", "platform", "ticket_id", "decided_at"),
        Index("ix_applied_changes_tier", "tier", "decided_at"),
        Index("ix_applied_changes_text_removed", "text_removed_at", "decided_at"),
    )
    idempotency_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    platform: Mapped[str] = mapped_column(PLATFORM)
    ticket_id: Mapped[str] = mapped_column(ID)
    decided_at: Mapped[datetime]
    applied_at: Mapped[datetime]
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    write_requests: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16), default="decided")
    version: Mapped[str | None] = mapped_column(String(64))  # the ticket version it was decided on
    landed: Mapped[list[Any] | None] = mapped_column(JSON)  # parts confirmed by an answer
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    not_before: Mapped[datetime | None]
    tier: Mapped[int | None] = mapped_column(Integer)  # the tier the decision put the ticket at
    # "live"; "shadow" for a decision recorded without writing (shadow mode), shown as such on the status pages
    mode: Mapped[str] = mapped_column(String(16), default="live", server_default="live")
    text_removed_at: Mapped[datetime | None]  # notes, replies and quoted phrases removed; the figures stay


class DecisionRuleRow(Base):
    """Which rules a decision names (its reasons, its escalations): the Decisions page's filter by rule."""

    __tablename__ = "decision_rules"
    __table_args__ = (Index("ix_decision_rules_rule", "rule", "decided_at"),)
    decision_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    rule: Mapped[str] = mapped_column(String(64), primary_key=True)
    decided_at: Mapped[datetime]


class TimerRow(Base):
    __tablename__ = "timers"
    __table_args__ = (
        UniqueConstraint("platform", "ticket_id", "version"),
        Index("ix_timers_due", "state", "due_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(PLATFORM)
    ticket_id: Mapped[str] = mapped_column(ID)
    version: Mapped[int] = mapped_column(Integer)
    due_at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16))  # plugin.lifecycles.TimerState
    created_at: Mapped[datetime]
    fired_at: Mapped[datetime | None]
    # The sweep queued this due timer's check for the workers and leaves it to them until then (None: not queued by
    # a sweep); a check whose task was lost is queued again at this time (plugin.service.sweep)
    recheck_at: Mapped[datetime | None]


class NotificationRow(Base):
    """The outbox of notifications and the record of what was sent (for dedupe)."""

    __tablename__ = "notifications"
    __table_args__ = (
        Index("ix_notifications_dedupe", "ticket_id", "role", "dedupe_key", "created_at"),
        Index("ix_notifications_pending", "status", "not_before"),
        Index("ix_notifications_decision", "decision_key"),
        Index("ix_notifications_text_removed", "text_removed_at", "created_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(PLATFORM)
    ticket_id: Mapped[str] = mapped_column(ID)
    role: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(64))
    dedupe_key: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    not_before: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16), default="pending")  # plugin.lifecycles.NotificationState
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None]
    channels_ok: Mapped[list[Any]] = mapped_column(JSON, default=list)
    channels_failed: Mapped[list[Any]] = mapped_column(JSON, default=list)
    owner: Mapped[str | None] = mapped_column(String(160))  # the sender holding it (state sending)
    decision_key: Mapped[str | None] = mapped_column(String(64))  # the write intent whose record queued it
    text_removed_at: Mapped[datetime | None]  # title and body removed (history.retention or forget)


class DeadLetterRow(Base):
    __tablename__ = "dead_letters"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task: Mapped[str] = mapped_column(String(64))
    args: Mapped[list[Any]] = mapped_column(JSON, default=list)
    platform: Mapped[str | None] = mapped_column(PLATFORM)
    ticket_id: Mapped[str | None] = mapped_column(ID)
    error: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    failed_at: Mapped[datetime]
    retried_at: Mapped[datetime | None]
    dropped_at: Mapped[datetime | None]


class SatisfactionRow(Base):
    __tablename__ = "satisfaction_ratings"
    __table_args__ = (UniqueConstraint("platform", "ticket_id", "created_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(PLATFORM)
    ticket_id: Mapped[str] = mapped_column(ID)
    score: Mapped[str] = mapped_column(String(32))
    positive: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime]


class ReportRow(Base):
    """Generated reports. Never deleted."""

    __tablename__ = "reports"
    __table_args__ = (UniqueConstraint("kind", "period"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    period: Mapped[str] = mapped_column(String(32))
    generated_at: Mapped[datetime]
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    html: Mapped[str] = mapped_column(Text, default="")


class TicketLockRow(Base):
    """A lease: one worker decides about one ticket at a time; an expired lease (a dead worker) is taken over."""

    __tablename__ = "ticket_locks"
    lock_key: Mapped[str] = mapped_column(String(160), primary_key=True)
    owner: Mapped[str] = mapped_column(String(160))
    expires_at: Mapped[datetime]


class JobRunRow(Base):
    """The last run of each periodic job (sweep, reconcile, cleanup, reports): what the Operations page shows."""

    __tablename__ = "job_runs"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime]
    ok: Mapped[bool] = mapped_column(Boolean)
    summary: Mapped[str] = mapped_column(Text, default="")
    runs: Mapped[int] = mapped_column(Integer, default=0)
    failures: Mapped[int] = mapped_column(Integer, default=0)


class ApiBudgetRow(Base):
    """One helpdesk account's API budget, shared by every process (plugin.service.budget): what the escalator
    spent in the current window, and what the platform's headers last reported. Times are epoch seconds."""

    __tablename__ = "api_budget"
    platform: Mapped[str] = mapped_column(String(32), primary_key=True)
    window_start: Mapped[float] = mapped_column(Float, default=0.0)
    used: Mapped[int] = mapped_column(Integer, default=0)
    limit: Mapped[int] = mapped_column(Integer)
    remaining: Mapped[int | None] = mapped_column(Integer, nullable=True)
    remaining_until: Mapped[float | None] = mapped_column(Float, nullable=True)
    waits: Mapped[int] = mapped_column(Integer, default=0)  # requests held back since the service started counting
    waiting: Mapped[int] = mapped_column(Integer, default=0)  # ... in the window `waiting_window`: the line's length
    waiting_window: Mapped[float] = mapped_column(Float, default=0.0)
    reported_at: Mapped[float | None] = mapped_column(Float, nullable=True)


class RequesterRow(Base):
    """Which requester ids an email address had, as a digest (never the address): how `escalator forget
    --requester EMAIL` finds a requester's tickets once the profile cache has expired."""

    __tablename__ = "requesters"
    __table_args__ = (Index("ix_requesters_email", "email_digest"),)
    platform: Mapped[str] = mapped_column(PLATFORM, primary_key=True)
    requester_id: Mapped[str] = mapped_column(ID, primary_key=True)
    email_digest: Mapped[str] = mapped_column(String(64))
    seen_at: Mapped[datetime]


class KeptTicketRow(Base):
    """The ticket of the last run about it, whole (fields, custom fields, comments), and when the API last gave it
    whole: what a webhook carrying the ticket's fields brings up to date instead of a read (plugin.kept). Useful for
    `plugin.kept.KEPT_FOR` after `read_at`; cleanup deletes it after that, and forget with the requester's text."""

    __tablename__ = "kept_tickets"
    platform: Mapped[str] = mapped_column(PLATFORM, primary_key=True)
    ticket_id: Mapped[str] = mapped_column(ID, primary_key=True)
    requester_id: Mapped[str | None] = mapped_column(ID)
    ticket: Mapped[dict[str, Any]] = mapped_column(JSON)
    read_at: Mapped[datetime]
