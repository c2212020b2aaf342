"""The sandbox's HTTP API: the subset of Zendesk's Support and Webhooks APIs the escalator uses, with Zendesk's
reply shapes (see shared/reference/zendesk-openapi) and error bodies."""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from flask import Flask, Response, g, jsonify, request

from adapters.sandbox.faults import SLOW, WRITE_METHODS, Faults
from adapters.sandbox.ratelimit import UNLIMITED, RateLimit
from adapters.sandbox.state import Invalid, NotFound, SandboxError, SandboxState, parse_stamp, stamp

MAX_MANY = 100


@dataclass(frozen=True)
class Credentials:
    email: str
    token: str
    oauth_token: str | None = None

    def accepts(self, header: str | None) -> bool:
        if not header:
            return False
        if header.startswith("Bearer ") and self.oauth_token:
            return hmac.compare_digest(header[7:], self.oauth_token)
        if header.startswith("Basic "):
            try:
                decoded = base64.b64decode(header[6:], validate=True).decode()
            except (binascii.Error, UnicodeDecodeError):
                return False
            return hmac.compare_digest(decoded, f"{self.email}/token:{self.token}")
        return False


def _error(status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> Response:
    response = jsonify(body)
    response.status_code = status
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def _body() -> dict[str, Any]:
    if not request.data:
        return {}
    try:
        data = json.loads(request.data)
    except ValueError:
        raise SandboxError("The request body is not valid JSON") from None
    if not isinstance(data, dict):
        raise SandboxError("The request body must be a JSON object")
    return data


def _ids(text: str | None) -> list[int]:
    try:
        return [int(part) for part in (text or "").split(",") if part.strip()]
    except ValueError:
        raise SandboxError("ids must be a comma-separated list of numbers") from None


def _int_arg(name: str, default: int, *, minimum: int | None = None) -> int:
    """A numeric query parameter, or Zendesk's 400 naming it (never a 500 for per_page=x)."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SandboxError(f"{name} must be a number, got {raw!r}") from None
    if minimum is not None and value < minimum:
        raise SandboxError(f"{name} must be at least {minimum}, got {value}")
    return value


def make_api(state: SandboxState, faults: Faults, credentials: Credentials, *, job_delay: float = 0.05,
             base_url: Callable[[], str] | None = None, limit: RateLimit | None = None) -> Flask:
    app = Flask("zendesk_sandbox")
    budget = limit or RateLimit(UNLIMITED)
    app.json.sort_keys = False  # type: ignore[attr-defined]

    def absolute(path: str) -> str:
        """Links in replies use the account's public URL, as Zendesk's do (clients map it to the sandbox)."""
        root = base_url() if base_url is not None else f"https://{state.subdomain}.zendesk.com"
        return f"{root}{path}"

    @app.before_request
    def gate() -> Response | None:
        g.started = time.monotonic()
        g.delay = 0.0
        g.retry_after = None
        g.remaining = None
        if not request.path.startswith("/api/v2"):
            return None
        if not credentials.accepts(request.headers.get("Authorization")):
            return _error(401, {"error": "Couldn't authenticate you"})
        allowed, g.remaining, g.reset = budget.take(1)
        if not allowed:  # the account's requests for this minute are spent
            g.retry_after = float(math.ceil(g.reset))
            return _error(429, {"error": "APIRateLimitExceeded", "description": "Number of allowed API requests "
                                "per minute exceeded"}, {"Retry-After": f"{g.retry_after:g}"})
        fault = faults.take()
        if fault is not None and fault.status == SLOW:
            g.delay = fault.delay  # processed now, answered late
        elif fault is not None:
            g.retry_after = fault.retry_after
            headers = {"Retry-After": f"{fault.retry_after:g}"} if fault.retry_after is not None else {}
            body = ({"error": "APIRateLimitExceeded", "description": "Number of allowed API requests per minute "
                     "exceeded"} if fault.status == 429 else {"error": "InternalError",
                                                               "description": "Something went wrong"})
            return _error(fault.status, body, headers)
        g.drop_reply = faults.take_dropped_reply(request.method)
        return None

    @app.after_request
    def account(response: Response) -> Response:
        if not request.path.startswith("/api/v2"):
            return response
        if getattr(g, "drop_reply", False) and response.status_code < 400:
            response = _error(500, {"error": "InternalError", "description": "reply lost"})
        held = float(getattr(g, "delay", 0.0))
        if response.status_code < 400 and request.method in WRITE_METHODS:
            # a lost answer: the write is done, the answer leaves after the client stopped waiting for it
            held = max(held, faults.take_hold(request.method, request.path, request.get_json(force=True, silent=True)))
        if held:
            time.sleep(held)
        faults.record(request.method, request.path, response.status_code, len(request.data or b""),
                      request.data or b"", query=request.query_string.decode("latin-1"),
                      started=getattr(g, "started", None), retry_after=getattr(g, "retry_after", None), held=held)
        if getattr(g, "remaining", None) is not None:  # both spellings Zendesk sends
            response.headers["X-Rate-Limit"] = response.headers["ratelimit-limit"] = str(budget.per_minute)
            response.headers["X-Rate-Limit-Remaining"] = response.headers["ratelimit-remaining"] = str(g.remaining)
            response.headers["ratelimit-reset"] = str(math.ceil(g.reset))
        return response

    @app.errorhandler(SandboxError)
    def sandbox_error(exc: SandboxError) -> Response:
        return _error(exc.status, exc.body())

    @app.errorhandler(404)
    def not_found(_exc: Exception) -> Response:
        return _error(404, {"error": "InvalidEndpoint", "description": "Not found"})

    @app.errorhandler(405)
    def not_allowed(_exc: Exception) -> Response:
        return _error(405, {"error": "InvalidEndpoint", "description": "Method not allowed"})

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Response:
        # Whatever goes wrong, the answer is Zendesk-shaped JSON, never an HTML page.
        status = getattr(exc, "code", None)
        if isinstance(status, int) and 400 <= status < 500:
            return _error(status, {"error": "InvalidEndpoint", "description": str(exc)})
        return _error(500, {"error": "InternalError", "description": f"{type(exc).__name__}"})

    def offset_page(items: list[Any], key: str, path: str, *, extra: dict[str, Any] | None = None) -> Response:
        """Offset pagination as Zendesk does it: per_page (at most 100), page, next_page/previous_page, count."""
        size = min(_int_arg("per_page", state.page_size, minimum=1), state.page_size, 100)
        page = _int_arg("page", 1, minimum=1)
        chunk = items[(page - 1) * size: page * size]
        args = {k: v for k, v in request.args.items() if k not in ("page", "per_page")}

        def link(number: int) -> str:
            query = urlencode({**args, "page": number, "per_page": size})
            return absolute(f"{path}.json?{query}")

        return jsonify({key: chunk, **(extra or {}),
                        "next_page": link(page + 1) if page * size < len(items) else None,
                        "previous_page": link(page - 1) if page > 1 else None, "count": len(items)})

    def sorted_tickets(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """List Tickets' order: sort_by (id, created_at, updated_at, status, subject; id by default) and sort_order
        (asc by default, or desc), ties by id."""
        key = request.args.get("sort_by", "id")
        order = request.args.get("sort_order", "asc")
        if key not in ("id", "created_at", "updated_at", "status", "subject") or order not in ("asc", "desc"):
            raise SandboxError(f"sort_by={key!r} sort_order={order!r} is not a valid sort")
        return sorted(items, key=lambda t: (str(t.get(key) or "") if key != "id" else t["id"], t["id"]),
                      reverse=order == "desc")

    def cursor_page(items: list[dict[str, Any]], key: str, path: str, *, cursor_key: str = "id") -> Response:
        """Cursor pagination: page[size], page[after]; meta.has_more, meta.after_cursor, links.next."""
        size = min(_int_arg("page[size]", state.page_size, minimum=1), state.page_size, 100)
        after = request.args.get("page[after]")
        start = 0
        if after:
            try:
                position = base64.urlsafe_b64decode(after.encode()).decode()
            except (ValueError, binascii.Error):
                raise SandboxError("page[after] is not a valid cursor") from None
            marks = [str(item[cursor_key]) for item in items]
            if position not in marks:
                raise SandboxError("page[after] is not a valid cursor")
            start = marks.index(position) + 1
        chunk = items[start:start + size]
        more = start + size < len(items)
        cursor = base64.urlsafe_b64encode(str(chunk[-1][cursor_key]).encode()).decode() if chunk else None
        args = {k: v for k, v in request.args.items() if k != "page[after]"}
        following = absolute(f"{path}?{urlencode({**args, 'page[after]': cursor})}") if more and cursor else None
        return jsonify({key: chunk, "meta": {"has_more": more, "after_cursor": cursor, "before_cursor": None},
                        "links": {"next": following, "prev": None}})

    def via_id() -> int:
        return 5

    def actor() -> int | None:
        for user in state.users.values():
            if user["email"] == credentials.email:
                return int(user["id"])
        return None

    # ---------------------------------------------------------------- tickets

    def sideloads(tickets: list[dict[str, Any]]) -> dict[str, Any]:
        """Zendesk's sideloads (`include=users,organizations`): the tickets' people, and their and the tickets'
        organizations; on a single ticket and on ticket lists alike."""
        wanted = {part.strip() for part in (request.args.get("include") or "").split(",")}
        people = [t.get(k) for t in tickets for k in ("requester_id", "submitter_id", "assignee_id")]
        users = [state.user(u) for u in dict.fromkeys(people) if u is not None and u in state.users]
        out: dict[str, Any] = {}
        if "users" in wanted:
            out["users"] = users
        if "organizations" in wanted:
            orgs = [*(t.get("organization_id") for t in tickets), *(u.get("organization_id") for u in users)]
            out["organizations"] = [state.organization(o) for o in dict.fromkeys(orgs)
                                    if o is not None and o in state.organizations]
        return out

    @app.get("/api/v2/tickets/<int:ticket_id>")
    def show_ticket(ticket_id: int) -> Response:
        ticket = state.ticket(ticket_id)
        return jsonify({"ticket": ticket, **sideloads([ticket])})

    @app.get("/api/v2/tickets/show_many")
    def show_many() -> Response:
        ids = _ids(request.args.get("ids"))
        if len(ids) > MAX_MANY:
            return too_many()
        return jsonify({"tickets": [state.ticket(i) for i in ids if i in state.tickets],
                        "next_page": None, "previous_page": None, "count": len(ids)})

    @app.get("/api/v2/tickets")
    def list_tickets() -> Response:
        with state.lock:
            everything = sorted(state.tickets)
            if "external_id" in request.args:  # ListTickets' documented filter
                wanted = request.args["external_id"]
                everything = [i for i in everything if state.tickets[i]["external_id"] == wanted]
        size = min(_int_arg("page[size]", _int_arg("per_page", 100, minimum=1), minimum=1), 100)
        if "page[size]" in request.args or "page[after]" in request.args:
            after = _int_arg("page[after]", 0)
            chunk = [i for i in everything if i > after][:size]
            more = bool(chunk) and chunk[-1] != everything[-1]
            cursor = str(chunk[-1]) if chunk else None
            return jsonify({"tickets": [state.ticket(i) for i in chunk],
                            "meta": {"has_more": more, "after_cursor": cursor, "before_cursor": None},
                            "links": {"next": absolute(f"/api/v2/tickets.json?page[size]={size}&page[after]="
                                                       f"{cursor}") if more else None, "prev": None}})
        page = _int_arg("page", 1, minimum=1)
        chunk = everything[(page - 1) * size: page * size]
        more = page * size < len(everything)
        return jsonify({"tickets": [state.ticket(i) for i in chunk], "count": len(everything),
                        "next_page": absolute(f"/api/v2/tickets.json?page={page + 1}&per_page={size}") if more
                        else None, "previous_page": None})

    @app.post("/api/v2/tickets")
    def create_ticket() -> tuple[Response, int]:
        data = _body().get("ticket")
        if not isinstance(data, dict):
            raise Invalid("ticket is required")
        comment = data.get("comment")
        if not isinstance(comment, dict) or not (comment.get("body") or comment.get("html_body")):
            raise Invalid("Comment: a ticket is created with its first comment (comment.body)")
        public = comment.get("public", True)
        if not isinstance(public, bool):
            raise Invalid(f"Comment: public must be true or false, got {public!r}")
        requester = data.get("requester_id") if data.get("requester_id") is not None else actor()
        if not isinstance(requester, int) or isinstance(requester, bool):
            raise Invalid(f"Requester: {requester!r} is not a user id")
        ticket = state.create_ticket(
            requester_id=requester, subject=str(data.get("subject") or ""),
            description=str(comment.get("body") or comment.get("html_body")), priority=data.get("priority"),
            status=data.get("status", "new"), tags=data.get("tags", []), group_id=data.get("group_id"),
            assignee_id=data.get("assignee_id"), ticket_type=data.get("type"),
            custom_fields=data.get("custom_fields", []), via_id=via_id(), actor_id=actor(),
            user_agent=request.headers.get("User-Agent", ""), metadata=data.get("metadata"),
            external_id=data.get("external_id"), due_at=data.get("due_at"), comment_public=public)
        audit = state.audits[ticket["id"]][-1]
        response = jsonify({"ticket": ticket, "audit": audit})
        response.headers["Location"] = absolute(f"/api/v2/tickets/{ticket['id']}.json")
        return response, 201

    @app.put("/api/v2/tickets/<int:ticket_id>")
    def update_ticket(ticket_id: int) -> Response:
        data = _body().get("ticket")
        if not isinstance(data, dict):
            raise Invalid("ticket is required")
        ticket, audit = state.update_ticket(ticket_id, data, actor_id=actor(), via_id=via_id(),
                                            user_agent=request.headers.get("User-Agent", ""),
                                            metadata=data.get("metadata"))
        return jsonify({"ticket": ticket, "audit": audit})

    def too_many() -> Response:
        return _error(400, {"error": "TooManyValues", "description": f"Parameter  cannot specify more than "
                                                                    f"{MAX_MANY} values", "max_count": MAX_MANY})

    @app.put("/api/v2/tickets/update_many")
    def update_many() -> Response:
        body = _body()
        if "tickets" in body:
            items = body["tickets"]
            if not isinstance(items, list):
                raise SandboxError("tickets must be an array of ticket objects")
            if len(items) > MAX_MANY:
                return too_many()
            for item in items:
                if not isinstance(item, dict):
                    raise SandboxError(f"each of tickets must be a ticket object, got {type(item).__name__}")
                if not isinstance(item.get("id"), int) or isinstance(item.get("id"), bool):
                    raise SandboxError(f"each ticket object needs its integer id, got {item.get('id')!r}")
            pairs = [(int(item["id"]), item) for item in items]
        else:
            ids = _ids(request.args.get("ids"))
            if not ids:
                raise SandboxError("either a tickets array in the body or ids in the query is required")
            if len(ids) > MAX_MANY:
                return too_many()
            fields = body.get("ticket")
            if not isinstance(fields, dict):
                raise SandboxError("with ids, the body must be {\"ticket\": {...}}")
            pairs = [(i, dict(fields)) for i in ids]
        results = []
        for ticket_id, fields in pairs:
            try:
                state.update_ticket(ticket_id, fields, actor_id=actor(), via_id=via_id(),
                                    user_agent=request.headers.get("User-Agent", ""),
                                    metadata=fields.get("metadata"))
                results.append({"id": ticket_id, "action": "update", "success": True, "status": "Updated"})
            except SandboxError as exc:
                results.append({"id": ticket_id, "action": "update", "success": False, "error": exc.error,
                                "details": exc.description})
        job = state.add_job(results, job_delay, time.monotonic())
        return jsonify({"job_status": job_json(job)})

    def job_json(job: Any) -> dict[str, Any]:
        now = time.monotonic()
        done = now >= job.ready_after
        status = "completed" if done else ("working" if now >= job.created + (job.ready_after - job.created) / 2
                                           else "queued")
        return {"id": job.id, "url": absolute(f"/api/v2/job_statuses/{job.id}.json"), "job_type": job.job_type,
                "total": job.total, "progress": job.total if done else None, "status": status,
                "message": "Completed at " + stamp(datetime.now(UTC)) if done else None,
                "results": job.results if done else None}

    @app.get("/api/v2/job_statuses/<job_id>")
    def job_status(job_id: str) -> Response:
        job = state.jobs.get(job_id)
        if job is None:
            raise NotFound()
        return jsonify({"job_status": job_json(job)})

    @app.get("/api/v2/job_statuses/show_many")
    def job_statuses() -> Response:
        ids = [i for i in (request.args.get("ids") or "").split(",") if i]
        return jsonify({"job_statuses": [job_json(state.jobs[i]) for i in ids if i in state.jobs]})

    @app.get("/api/v2/tickets/<int:ticket_id>/comments")
    def comments(ticket_id: int) -> Response:
        state.ticket(ticket_id)
        with state.lock:
            items = [dict(c) for c in state.comments[ticket_id]]
        reply: dict[str, Any] = {"comments": items, "next_page": None, "previous_page": None, "count": len(items)}
        if "users" in (request.args.get("include") or ""):
            authors = {c["author_id"] for c in items if c["author_id"] in state.users}
            reply["users"] = [state.user(a) for a in sorted(authors)]
        return jsonify(reply)

    @app.get("/api/v2/tickets/<int:ticket_id>/audits")
    def audits(ticket_id: int) -> Response:
        state.ticket(ticket_id)
        with state.lock:
            items = list(state.audits[ticket_id])
        return jsonify({"audits": items, "next_page": None, "previous_page": None, "count": len(items)})

    @app.route("/api/v2/tickets/<int:ticket_id>/tags", methods=["GET", "PUT", "POST", "DELETE"])
    def tags(ticket_id: int) -> Response:
        if request.method == "GET":
            return jsonify({"tags": state.ticket(ticket_id)["tags"]})
        data = _body()
        mode = {"PUT": "add", "POST": "set", "DELETE": "remove"}[request.method]
        if data.get("safe_update") is not None and "updated_stamp" in data:
            current = state.ticket(ticket_id)
            if str(data["updated_stamp"]) != current["updated_at"]:
                from adapters.sandbox.state import Conflict

                raise Conflict()
        return jsonify({"tags": state.set_tags(ticket_id, data.get("tags", []), actor_id=actor(), mode=mode)})

    # ---------------------------------------------------------------- people

    @app.get("/api/v2/users/<int:user_id>")
    def show_user(user_id: int) -> Response:
        return jsonify({"user": state.user(user_id)})

    @app.get("/api/v2/users/show_many")
    def show_users() -> Response:
        return jsonify({"users": [state.user(i) for i in _ids(request.args.get("ids")) if i in state.users]})

    @app.get("/api/v2/users/<int:user_id>/tickets/requested")
    def requested(user_id: int) -> Response:
        state.user(user_id)
        with state.lock:
            items = [dict(t) for t in state.tickets.values() if t["requester_id"] == user_id]
        page = offset_page(sorted_tickets(items), "tickets", f"/api/v2/users/{user_id}/tickets/requested")
        data = page.get_json()
        data.update(sideloads(list(data.get("tickets") or ())))
        return jsonify(data)

    @app.get("/api/v2/organizations/<int:organization_id>")
    def show_organization(organization_id: int) -> Response:
        return jsonify({"organization": state.organization(organization_id)})

    @app.get("/api/v2/groups")
    def groups() -> Response:
        with state.lock:
            items = list(state.groups.values())
        return jsonify({"groups": items, "next_page": None, "previous_page": None, "count": len(items)})

    # ---------------------------------------------------------------- search, export, ratings

    @app.get("/api/v2/search")
    def search() -> Response:
        query = request.args.get("query", "")
        size = min(_int_arg("per_page", state.page_size, minimum=1), state.page_size, 100)
        page = _int_arg("page", 1, minimum=1)
        if page * size > state.search_limit:
            # Zendesk's search returns at most 1,000 results; past that it refuses (use the export search)
            return _error(422, {"error": "invalid", "description": "Invalid search: Requested response size was "
                                f"greater than Search Response Limits ({state.search_limit})"})
        with state.lock:
            items = [dict(t) for t in state.tickets.values() if _search_match(query, t)]
        results = [{**t, "result_type": "ticket"} for t in sorted(items, key=lambda t: t["id"])]
        return offset_page(results, "results", "/api/v2/search", extra={"facets": None})

    @app.get("/api/v2/search/export")
    def search_export() -> Response:
        query = request.args.get("query", "")
        if request.args.get("filter[type]") != "ticket":
            raise SandboxError("filter[type] is required (this sandbox exports tickets: filter[type]=ticket)")
        if any(_split_term(term)[0] == "type" for term in query.split()):
            raise SandboxError("the type goes in filter[type], not in the query")
        with state.lock:
            items = [dict(t) for t in state.tickets.values() if _search_match(query, t)]
        results = [{**t, "result_type": "ticket"} for t in sorted(items, key=lambda t: (t["created_at"], t["id"]))]
        return cursor_page(results, "results", "/api/v2/search/export")

    @app.get("/api/v2/incremental/tickets/cursor")
    def incremental() -> Response:
        per_page = min(_int_arg("per_page", 1000, minimum=1), 1000)
        if "cursor" in request.args:
            try:
                after_ts, after_id = (int(x) for x in base64.urlsafe_b64decode(request.args["cursor"]).decode()
                                      .split(":"))
            except (ValueError, binascii.Error):
                raise SandboxError("invalid cursor") from None
        elif "start_time" in request.args:
            after_ts, after_id = _int_arg("start_time", 0), -1
        else:
            raise SandboxError("start_time or cursor is required")
        with state.lock:
            ordered = sorted(state.tickets.values(), key=lambda t: (t["generated_timestamp"], t["id"]))
            chunk = [dict(t) for t in ordered if (t["generated_timestamp"], t["id"]) > (after_ts, after_id)
                     and t["generated_timestamp"] >= after_ts][:per_page]
        end = len(chunk) < per_page
        cursor = (base64.urlsafe_b64encode(f"{chunk[-1]['generated_timestamp']}:{chunk[-1]['id']}".encode())
                  .decode() if chunk else request.args.get("cursor") or base64.urlsafe_b64encode(
                      f"{after_ts}:{after_id}".encode()).decode())
        return jsonify({"tickets": chunk, "after_cursor": cursor,
                        "after_url": absolute(f"/api/v2/incremental/tickets/cursor.json?cursor={cursor}"),
                        "before_cursor": None, "before_url": None, "end_of_stream": end})

    @app.get("/api/v2/satisfaction_ratings")
    def ratings() -> Response:
        start = _int_arg("start_time", 0)
        score = request.args.get("score")
        if score is not None and score not in RATING_FILTERS:
            raise SandboxError(f"score must be one of {', '.join(sorted(RATING_FILTERS))}, got {score!r}")
        with state.lock:
            items = [dict(r) for r in state.ratings if parse_stamp(r["created_at"]).timestamp() >= start
                     and (score is None or _rating_matches(score, r))]
        return offset_page(items, "satisfaction_ratings", "/api/v2/satisfaction_ratings")

    # ---------------------------------------------------------------- webhooks and triggers

    @app.route("/api/v2/webhooks", methods=["GET", "POST"])
    def webhooks() -> tuple[Response, int]:
        if request.method == "POST":
            data = _body().get("webhook")
            if not isinstance(data, dict) or not data.get("endpoint"):
                raise SandboxError("webhook.endpoint is required")
            return jsonify({"webhook": state.add_webhook(data)}), 201
        with state.lock:
            items = list(state.webhooks.values())
        return cursor_page(items, "webhooks", "/api/v2/webhooks"), 200

    @app.route("/api/v2/webhooks/<webhook_id>", methods=["GET", "PATCH", "PUT", "DELETE"])
    def webhook(webhook_id: str) -> tuple[Response | str, int]:
        with state.lock:
            if webhook_id not in state.webhooks:
                raise NotFound()
            if request.method == "DELETE":
                del state.webhooks[webhook_id]
                return "", 204
            if request.method in ("PATCH", "PUT"):
                data = _body().get("webhook") or {}
                for key in ("name", "endpoint", "http_method", "request_format", "status", "subscriptions",
                            "authentication"):
                    if key in data:
                        state.webhooks[webhook_id][key] = data[key]
                state.webhooks[webhook_id]["updated_at"] = stamp(state.clock())
                return "", 204
            return jsonify({"webhook": dict(state.webhooks[webhook_id])}), 200

    @app.get("/api/v2/webhooks/<webhook_id>/signing_secret")
    def signing_secret(webhook_id: str) -> Response:
        if webhook_id not in state.signing_secrets:
            raise NotFound()
        return jsonify({"signing_secret": {"secret": state.signing_secrets[webhook_id], "algorithm": "SHA256"}})

    @app.route("/api/v2/triggers", methods=["GET", "POST"])
    def triggers() -> tuple[Response, int]:
        if request.method == "POST":
            data = _body().get("trigger")
            if not isinstance(data, dict) or not data.get("actions"):
                raise Invalid("trigger.actions is required")
            return jsonify({"trigger": state.add_trigger(data)}), 201
        with state.lock:
            items = list(state.triggers.values())
        return offset_page(items, "triggers", "/api/v2/triggers"), 200

    @app.route("/api/v2/triggers/<int:trigger_id>", methods=["GET", "PUT", "DELETE"])
    def trigger(trigger_id: int) -> tuple[Response | str, int]:
        with state.lock:
            if trigger_id not in state.triggers:
                raise NotFound()
            if request.method == "DELETE":
                del state.triggers[trigger_id]
                return "", 204
            if request.method == "PUT":
                data = _body().get("trigger") or {}
                for key in ("title", "active", "conditions", "actions", "description"):
                    if key in data:
                        state.triggers[trigger_id][key] = data[key]
            return jsonify({"trigger": dict(state.triggers[trigger_id])}), 200

    # ---------------------------------------------------------------- SLA policies and schedules

    @app.route("/api/v2/slas/policies", methods=["GET", "POST"])
    def sla_policies() -> tuple[Response, int]:
        if request.method == "POST":
            data = _body().get("sla_policy")
            if not isinstance(data, dict) or not data.get("title"):
                raise Invalid("Title: cannot be blank")
            return jsonify({"sla_policy": state.add_sla_policy(
                str(data["title"]), filter=data.get("filter"), policy_metrics=data.get("policy_metrics") or [],
                description=str(data.get("description") or ""), position=data.get("position"))}), 201
        with state.lock:
            items = sorted((dict(p) for p in state.sla_policies.values()), key=lambda p: (p["position"], p["id"]))
        return jsonify({"sla_policies": items, "next_page": None, "previous_page": None, "count": len(items)}), 200

    @app.get("/api/v2/slas/policies/<int:policy_id>")
    def sla_policy(policy_id: int) -> Response:
        with state.lock:
            if policy_id not in state.sla_policies:
                raise NotFound()
            return jsonify({"sla_policy": dict(state.sla_policies[policy_id])})

    @app.route("/api/v2/business_hours/schedules", methods=["GET", "POST"])
    def schedules() -> tuple[Response, int]:
        if request.method == "POST":
            data = _body().get("schedule")
            if not isinstance(data, dict) or not data.get("name") or not data.get("time_zone"):
                raise Invalid("Schedule: name and time_zone are required")
            return jsonify({"schedule": state.add_schedule(str(data["name"]), str(data["time_zone"]),
                                                           data.get("intervals") or [])}), 201
        with state.lock:
            items = [dict(s) for s in sorted(state.schedules.values(), key=lambda s: s["id"])]
        return jsonify({"schedules": items}), 200

    @app.get("/api/v2/business_hours/schedules/<int:schedule_id>")
    def schedule(schedule_id: int) -> Response:
        with state.lock:
            if schedule_id not in state.schedules:
                raise NotFound()
            return jsonify({"schedule": dict(state.schedules[schedule_id])})

    @app.route("/api/v2/business_hours/schedules/<int:schedule_id>/holidays", methods=["GET", "POST"])
    def holidays(schedule_id: int) -> tuple[Response, int]:
        if request.method == "POST":
            data = _body().get("holiday")
            if not isinstance(data, dict) or not data.get("name") or not data.get("start_date"):
                raise Invalid("Holiday: name and start_date are required")
            return jsonify({"holiday": state.add_holiday(schedule_id, str(data["name"]), str(data["start_date"]),
                                                         data.get("end_date"))}), 201
        with state.lock:
            if schedule_id not in state.schedules:
                raise NotFound()
            items = [dict(h) for h in state.holidays[schedule_id]]
        return jsonify({"holidays": items}), 200

    return app


RATING_FILTERS = frozenset({"offered", "unoffered", "received", "received_with_comment", "received_without_comment",
                            "good", "good_with_comment", "good_without_comment", "bad", "bad_with_comment",
                            "bad_without_comment"})


def _rating_matches(wanted: str, rating: dict[str, Any]) -> bool:
    """List Satisfaction Ratings' score filter: received means good or bad; an unqualified score takes both with
    and without comments."""
    score = str(rating.get("score") or "")
    base, _, comment = wanted.partition("_with")
    matches = score in ("good", "bad") if base == "received" else score == base
    if comment == "_comment":
        matches = matches and bool(rating.get("comment"))
    elif comment == "out_comment":
        matches = matches and not rating.get("comment")
    return matches


def _search_match(query: str, ticket: dict[str, Any]) -> bool:
    order = ["new", "open", "pending", "hold", "solved", "closed"]
    for term in query.split():
        key, op, value = _split_term(term)
        if key == "type":
            if value != "ticket":
                return False
        elif key in ("requester_id", "requester"):
            if str(ticket["requester_id"]) != value:
                return False
        elif key == "status":
            index, wanted = order.index(ticket["status"]), order.index(value) if value in order else -1
            if not ((op == ":" and index == wanted) or (op == "<" and index < wanted) or (op == ">" and index >
                                                                                          wanted)):
                return False
        elif key == "created":
            created = ticket["created_at"][:10]
            if not ((op == ">" and created > value) or (op == "<" and created < value) or (op == ":" and created ==
                                                                                           value)):
                return False
        elif key == "tags" and value not in ticket["tags"]:
            return False
    return True


def _split_term(term: str) -> tuple[str, str, str]:
    for op in ("<", ">", ":"):
        if op in term:
            key, value = term.split(op, 1)
            return key, op, value.strip('"')
    return term, ":", ""
