"""The sandbox server: a Zendesk-compatible API on 127.0.0.1 in a background thread, with its state, its request
counters and fault switches, and webhook delivery.

    with Sandbox() as zendesk:
        zendesk.state.add_user("Ann", "ann@example.com")
        ...   # point the Zendesk adapter at zendesk.url
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from adapters.sandbox.api import Credentials, make_api
from adapters.sandbox.faults import Faults, RequestRecord
from adapters.sandbox.state import SandboxState
from adapters.sandbox.webhooks import Deliverer, Invocation

DEFAULT_EMAIL = "escalator@sandbox.example"
DEFAULT_TOKEN = "sandbox-token-not-a-secret"


class _QuietHandler(WSGIRequestHandler):
    """No access log on the terminal: the sandbox records requests itself (Sandbox.count)."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return


class _StripJson:
    """Zendesk accepts /api/v2/tickets/1 and /api/v2/tickets/1.json alike (zenpy sends the latter)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path.endswith(".json"):
            environ["PATH_INFO"] = path[:-5]
        result: Iterable[bytes] = self.app(environ, start_response)
        return result


class Sandbox:
    def __init__(self, port: int = 0, *, host: str = "127.0.0.1", email: str = DEFAULT_EMAIL,
                 token: str = DEFAULT_TOKEN, oauth_token: str | None = None, subdomain: str = "sandbox",
                 job_delay: float = 0.05, webhook_retries: int = 3, webhook_retry_delay: float = 0.2,
                 webhook_workers: int = 1, webhook_resend_for: float | None = None,
                 webhook_resend_interval: float = 1.0, clock: Callable[[], datetime] | None = None) -> None:
        self.state = SandboxState(clock=clock or (lambda: datetime.now(UTC)), subdomain=subdomain)
        self.faults = Faults()
        self.email, self.token = email, token
        self.credentials = Credentials(email, token, oauth_token)
        self.deliverer = Deliverer(self.state, retries=webhook_retries, retry_delay=webhook_retry_delay,
                                   workers=webhook_workers, resend_for=webhook_resend_for,
                                   resend_interval=webhook_resend_interval)
        self._host, self._port = host, port
        self._job_delay = job_delay
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the sandbox is not started")
        return f"http://{self._host}:{self._server.server_port}"

    def start(self) -> Sandbox:
        app = make_api(self.state, self.faults, self.credentials, job_delay=self._job_delay)
        self._server = make_server(self._host, self._port, _StripJson(app), threaded=True,
                                   request_handler=_QuietHandler)
        self._thread = threading.Thread(target=self._server.serve_forever, name="zendesk-sandbox", daemon=True)
        self._thread.start()
        self.deliverer.start()
        return self

    def stop(self) -> None:
        self.deliverer.stop()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # counting and faults
    def count(self, method: str | None = None, path_prefix: str | None = None, status: int | None = None) -> int:
        return self.faults.count(method, path_prefix, status)

    def write_requests(self, *, successful_only: bool = False) -> int:
        return self.faults.write_requests(successful_only=successful_only)

    def reset_counts(self) -> None:
        self.faults.reset_counts()

    def recorded(self, method: str | None = None, path_prefix: str | None = None) -> list[RequestRecord]:
        """The API requests received, with their bodies (`record.json()`), oldest first."""
        return self.faults.recorded(method, path_prefix)

    def fail_next(self, count: int = 1, status: int = 429, retry_after: float | None = 30) -> None:
        self.faults.fail_next(count, status, retry_after)

    def fail_share(self, share: float, statuses: tuple[int, ...] = (429, 500, 503), *, seed: int = 0,
                   retry_after: float | tuple[float, ...] = 1, slow: tuple[float, float] = (1.0, 2.0)) -> None:
        """Refuse a random share of requests (429 with Retry-After, 5xx), or with SLOW among the statuses, answer
        some late; see Faults.fail_share."""
        self.faults.fail_share(share, statuses, seed=seed, retry_after=retry_after, slow=slow)

    def drop_reply_next(self, count: int = 1) -> None:
        self.faults.drop_reply_next(count)

    def hold_answer(self, kind: str, seconds: float, count: int = 1) -> None:
        """Apply the next `count` writes of `kind` ("update", "reply", "update_many", "create"), then hold each
        answer `seconds`: past the client's timeout, the answer is lost though the write landed."""
        self.faults.hold_answer(kind, seconds, count)

    # webhooks
    @property
    def invocations(self) -> list[Invocation]:
        return self.deliverer.invocations

    def flush_webhooks(self, timeout: float = 10.0) -> bool:
        return self.deliverer.flush(timeout)

    def redeliver(self, copies: int = 3, spread: float = 1.0, *, seed: int = 0) -> None:
        """Deliver every webhook from now on `copies` times, out of order (each copy within `spread` seconds)."""
        self.deliverer.redeliver(copies, spread, seed=seed)

    def subscribe(self, endpoint: str, subscriptions: Iterable[str] | None = None, *, secret: str | None = None,
                  name: str = "escalator") -> tuple[str, str]:
        """Register a webhook (event subscriptions by default) and return (webhook id, signing secret)."""
        events = list(subscriptions or [
            "zen:event-type:ticket.created", "zen:event-type:ticket.status_changed",
            "zen:event-type:ticket.priority_changed", "zen:event-type:ticket.comment_added",
            "zen:event-type:ticket.tags_changed", "zen:event-type:ticket.agent_assignment_changed",
            "zen:event-type:ticket.group_assignment_changed"])
        data: dict[str, Any] = {"name": name, "endpoint": endpoint, "subscriptions": events}
        if secret is not None:
            data["signing_secret"] = {"secret": secret}
        webhook = self.state.add_webhook(data)
        return webhook["id"], self.state.signing_secrets[webhook["id"]]
