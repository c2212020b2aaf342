"""The handoff clock (an operational-level target): after an escalation, the time from the handoff to the receiving
tier's first action, against that tier's response target, counted in the tier's hours.

The first action is the earliest of: a reply or an internal note by one of the tier's agents (`tiers[n].agents`;
any agent's when none are listed; never our own notes), and the ticket being assigned to an agent after the
handoff. The clock runs for the ticket's current tier only (a later escalation hands it to the next tier, whose
clock starts then), pauses in `sla.pause_statuses.handoff` and stops when the ticket is solved. A tier whose target
is 0 ("immediate") has no clock: nothing could be measured against it. Pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from plugin.calendar import calendar_for
from plugin.config import EscalatorConfig
from plugin.domain import ClockKind, EscalationEntry, Status, Ticket, TicketHistory, is_ours
from plugin.sla import ClockReading, ClockSpec, Segment, read_clock


def tier_schedule(config: EscalatorConfig, tier: int) -> str:
    """The schedule a tier works in: its own, else the SLA's default."""
    return config.tiers[tier - 1].schedule or config.sla.schedule


def first_action(ticket: Ticket, history: TicketHistory, tier: int, since: datetime, config: EscalatorConfig
                 ) -> datetime | None:
    """When the receiving tier first acted on the ticket after `since` (None: not yet, as far as we can see)."""
    agents = set(config.tiers[tier - 1].agents.get(ticket.platform, ()))
    moments = [c.created_at for c in ticket.comments
               if c.by_agent and c.created_at > since and not is_ours(c.body)
               and (not agents or (c.author_id is not None and c.author_id in agents))]
    assigned = history.assigned_at
    if ticket.assignee_id is not None and assigned is not None and assigned > since and (
            not agents or ticket.assignee_id in agents):
        moments.append(assigned)
    return min(moments, default=None)


def handoff_of(history: TicketHistory, tier: int) -> EscalationEntry | None:
    """The escalation that handed the ticket to `tier`, if that is where the ticket is."""
    last = history.escalations[-1] if history.escalations else None
    return last if last is not None and last.to_tier == tier else None


def handoff_clock(ticket: Ticket, history: TicketHistory, tier: int, segments: Sequence[Segment],
                  config: EscalatorConfig, now: datetime, warning_at: Sequence[float], breach_at: float
                  ) -> ClockReading | None:
    """The current tier's handoff clock, or None (no handoff to it, or an immediate target)."""
    entry = handoff_of(history, tier)
    target = config.tiers[tier - 1].response_target
    if entry is None or target <= timedelta(0):
        return None
    done = next((s.start for s in segments if s.start >= entry.at and s.status.is_done), None)
    acted = first_action(ticket, history, tier, entry.at, config)
    fulfilled = min((m for m in (acted, done) if m is not None), default=None)
    pause = frozenset(config.sla.pause_statuses.get(ClockKind.HANDOFF, ())) | {Status.SOLVED, Status.CLOSED}
    spec = ClockSpec(ClockKind.HANDOFF, target, entry.at, fulfilled, pause, True)
    calendar = calendar_for(config, business_hours=True, schedule=tier_schedule(config, tier))
    return read_clock(spec, segments, [(entry.at, calendar)], warning_at, breach_at, now, tier=tier)
