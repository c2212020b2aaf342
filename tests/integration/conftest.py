"""Fixtures for tests that run the real Zendesk adapter (zenpy over HTTP) against the local Zendesk sandbox, and the
real Freshdesk adapter (requests) against the local Freshdesk sandbox."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from worlds import FreshdeskWorld, World

from adapters.sandbox import Sandbox
from adapters.sandbox.freshdesk import FreshdeskSandbox


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
