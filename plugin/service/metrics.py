"""Prometheus metrics of one running service: events received, decisions, escalations, writes, retries, queue
depth and timer lag. Each service instance has its own registry, so several apps (and tests) never share counts."""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest, start_http_server


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.events = Counter("escalator_webhook_events", "Webhook requests by platform and outcome",
                              ["platform", "outcome"], registry=r)
        self.decisions = Counter("escalator_decisions", "Decisions made, by whether they changed anything",
                                 ["platform", "effect"], registry=r)
        self.escalations = Counter("escalator_escalations", "Escalations by rule and target tier",
                                   ["platform", "rule", "tier"], registry=r)
        self.writes = Counter("escalator_write_calls", "Write calls to a helpdesk, by outcome",
                              ["platform", "outcome"], registry=r)
        self.retries = Counter("escalator_retries", "Work re-queued, by cause", ["cause"], registry=r)
        self.notifications = Counter("escalator_notifications", "Notifications by role and outcome",
                                     ["role", "outcome"], registry=r)
        self.timer_lag = Histogram("escalator_timer_lag_seconds", "How late a threshold timer fired",
                                   buckets=(0.5, 1, 2, 3, 5, 10, 30, 60, 300), registry=r)
        self.queue_depth = Gauge("escalator_queue_depth", "Tasks waiting in the queue", registry=r)
        self.inbox_backlog = Gauge("escalator_inbox_unprocessed", "Acknowledged events not yet processed",
                                   registry=r)
        self.open_intents = Gauge("escalator_open_intents", "Decisions whose write is under way or was interrupted",
                                  registry=r)

    def watch(self, queue_depth: Callable[[], float], inbox_backlog: Callable[[], float],
              open_intents: Callable[[], float] | None = None) -> None:
        """Read the gauges live at every scrape (of the web tier's /metrics or a worker's metrics port)."""
        for gauge, read in ((self.queue_depth, queue_depth), (self.inbox_backlog, inbox_backlog),
                            (self.open_intents, open_intents)):
            if read is not None:
                gauge.set_function(_unless_down(read))

    def render(self) -> bytes:
        """The exposition text."""
        return generate_latest(self.registry)

    def serve(self, port: int, host: str = "127.0.0.1") -> None:
        """Expose this registry on http://host:port/metrics from a background thread (workers have no web app)."""
        start_http_server(port, addr=host, registry=self.registry)


def _unless_down(read: Callable[[], float]) -> Callable[[], float]:
    """A gauge reading that shows NaN while its source is unreachable instead of failing the whole scrape."""

    def reading() -> float:
        try:
            return float(read())
        except Exception:
            return float("nan")

    return reading
