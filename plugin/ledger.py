"""The idempotency ledger: the one answer to "what of this decision is already on the helpdesk?".

A decision that changes a ticket becomes an `Intent` (kept by the store before anything is written) with a key
of its own. Every comment we write carries a marker made from that key, so the ticket itself tells what landed:
`landed(ticket, intent)` reads the ticket back, `still_to_write(ticket, intent)` is what a retry, a resumed
attempt or crash recovery writes, and nothing else ever decides that. A write whose answer was lost is resolved by
reading the ticket back and calling these, never by replaying blindly and never by forgetting the rest.

The order of the parts is fixed, so an earlier part is known to have landed when a later one is seen: the fields
(priority, tags, group, assignee, status), the linked task ticket and the internal note travel first (on Zendesk in
one update; on Freshdesk the update, then the note), the public reply last. Pure: no I/O, no clock.

A marker has two forms, and both are read wherever they appear. Internal notes carry it visibly, as their last line
(`[escalator-ref:KEY]`): agents see it, and it ties the note to the decision's history. Public replies carry it
hidden (`<!-- escalator-ref:KEY:reply -->`): the customer must never see it, so the adapters send it where no email
or portal shows it and, reading the comment back, put it in this form at the end of `Comment.body`. Replies written
before replies hid their marker end with the visible `[escalator-ref:KEY:reply]`, and still count.
"""

from __future__ import annotations

import enum
import hashlib
import json
import re
from dataclasses import dataclass, replace
from datetime import datetime

from plugin.domain import MARKER_PREFIX, Decision, Ticket, TicketChanges
from plugin.lifecycles import IntentState


class Part(enum.StrEnum):
    """The parts of a decision's write, in the order they are written."""

    FIELDS = "fields"
    TASK = "task"
    NOTE = "note"
    REPLY = "reply"


# Either form of a marker; the group that matched holds its reference ("escalator-ref:KEY" or "...:reply").
_MARKER = re.compile(r"\[(?P<visible>" + re.escape(MARKER_PREFIX) + r"[^\]\s]+)\]"
                     r"|<!--\s*(?P<hidden>" + re.escape(MARKER_PREFIX) + r"\S+?)\s*-->")


def note_reference(key: str) -> str:
    """What an internal note's marker says: the decision's key."""
    return f"{MARKER_PREFIX}{key}"


def reply_reference(key: str) -> str:
    """What a public reply's marker says: its own reference, so a note that landed never makes a reply that did
    not land look done."""
    return f"{MARKER_PREFIX}{key}:reply"


def note_marker(key: str) -> str:
    """The visible reference line every internal note we write ends with; finding it on the ticket means
    'written'."""
    return f"[{note_reference(key)}]"


def reply_marker(key: str) -> str:
    """The visible form of a public reply's marker: what replies carried before it was hidden (still read)."""
    return f"[{reply_reference(key)}]"


def hidden_marker(reference: str) -> str:
    """A marker as an HTML comment: the form a hidden marker takes in `Comment.body`."""
    return f"<!-- {reference} -->"


def hidden_reply_marker(key: str) -> str:
    """The marker a public reply carries out of the customer's sight."""
    return hidden_marker(reply_reference(key))


def references(text: str) -> frozenset[str]:
    """The references of every marker in the text, visible or hidden."""
    return frozenset(m.group("visible") or m.group("hidden") for m in _MARKER.finditer(text))


def task_external_id(key: str) -> str:
    """The external id a linked task ticket carries, so a retry finds it instead of creating a second one."""
    return f"escalator-task-{key}"


def task_link(task_id: str, url: str) -> str:
    """The line the internal note gets when a linked task ticket was created for it."""
    return f"Escalation task: #{task_id} {url}"


def with_marker(text: str, marker: str) -> str:
    return f"{text.rstrip()}\n\n{marker}"


def decision_key(platform: str, decision: Decision, attempt: int = 0) -> str:
    """The key of one decision: what it is about (ticket, the rules it fires, the tiers it escalates to), when it
    was made, and which attempt of that moment it is (a decision made again after a conflict). Two decisions never
    share a key; a retry or a recovery reuses the intent's own."""
    material = json.dumps({"p": platform, "t": decision.ticket_id, "at": decision.at.isoformat(),
                           "fired": sorted(decision.fired), "esc": [e.to_tier for e in decision.escalations],
                           "n": attempt}, sort_keys=True)
    return hashlib.sha256(material.encode()).hexdigest()[:20]


