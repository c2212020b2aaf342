"""The Freshdesk adapter: a thin client of our own on requests + tenacity (python-freshdesk is unmaintained and does
not retry).

A decision costs at most two writes: `PUT /api/v2/tickets/{id}` (priority, status, group, agent, and the tags, which
Freshdesk replaces wholesale: read, merge, write) and `POST /api/v2/tickets/{id}/notes` with `private: true`. Before
writing tags it re-reads the ticket and refuses to overwrite one that changed since the decision (ConflictError: the
caller re-reads and re-decides). A 429 surfaces at once as RetryAfterError; writes are never replayed blindly.
"""

from __future__ import annotations

import html
import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

import requests
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from adapters.base import (
    ApplyRequest,
    ApplyResult,
    ConflictError,
    ExportPage,
    HelpdeskAdapter,
    HelpdeskError,
    InstallResult,
    NotFoundError,
    PermanentError,
    RetryAfterError,
    SatisfactionRating,
    TransientError,
    note_marker,
)
from adapters.freshdesk_webhooks import ADVANCED_BODY, STATUS_NUMBERS, parse_webhook, status_from
from plugin.config import EscalatorConfig, FreshdeskConfig
from plugin.domain import (
    Comment,
    Customer,
    Priority,
    Status,
    Ticket,
    TicketChanges,
    TicketEvent,
    TicketSummary,
)

log = logging.getLogger(__name__)
PRIORITY_FROM = {1: Priority.LOW, 2: Priority.MEDIUM, 3: Priority.HIGH, 4: Priority.CRITICAL}
PRIORITY_TO = {value: key for key, value in PRIORITY_FROM.items()}
STATUS_TO = {Status.NEW: 2, Status.OPEN: 2, Status.PENDING: 3, Status.ON_HOLD: 3, Status.SOLVED: 4, Status.CLOSED: 5}
INSTALL_NAME = "helpdesk-escalator"
DEFAULT_RETRY_AFTER = 60.0
AUTOMATION_TYPES = {1: "ticket creation", 4: "ticket updates"}


