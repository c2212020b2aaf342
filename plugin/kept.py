"""The ticket as we last knew it, brought up to date by the webhooks that carry it: a read the API is spared.

DESIGN.md, step 3: the payload when it is newer than what we hold, otherwise the API. The store keeps the ticket of
each run (its fields, custom fields and comments) with the time it was last read whole from the API. A webhook
that carries the ticket's own fields (a `TicketSnapshot`: Zendesk's event subscriptions do) then stands in for the
read, on these terms:

- every event of the run carries a snapshot, and is of a kind the snapshot says all of (status, priority, tags,
  group, assignee, a creation); any other kind (a custom field changed, an unknown event) needs the API;
- a comment event needs the comments read (one request instead of two: `needs_comments`): a payload's comment may
  leave out its attachments, which the handoff note lists;
- the fields come from the newest of the kept ticket and the snapshots, by the ticket's own update time, never by
  arrival order; the version for the conditional write comes with them, so a ticket that moved on since is refused
  (409) and read again;
- our own last writes must be in it: the record of a write keeps the ticket as the write left it (`after_our_write`:
  the answer's fields, our note and reply with their markers), in the same transaction as the update times it
  left; a kept ticket older than those is read again;
- it is read whole again once it is `KEPT_FOR` old, so a comment whose webhook never came is missing for minutes at
  most;
- one update sends a webhook for each thing it changed (a reply that also reopens the ticket: the status, the
  comment), each on its own: a run of field events alone waits until the newest is `SETTLE` old (`settle_for`), so
  the update's comment is decided on with them, once, not in a second decision.
Pure: the pipeline asks, the store keeps.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from plugin.domain import (
    MARKER_PREFIX,
    Comment,
    EventKind,
    Ticket,
    TicketChanges,
    TicketEvent,
    TicketSnapshot,
    is_ours,
)
from plugin.ledger import hidden_reply_marker, note_marker, with_marker

KEPT_FOR = timedelta(minutes=15)  # how long a ticket read whole stands in for a read, brought up to date by events
SETTLE = timedelta(seconds=1.5)  # how long the webhooks of one update take to arrive together
SETTLE_AT_MOST = timedelta(seconds=5)  # a ticket changed without pause is decided anyway, this long after its first

# the kinds of event whose change the ticket's own fields show whole
_FIELD_KINDS = frozenset({EventKind.CREATED, EventKind.STATUS_CHANGED, EventKind.PRIORITY_CHANGED,
                          EventKind.TAGS_CHANGED, EventKind.ASSIGNEE_CHANGED, EventKind.GROUP_CHANGED})
# a comment we wrote, seen in a webhook without the marker its hidden HTML carried (a reply's): marked ours again
ECHO_MARKER = f"<!-- {MARKER_PREFIX}echo -->"


@dataclass(frozen=True)
class KeptTicket:
    """The ticket of our last run about it, with its comments, and when the API last gave it whole."""

    ticket: Ticket
    read_at: datetime


@dataclass(frozen=True)
class UpToDate:
    """The ticket as the events show it; `needs_comments`: its comments must be read (a comment event came)."""

    ticket: Ticket
    needs_comments: bool


def _newest(events: Sequence[TicketEvent]) -> TicketSnapshot | None:
    snapshots = [e.snapshot for e in events if e.snapshot is not None]
    return max(snapshots, key=lambda s: s.updated_at) if snapshots else None


def with_snapshot(ticket: Ticket, snapshot: TicketSnapshot) -> Ticket:
    """`ticket`'s fields as `snapshot` reports them (its comments, custom fields and creation stay)."""
    return replace(ticket, subject=snapshot.subject, status=snapshot.status, raw_status=snapshot.raw_status,
                   updated_at=snapshot.updated_at, version=snapshot.version, priority=snapshot.priority,
                   tags=snapshot.tags, group_id=snapshot.group_id, assignee_id=snapshot.assignee_id,
                   requester_id=snapshot.requester_id, organization_id=snapshot.organization_id,
                   ticket_type=snapshot.ticket_type or ticket.ticket_type,
                   description=snapshot.description or ticket.description)


def _ours(event: TicketEvent, written: Collection[datetime]) -> bool:
    return event.from_us or (event.ticket_updated_at is not None and event.ticket_updated_at in written)


