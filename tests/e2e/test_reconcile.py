"""Reconciliation: changes whose webhooks never reached us (the helpdesk gave up, a trigger or an automation rule was
switched off) are found in the helpdesk's listing of changed tickets and decided all the same, once; on each
platform."""

from __future__ import annotations

from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

from harness import world

from plugin.service.reconcile import reconcile_since
from plugin.store import repository as repo

LEGAL = "Fix this today or my lawyer will take legal action."


def test_a_ticket_whose_webhooks_were_lost_is_still_escalated_once(tmp_path: Path, platform: str,
                                                                  backend: dict[str, Any]) -> None:
    with world(platform, tmp_path, **backend) as live:
        live.lose_webhooks()  # every delivery lost
        ticket = live.customer_ticket(subject="Charged twice", description=LEGAL)
        calm = live.customer_ticket(subject="Password", description="How do I change my password?")
        assert live.invocations == []
        report = live.services.reconcile()
        assert set(report.queued) == {live.key(ticket), live.key(calm)}
        live.wait(lambda: len(live.our_notes(ticket)) == 2, 20, "the handoff note and the acknowledgment")
        live.wait(lambda: "tier_1" in live.tags(calm), 20, "the calm ticket's tier")
        live.settle()
        assert "tier_4" in live.tags(ticket)
        assert live.group(ticket) == live.tier_group(4)
        assert "tier_1" in live.tags(calm)
        assert live.invocations == []  # all of it through reconcile
        writes = live.write_requests()
        for _ in range(3):  # a ticket already decided in its current state is not queued again
            live.services.reconcile()
            live.settle()
        assert live.services.reconcile().queued == []
        assert live.write_requests() == writes
        assert len(live.handoffs(ticket)) == 1
        assert len(live.history(ticket).escalations) == 1


def test_an_outage_of_the_whole_service_is_read_back_to_the_newest_change_we_hold(tmp_path: Path,
                                                                                  platform: str) -> None:
    with world(platform, tmp_path, consumer=False) as live:
        services = live.services
        now = services.clock()
        window = services.config.queue.reconcile_window
        since_of = partial(reconcile_since, services.store, services.config, platform, now)
        assert since_of(None) == now - window  # nothing held yet
        ticket = live.customer_ticket(created_at=now - timedelta(hours=5))
        with services.store.session() as session:
            row = repo.upsert_mirror(session, live.services.adapters.get(platform).get_ticket(str(ticket)), now)
            row.platform_updated_at = now - timedelta(hours=3)
        since = since_of(None)
        assert since == now - timedelta(hours=3, minutes=2)
        # later runs of the same process read back to the last run, or the window, whichever is longer
        assert since_of(now - timedelta(minutes=5)) == now - window
        assert since_of(now - timedelta(hours=2)) == now - timedelta(hours=2, minutes=2)
