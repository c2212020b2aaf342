"""A Freshdesk ticket's past, rebuilt for the replay (pure): the timeline of plugin/replay/timeline.py.

Freshdesk keeps no audit of a ticket's fields: its API gives the ticket as it is now, its conversations (each with
its time, author, and whether it came from the customer or is private), and the times its stats record (first
response, status change, resolution, closure). So the rebuild sees the comments as they came and the status as the
stats place it: open from creation, then the current status from the stats' time for it (resolved_at, closed_at,
status_updated_at). It does not see the past values of the other fields: priority, tags, group and agent are shown
at their current values from the ticket's creation on. An agent's escalation tag, a group move or a priority change
made later therefore appears as if it had been there from the start (the report names the ticket's creation as the
moment a person escalated it), a pending spell that ended before the ticket's current status is not seen (its
paused SLA time counts), and a ticket assigned late is not reported unassigned.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from plugin.domain import Comment, Status, Ticket
from plugin.replay.timeline import Step, TicketTimeline

SEES = frozenset({"status", "comments"})


def _moment(value: Any) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))


def status_since(current: Ticket, stats: Mapping[str, Any]) -> datetime:
    """When the ticket took its current status, as far as the stats tell (its creation when they do not)."""
    if current.status == Status.CLOSED:
        found = _moment(stats.get("closed_at")) or _moment(stats.get("status_updated_at"))
    elif current.status == Status.SOLVED:
        found = _moment(stats.get("resolved_at")) or _moment(stats.get("status_updated_at"))
    else:
        found = _moment(stats.get("status_updated_at"))
    return max(found or current.created_at, current.created_at)


def timeline_from_conversations(current: Ticket, comments: tuple[Comment, ...], stats: Mapping[str, Any]
                                ) -> TicketTimeline:
    """The ticket's states at its creation, at each conversation, and at its current status's start."""
    current = replace(current, comments=(), comments_loaded=True, version=None)
    changed = status_since(current, stats)
    moments = sorted({current.created_at, changed, *(c.created_at for c in comments if c.created_at >=
                                                      current.created_at)})
    authors = {c.created_at: c.author_id for c in comments}
    steps = []
    for at in moments:
        status = current.status if at >= changed else Status.OPEN
        seen = tuple(c for c in comments if c.created_at <= at)
        ticket = replace(current, status=status, updated_at=at, comments=seen,
                         raw_status=current.raw_status if status == current.status else None)
        steps.append(Step(ticket, authors.get(at)))
    return TicketTimeline(current.platform, current.id, tuple(steps), sees=SEES)
