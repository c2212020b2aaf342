"""Zendesk JSON to and from the domain types: priorities, statuses, tickets, comments, customers, write bodies."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from plugin.domain import (
    Comment,
    Customer,
    Priority,
    Status,
    Ticket,
    TicketChanges,
    TicketSummary,
)

PRIORITY_FROM = {"urgent": Priority.CRITICAL, "high": Priority.HIGH, "normal": Priority.MEDIUM, "low": Priority.LOW}
PRIORITY_TO = {value: key for key, value in PRIORITY_FROM.items()}
STATUS_TO = {Status.NEW: "new", Status.OPEN: "open", Status.PENDING: "pending", Status.ON_HOLD: "hold",
             Status.SOLVED: "solved", Status.CLOSED: "closed"}
AGENT_ROLES = frozenset({"agent", "admin"})


def when(value: str | None) -> datetime:
    if not value:
        raise ValueError("missing timestamp")
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _id(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def status_of(value: str | None) -> Status:
    return Status.parse(value or "new")


def ticket_from_json(data: Mapping[str, Any], *, base_url: str, comments: tuple[Comment, ...] = (),
                     comments_loaded: bool = True, locale: str | None = None) -> Ticket:
    return Ticket(
        platform="zendesk", id=str(data["id"]), subject=data.get("subject") or "",
        status=status_of(data.get("status")), created_at=when(data.get("created_at")),
        updated_at=when(data.get("updated_at")), priority=PRIORITY_FROM.get(data.get("priority") or ""),
        tags=frozenset(data.get("tags") or ()), description=data.get("description") or "",
        group_id=_id(data.get("group_id")), assignee_id=_id(data.get("assignee_id")),
        requester_id=_id(data.get("requester_id")), organization_id=_id(data.get("organization_id")),
        ticket_type=data.get("type"), channel=(data.get("via") or {}).get("channel"), locale=locale,
        url=f"{base_url}/agent/tickets/{data['id']}", raw_status=data.get("status"),
        custom_fields={str(f["id"]): f.get("value") for f in data.get("custom_fields") or () if "id" in f},
        comments=comments, version=data.get("updated_at"), comments_loaded=comments_loaded,
    )


def comments_from_json(items: Sequence[Mapping[str, Any]], users: Mapping[str, Mapping[str, Any]]
                       ) -> tuple[Comment, ...]:
    out = []
    for item in items:
        author = _id(item.get("author_id"))
        role = (users.get(author or "") or {}).get("role")
        out.append(Comment(
            id=str(item["id"]), body=item.get("plain_body") or item.get("body") or "",
            public=bool(item.get("public", True)), created_at=when(item.get("created_at")), author_id=author,
            by_agent=role in AGENT_ROLES,
            attachments=tuple(a["content_url"] for a in item.get("attachments") or () if a.get("content_url")),
        ))
    return tuple(sorted(out, key=lambda c: c.created_at))


def customer_from_json(user: Mapping[str, Any], organization: Mapping[str, Any] | None) -> Customer:
    fields: dict[str, Any] = dict((organization or {}).get("organization_fields") or {})
    fields.update({k: v for k, v in (user.get("user_fields") or {}).items() if v not in (None, "")})
    tags = set(user.get("tags") or ()) | set((organization or {}).get("tags") or ())
    return Customer(
        id=str(user["id"]), name=user.get("name") or "", email=user.get("email"), locale=user.get("locale"),
        organization_id=_id(user.get("organization_id")),
        organization_name=(organization or {}).get("name"), tags=frozenset(tags), fields=fields,
    )


def summary_from_json(data: Mapping[str, Any]) -> TicketSummary:
    return TicketSummary(id=str(data["id"]), subject=data.get("subject") or "", created_at=when(data["created_at"]),
                         status=status_of(data.get("status")), tags=frozenset(data.get("tags") or ()))


def update_body(ticket: Ticket, changes: TicketChanges, *, note: str | None, public: bool) -> dict[str, Any]:
    """The fields of one ticket update: everything the changes ask for, and at most one comment."""
    body: dict[str, Any] = {}
    if changes.priority is not None:
        body["priority"] = PRIORITY_TO[changes.priority]
    if changes.add_tags or changes.remove_tags:
        # The single-ticket endpoint replaces tags; the merged list is safe because the update is a safe update.
        body["tags"] = sorted((ticket.tags - changes.remove_tags) | changes.add_tags)
    if changes.group_id is not None:
        body["group_id"] = int(changes.group_id) if changes.group_id.isdigit() else changes.group_id
    if changes.assignee_id is not None:
        body["assignee_id"] = int(changes.assignee_id) if changes.assignee_id.isdigit() else changes.assignee_id
    elif changes.clear_assignee:
        body["assignee_id"] = None
    if changes.status is not None:
        body["status"] = STATUS_TO[changes.status]
    if note is not None:
        body["comment"] = {"body": note, "public": public}
    return body
