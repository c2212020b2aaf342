"""Every periodic job leaves a trace the Operations page reads: the sweep, reconcile and the cron jobs note their
last run (a failure too, with its error, scrubbed) in the store every process shares."""

from __future__ import annotations

from pathlib import Path

import pytest
from huey import MemoryHuey
from status_kit import NOW

from plugin.config import load_config
from plugin.service.job_runs import noted
from plugin.store.job_runs import last_runs
from webhooks.bootstrap import bootstrap


def test_the_sweep_reconcile_and_cron_jobs_note_their_runs(tmp_path: Path) -> None:
    config = load_config(data={"database": {"url": f"sqlite:///{tmp_path / 'runs.db'}"}}, environ={})
    services = bootstrap(config, huey=MemoryHuey(), clock=lambda: NOW)
    try:
        services.sweep()
        services.sweep()
        services.reconcile()
        services.tasks.handlers.periodic["cleanup"]()

        def broken() -> None:
            raise RuntimeError("the database went away")

        with pytest.raises(RuntimeError):
            noted(services.store, "weekly_report", services.clock, broken)
        with services.store.session() as session:
            runs = {run.name: run for run in last_runs(session)}
        assert set(runs) == {"sweep", "reconcile", "cleanup", "weekly_report"}
        assert runs["sweep"].runs == 2 and runs["sweep"].ok and "re-queued 0 ticket(s)" in runs["sweep"].summary
        assert runs["sweep"].finished_at == NOW and runs["reconcile"].ok
        assert "processed inbox events" in runs["cleanup"].summary
        failed = runs["weekly_report"]
        assert not failed.ok and failed.failures == 1 and failed.summary.startswith("RuntimeError: the database")
    finally:
        services.close()
