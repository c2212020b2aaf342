"""The store's queries, each small and taking the session (the unit of work) first.

All datetimes in and out are aware UTC. Inserts that can race (the inbox, the notifications dedupe) never raise on
a duplicate and never insert one: the inbox uses INSERT ... ON CONFLICT DO NOTHING on both SQLite and PostgreSQL,
the notifications dedupe takes a lock on its identity before it checks (see `queue_notification`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from plugin.domain import (
    ClockKind,
    ClockState,
    Customer,
    Decision,
    EscalationEntry,
    Notification,
    Priority,
    SentAlert,
    SlaBasis,
    Status,
    StatusChange,
    Ticket,
    TicketEvent,
    TicketHistory,
    TicketSummary,
    WorkflowState,
)
from plugin.lifecycles import NotificationState
from plugin.store.models import (
    AppliedChangeRow,
    CustomerRow,
    DeadLetterRow,
    EscalationRow,
    InboxRow,
    NotificationRow,
    PriorityHistoryRow,
    ReportRow,
    RequesterRow,
    SatisfactionRow,
    SlaBasisRow,
    StatusHistoryRow,
    TicketRow,
    TimerRow,
)
from plugin.store.serialize import clock_to_json, event_to_json, jsonable


def _aware(value: datetime, name: str = "datetime") -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")
    return value


def _insert_ignoring_duplicates(session: Session, row: type[Any], values: dict[str, Any]) -> bool:
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    key = list(row.__table__.primary_key.columns)
    statement = insert(row).values(**values).on_conflict_do_nothing().returning(*key)
    # rowcount is not reliable here (-1 through the ORM on PostgreSQL): a returned row means it was inserted.
    return session.execute(statement).first() is not None


# ---------------------------------------------------------------- inbox


def add_event(session: Session, event: TicketEvent, now: datetime) -> bool:
    """Store an acknowledged event; False (and nothing stored) when this delivery was seen before."""
    return _insert_ignoring_duplicates(session, InboxRow, {
        "platform": event.platform, "delivery_id": event.delivery_id, "ticket_id": event.ticket_id,
        "kind": event.kind.value, "received_at": _aware(now, "now"), "event": event_to_json(event),
        "from_us": event.from_us, "attempts": 0, "state": "received",
    })


def unprocessed_events(session: Session, platform: str | None = None, ticket_id: str | None = None,
                       older_than: datetime | None = None, limit: int = 1000) -> list[InboxRow]:
    """Events not done yet (received, or being processed)."""
    query = select(InboxRow).where(InboxRow.state != "done")
    if platform is not None:
        query = query.where(InboxRow.platform == platform)
    if ticket_id is not None:
        query = query.where(InboxRow.ticket_id == ticket_id)
    if older_than is not None:
        query = query.where(InboxRow.received_at < older_than)
    return list(session.scalars(query.order_by(InboxRow.received_at, InboxRow.id).limit(limit)))


def tickets_with_unfinished_work(session: Session, platform: str, ticket_ids: Sequence[str]) -> set[str]:
    """Those of the tickets with an event not done or a write intent not recorded (nor abandoned)."""
    if not ticket_ids:
        return set()
    found = set(session.scalars(select(InboxRow.ticket_id).where(
        InboxRow.platform == platform, InboxRow.ticket_id.in_(list(ticket_ids)), InboxRow.state != "done")))
    found |= set(session.scalars(select(AppliedChangeRow.ticket_id).where(
        AppliedChangeRow.platform == platform, AppliedChangeRow.ticket_id.in_(list(ticket_ids)),
        AppliedChangeRow.state.in_(("decided", "writing", "landed")))))
    return found


def count_unprocessed_events(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(InboxRow).where(InboxRow.state != "done")) or 0)


# ---------------------------------------------------------------- mirror and history


def get_mirror(session: Session, platform: str, ticket_id: str) -> TicketRow | None:
    """Our mirror of the ticket; read once per transaction (the steps of one record ask for it several times)."""
    held: dict[tuple[str, str], TicketRow] = session.info.setdefault("mirrors", {})
    row = held.get((platform, ticket_id))
    if row is None:
        row = session.scalar(select(TicketRow).where(TicketRow.platform == platform,
                                                     TicketRow.ticket_id == ticket_id))
        if row is not None:
            held[(platform, ticket_id)] = row
    return row


def _last_status(session: Session, platform: str, ticket_id: str) -> StatusHistoryRow | None:
    return session.scalar(
        select(StatusHistoryRow).where(StatusHistoryRow.platform == platform, StatusHistoryRow.ticket_id == ticket_id)
        .order_by(StatusHistoryRow.at.desc(), StatusHistoryRow.id.desc()).limit(1))


def record_status(session: Session, platform: str, ticket_id: str, status: Status, at: datetime, source: str,
                  workflow_state: str | None = None) -> bool:
    """Record a status seen at `at`, unless it repeats the status already recorded at or before that time."""
    _aware(at, "at")
    previous = session.scalar(
        select(StatusHistoryRow).where(StatusHistoryRow.platform == platform, StatusHistoryRow.ticket_id == ticket_id,
                                       StatusHistoryRow.at <= at)
        .order_by(StatusHistoryRow.at.desc(), StatusHistoryRow.id.desc()).limit(1))
    if previous is not None and previous.status == status.value:
        return False
    session.add(StatusHistoryRow(platform=platform, ticket_id=ticket_id, at=at, status=status.value,
                                 workflow_state=workflow_state, source=source))
    session.flush()
    return True


def newest_mirror_update(session: Session, platform: str) -> datetime | None:
    """The latest helpdesk update time we hold for any ticket of `platform`."""
    return session.scalar(select(func.max(TicketRow.platform_updated_at)).where(TicketRow.platform == platform))


def upsert_mirror(session: Session, ticket: Ticket, now: datetime) -> TicketRow:
    """Create or refresh our mirror of `ticket`, recording status and priority changes in the histories."""
    row = get_mirror(session, ticket.platform, ticket.id)
    priority = ticket.priority.value if ticket.priority else None
    seen_before = row is not None
    if row is None:
        row = TicketRow(
            platform=ticket.platform, ticket_id=ticket.id, status=ticket.status.value,
            workflow_state=WorkflowState.NEW.value, priority=priority, initial_priority=priority, tier=1,
            created_at=ticket.created_at, platform_updated_at=ticket.updated_at, first_seen_at=now,
            escalated=False, agent_public_replies=0, reopened=0, contact_count=1, tags=[], fired=[], clocks=[],
            timer_version=0,
        )
        session.add(row)
        session.info.setdefault("mirrors", {})[(ticket.platform, ticket.id)] = row
        if _last_status(session, ticket.platform, ticket.id) is None:
            record_status(session, ticket.platform, ticket.id, ticket.status, ticket.created_at, "first_seen")
        session.add(PriorityHistoryRow(platform=ticket.platform, ticket_id=ticket.id, at=now, priority=priority,
                                       tier=1, actor="helpdesk"))
    else:
        if row.status != ticket.status.value:
            record_status(session, ticket.platform, ticket.id, ticket.status,
                          max(ticket.updated_at, row.platform_updated_at), "read")
        if row.priority != priority:
            session.add(PriorityHistoryRow(platform=ticket.platform, ticket_id=ticket.id, at=now,
                                           priority=priority, tier=row.tier, actor="helpdesk"))
    row.subject = ticket.subject
    row.requester_id = ticket.requester_id
    row.organization_id = ticket.organization_id
    row.group_id = ticket.group_id
    if seen_before and row.assignee_id != ticket.assignee_id:
        row.assignee_changed_at = max(ticket.updated_at, row.platform_updated_at)
    row.assignee_id = ticket.assignee_id
    row.channel = ticket.channel
    row.ticket_type = ticket.ticket_type
    row.status = ticket.status.value
    row.priority = priority
    row.platform_updated_at = max(ticket.updated_at, row.platform_updated_at or ticket.updated_at)
    row.tags = sorted(ticket.tags)
    if ticket.comments_loaded:
        row.agent_public_replies = sum(1 for c in ticket.comments if c.by_agent and c.public)
    if ticket.status == Status.CLOSED and row.closed_at is None:
        row.closed_at = ticket.updated_at
    if ticket.url:
        row.url = ticket.url
    if ticket.status.is_done:
        row.risk_at = None
    session.flush()
    return row


def load_history(session: Session, platform: str, ticket_id: str,
                 related: Sequence[TicketSummary] = ()) -> TicketHistory:
    statuses = session.scalars(
        select(StatusHistoryRow).where(StatusHistoryRow.platform == platform, StatusHistoryRow.ticket_id == ticket_id)
        .order_by(StatusHistoryRow.at, StatusHistoryRow.id))
    escalations = session.scalars(
        select(EscalationRow).where(EscalationRow.platform == platform, EscalationRow.ticket_id == ticket_id)
        .order_by(EscalationRow.at, EscalationRow.id))
    row = get_mirror(session, platform, ticket_id)
    bases = session.scalars(
        select(SlaBasisRow).where(SlaBasisRow.platform == platform, SlaBasisRow.ticket_id == ticket_id)
        .order_by(SlaBasisRow.at, SlaBasisRow.id))
    alerts = session.execute(
        select(NotificationRow.created_at, NotificationRow.role, NotificationRow.dedupe_key).where(
            NotificationRow.platform == platform, NotificationRow.ticket_id == ticket_id,
            NotificationRow.role != "customer").order_by(NotificationRow.created_at, NotificationRow.id))
    return TicketHistory(
        status_changes=tuple(StatusChange(s.at, Status(s.status)) for s in statuses),
        escalations=tuple(
            EscalationEntry(ticket_id=e.ticket_id, at=e.at, from_tier=e.from_tier, to_tier=e.to_tier, rule=e.rule,
                            reason=e.reason, figures=e.figures, actor=e.actor, note=e.note) for e in escalations),
        fired=frozenset(row.fired) if row is not None else frozenset(),
        initial_priority=Priority(row.initial_priority) if row is not None and row.initial_priority else None,
        related_tickets=tuple(related),
        first_agent_action_at=row.first_response_at if row is not None else None,
        assigned_at=row.assignee_changed_at if row is not None else None,
        sla_bases=tuple(SlaBasis(b.at, b.policy, Priority(b.priority), b.schedule) for b in bases),
        alerts=tuple(SentAlert(at, role, key) for at, role, key in alerts),
    )


def _last_basis(session: Session, platform: str, ticket_id: str) -> SlaBasisRow | None:
    return session.scalar(select(SlaBasisRow).where(SlaBasisRow.platform == platform, SlaBasisRow.ticket_id ==
                                                    ticket_id).order_by(SlaBasisRow.at.desc(), SlaBasisRow.id.desc())
                          .limit(1))


def record_sla_basis(session: Session, platform: str, ticket_id: str, basis: SlaBasis) -> bool:
    """Keep the basis the ticket's clocks run on from now, unless it is the one already kept."""
    last = _last_basis(session, platform, ticket_id)
    if last is not None and (last.policy, last.priority, last.schedule) == (
            basis.policy, basis.priority.value, basis.schedule):
        return False
    at = basis.at if last is None else max(basis.at, last.at)
    session.add(SlaBasisRow(platform=platform, ticket_id=ticket_id, at=at, policy=basis.policy,
                            priority=basis.priority.value, schedule=basis.schedule))
    return True


