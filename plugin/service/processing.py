"""The worker side: decide about one ticket and carry the decision out, exactly once.

For one ticket at a time (a lease lock), it reads the freshest state from the helpdesk, updates our mirror, asks
the pure engine for a decision, applies the changes in one write with an idempotency key, and then records, in one
transaction, the decision, the escalation history, what was applied, the notifications to send, the next timer and
which inbox events are done. A crash anywhere before that transaction leaves the events unprocessed: the sweep
picks them up again, and the idempotency key (and the engine's fired keys) make the second pass add nothing.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from adapters.base import (
    ApplyRequest,
    ApplyResult,
    ConflictError,
    HelpdeskAdapter,
    NotFoundError,
    note_marker,
    reply_marker,
)
from plugin.calendar import calendar_for
from plugin.customers import classify
from plugin.domain import ClockKind, ClockState, Customer, Decision, Ticket, TicketEvent, TicketHistory, TicketSummary
from plugin.service.bootstrap import Services
from plugin.service.locks import ticket_lock
from plugin.store import repository as repo
from plugin.store.serialize import decision_from_json

log = logging.getLogger(__name__)
MAX_CONFLICT_ROUNDS = 3


class TicketBusy(Exception):
    """Another worker holds this ticket's lock: try again in a moment."""


@dataclass(frozen=True)
class Outcome:
    platform: str
    ticket_id: str
    status: str  # decided | applied | coalesced | ours | gone
    decision: Decision | None = None
    write_requests: int = 0


def idempotency_key(platform: str, decision: Decision) -> str:
    """What the decision is about (the keys it fires), not the writes it needs: a decision made again after a
    write whose record was lost needs fewer writes, yet must be recognised as the same one."""
    material = json.dumps({"p": platform, "t": decision.ticket_id, "fired": sorted(decision.fired),
                           "esc": [e.to_tier for e in decision.escalations]}, sort_keys=True)
    return hashlib.sha256(material.encode()).hexdigest()[:20]


def process_ticket(services: Services, platform: str, ticket_id: str, *, cause: str = "event") -> Outcome:
    """Decide about one ticket now. `cause` is "event" (a webhook), "timer" or "sweep"."""
    now = services.clock()
    with ticket_lock(services.store, platform, ticket_id, now, services.config.queue.lock_lease) as held:
        if not held:
            raise TicketBusy(f"{platform}/{ticket_id} is being decided by another worker")
        with services.store.session() as session:
            pending = repo.unprocessed_events(session, platform=platform, ticket_id=ticket_id)
            events = [_event_of(row) for row in pending]
            pending_ids = [row.id for row in pending]
            known = repo.get_mirror(session, platform, ticket_id) is not None
        if cause == "event" and not pending_ids:
            return Outcome(platform, ticket_id, "coalesced")
        if cause == "event" and known and events and all(e is not None and e.from_us for e in events):
            with services.store.session() as session:
                repo.mark_processed(session, pending_ids, now)
            return Outcome(platform, ticket_id, "ours")
        adapter = services.adapters.get(platform)
        try:
            ticket = adapter.get_ticket(ticket_id)
        except NotFoundError:
            with services.store.session() as session:
                repo.mark_processed(session, pending_ids, now)
            return Outcome(platform, ticket_id, "gone")
        return decide_and_apply(services, adapter, ticket, events, pending_ids, now)


def _event_of(row: object) -> TicketEvent | None:
    data = getattr(row, "event", None)
    if not isinstance(data, dict):
        return None
    from plugin.store.serialize import event_from_json

    return event_from_json(data)


