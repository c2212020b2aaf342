"""The Zendesk adapter, on zenpy over our own session.

One decision costs one `PUT /api/v2/tickets/{id}` carrying priority, tags, group, assignee, status and the internal
note (public: false, always explicit), as a safe update. Many tickets go through update_many in batches of 100,
with the job polled to completion and each ticket's result checked. A 409 never overwrites: it checks whether our
own earlier attempt landed, else asks the caller to re-read and re-decide. A 429 surfaces at once as
RetryAfterError. Writes are never blindly replayed after an error: we look at the ticket first.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, TypeVar

import requests
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential
from zenpy.lib.api_objects import Ticket as ZenpyTicket
from zenpy.lib.api_objects import Webhook as ZenpyWebhook
from zenpy.lib.exception import APIException, RecordNotFoundException, ZenpyException

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
from adapters.zendesk_client import make_session, make_zenpy, public_url
from adapters.zendesk_mapping import (
    comments_from_json,
    customer_from_json,
    summary_from_json,
    ticket_from_json,
    update_body,
    when,
)
from adapters.zendesk_webhooks import TRIGGER_BODY, parse_webhook
from plugin.config import EscalatorConfig, ZendeskConfig
from plugin.domain import Customer, Ticket, TicketEvent, TicketSummary

log = logging.getLogger(__name__)
BATCH = 100
INSTALL_NAME = "helpdesk-escalator"
T = TypeVar("T")


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("helpdesk-escalator")
    except Exception:
        return "dev"


def _describe(exc: BaseException) -> str:
    """A message about a failed call, built from the reply's JSON error only: never headers, never credentials."""
    response = getattr(exc, "response", None)
    status = getattr(response, "status_code", None)
    detail = ""
    if response is not None:
        try:
            data = response.json()
            detail = str(data.get("description") or data.get("error") or "")
            details = data.get("details")
            if details:
                detail += f" {json.dumps(details)[:300]}"
        except ValueError:
            detail = ""
    return f"Zendesk answered {status}: {detail}".strip() if status else type(exc).__name__


def _translate(exc: BaseException) -> HelpdeskError:
    if isinstance(exc, HelpdeskError):
        return exc
    if isinstance(exc, RecordNotFoundException):
        return NotFoundError(_describe(exc))
    status = getattr(getattr(exc, "response", None), "status_code", None)
    if status == 409:
        return ConflictError(_describe(exc))
    if isinstance(status, int) and (status >= 500 or status == 408):
        return TransientError(_describe(exc))
    if isinstance(exc, requests.ConnectionError | requests.Timeout):
        return TransientError(f"Zendesk unreachable: {type(exc).__name__}")
    if isinstance(status, int):
        return PermanentError(_describe(exc))
    return TransientError(f"Zendesk call failed: {type(exc).__name__}")


def _is_transient(exc: BaseException) -> bool:
    return isinstance(_translate(exc), TransientError)


def _zenpy_ticket(ticket_id: str, body: dict[str, Any]) -> ZenpyTicket:
    """A zenpy Ticket whose every field is marked for sending, null values included (zenpy sends only the
    attributes set after construction, and a null assignee_id is how Zendesk unassigns)."""
    ticket = ZenpyTicket(id=int(ticket_id))
    for key, value in body.items():
        setattr(ticket, key, value)
    return ticket


