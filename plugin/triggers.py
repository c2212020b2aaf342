"""The built-in triggers. Each is a small named rule that reads the facts and returns the reasons it fires, each
with the figures that made it fire, or nothing.

A reason's `key` says what the firing is about: most triggers fire once per ticket (key = trigger name); SLA
triggers fire once per clock and threshold (`sla_warning:first_response:80`); a manual request once per tier.

The summary is English (the escalation history keeps it); the figures hold everything needed to say it in another
language, which `summaries.reason_summary` does for the documents.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from plugin.config import MANUAL_REASONS
from plugin.customers import tier_rank
from plugin.domain import ClockState, CustomerTier, Priority, Reason, Sentiment
from plugin.durations import format_duration
from plugin.facts import Facts, unassigned_since

Trigger = Callable[[Facts, Priority], list[Reason]]


def _pct(share: float) -> int:
    return round(share * 100)


def sla_warning(facts: Facts, priority: Priority) -> list[Reason]:
    settings = facts.policy
    out = []
    for reading in facts.clocks:
        clock = reading.status
        share = clock.share_elapsed
        if clock.state == ClockState.FULFILLED or share >= settings.breach_at:
            continue
        crossed = [t for t in settings.warning_at if share >= t]
        if crossed:
            threshold = crossed[-1]
            kind = clock.kind.value
            out.append(Reason(
                rule="sla_warning",
                summary=(f"SLA {kind.replace('_', ' ')} {_pct(share)}% elapsed "
                         f"({format_duration(clock.elapsed)} of {format_duration(clock.target)}, "
                         f"{'business' if clock.business_time else 'calendar'} hours; warning at {_pct(threshold)}%)"),
                figures={"clock": kind, "elapsed_share": round(share, 4), "threshold": threshold,
                         "elapsed_seconds": clock.elapsed.total_seconds(),
                         "target_seconds": clock.target.total_seconds(), "business_time": clock.business_time,
                         "due_at": clock.due_at.isoformat() if clock.due_at else None,
                         "priority": priority.code, "policy": facts.policy.name},
                key=f"sla_warning:{kind}:{_pct(threshold)}",
            ))
    return out


def sla_breached(facts: Facts, priority: Priority) -> list[Reason]:
    out = []
    for reading in facts.clocks:
        clock = reading.status
        if clock.state != ClockState.BREACHED:
            continue
        kind = clock.kind.value
        out.append(Reason(
            rule="sla_breached",
            summary=(f"SLA {kind.replace('_', ' ')} breached: {format_duration(clock.elapsed)} elapsed against a "
                     f"target of {format_duration(clock.target)} "
                     f"({'business' if clock.business_time else 'calendar'} hours)"),
            figures={"clock": kind, "elapsed_share": round(clock.share_elapsed, 4),
                     "elapsed_seconds": clock.elapsed.total_seconds(), "target_seconds": clock.target.total_seconds(),
                     "business_time": clock.business_time,
                     "due_at": clock.due_at.isoformat() if clock.due_at else None, "priority": priority.code,
                     "policy": facts.policy.name},
            key=f"sla_breached:{kind}",
        ))
    return out


def _handoff_figures(facts: Facts, share: float) -> dict[str, object]:
    assert facts.handoff is not None
    clock = facts.handoff.status
    return {"tier": clock.tier, "tier_name": facts.config.tiers[(clock.tier or 1) - 1].name,
            "elapsed_share": round(share, 4), "elapsed_seconds": clock.elapsed.total_seconds(),
            "target_seconds": clock.target.total_seconds(),
            "due_at": clock.due_at.isoformat() if clock.due_at else None}


def _handoff_readable(facts: Facts) -> bool:
    """The tier's first action is a comment or an assignment: a read without comments cannot tell (the decision
    then asks for a full read at once, see the engine's next check)."""
    return facts.handoff is not None and facts.ticket.comments_loaded and \
        facts.handoff.status.state not in (ClockState.FULFILLED, ClockState.PAUSED)