def prepare(
    services: Services, adapter: HelpdeskAdapter, ticket: Ticket, events: Iterable[TicketEvent | None],
    now: datetime,
) -> tuple[Ticket, Customer | None, TicketHistory]:
    """Update the mirror from what we now know, and gather the customer and history the engine needs."""
    platform = ticket.platform
    with services.store.session() as session:
        for event in events:
            if event is not None and event.status is not None:
                repo.record_status(session, platform, ticket.id, event.status, event.occurred_at or now, "webhook")
        before = repo.get_mirror(session, platform, ticket.id)
        first_decision = before is None or before.last_decided_at is None
        row = repo.upsert_mirror(session, ticket, now)
        if ticket.comments_loaded:
            if ticket.first_agent_reply_at is not None and row.first_response_at is None:
                row.first_response_at = ticket.first_agent_reply_at
        else:
            ticket = replace(ticket, known_first_reply_at=row.first_response_at)
        customer = (repo.cached_customer(session, platform, ticket.requester_id, now)
                    if ticket.requester_id else None)
    if customer is None and ticket.requester_id:
        try:
            customer = adapter.get_customer(ticket.requester_id)
        except NotFoundError:
            customer = None
        if customer is not None:
            profile = classify(customer, services.config)
            with services.store.session() as session:
                repo.cache_customer(session, platform, customer, profile.tier.value, profile.lifetime_value, now,
                                    services.config.customers.cache_ttl)
    related: tuple[TicketSummary, ...] = ()
    if first_decision and ticket.requester_id and ticket.comments_loaded:
        since = now - services.config.thresholds.repeat_contact_window
        related = tuple(adapter.requester_tickets(ticket.requester_id, since))
    if ticket.comments_loaded:
        recover_landed_writes(services, ticket, now)
    with services.store.session() as session:
        history = repo.load_history(session, platform, ticket.id, related)
    return ticket, customer, history


def recover_landed_writes(services: Services, ticket: Ticket, now: datetime) -> None:
    """Writes made by an attempt that died before recording them: if the ticket shows one landed (its note's
    marker, or its changes), record its decision now, so deciding again does not fire its rules a second time."""
    with services.store.session() as session:
        intents = [(row.idempotency_key, row.decided_at, dict(row.changes or {}))
                   for row in repo.pending_intents(session, ticket.platform, ticket.id)]
    for key, decided_at, data in intents:
        if data.get("internal_note") or data.get("public_reply"):
            # each comment on its own: a note that landed does not make a reply that did not look done
            wanted = [marker for marker, text in ((note_marker(key), data.get("internal_note")),
                                                  (reply_marker(key), data.get("public_reply"))) if text]
            landed = all(any(marker in c.body for c in ticket.comments) for marker in wanted)
        else:
            landed = set(data.get("add_tags") or ()) <= ticket.tags and not (set(data.get("remove_tags") or ())
                                                                             & ticket.tags)
        with services.store.session() as session:
            if landed:
                repo.record_decision(session, ticket.platform, decision_from_json(ticket.id, decided_at, data), now)
                repo.settle_intent(session, key, "recovered")
                log.info("recovered the record of a write that landed on %s/%s before a crash", ticket.platform,
                         ticket.id)
            else:
                repo.settle_intent(session, key, "not applied")


def decide_and_apply(
    services: Services, adapter: HelpdeskAdapter, ticket: Ticket, events: Sequence[TicketEvent | None],
    pending_ids: Sequence[int], now: datetime,
) -> Outcome:
    ticket, customer, history = prepare(services, adapter, ticket, events, now)
    for _ in range(MAX_CONFLICT_ROUNDS):
        decision = services.engine.decide(ticket, customer, history, now)
        if decision.changes.is_empty:
            record(services, ticket, decision, None, 0, pending_ids, now)
            return Outcome(ticket.platform, ticket.id, "decided", decision)
        key = idempotency_key(ticket.platform, decision)
        with services.store.session() as session:
            repo.record_intent(session, key, ticket.platform, decision, now)
        try:
            result = adapter.apply(ApplyRequest(ticket, decision.changes, key))
        except ConflictError:
            services.metrics.retries.labels("conflict").inc()
            services.metrics.writes.labels(ticket.platform, "conflict").inc()
            ticket, customer, history = prepare(services, adapter, adapter.get_ticket(ticket.id), (), now)
            continue
        services.metrics.writes.labels(ticket.platform, "ok").inc(max(result.write_requests, 1))
        record(services, ticket, decision, key, result.write_requests, pending_ids, now, result)
        return Outcome(ticket.platform, ticket.id, "applied", decision, result.write_requests)
    raise ConflictError(f"ticket {ticket.platform}/{ticket.id} changed under us {MAX_CONFLICT_ROUNDS} times")


