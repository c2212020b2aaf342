"""Webhook delivery the way Zendesk does it: asynchronously, signed, retried, recorded.

Event-subscription webhooks receive one `zen:event-type:ticket.*` envelope per changed aspect (ids as strings,
status and priority in upper case); trigger webhooks (`conditional_ticket_events`) receive the JSON body of every
active trigger whose conditions match, with placeholders rendered as plain text (not JSON-escaped, as Zendesk does).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import queue
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import requests

from adapters.sandbox.state import Change, SandboxState, stamp

EVENT_VERSION = "2022-11-06"


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """base64(HMAC-SHA256(secret as UTF-8, timestamp + body))."""
    digest = hmac.new(secret.encode(), timestamp.encode() + body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


@dataclass
class Invocation:
    webhook_id: str
    invocation_id: str
    payload: bytes
    headers: dict[str, str]
    attempts: int = 0
    status: int | None = None
    error: str | None = None
    delivered: bool = False
    at: list[float] = field(default_factory=list)

    def json(self) -> Any:
        return json.loads(self.payload)


def _stringify(ticket: dict[str, Any]) -> dict[str, Any]:
    """The `detail` of an event: ids as strings, enums upper-case, like Zendesk's event payloads."""
    def ident(value: Any) -> str | None:
        return None if value is None else str(value)

    return {
        "actor_id": None, "assignee_id": ident(ticket["assignee_id"]), "brand_id": ident(ticket["brand_id"]),
        "created_at": ticket["created_at"], "custom_status": None, "description": ticket["description"],
        "external_id": ticket["external_id"], "form_id": None, "group_id": ident(ticket["group_id"]),
        "id": str(ticket["id"]), "is_public": ticket["is_public"], "organization_id": ident(ticket["organization_id"]),
        "priority": (ticket["priority"] or "").upper() or None, "requester_id": ident(ticket["requester_id"]),
        "status": ticket["status"].upper(), "subject": ticket["subject"], "submitter_id": ident(ticket["submitter_id"]),
        "tags": list(ticket["tags"]), "type": (ticket["type"] or "").upper() or None,
        "updated_at": ticket["updated_at"], "via": {"channel": ticket["via"]["channel"]},
    }


def ticket_events(change: Change) -> list[tuple[str, dict[str, Any]]]:
    """(event type, event body) for each aspect the change touched."""
    after, before = change.after, change.before
    if before is None:
        return [("zen:event-type:ticket.created", {"current": {"status": after["status"].upper()}})]
    out: list[tuple[str, dict[str, Any]]] = []
    if before["status"] != after["status"]:
        out.append(("zen:event-type:ticket.status_changed",
                    {"current": after["status"].upper(), "previous": before["status"].upper()}))
    if before["priority"] != after["priority"]:
        out.append(("zen:event-type:ticket.priority_changed",
                    {"current": (after["priority"] or "").upper() or None,
                     "previous": (before["priority"] or "").upper() or None}))
    if before["tags"] != after["tags"]:
        out.append(("zen:event-type:ticket.tags_changed",
                    {"tags_added": [t for t in after["tags"] if t not in before["tags"]],
                     "tags_removed": [t for t in before["tags"] if t not in after["tags"]]}))
    if before["assignee_id"] != after["assignee_id"]:
        out.append(("zen:event-type:ticket.agent_assignment_changed",
                    {"current": {"id": str(after["assignee_id"]) if after["assignee_id"] else None},
                     "previous": {"id": str(before["assignee_id"]) if before["assignee_id"] else None}}))
    if before["group_id"] != after["group_id"]:
        out.append(("zen:event-type:ticket.group_assignment_changed",
                    {"current": {"id": str(after["group_id"]) if after["group_id"] else None},
                     "previous": {"id": str(before["group_id"]) if before["group_id"] else None}}))
    if change.comment is not None:
        out.append(("zen:event-type:ticket.comment_added", {"comment": {
            "id": str(change.comment["id"]), "body": change.comment["body"], "is_public": change.comment["public"],
            "author": {"id": str(change.comment["author_id"]), "is_staff": change.via_id == 5, "name": ""}}}))
    return out


_PLACEHOLDER = re.compile(r"\{\{\s*([a-zA-Z0-9_.]+)\s*\}\}")


def render_placeholders(template: str, ticket: dict[str, Any], actor_id: int | None, via_id: int) -> str:
    values = {
        "ticket.id": ticket["id"], "ticket.status": ticket["status"].capitalize(),
        "ticket.priority": (ticket["priority"] or "").capitalize(), "ticket.updated_at_with_timestamp":
            ticket["updated_at"], "ticket.tags": " ".join(ticket["tags"]), "ticket.via": "Web service" if via_id == 5
        else "Web Form", "current_user.id": actor_id or "", "ticket.requester.id": ticket["requester_id"],
        "ticket.title": ticket["subject"], "ticket.group.id": ticket["group_id"] or "",
        "ticket.assignee.id": ticket["assignee_id"] or "",
    }
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), "")), template)


