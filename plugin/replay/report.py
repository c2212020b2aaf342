"""The replay's report: per ticket, what the escalator would have done next to what actually happened; in total,
escalations by rule and tier, alerts by role and per day, pages, SLA breaches warned about and how much earlier,
tickets people escalated that no rule caught, and rules that fired on tickets nobody escalated. Pure aggregation."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from plugin.replay.actual import Actual, Breach
from plugin.replay.run import Action, Replayed

MANUAL_RULE = "manual_escalation"  # an escalation an agent asked for (a tag): not a rule catching anything
SLA_WARNING_RULES = frozenset({"sla_warning", "auto_escalate_sla"})
ALERT_KINDS = ("alert", "handoff")


@dataclass(frozen=True)
class TicketReport:
    platform: str
    ticket_id: str
    subject: str
    url: str | None
    created_at: datetime
    decisions: int
    actions: tuple[Action, ...]
    actual: Actual

    @property
    def escalations(self) -> tuple[Action, ...]:
        return tuple(a for a in self.actions if a.kind == "escalation")

    @property
    def rule_escalations(self) -> tuple[Action, ...]:
        """Escalations a rule made (not those an agent asked for with a tag)."""
        return tuple(a for a in self.escalations if a.rule != MANUAL_RULE)

    @property
    def warned_at(self) -> datetime | None:
        """The first moment the replay acted on an SLA warning (tag, note, alert or escalation)."""
        return min((a.at for a in self.actions if a.rule in SLA_WARNING_RULES or "sla_warning" in a.because),
                   default=None)

    @property
    def warning_lead(self) -> timedelta | None:
        """How much earlier than the first breach the warning came; None when it breached unwarned (or never)."""
        breach, warned = self.actual.first_breach, self.warned_at
        if breach is None or warned is None or warned > breach.at:
            return None
        return breach.at - warned


@dataclass(frozen=True)
class Totals:
    tickets: int
    decisions: int
    actions: int
    tickets_escalated: int  # tickets the replay escalated (by a rule or on an agent's tag)
    escalations_by_rule_tier: Mapping[tuple[str, int], int]
    alerts_by_role: Mapping[str, int]
    alerts_by_day: Mapping[date, int]
    pages: int
    priority_changes: int
    notes: int
    replies: int
    breached: tuple[str, ...]  # ticket ids whose SLA breached
    breaches_warned: tuple[str, ...]  # breached tickets the replay warned about before the breach
    warning_leads: tuple[timedelta, ...]
    escalated_by_people: tuple[str, ...]
    people_escalated_no_rule: tuple[str, ...]  # a person escalated, no rule would have
    rules_on_unescalated: Mapping[str, int]  # rule -> tickets nobody escalated that it escalated

    @property
    def busiest_day(self) -> tuple[date, int] | None:
        return max(self.alerts_by_day.items(), key=lambda kv: (kv[1], kv[0]), default=None)

    @property
    def median_lead(self) -> timedelta | None:
        if not self.warning_leads:
            return None
        return timedelta(seconds=statistics.median(t.total_seconds() for t in self.warning_leads))


@dataclass(frozen=True)
class SimulationReport:
    since: datetime
    until: datetime
    tickets: tuple[TicketReport, ...]
    limits: Mapping[str, str] = field(default_factory=dict)  # platform -> what its rebuild cannot see
    errors: tuple[str, ...] = ()  # tickets that could not be read, and why
    totals: Totals = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "totals", totals_of(self.tickets))

    @property
    def actions(self) -> list[Action]:
        return [a for t in self.tickets for a in t.actions]


def ticket_report(platform: str, subject: str, url: str | None, created_at: datetime, replayed: Replayed,
                  actual: Actual) -> TicketReport:
    return TicketReport(platform, replayed.ticket_id, subject, url, created_at, replayed.decisions, replayed.actions,
                        actual)


def totals_of(tickets: Sequence[TicketReport]) -> Totals:
    by_rule_tier: Counter[tuple[str, int]] = Counter()
    by_role: Counter[str] = Counter()
    by_day: Counter[date] = Counter()
    unescalated: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    breached, warned, leads, people, missed = [], [], [], [], []
    escalated = 0
    for ticket in tickets:
        for action in ticket.actions:
            counts[action.kind] += 1
            if action.kind == "escalation":
                by_rule_tier[(action.rule, action.tier or 0)] += 1
            elif action.kind in ALERT_KINDS:
                by_role[action.role] += 1
                by_day[(action.sent_at or action.at).date()] += 1
        escalated += bool(ticket.escalations)
        if ticket.actual.breaches:
            breached.append(ticket.ticket_id)
            lead = ticket.warning_lead
            if lead is not None:
                warned.append(ticket.ticket_id)
                leads.append(lead)
        if ticket.actual.escalated:
            people.append(ticket.ticket_id)
            if not ticket.rule_escalations:
                missed.append(ticket.ticket_id)
        else:
            for rule in {a.rule for a in ticket.rule_escalations}:
                unescalated[rule] += 1
    return Totals(
        tickets=len(tickets), decisions=sum(t.decisions for t in tickets), actions=sum(counts.values()),
        tickets_escalated=escalated, escalations_by_rule_tier=dict(sorted(by_rule_tier.items())),
        alerts_by_role=dict(sorted(by_role.items())), alerts_by_day=dict(sorted(by_day.items())),
        pages=counts["page"], priority_changes=counts["priority"], notes=counts["note"], replies=counts["reply"],
        breached=tuple(breached), breaches_warned=tuple(warned), warning_leads=tuple(leads),
        escalated_by_people=tuple(people), people_escalated_no_rule=tuple(missed),
        rules_on_unescalated=dict(sorted(unescalated.items())))


def breaches_of(tickets: Iterable[TicketReport]) -> list[tuple[str, Breach]]:
    return [(t.ticket_id, b) for t in tickets for b in t.actual.breaches]