def record(
    services: Services, ticket: Ticket, decision: Decision, key: str | None, write_requests: int,
    pending_ids: Sequence[int], now: datetime, result: ApplyResult | None = None,
) -> None:
    """One transaction: the decision, history, applied changes, notifications, timer, processed events."""
    config = services.config
    platform = ticket.platform
    timer = None
    queued = 0
    with services.store.session() as session:
        repo.record_decision(session, platform, decision, now)
        row = repo.get_mirror(session, platform, ticket.id)
        if row is not None:
            _record_resolution(services, row, ticket, decision, now)
            if result is not None and result.ticket is not None:  # our own write is not news to reconcile
                row.platform_updated_at = max(row.platform_updated_at, result.ticket.updated_at)
        if key is not None:
            repo.record_applied(session, key, platform, ticket.id, decision.changes, now, now, write_requests,
                                "note already present" if result and result.note_already_present else "applied")
        for notification in decision.notifications:
            not_before = not_before_for(services, notification.role, notification.urgent, now)
            if repo.queue_notification(session, platform, notification, now, config.notifications.dedupe_period,
                                       not_before=not_before):
                queued += 1
        if decision.next_check_at is not None:
            current = repo.current_timer(session, platform, ticket.id)
            if current is None or current.due_at != decision.next_check_at or current.state != "armed":
                timer = repo.arm_timer(session, platform, ticket.id, decision.next_check_at, "threshold", now)
        if pending_ids:
            repo.mark_processed(session, list(pending_ids), now)
    _count(services, platform, decision)
    if timer is not None:
        services.tasks.schedule_timer(platform, ticket.id, timer.version, timer.due_at)
    if queued:
        services.tasks.enqueue_notifications()


def not_before_for(services: Services, role: str, urgent: bool, now: datetime) -> datetime | None:
    """Alerts to people wait for business hours unless urgent (pages) or configured otherwise."""
    if urgent or role == "customer" or not services.config.notifications.respect_business_hours:
        return None
    opens = calendar_for(services.config, business_hours=True).next_open(now)
    return opens if opens > now else None


def _record_resolution(services: Services, row: object, ticket: Ticket, decision: Decision, now: datetime) -> None:
    """Resolution figures on the mirror, for the reports: set when solved, cleared (and counted) on reopening."""
    solved = ticket.status.is_done
    if solved and getattr(row, "solved_at", None) is None:
        solved_at = min(ticket.updated_at, now)
        business = calendar_for(services.config, business_hours=True).elapsed(ticket.created_at, solved_at)
        row.solved_at = solved_at  # type: ignore[attr-defined]
        row.resolution_calendar_seconds = (solved_at - ticket.created_at).total_seconds()  # type: ignore[attr-defined]
        row.resolution_business_seconds = business.total_seconds()  # type: ignore[attr-defined]
        escalated_at = getattr(row, "first_escalated_at", None)
        if escalated_at is not None:
            row.after_escalation_seconds = (solved_at - escalated_at).total_seconds()  # type: ignore[attr-defined]
        for clock in decision.clocks:
            late = clock.state == ClockState.BREACHED or clock.share_elapsed >= services.config.sla.breach_at
            if clock.kind == ClockKind.FIRST_RESPONSE:
                row.first_response_breached = late  # type: ignore[attr-defined]
            elif clock.kind == ClockKind.RESOLUTION:
                row.resolution_breached = late  # type: ignore[attr-defined]
    elif not solved and getattr(row, "solved_at", None) is not None:
        row.solved_at = None  # type: ignore[attr-defined]
        row.reopened = (getattr(row, "reopened", 0) or 0) + 1  # type: ignore[attr-defined]


def _count(services: Services, platform: str, decision: Decision) -> None:
    metrics = services.metrics
    metrics.decisions.labels(platform, "changes" if decision.has_effects else "none").inc()
    for entry in decision.escalations:
        metrics.escalations.labels(platform, entry.rule, str(entry.to_tier)).inc()