def record_handoff(session: Session, platform: str, decision: Decision) -> None:
    """The receiving tier's response to the ticket's latest handoff, from the decision's handoff clock: met once it
    acted within its target, missed once the target passed (a later action is still noted, the miss stays)."""
    clock = next((c for c in decision.clocks if c.kind == ClockKind.HANDOFF and c.tier is not None), None)
    if clock is None:
        return
    row = session.scalar(select(EscalationRow).where(
        EscalationRow.platform == platform, EscalationRow.ticket_id == decision.ticket_id,
        EscalationRow.to_tier == clock.tier).order_by(EscalationRow.at.desc(), EscalationRow.id.desc()).limit(1))
    if row is None:
        return
    if clock.state == ClockState.FULFILLED:
        if row.first_action_at is None:
            row.first_action_at = clock.fulfilled_at
        if row.target_met is None:
            row.target_met = clock.elapsed <= clock.target
    elif clock.state == ClockState.BREACHED:
        row.target_met = False


def record_decision(session: Session, platform: str, decision: Decision, now: datetime) -> TicketRow | None:
    """Bring the mirror up to date with a decision and add its escalations to the history."""
    row = get_mirror(session, platform, decision.ticket_id)
    if row is None:
        return None
    before_priority, before_tier = row.priority, row.tier
    row.fired = sorted(set(row.fired) | decision.fired)
    row.last_decided_at = now
    row.clocks = [clock_to_json(c) for c in decision.clocks]
    row.next_check_at = decision.next_check_at
    row.risk_at = None if Status(row.status).is_done else risk_moment(decision)
    row.tier = max(row.tier, decision.tier)
    row.sentiment = decision.sentiment.value
    if decision.changes.priority is not None:
        row.priority = decision.changes.priority.value
    if decision.workflow_state is not None:
        if decision.workflow_state.value != row.workflow_state:
            record_status(session, platform, decision.ticket_id, Status(row.status), now, "engine",
                          workflow_state=decision.workflow_state.value)
        row.workflow_state = decision.workflow_state.value
    # Escalated with no first escalation time: escalated at a time the backfill could not tell, so a later
    # escalation is not the first one and must not stand in for it.
    escalated_at_unknown_time = row.escalated and row.first_escalated_at is None
    for entry in decision.escalations:
        session.add(EscalationRow(
            platform=platform, ticket_id=entry.ticket_id, at=entry.at, from_tier=entry.from_tier,
            to_tier=entry.to_tier, rule=entry.rule, reason=entry.reason, figures=jsonable(dict(entry.figures)),
            actor=entry.actor, note=entry.note, priority_before=before_priority, priority_after=row.priority))
        row.escalated = True
        if row.first_escalated_at is None and not escalated_at_unknown_time:
            row.first_escalated_at = entry.at
            row.escalation_seconds = (entry.at - row.created_at).total_seconds()
    if row.priority != before_priority or row.tier != before_tier:
        session.add(PriorityHistoryRow(platform=platform, ticket_id=decision.ticket_id, at=now, priority=row.priority,
                                       tier=row.tier, actor="escalator"))
    if decision.sla_basis is not None:
        record_sla_basis(session, platform, decision.ticket_id, decision.sla_basis)
    session.flush()
    record_handoff(session, platform, decision)
    session.flush()
    return row


