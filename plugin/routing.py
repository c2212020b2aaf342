"""Which tier an escalation goes to: the next tier up by default, a configured tier for some causes (security
incidents to Tier 3; legal, regulatory, VIP complaints and social media to Tier 4). Never down, never past the
last tier."""

from __future__ import annotations

from collections.abc import Iterable

from plugin.config import EscalatorConfig
from plugin.domain import Reason

# Trigger name -> routing cause (a field of RoutingConfig).
_CAUSES = {
    "legal_keywords": "legal",
    "regulatory_keywords": "regulatory",
    "reputational_keywords": "social_media",
    "security_incident": "security_incident",
    "outage": "outage",
}


def causes_of(reasons: Iterable[Reason], vip_complaint: bool) -> list[str]:
    causes = []
    for reason in reasons:
        if reason.rule == "critical_incident":
            causes.append("security_incident" if reason.figures.get("incident") == "security incident" else "outage")
        elif reason.rule in _CAUSES:
            causes.append(_CAUSES[reason.rule])
    if vip_complaint:
        causes.append("vip_complaint")
    return causes


def target_tier(
    current: int, requested: int | str | None, reasons: Iterable[Reason], config: EscalatorConfig,
    *, vip_complaint: bool = False,
) -> tuple[int, str]:
    """The tier to escalate to (>= current, <= last tier), and why that tier."""
    last = config.tier_count
    if isinstance(requested, int):
        tier, why = requested, f"rule asks for Tier {requested}"
    elif requested == "route":
        routed = [(getattr(config.routing, cause), cause) for cause in causes_of(reasons, vip_complaint)]
        if routed:
            tier, cause = max(routed)
            why = f"routing: {cause.replace('_', ' ')} goes to Tier {tier}"
        else:
            tier, why = current + 1, "next tier up"
    else:
        tier, why = current + 1, "next tier up"
    if tier > last:
        tier, why = last, why + f" (capped at the last tier, {last})"
    if tier <= current:
        return current, f"already at Tier {current}"
    return tier, why
