"""SLA policies: which one applies to a ticket, and what it measures with.

The policies of `sla.policies` are tried in order and the first whose match holds applies; a ticket none matches gets
the default policy (the `sla:` section itself: its matrix, schedule, pauses and thresholds). A policy that leaves
a setting out takes the default policy's. The schedule a policy counts in is its own, else the one its ticket's
group is given (`sla.group_schedules`), else `sla.schedule`. Pure: the ticket and the configuration go in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from plugin.conditions import Subject, holds_on
from plugin.config import DEFAULT_POLICY, EscalatorConfig, PolicyMatch, SlaMatrix
from plugin.domain import ClockKind, Priority, Status, Ticket


@dataclass(frozen=True)
class SlaPolicy:
    """A policy with every setting resolved (what it leaves out taken from the default policy)."""

    name: str
    description: str
    match: PolicyMatch | None  # None: the default policy, which matches every ticket
    matrix: SlaMatrix
    schedule: str | None  # its own schedule; None: the ticket's group's, else the SLA's default
    pause_statuses: Mapping[ClockKind, frozenset[Status]]
    warning_at: tuple[float, ...]
    breach_at: float

    @property
    def thresholds(self) -> tuple[float, ...]:
        return (*self.warning_at, self.breach_at)

    def matches(self, subject: Subject) -> bool:
        if self.match is None:
            return True
        return all(holds_on(c, subject) for c in self.match.all) and (
            not self.match.any or any(holds_on(c, subject) for c in self.match.any))


def _resolved(config: EscalatorConfig) -> tuple[SlaPolicy, ...]:
    sla = config.sla
    pauses = {kind: frozenset(statuses) for kind, statuses in sla.pause_statuses.items()}
    default = SlaPolicy(DEFAULT_POLICY, "every ticket no policy above matches", None, sla.matrix, None, pauses,
                        tuple(sla.warning_at), sla.breach_at)
    out = []
    for policy in sla.policies:
        own = {kind: frozenset(s) for kind, s in (policy.pause_statuses or {}).items()}
        out.append(SlaPolicy(
            policy.name, policy.description, policy.match, policy.matrix, policy.schedule, {**pauses, **own},
            tuple(sla.warning_at if policy.warning_at is None else policy.warning_at),
            sla.breach_at if policy.breach_at is None else policy.breach_at))
    return (*out, default)


_CACHE: dict[int, tuple[EscalatorConfig, tuple[SlaPolicy, ...]]] = {}


def policies_of(config: EscalatorConfig) -> tuple[SlaPolicy, ...]:
    """Every policy in the order they are tried, the default last (resolved once per configuration)."""
    cached = _CACHE.get(id(config))
    if cached is None or cached[0] is not config:
        if len(_CACHE) > 32:
            _CACHE.clear()
        cached = _CACHE[id(config)] = (config, _resolved(config))
    return cached[1]


def default_policy(config: EscalatorConfig) -> SlaPolicy:
    return policies_of(config)[-1]


def policy_named(config: EscalatorConfig, name: str) -> SlaPolicy:
    """The policy of that name; the default one when the configuration no longer has it."""
    return next((p for p in policies_of(config) if p.name == name), default_policy(config))


def select_policy(subject: Subject, config: EscalatorConfig) -> SlaPolicy:
    """The first policy whose match holds for the ticket (the default policy when none does)."""
    return next(p for p in policies_of(config) if p.matches(subject))


def schedule_of(policy: SlaPolicy, ticket: Ticket, config: EscalatorConfig) -> str:
    """The schedule the policy counts business hours in for this ticket."""
    if policy.schedule is not None:
        return policy.schedule
    by_group = config.sla.group_schedules.get(ticket.platform, {})
    if ticket.group_id is not None and ticket.group_id in by_group:
        return by_group[ticket.group_id]
    return config.sla.schedule


def basis_of(policy: SlaPolicy, priority: Priority, ticket: Ticket, config: EscalatorConfig
             ) -> tuple[str, Priority, str | None]:
    """(policy, priority, schedule) the clocks run on: the schedule is None where the priority's target is measured
    in calendar time."""
    business = policy.matrix.for_priority(priority).business_hours
    return policy.name, priority, schedule_of(policy, ticket, config) if business else None


def matching(tickets: Sequence[Subject], config: EscalatorConfig) -> dict[str, list[str]]:
    """Which of these tickets each policy would take (each ticket goes to its first match), by policy name."""
    out: dict[str, list[str]] = {p.name: [] for p in policies_of(config)}
    for subject in tickets:
        out[select_policy(subject, config).name].append(subject.ticket.id)
    return out

