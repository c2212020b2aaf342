"""The Freshdesk adapter: a thin client of our own on requests + tenacity (python-freshdesk is unmaintained and does
not retry).

A decision costs at most two writes: `PUT /api/v2/tickets/{id}` (priority, status, group, agent, and the tags, which
Freshdesk replaces wholesale: read, merge, write) and `POST /api/v2/tickets/{id}/notes` with `private: true`; a public
reply and a linked task (a child ticket) are one write each more. Before writing tags it re-reads the ticket and
refuses to overwrite one that changed since the decision (ConflictError: the caller re-reads and re-decides). A 429
surfaces at once as RetryAfterError. The adapter writes what it is asked and reports the parts its answers confirmed
(an update that landed before its note failed, say); what landed when an answer is lost is the ledger's question
(plugin/ledger.py), answered from a read-back by the pipeline, never here.
"""

from __future__ import annotations

import hashlib
import html
import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

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
    Part,
    PermanentError,
    RetryAfterError,
    SatisfactionRating,
    SlaImport,
    TransientError,
    is_ascii_digits,
    note_marker,
    task_link,
    with_marker,
)
from adapters.budget_gate import gate_session
from adapters.freshdesk_history import timeline_from_conversations
from adapters.freshdesk_sla import translate as translate_sla
from adapters.freshdesk_webhooks import ADVANCED_BODY, STATUS_NUMBERS, parse_webhook, status_from
from adapters.markers import references_in_html, reply_html, with_hidden_references
from adapters.recent import newest_in_window
from plugin.config import EscalatorConfig, FreshdeskConfig
from plugin.domain import (
    Comment,
    Customer,
    Priority,
    Status,
    TaskTicket,
    Ticket,
    TicketChanges,
    TicketEvent,
    TicketSummary,
)
from plugin.ledger import reply_reference
from plugin.ports import ApiBudget
from plugin.replay.timeline import TicketTimeline

log = logging.getLogger(__name__)
PRIORITY_FROM = {1: Priority.LOW, 2: Priority.MEDIUM, 3: Priority.HIGH, 4: Priority.CRITICAL}
PRIORITY_TO = {value: key for key, value in PRIORITY_FROM.items()}
STATUS_TO = {Status.NEW: 2, Status.OPEN: 2, Status.PENDING: 3, Status.ON_HOLD: 3, Status.SOLVED: 4, Status.CLOSED: 5}
INSTALL_NAME = "helpdesk-escalator"
DEFAULT_RETRY_AFTER = 60.0
AUTOMATION_TYPES = {1: "ticket creation", 4: "ticket updates"}
PERFORMER_AGENT_OR_REQUESTER = 3
# The ticket-update events the rule listens to; "--" is Freshdesk's "any value". From/to events and the note type's
# values as in Freshdesk's automation API (events[{field_name, from, to, value}]).
UPDATE_EVENTS: list[dict[str, Any]] = [
    *({"field_name": name, "from": "--", "to": "--"} for name in ("status", "priority", "group_id", "responder_id")),
    {"field_name": "note_type", "value": "--"},
    {"field_name": "reply_sent"},
]
PAGE_SIZE = 100  # Freshdesk's largest page
LIST_PAGE_CAP = 300  # List All Tickets returns at most 300 pages
OPEN_SINCE = "2000-01-01T00:00:00Z"  # before any Freshdesk account: List All Tickets defaults to the last 30 days
NEUTRAL_SCORE = 100


