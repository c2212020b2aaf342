"""Webhook delivery the way Zendesk does it: asynchronously, signed, retried, recorded.

Event-subscription webhooks receive one `zen:event-type:ticket.*` envelope per changed aspect (ids as strings,
status and priority in upper case); trigger webhooks (`conditional_ticket_events`) receive the JSON body of every
active trigger whose conditions match, with placeholders rendered as plain text (not JSON-escaped, as Zendesk does).
"""

from __future__ import annotations

import base64
import hashlib
import heapq
import hmac
import itertools
import json
import random
import re
import threading
import time
import uuid
from collections.abc import Callable
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
    """One webhook event for one endpoint. Every delivery of it (retries, and the copies a redelivery switch sends)
    carries the same invocation id and payload."""

    webhook_id: str
    invocation_id: str
    payload: bytes
    headers: dict[str, str]
    attempts: int = 0
    status: int | None = None
    error: str | None = None
    delivered: bool = False
    at: list[float] = field(default_factory=list)  # time.monotonic() of each attempt
    ticket_id: int | None = None
    created: float = 0.0  # time.monotonic() when the change happened
    delivered_at: float | None = None  # the first 2xx answer
    answers: list[tuple[float, int | None]] = field(default_factory=list)  # (when, status or None: no answer)

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


def ticket_events(change: Change, staff: Callable[[Any], bool] = lambda author: False
                  ) -> list[tuple[str, dict[str, Any]]]:
    """(event type, event body) for each aspect the change touched; `staff` says whether a comment's author is an
    agent or admin (the comment's `author.is_staff`)."""
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
            "author": {"id": str(change.comment["author_id"]), "is_staff": staff(change.comment["author_id"]),
                       "name": ""}}}))
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


@dataclass(order=True)
class _Delivery:
    due: float
    seq: int
    invocation: Invocation = field(compare=False)
    tries: int = field(default=0, compare=False)  # attempts of this copy so far
    first: float = field(default=0.0, compare=False)


class PendingDeliveries:
    """What both sandboxes' deliverers share: a count of the deliveries not done yet, under a condition, so a test
    can wait for them. A deliverer sets `_pending` and `_cond` and notifies when the count falls."""

    _pending: int
    _cond: threading.Condition

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every queued delivery is done (delivered or given up)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._pending:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._cond.wait(remaining)
        return True

    def pending(self) -> int:
        """Deliveries not done yet (waiting for their time, in flight, or waiting to be resent)."""
        with self._cond:
            return self._pending


