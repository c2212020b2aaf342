"""The replay of one ticket's past through the engine: pure, no I/O, no clock of its own.

At each change of the timeline, and at each moment in between that the previous decision asked to look again
(`Decision.next_check_at`: an SLA threshold, an unassigned alert, a reminder, in business time with its pauses), the
engine decides on the ticket as it then stood, with `now` frozen at that moment. What it would have written is laid
over the states that follow (as if it had landed), until a person changes the same field; its escalations, the
triggers it acted on and the alerts it sent go into the history the next decision reads, as the store would keep
them. Nothing is written anywhere: the result is the list of what it would have done.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from plugin.calendar import calendar_for
from plugin.config import EscalatorConfig
from plugin.domain import (
    Customer,
    Decision,
    Notification,
    Priority,
    SentAlert,
    Status,
    StatusChange,
    Ticket,
    TicketHistory,
    TicketSummary,
)
from plugin.ports import Decider
from plugin.replay.timeline import Step, TicketTimeline

MAX_TIMER_DECISIONS = 500  # per ticket: a guard against a timer that never moves on, far above any real ticket's


@dataclass(frozen=True)
class Action:
    """One thing the escalator would have done. `kind`: escalation, priority, tags, reassign, status, note, reply,
    task, alert, page, handoff (the receiving tier's message) or customer (an email to the customer). `rule` is the
    rule (or built-in trigger) behind it; `because` the triggers of the decision's reasons. `sent_at`: when an alert
    would have left (held until business hours open, where the configuration says so)."""

    ticket_id: str
    at: datetime
    kind: str
    rule: str
    detail: str
    cause: str = "change"  # "change": decided on a change of the ticket; "timer": at a threshold in between
    role: str = ""
    tier: int | None = None
    sent_at: datetime | None = None
    because: tuple[str, ...] = ()


@dataclass(frozen=True)
class Replayed:
    """What the replay of one ticket gives: how many decisions it took and what they would have done."""

    ticket_id: str
    decisions: int
    actions: tuple[Action, ...]
    final_tier: int


@dataclass
class _Overlay:
    """What the replayed decisions wrote, laid over the real states until a person changes the same field."""

    priority: Priority | None = None
    add_tags: set[str] = field(default_factory=set)
    remove_tags: set[str] = field(default_factory=set)
    group_id: str | None = None
    assignee: tuple[str | None] | None = None  # (agent,) or (None,) for cleared; None: untouched
    status: Status | None = None

    def forget_what_people_changed(self, before: Ticket, after: Ticket) -> None:
        if before.priority != after.priority:
            self.priority = None
        if before.group_id != after.group_id:
            self.group_id = None
        if before.assignee_id != after.assignee_id:
            self.assignee = None
        if before.status != after.status:
            self.status = None
        for tag in before.tags ^ after.tags:
            self.add_tags.discard(tag)
            self.remove_tags.discard(tag)

    def take(self, decision: Decision) -> None:
        changes = decision.changes
        if changes.priority is not None:
            self.priority = changes.priority
        self.add_tags = (self.add_tags - changes.remove_tags) | changes.add_tags
        self.remove_tags = (self.remove_tags - changes.add_tags) | changes.remove_tags
        if changes.group_id is not None:
            self.group_id = changes.group_id
        if changes.assignee_id is not None:
            self.assignee = (changes.assignee_id,)
        elif changes.clear_assignee:
            self.assignee = (None,)
        if changes.status is not None:
            self.status = changes.status

    def over(self, ticket: Ticket) -> Ticket:
        return replace(
            ticket,
            priority=self.priority if self.priority is not None else ticket.priority,
            tags=(ticket.tags - self.remove_tags) | self.add_tags,
            group_id=self.group_id if self.group_id is not None else ticket.group_id,
            assignee_id=self.assignee[0] if self.assignee is not None else ticket.assignee_id,
            status=self.status if self.status is not None else ticket.status,
        )


@dataclass
class _Memory:
    """What the store would remember between decisions, kept as the pipeline's store keeps it."""

    history: TicketHistory
    last_status: Status | None = None
    last_assignee: str | None = None
    sent: dict[tuple[str, str], datetime] = field(default_factory=dict)  # (role, dedupe key) -> last sent

    def observe(self, seen: Ticket, now: datetime) -> None:
        history = self.history
        if self.last_status is None:
            history = replace(history, status_changes=(StatusChange(seen.created_at, seen.status),))
        elif seen.status != self.last_status:
            history = replace(history, status_changes=(*history.status_changes, StatusChange(now, seen.status)))
        if self.last_status is not None and seen.assignee_id != self.last_assignee:
            history = replace(history, assigned_at=now)
        first_reply = seen.first_agent_reply_at
        if first_reply is not None and history.first_agent_action_at is None:
            history = replace(history, first_agent_action_at=first_reply)
        self.history, self.last_status, self.last_assignee = history, seen.status, seen.assignee_id

    def record(self, decision: Decision, sent: Sequence[tuple[Notification, datetime]]) -> None:
        history = self.history
        bases = history.sla_bases
        if decision.sla_basis is not None and not decision.sla_basis.same_as(bases[-1] if bases else None):
            at = max([decision.sla_basis.at, *(b.at for b in bases[-1:])])
            bases = (*bases, replace(decision.sla_basis, at=at))
        alerts = history.alerts + tuple(SentAlert(at, n.role, n.dedupe_key) for n, at in sent
                                        if n.role != "customer")
        self.history = replace(history, fired=history.fired | decision.fired,
                               escalations=history.escalations + decision.escalations, sla_bases=bases,
                               alerts=alerts)


def replay_ticket(timeline: TicketTimeline, customer: Customer | None, related: Sequence[TicketSummary],
                  engine: Decider, config: EscalatorConfig, until: datetime) -> Replayed:
    """Replay `timeline` through `engine` up to `until` (the end of the period: timers past the last change fire
    until then, or until the ticket is done)."""
    first = timeline.steps[0].ticket
    memory = _Memory(TicketHistory(initial_priority=first.priority, related_tickets=tuple(related)))
    overlay = _Overlay()
    actions: list[Action] = []
    decisions = 0
    timers = 0
    previous: Step | None = None
    next_check: datetime | None = None
    tier = 1

    def decide(real: Ticket, now: datetime, cause: str) -> datetime | None:
        nonlocal decisions, tier
        seen = overlay.over(real)
        memory.observe(seen, now)
        decision = engine.decide(seen, customer, memory.history, now)
        decisions += 1
        sent = _deliver(decision, memory, config, now)
        actions.extend(_actions(seen, decision, sent, config, cause))
        memory.record(decision, [(n, now) for n, _ in sent])
        overlay.take(decision)
        tier = max(tier, decision.tier)
        return decision.next_check_at

    for step in timeline.steps:
        if step.at > until:
            break
        while previous is not None and next_check is not None and next_check < step.at and timers < \
                MAX_TIMER_DECISIONS:
            timers += 1
            later = decide(previous.ticket, next_check, "timer")
            next_check = later if later is not None and later > next_check else None
        if previous is not None:
            overlay.forget_what_people_changed(previous.ticket, step.ticket)
        next_check = decide(step.ticket, step.at, "change")
        if next_check is not None and next_check <= step.at:
            next_check = step.at + timedelta(seconds=1)
        previous = step
    while previous is not None and next_check is not None and next_check <= until and timers < MAX_TIMER_DECISIONS:
        timers += 1
        later = decide(previous.ticket, next_check, "timer")
        next_check = later if later is not None and later > next_check else None
    return Replayed(timeline.ticket_id, decisions, tuple(actions), tier)


def _deliver(decision: Decision, memory: _Memory, config: EscalatorConfig, now: datetime
             ) -> list[tuple[Notification, datetime]]:
    """The notifications that would have left, and when: one per role and dedupe key within the dedupe period (as
    the store keeps them), alerts to people held until business hours open unless urgent or configured otherwise."""
    out = []
    period = config.notifications.dedupe_period
    for notification in decision.notifications:
        key = (notification.role, notification.dedupe_key)
        last = memory.sent.get(key)
        if last is not None and last > now - period:
            continue
        memory.sent[key] = now
        out.append((notification, _sent_at(notification, config, now)))
    return out


def _sent_at(notification: Notification, config: EscalatorConfig, now: datetime) -> datetime:
    if notification.urgent or notification.role == "customer" or not config.notifications.respect_business_hours:
        return now
    schedule = notification.schedule if notification.schedule in config.schedules else None
    return calendar_for(config, business_hours=True, schedule=schedule).next_open(now)


def _actions(seen: Ticket, decision: Decision, sent: Sequence[tuple[Notification, datetime]],
             config: EscalatorConfig, cause: str) -> list[Action]:
    ticket_id, now, changes = seen.id, decision.at, decision.changes
    because = tuple(dict.fromkeys(r.rule for r in decision.reasons))
    lead = because[0] if because else ""

    def action(kind: str, rule: str, detail: str, **extra: object) -> Action:
        return Action(ticket_id, now, kind, rule, detail, cause=cause, because=because, **extra)  # type: ignore[arg-type]

    out = [action("escalation", e.rule, f"Tier {e.from_tier} -> {e.to_tier}: {e.reason}", tier=e.to_tier)
           for e in decision.escalations]
    if changes.priority is not None:
        before = seen.priority.code if seen.priority is not None else "none"
        out.append(action("priority", lead, f"{before} -> {changes.priority.code}"))
    if changes.add_tags or changes.remove_tags:
        parts = [f"+{t}" for t in sorted(changes.add_tags)] + [f"-{t}" for t in sorted(changes.remove_tags)]
        out.append(action("tags", lead, " ".join(parts)))
    if changes.group_id is not None or changes.assignee_id is not None or changes.clear_assignee:
        parts = []
        if changes.group_id is not None:
            parts.append(f"group {changes.group_id}")
        if changes.assignee_id is not None:
            parts.append(f"agent {changes.assignee_id}")
        elif changes.clear_assignee:
            parts.append("agent cleared")
        out.append(action("reassign", lead, ", ".join(parts)))
    if changes.status is not None:
        out.append(action("status", lead, f"{seen.status.value} -> {changes.status.value}"))
    if changes.task is not None:
        out.append(action("task", lead, changes.task.subject, tier=changes.task.tier))
    if changes.internal_note is not None:
        out.append(action("note", lead, _first_line(changes.internal_note)))
    if changes.public_reply is not None:
        out.append(action("reply", lead, _first_line(changes.public_reply)))
    for notification, sent_at in sent:
        kind = ("page" if notification.role == "on_call" else "customer" if notification.role == "customer"
                else "handoff" if notification.kind == "handoff" else "alert")
        out.append(action(kind, notification.kind, notification.title, role=notification.role, sent_at=sent_at))
    return out


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:160]
    return ""
