"""What actually happened to a ticket, read from its timeline alone (no decision of ours in it): whether a person
escalated it and when, and which SLA clocks it breached and when, measured with the configured SLA on the ticket as
people left it. Pure."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime

from plugin.config import EscalatorConfig
from plugin.domain import Customer, StatusChange, Ticket, TicketHistory
from plugin.facts import gather, manual_request, tier_from_tags
from plugin.replay.timeline import TicketTimeline
from plugin.sentiment import SentimentAnalyzer


@dataclass(frozen=True)
class Breach:
    clock: str  # first_response, resolution, next_reply, periodic_update
    at: datetime  # the moment the clock passed its target


@dataclass(frozen=True)
class Actual:
    """What people did and what the SLA clocks did, without us."""

    escalated_at: datetime | None = None  # the first escalation by a person
    escalated_by: str | None = None
    escalated_to: int | None = None
    breaches: tuple[Breach, ...] = ()
    solved_at: datetime | None = None

    @property
    def escalated(self) -> bool:
        return self.escalated_at is not None

    @property
    def first_breach(self) -> Breach | None:
        return min(self.breaches, key=lambda b: b.at, default=None)


def tier_shown(ticket: Ticket, config: EscalatorConfig) -> int:
    """The tier a ticket's state says it is at: its tier tag, an escalation request tag, or its group's tier."""
    tier = tier_from_tags(ticket.tags, config.workflow.tier_tag_prefix, config.tier_count)
    request = manual_request(ticket, config)
    if request is not None:
        tier = max(tier, request.tier)
    for number, settings in enumerate(config.tiers, start=1):
        if ticket.group_id is not None and settings.groups.get(ticket.platform) == ticket.group_id:
            tier = max(tier, number)
    return tier


def person_escalation(timeline: TicketTimeline, config: EscalatorConfig) -> tuple[datetime, str | None, int] | None:
    """The first change by a person (not our integration user) that moved the ticket up a tier (a tier tag, an
    `escalate_tier_<N>` request, a tier's group) or added the `escalated` tag: (when, who, to which tier)."""
    steps = timeline.steps
    tier = tier_shown(steps[0].ticket, config)
    escalated_tag = config.workflow.escalated_tag
    if (tier > 1 or escalated_tag in steps[0].ticket.tags) and not steps[0].by_integration:
        return steps[0].at, steps[0].actor_id, max(tier, 2)
    for before, step in itertools.pairwise(steps):
        shown = tier_shown(step.ticket, config)
        tagged = escalated_tag in step.ticket.tags and escalated_tag not in before.ticket.tags
        if not step.by_integration and (shown > tier or tagged):
            return step.at, step.actor_id, max(shown, tier + 1 if shown <= tier else shown)
        tier = max(tier, shown)
    return None


def real_history(timeline: TicketTimeline) -> TicketHistory:
    """The history of status changes and first reply as the steps show them, with nothing of ours."""
    changes: list[StatusChange] = []
    assigned_at = None
    previous = None
    for step in timeline.steps:
        ticket = step.ticket
        if previous is None or previous.status != ticket.status:
            changes.append(StatusChange(ticket.created_at if previous is None else step.at, ticket.status))
        if previous is not None and previous.assignee_id != ticket.assignee_id:
            assigned_at = step.at
        previous = ticket
    return TicketHistory(status_changes=tuple(changes), initial_priority=timeline.created.priority,
                         first_agent_action_at=timeline.current.first_agent_reply_at, assigned_at=assigned_at)


def what_happened(timeline: TicketTimeline, customer: Customer | None, config: EscalatorConfig, until: datetime,
                  analyzer: SentimentAnalyzer | None = None) -> Actual:
    escalation = person_escalation(timeline, config)
    current = timeline.current
    history = real_history(timeline)
    facts = gather(current, customer, history, max(until, current.updated_at), config, analyzer)
    breaches = []
    for reading in facts.clocks:
        clock = reading.status
        due = clock.due_at
        if due is None or due > until or (clock.fulfilled_at is not None and clock.fulfilled_at <= due):
            continue
        breaches.append(Breach(clock.kind.value, due))
    solved_at = next((s.at for s in reversed(history.status_changes) if s.status.is_done), None) \
        if current.status.is_done else None
    return Actual(
        escalated_at=escalation[0] if escalation else None, escalated_by=escalation[1] if escalation else None,
        escalated_to=escalation[2] if escalation else None, breaches=tuple(sorted(breaches, key=lambda b: b.at)),
        solved_at=solved_at)