class Deliverer(PendingDeliveries):
    """Background threads that post queued invocations, retrying failures with a short backoff.

    By default one thread delivers in order and an invocation is given up after `retries` quick retries. Switches
    for fault tests: `workers` threads deliver concurrently; `resend_for` keeps resending what did not get a 2xx
    (every `resend_interval`, for that many seconds) after the quick retries, as a helpdesk does once the endpoint
    is back; `redeliver(copies, spread)` sends every invocation several times, each copy at a random moment within
    `spread` seconds, so events arrive duplicated and out of order.
    """

    def __init__(self, state: SandboxState, *, retries: int = 3, retry_delay: float = 0.2, timeout: float = 5.0,
                 workers: int = 1, resend_for: float | None = None, resend_interval: float = 1.0) -> None:
        self.state = state
        self.retries = retries
        self.retry_delay = retry_delay
        self.timeout = timeout
        self.resend_for = resend_for
        self.resend_interval = resend_interval
        self.copies = 1
        self.spread = 0.0
        self.invocations: list[Invocation] = []
        self.before_send: list[Callable[[Invocation], None]] = []  # observers, called in the delivering thread
        self._random = random.Random(0)
        self._heap: list[_Delivery] = []
        self._seq = itertools.count()
        self._pending = 0
        self._cond = threading.Condition()
        self._threads = [threading.Thread(target=self._run, name=f"sandbox-webhooks-{i}", daemon=True)
                         for i in range(max(workers, 1))]
        self._local = threading.local()
        self.stopped = False
        state.listeners.append(self.on_change)

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        with self._cond:
            self.stopped = True
            self._cond.notify_all()
        for thread in self._threads:
            if thread.is_alive():
                thread.join(timeout=5)

    def redeliver(self, copies: int = 3, spread: float = 1.0, *, seed: int = 0) -> None:
        """From now on, send every invocation `copies` times, each copy at a random moment within `spread` seconds
        of the change (1 copy, 0 spread: back to normal)."""
        with self._cond:
            self.copies, self.spread = max(copies, 1), max(spread, 0.0)
            self._random = random.Random(seed)

    def on_change(self, change: Change) -> None:
        if self.stopped:
            return
        for webhook in list(self.state.webhooks.values()):
            if webhook["status"] != "active":
                continue
            subscriptions = webhook["subscriptions"]
            if subscriptions == ["conditional_ticket_events"]:
                continue
            for event_type, event in ticket_events(change, self._staff):
                if event_type in subscriptions:
                    detail = _stringify(change.after)
                    detail["actor_id"] = str(change.actor_id) if change.actor_id else None
                    envelope = {"account_id": self.state.account_id, "detail": detail, "event": event,
                                "id": str(uuid.uuid4()), "subject": f"zen:ticket:{change.ticket_id}",
                                "time": stamp(change.at), "type": event_type,
                                "zendesk_event_version": EVENT_VERSION}
                    self._enqueue(webhook["id"], json.dumps(envelope, indent=3).encode(), change.ticket_id)
        for webhook_id, body in matching_triggers(self.state, change):
            target = self.state.webhooks.get(webhook_id)
            if target is not None and target["status"] == "active":
                self._enqueue(webhook_id, body.encode(), change.ticket_id)

    def _staff(self, author_id: Any) -> bool:
        user = self.state.users.get(author_id) if isinstance(author_id, int) else None
        return user is not None and user.get("role") in ("agent", "admin")

    def _enqueue(self, webhook_id: str, payload: bytes, ticket_id: int | None = None) -> None:
        now = time.monotonic()
        invocation = Invocation(webhook_id, str(uuid.uuid4()), payload, {}, ticket_id=ticket_id, created=now)
        with self._cond:
            self.invocations.append(invocation)
            for _ in range(self.copies):
                due = now + (self._random.uniform(0, self.spread) if self.spread else 0.0)
                self._push(_Delivery(due, next(self._seq), invocation, first=now))
                self._pending += 1
            self._cond.notify_all()

    def _push(self, delivery: _Delivery) -> None:
        heapq.heappush(self._heap, delivery)

    def _next(self) -> _Delivery | None:
        with self._cond:
            while not self.stopped:
                if self._heap:
                    wait = self._heap[0].due - time.monotonic()
                    if wait <= 0:
                        return heapq.heappop(self._heap)
                    self._cond.wait(wait)
                else:
                    self._cond.wait()
            return None

    def _run(self) -> None:
        while True:
            delivery = self._next()
            if delivery is None:
                return
            again: float | None = None
            try:
                again = self._attempt(delivery)
            finally:
                with self._cond:
                    if again is not None and not self.stopped:
                        delivery.due = again
                        delivery.seq = next(self._seq)
                        self._push(delivery)
                    else:
                        self._pending -= 1
                    self._cond.notify_all()

    def _attempt(self, delivery: _Delivery) -> float | None:
        """Post one copy once; the time to try it again, or None when it is done (delivered or given up)."""
        invocation = delivery.invocation
        webhook = self.state.webhooks.get(invocation.webhook_id)
        if webhook is None:
            invocation.error = "webhook deleted"
            return None
        delivery.tries += 1
        timestamp = stamp(self.state.clock())
        secret = self.state.signing_secrets[invocation.webhook_id]
        headers = {
            "Content-Type": "application/json; charset=utf-8", "User-Agent": "Zendesk Webhook",
            "X-Zendesk-Account-Id": str(self.state.account_id), "X-Zendesk-Webhook-Id": invocation.webhook_id,
            "X-Zendesk-Webhook-Invocation-Id": invocation.invocation_id,
            "X-Zendesk-Webhook-Signature-Timestamp": timestamp,
            "X-Zendesk-Webhook-Signature": sign(secret, timestamp, invocation.payload),
        }
        with self._cond:
            invocation.headers = headers
            invocation.attempts += 1
            invocation.at.append(time.monotonic())
        for observer in list(self.before_send):
            observer(invocation)
        status: int | None = None
        try:
            reply = self._session().request(webhook["http_method"], webhook["endpoint"], data=invocation.payload,
                                            headers=headers, timeout=self.timeout)
            status = reply.status_code
        except requests.RequestException as exc:
            invocation.error = type(exc).__name__
        now = time.monotonic()
        with self._cond:
            invocation.answers.append((now, status))
            if status is not None:
                invocation.status = status
                if 200 <= status < 300:
                    invocation.delivered = True
                    if invocation.delivered_at is None:
                        invocation.delivered_at = now
                    return None
                invocation.error = f"HTTP {status}"
        if delivery.tries <= self.retries:
            return now + self.retry_delay * delivery.tries
        if self.resend_for is not None and now - delivery.first < self.resend_for:
            return now + self.resend_interval
        return None

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
        return session

