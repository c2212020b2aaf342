"""The wiring: which store, queue, adapters, engine, notifier and pipeline each entry point gets.

Like Cosmic Python's bootstrap: the entry points (the Flask app, the CLI, the consumer) call `bootstrap(config)` and
get a `Services` object; tests pass their own clock, adapters, huey or notifier. The service functions themselves
take the ports they use, never this container.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from huey import Huey

from plugin.config import EscalatorConfig
from plugin.engine import Engine
from plugin.ports import ApiBudget, HelpdeskAdapter
from plugin.registry import UnknownPlatformError, adapter_class
from plugin.sentiment import SentimentAnalyzer, default_analyzer
from plugin.service.budget import StoreBudget
from plugin.service.intake import Intake, receive
from plugin.service.job_runs import noted
from plugin.service.jobs import import_ratings, run_cleanup, send_weekly_report, store_resolution_averages
from plugin.service.metrics import Metrics
from plugin.service.notifier import Notifier, Outbox, SendReport
from plugin.service.owners import LeaseKeeper
from plugin.service.pipeline import Outcome, Pipeline
from plugin.service.queue import make_huey
from plugin.service.reconcile import ReconcileReport, reconcile
from plugin.service.recovery import RecoveryReport, recover
from plugin.service.shadow import ShadowHelpdesk
from plugin.service.sweep import SweepReport, sweep
from plugin.service.tasks import Handlers, TaskQueue
from plugin.store import Store
from plugin.store import repository as repo
from plugin.store.ticket_store import SqlTicketStore


def utc_now() -> datetime:
    return datetime.now(UTC)


class Adapters:
    """The adapters of the platforms this configuration connects, built on first use (the Helpdesks port)."""

    def __init__(self, config: EscalatorConfig, given: Mapping[str, HelpdeskAdapter] | None = None,
                 store: Store | None = None, budget: ApiBudget | None = None) -> None:
        self._config = config
        self._store = store
        self._budget = budget
        self._built: dict[str, HelpdeskAdapter] = {}
        self._lock = threading.Lock()
        for name, adapter in (given or {}).items():
            self._built[name] = self._moded(adapter)

    def names(self) -> list[str]:
        return sorted({*self._config.platforms(), *self._built})

    def knows(self, platform: str) -> bool:
        """Whether `platform` is one of names() (without building the list: the request path asks every time)."""
        return platform in self._built or platform in self._config.platforms()

    def get(self, platform: str) -> HelpdeskAdapter:
        adapter = self._built.get(platform)  # built once; after that no lock on the request path
        if adapter is not None:
            return adapter
        with self._lock:
            adapter = self._built.get(platform)
            if adapter is None:
                if platform not in self._config.platforms():
                    raise UnknownPlatformError(platform, self.names())
                built = adapter_class(platform).from_config(self._config)
                if self._budget is not None:  # the adapters built here spend the account's budget; given ones
                    built.use_budget(self._budget)  # (tests) are budgeted by whoever built them
                adapter = self._built[platform] = self._moded(built)
            return adapter

    def _moded(self, adapter: HelpdeskAdapter) -> HelpdeskAdapter:
        """In shadow mode, the adapter behind a ShadowHelpdesk: it reads, and keeps its writes instead of sending."""
        if self._config.mode != "shadow":
            return adapter
        if self._store is None:
            raise ValueError("shadow mode needs the store to keep what it would have written")
        return ShadowHelpdesk(adapter, self._store)


@dataclass
class Services:
    """One running service, wired. The methods are the entry points' verbs; each calls a service function with
    the ports it needs."""

    config: EscalatorConfig
    store: Store
    tickets: SqlTicketStore
    huey: Huey
    engine: Engine
    adapters: Adapters
    tasks: TaskQueue
    notifier: Notifier
    pipeline: Pipeline
    keeper: LeaseKeeper
    metrics: Metrics = field(default_factory=Metrics)
    clock: Callable[[], datetime] = utc_now
    budget: StoreBudget | None = None
    _webhook_counters: dict[tuple[str, str], tuple[Any, Any]] = field(default_factory=dict, init=False, repr=False)

    def receive(self, platform: str, headers: Mapping[str, str], body: bytes) -> Intake:
        return receive(self.adapters, self.tickets, self.tasks, self.clock(), platform, headers, body)

    def count_webhook(self, platform: str, outcome: str, amount: int = 1) -> None:
        """escalator_webhook_events{platform, outcome} += amount, through the labelled child bound once (the
        request path's labels() would look it up under a lock every time). Bounded: the web tier counts known
        platforms and "unknown" only, with the outcomes of intake and the adapters' error codes."""
        events = self.metrics.events
        bound = self._webhook_counters.get((platform, outcome))
        if bound is None or bound[0] is not events:
            bound = self._webhook_counters[(platform, outcome)] = (events, events.labels(platform, outcome))
        bound[1].inc(amount)

    def process(self, platform: str, ticket_id: str, cause: str = "event") -> Outcome:
        [outcome] = self.pipeline.run(platform, [ticket_id], cause)
        return outcome

    def sweep(self) -> SweepReport:
        return noted(self.store, "sweep", self.clock,
                     lambda: sweep(self.tickets, self.tasks, self.config, self.clock, self.send_pending),
                     _lines)

    def reconcile(self, last_run: datetime | None = None) -> ReconcileReport:
        return noted(self.store, "reconcile", self.clock,
                     lambda: reconcile(self.adapters, self.store, self.tasks, self.config, self.clock(),
                                       last_run=last_run), _lines)

    def recover(self) -> RecoveryReport:
        """What a starting consumer does first: take up what a dead process left, at once."""
        return recover(self.tickets, self.tasks, self.clock())

    def send_pending(self, ids: list[int] | None = None) -> SendReport:
        return self.notifier.send_pending(ids=ids)

    def send_weekly_report(self, week: str | None = None) -> bool:
        return send_weekly_report(self.store, self.config, self.clock(), self.tasks.enqueue_notifications, week)

    def close(self) -> None:
        """Stop this process's lease heartbeat and release the database's connections (the end of a command, of a
        test, of a worker)."""
        self.keeper.stop()
        self.store.dispose()

    def requeue_notification(self, notification_id: int) -> bool:
        with self.store.session() as session:
            return repo.requeue_notification(session, notification_id)


def bootstrap(
    config: EscalatorConfig,
    *,
    store: Store | None = None,
    huey: Huey | None = None,
    adapters: Mapping[str, HelpdeskAdapter] | None = None,
    clock: Callable[[], datetime] = utc_now,
    notifier: Notifier | None = None,
    analyzer: SentimentAnalyzer | None = None,
    upgrade: bool = True,
) -> Services:
    """Build every part of the service from the configuration; the database is migrated unless told not to."""
    store = store or Store.from_config(config)
    if upgrade:
        store.upgrade()
    tickets = SqlTicketStore(store, config.mode)
    metrics = Metrics()
    huey = huey or make_huey(config)
    engine = Engine(config, analyzer=analyzer or default_analyzer())
    budget = StoreBudget(store, config.api_budget, clock)
    helpdesks = Adapters(config, adapters, store, budget)
    tasks = TaskQueue(huey, config, tickets, clock, metrics)
    keeper = LeaseKeeper(tickets, config.queue.lock_lease, clock)
    pipeline = Pipeline(store=tickets, helpdesks=helpdesks, queue=tasks, engine=engine, config=config, clock=clock,
                        metrics=metrics, keeper=keeper)
    notifier = (notifier or Notifier(config)).connect(Outbox(
        store=store, clock=clock, helpdesks=helpdesks, enqueue=tasks.enqueue_notifications,
        schedule=tasks.schedule_notifications, metrics=metrics))
    services = Services(config=config, store=store, tickets=tickets, huey=huey, engine=engine, adapters=helpdesks,
                        tasks=tasks, notifier=notifier, pipeline=pipeline, keeper=keeper, metrics=metrics,
                        clock=clock, budget=budget)
    jobs: dict[str, Callable[[], Any]] = {
        "weekly_report": services.send_weekly_report,
        "resolution_averages": lambda: store_resolution_averages(store, clock()),
        "cleanup": lambda: run_cleanup(store, config, clock()),
        "import_ratings": lambda: import_ratings(store, helpdesks, clock()),
    }
    periodic = {name: _noted(store, name, clock, job) for name, job in jobs.items()}
    tasks.bind(Handlers(pipeline=pipeline, send=services.send_pending, sweep=services.sweep,
                        reconcile=services.reconcile, periodic=periodic,
                        requeue_notification=services.requeue_notification))
    metrics.watch_budget(budget.views)
    metrics.watch(queue_depth=huey.pending_count, inbox_backlog=lambda: _count(store, repo.count_unprocessed_events),
                  open_intents=lambda: _count(store, repo.open_intent_count))
    return services


def _lines(report: SweepReport | ReconcileReport) -> str:
    return "; ".join(report.lines())


def _noted(store: Store, name: str, clock: Callable[[], datetime], job: Callable[[], Any]) -> Callable[[], Any]:
    return lambda: noted(store, name, clock, job)


def _count(store: Store, query: Callable[[Any], int]) -> int:
    with store.session() as session:
        return query(session)