def risk_moment(decision: Decision) -> datetime | None:
    """Where the ticket stands in the At risk order: the earliest of its next check (the next threshold a clock
    crosses) and the due time of every clock still running (in the past once breached); None with no clock
    running."""
    moments = [c.due_at for c in decision.clocks if c.running and c.due_at is not None]
    if decision.next_check_at is not None:
        moments.append(decision.next_check_at)
    return min(moments, default=None)


BACKFILL_ACTOR = "backfill"


def record_backfilled_escalation(session: Session, row: TicketRow, to_tier: int, earliest: datetime,
                                 latest: datetime, tags: Sequence[str]) -> EscalationRow:
    """An escalation the helpdesk's export shows (our tags on the ticket) but that we did not record: it happened
    between `earliest` and `latest`. When that is one moment, the first escalation time is known too."""
    earliest = min(_aware(earliest, "earliest"), _aware(latest, "latest"))
    entry = EscalationRow(
        platform=row.platform, ticket_id=row.ticket_id, at=latest, earliest_at=earliest, from_tier=row.tier,
        to_tier=to_tier, rule=BACKFILL_ACTOR, actor=BACKFILL_ACTOR, note="",
        reason=(f"escalated in the helpdesk before the escalator recorded it (tags: {', '.join(tags)}), between "
                f"{earliest.isoformat()} and {latest.isoformat()}"),
        figures={"tags": list(tags), "earliest": earliest.isoformat(), "latest": latest.isoformat()},
        priority_before=row.priority, priority_after=row.priority)
    session.add(entry)
    exact = earliest == latest
    if exact and not row.escalated and row.first_escalated_at is None:
        row.first_escalated_at = latest
        row.escalation_seconds = (latest - row.created_at).total_seconds()
    row.escalated = True
    if to_tier != row.tier:
        row.tier = to_tier
        session.add(PriorityHistoryRow(platform=row.platform, ticket_id=row.ticket_id, at=latest,
                                       priority=row.priority, tier=to_tier, actor=BACKFILL_ACTOR))
    session.flush()
    return entry


