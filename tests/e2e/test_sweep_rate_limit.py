"""The sweep's write rate-limited (Zendesk: the bulk update_many; Freshdesk: the ticket's update), on each platform:
the tickets it could not write are re-queued for the Retry-After time the helpdesk asked for, not at once (which would
only spend the shared rate limit again)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from harness import world

from plugin.store import repository as repo


def test_a_rate_limited_bulk_write_requeues_for_the_retry_after_time(tmp_path: Path, platform: str) -> None:
    with world(platform, tmp_path, consumer=False) as live:
        services = live.services
        now = services.clock()
        # High, first response 1 h: opened 50 min ago, it is past 80 % and auto-escalates on a bulk read too.
        ticket = live.customer_ticket(priority="high", subject="Reports slow", created_at=now - timedelta(minutes=50))
        live.flush_webhooks(5)
        with services.store.session() as session:
            repo.arm_timer(session, platform, str(ticket), now - timedelta(seconds=1), "threshold", now)
        services.huey.flush()
        adapter = services.adapters.get(platform)
        real_apply_many = adapter.apply_many

        def rate_limited_write(requests: Any) -> Any:
            live.sandbox.fail_next(1, 429, retry_after=30)  # the helpdesk refuses the write (Zendesk: update_many)
            return real_apply_many(requests)

        adapter.apply_many = rate_limited_write  # type: ignore[method-assign]
        report = services.sweep()
        assert report.applied == 0
        assert [line.split(":")[0] for line in report.retried_alone] == [live.key(ticket)]
        # huey keeps a task queued with a future eta until a consumer moves it to its schedule
        queued = [*services.huey.pending(), *services.huey.scheduled()]
        [task] = [t for t in queued if t.name.endswith("process_ticket")]
        assert task.eta is not None, "re-queued at once, not after Retry-After"
        wait = (task.eta.replace(tzinfo=UTC) - datetime.now(UTC)).total_seconds()
        assert 25 < wait <= 31
        assert live.sandbox.count(status=429) == 1
