"""Zendesk webhooks, sans I/O: verify the signature on the raw bytes, then parse either webhook style into events.

Signature: X-Zendesk-Webhook-Signature = base64(HMAC-SHA256(secret as UTF-8, timestamp + body)). The older
documented order, body + timestamp (which Zendesk's published test vector matches), is accepted too. The timestamp
(X-Zendesk-Webhook-Signature-Timestamp) is ISO-8601 and must be within `max_age` of now, either way.

Two styles:
- event subscriptions: `{"type": "zen:event-type:ticket.status_changed", "id", "time", "subject", "detail",
  "event"}`, ids as strings, enum casing varying;
- trigger webhooks carrying our JSON body (TRIGGER_BODY): ids and enums only, never free text, because Zendesk
  renders placeholders without JSON escaping.
Events of other domains (zen:event-type:user.*, organization.*) are acknowledged and ignored.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from adapters.base import (
    BadSignatureError,
    InvalidFieldError,
    MissingFieldError,
    MissingSignatureError,
    StaleTimestampError,
    UnknownEventError,
    WebhookError,
    is_ascii_digits,
    load_json_object,
)
from adapters.zendesk_mapping import PRIORITY_FROM
from plugin.domain import Comment, EventKind, Priority, Status, TicketEvent, TicketSnapshot

PLATFORM = "zendesk"
SIGNATURE = "x-zendesk-webhook-signature"
TIMESTAMP = "x-zendesk-webhook-signature-timestamp"
INVOCATION = "x-zendesk-webhook-invocation-id"

# The body of the trigger `escalator install zendesk` creates (placeholders render as plain text; ids only).
TRIGGER_BODY = (
    '{"escalator": 1, "ticket_id": "{{ticket.id}}", "status": "{{ticket.status}}", '
    '"priority": "{{ticket.priority}}", "updated_at": "{{ticket.updated_at_with_timestamp}}", '
    '"actor_id": "{{current_user.id}}", "via": "{{ticket.via}}", "requester_id": "{{ticket.requester.id}}"}'
)

EVENT_KINDS = {
    "created": EventKind.CREATED,
    "status_changed": EventKind.STATUS_CHANGED,
    "priority_changed": EventKind.PRIORITY_CHANGED,
    "comment_added": EventKind.COMMENT_ADDED,
    "tags_changed": EventKind.TAGS_CHANGED,
    "agent_assignment_changed": EventKind.ASSIGNEE_CHANGED,
    "group_assignment_changed": EventKind.GROUP_CHANGED,
}
_GONE_STATUSES = {"deleted", "archived", "scrubbed"}


def _sign(secret: bytes, message: bytes) -> bytes:
    return base64.b64encode(hmac.new(secret, message, hashlib.sha256).digest())


def parse_time(value: str, what: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise InvalidFieldError(f"{what} {value!r} is not an ISO-8601 time") from None
    if moment.tzinfo is None:
        raise InvalidFieldError(f"{what} {value!r} has no time zone")
    return moment


def verify_signature(headers: Mapping[str, str], body: bytes, secret: str | None, now: datetime,
                     max_age: timedelta) -> None:
    """Raise unless the request is signed with `secret` and fresh."""
    if not secret:
        raise BadSignatureError("no Zendesk webhook secret is configured (zendesk.webhook_secret): every webhook "
                                "is refused until one is set")
    lowered = {k.lower(): v for k, v in headers.items()}
    signature = lowered.get(SIGNATURE)
    timestamp = lowered.get(TIMESTAMP)
    if not signature:
        raise MissingSignatureError("the X-Zendesk-Webhook-Signature header is missing")
    if not timestamp:
        raise MissingSignatureError("the X-Zendesk-Webhook-Signature-Timestamp header is missing")
    key = secret.encode()
    given = signature.strip().encode("utf-8", "replace")
    stamp = timestamp.encode("utf-8", "replace")
    matches = hmac.compare_digest(given, _sign(key, stamp + body)) or hmac.compare_digest(given,
                                                                                         _sign(key, body + stamp))
    if not matches:
        raise BadSignatureError("X-Zendesk-Webhook-Signature does not match the body and timestamp (wrong secret, "
                                "or the body was altered)")
    try:
        signed_at = parse_time(timestamp, "X-Zendesk-Webhook-Signature-Timestamp")
    except InvalidFieldError as exc:
        raise StaleTimestampError(exc.message) from None
    age = now - signed_at
    if age > max_age:
        raise StaleTimestampError(f"X-Zendesk-Webhook-Signature-Timestamp is {_minutes(age)} old (limit "
                                  f"{_minutes(max_age)}): refused as a possible replay")
    if -age > max_age:
        raise StaleTimestampError(f"X-Zendesk-Webhook-Signature-Timestamp is {_minutes(-age)} in the future "
                                  f"(limit {_minutes(max_age)}): check the clocks")


def _minutes(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    return f"{seconds // 60} minutes" if seconds >= 120 else f"{seconds} seconds"


def _known_status(text: str) -> Status | None:
    text = text.strip().lower()
    if text in _GONE_STATUSES:
        return Status.CLOSED
    try:
        return Status.parse(text)
    except ValueError:
        return None


def _status(value: Any, where: str) -> Status | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InvalidFieldError(f"{where} must be a string, got {type(value).__name__}")
    status = _known_status(value)
    if status is None:
        raise InvalidFieldError(f"{where} {value!r} is not a Zendesk status")
    return status


def _status_label(value: Any) -> Status | None:
    """A `{{ticket.status}}` label as rendered for the account: English labels map to a status; a localised label
    ("Offen") or a custom status name ("Waiting for vendor") gives no status (the worker reads the ticket anyway)."""
    if not isinstance(value, str) or not value.strip():
        return None
    return _known_status(value)


def _ticket_id(value: Any, where: str) -> str:
    if isinstance(value, bool) or value is None:
        raise MissingFieldError(f"missing field {where}")
    text = str(value).strip()
    if not is_ascii_digits(text):
        raise InvalidFieldError(f"{where} {value!r} is not a ticket id")
    return text


def parse_event_envelope(data: dict[str, Any], integration_user_id: str | None) -> list[TicketEvent]:
    event_type = data["type"]
    if not isinstance(event_type, str) or not event_type.startswith("zen:event-type:"):
        raise UnknownEventError(f"unknown event type {event_type!r}")
    domain_and_name = event_type[len("zen:event-type:"):]
    if not domain_and_name.startswith("ticket."):
        return []  # user, organization, ... events: nothing for the escalator to do
    name = domain_and_name[len("ticket."):]
    event_id = data.get("id")
    if not isinstance(event_id, str | int) or not str(event_id).strip():
        raise MissingFieldError("missing field id (the event id)")
    detail = data.get("detail")
    if not isinstance(detail, dict):
        raise MissingFieldError("missing field detail")
    if "id" in detail:
        ticket_id = _ticket_id(detail.get("id"), "detail.id")
    else:
        subject = str(data.get("subject", ""))
        ticket_id = _ticket_id(subject.rpartition(":")[2] if subject.startswith("zen:ticket:") else None,
                               "detail.id")
    occurred = parse_time(str(data["time"]), "time") if data.get("time") is not None else None
    raw_event = data.get("event")
    event: dict[str, Any] = raw_event if isinstance(raw_event, dict) else {}
    status = None
    if name == "status_changed":
        status = _status(event.get("current"), "event.current")
    if status is None:
        status = _status(detail.get("status"), "detail.status")
    actor = detail.get("actor_id")
    actor_id = str(actor) if actor not in (None, "") else None
    updated = detail.get("updated_at")
    kind = EVENT_KINDS.get(name, EventKind.OTHER)
    comment = comment_of(event, occurred) if kind == EventKind.COMMENT_ADDED else None
    if comment is not None:  # kept once, parsed: not a second time in the payload the inbox keeps
        event = {k: v for k, v in event.items() if k != "comment"}
    return [TicketEvent(
        platform=PLATFORM, delivery_id=str(event_id), ticket_id=ticket_id,
        kind=kind, occurred_at=occurred, actor_id=actor_id,
        changes=event, raw_type=event_type,
        from_us=bool(integration_user_id) and actor_id == str(integration_user_id), status=status,
        ticket_updated_at=parse_time(updated, "detail.updated_at") if isinstance(updated, str) and updated
        else None,
        priority=priority_of(detail.get("priority")),
        snapshot=snapshot_of(detail),
        comment=comment,
        requester_id=_digits(detail.get("requester_id")),
    )]


def _digits(value: Any) -> str | None:
    """An id as a placeholder or a payload renders it; None when it is not one (empty, unrendered)."""
    text = str(value).strip() if value is not None else ""
    return text if is_ascii_digits(text) else None


# what a `detail` must hold to stand for the ticket's own fields (plugin/kept.py)
_SNAPSHOT_FIELDS = ("updated_at", "status", "subject", "priority", "tags", "group_id", "assignee_id", "requester_id")


def _text_id(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def snapshot_of(detail: Mapping[str, Any]) -> TicketSnapshot | None:
    """The ticket's own fields as an event's `detail` reports them (ids as strings, enums in any case); None when
    the detail is partial, or the ticket is gone (deleted, archived): then only the API can tell."""
    if any(key not in detail for key in _SNAPSHOT_FIELDS):
        return None
    updated, status_text, tags = detail["updated_at"], detail["status"], detail["tags"]
    if not isinstance(updated, str) or not isinstance(status_text, str) or not isinstance(tags, list):
        return None
    status = _known_status(status_text)
    if status is None or status_text.strip().lower() in _GONE_STATUSES:
        return None
    kind = detail.get("type")
    return TicketSnapshot(
        updated_at=parse_time(updated, "detail.updated_at"), version=updated, status=status,
        raw_status=status_text.strip().lower(), subject=str(detail.get("subject") or ""),
        description=str(detail.get("description") or ""), priority=priority_of(detail.get("priority")),
        tags=frozenset(str(t) for t in tags), group_id=_text_id(detail.get("group_id")),
        assignee_id=_text_id(detail.get("assignee_id")), requester_id=_text_id(detail.get("requester_id")),
        organization_id=_text_id(detail.get("organization_id")),
        ticket_type=str(kind).lower() if isinstance(kind, str) and kind else None)


def comment_of(event: Mapping[str, Any], occurred: datetime | None) -> Comment | None:
    """The comment a `comment_added` event carries (`event.comment`: id, body, is_public, author.id/is_staff);
    None when any of it is missing."""
    comment = event.get("comment")
    if not isinstance(comment, dict) or occurred is None:
        return None
    given = comment.get("author")
    author: dict[str, Any] = given if isinstance(given, dict) else {}
    if comment.get("id") in (None, "") or not isinstance(comment.get("body"), str) or "is_staff" not in author:
        return None
    links = tuple(str(a["content_url"]) for a in comment.get("attachments") or ()
                  if isinstance(a, dict) and a.get("content_url"))
    return Comment(id=str(comment["id"]), body=comment["body"], public=bool(comment.get("is_public", True)),
                   created_at=occurred, author_id=_text_id(author.get("id")), by_agent=bool(author["is_staff"]),
                   attachments=links)


def priority_of(value: Any) -> Priority | None:
    """A payload's priority ("urgent", "URGENT", "Urgent" as the placeholder renders it); None when it is none of
    Zendesk's four or an unrendered placeholder."""
    return PRIORITY_FROM.get(str(value or "").strip().lower())


