"""Zendesk JSON to and from the domain types: priorities, statuses, tickets, comments, customers, write bodies."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Literal

from adapters.base import is_ascii_digits
from adapters.markers import references_in_html, with_hidden_references
from plugin.domain import (
    Comment,
    Customer,
    Priority,
    Status,
    TaskTicket,
    Ticket,
    TicketChanges,
    TicketSummary,
)
from plugin.ledger import note_reference, reply_reference

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


def _metadata_references(item: Mapping[str, Any]) -> list[str]:
    """The marker our update's metadata left on the comment: Zendesk keeps an update's `metadata` in its audit's
    `metadata.custom` (reference/zendesk.md, verified); that a comment's own `metadata` carries the same `custom`
    is inferred (the OpenAPI says only "system information and comment flags"), so it is one carrier of two."""
    custom = (item.get("metadata") or {}).get("custom") or {}
    ours = custom.get("escalator") if isinstance(custom, Mapping) else None
    if not isinstance(ours, Mapping) or not isinstance(ours.get("key"), str) or not ours["key"]:
        return []
    return [reply_reference(ours["key"]) if ours.get("part") == "reply" else note_reference(ours["key"])]


def comment_body(item: Mapping[str, Any]) -> str:
    """A comment as the ledger reads it: the plain text, then the hidden markers of its HTML body and metadata."""
    text = item.get("plain_body") or item.get("body") or ""
    found = references_in_html(str(item.get("html_body") or "")) + _metadata_references(item)
    return with_hidden_references(text, found)


def comments_from_json(items: Sequence[Mapping[str, Any]], users: Mapping[str, Mapping[str, Any]]
                       ) -> tuple[Comment, ...]:
    out = []
    for item in items:
        author = _id(item.get("author_id"))
        role = (users.get(author or "") or {}).get("role")
        out.append(Comment(
            id=str(item["id"]), body=comment_body(item),
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


def _numeric(value: str) -> int | str:
    """An id as Zendesk's integer when it is one; anything else is sent as given, for Zendesk to refuse by name."""
    return int(value) if is_ascii_digits(value) else value


def update_body(ticket: Ticket, changes: TicketChanges, *, note: str | None, public: bool,
                tags: Literal["merged", "delta"] = "merged") -> dict[str, Any]:
    """The fields of one ticket update: everything the changes ask for, and at most one comment.

    tags="merged": the full tag list (the single-ticket endpoint replaces tags; safe because that update is a safe
    update). tags="delta": additional_tags / remove_tags, as Update Many Tickets documents, which never touch a tag
    nobody asked to change."""
    body: dict[str, Any] = {}
    if changes.priority is not None:
        body["priority"] = PRIORITY_TO[changes.priority]
    if tags == "delta":
        if changes.add_tags:
            body["additional_tags"] = sorted(changes.add_tags)
        if changes.remove_tags:
            body["remove_tags"] = sorted(changes.remove_tags)
    elif changes.add_tags or changes.remove_tags:
        body["tags"] = sorted((ticket.tags - changes.remove_tags) | changes.add_tags)
    if changes.group_id is not None:
        body["group_id"] = _numeric(changes.group_id)
    if changes.assignee_id is not None:
        body["assignee_id"] = _numeric(changes.assignee_id)
    elif changes.clear_assignee:
        body["assignee_id"] = None
    if changes.status is not None:
        body["status"] = STATUS_TO[changes.status]
    if note is not None:
        body["comment"] = {"body": note, "public": public}
    return body


def task_body(task: TaskTicket, external_id: str) -> dict[str, Any]:
    """Create Ticket fields for a linked task: type task, the handoff note as its first comment (internal), no
    requester (the API user becomes the requester, so the customer is never emailed about it)."""
    body: dict[str, Any] = {"type": "task", "subject": task.subject,
                            "comment": {"body": task.body, "public": False},
                            "priority": PRIORITY_TO[task.priority], "tags": sorted(task.tags),
                            "external_id": external_id}
    if task.group_id is not None:
        body["group_id"] = _numeric(task.group_id)
    if task.due_at is not None:
        body["due_at"] = task.due_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return body
