"""Wires one running service: configuration, store, engine, adapters, queue, metrics, clock.

Like Cosmic Python's bootstrap: entry points (the Flask app, the CLI, the consumer) call `bootstrap(config)` and
get a `Services` object; tests pass their own clock or adapters.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from huey import Huey

from plugin.config import EscalatorConfig
from plugin.engine import Engine
from plugin.registry import UnknownPlatformError, adapter_class
from plugin.service.metrics import Metrics
from plugin.service.queue import make_huey
from plugin.store import Store

if TYPE_CHECKING:
    from adapters.base import HelpdeskAdapter
    from plugin.service.notifier import Notifier
    from plugin.service.tasks import TaskQueue


def utc_now() -> datetime:
    return datetime.now(UTC)


class Adapters:
    """The adapters of the platforms this configuration connects, built on first use."""

    def __init__(self, config: EscalatorConfig, given: Mapping[str, HelpdeskAdapter] | None = None) -> None:
        self._config = config
        self._built: dict[str, HelpdeskAdapter] = dict(given or {})
        self._lock = threading.Lock()

    def names(self) -> list[str]:
        return sorted({*self._config.platforms(), *self._built})

    def get(self, platform: str) -> HelpdeskAdapter:
        with self._lock:
            adapter = self._built.get(platform)
            if adapter is None:
                if platform not in self._config.platforms():
                    raise UnknownPlatformError(platform, self.names())
                adapter = self._built[platform] = adapter_class(platform).from_config(self._config)
            return adapter


@dataclass
class Services:
    config: EscalatorConfig
    store: Store
    huey: Huey
    engine: Engine
    adapters: Adapters
    metrics: Metrics = field(default_factory=Metrics)
    clock: Callable[[], datetime] = utc_now
    tasks: TaskQueue = field(init=False)
    notifier: Notifier = field(init=False)


def bootstrap(
    config: EscalatorConfig,
    *,
    store: Store | None = None,
    huey: Huey | None = None,
    adapters: Mapping[str, HelpdeskAdapter] | None = None,
    clock: Callable[[], datetime] = utc_now,
    notifier: Notifier | None = None,
    upgrade: bool = True,
) -> Services:
    """Build every part of the service from the configuration; the database is migrated unless told not to."""
    from plugin.service.notifier import Notifier
    from plugin.service.tasks import TaskQueue

    store = store or Store.from_config(config)
    if upgrade:
        store.upgrade()
    services = Services(
        config=config, store=store, huey=huey or make_huey(config), engine=Engine(config),
        adapters=Adapters(config, adapters), clock=clock,
    )
    services.notifier = notifier or Notifier(config)
    services.tasks = TaskQueue(services)
    services.metrics.watch(queue_depth=services.huey.pending_count, inbox_backlog=lambda: _backlog(store))
    return services


def _backlog(store: Store) -> int:
    from plugin.store import repository as repo

    with store.session() as session:
        return repo.count_unprocessed_events(session)
