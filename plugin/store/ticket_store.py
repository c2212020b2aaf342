"""The ticket pipeline's unit of work (plugin.ports.TicketStore) on SQL: SQLite or PostgreSQL through the Store.

Every method is one transaction. State changes are conditional updates whose WHERE clause names the states the
lifecycle table allows moving from (plugin.lifecycles.sources_of), so even two racing processes cannot make an
illegal move: the loser's update matches no row and raises IllegalMove.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from plugin.domain import Customer, Priority, Status, Ticket, TicketEvent
from plugin.kept import KeptTicket, merged
from plugin.ledger import Intent, Part
from plugin.lifecycles import EventState, IllegalMove, IntentState, NotificationState, sources_of
from plugin.ports import (
    HOLD_OWNER,
    ArmedTimer,
    DecisionRecord,
    Held,
    InboxEvent,
    Observation,
    Recorded,
    Released,
    Resolution,
    Taken,
)
from plugin.store import repository as repo
from plugin.store.database import Store
from plugin.store.decisions import rule_names
from plugin.store.inbox import Inbox
from plugin.store.models import (
    AppliedChangeRow,
    DecisionRuleRow,
    InboxRow,
    KeptTicketRow,
    NotificationRow,
    TicketLockRow,
    TicketRow,
    TimerRow,
)
from plugin.store.serialize import (
    decision_from_json,
    decision_to_json,
    event_from_json,
    ticket_from_json,
    ticket_to_json,
)

OPEN_INTENTS = (IntentState.DECIDED, IntentState.WRITING, IntentState.LANDED)
UNFINISHED_EVENTS = [state.value for state in EventState if state is not EventState.DONE]


def process_of(owner: str) -> str:
    """The process part of an owner token ("host/pid/start#thread-nonce" -> "host/pid/start")."""
    return owner.split("#", 1)[0]


class SqlTicketStore:
    def __init__(self, store: Store, mode: str = "live") -> None:
        self.store = store
        self.mode = mode  # "shadow": every decision's record says it was not written (plugin.service.shadow)
        self.inbox = Inbox(store)

    # ---------------------------------------------------------------- leases

    def take(self, key: str, platform: str, ticket_id: str, owner: str, now: datetime, lease: timedelta
             ) -> Taken | None:
        """The lease of `key`, then every unfinished event of the ticket (now being processed by `owner`'s process:
        an event another process was working on is one whose worker lost the lease, dead or hung) and its open
        intents; one transaction. None, and nothing taken, when someone else holds the lease."""
        with self.store.session() as session:
            if not self._lease(session, key, owner, now, lease):
                return None
            rows = list(session.scalars(select(InboxRow).where(
                InboxRow.platform == platform, InboxRow.ticket_id == ticket_id,
                InboxRow.state.in_([s.value for s in sources_of(EventState.PROCESSING)]))
                .order_by(InboxRow.received_at, InboxRow.id)))
            process = process_of(owner)
            for row in rows:
                row.state, row.owner, row.attempts = EventState.PROCESSING.value, process, (row.attempts or 0) + 1
            events = [InboxEvent(row.id, _event_of(row.event), EventState.PROCESSING, row.attempts, row.received_at)
                      for row in rows]
            intents = session.scalars(select(AppliedChangeRow).where(
                AppliedChangeRow.platform == platform, AppliedChangeRow.ticket_id == ticket_id,
                AppliedChangeRow.state.in_([s.value for s in OPEN_INTENTS])).order_by(AppliedChangeRow.decided_at))
            mirror = repo.get_mirror(session, platform, ticket_id)
            held = None if mirror is None else Held(
                mirror.decided_updated_at, frozenset(mirror.tags or ()), Status(mirror.status),
                Priority(mirror.priority) if mirror.priority is not None else None, written_moments(mirror))
            return Taken(events, [_intent_of(row) for row in intents], held, _kept(session, platform, ticket_id))

    def _lease(self, session: Session, key: str, owner: str, now: datetime, lease: timedelta) -> bool:
        insert = postgresql.insert if self.store.dialect == "postgresql" else sqlite.insert
        if session.execute(insert(TicketLockRow).values(lock_key=key, owner=owner, expires_at=now + lease)
                           .on_conflict_do_nothing().returning(TicketLockRow.lock_key)).first() is not None:
            return True
        return session.execute(update(TicketLockRow).where(TicketLockRow.lock_key == key,
                                                           TicketLockRow.expires_at < now)
                               .values(owner=owner, expires_at=now + lease)
                               .returning(TicketLockRow.lock_key)).first() is not None

    def renew(self, owner: str, now: datetime, lease: timedelta) -> int:
        """Extend every lease held by the process `owner` names (its owner tokens start with it)."""
        prefix = process_of(owner) + "#"
        with self.store.session() as session:
            mine = TicketLockRow.owner.startswith(prefix, autoescape=True)
            result = session.execute(update(TicketLockRow).where(mine).values(expires_at=now + lease)
                                     .returning(TicketLockRow.lock_key))
            return len(result.all())

    def release(self, key: str, owner: str) -> None:
        with self.store.session() as session:
            session.execute(delete(TicketLockRow).where(TicketLockRow.lock_key == key, TicketLockRow.owner == owner))

    def hold(self, key: str, owner: str, until: datetime) -> None:
        """Keep the ticket from every worker until `until` (a Retry-After about it): the lease passes from `owner`
        to no process, so no heartbeat renews it and it simply runs out then."""
        with self.store.session() as session:
            session.execute(update(TicketLockRow).where(TicketLockRow.lock_key == key, TicketLockRow.owner == owner)
                            .values(owner=HOLD_OWNER, expires_at=until))

    def leased(self, keys: Collection[str], now: datetime) -> dict[str, datetime | None]:
        """The keys someone holds now: None for a worker, the time it runs out for a Retry-After hold."""
        if not keys:
            return {}
        with self.store.session() as session:
            rows = session.execute(select(TicketLockRow.lock_key, TicketLockRow.owner, TicketLockRow.expires_at)
                                   .where(TicketLockRow.lock_key.in_(list(keys)), TicketLockRow.expires_at >= now))
            return {key: (until if owner == HOLD_OWNER else None) for key, owner, until in rows}

    def owners(self) -> set[str]:
        """The processes that hold a lease, an event being processed or a notification being sent."""
        with self.store.session() as session:
            found = set(session.scalars(select(TicketLockRow.owner).where(TicketLockRow.owner != HOLD_OWNER)
                                        .distinct()))
            found |= set(session.scalars(select(InboxRow.owner).where(
                InboxRow.state == EventState.PROCESSING.value, InboxRow.owner.is_not(None)).distinct()))
            found |= set(session.scalars(select(NotificationRow.owner).where(
                NotificationRow.status == NotificationState.SENDING.value, NotificationRow.owner.is_not(None))
                .distinct()))
        return {process_of(owner) for owner in found if owner}

    def release_owners(self, owners: Collection[str]) -> Released:
        """Free what dead processes held: their leases, their events (back to received), their notifications
        (back to pending, due at once)."""
        processes = sorted({process_of(o) for o in owners})
        if not processes:
            return Released()
        leases = events = notifications = 0
        with self.store.session() as session:
            for process in processes:
                leases += len(session.execute(delete(TicketLockRow).where(
                    TicketLockRow.owner.startswith(process + "#", autoescape=True))
                    .returning(TicketLockRow.lock_key)).all())
                events += len(session.execute(update(InboxRow).where(
                    InboxRow.state == EventState.PROCESSING.value, InboxRow.owner == process)
                    .values(state=EventState.RECEIVED.value, owner=None).returning(InboxRow.id)).all())
                notifications += len(session.execute(update(NotificationRow).where(
                    NotificationRow.status == NotificationState.SENDING.value, NotificationRow.owner == process)
                    .values(status=NotificationState.PENDING.value, owner=None, not_before=None)
                    .returning(NotificationRow.id)).all())
        return Released(leases, events, notifications)

    # ---------------------------------------------------------------- the inbox

    def add_event(self, event: TicketEvent, now: datetime) -> bool:
        """One INSERT and its commit (plugin.store.inbox): the request path's only write."""
        return self.inbox.add(event, now)

    def fresh_events(self, since: datetime, limit: int) -> list[tuple[int, str, str]]:
        """Events received at `since` or later that no worker has taken yet (plugin.service.intake.InboxFeed)."""
        return self.inbox.fresh(since, limit)

    def finish_events(self, ids: Collection[int], now: datetime) -> None:
        if not ids:
            return
        with self.store.session() as session:
            _finish(session, ids, now)

    def release_events(self, platform: str, ticket_ids: Collection[str], owner: str, *, counted: bool = True
                       ) -> None:
        """The events this owner took and did not finish go back to received (its run failed or stopped). Not
        `counted`: the run does not spend one of their attempts (the platform asked us to wait)."""
        if not ticket_ids:
            return
        values: dict[str, Any] = {"state": EventState.RECEIVED.value, "owner": None}
        if not counted:
            values["attempts"] = case((InboxRow.attempts > 0, InboxRow.attempts - 1), else_=0)
        with self.store.session() as session:
            session.execute(update(InboxRow).where(
                InboxRow.platform == platform, InboxRow.ticket_id.in_(list(ticket_ids)),
                InboxRow.state == EventState.PROCESSING.value, InboxRow.owner == process_of(owner))
                .values(**values))

    def unfinished(self, now: datetime, older_than: datetime | None, limit: int
                   ) -> list[tuple[str, str, datetime | None]]:
        """Tickets with work not finished (an event not done, an intent not recorded or abandoned), each with the
        time a retry of it waits for (None: now). `older_than` leaves out work newer than that."""
        with self.store.session() as session:
            # the states named (not "!= done"): an index range over the unfinished, not a scan of every event kept
            events = select(InboxRow.platform, InboxRow.ticket_id, func.max(InboxRow.not_before)).where(
                InboxRow.state.in_(UNFINISHED_EVENTS))
            intents = select(AppliedChangeRow.platform, AppliedChangeRow.ticket_id,
                             func.max(AppliedChangeRow.not_before)).where(
                AppliedChangeRow.state.in_([s.value for s in OPEN_INTENTS]))
            if older_than is not None:
                events = events.where(InboxRow.received_at < older_than)
                intents = intents.where(AppliedChangeRow.decided_at < older_than)
            found: dict[tuple[str, str], datetime | None] = {}
            for query in (events.group_by(InboxRow.platform, InboxRow.ticket_id).limit(limit),
                          intents.group_by(AppliedChangeRow.platform, AppliedChangeRow.ticket_id).limit(limit)):
                for platform, ticket_id, not_before in session.execute(query):
                    key = (platform, ticket_id)
                    known = found.get(key)
                    found[key] = not_before if known is None else max(known, not_before or known)
        return [(platform, ticket_id, not_before) for (platform, ticket_id), not_before in found.items()][:limit]

    def defer(self, platform: str, ticket_id: str, until: datetime) -> None:
        with self.store.session() as session:
            session.execute(update(InboxRow).where(InboxRow.platform == platform, InboxRow.ticket_id == ticket_id,
                                                   InboxRow.state != EventState.DONE.value).values(not_before=until))
            session.execute(update(AppliedChangeRow).where(
                AppliedChangeRow.platform == platform, AppliedChangeRow.ticket_id == ticket_id,
                AppliedChangeRow.state.in_([s.value for s in OPEN_INTENTS])).values(not_before=until))

    # ---------------------------------------------------------------- the ticket's state

    def observe(self, ticket: Ticket, events: Sequence[TicketEvent], now: datetime, read_at: datetime | None = None,
                keep: bool = True) -> Observation:
        platform = ticket.platform
        with self.store.session() as session:
            before = repo.get_mirror(session, platform, ticket.id)
            if keep:
                _keep(session, ticket, events, read_at or now, written_moments(before) if before is not None else ())
            first_decision = before is None or before.last_decided_at is None
            for event in events:
                if event.status is not None and (event.occurred_at is not None or before is not None):
                    repo.record_status(session, platform, ticket.id, event.status, event.occurred_at or now,
                                       "webhook")
            row = repo.upsert_mirror(session, ticket, now)
            if ticket.comments_loaded:
                if ticket.first_agent_reply_at is not None and row.first_response_at is None:
                    row.first_response_at = ticket.first_agent_reply_at
            else:
                ticket = replace(ticket, known_first_reply_at=row.first_response_at)
            customer = (repo.cached_customer(session, platform, ticket.requester_id, now)
                        if ticket.requester_id else None)
            if customer is not None:
                row.customer_tier = repo.cached_tier(session, platform, customer.id) or row.customer_tier
            history = repo.load_history(session, platform, ticket.id)
        return Observation(ticket, history, customer, first_decision)

    def cache_customer(self, platform: str, customer: Customer, tier: str, lifetime_value: float | None,
                       now: datetime, ttl: timedelta) -> None:
        with self.store.session() as session:
            repo.cache_customer(session, platform, customer, tier, lifetime_value, now, ttl)

    def finish_echoes(self, platform: str, ticket_id: str, events: Sequence[InboxEvent], now: datetime) -> None:
        """Our own writes come back: their events done, and what they show taken into the kept ticket (or the kept
        ticket dropped, when they show something it cannot take in); one transaction."""
        with self.store.session() as session:
            row = session.get(KeptTicketRow, (platform, ticket_id))
            if row is not None:
                mirror = repo.get_mirror(session, platform, ticket_id)
                taken_in = merged(ticket_from_json(dict(row.ticket)), [e.event for e in events if e.event],
                                  written_moments(mirror) if mirror is not None else ())
                if taken_in is None:
                    session.delete(row)
                else:
                    row.ticket = ticket_to_json(taken_in)
            _finish(session, [e.id for e in events], now)

    # ---------------------------------------------------------------- intents

    def save_intent(self, intent: Intent) -> None:
        decision = intent.decision
        rules = rule_names([r.rule for r in decision.reasons], [e.rule for e in decision.escalations],
                           decision.fired)
        with self.store.session() as session:
            session.add(AppliedChangeRow(
                idempotency_key=intent.key, platform=intent.platform, ticket_id=intent.ticket_id,
                decided_at=intent.decided_at, applied_at=intent.decided_at,
                changes=decision_to_json(decision), write_requests=0, outcome=intent.state.value,
                state=intent.state.value, version=intent.version, landed=sorted(intent.landed), attempts=0,
                tier=decision.tier, mode=self.mode))
            session.flush()
            session.add_all(DecisionRuleRow(decision_key=intent.key, rule=rule, decided_at=intent.decided_at)
                            for rule in sorted(rules))

    def move_intent(self, key: str, target: IntentState, *, landed: Collection[Part] = (),
                    error: str | None = None, counted: bool = True) -> Intent:
        with self.store.session() as session:
            row = _move_intent(session, key, target, landed, error, counted)
            return _intent_of(row)

    def record(self, record: DecisionRecord) -> Recorded:
        """One transaction: the decision on the mirror and in the history, the intent recorded, the notifications
        queued, the next timer armed, the events done."""
        platform, decision, now = record.platform, record.decision, record.now
        queued = 0
        timer: TimerRow | None = None
        with self.store.session() as session:
            if record.intent_key is not None:
                row = _move_intent(session, record.intent_key, IntentState.RECORDED, (), None)
                row.applied_at = now
                row.write_requests = (row.write_requests or 0) + record.write_requests
            mirror = repo.record_decision(session, platform, decision, now)
            if record.after_write is not None:  # what our write left, kept with the times it left (plugin.kept)
                kept = session.get(KeptTicketRow, (platform, decision.ticket_id))
                if kept is not None:
                    kept.ticket = ticket_to_json(record.after_write)
            if mirror is not None:
                _resolution(mirror, record.ticket, record.resolution)
                if record.updated_at is not None:  # our own write is not news to reconcile
                    mirror.platform_updated_at = max(mirror.platform_updated_at, record.updated_at)
                if record.written is not None:  # what we wrote is held, so the watch does not take it for news
                    mirror.tags = sorted(record.written.tags)
                    mirror.group_id = record.written.group_id
                if record.written_at:  # so our writes coming back are known (plugin.service.echoes)
                    mirror.written_at = sorted(moment.isoformat() for moment in record.written_at)
                mirror.decided_updated_at = mirror.platform_updated_at  # what this finished decision knew
            for notification, not_before in record.notifications:
                if repo.queue_notification(session, platform, notification, now, record.dedupe_period,
                                           not_before=not_before, decision_key=record.intent_key):
                    queued += 1
            if decision.next_check_at is not None:
                current = repo.current_timer(session, platform, decision.ticket_id)
                if current is None or current.due_at != decision.next_check_at or current.state != "armed":
                    timer = repo.arm_timer(session, platform, decision.ticket_id, decision.next_check_at, "threshold",
                                           now)
            _finish(session, record.event_ids, now)
            armed = None if timer is None else ArmedTimer(platform, decision.ticket_id, timer.version, timer.due_at)
        return Recorded(queued, armed)

    # ---------------------------------------------------------------- timers

    def timer_armed(self, platform: str, ticket_id: str, version: int) -> bool:
        with self.store.session() as session:
            return session.scalar(select(TimerRow.id).where(
                TimerRow.platform == platform, TimerRow.ticket_id == ticket_id, TimerRow.version == version,
                TimerRow.state == "armed")) is not None

    def fire_timer(self, platform: str, ticket_id: str, version: int, now: datetime) -> bool:
        with self.store.session() as session:
            return repo.mark_timer_fired(session, platform, ticket_id, version, now)

    def due_timers(self, now: datetime, limit: int) -> list[tuple[str, str, int]]:
        with self.store.session() as session:
            return [(t.platform, t.ticket_id, t.version) for t in repo.due_timers(session, now, limit)]

    def hand_over_due_timers(self, now: datetime, recheck_at: datetime, limit: int
                             ) -> list[tuple[str, str, int, datetime]]:
        """The sweep's read and write of due timers, one transaction (repository.hand_over_due_timers)."""
        with self.store.session() as session:
            return repo.hand_over_due_timers(session, now, recheck_at, limit)

    # ---------------------------------------------------------------- failures for good

    def add_dead_letter(self, task: str, args: Sequence[Any], error: str, attempts: int, now: datetime,
                        platform: str | None = None, ticket_id: str | None = None) -> None:
        with self.store.session() as session:
            repo.add_dead_letter(session, task, args, error, attempts, now, platform=platform, ticket_id=ticket_id)