# ---------------------------------------------------------------- write intents


def get_intent(session: Session, key: str) -> AppliedChangeRow | None:
    return session.get(AppliedChangeRow, key)


def open_intent_count(session: Session) -> int:
    """Write intents not recorded nor abandoned: decisions whose write is under way (or was interrupted)."""
    return int(session.scalar(select(func.count()).select_from(AppliedChangeRow).where(
        AppliedChangeRow.state.in_(("decided", "writing", "landed")))) or 0)


# ---------------------------------------------------------------- timers


def current_timer(session: Session, platform: str, ticket_id: str) -> TimerRow | None:
    return session.scalar(select(TimerRow).where(TimerRow.platform == platform, TimerRow.ticket_id == ticket_id)
                          .order_by(TimerRow.version.desc()).limit(1))


def arm_timer(session: Session, platform: str, ticket_id: str, due_at: datetime, reason: str, now: datetime
              ) -> TimerRow:
    """Arm the ticket's next timer, superseding the previous one; arming the same moment again changes nothing."""
    _aware(due_at, "due_at")
    current = current_timer(session, platform, ticket_id)
    if current is not None and current.state == "armed" and current.due_at == due_at:
        return current
    if current is not None and current.state == "armed":
        current.state = "superseded"
    version = (current.version if current is not None else 0) + 1
    timer = TimerRow(platform=platform, ticket_id=ticket_id, version=version, due_at=due_at, reason=reason,
                     state="armed", created_at=now)
    session.add(timer)
    mirror = get_mirror(session, platform, ticket_id)
    if mirror is not None:
        mirror.timer_version = version
    session.flush()
    return timer


