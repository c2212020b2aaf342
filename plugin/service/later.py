"""Queueing work at an exact moment, to the tens of milliseconds: a Retry-After kept to the second.

huey's own scheduler looks at its schedule once a second, so a task scheduled for a time runs up to a second (and
a worker's poll) after it. A retry the helpdesk timed with Retry-After is instead put on the queue at its moment by
one thread of this process. Nothing is lost if the process dies first: the work is still unfinished in the store,
with its not-before time, and recovery queues it again at that time.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)


class Later:
    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Callable[[], object]]] = []
        self._seq = itertools.count()
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None
        self._stopped = False

    def after(self, delay: float, action: Callable[[], object]) -> None:
        """Run `action` (queueing a task: quick) `delay` seconds from now."""
        with self._wake:
            heapq.heappush(self._heap, (time.monotonic() + max(delay, 0.0), next(self._seq), action))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="later", daemon=True)
                self._thread.start()
            self._wake.notify()

    def pending(self) -> list[float]:
        """The seconds from now to each waiting action, soonest first (for tests and metrics)."""
        now = time.monotonic()
        with self._wake:
            return sorted(due - now for due, _, _ in self._heap)

    def stop(self) -> None:
        """End the thread (a process that ends before its last retry's time: the demo, a test). What is still
        waiting is unfinished work the store keeps, queued again by recovery."""
        with self._wake:
            self._stopped = True
            self._wake.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._stopped and (not self._heap or self._heap[0][0] > time.monotonic()):
                    self._wake.wait(None if not self._heap else self._heap[0][0] - time.monotonic())
                if self._stopped:
                    return
                _, _, action = heapq.heappop(self._heap)
            try:
                action()
            except Exception:  # the queue may be away: recovery takes the unfinished work up again
                log.warning("could not queue work at its time", exc_info=True)