def merged(kept: Ticket, events: Sequence[TicketEvent], written: Collection[datetime] = ()) -> Ticket | None:
    """`kept` with what `events` report taken in: the newer fields, and our own comments coming back (marked as
    ours); None when an event reports something it does not carry whole (someone else's comment included)."""
    comments = {c.id: c for c in kept.comments}
    for event in events:
        if event.snapshot is None:
            return None
        if event.kind == EventKind.COMMENT_ADDED:
            if event.comment is None or not _ours(event, written):
                return None  # someone else's comment: its attachments may not be in the payload
            if event.ticket_updated_at is not None and event.ticket_updated_at <= kept.updated_at:
                continue  # ours, and the kept ticket is as new as its update: kept with our write already
            comment = event.comment
            if not is_ours(comment.body):
                comment = replace(comment, body=f"{comment.body}\n{ECHO_MARKER}")
            comments.setdefault(comment.id, comment)
        elif event.kind not in _FIELD_KINDS:
            return None
    ticket = kept
    newest = _newest(events)
    if newest is not None and newest.updated_at >= kept.updated_at:
        ticket = with_snapshot(kept, newest)
    return replace(ticket, comments=tuple(sorted(comments.values(), key=_order)))


def after_our_write(ticket: Ticket, changes: TicketChanges, key: str, answer: Ticket | None,
                    written_at: Sequence[datetime]) -> Ticket:
    """The ticket as our write left it: the decision's changes on the ticket it was decided on, the note and the
    reply among its comments with their markers (so they read as ours, and as landed), and the update time and
    version the write's answer gives (the fields as the answer has them: the helpdesk's word over ours)."""
    moments = [*written_at, *([answer.updated_at] if answer is not None else [])]
    moment = max(moments, default=ticket.updated_at)
    note = None if changes.internal_note is None else with_marker(changes.internal_note, note_marker(key))
    reply = None if changes.public_reply is None else f"{changes.public_reply}\n{hidden_reply_marker(key)}"
    after = replace(changes, internal_note=note, public_reply=reply).applied_to(ticket, now=moment)
    if answer is None:
        return after
    return replace(after, tags=answer.tags, group_id=answer.group_id, assignee_id=answer.assignee_id,
                   priority=answer.priority, status=answer.status, raw_status=answer.raw_status or after.raw_status,
                   updated_at=moment, version=answer.version if answer.updated_at == moment else after.version)


def _order(comment: Comment) -> tuple[datetime, str]:
    return comment.created_at, comment.id


def brought_up_to_date(kept: KeptTicket | None, events: Sequence[TicketEvent], written: Collection[datetime],
                       now: datetime) -> UpToDate | None:
    """The ticket as `events` show it on top of what we kept, or None when only a read of the whole ticket can
    tell (see the module's terms)."""
    if kept is None or not events or not kept.ticket.comments_loaded or now - kept.read_at > KEPT_FOR:
        return None
    if any(e.snapshot is None or (e.kind not in _FIELD_KINDS and e.kind != EventKind.COMMENT_ADDED)
           for e in events):
        return None
    newest = _newest(events)
    assert newest is not None
    if written and max(written) > kept.ticket.updated_at:
        return None  # a write of ours the kept ticket does not show (its record did not keep it)
    needs_comments = any(e.kind == EventKind.COMMENT_ADDED for e in events)
    ticket = kept.ticket if newest.updated_at < kept.ticket.updated_at else with_snapshot(kept.ticket, newest)
    return UpToDate(ticket, needs_comments)


def settle_for(up: UpToDate, received: Sequence[datetime | None], now: datetime) -> float | None:
    """Seconds to wait before deciding on `up`, or None to decide now: a run of field events alone waits until the
    newest was received `SETTLE` ago, for a comment of the same update still on its way; never longer than
    `SETTLE_AT_MOST` after the first (a ticket another integration changes every second is decided all the same)."""
    if up.needs_comments:
        return None
    times = [moment for moment in received if moment is not None]
    if not times:
        return None
    left = min(max(times) + SETTLE, min(times) + SETTLE_AT_MOST) - now
    return left.total_seconds() if left > timedelta(0) else None
