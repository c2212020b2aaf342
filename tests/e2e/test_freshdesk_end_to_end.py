"""End to end through HTTP on Freshdesk: the Freshdesk sandbox runs the automation rules `escalator install freshdesk`
writes and posts their webhooks (shared secret in a header) to our Flask app, a real huey consumer decides, and the
Freshdesk adapter writes back to the sandbox over HTTP. One box: SQLite state, SQLite queue."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from harness import Quiet, ShiftedClock
from werkzeug.serving import make_server

from adapters.freshdesk import FreshdeskAdapter
from adapters.sandbox.freshdesk import FreshdeskSandbox
from plugin.config import load_config
from plugin.store import repository as repo
from webhooks.app import create_app
from webhooks.bootstrap import Services, bootstrap
from webhooks.runner import make_consumer

SECRET = "e2e-freshdesk-secret"
WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass
class Live:
    sandbox: FreshdeskSandbox
    services: Services
    ids: dict[str, Any]

    def wait(self, condition: Any, timeout: float, what: str) -> None:
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            if condition():
                return
            time.sleep(0.05)
        raise AssertionError(f"timed out after {timeout}s waiting for {what}")

    def ours(self, ticket_id: int) -> list[dict[str, Any]]:
        return [c for c in self.sandbox.state.conversations[ticket_id] if "[escalator-ref:" in c["body_text"]]

    def settled(self) -> bool:
        with self.services.store.session() as session:
            backlog = repo.unprocessed_events(session)
            intents = repo.open_intent_count(session)
        return not backlog and not intents and not self.services.huey.pending_count()


@pytest.fixture
def live(tmp_path: Path) -> Iterator[Live]:
    with FreshdeskSandbox(webhook_retry_delay=0.1) as sandbox:
        state = sandbox.state
        groups = [state.add_group(n)["id"] for n in ("Frontline", "Technical", "Engineering", "Management")]
        company = state.add_company("Globex", account_tier="Premium", custom_fields={"customer_tier": "vip"})
        ids = {"groups": groups, "customer": state.add_contact("Dana Scully", "dana@example.com")["id"],
               "vip": state.add_contact("Hank Scorpio", "hank@globex.example", company_id=company["id"])["id"]}
        config = load_config(data={
            "freshdesk": {**sandbox.settings(), "webhook_secret": SECRET},
            "tiers": [{"name": name, "groups": {"freshdesk": str(groups[i])}, "response_target": target}
                      for i, (name, target) in enumerate([("Frontline", "2h"), ("Technical/Specialist", "4h"),
                                                         ("Senior/Engineering", "8h"),
                                                         ("Management/Executive", "0")])],
            "schedules": {"default": {"hours": {day: ["00:00-24:00"] for day in WEEK}}},
            "database": {"url": f"sqlite:///{tmp_path / 'escalator.db'}"},
            "queue": {"url": f"sqlite:///{tmp_path / 'queue.db'}", "workers": 2, "retries": 5, "retry_delay": "1s"},
            "notifications": {"respect_business_hours": False}})
        services = bootstrap(config, clock=ShiftedClock())
        services.huey.flush()
        server = make_server("127.0.0.1", 0, create_app(services=services), threaded=True, request_handler=Quiet)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        installed = FreshdeskAdapter(config.freshdesk).install(f"http://127.0.0.1:{server.server_port}"
                                                               "/webhooks/freshdesk", SECRET)
        assert installed.created
        worker = make_consumer(services)
        worker.start()
        try:
            yield Live(sandbox, services, ids)
        finally:
            worker.stop(graceful=True)
            server.shutdown()
            server.server_close()
            services.store.dispose()


def test_a_legal_threat_is_escalated_once_on_freshdesk(live: Live) -> None:
    state = live.sandbox.state
    raw = state.create_ticket({"requester_id": live.ids["customer"], "subject": "Cannot export invoices",
                               "description": "If this is not fixed today my lawyer will contact you.",
                               "priority": 2, "source": 1})
    live.wait(lambda: live.ours(raw["id"]), 20, "the handoff note")
    for _ in range(2):  # our own writes come back as webhooks; deciding on them again adds nothing
        live.sandbox.flush_webhooks(10)
        live.wait(live.settled, 20, "every event processed")
    after = state.ticket(raw["id"])
    assert after["priority"] == 3
    assert {"escalated", "tier_4", "legal_review"} <= set(after["tags"])
    assert after["group_id"] == live.ids["groups"][3]
    notes = [c for c in live.ours(raw["id"]) if c["private"]]
    replies = [c for c in live.ours(raw["id"]) if not c["private"]]
    assert len(notes) == 1 and notes[0]["body_text"].startswith("ESCALATION TO TIER 4")
    assert len(replies) == 1
    assert all(i.delivered for i in live.sandbox.invocations)
    assert all(i.headers["X-Escalator-Secret"] == SECRET for i in live.sandbox.invocations)
    # the customer writes again: one more webhook, still one note and one reply
    state.customer_reply(raw["id"], "Any news? My lawyer is waiting.")
    live.sandbox.flush_webhooks(10)
    live.wait(live.settled, 20, "the reply processed")
    assert len([c for c in live.ours(raw["id"]) if c["private"]]) == 1
    assert len([c for c in live.ours(raw["id"]) if not c["private"]]) == 1