def _condition_holds(condition: dict[str, Any], change: Change) -> bool:
    field_name, operator, value = condition.get("field"), condition.get("operator"), str(condition.get("value"))
    ticket = change.after
    if field_name == "update_type":
        actual = "Create" if change.before is None else "Change"
        return (actual == value) == (operator != "is_not")
    if field_name == "current_via_id":
        return (change.via_id == int(value)) == (operator == "is")
    if field_name == "current_user":  # the user who made the update (an API update: the user authenticated)
        return (str(change.actor_id) == value) == (operator == "is")
    if field_name == "status":
        order = ["new", "open", "pending", "hold", "solved", "closed"]
        if operator == "less_than":
            return order.index(ticket["status"]) < order.index(value)
        return bool(ticket["status"] == value) == (operator == "is")
    if field_name == "current_tags":
        wanted = set(str(value).split())
        return bool(wanted & set(ticket["tags"])) == (operator == "includes")
    return True


def matching_triggers(state: SandboxState, change: Change) -> list[tuple[str, str]]:
    """(webhook id, rendered body) of every active trigger that fires on this change."""
    out = []
    for trigger in list(state.triggers.values()):
        if not trigger.get("active", True):
            continue
        conditions = trigger.get("conditions") or {}
        all_ok = all(_condition_holds(c, change) for c in conditions.get("all", []))
        any_list = conditions.get("any", [])
        if not all_ok or (any_list and not any(_condition_holds(c, change) for c in any_list)):
            continue
        for action in trigger.get("actions", []):
            if action.get("field") == "notification_webhook":
                webhook_id, body = action["value"][0], action["value"][1]
                out.append((webhook_id, render_placeholders(body, change.after, change.actor_id, change.via_id)))
    return out


class Deliverer:
    """A background thread that posts queued invocations, retrying failures with a short backoff."""

    def __init__(self, state: SandboxState, *, retries: int = 3, retry_delay: float = 0.2, timeout: float = 5.0
                 ) -> None:
        self.state = state
        self.retries = retries
        self.retry_delay = retry_delay
        self.timeout = timeout
        self.invocations: list[Invocation] = []
        self._queue: queue.Queue[Invocation | None] = queue.Queue()
        self._pending = 0
        self._idle = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="sandbox-webhooks", daemon=True)
        self._session = requests.Session()
        self.stopped = False
        state.listeners.append(self.on_change)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.stopped = True
        self._queue.put(None)
        self._thread.join(timeout=5)
        self._session.close()

    def on_change(self, change: Change) -> None:
        if self.stopped:
            return
        for webhook in list(self.state.webhooks.values()):
            if webhook["status"] != "active":
                continue
            subscriptions = webhook["subscriptions"]
            if subscriptions == ["conditional_ticket_events"]:
                continue
            for event_type, event in ticket_events(change):
                if event_type in subscriptions:
                    detail = _stringify(change.after)
                    detail["actor_id"] = str(change.actor_id) if change.actor_id else None
                    envelope = {"account_id": self.state.account_id, "detail": detail, "event": event,
                                "id": str(uuid.uuid4()), "subject": f"zen:ticket:{change.ticket_id}",
                                "time": stamp(change.at), "type": event_type,
                                "zendesk_event_version": EVENT_VERSION}
                    self._enqueue(webhook["id"], json.dumps(envelope, indent=3).encode())
        for webhook_id, body in matching_triggers(self.state, change):
            target = self.state.webhooks.get(webhook_id)
            if target is not None and target["status"] == "active":
                self._enqueue(webhook_id, body.encode())

    def _enqueue(self, webhook_id: str, payload: bytes) -> None:
        invocation = Invocation(webhook_id, str(uuid.uuid4()), payload, {})
        with self._idle:
            self._pending += 1
            self.invocations.append(invocation)
        self._queue.put(invocation)

    def _run(self) -> None:
        while True:
            invocation = self._queue.get()
            if invocation is None:
                return
            try:
                self._deliver(invocation)
            finally:
                with self._idle:
                    self._pending -= 1
                    self._idle.notify_all()

    def _deliver(self, invocation: Invocation) -> None:
        webhook = self.state.webhooks.get(invocation.webhook_id)
        if webhook is None:
            invocation.error = "webhook deleted"
            return
        for attempt in range(1, self.retries + 2):
            if self.stopped:
                return
            timestamp = stamp(self.state.clock())
            secret = self.state.signing_secrets[invocation.webhook_id]
            headers = {
                "Content-Type": "application/json; charset=utf-8", "User-Agent": "Zendesk Webhook",
                "X-Zendesk-Account-Id": str(self.state.account_id), "X-Zendesk-Webhook-Id": invocation.webhook_id,
                "X-Zendesk-Webhook-Invocation-Id": invocation.invocation_id,
                "X-Zendesk-Webhook-Signature-Timestamp": timestamp,
                "X-Zendesk-Webhook-Signature": sign(secret, timestamp, invocation.payload),
            }
            invocation.headers = headers
            invocation.attempts = attempt
            invocation.at.append(time.monotonic())
            try:
                reply = self._session.request(webhook["http_method"], webhook["endpoint"], data=invocation.payload,
                                              headers=headers, timeout=self.timeout)
                invocation.status = reply.status_code
                if 200 <= reply.status_code < 300:
                    invocation.delivered = True
                    return
                invocation.error = f"HTTP {reply.status_code}"
            except requests.RequestException as exc:
                invocation.error = type(exc).__name__
            time.sleep(self.retry_delay * attempt)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every queued delivery is done (delivered or given up)."""
        deadline = time.monotonic() + timeout
        with self._idle:
            while self._pending:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._idle.wait(remaining)
        return True
