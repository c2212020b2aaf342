"""Periodic jobs leave a trace: each run of the sweep, reconcile, cleanup and the reports is noted in the store
(plugin/store/job_runs.py), so every process, the web tier's Operations page included, sees when it last ran."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from plugin.service.channels import scrub
from plugin.store import Store
from plugin.store.job_runs import note_run

log = logging.getLogger(__name__)
Result = TypeVar("Result")


def noted(store: Store, name: str, clock: Callable[[], datetime], run: Callable[[], Result],
          describe: Callable[[Result], str] = str) -> Result:
    """Run the job and note its run (a failure too, with its error, before the error goes on)."""
    started = clock()
    try:
        result = run()
    except Exception as exc:
        _note(store, name, started, clock(), False, scrub(f"{type(exc).__name__}: {exc}"))
        raise
    try:
        summary = describe(result)
    except Exception:  # a summary is a courtesy; the run itself went well
        summary = ""
    _note(store, name, started, clock(), not getattr(result, "errors", None), summary)
    return result


def _note(store: Store, name: str, started: datetime, finished: datetime, ok: bool, summary: str) -> None:
    try:
        with store.session() as session:
            note_run(session, name, started, finished, ok, summary)
    except Exception:  # the database may be away: the job's own outcome matters more than its trace
        log.warning("could not note the run of %s", name, exc_info=True)