def when(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _id(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def ticket_fields(raw: Mapping[str, Any]) -> dict[str, Any]:
    """A ticket's custom fields as Freshdesk keys them (`cf_revenue_impact`: Freshdesk gives every custom ticket
    field's API name the prefix cf_), each also under its name without the prefix (`revenue_impact`, the name the
    settings read by default) unless a field already has that name. `fields:` in the configuration maps any other."""
    out = dict(raw)
    for name, value in raw.items():
        if name.startswith("cf_") and len(name) > 3:
            out.setdefault(name[3:], value)
    return out


def credits(request: requests.PreparedRequest) -> int:
    """What a request costs of Freshdesk's budget: 1 credit, and 1 more for each embed (`include=`), 2 on the
    ticket list."""
    parts = urlsplit(request.url or "")
    embeds = [p for v in parse_qs(parts.query).get("include", []) for p in v.split(",") if p.strip()]
    listing = request.method == "GET" and parts.path.rstrip("/").endswith("/api/v2/tickets")
    return 1 + len(embeds) * (2 if listing else 1)


class FreshdeskAdapter(HelpdeskAdapter):
    name = "freshdesk"

    def __init__(self, settings: FreshdeskConfig, *, session: requests.Session | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self.base = (settings.base_url or f"https://{settings.domain}.freshdesk.com").rstrip("/") + "/api/v2"
        self._given_session = session
        self._budget: ApiBudget | None = None
        self._local = threading.local()
        self._sleep = sleep
        self.rate_limit_remaining: int | None = None
        self.custom_statuses: dict[int, Status] = dict(settings.custom_statuses)
        self._own_email: str | None = None

    @classmethod
    def from_config(cls, config: EscalatorConfig, **options: Any) -> FreshdeskAdapter:
        return cls(config.freshdesk, **options)

    def __repr__(self) -> str:
        return f"FreshdeskAdapter({self.base!r})"

    def use_budget(self, budget: ApiBudget) -> None:
        self._budget = budget

    # ---------------------------------------------------------------- inbound

    def parse_webhook(self, headers: Mapping[str, str], body: bytes, *, now: datetime) -> list[TicketEvent]:
        secret = self.settings.webhook_secret.get_secret_value() if self.settings.webhook_secret else None
        return parse_webhook(headers, body, secret=secret, header_name=self.settings.webhook_header,
                             custom_statuses=self.custom_statuses, now=now)

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
            if self._budget is not None:
                gate_session(session, self._budget, self.name, credits)
            self._local.session = session
        return session

    def _request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        url = path if path.startswith("http") else f"{self.base}{path}"
        try:
            response = self.session.request(method, url, timeout=self.settings.timeout, **kwargs)
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise TransientError(f"Freshdesk unreachable: {type(exc).__name__}") from None
        remaining = response.headers.get("X-RateLimit-Remaining")  # requests' headers are case-insensitive
        if remaining is not None and is_ascii_digits(remaining):
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
            custom_fields=ticket_fields(data.get("custom_fields") or {}), comments=comments,
            version=data.get("updated_at"),
            comments_loaded=loaded,
        )

    @staticmethod
    def _comment(item: Mapping[str, Any]) -> Comment:
        """`incoming` marks what came from the customer; everything else (replies, notes) is from the support side.
        The text is `body_text`, followed by the markers the HTML `body` carries out of sight (a reply's: Freshdesk's
        `body_text` is the HTML's text, without comments or attributes)."""
        raw = str(item.get("body") or "")
        text = item.get("body_text") or html.unescape(raw)
        return Comment(
            id=str(item["id"]), body=with_hidden_references(text, references_in_html(raw)),
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
        data = self._get(f"/tickets/{int(ticket_id)}")  # no embeds: each costs a credit, and nothing here reads one
        if data.get("created_at") and data.get("created_at") == data.get("updated_at"):
            # untouched since it was created: a note or a reply would have moved updated_at, so there is no
            # conversation to read (a credit saved on every new ticket's first decision)
            return self._ticket(data, ())
        return self._ticket(data, self._conversations(ticket_id))

    def ticket_timeline(self, ticket: Ticket) -> TicketTimeline:
        """The ticket's states from its conversations and stats: two reads (the ticket with its stats, and its
        conversations); what they cannot show is said in adapters/freshdesk_history.py."""
        data = self._get(f"/tickets/{int(ticket.id)}", include="stats")
        current = self._ticket(data)
        comments = self._conversations(ticket.id) if data.get("created_at") != data.get("updated_at") else ()
        return timeline_from_conversations(current, comments, data.get("stats") or {})

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

    def _listing(self, path: str, **params: Any) -> Iterator[dict[str, Any]]:
        """Every item of a paginated list (pages of 100 until a short one)."""
        page = 1
        while True:
            batch = self._get(path, **params, per_page=PAGE_SIZE, page=page)
            yield from batch
            if len(batch) < PAGE_SIZE:
                return
            page += 1

    def _tickets_since(self, since: str, **params: Any) -> Iterator[dict[str, Any]]:
        """Every ticket updated since `since`, oldest change first. List All Tickets stops at 300 pages (30,000
        tickets): past that, the listing starts again a second before the last updated_at seen (whether Freshdesk's
        updated_since is inclusive or not), skipping the tickets it already gave from that second on."""
        skip: set[Any] = set()
        while True:
            given: list[tuple[str, Any]] = []
            fresh = 0
            page = 1
            while True:
                batch = self._get("/tickets", **params, updated_since=since, order_by="updated_at",
                                  order_type="asc", per_page=PAGE_SIZE, page=page)
                for item in batch:
                    if item.get("id") in skip:
                        continue
                    fresh += 1
                    given.append((str(item.get("updated_at") or ""), item.get("id")))
                    yield item
                if len(batch) < PAGE_SIZE:
                    return
                if page >= LIST_PAGE_CAP:
                    break
                page += 1
            if not fresh or not given[-1][0]:
                raise TransientError(f"Freshdesk's ticket listing did not advance past {since} in "
                                     f"{LIST_PAGE_CAP} pages")
            since = _stamp(when(given[-1][0]) - timedelta(seconds=1))
            skip |= {ticket_id for stamp, ticket_id in given if stamp >= since}

    def requester_tickets(self, requester_id: str, since: datetime) -> list[TicketSummary]:
        """The requester's tickets opened since `since`, newest first, as far back as needed (adapters.recent)."""
        listing = self._listing("/tickets", requester_id=int(requester_id), updated_since=_stamp(since),
                                order_by="created_at", order_type="desc")
        items = newest_in_window(listing, since, lambda t: when(t["created_at"]))
        return [TicketSummary(str(t["id"]), t.get("subject") or "", when(t["created_at"]),
                              status_from(t.get("status"), self.custom_statuses) or Status.OPEN,
                              frozenset(t.get("tags") or ())) for t in items]

    def open_tickets(self) -> Iterator[Ticket]:
        """Every ticket not resolved or closed (custom statuses by their configured category). Search stops at 300
        results and lags by minutes, so this walks List All Tickets from OPEN_SINCE instead: complete, and as many
        requests as the account has tickets / 100 (Freshdesk's "Tickets List" limit applies)."""
        for item in self._tickets_since(OPEN_SINCE):
            ticket = self._ticket(item, loaded=False)
            if not ticket.status.is_done:
                yield ticket

    def export_tickets(self, since: datetime, cursor: str | None = None) -> ExportPage:
        """One page of tickets by updated_at. The cursor is "<updated_since>|<page>" (a bare page number is read as
        a page from `since`); past the 300-page cap the next cursor starts again from the last updated_at."""
        start, _, page_text = (cursor or "").rpartition("|")
        start = start or _stamp(since)
        page = int(page_text) if is_ascii_digits(page_text) else 1
        items = self._get("/tickets", updated_since=start, order_by="updated_at", order_type="asc",
                          per_page=PAGE_SIZE, page=page)
        tickets = tuple(self._ticket(t, loaded=False) for t in items)
        if len(items) < PAGE_SIZE:
            return ExportPage(tickets, None, True)
        if page >= LIST_PAGE_CAP:
            return ExportPage(tickets, f"{items[-1]['updated_at']}|1", False)
        return ExportPage(tickets, f"{start}|{page + 1}", False)

    def satisfaction_ratings(self, since: datetime) -> Iterator[SatisfactionRating]:
        """Every page. Freshdesk's classic scale: 103, 102, 101 happy; 100 neutral; -101, -102, -103 unhappy: only
        scores above 100 are positive."""
        for item in self._listing("/surveys/satisfaction_ratings", created_since=_stamp(since)):
            value = (item.get("ratings") or {}).get("default_question")
            if isinstance(value, bool) or not isinstance(value, int | float):
                continue  # no answer to the default question: nothing to count
            score = int(value)
            yield SatisfactionRating(str(item["ticket_id"]), str(score), score > NEUTRAL_SCORE,
                                     when(item["created_at"]))

    # ---------------------------------------------------------------- writes

    def _status_number(self, status: Status) -> int:
        """Freshdesk has no on-hold status of its own: a custom status configured as on_hold, else Pending (3)."""
        if status == Status.ON_HOLD:
            configured = sorted(n for n, s in self.custom_statuses.items() if s == Status.ON_HOLD)
            if configured:
                return configured[0]
        return STATUS_TO[status]

    def _ticket_body(self, ticket: Ticket, changes: TicketChanges) -> dict[str, Any]:
        body: dict[str, Any] = {}
        if changes.priority is not None:
            body["priority"] = PRIORITY_TO[changes.priority]
        if changes.status is not None:
            body["status"] = self._status_number(changes.status)
        if changes.group_id is not None:
            body["group_id"] = _numeric_id(changes.group_id, "group")
        if changes.assignee_id is not None:
            body["responder_id"] = _numeric_id(changes.assignee_id, "agent")
        elif changes.clear_assignee:
            body["responder_id"] = None
        if changes.add_tags or changes.remove_tags:
            body["tags"] = sorted((ticket.tags - changes.remove_tags) | changes.add_tags)
        return body

    # ---------------------------------------------------------------- linked task tickets

    def _requester_email(self) -> str:
        """Who the child ticket is "from": our own agent, so the customer is never emailed about an internal task."""
        if self.settings.agent_email:
            return self.settings.agent_email
        if self._own_email is None:
            me = self._get("/agents/me")
            email = (me.get("contact") or {}).get("email")
            if not email:
                raise PermanentError("cannot create a Freshdesk task ticket: set freshdesk.agent_email (the agent "
                                     "whose API key the escalator uses)")
            self._own_email = str(email)
        return self._own_email

    def _find_task(self, parent: Ticket, tag: str) -> str | None:
        """The child ticket carrying `tag`: by search (its index lags by minutes), then among the parent's associated
        tickets, which are current (so a retry right after a lost reply still finds the child)."""
        found = self._get("/search/tickets", query=f"\"tag:'{tag}'\"")
        for item in found.get("results") or ():
            return str(item["id"])
        try:
            associated = self._get(f"/tickets/{int(parent.id)}/associated_tickets")
        except (NotFoundError, PermanentError):
            return None  # no parent-child ticketing on this plan, or no association yet
        items = associated.get("tickets") if isinstance(associated, dict) else associated
        for item in items or ():
            if item.get("id") is None or str(item["id"]) == parent.id:
                continue
            tags = item.get("tags")
            if tags is None:  # the association listing may leave tags out: read the child itself
                tags = self._get(f"/tickets/{int(item['id'])}").get("tags")
            if tag in (tags or ()):
                return str(item["id"])
        return None

    def _ensure_task(self, parent: Ticket, task: TaskTicket, idempotency_key: str) -> tuple[str, int]:
        """(the child ticket's id, the write requests it cost: 0 when it already existed)."""
        tag = task_tag(idempotency_key)
        existing = self._find_task(parent, tag)
        if existing is not None:
            return existing, 0
        body: dict[str, Any] = {
            "parent_id": int(parent.id), "email": self._requester_email(), "subject": task.subject,
            "description": _html(task.body), "status": 2, "priority": PRIORITY_TO[task.priority], "source": 2,
            "tags": sorted(task.tags | {tag}),
        }
        if task.group_id is not None:
            body["group_id"] = _numeric_id(task.group_id, "group")
        created = self._request("POST", "/tickets", json=body).json()
        return str(created["id"]), 1

    def create_task_ticket(self, parent: Ticket, task: TaskTicket, idempotency_key: str) -> str:
        """A child ticket of `parent` (Freshdesk's parent-child tickets) for the receiving group, tagged with a tag
        derived from the key so that a second call finds it instead of creating another."""
        return self._ensure_task(parent, task, idempotency_key)[0]

    def task_url(self, task_id: str) -> str:
        return self.base.removesuffix("/api/v2") + f"/a/tickets/{task_id}"

    # ---------------------------------------------------------------- apply

    def apply(self, request: ApplyRequest) -> ApplyResult:
        """The task (a child ticket) first when there is one, then the update, the private note and the public
        reply, in that order. Whatever fails raises with the parts confirmed before it."""
        ticket, changes, key = request.ticket, request.changes, request.idempotency_key
        ticket_id = ticket.id
        writes = 0
        landed: set[Part] = set()
        note = changes.internal_note
        after: Ticket | None = None
        written_at: list[datetime] = []
        try:
            if changes.task is not None:
                task_id, posts = self._ensure_task(ticket, changes.task, key)
                writes += posts
                landed.add(Part.TASK)
                note = f"{(note or '').rstrip()}\n\n{task_link(task_id, self.task_url(task_id))}".lstrip()
            body = self._ticket_body(ticket, changes)
            if body:
                if "tags" in body:
                    fresh = self._get(f"/tickets/{int(ticket_id)}")
                    if ticket.version and fresh.get("updated_at") != ticket.version:
                        raise ConflictError(f"Freshdesk ticket {ticket_id} changed since the decision (updated "
                                            f"{fresh.get('updated_at')}): its tags would be overwritten")
                writes += 1
                after = self._written(self._request("PUT", f"/tickets/{int(ticket_id)}", json=body))
                landed.add(Part.FIELDS)
            # The note keeps its visible reference line (agents read it); the customer reads the reply, so its
            # marker is hidden in the HTML (adapters/markers.py).
            for html_body, path, extra, part in (
                    (None if note is None else _html(with_marker(note, note_marker(key))), "notes",
                     {"private": True}, Part.NOTE),
                    (None if changes.public_reply is None else reply_html(changes.public_reply,
                                                                          reply_reference(key)), "reply", {},
                     Part.REPLY)):
                if html_body is None:
                    continue
                writes += 1
                posted = self._request("POST", f"/tickets/{int(ticket_id)}/{path}", json={"body": html_body, **extra})
                landed.add(part)
                written_at.extend(_created_at(posted))
        except HelpdeskError as exc:
            exc.landed = frozenset(landed)
            raise
        if after is not None:
            written_at.append(after.updated_at)
        return ApplyResult(ticket_id, True, ticket=after, write_requests=writes, landed=frozenset(landed),
                           written_at=tuple(written_at))

    def _written(self, response: requests.Response) -> Ticket | None:
        """The ticket as the update's answer gives it (its tags and fields after our write), when it gives one."""
        try:
            data = response.json()
            return self._ticket(data, loaded=False) if isinstance(data, dict) and data.get("updated_at") else None
        except (ValueError, KeyError, TypeError):
            return None

    def watch_every(self) -> timedelta | None:
        """Freshdesk's automation rules fire on no tag change (plugin.service.watch)."""
        every = self.settings.watch_every
        return every if every > timedelta(0) else None

    def apply_many(self, requests_: Sequence[ApplyRequest]) -> list[ApplyResult]:
        """One by one (bulk_update is asynchronous and cannot carry notes). At a rate limit the results so far stand
        and every request not yet written fails with that RetryAfterError, so the caller knows what landed."""
        results: list[ApplyResult] = []
        limited: RetryAfterError | None = None
        for request in requests_:
            if limited is not None:
                results.append(ApplyResult(request.ticket.id, False, error=limited))
                continue
            try:
                results.append(self.apply(request))
            except HelpdeskError as exc:
                if isinstance(exc, RetryAfterError):
                    limited = exc
                results.append(ApplyResult(request.ticket.id, False, error=exc, landed=exc.landed))
        return results

    # ---------------------------------------------------------------- install

    def import_sla(self) -> SlaImport:
        """The account's SLA policies, business hours and the groups' business hours, as configuration."""
        policies = self._get("/sla_policies")
        hours = self._get("/business_hours")
        groups = list(self._listing("/groups"))
        return translate_sla(policies or [], hours or [], groups)

    def install(self, callback_url: str, secret: str) -> InstallResult:
        """Two automation rules, ticket creation and ticket updates, whose action posts our advanced body.

        The update rule fires for anyone's change (performer 3: agent or requester, so customer replies count) on any
        status, custom ones included: Freshdesk insists on at least one condition, and "priority is one of 1-4" holds
        for every ticket. Freshdesk cannot express "any performer but this agent" (members apply only to performer
        type 1, and list whom to include), so our own API changes come back too; they are recognised by their note
        markers and deciding again on a ticket we just updated changes nothing."""
        rule_ids, created = [], False
        for automation_type in AUTOMATION_TYPES:
            rule: dict[str, Any] = {
                "name": INSTALL_NAME, "active": True, "position": 1,
                "conditions": [{"name": "condition_set_1", "match_type": "all", "properties": [
                    {"resource_type": "ticket", "field_name": "priority", "operator": "in",
                     "value": sorted(PRIORITY_FROM)}]}],
                "actions": [{"field_name": "trigger_webhook", "request_type": "POST", "url": callback_url,
                             "content_type": "JSON", "content_layout": 2, "content": ADVANCED_BODY,
                             "custom_headers": {self.settings.webhook_header: secret}}],
            }
            if automation_type == 4:
                rule["performer"] = {"type": PERFORMER_AGENT_OR_REQUESTER}
                rule["events"] = UPDATE_EVENTS
            existing = [r for r in self._rules(automation_type) if r.get("name") == INSTALL_NAME]
            if existing:
                rule_id = existing[0]["id"]
                self._request("PUT", f"/automations/{automation_type}/rules/{rule_id}", json=rule)
            else:
                rule_id = self._request("POST", f"/automations/{automation_type}/rules", json=rule).json()["id"]
                created = True
            rule_ids.append(str(rule_id))
        return InstallResult(webhook_id=callback_url, rule_ids=tuple(rule_ids), created=created)

    def _rules(self, automation_type: int) -> list[dict[str, Any]]:
        """The rules of one automation type; the reply is {"rules": [...], "meta": ...} (a bare list is read too)."""
        data = self._get(f"/automations/{automation_type}/rules")
        rules = data.get("rules") if isinstance(data, dict) else data
        return list(rules or ())


def _created_at(response: requests.Response) -> list[datetime]:
    """The time a posted note or reply was created, which is the ticket's update time it left (Freshdesk stamps the
    ticket with the conversation's time; a guess, checked only against the sandbox: where it differs, our note
    coming back is decided again, which costs a read and changes nothing)."""
    try:
        data = response.json()
        return [when(data["created_at"])] if isinstance(data, dict) and data.get("created_at") else []
    except (ValueError, KeyError, TypeError):
        return []


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _html(text: str) -> str:
    """Plain text as Freshdesk HTML: escaped, line breaks kept."""
    return html.escape(text).replace("\n", "<br>")


def _numeric_id(value: str, what: str) -> int:
    if not is_ascii_digits(value.strip()):
        raise PermanentError(f"Freshdesk {what} id {value!r} is not a number: check the tier groups (tiers[].groups."
                             f"freshdesk) and the assignee in the configuration")
    return int(value)


def task_tag(idempotency_key: str) -> str:
    """The tag a linked task ticket carries so a retry finds it: Freshdesk tags hold at most 32 characters."""
    return "esc-task-" + hashlib.sha256(idempotency_key.encode()).hexdigest()[:23]


__all__ = ["STATUS_NUMBERS", "FreshdeskAdapter"]
