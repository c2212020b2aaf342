"""The Freshdesk sandbox's "Trigger webhook" actions: when an automation rule fires on a ticket change (rules.py),
its body is rendered and posted to the rule's URL by a background thread, with the rule's custom headers (the shared
secret the escalator checks) and basic auth when the rule has some, `User-Agent: Freshdesk`.

Rendering follows Freshdesk's: placeholders are display labels (`{{ticket.status}}` "Pending", `{{ticket.priority}}`
"High", `{{ticket.tags}}` "a, b"), `{{ticket.modified_on}}` is the ticket's updated_at as Rails prints a time
("2026-11-23 09:00:00 UTC"), and in a JSON body every value is JSON-escaped without quotes (the template holds the
quotes). The simple layout (1) sends `{"freshdesk_webhook": {<checked fields>}}`.

Delivery: a 2xx ends it; a 3xx is not retried (as Freshdesk's worker); anything else (4xx, 5xx, no answer) is retried
`retries` times, `retry_delay` x attempt seconds apart (Freshdesk: 5 min, 30 min, 1 h).
"""

from __future__ import annotations

import base64
import heapq
import itertools
import json
import re
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from typing import Any

import requests

from adapters.sandbox.freshdesk.errors import NotFound
from adapters.sandbox.freshdesk.fields import PRIORITY_NAMES, SOURCE_NAMES
from adapters.sandbox.freshdesk.rules import triggered_event
from adapters.sandbox.freshdesk.state import Change, FreshdeskState, parse_stamp
from adapters.sandbox.webhooks import Invocation, PendingDeliveries

_PLACEHOLDER = re.compile(r"\{\{\s*([a-zA-Z0-9_.]+)\s*\}\}")
_SIMPLE = {"ticket_requester_email": "ticket.requester.email", "ticket_requester_name": "ticket.requester.name",
           "ticket_agent_email": "ticket.agent.email", "ticket_agent_name": "ticket.agent.name",
           "ticket_group_name": "ticket.group.name", "ticket_company_name": "ticket.company.name",
           "ticket_contact_email": "ticket.requester.email", "triggered_event": "triggered_event"}
CONTENT_TYPES = {"JSON": "application/json", "XML": "application/xml",
                 "X-FORM-URLENCODED": "application/x-www-form-urlencoded"}


def placeholder_values(state: FreshdeskState, ticket: Mapping[str, Any], event: str) -> dict[str, str]:
    def person(user_id: Any) -> dict[str, Any]:
        try:
            return state.person(int(user_id)) if user_id else {}
        except NotFound:  # someone since deleted: the placeholder is empty
            return {}

    requester, agent = person(ticket.get("requester_id")), person(ticket.get("responder_id"))
    group = state.groups.get(ticket.get("group_id") or -1) or {}
    company = state.companies.get(ticket.get("company_id") or -1) or {}
    due = ticket.get("due_by")
    values = {
        "ticket.id": str(ticket["id"]), "ticket.subject": str(ticket.get("subject") or ""),
        "ticket.description": str(ticket.get("description") or ""),
        "ticket.status": state.statuses.get(int(ticket["status"]), str(ticket["status"])),
        "ticket.priority": PRIORITY_NAMES.get(int(ticket["priority"]), ""),
        "ticket.source": SOURCE_NAMES.get(int(ticket["source"]), ""), "ticket.ticket_type": ticket.get("type") or "",
        "ticket.tags": ", ".join(ticket.get("tags") or []),
        "ticket.modified_on": parse_stamp(str(ticket["updated_at"])).strftime("%Y-%m-%d %H:%M:%S UTC"),
        "ticket.created_on": parse_stamp(str(ticket["created_at"])).strftime("%Y-%m-%d %H:%M:%S UTC"),
        "ticket.url": f"https://{state.domain}.freshdesk.com/helpdesk/tickets/{ticket['id']}",
        "ticket.due_by_time": parse_stamp(due).strftime("%B %e %Y at %I:%M %p") if due else "",
        "ticket.requester.email": requester.get("email") or "", "ticket.requester.name": requester.get("name") or "",
        "ticket.agent.email": agent.get("email") or "", "ticket.agent.name": agent.get("name") or "",
        "ticket.group.name": group.get("name") or "", "ticket.company.name": company.get("name") or "",
        "triggered_event": event}
    for name, value in (ticket.get("custom_fields") or {}).items():
        values[f"ticket.{name}"] = "" if value is None else str(value)
    return values


def render(action: Mapping[str, Any], values: Mapping[str, str]) -> bytes:
    if action.get("request_type") in ("GET", "DELETE"):
        return b""
    json_body = action.get("content_type") == "JSON"
    if str(action.get("content_layout")) == "1":
        fields = {key: values.get(_SIMPLE.get(key, key.replace("ticket_", "ticket.", 1)), "")
                  for key in action.get("content") or []}
        return json.dumps({"freshdesk_webhook": fields}).encode()

    def one(match: re.Match[str]) -> str:
        value = values.get(match.group(1), "")
        return json.dumps(value)[1:-1] if json_body else value

    return _PLACEHOLDER.sub(one, str(action.get("content") or "")).encode()