def when(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _id(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


class FreshdeskAdapter(HelpdeskAdapter):
    name = "freshdesk"

    def __init__(self, settings: FreshdeskConfig, *, session: requests.Session | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self.base = (settings.base_url or f"https://{settings.domain}.freshdesk.com").rstrip("/") + "/api/v2"
        self._given_session = session
        self._local = threading.local()
        self._sleep = sleep
        self.rate_limit_remaining: int | None = None
        self.custom_statuses: dict[int, Status] = dict(settings.custom_statuses)

    @classmethod
    def from_config(cls, config: EscalatorConfig, **options: Any) -> FreshdeskAdapter:
        return cls(config.freshdesk, **options)

    def __repr__(self) -> str:
        return f"FreshdeskAdapter({self.base!r})"

    # ---------------------------------------------------------------- inbound

    def parse_webhook(self, headers: Mapping[str, str], body: bytes, *, now: datetime) -> list[TicketEvent]:
        secret = self.settings.webhook_secret.get_secret_value() if self.settings.webhook_secret else None
        return parse_webhook(headers, body, secret=secret, header_name=self.settings.webhook_header,
                             custom_statuses=self.custom_statuses, own_agent_email=self.settings.agent_email,
                             now=now)

    # ---------------------------------------------------------------- HTTP

    @property
    def session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            if self.settings.api_key is None:
                raise PermanentError("no Freshdesk API key: set ESCALATOR_FRESHDESK__API_KEY")
            session = self._given_session or requests.Session()
            session.auth = (self.settings.api_key.get_secret_value(), "X")
            session.headers.update({"Accept": "application/json", "User-Agent": "helpdesk-escalator"})
            self._local.session = session
        return session

    def _request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        url = path if path.startswith("http") else f"{self.base}{path}"
        try:
            response = self.session.request(method, url, timeout=self.settings.timeout, **kwargs)
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise TransientError(f"Freshdesk unreachable: {type(exc).__name__}") from None
        remaining = response.headers.get("X-RateLimit-Remaining")  # requests' headers are case-insensitive
        if remaining is not None and remaining.isdigit():
            self.rate_limit_remaining = int(remaining)
        if response.status_code == 429:
            raw = response.headers.get("Retry-After")
            usable = bool(raw) and str(raw).replace(".", "", 1).isdigit()
            seconds = float(str(raw)) if usable else DEFAULT_RETRY_AFTER
            note = "" if usable else f" (no usable Retry-After; default {seconds:g}s)"
            raise RetryAfterError(seconds, f"Freshdesk rate limit on {method} {path.split('?')[0]}; retry after "
                                           f"{seconds:g}s{note}")
        if response.status_code >= 400:
            raise self._error(response, method, path)
        return response

    @staticmethod
    def _error(response: requests.Response, method: str, path: str) -> HelpdeskError:
        """Freshdesk's error body ({description, errors[{field, message, code}]}) as a message; never headers."""
        try:
            data = response.json()
            details = "; ".join(f"{e.get('field') or '-'}: {e.get('message')} ({e.get('code')})"
                                for e in data.get("errors") or [])
            message = f"{data.get('description') or data.get('message') or ''} {details}".strip()
        except ValueError:
            message = ""
        text = f"Freshdesk answered {response.status_code} to {method} {path.split('?')[0]}: {message}".rstrip(": ")
        status = response.status_code
        if status == 404:
            return NotFoundError(text)
        if status == 409:
            return ConflictError(text)
        if status >= 500:
            return TransientError(text)
        return PermanentError(text)

    def _get(self, path: str, **params: Any) -> Any:
        for attempt in Retrying(retry=retry_if_exception_type(TransientError), stop=stop_after_attempt(3),
                                wait=wait_exponential(multiplier=0.2, max=2), sleep=self._sleep, reraise=True):
            with attempt:
                return self._request("GET", path, params=params or None).json()
        raise AssertionError("unreachable")  # pragma: no cover

    # ---------------------------------------------------------------- mapping

    def _ticket(self, data: Mapping[str, Any], comments: tuple[Comment, ...] = (), loaded: bool = True) -> Ticket:
        return Ticket(
            platform="freshdesk", id=str(data["id"]), subject=data.get("subject") or "",
            status=status_from(data.get("status"), self.custom_statuses) or Status.OPEN,
            created_at=when(data["created_at"]), updated_at=when(data["updated_at"]),
            priority=PRIORITY_FROM.get(int(data["priority"])) if data.get("priority") else None,
            tags=frozenset(data.get("tags") or ()), description=data.get("description_text") or "",
            group_id=_id(data.get("group_id")), assignee_id=_id(data.get("responder_id")),
            requester_id=_id(data.get("requester_id")), organization_id=_id(data.get("company_id")),
            ticket_type=data.get("type"), channel=str(data.get("source") or "") or None,
            url=self.base.removesuffix("/api/v2") + f"/a/tickets/{data['id']}", raw_status=str(data.get("status")),
            custom_fields=dict(data.get("custom_fields") or {}), comments=comments, version=data.get("updated_at"),
            comments_loaded=loaded,
        )

    @staticmethod
    def _comment(item: Mapping[str, Any]) -> Comment:
        """`incoming` marks what came from the customer; everything else (replies, notes) is from the support side."""
        return Comment(
            id=str(item["id"]), body=item.get("body_text") or html.unescape(item.get("body") or ""),
            public=not item.get("private", False), created_at=when(item["created_at"]),
            author_id=_id(item.get("user_id")), by_agent=not item.get("incoming", False),
            attachments=tuple(a["attachment_url"] for a in item.get("attachments") or () if a.get("attachment_url")),
        )

    # ---------------------------------------------------------------- reads

    def _conversations(self, ticket_id: str) -> tuple[Comment, ...]:
        items: list[dict[str, Any]] = []
        page = 1
        while True:
            batch = self._get(f"/tickets/{int(ticket_id)}/conversations", per_page=100, page=page)
            items.extend(batch)
            if len(batch) < 100:
                return tuple(sorted((self._comment(i) for i in items), key=lambda c: c.created_at))
            page += 1

    def get_ticket(self, ticket_id: str) -> Ticket:
        data = self._get(f"/tickets/{int(ticket_id)}", include="requester,stats")
        return self._ticket(data, self._conversations(ticket_id))

    def get_tickets(self, ticket_ids: Sequence[str]) -> list[Ticket]:
        """Freshdesk has no show_many: one read per ticket."""
        out = []
        for ticket_id in ticket_ids:
            try:
                out.append(self._ticket(self._get(f"/tickets/{int(ticket_id)}"), loaded=False))
            except NotFoundError:
                continue
        return out

    def get_customer(self, requester_id: str) -> Customer:
        contact = self._get(f"/contacts/{int(requester_id)}")
        company: dict[str, Any] = {}
        if contact.get("company_id"):
            try:
                company = self._get(f"/companies/{int(contact['company_id'])}")
            except NotFoundError:
                company = {}
        fields: dict[str, Any] = dict(company.get("custom_fields") or {})
        if company.get("account_tier"):
            fields.setdefault("account_tier", company["account_tier"])
        fields.update({k: v for k, v in (contact.get("custom_fields") or {}).items() if v not in (None, "")})
        return Customer(
            id=str(contact["id"]), name=contact.get("name") or "", email=contact.get("email"),
            locale=contact.get("language"), organization_id=_id(contact.get("company_id")),
            organization_name=company.get("name"), tags=frozenset(contact.get("tags") or ()) | frozenset(
                company.get("tags") or ()), fields=fields)

    def requester_tickets(self, requester_id: str, since: datetime) -> list[TicketSummary]:
        items = self._get("/tickets", requester_id=int(requester_id), per_page=100,
                          updated_since=since.strftime("%Y-%m-%dT%H:%M:%SZ"))
        return [TicketSummary(str(t["id"]), t.get("subject") or "", when(t["created_at"]),
                              status_from(t.get("status"), self.custom_statuses) or Status.OPEN,
                              frozenset(t.get("tags") or ())) for t in items if when(t["created_at"]) >= since]

    def open_tickets(self) -> Iterator[Ticket]:
        for page in range(1, 11):  # Freshdesk search stops at 10 pages of 30
            data = self._get("/search/tickets", query='"status:2 OR status:3"', page=page)
            results = data.get("results") or []
            for item in results:
                yield self._ticket(item, loaded=False)
            if len(results) < 30:
                return

    def export_tickets(self, since: datetime, cursor: str | None = None) -> ExportPage:
        page = int(cursor or 1)
        items = self._get("/tickets", updated_since=since.strftime("%Y-%m-%dT%H:%M:%SZ"), order_by="updated_at",
                          order_type="asc", per_page=100, page=page)
        tickets = tuple(self._ticket(t, loaded=False) for t in items)
        end = len(items) < 100
        return ExportPage(tickets, None if end else str(page + 1), end)

    def satisfaction_ratings(self, since: datetime) -> Iterator[SatisfactionRating]:
        items = self._get("/surveys/satisfaction_ratings", created_since=since.strftime("%Y-%m-%dT%H:%M:%SZ"))
        for item in items:
            value = (item.get("ratings") or {}).get("default_question")
            score = int(value) if isinstance(value, int | float) else 0
            yield SatisfactionRating(str(item["ticket_id"]), str(score), score > 0, when(item["created_at"]))

    # ---------------------------------------------------------------- writes

    def _ticket_body(self, ticket: Ticket, changes: TicketChanges) -> dict[str, Any]:
        body: dict[str, Any] = {}
        if changes.priority is not None:
            body["priority"] = PRIORITY_TO[changes.priority]
        if changes.status is not None:
            body["status"] = STATUS_TO[changes.status]
        if changes.group_id is not None:
            body["group_id"] = int(changes.group_id)
        if changes.assignee_id is not None:
            body["responder_id"] = int(changes.assignee_id)
        elif changes.clear_assignee:
            body["responder_id"] = None
        if changes.add_tags or changes.remove_tags:
            body["tags"] = sorted((ticket.tags - changes.remove_tags) | changes.add_tags)
        return body

    def _landed_fields(self, ticket_id: str, body: Mapping[str, Any]) -> bool:
        fresh = self._get(f"/tickets/{int(ticket_id)}")
        return all(sorted(fresh.get(k) or []) == v if k == "tags" else fresh.get(k) == v for k, v in body.items())

    def _has_marker(self, ticket_id: str, marker: str) -> bool:
        return any(marker in c.body for c in self._conversations(ticket_id))

    def apply(self, request: ApplyRequest) -> ApplyResult:
        ticket, changes = request.ticket, request.changes
        ticket_id = ticket.id
        marker = note_marker(request.idempotency_key)
        writes = 0
        body = self._ticket_body(ticket, changes)
        if body:
            if "tags" in body:
                fresh = self._get(f"/tickets/{int(ticket_id)}")
                if ticket.version and fresh.get("updated_at") != ticket.version:
                    raise ConflictError(f"Freshdesk ticket {ticket_id} changed since the decision (updated "
                                        f"{fresh.get('updated_at')}): its tags would be overwritten")
            try:
                writes += 1
                self._request("PUT", f"/tickets/{int(ticket_id)}", json=body)
            except TransientError as exc:
                if not self._landed_fields(ticket_id, body):
                    raise TransientError(f"{exc}; the ticket shows the update did not land") from None
        already = any(marker in c.body for c in ticket.comments)
        for text, path, extra in ((changes.internal_note, "notes", {"private": True}),
                                  (changes.public_reply, "reply", {})):
            if text is None or already:
                continue
            html_body = html.escape(f"{text.rstrip()}\n\n{marker}").replace("\n", "<br>")
            try:
                writes += 1
                self._request("POST", f"/tickets/{int(ticket_id)}/{path}", json={"body": html_body, **extra})
            except TransientError as exc:
                if not self._has_marker(ticket_id, marker):
                    raise TransientError(f"{exc}; the ticket shows the note did not land") from None
        return ApplyResult(ticket_id, True, write_requests=writes,
                           note_already_present=already and changes.internal_note is not None)

    def apply_many(self, requests_: Sequence[ApplyRequest]) -> list[ApplyResult]:
        """One by one (bulk_update is asynchronous and cannot carry notes); stops at a rate limit."""
        results = []
        for request in requests_:
            try:
                results.append(self.apply(request))
            except RetryAfterError:
                raise
            except HelpdeskError as exc:
                results.append(ApplyResult(request.ticket.id, False, error=exc))
        return results

    # ---------------------------------------------------------------- install

    def install(self, callback_url: str, secret: str) -> InstallResult:
        rule_ids, created = [], False
        for automation_type in AUTOMATION_TYPES:
            rule: dict[str, Any] = {
                "name": INSTALL_NAME, "active": True, "position": 1,
                "conditions": [{"name": "condition_set_1", "match_type": "all", "properties": [
                    {"resource_type": "ticket", "field_name": "status", "operator": "in", "value": [2, 3]}]}],
                "actions": [{"field_name": "trigger_webhook", "request_type": "POST", "url": callback_url,
                             "content_type": "JSON", "content_layout": 2, "content": ADVANCED_BODY,
                             "custom_headers": {self.settings.webhook_header: secret}}],
            }
            if automation_type == 4:
                rule["performer"] = {"type": 1}
                rule["events"] = [{"field_name": field} for field in ("status", "priority", "note_type",
                                                                      "reply_sent", "responder_id", "group_id")]
            existing = [r for r in self._get(f"/automations/{automation_type}/rules") if r.get("name") ==
                        INSTALL_NAME]
            if existing:
                rule_id = existing[0]["id"]
                self._request("PUT", f"/automations/{automation_type}/rules/{rule_id}", json=rule)
            else:
                rule_id = self._request("POST", f"/automations/{automation_type}/rules", json=rule).json()["id"]
                created = True
            rule_ids.append(str(rule_id))
        return InstallResult(webhook_id=callback_url, rule_ids=tuple(rule_ids), created=created)


__all__ = ["STATUS_NUMBERS", "FreshdeskAdapter"]