class ZendeskAdapter(HelpdeskAdapter):
    name = "zendesk"

    def __init__(self, settings: ZendeskConfig, *, session: requests.Session | None = None,
                 user_agent: str | None = None, sleep: Callable[[float], None] = time.sleep,
                 job_timeout: float = 120.0) -> None:
        self.settings = settings
        self.public = public_url(settings)
        self._given_session = session
        self._user_agent = user_agent or f"helpdesk-escalator/{_version()}"
        self._local = threading.local()
        self._sleep = sleep
        self._job_timeout = job_timeout

    @classmethod
    def from_config(cls, config: EscalatorConfig, **options: Any) -> ZendeskAdapter:
        return cls(config.zendesk, **options)

    def __repr__(self) -> str:
        return f"ZendeskAdapter({self.public!r})"

    @property
    def session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = self._given_session or make_session(self.settings, self._user_agent)
        return session

    @property
    def client(self) -> Any:
        """This thread's zenpy client, built on first use (parsing webhooks needs no API credentials).

        zenpy keeps per-client state between a request and its reply (the object being written), so worker threads
        never share one.
        """
        client = getattr(self._local, "client", None)
        if client is None:
            if self.settings.api_token is None and self.settings.oauth_token is None:
                raise PermanentError("no Zendesk API credentials: set zendesk.email and ESCALATOR_ZENDESK__API_TOKEN "
                                     "(or zendesk.oauth_token)")
            client = self._local.client = make_zenpy(self.settings, self.session)
        return client

    # ---------------------------------------------------------------- inbound

    def parse_webhook(self, headers: Mapping[str, str], body: bytes, *, now: datetime) -> list[TicketEvent]:
        secret = self.settings.webhook_secret.get_secret_value() if self.settings.webhook_secret else None
        return parse_webhook(headers, body, secret=secret, now=now, max_age=self.settings.max_signature_age,
                             integration_user_id=self.settings.integration_user_id)

    # ---------------------------------------------------------------- plumbing

    def _call(self, action: Callable[[], T]) -> T:
        try:
            return action()
        except RetryAfterError:
            raise
        except (APIException, RecordNotFoundException, ZenpyException, requests.RequestException) as exc:
            raise _translate(exc) from None

    def _get_json(self, path: str) -> dict[str, Any]:
        """A GET through zenpy's call path (its error checks) for endpoints its object API does not cover."""
        url = path if path.startswith("http") else f"{self.public}{path}"
        response = self._call(lambda: self.client.tickets._get(url, raw_response=True))
        data: dict[str, Any] = response.json()
        return data

    def _pages(self, path: str, key: str) -> Iterator[dict[str, Any]]:
        url: str | None = path
        while url:
            data = self._read(lambda u=url: self._get_json(u))  # type: ignore[misc]
            yield from data.get(key) or ()
            url = data.get("next_page") or (data.get("links") or {}).get("next")

    def _read(self, action: Callable[[], T]) -> T:
        """Reads are safe to repeat: retried on 5xx, timeouts and connection errors, a few times, with backoff."""
        for attempt in Retrying(retry=retry_if_exception_type(TransientError), stop=stop_after_attempt(3),
                                wait=wait_exponential(multiplier=0.2, max=2), sleep=self._sleep, reraise=True):
            with attempt:
                return action()
        raise AssertionError("unreachable")  # pragma: no cover

    # ---------------------------------------------------------------- reads

    def _comments(self, ticket_id: str) -> tuple[Any, ...]:
        items: list[dict[str, Any]] = []
        users: dict[str, dict[str, Any]] = {}
        url: str | None = f"/api/v2/tickets/{ticket_id}/comments.json?include=users"
        while url:
            data = self._read(lambda u=url: self._get_json(u))  # type: ignore[misc]
            items.extend(data.get("comments") or ())
            users.update({str(u["id"]): u for u in data.get("users") or ()})
            url = data.get("next_page")
        return comments_from_json(items, users)

    def _object(self, fetch: Callable[[], Any]) -> dict[str, Any]:
        data: dict[str, Any] = self._read(lambda: self._call(fetch).to_dict())
        return data

    def get_ticket(self, ticket_id: str) -> Ticket:
        data = self._object(lambda: self.client.tickets(id=int(ticket_id)))
        return ticket_from_json(data, base_url=self.public, comments=self._comments(ticket_id))

    def get_tickets(self, ticket_ids: Sequence[str]) -> list[Ticket]:
        out: list[Ticket] = []
        for start in range(0, len(ticket_ids), BATCH):
            ids = ",".join(str(int(i)) for i in ticket_ids[start:start + BATCH])
            path = f"/api/v2/tickets/show_many.json?ids={ids}"
            data = self._read(lambda path=path: self._get_json(path))  # type: ignore[misc]
            out += [ticket_from_json(t, base_url=self.public, comments_loaded=False)
                    for t in data.get("tickets", [])]
        return out

    def get_customer(self, requester_id: str) -> Customer:
        user = self._object(lambda: self.client.users(id=int(requester_id)))
        organization = None
        if user.get("organization_id"):
            try:
                organization = self._object(lambda: self.client.organizations(id=int(user["organization_id"])))
            except NotFoundError:
                organization = None
        return customer_from_json(user, organization)

    def requester_tickets(self, requester_id: str, since: datetime) -> list[TicketSummary]:
        items = self._pages(f"/api/v2/users/{int(requester_id)}/tickets/requested.json", "tickets")
        return [summary_from_json(t) for t in items if when(t["created_at"]) >= since]

    def open_tickets(self) -> Iterator[Ticket]:
        for item in self._pages("/api/v2/search.json?query=type:ticket%20status<solved", "results"):
            yield ticket_from_json(item, base_url=self.public, comments_loaded=False)

    def export_tickets(self, since: datetime, cursor: str | None = None) -> ExportPage:
        query = f"cursor={cursor}" if cursor else f"start_time={int(since.timestamp())}"
        data = self._read(lambda: self._get_json(f"/api/v2/incremental/tickets/cursor.json?{query}"))
        tickets = tuple(ticket_from_json(t, base_url=self.public, comments_loaded=False)
                        for t in data.get("tickets") or ())
        return ExportPage(tickets, data.get("after_cursor"), bool(data.get("end_of_stream")))

    def satisfaction_ratings(self, since: datetime) -> Iterator[SatisfactionRating]:
        for item in self._pages(f"/api/v2/satisfaction_ratings.json?start_time={int(since.timestamp())}",
                                "satisfaction_ratings"):
            score = str(item.get("score") or "")
            yield SatisfactionRating(str(item["ticket_id"]), score, score.startswith("good"),
                                     when(item["created_at"]))

    # ---------------------------------------------------------------- writes

    def _payloads(self, request: ApplyRequest) -> list[dict[str, Any]]:
        """The update bodies for one decision: one, or two when it has both an internal note and a public reply
        (an update carries one comment). A comment whose marker is already on the ticket is not sent again."""
        ticket, changes = request.ticket, request.changes
        marker = note_marker(request.idempotency_key)
        already = any(marker in c.body for c in ticket.comments)
        comments = [] if already else [(text, public) for text, public in ((changes.internal_note, False),
                                                                           (changes.public_reply, True))
                                       if text is not None]
        first = update_body(ticket, changes, note=None, public=False)
        bodies = []
        if comments:
            text, public = comments[0]
            first["comment"] = {"body": f"{text.rstrip()}\n\n{marker}", "public": public}
        if first:
            bodies.append(first)
        for text, public in comments[1:]:
            bodies.append({"comment": {"body": f"{text.rstrip()}\n\n{marker}", "public": public}})
        for body in bodies:
            body["metadata"] = {"escalator": {"key": request.idempotency_key}}
            if ticket.version:
                body["safe_update"] = True
                body["updated_stamp"] = ticket.version
        return bodies

    def _put(self, ticket_id: str, body: dict[str, Any]) -> Ticket:
        result = self._call(lambda: self.client.tickets.update(_zenpy_ticket(ticket_id, body)))
        return ticket_from_json(result.ticket.to_dict(), base_url=self.public, comments_loaded=False)

    def _landed(self, request: ApplyRequest) -> bool:
        """Did an attempt whose reply we lost (or a 409 we caused ourselves) already write this decision?"""
        fresh = self.get_ticket(request.ticket.id)
        marker = note_marker(request.idempotency_key)
        changes = request.changes
        if changes.internal_note is not None or changes.public_reply is not None:
            return any(marker in c.body for c in fresh.comments)
        return (changes.add_tags <= fresh.tags and not (changes.remove_tags & fresh.tags)
                and (changes.priority is None or fresh.priority == changes.priority)
                and (changes.group_id is None or fresh.group_id == changes.group_id))

    def apply(self, request: ApplyRequest) -> ApplyResult:
        ticket_id = request.ticket.id
        writes = 0
        after: Ticket | None = None
        for body in self._payloads(request):
            if after is not None and after.version and "updated_stamp" in body:
                body["updated_stamp"] = after.version  # the second update follows our own first one
            try:
                writes += 1
                after = self._put(ticket_id, body)
            except ConflictError:
                if self._landed(request):
                    return ApplyResult(ticket_id, True, write_requests=writes, note_already_present=True)
                raise
            except TransientError as exc:
                # The write may have landed with its reply lost: look before trying anything again.
                if self._landed(request):
                    return ApplyResult(ticket_id, True, write_requests=writes, note_already_present=True)
                raise TransientError(f"{exc}; the ticket shows our change did not land, so it will be retried "
                                     f"after a fresh read") from None
        already = writes == 0 and (request.changes.internal_note is not None or
                                   request.changes.public_reply is not None)
        return ApplyResult(ticket_id, True, ticket=after, write_requests=writes, note_already_present=already)

    def apply_many(self, requests_: Sequence[ApplyRequest]) -> list[ApplyResult]:
        results: dict[int, ApplyResult] = {}
        bulk: list[tuple[int, ApplyRequest, dict[str, Any]]] = []
        for index, request in enumerate(requests_):
            if request.changes.public_reply is not None:  # a reply may need a second update: do it alone
                results[index] = self._apply_alone(request)
                continue
            bodies = self._payloads(request)
            if not bodies:
                results[index] = ApplyResult(request.ticket.id, True)
            else:
                bulk.append((index, request, bodies[0]))
        for start in range(0, len(bulk), BATCH):
            batch = bulk[start:start + BATCH]
            for (index, _request, _), result in zip(batch, self._update_many(batch), strict=True):
                results[index] = result
        return [results[i] for i in range(len(requests_))]

    def _apply_alone(self, request: ApplyRequest) -> ApplyResult:
        try:
            return self.apply(request)
        except (ConflictError, TransientError, PermanentError, NotFoundError) as exc:
            return ApplyResult(request.ticket.id, False, error=exc)

    def _update_many(self, batch: Sequence[tuple[int, ApplyRequest, dict[str, Any]]]) -> list[ApplyResult]:
        objects = [_zenpy_ticket(request.ticket.id, body) for _, request, body in batch]
        try:
            job = self._call(lambda: self.client.tickets.update(objects))
        except (TransientError, ConflictError) as exc:
            return [ApplyResult(r.ticket.id, False, error=exc) for _, r, _ in batch]
        status = self._wait_for_job(str(job.id))
        by_id = {str(item.get("id")): item for item in status.get("results") or ()}
        out = []
        for position, (_, request, _) in enumerate(batch):
            item = by_id.get(request.ticket.id, {})
            writes = 1 if position == 0 else 0
            if item.get("success") or item.get("status") == "Updated":
                out.append(ApplyResult(request.ticket.id, True, write_requests=writes))
            else:
                error = str(item.get("error") or item.get("details") or "no result for this ticket in the job")
                kind = ConflictError if "conflict" in error.lower() else TransientError
                out.append(ApplyResult(request.ticket.id, False, error=kind(f"update_many: {error}"),
                                       write_requests=writes))
        return out

    def _wait_for_job(self, job_id: str) -> dict[str, Any]:
        deadline = time.monotonic() + self._job_timeout
        delay = 0.05
        while True:
            status = self._object(lambda: self.client.job_status(id=job_id))
            if status.get("status") in ("completed", "failed", "killed"):
                return status
            if time.monotonic() > deadline:
                raise TransientError(f"Zendesk job {job_id} still {status.get('status')} after "
                                     f"{self._job_timeout:g}s")
            self._sleep(delay)
            delay = min(delay * 2, 2.0)

    # ---------------------------------------------------------------- install

    def install(self, callback_url: str, secret: str) -> InstallResult:
        existing = [w for w in self._get_json("/api/v2/webhooks.json").get("webhooks", [])
                    if w.get("name") == INSTALL_NAME]
        webhook_body = {"name": INSTALL_NAME, "endpoint": callback_url, "http_method": "POST",
                        "request_format": "json", "status": "active",
                        "subscriptions": ["conditional_ticket_events"]}
        if existing:
            webhook_id = existing[0]["id"]
            self._call(lambda: self.client.webhooks.update(webhook_id, ZenpyWebhook(**webhook_body)))
            created = False
        else:
            webhook_id = self._call(lambda: self.client.webhooks.create(ZenpyWebhook(**webhook_body))).id
            created = True
        signing = self._get_json(f"/api/v2/webhooks/{webhook_id}/signing_secret.json")["signing_secret"]["secret"]
        trigger = {
            "title": INSTALL_NAME, "active": True,
            "description": "Sends ticket events to helpdesk-escalator (created by escalator install zendesk).",
            "conditions": {"all": [{"field": "status", "operator": "less_than", "value": "closed"},
                                   {"field": "current_via_id", "operator": "is_not", "value": "5"}],
                           "any": [{"field": "update_type", "operator": "is", "value": "Create"},
                                   {"field": "update_type", "operator": "is", "value": "Change"}]},
            "actions": [{"field": "notification_webhook", "value": [webhook_id, TRIGGER_BODY]}],
        }
        mine = [t for t in self._get_json("/api/v2/triggers.json").get("triggers", []) if t.get("title") ==
                INSTALL_NAME]
        from zenpy.lib.api_objects import Trigger as ZenpyTrigger

        if mine:
            trigger_id = str(mine[0]["id"])
            self._call(lambda: self.client.triggers.update(ZenpyTrigger(id=int(trigger_id), **trigger)))
        else:
            trigger_id = str(self._call(lambda: self.client.triggers.create(ZenpyTrigger(**trigger))).id)
        return InstallResult(webhook_id=str(webhook_id), rule_ids=(trigger_id,), created=created,
                             details={"signing_secret": signing})
