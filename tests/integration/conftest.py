"""Fixtures for tests that run the real Zendesk adapter (zenpy over HTTP) against the local Zendesk sandbox, and the
real Freshdesk adapter (requests) against the local Freshdesk sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

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


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(job_delay=0.02, webhook_retry_delay=0.05) as server:
        yield server


@pytest.fixture
def world(sandbox: Sandbox) -> World:
    state = sandbox.state
    bot = state.add_user("Escalator Bot", sandbox.email, role="admin")
    agent = state.add_user("Avery Agent", "avery@support.example", role="agent")
    groups = [state.add_group(name) for name in ("Frontline", "Technical", "Engineering", "Management")]
    organization = state.add_organization("Globex", organization_fields={"customer_tier": "vip",
                                                                         "lifetime_value": 48000}, tags=["vip"])
    customer = state.add_user("Hank Scorpio", "hank@globex.example", organization_id=organization["id"],
                              user_fields={"account_manager": "Walter"})
    return World(sandbox, bot, agent, groups, organization, customer)


# ---------------------------------------------------------------- the Freshdesk sandbox


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


@pytest.fixture
def freshdesk() -> Iterator[FreshdeskSandbox]:
    with FreshdeskSandbox(webhook_retry_delay=0.05) as server:
        yield server


@pytest.fixture
def fd_world(freshdesk: FreshdeskSandbox) -> FreshdeskWorld:
    state = freshdesk.state
    agent = state.add_agent("Avery Agent", "avery@support.example")
    groups = [state.add_group(name) for name in ("Frontline", "Technical", "Engineering", "Management")]
    company = state.add_company("Globex", account_tier="Premium", custom_fields={"lifetime_value": 48000})
    customer = state.add_contact("Hank Scorpio", "hank@globex.example", company_id=company["id"], tags=["vip"],
                                 custom_fields={"account_manager": "Walter"})
    return FreshdeskWorld(freshdesk, agent, groups, company, customer)
