"""Prometheus metrics of one running service: events received, decisions, escalations, writes, retries, queue
depth and timer lag. Each service instance has its own registry, so several apps (and tests) never share counts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest, start_http_server
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector


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
        self.reads_spared = Counter("escalator_reads_spared", "Ticket reads the webhooks stood in for (plugin.kept): "
                                    "all of it, or all but the comments", ["platform", "spared"], registry=r)
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

    def watch_budget(self, views: Callable[[], Iterable[Any]]) -> None:
        """The helpdesk accounts' API budget (plugin.service.budget), read from the store at every scrape."""
        self.registry.register(_BudgetCollector(views))

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


class _BudgetCollector(Collector):
    """escalator_api_budget_*: per platform, the account's limit a window, the escalator's share of it (and what
    routine work may spend), what it spent this window, what the account has left when it runs low, and the
    requests held back for the next window instead of meeting a 429."""

    def __init__(self, views: Callable[[], Iterable[Any]]) -> None:
        self.views = views

    def describe(self) -> list[Any]:
        return []

    def collect(self) -> Iterator[Any]:
        try:
            views = list(self.views())
        except Exception:  # the database away: no budget figures this scrape, the rest still shown
            return
        families = {
            "limit": GaugeMetricFamily("escalator_api_budget_limit", "The helpdesk account's API requests a window",
                                       labels=["platform"]),
            "ours": GaugeMetricFamily("escalator_api_budget_share", "What the escalator may spend a window",
                                      labels=["platform"]),
            "routine": GaugeMetricFamily("escalator_api_budget_routine", "What routine (not urgent) work may spend "
                                         "a window", labels=["platform"]),
            "used": GaugeMetricFamily("escalator_api_budget_used", "What the escalator spent this window",
                                      labels=["platform"]),
            "remaining": GaugeMetricFamily("escalator_api_budget_left", "What the account has left "
                                           "this window, as the platform last reported it while low (NaN: not low)",
                                           labels=["platform"]),
        }
        waits = CounterMetricFamily("escalator_api_budget_waits", "Requests held for the next window",
                                    labels=["platform"])
        for view in views:
            for name, family in families.items():
                value = getattr(view, name)
                family.add_metric([view.platform], float("nan") if value is None else float(value))
            waits.add_metric([view.platform], float(view.waits))
        yield from families.values()
        yield waits