def _kept(session: Session, platform: str, ticket_id: str) -> KeptTicket | None:
    row = session.get(KeptTicketRow, (platform, ticket_id))
    if row is None:
        return None
    try:
        return KeptTicket(ticket_from_json(dict(row.ticket)), row.read_at)
    except (KeyError, ValueError, TypeError):  # written by another version: read the ticket whole instead
        return None


def _keep(session: Session, ticket: Ticket, events: Sequence[TicketEvent], read_at: datetime,
          written: Collection[datetime]) -> None:
    """Keep the ticket a run took in (plugin.kept): whole when it came with its comments; a bulk read's (no
    comments) leaves the kept one, with the run's events taken in, or drops it if they cannot be."""
    row = session.get(KeptTicketRow, (ticket.platform, ticket.id))
    if ticket.comments_loaded:
        if row is None:
            row = KeptTicketRow(platform=ticket.platform, ticket_id=ticket.id)
            session.add(row)
        row.ticket, row.read_at, row.requester_id = ticket_to_json(ticket), read_at, ticket.requester_id
    elif row is not None:
        taken_in = merged(ticket_from_json(dict(row.ticket)), events, written) if events else None
        if taken_in is None and events:
            session.delete(row)
        elif taken_in is not None:
            row.ticket = ticket_to_json(taken_in)


