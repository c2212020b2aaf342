"""The Zendesk adapter, on zenpy over our own session.

One decision costs one `PUT /api/v2/tickets/{id}` carrying priority, tags, group, assignee, status and the internal
note (public: false, always explicit), as a safe update; a public reply is a second update, a linked task ticket
one create (looked up first by its external id). Many tickets go through update_many in batches of 100 (tags as
additional_tags / remove_tags), with the job polled to completion and each ticket's result checked. A 409 never
overwrites (ConflictError: the caller re-reads); a 429 surfaces at once as RetryAfterError. The adapter writes what
it is asked and reports which parts its answers confirmed; what landed when an answer is lost is the ledger's
question (plugin/ledger.py), answered from a read-back by the pipeline, never here.
"""

from __future__ import annotations

import itertools
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

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
    note_marker,
    task_external_id,
    task_link,
    with_marker,
)
from adapters.budget_gate import gate_session
from adapters.markers import reply_html
from adapters.recent import newest_in_window
from adapters.sideloaded import Sideloaded
from adapters.zendesk_client import make_session, make_zenpy, prepare_session, public_url
from adapters.zendesk_history import authors, timeline_from_audits
from adapters.zendesk_mapping import (
    comments_from_json,
    customer_from_json,
    summary_from_json,
    task_body,
    ticket_from_json,
    update_body,
    when,
)
from adapters.zendesk_sla import translate as translate_sla
from adapters.zendesk_webhooks import TRIGGER_BODY, parse_webhook
from plugin.config import EscalatorConfig, ZendeskConfig
from plugin.domain import Comment, Customer, TaskTicket, Ticket, TicketEvent, TicketSummary
from plugin.ledger import reply_reference
from plugin.ports import ApiBudget, FirstRead
from plugin.replay.timeline import TicketTimeline

if TYPE_CHECKING:
    from zenpy.lib.api_objects import Ticket as ZenpyTicket

log = logging.getLogger(__name__)
BATCH = 100
PAGE_SIZE = 100  # the most a Zendesk list page holds
INSTALL_NAME = "helpdesk-escalator"
T = TypeVar("T")


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("helpdesk-escalator")
    except Exception:
        return "dev"


def _next_page(data: Mapping[str, Any]) -> str | None:
    """The next page of a list, offset or cursor pagination alike (cursor: `meta.has_more` says whether there is
    one)."""
    meta = data.get("meta")
    if isinstance(meta, dict) and "has_more" in meta and not meta["has_more"]:
        return None
    following = data.get("next_page") or (data.get("links") or {}).get("next")
    return str(following) if following else None


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


def _zenpy_errors() -> tuple[type[BaseException], ...]:
    """What a call through zenpy raises (and the HTTP library under it). zenpy is imported on first use, not with
    this module: an idle service that has made no call keeps its memory."""
    from zenpy.lib.exception import APIException, RecordNotFoundException, ZenpyException

    return APIException, RecordNotFoundException, ZenpyException, requests.RequestException


def _translate(exc: BaseException) -> HelpdeskError:
    from zenpy.lib.exception import RecordNotFoundException

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


