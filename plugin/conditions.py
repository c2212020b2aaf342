"""The rule language's conditions on what a ticket is: the value each ticket field has, and how a condition's
operator compares it. Shared by the admin rules (plugin/rules.py, which adds the fields about clocks, mood and
triggers) and the SLA policies' matches (plugin/policies.py), so a condition means the same in both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from plugin.config import CUSTOM_FIELD_PREFIX, Condition
from plugin.customers import CustomerProfile, tier_rank
from plugin.domain import Customer, CustomerTier, Priority, Ticket


@dataclass(frozen=True)
class Subject:
    """A ticket as conditions on it read it: the ticket, its requester, who the requester is, the ticket's tier and
    the priority it is decided at."""

    ticket: Ticket
    customer: Customer | None
    profile: CustomerProfile
    tier: int
    priority: Priority
    revenue: float | None


def _custom(key: str, subject: Subject) -> str | None:
    """A custom field's value as text: the ticket's field of that key, else the requester's or organization's."""
    for fields in (subject.ticket.custom_fields, subject.customer.fields if subject.customer else {}):
        if key in fields and fields[key] not in (None, ""):
            value = fields[key]
            return str(value).lower() if isinstance(value, bool) else str(value)
    return None


def subject_value(field: str, subject: Subject) -> Any:
    """The value of a ticket field (not the clocks, the mood or the triggers) for a condition to compare."""
    ticket, customer = subject.ticket, subject.customer
    if field.startswith(CUSTOM_FIELD_PREFIX):
        return _custom(field[len(CUSTOM_FIELD_PREFIX):], subject)
    if field == "organization":
        names = {ticket.organization_id, *((customer.organization_id, customer.organization_name) if customer
                                           else ())}
        return frozenset(str(n) for n in names if n) or None
    return _FIELDS[field](subject)


_FIELDS: dict[str, Callable[[Subject], Any]] = {
    "priority": lambda s: s.priority, "status": lambda s: s.ticket.status, "tier": lambda s: s.tier,
    "customer_tier": lambda s: s.profile.tier, "tags": lambda s: s.ticket.tags,
    "requester_tags": lambda s: s.customer.tags if s.customer else frozenset(),
    "channel": lambda s: s.ticket.channel, "ticket_type": lambda s: s.ticket.ticket_type,
    "group": lambda s: s.ticket.group_id, "assigned": lambda s: s.ticket.assignee_id is not None,
    "revenue_impact": lambda s: s.revenue, "lifetime_value": lambda s: s.profile.lifetime_value,
}  # each ticket field a condition reads, by name (an unknown name raises KeyError, as it always did)


def ranked(field: str, value: Any) -> Any:
    """Customer tiers compare by rank (standard < enterprise < vip)."""
    if field == "customer_tier" and isinstance(value, CustomerTier):
        return tier_rank(value)
    if field == "customer_tier" and isinstance(value, frozenset):
        return frozenset(tier_rank(v) for v in value)
    return value


def compare(actual: Any, operator: str, expected: Any) -> bool:
    """Whether `actual` stands in `operator` to `expected`. A set of actual values (an organization's id and name,
    the SLA states) holds `is` when it has the value."""
    if operator in ("includes", "not_includes"):
        wanted = {expected} if isinstance(expected, str) else set(expected)
        present = set(actual or ())
        return wanted <= present if operator == "includes" else not (wanted & present)
    if operator == "one_of":
        if isinstance(actual, set | frozenset):
            return bool(set(actual) & set(expected))
        return actual in expected
    if operator == "contains":
        if isinstance(actual, set | frozenset):
            return any(str(expected).lower() in str(a).lower() for a in actual)
        return actual is not None and str(expected).lower() in str(actual).lower()
    if isinstance(actual, set | frozenset):
        return (expected in actual) if operator == "is" else (expected not in actual)
    if operator == "is":
        return bool(actual == expected)
    if operator == "is_not":
        return bool(actual != expected)
    if actual is None:
        return False
    return bool(_ORDERED[operator](actual, expected))


_ORDERED: dict[str, Callable[[Any, Any], Any]] = {
    "less_than": lambda a, b: a < b, "greater_than": lambda a, b: a > b,
    "at_least": lambda a, b: a >= b, "at_most": lambda a, b: a <= b,
}  # the operators that order two values


def holds_on(condition: Condition, subject: Subject) -> bool:
    """A condition on a ticket field, on `subject`."""
    actual = ranked(condition.field, subject_value(condition.field, subject))
    return compare(actual, condition.operator, ranked(condition.field, condition.expected))
