"""A due ticket the sweep hands over, its write rate-limited (Zendesk: the bulk update_many; Freshdesk: the ticket's
update), on each platform: the sweep itself reads and writes nothing (it queues the due tickets' task, which decides
them together), and the worker that runs the task queues the ticket again for the Retry-After time the helpdesk
asked for, not at once (which would only spend the shared rate limit again)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from harness import world

from plugin.store import repository as repo


def test_a_due_ticket_is_queued_and_its_rate_limited_write_waits_for_the_retry_after(tmp_path: Path,
                                                                                      platform: str) -> None:
    with world(platform, tmp_path, consumer=False) as live:
        services = live.services
        now = services.clock()
        # High, first response 1 h: opened 50 min ago, it is past 80 % and auto-escalates on a bulk read too.
        ticket = live.customer_ticket(priority="high", subject="Reports slow", created_at=now - timedelta(minutes=50))
        live.flush_webhooks(5)
        with services.store.session() as session:
            repo.arm_timer(session, platform, str(ticket), now - timedelta(seconds=1), "threshold", now)
        services.huey.flush()
        requests = live.sandbox.count()
        report = services.sweep()
        assert (report.due_tickets, report.queued) == (1, 1)
        assert live.sandbox.count() == requests  # no helpdesk call on the sweep
        [task] = [t for t in services.huey.pending() if t.name.endswith("timers_due")]
        assert task.args[0] == platform and [str(t) for t, _, _ in task.args[1]] == [str(ticket)]
        adapter = services.adapters.get(platform)
        real_apply_many = adapter.apply_many

        def rate_limited_write(requests: Any) -> Any:
            live.sandbox.fail_next(1, 429, retry_after=30)  # the helpdesk refuses the write (Zendesk: update_many)
            return real_apply_many(requests)

        adapter.apply_many = rate_limited_write  # type: ignore[method-assign]
        services.huey.execute(task)  # the worker's run of the timer task
        [wait] = services.tasks.later.pending()  # queued again at its Retry-After time, by this process
        assert 25 < wait <= 31, "re-queued at once, not after Retry-After"
        assert live.sandbox.count(status=429) == 1