def mark_timer_fired(session: Session, platform: str, ticket_id: str, version: int, now: datetime) -> bool:
    """True if that version was the armed one (it is now fired); False if it was superseded meanwhile."""
    result = session.execute(
        update(TimerRow).where(TimerRow.platform == platform, TimerRow.ticket_id == ticket_id,
                               TimerRow.version == version, TimerRow.state == "armed")
        .values(state="fired", fired_at=now).returning(TimerRow.id))
    return result.first() is not None


def due_timers(session: Session, now: datetime, limit: int | None = None) -> list[TimerRow]:
    """The armed timers due by `now`, the most overdue first: an index range (ix_timers_due), whatever the number of
    open tickets."""
    return list(session.scalars(select(TimerRow).where(TimerRow.state == "armed", TimerRow.due_at <= now)
                                .order_by(TimerRow.due_at, TimerRow.id).limit(limit)))


def hand_over_due_timers(session: Session, now: datetime, recheck_at: datetime, limit: int
                         ) -> list[tuple[str, str, int, datetime]]:
    """The armed timers due by `now` that no sweep has queued (or whose recheck time has come), the most overdue
    first, at most `limit`; each is marked to be looked at again at `recheck_at`. The sweep hands their checks to the
    workers, and later sweeps leave them alone until then: the worker's run fires the timer, or its decision arms the
    ticket's next one; a check whose task was lost is found again at `recheck_at`. The timer keeps its due time (the
    Operations page counts it late until it is done). Returns (platform, ticket id, version, due time) for each."""
    _aware(recheck_at, "recheck_at")
    rows = session.execute(
        select(TimerRow.id, TimerRow.platform, TimerRow.ticket_id, TimerRow.version, TimerRow.due_at)
        .where(TimerRow.state == "armed", TimerRow.due_at <= now,
               or_(TimerRow.recheck_at.is_(None), TimerRow.recheck_at <= now))
        .order_by(TimerRow.due_at, TimerRow.id).limit(limit)).all()
    ids = [row.id for row in rows]
    for start in range(0, len(ids), 500):
        # still armed: a worker that superseded or fired it meanwhile has the last word
        session.execute(update(TimerRow).where(TimerRow.id.in_(ids[start:start + 500]), TimerRow.state == "armed")
                        .values(recheck_at=recheck_at).execution_options(synchronize_session=False))
    return [(row.platform, row.ticket_id, row.version, row.due_at) for row in rows]


