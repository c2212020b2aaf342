"""The text of the alerts managers, leads and the on-call engineer receive: short, with the ticket link, its age,
priority, customer and the reasons, so the reader can act without opening anything else. A ticket is named with its
platform ("Freshdesk #1007"): one service may serve two helpdesks, whose ticket numbers collide."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from plugin.domain import ClockState, Priority, Reason
from plugin.durations import format_duration, stamp
from plugin.facts import Facts

_ROLE_TITLES = {
    "support_manager": "Manager alert",
    "team_lead": "Team lead alert",
    "account_manager": "Account alert",
    "on_call": "PAGE",
}


PLATFORM_LABELS = {"zendesk": "Zendesk", "freshdesk": "Freshdesk"}


def platform_label(platform: str) -> str:
    """How a person names the platform: "Freshdesk" (an adapter of another name: capitalized)."""
    return PLATFORM_LABELS.get(platform, platform.capitalize())


def ticket_reference(platform: str, ticket_id: str) -> str:
    """"Freshdesk #1007": the ticket number alone is ambiguous where two platforms meet."""
    return f"{platform_label(platform)} #{ticket_id}"


def alert(role: str, facts: Facts, priority: Priority, tier: int, reasons: Sequence[Reason], headline: str
          ) -> tuple[str, str]:
    """(title, body) of an alert for `role` about the ticket in `facts`."""
    return AlertFrame(facts, priority, tier).alert(role, reasons, headline)


class AlertFrame:
    """What every alert about one ticket at one priority and tier says alike (the ticket, its link, priority, tier,
    customer, age, assignee and open clocks), written once for all the alerts of a decision; each alert adds its
    title and its reasons."""

    __slots__ = ("_clocks", "_head", "_priority", "_reference")

    def __init__(self, facts: Facts, priority: Priority, tier: int) -> None:
        ticket = facts.ticket
        zone = ZoneInfo(facts.config.organization.timezone)
        reference = ticket_reference(ticket.platform, ticket.id)
        customer = facts.customer
        who = "unknown requester"
        if customer is not None:
            who = customer.name or customer.email or customer.id
            if customer.organization_name:
                who += f" ({customer.organization_name})"
        head = [
            f"Ticket {reference}: {ticket.subject}",
            f"Link: {ticket.url}" if ticket.url else "",
            f"Priority: {priority.label} ({priority.code})  Tier: {tier} ({facts.config.tiers[tier - 1].name})",
            f"Customer: {who}, {facts.profile.tier.value}"
            + (f", lifetime value {facts.profile.lifetime_value:,.0f}" if facts.profile.lifetime_value else ""),
            f"Age: {format_duration(facts.now - ticket.created_at)} (opened {stamp(ticket.created_at, zone)})",
            "Assignee: " + (ticket.assignee_id if ticket.assignee_id else
                            f"none for {format_duration(facts.unassigned_for or facts.now - ticket.created_at)}"),
        ]
        clocks = []
        for reading in facts.clocks:
            clock = reading.status
            if clock.state != ClockState.FULFILLED and clock.due_at:
                clocks.append(f"SLA {clock.kind.value.replace('_', ' ')}: {clock.share_elapsed:.0%} elapsed, due "
                              f"{stamp(clock.due_at, zone)}")
        self._head = [line for line in head if line]
        self._clocks = clocks
        self._priority = priority
        self._reference = reference

    def alert(self, role: str, reasons: Sequence[Reason], headline: str) -> tuple[str, str]:
        """(title, body) of the alert for `role`."""
        title = f"[{self._priority.code}] {_ROLE_TITLES.get(role, 'Alert')}: {self._reference} - {headline}"
        lines = [*self._head, "Why:", *[f"  - {r.summary}" for r in reasons], *self._clocks]
        return title, "\n".join(lines)