def headers_for(action: Mapping[str, Any]) -> dict[str, str]:
    headers = {"Accept": "application/json", "User-Agent": "Freshdesk",
               "Content-Type": CONTENT_TYPES.get(str(action.get("content_type")), "application/json")}
    auth = action.get("auth_header") or {}
    if auth.get("api_key") or auth.get("username"):
        user, password = (auth["api_key"], "X") if auth.get("api_key") else (auth["username"],
                                                                           auth.get("password") or "")
        headers["Authorization"] = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
    headers.update({str(k): str(v) for k, v in (action.get("custom_headers") or {}).items()})
    return headers


class Deliverer(PendingDeliveries):
    """Runs the rules on each change and posts what they send from a background thread, retrying failures."""

    def __init__(self, state: FreshdeskState, *, retries: int = 3, retry_delay: float = 0.2,
                 timeout: float = 5.0) -> None:
        self.state, self.retries, self.retry_delay, self.timeout = state, retries, retry_delay, timeout
        self.invocations: list[Invocation] = []
        self.before_send: list[Callable[[Invocation], None]] = []
        self._targets: dict[str, tuple[str, str]] = {}  # invocation id -> (method, url)
        self._heap: list[tuple[float, int, Invocation]] = []
        self._seq = itertools.count()
        self._pending = 0
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="freshdesk-sandbox-webhooks", daemon=True)
        self._session = requests.Session()
        self.stopped = False
        state.listeners.append(self.on_change)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        with self._cond:
            self.stopped = True
            self._cond.notify_all()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def on_change(self, change: Change) -> None:
        if self.stopped:
            return
        with self.state.lock:
            rules = sorted((r for t in (1, 4) for r in self.state.rules[t].values()),
                           key=lambda r: (r["automation_type_id"], r.get("position") or 0, r["id"]))
            fired = [(rule, event) for rule in rules if (event := triggered_event(rule, change)) is not None]
            values = {rule["id"]: placeholder_values(self.state, change.after, event) for rule, event in fired}
        for rule, _event in fired:
            for action in rule.get("actions") or []:
                if action.get("field_name") == "trigger_webhook":
                    self._enqueue(f"{rule['automation_type_id']}:{rule['id']}", action, values[rule["id"]],
                                  change.ticket_id)

    def _enqueue(self, rule_key: str, action: Mapping[str, Any], values: Mapping[str, str], ticket_id: int) -> None:
        now = time.monotonic()
        invocation = Invocation(rule_key, str(uuid.uuid4()), render(action, values), headers_for(action),
                                ticket_id=ticket_id, created=now)
        with self._cond:
            self.invocations.append(invocation)
            self._targets[invocation.invocation_id] = (str(action["request_type"]), str(action["url"]))
            heapq.heappush(self._heap, (now, next(self._seq), invocation))
            self._pending += 1
            self._cond.notify_all()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self.stopped and (not self._heap or self._heap[0][0] > time.monotonic()):
                    self._cond.wait(max(self._heap[0][0] - time.monotonic(), 0.001) if self._heap else None)
                if self.stopped:
                    return
                _, _, invocation = heapq.heappop(self._heap)
            again = self._attempt(invocation)
            with self._cond:
                if again is not None and not self.stopped:
                    heapq.heappush(self._heap, (again, next(self._seq), invocation))
                else:
                    self._pending -= 1
                self._cond.notify_all()

    def _attempt(self, invocation: Invocation) -> float | None:
        """Post once; the time to try again, or None when done (delivered, redirected, or out of retries)."""
        method, url = self._targets[invocation.invocation_id]
        with self._cond:
            invocation.attempts += 1
            invocation.at.append(time.monotonic())
        for observer in list(self.before_send):
            observer(invocation)
        status: int | None = None
        try:
            reply = self._session.request(method, url, data=invocation.payload or None, headers=invocation.headers,
                                          timeout=self.timeout, allow_redirects=False)
            status = reply.status_code
        except requests.RequestException as exc:
            invocation.error = type(exc).__name__
        now = time.monotonic()
        with self._cond:
            invocation.answers.append((now, status))
            if status is not None:
                invocation.status = status
                if 200 <= status < 300:
                    invocation.delivered, invocation.error = True, None
                    invocation.delivered_at = invocation.delivered_at or now
                    return None
                invocation.error = f"HTTP {status}"
                if 300 <= status < 400:
                    return None
        if invocation.attempts <= self.retries:
            return now + self.retry_delay * invocation.attempts
        return None
