"""Intake, in two halves. The request path (`receive`): authenticate and parse through the adapter, store each new
event in the inbox (one INSERT), answer. The consumer's half (`InboxFeed`): queue the tickets of events the inbox
received that no worker has been asked to take yet.

The inbox is the source of truth and the only durable write an acknowledged webhook costs: no task is written to the
queue on the request path. The web process gives a non-durable nudge instead (`InboxSignal.inbox_changed`: in the
one-box process it wakes the feed at once; elsewhere the feed polls the inbox a few times a second). If the nudge is
lost, the feed still finds the event; if the feed's process is down, the sweep's recovery re-queues every inbox row
not yet processed. Our own changes coming back are answered and dropped here.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from plugin.domain import TicketEvent
from plugin.ports import Helpdesks, TicketStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Intake:
    """What became of one webhook request."""

    accepted: tuple[TicketEvent, ...]
    duplicates: tuple[TicketEvent, ...]
    ours: tuple[TicketEvent, ...] = ()

    @property
    def status(self) -> int:
        """202 when something new was accepted; 200 for a redelivery, our own change or an event with nothing to
        do."""
        return 202 if self.accepted else 200

    @property
    def outcome(self) -> str:
        if self.accepted:
            return "accepted"
        if self.duplicates:
            return "duplicate"
        return "ours" if self.ours else "ignored"


class InboxSignal(Protocol):
    """A nudge that the inbox holds new events: costs nothing durable and may be lost."""

    def inbox_changed(self) -> None: ...


def receive(helpdesks: Helpdesks, store: TicketStore, signal: InboxSignal, now: datetime, platform: str,
            headers: Mapping[str, str], body: bytes) -> Intake:
    """Parse and store; then nudge the feed. Raises the adapter's WebhookError for bad input (nothing stored then).

    Our own change coming back (the integration user is its actor) is acknowledged and kept nowhere: it says
    nothing the decision that made it did not know, and a write whose answer was lost is resumed by its own retry,
    not by this echo. Storing it would cost a transaction, a task and a run per echo (four or five per escalation)."""
    events = helpdesks.get(platform).parse_webhook(headers, body, now=now)
    accepted: list[TicketEvent] = []
    duplicates: list[TicketEvent] = []
    ours = [event for event in events if event.from_us]
    for event in events:
        if not event.from_us:
            (accepted if store.add_event(event, now) else duplicates).append(event)
    if accepted:
        try:
            signal.inbox_changed()
        except Exception:  # only a nudge: the feed polls the inbox anyway
            log.debug("could not nudge the inbox feed", exc_info=True)
    return Intake(tuple(accepted), tuple(duplicates), tuple(ours))


class FreshEvents(Protocol):
    """The inbox as the feed reads it."""

    def fresh_events(self, since: datetime, limit: int) -> list[tuple[int, str, str]]:
        """(id, platform, ticket id) of events received at `since` or later that no worker has taken yet (never
        attempted, no retry time), oldest first, at most `limit`."""
        ...


FEED_BATCH = 1000
FEED_FASTEST = 0.02  # seconds between polls while events keep arriving
FEED_SLOWEST = 0.2  # ... and when the inbox is quiet: the most a webhook waits for its task in another process


class InboxFeed:
    """Queues the tickets of newly received inbox events, each event once: the consumer's half of intake.

    It reads events younger than `window` (older unfinished work is the sweep's recovery's); it remembers which
    events it has queued (in memory: a restarted process re-queues what it finds, which is harmless, as the pipeline
    coalesces). One feed runs beside the consumer that runs the periodic jobs."""

    def __init__(self, inbox: FreshEvents, enqueue: Callable[[str, str], None], clock: Callable[[], datetime],
                 window: timedelta, *, batch: int = FEED_BATCH) -> None:
        self.inbox, self.enqueue, self.clock, self.window, self.batch = inbox, enqueue, clock, window, batch
        self._queued: dict[int, datetime] = {}  # event id -> when this feed queued its ticket
        self._pruned_at: datetime | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def wake(self) -> None:
        self._wake.set()

    def poll(self) -> int:
        """One pass: queue the tickets of the fresh events not queued yet; the number of tickets queued."""
        now = self.clock()
        rows = self.inbox.fresh_events(now - self.window, self.batch)
        new = [(event_id, platform, ticket_id) for event_id, platform, ticket_id in rows
               if event_id not in self._queued]
        queued = 0
        failed: set[tuple[str, str]] = set()
        for platform, ticket_id in dict.fromkeys((p, t) for _, p, t in new):
            try:
                self.enqueue(platform, ticket_id)
                queued += 1
            except Exception:  # the queue is away: the next pass, or the sweep, tries again
                log.warning("could not queue ticket %s/%s; tried again shortly", platform, ticket_id, exc_info=True)
                failed.add((platform, ticket_id))
        for event_id, platform, ticket_id in new:
            if (platform, ticket_id) not in failed:
                self._queued[event_id] = now
        if self._pruned_at is None or now - self._pruned_at > self.window / 2:
            horizon, self._pruned_at = now - 2 * self.window, now  # what is older than that is not fresh any more
            self._queued = {i: at for i, at in self._queued.items() if at >= horizon}
        return queued

    def start(self) -> InboxFeed:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._stop.clear()
                self._thread = threading.Thread(target=self._run, name="inbox-feed", daemon=True)
                self._thread.start()
        return self

    def stop(self) -> None:
        with self._lock:
            thread, self._thread = self._thread, None
        self._stop.set()
        self._wake.set()
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5)

    def _run(self) -> None:
        pause = FEED_FASTEST
        while not self._stop.is_set():
            self._wake.clear()
            started = time.monotonic()
            try:
                found = self.poll()
            except Exception:  # the database away: try again, slowly
                log.warning("inbox feed: could not read the inbox", exc_info=True)
                found = 0
            pause = FEED_FASTEST if found else min(pause * 2, FEED_SLOWEST)
            self._wake.wait(pause)
            # a nudge per webhook must not become a query per webhook: at most one pass every FEED_FASTEST
            self._stop.wait(max(FEED_FASTEST - (time.monotonic() - started), 0.0))
