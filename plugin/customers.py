"""Who the customer is, read from the profile fields and tags the config names: tier, lifetime value, account manager;
and what a ticket is worth (revenue impact), read from a ticket field."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from plugin.config import CustomersConfig, EscalatorConfig
from plugin.domain import Customer, CustomerTier, Ticket

_RANK = {CustomerTier.STANDARD: 0, CustomerTier.ENTERPRISE: 1, CustomerTier.VIP: 2}


@dataclass(frozen=True)
class CustomerProfile:
    tier: CustomerTier
    lifetime_value: float | None
    account_manager: str | None
    tier_source: str  # which field or tag said so, for the explanation


def tier_rank(tier: CustomerTier) -> int:
    return _RANK[tier]


def number(value: Any) -> float | None:
    """Read a money amount however a helpdesk field holds it: 12000, "12000", "12,000.50", "$12k"."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().lower().replace(",", "").replace("$", "").replace("€", "").replace("£", "")
    multiplier = 1.0
    if text.endswith("k"):
        multiplier, text = 1000.0, text[:-1]
    elif text.endswith("m"):
        multiplier, text = 1_000_000.0, text[:-1]
    try:
        return float(text) * multiplier
    except ValueError:
        return None


def _field(fields: Mapping[str, Any], name: str) -> Any:
    if name in fields:
        return fields[name]
    folded = {k.lower(): v for k, v in fields.items()}
    return folded.get(name.lower())


_TIER_TAGS: dict[int, tuple[CustomersConfig, tuple[tuple[CustomerTier, frozenset[str]], ...]]] = {}


def _tier_tags(settings: CustomersConfig) -> tuple[tuple[CustomerTier, frozenset[str]], ...]:
    """Each tier's tags, lower-cased, in the configured order: worked out once per configuration."""
    cached = _TIER_TAGS.get(id(settings))
    if cached is None or cached[0] is not settings:
        if len(_TIER_TAGS) > 32:
            _TIER_TAGS.clear()
        tiers = tuple((tier, frozenset(n.lower() for n in names)) for tier, names in settings.tier_tags.items())
        cached = _TIER_TAGS[id(settings)] = (settings, tiers)
    return cached[1]


def classify(customer: Customer | None, config: EscalatorConfig) -> CustomerProfile:
    """The highest tier any configured signal gives: the tier field's value, or a tier tag."""
    if customer is None:
        return CustomerProfile(CustomerTier.STANDARD, None, None, "no profile")
    settings = config.customers
    tier, source = CustomerTier.STANDARD, "default"
    raw = _field(customer.fields, settings.tier_field)
    if raw is not None:
        mapped = settings.tier_values.get(str(raw).strip().lower())
        if mapped is not None:
            tier, source = mapped, f"{settings.tier_field}={raw}"
    tags = {t.lower() for t in customer.tags}
    for candidate, names in _tier_tags(settings):
        hit = tags & names
        if hit and tier_rank(candidate) > tier_rank(tier):
            tier, source = candidate, f"tag {sorted(hit)[0]}"
    ltv = number(_field(customer.fields, settings.lifetime_value_field))
    manager = _field(customer.fields, settings.account_manager_field)
    return CustomerProfile(tier, ltv, str(manager) if manager not in (None, "") else None, source)


def revenue_impact(ticket: Ticket, customer: Customer | None, config: EscalatorConfig) -> float | None:
    """The revenue at stake: the ticket field first, else the customer's profile field of the same name."""
    name = config.customers.revenue_impact_field
    value = number(_field(ticket.custom_fields, name))
    if value is None and customer is not None:
        value = number(_field(customer.fields, name))
    return value
