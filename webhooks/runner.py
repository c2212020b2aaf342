"""Running the service: the one-box `serve` (web server and job consumer in one process) and the scale-out
`web` (web tier only) and `worker` (consumer only). SIGTERM and SIGINT stop gracefully: the web server stops taking
requests, in-flight tasks finish (or, past the shutdown timeout, are left for the sweep, which re-queues their events
from the inbox).
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from huey.consumer import Consumer

from webhooks.bootstrap import Services
from webhooks.processes import WorkerProcesses, consumer_processes
from webhooks.watching import Watcher

log = logging.getLogger(__name__)


def make_consumer(services: Services, *, periodic: bool = True, workers: int | None = None) -> Consumer:
    """A huey consumer tuned for second-level timers: scheduler every second, queue polled at most 0.5 s apart.
    The consumer of the periodic jobs also runs the inbox feed, which queues each new webhook event's ticket
    (plugin.service.intake.InboxFeed): the web tier writes the inbox only."""
    if periodic:
        services.tasks.feed_from_inbox(services.tickets)
    return services.huey.create_consumer(
        workers=workers or services.config.queue.workers, worker_type="thread", periodic=periodic,
        initial_delay=0.05, backoff=1.15, max_delay=0.25, scheduler_interval=1, check_worker_health=True,
        health_check_interval=5, shutdown_timeout=30,
    )


class Stopper:
    """Turns SIGTERM/SIGINT into one call of each registered stop action."""

    def __init__(self) -> None:
        self.stopping = threading.Event()
        self._actions: list[Callable[[], None]] = []

    def on_stop(self, action: Callable[[], None]) -> None:
        self._actions.append(action)

    def install(self) -> None:
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._handle)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        log.info("received %s: stopping gracefully", signal.Signals(signum).name)
        self.stop()

    def stop(self) -> None:
        if self.stopping.is_set():
            return
        self.stopping.set()
        for action in self._actions:
            try:
                action()
            except Exception:
                log.exception("error while stopping")


def start_consuming(consumer: Consumer, services: Services) -> Watcher | None:
    """Start the consumer, then take up at once what a dead process left (recovery in seconds, not at the sweep).
    The consumer that runs the periodic jobs also runs the watch (plugin.service.watch); it is returned, to stop."""
    consumer.start()
    services.tasks.run_timed_retries_here(max(2, services.config.queue.workers // 4))
    watcher = Watcher(services).start() if consumer.periodic else None
    try:
        report = services.recover()
    except Exception:  # the database may be away; the sweep runs recovery again every minute
        log.exception("recovery on start failed; the sweep will try again")
        return watcher
    for line in report.lines():
        log.warning("on start: %s", line)
    return watcher


def run_worker(services: Services, *, periodic: bool = True, workers: int | None = None) -> None:
    """Consume tasks until SIGTERM/SIGINT."""
    consumer = make_consumer(services, periodic=periodic, workers=workers)
    stopper = Stopper()
    watcher = start_consuming(consumer, services)
    stopper.install()  # after consumer.start(), which sets handlers of its own
    stopper.stopping.wait()
    if watcher is not None:
        watcher.stop()
    consumer.stop(graceful=True)
    services.huey.notify_interrupted_tasks()


def _serve(app: object, host: str, port: int, threads: int, ready: Callable[[str], None] | None) -> None:
    """Serve `app` with waitress until SIGTERM/SIGINT; requests in flight finish."""
    from waitress import create_server

    server = create_server(app, host=host, port=port, threads=threads)
    stopper = Stopper()
    stopper.on_stop(server.close)
    stopper.install()  # after any consumer.start(), which sets handlers of its own
    thread = threading.Thread(target=server.run, name="web", daemon=True)
    thread.start()
    url = f"http://{host}:{server.effective_port}"
    log.info("serving on %s", url)
    if ready is not None:
        ready(url)
    stopper.stopping.wait()
    thread.join(timeout=10)


def run_web(app: object, host: str, port: int, *, threads: int = 8,
            ready: Callable[[str], None] | None = None) -> None:
    """The web tier alone (scale-out)."""
    _serve(app, host, port, threads, ready)


def run_serve(services: Services, app_factory: Callable[[], object], host: str, port: int,
              *, ready: Callable[[str], None] | None = None, config_path: Path | None = None) -> None:
    """The one-box default: waitress serves the app in a thread, the consumer runs beside it, and on a shared
    database and queue (queue.processes) more consumers run in worker processes of their own."""
    consumer = make_consumer(services, periodic=True)
    watcher = start_consuming(consumer, services)
    extra = WorkerProcesses(consumer_processes(services.config) - 1, config_path)
    extra.start()
    try:
        _serve(app_factory(), host, port, 8, ready)
    finally:
        if watcher is not None:
            watcher.stop()
        extra.stop()
        consumer.stop(graceful=True)
        services.huey.notify_interrupted_tasks()