# ---------------------------------------------------------------- customers


def email_digest(email: str) -> str:
    """How the store names an email address without keeping it: the SHA-256 of its trimmed lower-case form."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def cached_customer(session: Session, platform: str, customer_id: str, now: datetime) -> Customer | None:
    row = session.get(CustomerRow, (platform, customer_id))
    if row is None or row.expires_at <= now:
        return None
    return Customer(id=row.customer_id, name=row.name, email=row.email, locale=row.locale,
                    organization_id=row.organization_id, organization_name=row.organization_name,
                    tags=frozenset(row.tags), fields=dict(row.fields))


def cached_tier(session: Session, platform: str, customer_id: str) -> str | None:
    """The customer tier the cached profile was classified as (the session has it already after cached_customer)."""
    row = session.get(CustomerRow, (platform, customer_id))
    return row.tier if row is not None else None


def cache_customer(session: Session, platform: str, customer: Customer, tier: str, lifetime_value: float | None,
                   now: datetime, ttl: timedelta) -> None:
    """Insert or refresh the profile in one statement: two workers caching the same requester at once (two of
    their tickets decided side by side) both succeed, the later one's values standing."""
    values = {"name": customer.name, "email": customer.email, "locale": customer.locale,
              "organization_id": customer.organization_id, "organization_name": customer.organization_name,
              "tier": tier, "lifetime_value": lifetime_value, "fields": jsonable(dict(customer.fields)),
              "tags": sorted(customer.tags), "fetched_at": _aware(now, "now"), "expires_at": now + ttl}
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(CustomerRow).values(platform=platform, customer_id=customer.id, **values)
    session.execute(statement.on_conflict_do_update(index_elements=["platform", "customer_id"], set_=values))
    # The requester's tickets show the tier the profile gives (the At risk page), most of them one or two.
    session.execute(update(TicketRow).where(TicketRow.platform == platform, TicketRow.requester_id == customer.id,
                                            TicketRow.customer_tier.is_distinct_from(tier)).values(customer_tier=tier))
    if customer.email:
        digest = {"email_digest": email_digest(customer.email), "seen_at": now}
        session.execute(insert(RequesterRow).values(platform=platform, requester_id=customer.id, **digest)
                        .on_conflict_do_update(index_elements=["platform", "requester_id"], set_=digest))


# ---------------------------------------------------------------- notifications


def _dedupe_lock(session: Session, platform: str, notification: Notification) -> None:
    """Serialize the check-then-insert of one dedupe identity. SQLite needs nothing more: every transaction there
    starts with BEGIN IMMEDIATE (see database.py), so writers run one at a time. PostgreSQL runs them side by side
    under READ COMMITTED, where two transactions could both see "not queued yet": a transaction-scoped advisory
    lock on the identity makes the second wait for the first to commit, and then see its row."""
    if session.get_bind().dialect.name != "postgresql":
        return
    identity = "\x1f".join((platform, notification.ticket_id, notification.role, notification.dedupe_key))
    key = int.from_bytes(hashlib.sha256(identity.encode()).digest()[:8], "big", signed=True)
    session.execute(select(func.pg_advisory_xact_lock(key)))


def queue_notification(session: Session, platform: str, notification: Notification, now: datetime,
                       dedupe_period: timedelta, not_before: datetime | None = None,
                       decision_key: str | None = None) -> bool:
    """Queue unless the same (ticket, role, reason) was queued or sent within the period (failed ones excluded).
    Race-safe: of two concurrent calls for the same identity, exactly one queues."""
    _dedupe_lock(session, platform, notification)
    recent = session.scalar(select(NotificationRow.id).where(
        NotificationRow.platform == platform, NotificationRow.ticket_id == notification.ticket_id,
        NotificationRow.role == notification.role, NotificationRow.dedupe_key == notification.dedupe_key,
        NotificationRow.created_at > now - dedupe_period, NotificationRow.status != "failed").limit(1))
    if recent is not None:
        return False
    session.add(NotificationRow(
        platform=platform, ticket_id=notification.ticket_id, role=notification.role, kind=notification.kind,
        dedupe_key=notification.dedupe_key, title=notification.title, body=notification.body,
        urgent=notification.urgent, created_at=now, not_before=not_before, status="pending", attempts=0,
        channels_ok=[], channels_failed=[], decision_key=decision_key))
    session.flush()
    return True