def written_moments(mirror: TicketRow) -> frozenset[datetime]:
    """The update times our last writes left on the ticket (tickets.written_at)."""
    moments = set()
    for text in mirror.written_at or ():
        try:
            moments.add(datetime.fromisoformat(str(text)))
        except ValueError:
            continue
    return frozenset(moments)


def _event_of(data: Any) -> TicketEvent | None:
    if not isinstance(data, dict):
        return None
    try:
        return event_from_json(data)
    except (KeyError, ValueError):
        return None


def _finish(session: Session, ids: Collection[int], now: datetime) -> None:
    if ids:
        session.execute(update(InboxRow).where(
            InboxRow.id.in_(list(ids)), InboxRow.state.in_([s.value for s in sources_of(EventState.DONE)]))
            .values(state=EventState.DONE.value, processed_at=now, owner=None, not_before=None))


def _intent_of(row: AppliedChangeRow) -> Intent:
    return Intent(key=row.idempotency_key, platform=row.platform, ticket_id=row.ticket_id,
                  decision=decision_from_json(row.ticket_id, row.decided_at, dict(row.changes or {})),
                  decided_at=row.decided_at, version=row.version, state=IntentState(row.state),
                  landed=frozenset(Part(p) for p in row.landed or ()), attempts=row.attempts or 0,
                  last_error=row.last_error)


