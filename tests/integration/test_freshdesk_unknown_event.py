"""Through the Flask receiver against the Freshdesk sandbox: a webhook whose `triggered_event` the parser cannot read
is answered 2xx (Freshdesk would retry a 400 three times, then drop the event) and the ticket is decided."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from worlds import FreshdeskWorld

from plugin.config import load_config
from webhooks.app import create_app
from webhooks.bootstrap import Services, bootstrap

SECRET = "fd-shared-secret"
WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@pytest.fixture
def services(fd_world: FreshdeskWorld, tmp_path: Path) -> Iterator[Services]:
    groups = [str(g["id"]) for g in fd_world.groups]
    config = load_config(data={
        "freshdesk": {**fd_world.sandbox.settings(), "webhook_secret": SECRET},
        "tiers": [{"name": name, "groups": {"freshdesk": groups[i]}} for i, name in
                  enumerate(("Frontline", "Technical", "Engineering", "Management"))],
        "schedules": {"default": {"hours": {day: ["00:00-24:00"] for day in WEEK}}},
        "database": {"url": f"sqlite:///{tmp_path / 'escalator.db'}"},
        "queue": {"url": f"sqlite:///{tmp_path / 'queue.db'}"},
        "notifications": {"respect_business_hours": False}}, environ={})
    built = bootstrap(config)
    try:
        yield built
    finally:
        built.close()


@pytest.mark.parametrize("triggered", [
    "{{triggered_event}}",  # the placeholder left unrendered
    "{group_id:{from:,to:7}}",  # an empty `from`: a group set for the first time
    "Ticket was updated",  # not Freshdesk's {key:value} form at all
    "{status:{from:2",  # cut short
])
def test_an_unreadable_triggered_event_is_accepted_and_decided(fd_world: FreshdeskWorld, services: Services,
                                                               triggered: str) -> None:
    raw = fd_world.ticket(subject="Invoices wrong again",
                          description="Fix this today or my lawyer will contact you about the breach of contract.")
    body = json.dumps({"freshdesk_webhook": {"ticket_id": str(raw["id"]), "ticket_status": "Open",
                                             "ticket_priority": "Medium", "triggered_event": triggered}})
    answer = create_app(services=services).test_client().post(
        "/webhooks/freshdesk", data=body, headers={"X-Escalator-Secret": SECRET, "Content-Type": "application/json"})
    assert 200 <= answer.status_code < 300, answer.get_data(as_text=True)
    assert services.process("freshdesk", str(raw["id"])).status == "applied"
    after = fd_world.sandbox.state.ticket(raw["id"])
    assert {"escalated", "legal_review"} <= set(after["tags"])
    notes = [c for c in fd_world.sandbox.state.conversations[raw["id"]] if c["private"]]
    assert len(notes) == 1 and notes[0]["body_text"].startswith("ESCALATION TO TIER")
