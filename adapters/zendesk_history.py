"""A Zendesk ticket's past, rebuilt from its audits (pure): the replay's timeline (plugin/replay/timeline.py).

Zendesk keeps every update of a ticket as an audit whose events say what changed (`Change`: field, value,
previous_value) and what was written (`Comment`). Starting from the ticket as it is now and undoing each audit's
changes, newest first, gives the ticket's state after every audit; the comments are laid in forward, each at its
audit's time. What this rebuild sees: status, priority, group, assignee, tags, type, subject and every comment. What
it does not: the custom fields' past values (a change of one shows its current value throughout), and what the
requester's profile was then (the customer is read as it is now).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from adapters.zendesk_mapping import AGENT_ROLES, PRIORITY_FROM, comment_body, status_of, when
from plugin.domain import Comment, Ticket
from plugin.replay.timeline import Step, TicketTimeline

_KEPT = frozenset({"Create", "Change", "Comment"})


def _tags(value: Any) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset(value.split())
    return frozenset(str(v) for v in value or ())


def _undo(ticket: Ticket, event: Mapping[str, Any]) -> Ticket:
    """The ticket as it was before one Change event."""
    name, before = event.get("field_name"), event.get("previous_value")
    if name == "status":
        return replace(ticket, status=status_of(before), raw_status=before)
    if name == "priority":
        return replace(ticket, priority=PRIORITY_FROM.get(before or ""))
    if name == "group_id":
        return replace(ticket, group_id=None if before in (None, "") else str(before))
    if name == "assignee_id":
        return replace(ticket, assignee_id=None if before in (None, "") else str(before))
    if name == "tags":
        return replace(ticket, tags=_tags(before))
    if name == "type":
        return replace(ticket, ticket_type=before)
    if name == "subject":
        return replace(ticket, subject=before or "")
    return ticket


def _comment(event: Mapping[str, Any], audit: Mapping[str, Any], roles: Mapping[str, str]) -> Comment:
    author = event.get("author_id") or audit.get("author_id")
    author_id = None if author in (None, "") else str(author)
    # our own comments carry their marker in the update's metadata, which the audit keeps
    item = {**event, "metadata": audit.get("metadata") or {}}
    return Comment(id=str(event.get("id")), body=comment_body(item), public=bool(event.get("public", True)),
                   created_at=when(audit["created_at"]), author_id=author_id,
                   by_agent=roles.get(author_id or "") in AGENT_ROLES)


def authors(audits: Sequence[Mapping[str, Any]]) -> set[str]:
    """Everyone who wrote or changed something on the ticket: whose role the rebuild needs."""
    found = set()
    for audit in audits:
        if audit.get("author_id") not in (None, ""):
            found.add(str(audit["author_id"]))
        for event in audit.get("events") or ():
            if event.get("type") == "Comment" and event.get("author_id") not in (None, ""):
                found.add(str(event["author_id"]))
    return found


def timeline_from_audits(current: Ticket, audits: Sequence[Mapping[str, Any]], roles: Mapping[str, str], *,
                         integration_user_id: str | None = None) -> TicketTimeline:
    """The ticket's states after each audit that changed a field or added a comment, oldest first; `current` is the
    ticket as it is now (without comments), `roles` the role of each author (agent, admin, end-user)."""
    ordered = sorted((a for a in audits if {e.get("type") for e in a.get("events") or ()} & _KEPT),
                     key=lambda a: (a["created_at"], a.get("id") or 0))
    if not ordered:
        return TicketTimeline(current.platform, current.id, (Step(replace(current, comments=(),
                                                                           comments_loaded=True)),))
    states: list[Ticket] = []
    state = replace(current, comments=(), comments_loaded=True)
    for audit in reversed(ordered):
        states.append(state)
        for event in reversed(audit.get("events") or ()):
            if event.get("type") == "Change":
                state = _undo(state, event)
    states.reverse()
    steps = []
    comments: list[Comment] = []
    for audit, state in zip(ordered, states, strict=True):
        at = when(audit["created_at"])
        comments += [_comment(e, audit, roles) for e in audit.get("events") or () if e.get("type") == "Comment"]
        author = audit.get("author_id")
        actor = None if author in (None, "") else str(author)
        moment = max(at, current.created_at)
        steps.append(Step(replace(state, updated_at=moment, comments=tuple(comments), version=None), actor,
                          by_integration=actor is not None and actor == integration_user_id))
    return TicketTimeline(current.platform, current.id, tuple(steps))