def _move_intent(session: Session, key: str, target: IntentState, landed: Collection[Part],
                 error: str | None, counted: bool = True) -> AppliedChangeRow:
    row = session.get(AppliedChangeRow, key, with_for_update=True)
    if row is None:
        raise KeyError(f"no write intent {key}")
    if IntentState(row.state) not in sources_of(target):
        raise IllegalMove("intent", row.state, target.value)
    row.state = row.outcome = target.value
    if landed:
        row.landed = sorted({*(row.landed or ()), *(p.value for p in landed)})
    if error is not None:
        row.last_error = error[:2000]
        row.attempts = (row.attempts or 0) + counted
    if target in (IntentState.RECORDED, IntentState.ABANDONED):
        row.not_before = None
    session.flush()
    return row


def _resolution(mirror: TicketRow, ticket: Ticket, resolution: Resolution | None) -> None:
    """Resolution figures on the mirror, for the reports: set when solved, cleared (and counted) on reopening."""
    if resolution is not None and mirror.solved_at is None:
        mirror.solved_at = resolution.solved_at
        mirror.resolution_calendar_seconds = resolution.calendar_seconds
        mirror.resolution_business_seconds = resolution.business_seconds
        if mirror.first_escalated_at is not None:
            mirror.after_escalation_seconds = (resolution.solved_at - mirror.first_escalated_at).total_seconds()
        if resolution.first_response_breached is not None:
            mirror.first_response_breached = resolution.first_response_breached
        if resolution.resolution_breached is not None:
            mirror.resolution_breached = resolution.resolution_breached
    elif not ticket.status.is_done and mirror.solved_at is not None:
        mirror.solved_at = None
        mirror.reopened = (mirror.reopened or 0) + 1


__all__ = ["SqlTicketStore", "process_of"]
