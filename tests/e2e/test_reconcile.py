"""Reconciliation: changes whose webhooks never reached us (the helpdesk gave up, a trigger was switched off) are
found in the incremental export and decided all the same, once."""

from __future__ import annotations

from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

from harness import running
from test_pipeline import settle

from plugin.service.reconcile import reconcile_since
from plugin.store import repository as repo

LEGAL = "Fix this today or my lawyer will take legal action."


def test_a_ticket_whose_webhooks_were_lost_is_still_escalated_once(tmp_path: Path, backend: dict[str, Any]) -> None:
    with running(tmp_path, **backend) as live:
        for webhook in live.state.webhooks.values():
            webhook["status"] = "inactive"  # every delivery lost
        ticket = live.customer_ticket(subject="Charged twice", description=LEGAL)
        calm = live.customer_ticket(subject="Password", description="How do I change my password?")
        assert live.sandbox.invocations == []
        report = live.services.reconcile()
        assert set(report.queued) == {f"zendesk/{ticket['id']}", f"zendesk/{calm['id']}"}
        live.wait(lambda: len(live.notes(ticket["id"])) == 2, 20, "the handoff note and the acknowledgment")
        live.wait(lambda: "tier_1" in live.state.ticket(calm["id"])["tags"], 20, "the calm ticket's tier")
        settle(live)
        assert "tier_4" in live.state.ticket(ticket["id"])["tags"]
        assert "tier_1" in live.state.ticket(calm["id"])["tags"]
        writes = live.sandbox.write_requests()
        for _ in range(3):  # a ticket already decided in its current state is not queued again
            live.services.reconcile()
            settle(live)
        assert live.services.reconcile().queued == []
        assert live.sandbox.write_requests() == writes
        assert len([c for c in live.notes(ticket["id"]) if not c["public"]]) == 1
        with live.services.store.session() as session:
            assert len(repo.load_history(session, "zendesk", str(ticket["id"])).escalations) == 1


def test_an_outage_of_the_whole_service_is_read_back_to_the_newest_change_we_hold(tmp_path: Path) -> None:
    with running(tmp_path, consumer=False) as live:
        services = live.services
        now = services.clock()
        window = services.config.queue.reconcile_window
        since_of = partial(reconcile_since, services.store, services.config, "zendesk", now)
        assert since_of(None) == now - window  # nothing held yet
        ticket = live.customer_ticket(created_at=now - timedelta(hours=5))
        with services.store.session() as session:
            row = repo.upsert_mirror(session, live.services.adapters.get("zendesk").get_ticket(str(ticket["id"])),
                                     now)
            row.platform_updated_at = now - timedelta(hours=3)
        since = since_of(None)
        assert since == now - timedelta(hours=3, minutes=2)
        # later runs of the same process read back to the last run, or the window, whichever is longer
        assert since_of(now - timedelta(minutes=5)) == now - window
        assert since_of(now - timedelta(hours=2)) == now - timedelta(hours=2, minutes=2)
