"""The Freshdesk sandbox's HTTP API: the Flask app, what every request goes through (basic auth with the API key,
Accept and Content-Type checks, the per-minute credit budget and its `X-Ratelimit-*` headers, the fault switches,
the request record) and the helpers its routes share (JSON bodies, numeric arguments, `page`/`per_page` pagination
with a `link` header). The routes are in tickets_api.py and account_api.py.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import math
import time
from dataclasses import dataclass

from flask import Flask, Response, g, jsonify, request

from adapters.sandbox.faults import SLOW, WRITE_METHODS, Faults
from adapters.sandbox.freshdesk.account_api import register as register_account
from adapters.sandbox.freshdesk.errors import FreshdeskError, RequestRefused
from adapters.sandbox.freshdesk.state import FreshdeskState
from adapters.sandbox.freshdesk.tickets_api import register as register_tickets
from adapters.sandbox.ratelimit import RateLimit


@dataclass
class Account:
    """Who may call the API: the API key (its basic-auth password is not checked, as Freshdesk's is not), the agent
    it belongs to, and whether that agent is an admin (SLA policies, business hours and automations need one)."""

    api_key: str
    agent_id: int
    admin: bool = True

    def accepts(self, header: str | None) -> bool:
        scheme, _, credentials = (header or "").partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            user = base64.b64decode(credentials.strip(), validate=True).decode().partition(":")[0]
        except (binascii.Error, UnicodeDecodeError):
            return False
        return hmac.compare_digest(user.encode(), self.api_key.encode())


def _refusal(exc: FreshdeskError, headers: dict[str, str] | None = None) -> Response:
    data = exc.body()
    response = jsonify(data) if data is not None else Response(b"", content_type="application/json")
    response.status_code = exc.status
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def _cost() -> int:
    embeds = len([p for p in request.args.get("include", "").split(",") if p.strip()])
    listing = request.method == "GET" and request.path.rstrip("/") == "/api/v2/tickets"
    return 1 + embeds * (2 if listing else 1)


def make_api(state: FreshdeskState, faults: Faults, account: Account, limit: RateLimit) -> Flask:
    app = Flask("freshdesk_sandbox")
    app.json.sort_keys = False  # type: ignore[attr-defined]

    @app.before_request
    def gate() -> Response | None:
        g.started, g.delay, g.retry_after, g.cost, g.remaining = time.monotonic(), 0.0, None, 0, None
        if not request.path.startswith("/api/v2"):
            return None
        if not account.accepts(request.headers.get("Authorization")):
            return _refusal(RequestRefused(401, "invalid_credentials", "You have to be logged in to perform this "
                                                                       "action."))
        g.cost = _cost()
        allowed, g.remaining, reset = limit.take(g.cost)
        if not allowed:
            g.retry_after = float(math.ceil(reset))
            return _refusal(RequestRefused(429, "rate_limit_exceeded", "You have exceeded the limit of requests per "
                                                                       "minute"), {"Retry-After": f"{g.retry_after:g}"})
        accept = request.headers.get("Accept", "*/*")
        if not any(kind in accept for kind in ("application/json", "*/*")):
            return _refusal(RequestRefused(406, "invalid_accept_header", "Only application/json and */* are "
                                                                         "supported in the Accept header"))
        if request.method in ("POST", "PUT") and request.data and not (request.mimetype or "").endswith("json"):
            return _refusal(RequestRefused(415, "invalid_content_type", "Content-Type header should have "
                                                                        "application/json"))
        fault = faults.take()
        if fault is not None and fault.status == SLOW:
            g.delay = fault.delay
        elif fault is not None:
            g.retry_after = fault.retry_after
            headers = {"Retry-After": f"{fault.retry_after:g}"} if fault.retry_after is not None else {}
            refusal = (RequestRefused(429, "rate_limit_exceeded", "You have exceeded the limit of requests per "
                                                                  "minute") if fault.status == 429
                       else RequestRefused(fault.status, "internal_error", "We're sorry, but something went wrong."))
            return _refusal(refusal, headers)
        g.drop_reply = faults.take_dropped_reply(request.method)
        return None

    @app.after_request
    def record(response: Response) -> Response:
        if not request.path.startswith("/api/v2"):
            return response
        if getattr(g, "drop_reply", False) and response.status_code < 400:
            response = _refusal(RequestRefused(500, "internal_error", "We're sorry, but something went wrong."))
        held = float(getattr(g, "delay", 0.0))
        if response.status_code < 400 and request.method in WRITE_METHODS:
            held = max(held, faults.take_hold(request.method, request.path, request.get_json(silent=True)))
        if held:
            time.sleep(held)
        faults.record(request.method, request.path, response.status_code, len(request.data or b""),
                      request.data or b"", query=request.query_string.decode("latin-1"),
                      started=getattr(g, "started", None), retry_after=getattr(g, "retry_after", None), held=held,
                      credits=int(getattr(g, "cost", 0)))
        if getattr(g, "remaining", None) is not None:
            response.headers["X-Ratelimit-Total"] = str(limit.per_minute)
            response.headers["X-Ratelimit-Remaining"] = str(g.remaining)
            response.headers["X-Ratelimit-Used-CurrentRequest"] = str(g.cost)
        return response

    @app.errorhandler(FreshdeskError)
    def refused(exc: FreshdeskError) -> Response:
        return _refusal(exc)

    @app.errorhandler(404)
    def no_route(_exc: Exception) -> Response:
        return Response(b"", status=404, content_type="application/json")

    @app.errorhandler(405)
    def wrong_method(_exc: Exception) -> Response:
        return _refusal(RequestRefused(405, "method_not_allowed", f"{request.method} method is not allowed for "
                                                                  f"{request.path}"))

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Response:
        status = getattr(exc, "code", None)
        if isinstance(status, int) and 400 <= status < 500:
            return _refusal(RequestRefused(status, "invalid_request", str(exc)))
        return _refusal(RequestRefused(500, "internal_error", type(exc).__name__))

    def admin_only() -> None:
        if not account.admin:
            raise RequestRefused(403, "access_denied", "You are not authorized to perform this action.")

    register_tickets(app, state, account.agent_id)
    register_account(app, state, account.agent_id, admin_only)
    return app
