"""Shadow mode: decide and record exactly as live, write nothing to the helpdesk.

`ShadowHelpdesk` stands in front of a platform's adapter. Reads go through; a write is not sent: its answer is made
up from the changes (every part "landed", no request), and what it would have written is kept on the ticket's mirror
(`tickets.shadow`): the fields with the value they replaced, the tags added and removed, the note and reply with
their markers. Each later read of the ticket is shown with that overlay, so the next decision sees the ticket as it
would be live (escalated, tagged, acknowledged) and does not decide the same thing again; a field someone changed
in the helpdesk since keeps their value. The decisions, intents and notifications are recorded as live (the
notifier, in shadow mode, keeps every notification as `shadow` and calls no channel), so `escalator shadow report`
and the status pages show what would have happened. Switching to live does not replay any of it: the helpdesk never
had those writes, and tickets are decided from their state.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from plugin.config import EscalatorConfig
from plugin.domain import Comment, Customer, Priority, Status, Ticket, TicketChanges, TicketEvent, TicketSummary
from plugin.ledger import Part, hidden_marker, note_marker, reply_reference, with_marker
from plugin.ports import (
    ApplyRequest,
    ApplyResult,
    ExportPage,
    HelpdeskAdapter,
    InstallResult,
    PermanentError,
    SatisfactionRating,
)
from plugin.store import Store
from plugin.store import repository as repo

FIELDS = ("priority", "group_id", "assignee_id", "status")


def _plain(name: str, value: Any) -> Any:
    if isinstance(value, Priority):
        return int(value)
    if isinstance(value, Status):
        return value.value
    return value


def _typed(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name == "priority":
        return Priority(int(value))
    if name == "status":
        return Status(value)
    return str(value)


def would_write(shadow: Mapping[str, Any] | None, ticket: Ticket, changes: TicketChanges, key: str,
                at: datetime) -> dict[str, Any]:
    """The overlay after one more shadow write: each field as [value it replaced, value written], the tags added
    and removed so far, and the comments written. Pure."""
    state: dict[str, Any] = {"fields": {}, "add_tags": [], "remove_tags": [], "comments": [],
                             **(shadow or {})}
    fields = dict(state["fields"])
    wanted = {"priority": changes.priority, "group_id": changes.group_id, "status": changes.status,
              "assignee_id": changes.assignee_id}
    if changes.clear_assignee:
        wanted["assignee_id"] = None
    for name in FIELDS:
        if wanted[name] is None and not (name == "assignee_id" and changes.clear_assignee):
            continue
        fields[name] = [_plain(name, getattr(ticket, name)), _plain(name, wanted[name])]
    added = (set(state["add_tags"]) - changes.remove_tags) | changes.add_tags
    removed = (set(state["remove_tags"]) - changes.add_tags) | changes.remove_tags
    comments = list(state["comments"])
    if changes.internal_note is not None:
        comments.append({"id": f"shadow-{key}-note", "public": False, "at": at.isoformat(),
                         "body": with_marker(changes.internal_note, note_marker(key))})
    if changes.public_reply is not None:
        comments.append({"id": f"shadow-{key}-reply", "public": True, "at": at.isoformat(),
                         "body": f"{changes.public_reply.rstrip()}\n\n{hidden_marker(reply_reference(key))}"})
    return {"fields": fields, "add_tags": sorted(added), "remove_tags": sorted(removed), "comments": comments}


def overlaid(ticket: Ticket, shadow: Mapping[str, Any] | None) -> Ticket:
    """`ticket` as it would be had the shadow writes been made: a field still at the value a shadow write replaced
    shows the value written (one someone changed since keeps theirs), the tags and comments are added. Pure."""
    if not shadow:
        return ticket
    values: dict[str, Any] = {}
    for name, (before, after) in (shadow.get("fields") or {}).items():
        if name in FIELDS and _plain(name, getattr(ticket, name)) == before:
            values[name] = _typed(name, after)
    tags = (set(ticket.tags) - set(shadow.get("remove_tags") or ())) | set(shadow.get("add_tags") or ())
    values["tags"] = frozenset(tags)
    if ticket.comments_loaded:
        known = {c.id for c in ticket.comments}
        extra = tuple(Comment(id=c["id"], body=c["body"], public=bool(c["public"]),
                              created_at=datetime.fromisoformat(c["at"]), by_agent=True)
                      for c in shadow.get("comments") or () if c["id"] not in known)
        values["comments"] = tuple(sorted((*ticket.comments, *extra), key=lambda c: c.created_at))
    return replace(ticket, **values)


class ShadowHelpdesk(HelpdeskAdapter):
    """A platform's adapter in shadow mode: reads with the overlay, writes kept instead of sent."""

    events_stand_in_for_reads = False  # a webhook shows the helpdesk, not what we would have written on it

    def __init__(self, inner: HelpdeskAdapter, store: Store) -> None:
        self.inner, self.store = inner, store
        self.name = inner.name  # type: ignore[misc]

    @classmethod
    def from_config(cls, config: EscalatorConfig, **options: Any) -> HelpdeskAdapter:
        raise TypeError("a ShadowHelpdesk wraps an adapter: ShadowHelpdesk(adapter, store)")

    def _shadow(self, ticket_id: str) -> Any:
        with self.store.session() as session:
            row = repo.get_mirror(session, self.inner.name, ticket_id)
            return None if row is None else row.shadow

    def _view(self, ticket: Ticket) -> Ticket:
        return overlaid(ticket, self._shadow(ticket.id))

    # reads, shown as they would be
    def parse_webhook(self, headers: Mapping[str, str], body: bytes, *, now: datetime) -> list[TicketEvent]:
        return self.inner.parse_webhook(headers, body, now=now)

    def get_ticket(self, ticket_id: str) -> Ticket:
        return self._view(self.inner.get_ticket(ticket_id))

    def get_tickets(self, ticket_ids: Sequence[str]) -> list[Ticket]:
        return [self._view(t) for t in self.inner.get_tickets(ticket_ids)]

    def get_customer(self, requester_id: str) -> Customer:
        return self.inner.get_customer(requester_id)

    def requester_tickets(self, requester_id: str, since: datetime) -> list[TicketSummary]:
        return self.inner.requester_tickets(requester_id, since)

    def open_tickets(self) -> Iterator[Ticket]:
        return (self._view(t) for t in self.inner.open_tickets())

    def export_tickets(self, since: datetime, cursor: str | None = None) -> ExportPage:
        page = self.inner.export_tickets(since, cursor)
        return replace(page, tickets=tuple(self._view(t) for t in page.tickets))

    def satisfaction_ratings(self, since: datetime) -> Iterator[SatisfactionRating]:
        return self.inner.satisfaction_ratings(since)

    def watch_every(self) -> Any:
        return self.inner.watch_every()

    def group_for_tier(self, config: EscalatorConfig, tier: int) -> str | None:
        return self.inner.group_for_tier(config, tier)

    # writes, kept instead of sent
    def apply(self, request: ApplyRequest) -> ApplyResult:
        ticket, changes = request.ticket, request.changes
        with self.store.session() as session:
            row = repo.get_mirror(session, self.inner.name, ticket.id)
            if row is None:
                raise PermanentError(f"shadow: no mirror of {self.inner.name}/{ticket.id} to keep the write on")
            row.shadow = would_write(row.shadow, ticket, changes, request.idempotency_key, ticket.updated_at)
            after = overlaid(replace(ticket, comments=(), comments_loaded=False), row.shadow)
        parts = {Part.FIELDS} if not changes.is_empty else set()
        parts |= {p for p, present in ((Part.NOTE, changes.internal_note is not None),
                                       (Part.REPLY, changes.public_reply is not None),
                                       (Part.TASK, changes.task is not None)) if present}
        return ApplyResult(ticket.id, True, ticket=after, write_requests=0, landed=frozenset(parts))

    def create_task_ticket(self, parent: Ticket, task: Any, idempotency_key: str) -> str:
        return f"shadow-task-{idempotency_key}"

    def install(self, callback_url: str, secret: str) -> InstallResult:
        return self.inner.install(callback_url, secret)