def parse_trigger_body(data: dict[str, Any], headers: Mapping[str, str], body: bytes,
                       integration_user_id: str | None) -> list[TicketEvent]:
    ticket_id = _ticket_id(data.get("ticket_id"), "ticket_id")
    lowered = {k.lower(): v for k, v in headers.items()}
    delivery = lowered.get(INVOCATION) or "sha256:" + hashlib.sha256(
        lowered.get(TIMESTAMP, "").encode() + body).hexdigest()
    actor = str(data.get("actor_id") or "").strip() or None
    updated_text = str(data.get("updated_at") or "").strip()
    updated = None
    if updated_text:
        try:
            updated = parse_time(updated_text, "updated_at")
        except InvalidFieldError:
            updated = None  # a placeholder the account renders in another format: informative only
    return [TicketEvent(
        platform=PLATFORM, delivery_id=delivery, ticket_id=ticket_id, kind=EventKind.UPDATED,
        occurred_at=updated, actor_id=actor, changes={k: v for k, v in data.items() if k != "escalator"},
        raw_type="trigger", from_us=bool(integration_user_id) and actor == str(integration_user_id),
        status=_status_label(data.get("status")), ticket_updated_at=updated,
        priority=priority_of(data.get("priority")), requester_id=_digits(data.get("requester_id")),
    )]


def parse_webhook(headers: Mapping[str, str], body: bytes, *, secret: str | None, now: datetime,
                  max_age: timedelta, integration_user_id: str | None = None) -> list[TicketEvent]:
    """Authenticate, then parse. Raises only WebhookError subclasses, each naming its cause."""
    try:
        verify_signature(headers, body, secret, now, max_age)
        data = load_json_object(body)
        if "type" in data:
            return parse_event_envelope(data, integration_user_id)
        if "escalator" in data:
            return parse_trigger_body(data, headers, body, integration_user_id)
        raise UnknownEventError("the body is neither a Zendesk event (no 'type') nor the escalator trigger body "
                                "(no 'escalator'); see docs/zendesk.md for the body to use")
    except WebhookError:
        raise
    except RecursionError:
        raise InvalidFieldError("malformed payload: nested too deeply") from None
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
        raise InvalidFieldError(f"malformed payload: {type(exc).__name__}: {exc}") from None