def handoff_warning(facts: Facts, priority: Priority) -> list[Reason]:
    """The receiving tier has not acted on the handoff and a warning share of its response target has passed."""
    if not _handoff_readable(facts):
        return []
    assert facts.handoff is not None
    clock = facts.handoff.status
    share = clock.share_elapsed
    crossed = [t for t in facts.policy.warning_at if share >= t]
    if not crossed or share >= facts.policy.breach_at:
        return []
    name = facts.config.tiers[(clock.tier or 1) - 1].name
    return [Reason("handoff_warning",
                   f"Tier {clock.tier} ({name}) has not acted {format_duration(clock.elapsed)} after the handoff "
                   f"({_pct(share)}% of its {format_duration(clock.target)} target)",
                   {**_handoff_figures(facts, share), "threshold": crossed[-1]},
                   key=f"handoff_warning:tier_{clock.tier}:{_pct(crossed[-1])}")]


def handoff_breached(facts: Facts, priority: Priority) -> list[Reason]:
    """The receiving tier missed its response target: no action since the handoff within the target."""
    if not _handoff_readable(facts):
        return []
    assert facts.handoff is not None
    clock = facts.handoff.status
    if clock.share_elapsed < facts.policy.breach_at:
        return []
    name = facts.config.tiers[(clock.tier or 1) - 1].name
    return [Reason("handoff_breached",
                   f"Tier {clock.tier} ({name}) missed its response target: no action "
                   f"{format_duration(clock.elapsed)} after the handoff (target {format_duration(clock.target)}, "
                   f"business hours)",
                   _handoff_figures(facts, clock.share_elapsed), key=f"handoff_breached:tier_{clock.tier}")]


def _quoted(phrases: Sequence[str]) -> str:
    return ", ".join(f'"{p}"' for p in phrases)


def negative_sentiment(facts: Facts, priority: Priority) -> list[Reason]:
    """The customer is angry or threatening (the reader's mood of the latest message); with `reading.mood: vader`,
    the legacy rule: VADER compound below `thresholds.sentiment`."""
    sentiment, config = facts.sentiment, facts.config
    if config.reading.mood == "vader":
        score, threshold = sentiment.score, config.thresholds.sentiment
        if score is None or score >= threshold:
            return []
        return [Reason("negative_sentiment",
                       f"Customer sentiment {score:.2f} is below {threshold:.2f} (VADER compound)",
                       {"score": round(score, 4), "threshold": threshold, "mood": sentiment.level.value})]
    if sentiment.level not in (Sentiment.ANGRY, Sentiment.THREATENING):
        return []
    evidence = list(sentiment.mood_evidence)
    summary = f"Customer sounds {sentiment.level.value}" + (f": {_quoted(evidence)}" if evidence else "")
    return [Reason("negative_sentiment", summary,
                   {"mood": sentiment.level.value, "keywords": evidence, "language": sentiment.language})]


def frustration_keywords(facts: Facts, priority: Priority) -> list[Reason]:
    """The customer sounds frustrated: impatience, "still not fixed", "third time", or the team's own frustration
    words (or, with `reading.mood: vader`, a VADER score below half the threshold)."""
    sentiment = facts.sentiment
    if sentiment.level != Sentiment.FRUSTRATED:
        return []
    evidence = list(sentiment.latest.mood_evidence)
    detail = _quoted(evidence) if evidence else f"VADER compound {sentiment.score:.2f}" if sentiment.score else ""
    return [Reason("frustration_keywords", "Customer sounds frustrated" + (f": {detail}" if detail else ""),
                   {"keywords": evidence, "mood": sentiment.level.value, "language": sentiment.language})]


def _matter_trigger(name: str, label: str, matter: str) -> Trigger:
    def trigger(facts: Facts, priority: Priority) -> list[Reason]:
        if matter not in facts.sentiment.matters:
            return []
        phrases = list(facts.sentiment.phrases(matter))
        if not phrases:
            return []
        return [Reason(name, f"{label}: {_quoted(phrases)}", {"keywords": phrases, "matter": matter})]

    trigger.__name__ = name
    return trigger


legal_keywords = _matter_trigger("legal_keywords", "Legal threat language", "legal")
regulatory_keywords = _matter_trigger("regulatory_keywords", "Regulatory language", "regulatory")
reputational_keywords = _matter_trigger("reputational_keywords", "Public exposure language", "media")