def _zenpy_ticket(ticket_id: str | None, body: dict[str, Any]) -> ZenpyTicket:
    """A zenpy Ticket whose every field is marked for sending, null values included (zenpy sends only the
    attributes set after construction, and a null assignee_id is how Zendesk unassigns). No id: a new ticket."""
    from zenpy.lib.api_objects import Ticket as ZenpyTicket

    ticket = ZenpyTicket() if ticket_id is None else ZenpyTicket(id=int(ticket_id))
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
        self._budget: ApiBudget | None = None
        self._sideloaded = Sideloaded()
        self._user_agent = user_agent or f"helpdesk-escalator/{_version()}"
        self._local = threading.local()
        self._sleep = sleep
        self._job_timeout = job_timeout

    @classmethod
    def from_config(cls, config: EscalatorConfig, **options: Any) -> ZendeskAdapter:
        return cls(config.zendesk, **options)

    def __repr__(self) -> str:
        return f"ZendeskAdapter({self.public!r})"

    def use_budget(self, budget: ApiBudget) -> None:
        self._budget = budget

    @property
    def session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            if self._given_session is not None:
                session = prepare_session(self._given_session, self.settings, self._user_agent)
            else:
                session = make_session(self.settings, self._user_agent)
            if self._budget is not None:
                gate_session(session, self._budget, self.name)
            self._local.session = session
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
        except _zenpy_errors() as exc:  # evaluated only when something was raised
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
            url = _next_page(data)

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

    def get_comments(self, ticket_id: str) -> tuple[Comment, ...]:
        """The ticket's comments alone (one request a hundred), authors' roles sideloaded."""
        return tuple(self._comments(str(int(ticket_id))))

    def _object(self, fetch: Callable[[], Any]) -> dict[str, Any]:
        data: dict[str, Any] = self._read(lambda: self._call(fetch).to_dict())
        return data

    def get_ticket(self, ticket_id: str) -> Ticket:
        """The ticket with its comments, its requester and their organization sideloaded (`include=`): a first
        decision about a customer we do not hold then costs no read of its own for them (get_customer)."""
        path = f"/api/v2/tickets/{int(ticket_id)}.json?include=users,organizations"
        data = self._read(lambda: self._get_json(path))
        ticket = ticket_from_json(data["ticket"], base_url=self.public, comments=self._comments(ticket_id))
        self._remember_requester(data)
        return ticket

    def _remember_requester(self, data: Mapping[str, Any], requester: Any = None) -> None:
        """The requester and their organization, from a read's sideloads (`users`, `organizations`), for
        get_customer."""
        requester = data["ticket"].get("requester_id") if requester is None else requester
        user = next((u for u in data.get("users") or () if u.get("id") == requester), None)
        if user is None:
            return
        organization = None
        if user.get("organization_id"):
            organization = next((o for o in data.get("organizations") or ()
                                 if o.get("id") == user["organization_id"]), None)
            if organization is None:  # not sideloaded: the customer is read whole when asked for
                return
        self._sideloaded.put(str(requester), customer_from_json(user, organization))

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
        known = self._sideloaded.take(str(requester_id))
        if known is not None:
            return known
        user = self._object(lambda: self.client.users(id=int(requester_id)))
        organization = None
        if user.get("organization_id"):
            try:
                organization = self._object(lambda: self.client.organizations(id=int(user["organization_id"])))
            except NotFoundError:
                organization = None
        return customer_from_json(user, organization)

    def read_first(self, ticket_id: str, requester_id: str, since: datetime) -> FirstRead:
        """A first decision's reads in two requests, not three: the requester's tickets newest first, with the
        requester and their organization sideloaded, hold the ticket itself (a list gives each ticket whole, custom
        fields and all); then its comments. A ticket not among them (its requester changed since the webhook) is
        read on its own."""
        path = (f"/api/v2/users/{int(requester_id)}/tickets/requested.json"
                f"?sort_by=created_at&sort_order=desc&per_page={PAGE_SIZE}&include=users,organizations")
        first = self._read(lambda: self._get_json(path))
        self._remember_requester(first, int(requester_id))
        items = list(first.get("tickets") or ())
        mine = next((t for t in items if str(t.get("id")) == str(int(ticket_id))), None)
        rest = _next_page(first)
        listed = itertools.chain(items, self._pages(rest, "tickets") if rest else ())  # read on only as needed
        found = tuple(summary_from_json(t) for t in newest_in_window(listed, since, lambda t: when(t["created_at"])))
        if mine is not None:  # newest first: a ticket just filed is on the first page
            return FirstRead(ticket_from_json(mine, base_url=self.public,
                                              comments=self._comments(str(int(ticket_id)))), found)
        ticket = self.get_ticket(ticket_id)  # not the requester's (any more): read on its own
        return FirstRead(ticket, found if ticket.requester_id == str(int(requester_id)) else None)

    def requester_tickets(self, requester_id: str, since: datetime) -> list[TicketSummary]:
        """The requester's tickets opened since `since`, newest first, as far back as needed (adapters.recent)."""
        path = (f"/api/v2/users/{int(requester_id)}/tickets/requested.json"
                f"?sort_by=created_at&sort_order=desc&per_page={PAGE_SIZE}")
        items = newest_in_window(self._pages(path, "tickets"), since, lambda t: when(t["created_at"]))
        return [summary_from_json(t) for t in items]

    def open_tickets(self) -> Iterator[Ticket]:
        """Every ticket not solved or closed, through the export search (cursor-based, not capped at 1,000 results
        as /api/v2/search is; the type goes in filter[type], never in the query)."""
        path = "/api/v2/search/export.json?query=status%3Csolved&filter[type]=ticket&page[size]=100"
        for item in self._pages(path, "results"):
            yield ticket_from_json(item, base_url=self.public, comments_loaded=False)

    def export_tickets(self, since: datetime, cursor: str | None = None) -> ExportPage:
        query = f"cursor={cursor}" if cursor else f"start_time={int(since.timestamp())}"
        data = self._read(lambda: self._get_json(f"/api/v2/incremental/tickets/cursor.json?{query}"))
        tickets = tuple(ticket_from_json(t, base_url=self.public, comments_loaded=False)
                        for t in data.get("tickets") or ())
        return ExportPage(tickets, data.get("after_cursor"), bool(data.get("end_of_stream")))

    # ---------------------------------------------------------------- the past (escalator simulate)

    def _roles(self) -> dict[str, str]:
        roles: dict[str, str] | None = getattr(self._local, "roles", None)
        if roles is None:
            roles = self._local.roles = {}
        return roles

    def _users(self, user_ids: Sequence[str]) -> list[dict[str, Any]]:
        """Users by id, 100 a call (users/show_many); their roles are kept for the rebuilds of timelines."""
        found: list[dict[str, Any]] = []
        ids = [str(int(u)) for u in dict.fromkeys(user_ids)]
        for start in range(0, len(ids), BATCH):
            path = f"/api/v2/users/show_many.json?ids={','.join(ids[start:start + BATCH])}"
            data = self._read(lambda path=path: self._get_json(path))  # type: ignore[misc]
            found += data.get("users") or []
        self._roles().update({str(u["id"]): str(u.get("role") or "end-user") for u in found})
        return found

    def get_customers(self, requester_ids: Sequence[str]) -> dict[str, Customer]:
        """Requesters 100 a call, each organization read once."""
        organizations: dict[str, dict[str, Any] | None] = {}
        out = {}
        for user in self._users(requester_ids):
            org_id = user.get("organization_id")
            organization = None
            if org_id:
                key = str(org_id)
                if key not in organizations:
                    try:
                        organizations[key] = self._object(lambda key=key: self.client.organizations(id=int(key)))  # type: ignore[misc]
                    except NotFoundError:
                        organizations[key] = None
                organization = organizations[key]
            out[str(user["id"])] = customer_from_json(user, organization)
        return out

    def ticket_timeline(self, ticket: Ticket) -> TicketTimeline:
        """The ticket's states from its audits (adapters/zendesk_history.py says what they show and what not)."""
        audits = list(self._pages(f"/api/v2/tickets/{int(ticket.id)}/audits.json", "audits"))
        roles = self._roles()
        unknown = sorted(a for a in authors(audits) if a not in roles and a.isdigit())
        if unknown:
            self._users(unknown)
            roles.update({a: "unknown" for a in unknown if a not in roles})
        return timeline_from_audits(ticket, audits, roles, integration_user_id=self.settings.integration_user_id)

    def satisfaction_ratings(self, since: datetime) -> Iterator[SatisfactionRating]:
        """Ratings customers gave (score=received): an offered survey nobody answered is no rating at all."""
        path = f"/api/v2/satisfaction_ratings.json?score=received&start_time={int(since.timestamp())}"
        for item in self._pages(path, "satisfaction_ratings"):
            score = str(item.get("score") or "")
            if not score.startswith(("good", "bad")):
                continue  # offered / unoffered: no answer
            yield SatisfactionRating(str(item["ticket_id"]), score, score.startswith("good"),
                                     when(item["created_at"]))

    # ---------------------------------------------------------------- writes

    def _payloads(self, request: ApplyRequest, note: str | None, *, bulk: bool = False
                  ) -> list[tuple[dict[str, Any], frozenset[Part]]]:
        """The update bodies for what is still to write, each with the parts it carries: the fields with the
        internal note in one, the public reply in a second (an update carries one comment).

        A single update sends the merged tag list (the single-ticket endpoint replaces tags) as a safe update, so
        a concurrent change is a 409, never a clobber. A bulk body sends additional_tags / remove_tags, which Update
        Many Tickets documents, so an agent's tag added meanwhile survives whatever update_many does with
        safe_update (sent too, but not relied on for tags)."""
        ticket, changes, key = request.ticket, request.changes, request.idempotency_key
        first = update_body(ticket, changes, note=None, public=False, tags="delta" if bulk else "merged")
        parts = {Part.FIELDS} if first else set()
        if note is not None:
            first["comment"] = {"body": with_marker(note, note_marker(key)), "public": False}
            parts.add(Part.NOTE)
        bodies: list[tuple[dict[str, Any], frozenset[Part]]] = [(first, frozenset(parts))] if first else []
        if changes.public_reply is not None:
            # The customer reads the reply (email, Help Center), so its marker is hidden: in the HTML body and in
            # the update's metadata (adapters/markers.py); the internal note keeps its visible reference line.
            bodies.append(({"comment": {"html_body": reply_html(changes.public_reply, reply_reference(key)),
                                        "public": True}}, frozenset({Part.REPLY})))
        for body, body_parts in bodies:
            body["metadata"] = {"escalator": {"key": key, "part": "reply"} if Part.REPLY in body_parts
                                else {"key": key}}
            if ticket.version:
                body["safe_update"] = True
                body["updated_stamp"] = ticket.version
        return bodies

    def _put(self, ticket_id: str, body: dict[str, Any]) -> Ticket:
        result = self._call(lambda: self.client.tickets.update(_zenpy_ticket(ticket_id, body)))
        return ticket_from_json(result.ticket.to_dict(), base_url=self.public, comments_loaded=False)

    # ---------------------------------------------------------------- linked task tickets

    def _find_task(self, external_id: str) -> str | None:
        path = f"/api/v2/tickets.json?external_id={quote(external_id, safe='')}"
        data = self._read(lambda: self._get_json(path))
        for item in data.get("tickets") or ():
            if item.get("external_id") == external_id:
                return str(item["id"])
        return None

    def _ensure_task(self, parent: Ticket, task: TaskTicket, idempotency_key: str) -> tuple[str, int]:
        """(the task ticket's id, the write requests it cost: 0 when it already existed). The external id is the
        platform's own idempotency key: an earlier attempt's task (its answer lost, say) is found, not made twice."""
        external_id = task_external_id(idempotency_key)
        existing = self._find_task(external_id)
        if existing is not None:
            return existing, 0
        audit = self._call(lambda: self.client.tickets.create(_zenpy_ticket(None, task_body(task, external_id))))
        return str(audit.ticket.id), 1

    def create_task_ticket(self, parent: Ticket, task: TaskTicket, idempotency_key: str) -> str:
        """A ticket of type task for the receiving group, created once: found first by its external id (List
        Tickets' external_id filter). No requester is given, so the API user is the requester and the customer is
        never emailed about it."""
        return self._ensure_task(parent, task, idempotency_key)[0]

    def task_url(self, task_id: str) -> str:
        return f"{self.public}/agent/tickets/{task_id}"

    # ---------------------------------------------------------------- apply

    def apply(self, request: ApplyRequest) -> ApplyResult:
        """One update for the fields and the note, a second for the public reply, the task ticket created first
        when there is one. Whatever fails raises with the parts confirmed before it."""
        ticket_id, changes = request.ticket.id, request.changes
        writes = 0
        landed: set[Part] = set()
        note = changes.internal_note
        try:
            if changes.task is not None:
                task_id, posts = self._ensure_task(request.ticket, changes.task, request.idempotency_key)
                writes += posts
                landed.add(Part.TASK)
                note = f"{(note or '').rstrip()}\n\n{task_link(task_id, self.task_url(task_id))}".lstrip()
            after: Ticket | None = None
            for body, parts in self._payloads(request, note):
                if after is not None and after.version and "updated_stamp" in body:
                    body["updated_stamp"] = after.version  # the second update follows our own first one
                writes += 1
                after = self._put(ticket_id, body)
                landed |= parts
        except HelpdeskError as exc:
            exc.landed = frozenset(landed)
            raise
        return ApplyResult(ticket_id, True, ticket=after, write_requests=writes, landed=frozenset(landed))

    def apply_many(self, requests_: Sequence[ApplyRequest]) -> list[ApplyResult]:
        """Bulk where it can (update_many in batches of 100); a decision with a public reply or a task goes alone.
        At a rate limit the results so far stand and every request not yet written fails with that RetryAfterError,
        so the caller knows what landed."""
        results: dict[int, ApplyResult] = {}
        bulk: list[tuple[int, ApplyRequest, dict[str, Any], frozenset[Part]]] = []
        limited: RetryAfterError | None = None
        for index, request in enumerate(requests_):
            if request.changes.public_reply is not None or request.changes.task is not None:
                # a reply needs a second update, a task a create: do it alone
                if limited is not None:
                    results[index] = ApplyResult(request.ticket.id, False, error=limited)
                    continue
                try:
                    results[index] = self.apply(request)
                except HelpdeskError as exc:
                    if isinstance(exc, RetryAfterError):
                        limited = exc
                    results[index] = ApplyResult(request.ticket.id, False, error=exc, landed=exc.landed)
                continue
            bodies = self._payloads(request, request.changes.internal_note, bulk=True)
            if bodies and sum(not (r.changes.public_reply or r.changes.task) for r in requests_) == 1:
                # the only one for the bulk call: one update is one request, a job is one plus its polls
                try:
                    results[index] = self.apply(request) if limited is None else ApplyResult(
                        request.ticket.id, False, error=limited)
                except HelpdeskError as exc:
                    results[index] = ApplyResult(request.ticket.id, False, error=exc, landed=exc.landed)
                continue
            if not bodies:
                results[index] = ApplyResult(request.ticket.id, True)
            else:
                bulk.append((index, request, *bodies[0]))
        for start in range(0, len(bulk), BATCH):
            batch = bulk[start:start + BATCH]
            if limited is None:
                try:
                    for (index, *_), result in zip(batch, self._update_many(batch), strict=True):
                        results[index] = result
                    continue
                except RetryAfterError as exc:
                    limited = exc
            for index, request, *_ in batch:
                results[index] = ApplyResult(request.ticket.id, False, error=limited)
        return [results[i] for i in range(len(requests_))]

    def _update_many(self, batch: Sequence[tuple[int, ApplyRequest, dict[str, Any], frozenset[Part]]]
                     ) -> list[ApplyResult]:
        objects = [_zenpy_ticket(request.ticket.id, body) for _, request, body, _ in batch]
        try:
            job = self._call(lambda: self.client.tickets.update(objects))
        except (TransientError, ConflictError, PermanentError) as exc:
            return [ApplyResult(r.ticket.id, False, error=exc) for _, r, _, _ in batch]
        try:
            status = self._wait_for_job(str(job.id))
        except HelpdeskError as exc:  # the job was taken: its writes may land whatever we learn of them
            return [ApplyResult(r.ticket.id, False, error=TransientError(str(exc))) for _, r, _, _ in batch]
        by_id = {str(item.get("id")): item for item in status.get("results") or ()}
        out = []
        for position, (_, request, _, parts) in enumerate(batch):
            item = by_id.get(request.ticket.id, {})
            writes = 1 if position == 0 else 0
            if item.get("success") or item.get("status") == "Updated":
                out.append(ApplyResult(request.ticket.id, True, write_requests=writes, landed=parts))
            else:
                error = str(item.get("error") or item.get("details") or "no result for this ticket in the job")
                out.append(ApplyResult(request.ticket.id, False, error=_job_error(item, error), write_requests=writes))
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

    def import_sla(self) -> SlaImport:
        """The account's SLA policies and business-hour schedules (with their holidays), as configuration."""
        policies = list(self._pages("/api/v2/slas/policies.json", "sla_policies"))
        schedules = list(self._pages("/api/v2/business_hours/schedules.json", "schedules"))
        holidays = {str(s["id"]): list(self._pages(f"/api/v2/business_hours/schedules/{s['id']}/holidays.json",
                                                   "holidays")) for s in schedules}
        return translate_sla(policies, schedules, holidays)

    def install(self, callback_url: str, secret: str) -> InstallResult:
        """Create or update (found by name, every page read) the webhook and the trigger that notifies it.

        The trigger fires on every ticket created or changed, by anyone, through any channel (other integrations'
        API updates included), except changes made by our own integration user when `integration_user_id` is set;
        without it there is no such condition, and our own updates are recognised when they come back (the
        integration user, the update metadata, deciding again changes nothing)."""
        from zenpy.lib.api_objects import Webhook as ZenpyWebhook

        existing = [w for w in self._pages("/api/v2/webhooks.json?page[size]=100", "webhooks")
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
            "conditions": {"all": trigger_conditions(self.settings.integration_user_id),
                           "any": [{"field": "update_type", "operator": "is", "value": "Create"},
                                   {"field": "update_type", "operator": "is", "value": "Change"}]},
            "actions": [{"field": "notification_webhook", "value": [webhook_id, TRIGGER_BODY]}],
        }
        mine = [t for t in self._pages("/api/v2/triggers.json?per_page=100", "triggers")
                if t.get("title") == INSTALL_NAME]
        from zenpy.lib.api_objects import Trigger as ZenpyTrigger

        if mine:
            trigger_id = str(mine[0]["id"])
            self._call(lambda: self.client.triggers.update(ZenpyTrigger(id=int(trigger_id), **trigger)))
        else:
            trigger_id = str(self._call(lambda: self.client.triggers.create(ZenpyTrigger(**trigger))).id)
        return InstallResult(webhook_id=str(webhook_id), rule_ids=(trigger_id,), created=created,
                             details={"signing_secret": signing})


def trigger_conditions(integration_user_id: str | None) -> list[dict[str, str]]:
    """Status below closed, and, when we know our integration user, "current user is not" that user (the user
    the API call authenticates as is the current user of an API update)."""
    conditions = [{"field": "status", "operator": "less_than", "value": "closed"}]
    if integration_user_id:
        conditions.append({"field": "current_user", "operator": "is_not", "value": str(integration_user_id)})
    return conditions


def _job_error(item: Mapping[str, Any], message: str) -> HelpdeskError:
    """A ticket's failure in an update_many job: a conflict is re-read and re-decided, a validation failure (a
    closed ticket, a group that does not exist) will not pass on a retry, anything else may."""
    text = f"{item.get('error') or ''} {item.get('details') or ''}".lower()
    if "conflict" in text:
        return ConflictError(f"update_many: {message}")
    if "invalid" in text:
        return PermanentError(f"update_many: {message}")
    return TransientError(f"update_many: {message}")
