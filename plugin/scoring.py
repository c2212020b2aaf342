"""Priority scoring: customer tier x ticket urgency through the configured matrix, then the bumps rules ask for.

Urgency is what the ticket itself says before we touch it: the configured urgency field, else the priority the
ticket arrived with. Scoring from our own earlier output would bump a ticket again on every decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from plugin.config import EscalatorConfig, Urgency
from plugin.domain import CustomerTier, Priority, Ticket, TicketHistory

_URGENCY_NAMES: dict[Priority, Urgency] = {
    Priority.LOW: "low", Priority.MEDIUM: "medium", Priority.HIGH: "high", Priority.CRITICAL: "critical",
}


@dataclass(frozen=True)
class PriorityStep:
    """One step of the explanation: what moved the priority, from what, to what."""

    cause: str
    before: Priority
    after: Priority

    def describe(self) -> str:
        if self.before == self.after:
            return f"{self.cause}: stays {self.after.label} ({self.after.code})"
        return f"{self.cause}: {self.before.label} ({self.before.code}) -> {self.after.label} ({self.after.code})"


@dataclass(frozen=True)
class ScoredPriority:
    priority: Priority
    urgency: Urgency
    customer_tier: CustomerTier
    steps: tuple[PriorityStep, ...]

    def explanation(self) -> str:
        return "; ".join(step.describe() for step in self.steps)


def urgency_of(ticket: Ticket, history: TicketHistory, config: EscalatorConfig) -> Urgency:
    field = config.priority.urgency_field
    if field:
        raw = _lookup(ticket.custom_fields, field)
        if raw is not None:
            try:
                return _URGENCY_NAMES[Priority.parse(str(raw))]
            except ValueError:
                pass
    arrived = history.initial_priority or ticket.priority or config.sla.default_priority
    return _URGENCY_NAMES[arrived]


def _lookup(fields: Mapping[str, Any], name: str) -> Any:
    return fields.get(name, {k.lower(): v for k, v in fields.items()}.get(name.lower()))


def score(ticket: Ticket, history: TicketHistory, tier: CustomerTier, config: EscalatorConfig) -> ScoredPriority:
    """The matrix priority for this customer tier and the ticket's urgency."""
    urgency = urgency_of(ticket, history, config)
    matrix_priority = config.priority.matrix[tier][urgency]
    before = ticket.priority or config.sla.default_priority
    step = PriorityStep(f"{tier.value} customer x {urgency} urgency (priority matrix)", before, matrix_priority)
    return ScoredPriority(matrix_priority, urgency, tier, (step,))


def apply_priority_action(current: Priority, action: str, value: Any) -> Priority:
    """set_priority, minimum_priority or bump_priority applied to `current`."""
    if action == "set_priority":
        return Priority.parse(value)
    if action == "minimum_priority":
        return max(current, Priority.parse(value))
    if action == "bump_priority":
        return current.bumped(int(value) if value is not None else 1)
    raise ValueError(f"not a priority action: {action}")