def find_notification(session: Session, platform: str, ticket_id: str, role: str, dedupe_key: str
                      ) -> NotificationRow | None:
    """The latest notification of that identity."""
    return session.scalar(select(NotificationRow).where(
        NotificationRow.platform == platform, NotificationRow.ticket_id == ticket_id, NotificationRow.role == role,
        NotificationRow.dedupe_key == dedupe_key).order_by(NotificationRow.created_at.desc(),
                                                           NotificationRow.id.desc()).limit(1))


_SENDABLE = ("pending", "sending")  # "sending" is a claim: due again once its lease (kept in not_before) runs out


def _due_query(now: datetime, ids: Collection[int] | None) -> Select[NotificationRow]:
    """Due notifications, most urgent and oldest first: pending ones, and claims whose sender died (their lease,
    kept in not_before, ran out)."""
    due = or_(NotificationRow.not_before.is_(None), NotificationRow.not_before <= now)
    query = select(NotificationRow).where(NotificationRow.status.in_(_SENDABLE), due)
    if ids is not None:
        query = query.where(NotificationRow.id.in_(list(ids)))
    return query.order_by(NotificationRow.urgent.desc(), NotificationRow.created_at, NotificationRow.id)


def pending_notifications(session: Session, now: datetime, limit: int = 100, ids: Collection[int] | None = None
                          ) -> list[NotificationRow]:
    """Due notifications (see _due_query)."""
    return list(session.scalars(_due_query(now, ids).limit(limit)))


def claim_next_notification(session: Session, now: datetime, lease: timedelta, owner: str | None = None,
                            ids: Collection[int] | None = None) -> NotificationRow | None:
    """Take the most urgent due notification (one of `ids`, when given) for sending, in one statement: senders
    running side by side each take a different one (PostgreSQL skips rows another transaction is taking; SQLite
    has one writer at a time), so none spends a round trip on a claim another won. None when nothing is due."""
    due = or_(NotificationRow.not_before.is_(None), NotificationRow.not_before <= now)
    first = _due_query(now, ids).with_only_columns(NotificationRow.id).limit(1).with_for_update(skip_locked=True)
    return session.scalars(
        update(NotificationRow).where(NotificationRow.id == first.scalar_subquery(),
                                      NotificationRow.status.in_(_SENDABLE), due)
        .values(status="sending", not_before=now + lease, owner=owner).returning(NotificationRow)
        .execution_options(synchronize_session=False)).first()


def next_notification_due(session: Session, now: datetime) -> datetime | None:
    """When the next notification not due yet falls due: a retry time, an opening of business hours, a lease."""
    return session.scalar(select(func.min(NotificationRow.not_before)).where(
        NotificationRow.status.in_(_SENDABLE), NotificationRow.not_before > now))


def note_channel_delivered(session: Session, notification_id: int, channel: str) -> None:
    """Record at once that one channel took the notification, so no later attempt sends it there again."""
    row = session.get(NotificationRow, notification_id)
    if row is not None and channel not in (row.channels_ok or []):
        row.channels_ok = [*(row.channels_ok or []), channel]
        session.flush()


def mark_notification_sent(session: Session, notification_id: int, now: datetime, channels_ok: Sequence[str],
                           channels_failed: Sequence[str]) -> None:
    session.execute(update(NotificationRow).where(NotificationRow.id == notification_id).values(
        status="sent", sent_at=now, attempts=NotificationRow.attempts + 1, channels_ok=list(channels_ok),
        channels_failed=list(channels_failed), not_before=None, owner=None))


