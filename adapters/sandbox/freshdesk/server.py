"""The Freshdesk sandbox server: a Freshdesk-compatible API v2 on 127.0.0.1 in a background thread, with its state,
its API key's agent, the request record and fault switches (shared with the Zendesk sandbox), the per-minute rate
limit, and the automation rules' webhook delivery.

    with FreshdeskSandbox() as freshdesk:
        customer = freshdesk.state.add_contact("Ann", "ann@example.com")
        ...   # point the Freshdesk adapter at freshdesk.url with freshdesk.api_key
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from adapters.freshdesk_webhooks import ADVANCED_BODY
from adapters.sandbox.faults import Faults
from adapters.sandbox.freshdesk.api import Account, make_api
from adapters.sandbox.freshdesk.state import FreshdeskState
from adapters.sandbox.freshdesk.webhooks import Deliverer
from adapters.sandbox.ratelimit import UNLIMITED, RateLimit
from adapters.sandbox.serving import LocalServer

DEFAULT_API_KEY = "sandbox-api-key-not-a-secret"
DEFAULT_AGENT_EMAIL = "escalator@sandbox.example"


class FreshdeskSandbox(LocalServer):
    thread_name = "freshdesk-sandbox"
    deliverer: Deliverer

    def __init__(self, port: int = 0, *, host: str = "127.0.0.1", api_key: str = DEFAULT_API_KEY,
                 agent_email: str = DEFAULT_AGENT_EMAIL, domain: str = "sandbox", admin: bool = True,
                 rate_limit: int | None = None, webhook_retries: int = 3, webhook_retry_delay: float = 0.2,
                 webhook_timeout: float = 5.0, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(host, port)
        self.state = FreshdeskState(clock=clock or (lambda: datetime.now(UTC)), domain=domain)
        self.agent = self.state.add_agent("Escalator Bot", agent_email)
        self.api_key, self.agent_email = api_key, agent_email
        self.account = Account(api_key, int(self.agent["id"]), admin)
        self.rate_limit = RateLimit(rate_limit or UNLIMITED)
        self.faults = Faults()
        self.deliverer = Deliverer(self.state, retries=webhook_retries, retry_delay=webhook_retry_delay,
                                   timeout=webhook_timeout)

    def make_app(self) -> Any:
        return make_api(self.state, self.faults, self.account, self.rate_limit)

    def settings(self, **overrides: Any) -> dict[str, Any]:
        """The `freshdesk:` section that points the adapter here (the API key included: it is a fake)."""
        return {"domain": self.state.domain, "base_url": self.url, "api_key": self.api_key,
                "agent_email": self.agent_email, **overrides}

    def fail_share(self, share: float, statuses: tuple[int, ...] = (429, 500, 503), *, seed: int = 0,
                   retry_after: float | tuple[float, ...] = 1) -> None:
        self.faults.fail_share(share, statuses, seed=seed, retry_after=retry_after)

    def limit_rate(self, per_minute: int | None, window: float | None = None) -> None:
        """From now on, `per_minute` API credits a minute (None: no limit), the minute starting now (`window`:
        a shorter "minute", for tests)."""
        self.rate_limit.restart(per_minute or UNLIMITED, window)

    def drop_reply_next(self, count: int = 1) -> None:
        """Process the next `count` writes, then answer 500 as if the answer was lost."""
        self.faults.drop_reply_next(count)

    def hold_answer(self, kind: str, seconds: float, count: int = 1) -> None:
        """Apply the next `count` writes of `kind` ("update": PUT /tickets/{id}; "create": POST /tickets; "reply":
        POST /tickets/{id}/reply), then hold each answer `seconds`."""
        self.faults.hold_answer(kind, seconds, count)

    # ---------------------------------------------------------------- webhooks

    def subscribe(self, url: str, secret: str, *, header: str = "X-Escalator-Secret") -> list[int]:
        """The two rules `escalator install freshdesk` writes (ticket creation, ticket updates by an agent or the
        requester), posting the escalator's body to `url` with the shared secret in `header`; their ids."""
        action = {"field_name": "trigger_webhook", "request_type": "POST", "url": url, "content_type": "JSON",
                  "content_layout": 2, "content": ADVANCED_BODY, "custom_headers": {header: secret}}
        conditions = [{"name": "condition_set_1", "match_type": "all", "properties": [
            {"resource_type": "ticket", "field_name": "priority", "operator": "in", "value": [1, 2, 3, 4]}]}]
        created = self.state.add_rule(1, {"name": "helpdesk-escalator", "conditions": conditions,
                                          "actions": [action]})
        updated = self.state.add_rule(4, {
            "name": "helpdesk-escalator", "conditions": conditions, "actions": [action], "performer": {"type": 3},
            "events": [*({"field_name": f, "from": "--", "to": "--"} for f in ("status", "priority", "group_id",
                                                                               "responder_id")),
                       {"field_name": "note_type", "value": "--"}, {"field_name": "reply_sent"}]})
        return [int(created["id"]), int(updated["id"])]