def manager_requested(facts: Facts, priority: Priority) -> list[Reason]:
    """The customer asks for a manager, a supervisor or someone senior (the seed's manual criterion)."""
    if not facts.sentiment.requests_manager:
        return []
    phrases = list(facts.sentiment.ticket.phrases("manager"))
    if not phrases:
        return []
    return [Reason("manager_requested", f"Customer asks for a manager: {_quoted(phrases)}", {"keywords": phrases})]


def repeat_claimed(facts: Facts, priority: Priority) -> list[Reason]:
    """The customer says they contacted us about this before (whether or not we can find the earlier tickets)."""
    if not facts.sentiment.repeat_claim:
        return []
    phrases = list(facts.sentiment.ticket.phrases("repeat"))
    if not phrases:
        return []
    return [Reason("repeat_claimed", f"Customer says they contacted us before: {_quoted(phrases)}",
                   {"keywords": phrases})]


def repeat_contact(facts: Facts, priority: Priority) -> list[Reason]:
    threshold = facts.config.thresholds.repeat_contact
    if facts.contact_count < threshold:
        return []
    earlier = [f"#{t.id}" for t in facts.repeat_contacts]
    window = facts.config.thresholds.repeat_contact_window
    return [Reason("repeat_contact",
                   f"Contact number {facts.contact_count} from this requester about the same issue within "
                   f"{format_duration(window)} (earlier: {', '.join(earlier)})",
                   {"contact_count": facts.contact_count, "threshold": threshold, "earlier_tickets": earlier,
                    "window_seconds": window.total_seconds()})]


def _tier_trigger(name: str, tier: CustomerTier) -> Trigger:
    def trigger(facts: Facts, priority: Priority) -> list[Reason]:
        if facts.profile.tier != tier:
            return []
        return [Reason(name, f"{tier.value.upper() if tier == CustomerTier.VIP else tier.value.capitalize()} "
                             f"customer ({facts.profile.tier_source})",
                       {"customer_tier": tier.value, "source": facts.profile.tier_source})]

    trigger.__name__ = name
    return trigger


vip_customer = _tier_trigger("vip_customer", CustomerTier.VIP)
enterprise_customer = _tier_trigger("enterprise_customer", CustomerTier.ENTERPRISE)


def high_revenue_impact(facts: Facts, priority: Priority) -> list[Reason]:
    threshold = facts.config.thresholds.revenue_impact
    if facts.revenue is None or facts.revenue <= threshold:
        return []
    return [Reason("high_revenue_impact", f"Revenue impact {facts.revenue:,.0f} is over the threshold {threshold:,.0f}",
                   {"revenue_impact": facts.revenue, "threshold": threshold})]


def high_lifetime_value(facts: Facts, priority: Priority) -> list[Reason]:
    ltv, threshold = facts.profile.lifetime_value, facts.config.thresholds.lifetime_value
    if ltv is None or ltv <= threshold:
        return []
    return [Reason("high_lifetime_value", f"Customer lifetime value {ltv:,.0f} is over the threshold {threshold:,.0f}",
                   {"lifetime_value": ltv, "threshold": threshold})]


def unassigned(facts: Facts, priority: Priority) -> list[Reason]:
    if facts.unassigned_alert_at is None or facts.now < facts.unassigned_alert_at or facts.unassigned_for is None:
        return []
    limit = facts.config.thresholds.unassigned_after
    since = unassigned_since(facts.ticket, facts.history)
    return [Reason("unassigned", f"Unassigned for {format_duration(facts.unassigned_for)} (alert after "
                                 f"{format_duration(limit)})",
                   {"unassigned_seconds": facts.unassigned_for.total_seconds(),
                    "threshold_seconds": limit.total_seconds(), "priority": priority.code,
                    "since": since.isoformat()},
                   key=f"unassigned:{since.isoformat()}")]


def outage(facts: Facts, priority: Priority) -> list[Reason]:
    if not facts.outage_words:
        return []
    return [Reason("outage", "System-down language: " + _quoted(facts.outage_words),
                   {"keywords": list(facts.outage_words)})]


def security_incident(facts: Facts, priority: Priority) -> list[Reason]:
    if not facts.security_words:
        return []
    return [Reason("security_incident", "Security incident language: " + _quoted(facts.security_words),
                   {"keywords": list(facts.security_words)})]