def mark_notification_failed(session: Session, notification_id: int, now: datetime, error: str, *,
                             final: bool, suppressed: bool = False, retry_at: datetime | None = None,
                             channels_ok: Sequence[str] | None = None,
                             channels_failed: Sequence[str] | None = None) -> None:
    """A failed attempt: pending again until `retry_at`, or, when final, "failed" (no channel took it) or
    "partial" (some did; the others are in channels_failed). `suppressed`: there was no channel to send to."""
    values: dict[str, Any] = {"attempts": NotificationRow.attempts + 1, "last_error": error[:2000], "owner": None}
    if suppressed:
        values.update(status="suppressed", not_before=None)
    elif final:
        values.update(status="partial" if channels_ok else "failed", not_before=None)
    else:
        values.update(status="pending", not_before=retry_at)
    if channels_ok is not None:
        values["channels_ok"] = list(channels_ok)
    if channels_failed is not None:
        values["channels_failed"] = list(channels_failed)
    session.execute(update(NotificationRow).where(NotificationRow.id == notification_id).values(**values))


def mark_notification_shadow(session: Session, notification_id: int, now: datetime) -> None:
    """Shadow mode: the notification is kept as it would have gone out, and never sent."""
    session.execute(update(NotificationRow).where(NotificationRow.id == notification_id).values(
        status=NotificationState.SHADOW.value, owner=None, not_before=None, last_error=f"shadow mode: not sent "
        f"({now.isoformat(timespec='seconds')})"))


def requeue_notification(session: Session, notification_id: int) -> bool:
    """Put a notification that failed for good back in the outbox, with its attempts reset: the channels that
    took it already are kept, so only the others get it. False if there is no such failed notification."""
    result = session.execute(
        update(NotificationRow).where(NotificationRow.id == notification_id,
                                      NotificationRow.status.in_(("failed", "partial")))
        .values(status="pending", attempts=0, not_before=None).returning(NotificationRow.id))
    return result.first() is not None


# ---------------------------------------------------------------- dead letters


def add_dead_letter(session: Session, task: str, args: Sequence[Any], error: str, attempts: int, now: datetime,
                    platform: str | None = None, ticket_id: str | None = None) -> DeadLetterRow:
    row = DeadLetterRow(task=task, args=jsonable(list(args)), error=error[:4000], attempts=attempts, failed_at=now,
                        platform=platform, ticket_id=ticket_id)
    session.add(row)
    session.flush()
    return row


def list_dead_letters(session: Session, include_dropped: bool = False) -> list[DeadLetterRow]:
    query = select(DeadLetterRow)
    if not include_dropped:
        query = query.where(DeadLetterRow.dropped_at.is_(None))
    return list(session.scalars(query.order_by(DeadLetterRow.failed_at, DeadLetterRow.id)))


def get_dead_letter(session: Session, dead_id: int) -> DeadLetterRow | None:
    return session.get(DeadLetterRow, dead_id)


def mark_dead_letter_retried(session: Session, dead_id: int, now: datetime) -> None:
    session.execute(update(DeadLetterRow).where(DeadLetterRow.id == dead_id).values(retried_at=now))


def drop_dead_letter(session: Session, dead_id: int, now: datetime) -> bool:
    result = session.execute(update(DeadLetterRow).where(DeadLetterRow.id == dead_id,
                                                         DeadLetterRow.dropped_at.is_(None))
                             .values(dropped_at=now).returning(DeadLetterRow.id))
    return result.first() is not None


# ---------------------------------------------------------------- satisfaction and reports


def add_rating(session: Session, platform: str, ticket_id: str, score: str, positive: bool, created_at: datetime
               ) -> bool:
    return _insert_ignoring_duplicates(session, SatisfactionRow, {
        "platform": platform, "ticket_id": ticket_id, "score": score, "positive": positive,
        "created_at": _aware(created_at, "created_at")})


def save_report(session: Session, kind: str, period: str, content: dict[str, Any], html: str, now: datetime
                ) -> ReportRow:
    row = session.scalar(select(ReportRow).where(ReportRow.kind == kind, ReportRow.period == period))
    if row is None:
        row = ReportRow(kind=kind, period=period)
        session.add(row)
    row.generated_at, row.content, row.html = now, jsonable(content), html
    session.flush()
    return row


def get_report(session: Session, kind: str, period: str) -> ReportRow | None:
    return session.scalar(select(ReportRow).where(ReportRow.kind == kind, ReportRow.period == period))


