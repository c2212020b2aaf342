"""The seeded sandboxes the integration tests work in (a module of its own, so a test can name the types without
importing a conftest: two folders' conftests share that module name)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from adapters.freshdesk import FreshdeskAdapter
from adapters.sandbox import Sandbox
from adapters.sandbox.freshdesk import FreshdeskSandbox
from adapters.zendesk import ZendeskAdapter
from plugin.config import FreshdeskConfig, ZendeskConfig


@dataclass
class World:
    """A seeded sandbox: the integration user, an agent, tier groups, a VIP organization and a customer."""

    sandbox: Sandbox
    bot: dict[str, Any]
    agent: dict[str, Any]
    groups: list[dict[str, Any]]
    organization: dict[str, Any]
    customer: dict[str, Any]

    def settings(self, **overrides: Any) -> ZendeskConfig:
        values: dict[str, Any] = {"subdomain": "sandbox", "email": self.sandbox.email,
                                  "api_token": self.sandbox.token, "base_url": self.sandbox.url,
                                  "integration_user_id": str(self.bot["id"])}
        values.update(overrides)
        return ZendeskConfig(**values)

    def adapter(self, **overrides: Any) -> ZendeskAdapter:
        return ZendeskAdapter(self.settings(**overrides))

    def ticket(self, **fields: Any) -> dict[str, Any]:
        values: dict[str, Any] = {"requester_id": self.customer["id"], "subject": "Cannot export invoices",
                                  "description": "The export button does nothing.", "priority": "normal"}
        values.update(fields)
        return self.sandbox.state.create_ticket(**values)


@dataclass
class FreshdeskWorld:
    """A seeded Freshdesk sandbox: an agent, tier groups, a premium company with a customer."""

    sandbox: FreshdeskSandbox
    agent: dict[str, Any]
    groups: list[dict[str, Any]]
    company: dict[str, Any]
    customer: dict[str, Any]

    def settings(self, **overrides: Any) -> FreshdeskConfig:
        values: dict[str, Any] = {**self.sandbox.settings(), "webhook_secret": "fd-shared-secret"}
        values.update(overrides)
        return FreshdeskConfig(**values)

    def adapter(self, **overrides: Any) -> FreshdeskAdapter:
        return FreshdeskAdapter(self.settings(**overrides), sleep=lambda _s: None)

    def ticket(self, **fields: Any) -> dict[str, Any]:
        """A ticket the customer filed on the portal."""
        values: dict[str, Any] = {"requester_id": self.customer["id"], "subject": "Cannot export invoices",
                                  "description": "The export button does nothing.", "priority": 2}
        values.update(fields)
        return self.sandbox.state.create_ticket(values)
