"""The sandbox server: a Zendesk-compatible API on 127.0.0.1 in a background thread, with its state, its request
counters and fault switches, and webhook delivery.

    with Sandbox() as zendesk:
        zendesk.state.add_user("Ann", "ann@example.com")
        ...   # point the Zendesk adapter at zendesk.url
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from adapters.sandbox.api import Credentials, make_api
from adapters.sandbox.faults import Faults
from adapters.sandbox.ratelimit import UNLIMITED, RateLimit
from adapters.sandbox.serving import LocalServer
from adapters.sandbox.state import SandboxState
from adapters.sandbox.webhooks import Deliverer

DEFAULT_EMAIL = "escalator@sandbox.example"
DEFAULT_TOKEN = "sandbox-token-not-a-secret"


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


class Sandbox(LocalServer):
    thread_name = "zendesk-sandbox"
    deliverer: Deliverer

    def __init__(self, port: int = 0, *, host: str = "127.0.0.1", email: str = DEFAULT_EMAIL,
                 token: str = DEFAULT_TOKEN, oauth_token: str | None = None, subdomain: str = "sandbox",
                 job_delay: float = 0.05, webhook_retries: int = 3, webhook_retry_delay: float = 0.2,
                 webhook_workers: int = 1, webhook_resend_for: float | None = None,
                 webhook_resend_interval: float = 1.0, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(host, port)
        self.state = SandboxState(clock=clock or (lambda: datetime.now(UTC)), subdomain=subdomain)
        self.faults = Faults()
        self.email, self.token = email, token
        self.credentials = Credentials(email, token, oauth_token)
        self.deliverer = Deliverer(self.state, retries=webhook_retries, retry_delay=webhook_retry_delay,
                                   workers=webhook_workers, resend_for=webhook_resend_for,
                                   resend_interval=webhook_resend_interval)
        self._job_delay = job_delay
        self.rate_limit = RateLimit(UNLIMITED)

    def make_app(self) -> Any:
        return _StripJson(make_api(self.state, self.faults, self.credentials, job_delay=self._job_delay,
                                   limit=self.rate_limit))

    def limit_rate(self, per_minute: int | None, window: float | None = None) -> None:
        """From now on, `per_minute` API requests a minute for the account (None: no limit), the minute starting
        now (`window`: a shorter "minute", for tests). Past it, 429 with Retry-After until the minute ends."""
        self.rate_limit.restart(per_minute or UNLIMITED, window)

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