@dataclass(frozen=True)
class Intent:
    """A decision about to be written, as the store keeps it: `version` is the ticket version it was decided on,
    `landed` the parts whose write was confirmed by an answer (the ticket shows the rest)."""

    key: str
    platform: str
    ticket_id: str
    decision: Decision
    decided_at: datetime
    version: str | None = None
    state: IntentState = IntentState.DECIDED
    landed: frozenset[Part] = frozenset()
    attempts: int = 0
    last_error: str | None = None

    @property
    def changes(self) -> TicketChanges:
        return self.decision.changes

    @property
    def parts(self) -> frozenset[Part]:
        return parts_of(self.changes)


def parts_of(changes: TicketChanges) -> frozenset[Part]:
    parts = set()
    if _fields(changes) != TicketChanges():
        parts.add(Part.FIELDS)
    if changes.task is not None:
        parts.add(Part.TASK)
    if changes.internal_note is not None:
        parts.add(Part.NOTE)
    if changes.public_reply is not None:
        parts.add(Part.REPLY)
    return frozenset(parts)


def _fields(changes: TicketChanges) -> TicketChanges:
    return replace(changes, internal_note=None, public_reply=None, task=None)


def has_reference(ticket: Ticket, reference: str) -> bool:
    """True when a comment of the ticket carries a marker with this reference, in either form."""
    return any(reference in references(comment.body) for comment in ticket.comments)


def has_marker(ticket: Ticket, marker: str) -> bool:
    """True when a comment carries this marker, written in either form (the other form counts too)."""
    return any(has_reference(ticket, reference) for reference in references(marker))


def _missing_fields(ticket: Ticket, changes: TicketChanges) -> TicketChanges:
    """The field changes the ticket does not show yet."""
    group_moved = changes.group_id is not None and ticket.group_id == changes.group_id
    return TicketChanges(
        priority=changes.priority if changes.priority is not None and ticket.priority != changes.priority else None,
        add_tags=changes.add_tags - ticket.tags,
        remove_tags=changes.remove_tags & ticket.tags,
        group_id=changes.group_id if changes.group_id is not None and not group_moved else None,
        assignee_id=(changes.assignee_id if changes.assignee_id is not None
                     and ticket.assignee_id != changes.assignee_id else None),
        clear_assignee=changes.clear_assignee and ticket.assignee_id is not None and not group_moved,
        status=changes.status if changes.status is not None and ticket.status != changes.status else None,
    )


class CommentsNotLoaded(ValueError):
    """The ticket was read without its comments, so the markers cannot be looked for."""


def landed(ticket: Ticket, intent: Intent) -> frozenset[Part]:
    """The parts of the intent that are on the helpdesk: confirmed by an answer, or shown by the ticket (a
    marker, or fields that already hold the intended values). A part seen implies every part written before it."""
    wanted = intent.parts
    found = set(intent.landed)
    if wanted & {Part.NOTE, Part.REPLY} and not ticket.comments_loaded:
        raise CommentsNotLoaded(f"ticket {ticket.platform}/{ticket.id} was read without its comments; the markers "
                                f"of intent {intent.key} cannot be checked")
    if Part.NOTE in wanted and has_reference(ticket, note_reference(intent.key)):
        found |= {Part.FIELDS, Part.TASK, Part.NOTE}
    if Part.REPLY in wanted and has_reference(ticket, reply_reference(intent.key)):
        found |= {Part.FIELDS, Part.TASK, Part.NOTE, Part.REPLY}
    if Part.FIELDS in wanted and _missing_fields(ticket, _fields(intent.changes)) == TicketChanges():
        found.add(Part.FIELDS)
    return frozenset(found & wanted)


def still_to_write(ticket: Ticket, intent: Intent) -> TicketChanges:
    """What a write must still send for the intent to have landed whole; empty when it has."""
    done = landed(ticket, intent)
    changes = intent.changes
    fields = TicketChanges() if Part.FIELDS in done else _missing_fields(ticket, _fields(changes))
    note_missing = Part.NOTE not in done
    return replace(
        fields,
        internal_note=changes.internal_note if note_missing else None,
        # the adapter finds a task that exists by its external id: it is needed again only to link it in the note
        task=changes.task if note_missing and Part.TASK in intent.parts else None,
        public_reply=changes.public_reply if Part.REPLY not in done else None,
    )


def is_landed(ticket: Ticket, intent: Intent) -> bool:
    return still_to_write(ticket, intent).is_empty


def write_version(ticket: Ticket, intent: Intent) -> str | None:
    """The ticket version a write of the intent is conditional on. Nothing of it landed yet: the version it was
    decided on, so a ticket changed since makes the helpdesk refuse it (a conflict: decide again). Part of it
    landed: the current one, since our own write moved the version and the rest must follow whatever happens."""
    return intent.version if not landed(ticket, intent) else ticket.version


def is_stale(ticket: Ticket, intent: Intent) -> bool:
    """Nothing of the intent landed and the ticket has changed since it was decided: decide again instead."""
    return not landed(ticket, intent) and intent.version is not None and ticket.version != intent.version