def _incident(facts: Facts) -> tuple[str, list[str]] | None:
    if facts.security_words:
        return "security incident", list(facts.security_words)
    if facts.outage_words:
        return "system down", list(facts.outage_words)
    return None


def critical_incident(facts: Facts, priority: Priority) -> list[Reason]:
    """A customer reports a system down or a security incident: the seed's Critical row, whatever priority the
    ticket arrived with."""
    incident = _incident(facts)
    if incident is None:
        return []
    kind, words = incident
    return [Reason("critical_incident", f"Critical incident, {kind}: {_quoted(words)}",
                   {"incident": kind, "keywords": words, "priority": priority.code})]


def incident_page(facts: Facts, priority: Priority) -> list[Reason]:
    """A critical incident that pages the on-call engineer: always, or as `reading.incident_page` requires (a VIP
    or Enterprise customer, or an agent's confirmation tag)."""
    incident = _incident(facts)
    if incident is None:
        return []
    settings = facts.config.reading
    confirmed = settings.incident_confirm_tag in facts.ticket.tags
    senior = tier_rank(facts.profile.tier) >= tier_rank(CustomerTier.ENTERPRISE)
    if settings.incident_page == "confirmed" and not confirmed:
        return []
    if settings.incident_page == "vip_or_enterprise" and not (senior or confirmed):
        return []
    kind, words = incident
    why = "confirmed by an agent" if confirmed else \
        f"{facts.profile.tier.value} customer" if settings.incident_page == "vip_or_enterprise" else "always paged"
    return [Reason("incident_page", f"Page on-call, {kind} ({why}): {_quoted(words)}",
                   {"incident": kind, "keywords": words, "confirmed": confirmed, "requirement": settings.incident_page},
                   key=f"incident_page:{'confirmed' if confirmed else 'read'}")]


def manual_escalation(facts: Facts, priority: Priority) -> list[Reason]:
    request = facts.manual
    if request is None:
        return []
    reason_label = MANUAL_REASONS.get(request.reason or "", "no reason given")
    tier_name = facts.config.tiers[request.tier - 1].name
    return [Reason("manual_escalation",
                   f"Agent requested Tier {request.tier} ({tier_name}): {reason_label}",
                   {"requested_tier": request.tier, "reason": request.reason, "tag": request.tag},
                   key=f"manual_escalation:{request.tier}")]


TRIGGERS: dict[str, Trigger] = {
    "sla_warning": sla_warning,
    "sla_breached": sla_breached,
    "negative_sentiment": negative_sentiment,
    "frustration_keywords": frustration_keywords,
    "legal_keywords": legal_keywords,
    "regulatory_keywords": regulatory_keywords,
    "reputational_keywords": reputational_keywords,
    "repeat_contact": repeat_contact,
    "vip_customer": vip_customer,
    "enterprise_customer": enterprise_customer,
    "high_revenue_impact": high_revenue_impact,
    "high_lifetime_value": high_lifetime_value,
    "unassigned": unassigned,
    "critical_incident": critical_incident,
    "security_incident": security_incident,
    "outage": outage,
    "manual_escalation": manual_escalation,
    "manager_requested": manager_requested,
    "repeat_claimed": repeat_claimed,
    "incident_page": incident_page,
    "handoff_warning": handoff_warning,
    "handoff_breached": handoff_breached,
}


def fire_all(facts: Facts, priority: Priority) -> dict[str, list[Reason]]:
    """Every trigger that fires now, by name (whether or not it fired before)."""
    fired = {}
    for name, trigger in TRIGGERS.items():
        reasons = trigger(facts, priority)
        if reasons:
            fired[name] = reasons
    return fired


def is_vip_complaint(facts: Facts) -> bool:
    """A VIP or enterprise customer who is complaining about us (frustrated, angry or threatening), not merely
    reporting: routed to `routing.vip_complaint` (the default rule `vip_complaint` escalates it)."""
    upset = facts.sentiment.level != Sentiment.CALM
    return tier_rank(facts.profile.tier) >= tier_rank(CustomerTier.ENTERPRISE) and upset
