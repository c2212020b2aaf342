"""Freshdesk webhooks, sans I/O: authenticate with the shared secret, then parse.

Freshdesk signs nothing: the automation rule sends our shared secret in a header (`X-Escalator-Secret` by default)
or as the basic-auth password. Both payload forms are read: the "simple" form Freshdesk builds
(`{"freshdesk_webhook": {"ticket_id": ..., "ticket_status": "Pending", ...}}`) and our "advanced" JSON body
(ADVANCED_BODY). Values are display labels ("High", "Pending"), mapped to our enums; `{{triggered_event}}` arrives as
`{priority:{from:3,to:1}}`, which is not JSON, and has a small parser of its own. A `triggered_event` it cannot read
(an unrendered placeholder, text in another form) is logged and taken for a generic "ticket updated": the webhook is
accepted, since the ticket is read again before any decision anyway.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import logging
import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from adapters.base import (
    BadSignatureError,
    InvalidFieldError,
    MissingFieldError,
    MissingSignatureError,
    UnknownEventError,
    WebhookError,
    is_ascii_digits,
    load_json_object,
)
from plugin.domain import EventKind, Priority, Status, TicketEvent

log = logging.getLogger(__name__)
PLATFORM = "freshdesk"
PRIORITY_LABELS = {"low": Priority.LOW, "medium": Priority.MEDIUM, "high": Priority.HIGH, "urgent": Priority.CRITICAL,
                   "1": Priority.LOW, "2": Priority.MEDIUM, "3": Priority.HIGH, "4": Priority.CRITICAL}
STATUS_NUMBERS = {2: Status.OPEN, 3: Status.PENDING, 4: Status.SOLVED, 5: Status.CLOSED}
STATUS_LABELS = {"open": Status.OPEN, "pending": Status.PENDING, "resolved": Status.SOLVED, "closed": Status.CLOSED}

# The body `escalator install freshdesk` puts in its automation rules ("Encoding: JSON", advanced content). Freshdesk
# JSON-escapes each placeholder without quotes, so every one sits inside quotes here. `{{ticket.modified_on}}` is the
# ticket's updated_at: it tells two real events with otherwise identical bodies apart (see delivery_id).
ADVANCED_BODY = (
    '{"freshdesk_webhook": {"escalator": "1", "ticket_id": "{{ticket.id}}", "ticket_status": "{{ticket.status}}", '
    '"ticket_priority": "{{ticket.priority}}", "triggered_event": "{{triggered_event}}", '
    '"ticket_tags": "{{ticket.tags}}", "ticket_updated_at": "{{ticket.modified_on}}", '
    '"requester_email": "{{ticket.requester.email}}", "agent_email": "{{ticket.agent.email}}"}}'
)

# Without a timestamp in the body, a byte-identical body is taken for a redelivery only within this window (a
# genuine duplicate arrives at once); the same body later is a new event (Open -> Pending -> Open -> Pending).
REDELIVERY_WINDOW = timedelta(minutes=1)


# ---------------------------------------------------------------- {{triggered_event}}

_TOKEN = re.compile(r"\s*([{}:,])\s*|\s*([^{}:,]+?)\s*(?=[{}:,]|$)")
_MAX_DEPTH = 8  # Freshdesk nests two deep ({status:{from:2,to:3}}); deeper is garbage, not a reason to recurse
_SHOWN = 120  # how much of an unreadable triggered_event a log line or the event's raw_type keeps


def parse_triggered_event(text: str) -> dict[str, Any]:
    """`{priority:{from:3,to:1}}` -> {"priority": {"from": "3", "to": "1"}}. Raises InvalidFieldError on garbage.

    An empty value is read as "" (`{group_id:{from:,to:5}}`: Freshdesk sends an empty `from` when a group is first
    set). read_triggered_event is the forgiving form the webhook parser uses."""
    tokens: list[str] = []
    position = 0
    stripped = text.strip()
    while position < len(stripped):
        match = _TOKEN.match(stripped, position)
        if match is None or match.end() == position:
            raise InvalidFieldError(f"triggered_event {text!r} is not in Freshdesk's {{key:value}} form")
        tokens.append(match.group(1) or match.group(2))
        position = match.end()
    if not tokens:
        raise InvalidFieldError("triggered_event is empty")
    value, rest = _parse_value(tokens, text, 0)
    if rest or not isinstance(value, dict):
        raise InvalidFieldError(f"triggered_event {text!r} is not in Freshdesk's {{key:value}} form")
    return value


def read_triggered_event(text: str) -> tuple[dict[str, Any], str | None]:
    """The event `text` describes, and None; or, when it cannot be read (an unrendered `{{triggered_event}}`, text
    not in Freshdesk's `{key:value}` form), {} (a generic "ticket updated": the ticket is read again anyway) and why
    not. Never raises: Freshdesk retries a refused webhook three times, then drops the event."""
    try:
        return parse_triggered_event(text), None
    except InvalidFieldError as exc:
        return {}, str(exc)


def _parse_value(tokens: list[str], text: str, depth: int) -> tuple[Any, list[str]]:
    if not tokens:
        raise InvalidFieldError(f"triggered_event {text!r} ends too early")
    head, rest = tokens[0], tokens[1:]
    if head in (",", "}"):
        return "", tokens  # an empty value: `from:,` or `to:}`
    if head != "{":
        if head == ":":
            raise InvalidFieldError(f"triggered_event {text!r}: unexpected {head!r}")
        return head, rest
    if depth >= _MAX_DEPTH:
        raise InvalidFieldError(f"triggered_event {text!r}: nested too deeply")
    result: dict[str, Any] = {}
    if rest and rest[0] == "}":
        return result, rest[1:]
    while True:
        if len(rest) < 2 or rest[0] in "{}:," or rest[1] != ":":
            raise InvalidFieldError(f"triggered_event {text!r}: expected key:value")
        key = rest[0]
        value, rest = _parse_value(rest[2:], text, depth + 1)
        result[key] = value
        if not rest:
            raise InvalidFieldError(f"triggered_event {text!r}: missing closing brace")
        if rest[0] == "}":
            return result, rest[1:]
        if rest[0] != ",":
            raise InvalidFieldError(f"triggered_event {text!r}: expected ',' or '}}'")
        rest = rest[1:]


# ---------------------------------------------------------------- auth and parsing


def authenticate(headers: Mapping[str, str], secret: str | None, header_name: str) -> None:
    if not secret:
        raise BadSignatureError("no Freshdesk webhook secret is configured (freshdesk.webhook_secret): every webhook "
                                "is refused until one is set")
    lowered = {k.lower(): v for k, v in headers.items()}
    given = lowered.get(header_name.lower())
    if given is None:
        scheme, _, credentials = lowered.get("authorization", "").strip().partition(" ")
        if scheme.lower() == "basic":  # auth schemes are case-insensitive (RFC 9110)
            try:
                given = base64.b64decode(credentials.strip(), validate=True).decode().partition(":")[2]
            except (binascii.Error, UnicodeDecodeError):
                raise BadSignatureError("the Authorization header is not valid basic auth") from None
    if given is None:
        raise MissingSignatureError(f"no shared secret: neither a {header_name} header nor basic auth")
    if not hmac.compare_digest(given.encode("utf-8", "replace"), secret.encode()):
        raise BadSignatureError(f"the shared secret in {header_name} or basic auth is wrong")


def status_from(value: Any, custom: Mapping[int, Status]) -> Status | None:
    """A Freshdesk status as number (2-5, custom >= 6) or label ("Pending"); None for an unknown custom label."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    if is_ascii_digits(text):
        number = int(text)
        if number in STATUS_NUMBERS:
            return STATUS_NUMBERS[number]
        return custom.get(number, Status.OPEN)
    return STATUS_LABELS.get(text.lower())


def priority_from(value: Any) -> Priority | None:
    if value in (None, ""):
        return None
    found = PRIORITY_LABELS.get(str(value).strip().lower())
    if found is None:
        raise InvalidFieldError(f"ticket_priority {value!r} is not a Freshdesk priority")
    return found


def _kind(event: Mapping[str, Any]) -> EventKind:
    if event.get("ticket_action") == "created":
        return EventKind.CREATED
    for key, kind in (("status", EventKind.STATUS_CHANGED), ("priority", EventKind.PRIORITY_CHANGED),
                      ("note_type", EventKind.COMMENT_ADDED), ("reply_sent", EventKind.COMMENT_ADDED),
                      ("responder_id", EventKind.ASSIGNEE_CHANGED), ("group_id", EventKind.GROUP_CHANGED)):
        if key in event:
            return kind
    return EventKind.UPDATED


def delivery_id(ticket_id: str, body: bytes, payload: Mapping[str, Any], now: datetime | None) -> str:
    """Freshdesk sends no delivery id. A redelivery carries the very same body, so the id is a digest of it; with our
    advanced body that includes the ticket's updated_at, so two real events never share an id however alike they
    are. A body without a timestamp (the simple form, an older advanced body) also gets the REDELIVERY_WINDOW it
    arrived in: a duplicate sent at once is recognised, the same body minutes later is a new event."""
    material = ticket_id.encode() + b"\0" + body
    stamp = str(payload.get("ticket_updated_at") or "").strip()
    if (not stamp or "{{" in stamp) and now is not None:
        window = int(now.timestamp() // REDELIVERY_WINDOW.total_seconds())
        material += b"\0window:" + str(window).encode()
    return "sha256:" + hashlib.sha256(material).hexdigest()


def modified_on(text: Any) -> datetime | None:
    """`{{ticket.modified_on}}` as a time: Rails prints a UTC time "2026-12-07 10:00:00 UTC"; ISO 8601 is read too.
    None for anything else (an unrendered placeholder, a format we do not know): the event is then decided as usual.
    A guess from Rails' default Time#to_s; the sandbox renders it so."""
    value = str(text or "").strip()
    if value.endswith(" UTC"):
        value = value[:-4].replace(" ", "T") + "+00:00"
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def parse_webhook(headers: Mapping[str, str], body: bytes, *, secret: str | None, header_name: str,
                  custom_statuses: Mapping[int, Status],
                  now: datetime | None = None) -> list[TicketEvent]:
    """Authenticate, then parse. Raises only WebhookError subclasses, each naming its cause."""
    try:
        authenticate(headers, secret, header_name)
        data = load_json_object(body)
        payload = data.get("freshdesk_webhook")
        if not isinstance(payload, dict):
            raise UnknownEventError("not a Freshdesk webhook: the body has no 'freshdesk_webhook' object (see "
                                    "docs/freshdesk.md for the body to use)")
        raw_id = payload.get("ticket_id")
        if raw_id in (None, ""):
            raise MissingFieldError("missing field freshdesk_webhook.ticket_id")
        ticket_id = str(raw_id).strip()
        if not is_ascii_digits(ticket_id):
            raise InvalidFieldError(f"freshdesk_webhook.ticket_id {raw_id!r} is not a ticket id")
        event: dict[str, Any] = {}
        raw_type = "simple"
        if payload.get("triggered_event") not in (None, ""):
            triggered = str(payload["triggered_event"])
            event, unreadable = read_triggered_event(triggered)
            raw_type = triggered[:_SHOWN]
            if unreadable is not None:
                # The payload's other fields and the ticket, read again before deciding, say what changed; only
                # the event's kind is lost. The log line holds the ticket id and the text, never a header.
                log.warning("freshdesk webhook for ticket %s: triggered_event %r not understood (%s); taken as a "
                            "generic ticket update", ticket_id, triggered[:_SHOWN], unreadable[:_SHOWN])
                raw_type = "unreadable"
        status = status_from(payload.get("ticket_status"), custom_statuses)
        if isinstance(event.get("status"), dict) and event["status"].get("to"):
            status = status_from(event["status"]["to"], custom_statuses) or status
        priority = priority_from(payload.get("ticket_priority"))
        changes: dict[str, Any] = {"event": event, "status_label": payload.get("ticket_status"),
                                   "priority": priority.name.lower() if priority else None,
                                   "tags": [t.strip() for t in str(payload.get("ticket_tags") or "").split(",")
                                            if t.strip()]}
        # Never taken for our own change here: {{ticket.agent.email}} is the ticket's assignee, not who made the
        # change, and Freshdesk has no placeholder for the latter. The pipeline knows our own writes coming back by
        # the update time and the state they carry (plugin.service.echoes), without a read.
        return [TicketEvent(
            platform=PLATFORM, delivery_id=delivery_id(ticket_id, body, payload, now), ticket_id=ticket_id,
            kind=_kind(event),
            changes=changes, raw_type=raw_type, status=status,
            from_us=False, ticket_updated_at=modified_on(payload.get("ticket_updated_at")), priority=priority,
        )]
    except WebhookError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as exc:
        raise InvalidFieldError(f"malformed payload: {type(exc).__name__}") from None
