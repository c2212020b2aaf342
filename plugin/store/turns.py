"""Writers take turns at SQLite's one write lock, first come first served, within a process.

SQLite lets one transaction write at a time; a connection that finds the lock taken sleeps and tries again (the busy
handler: 1, 2, 5, ... up to 100 ms between tries). Under load that is a lottery, not a queue: a writer that keeps
losing to the threads that try between its sleeps can wait seconds while the others wait milliseconds (measured: ten
threads each committing a 2 ms transaction, p99 wait 530 ms and worst 2.2 s; taking turns, worst 25 ms at the same
throughput). A wait of seconds matters where a step must be recorded the moment it happens: an alert a channel has
just taken, recorded late, is sent again if the process dies meanwhile.

So every transaction a process opens on SQLite first takes its turn here: a FIFO lock handed from one holder straight
to the next waiter, re-entrant in the thread that holds it (a nested transaction waits on SQLite as before). A waiter
that has not had its turn after `patience` seconds says who holds it (a warning) and goes on without it, letting
SQLite's busy timeout decide, as before this queue existed; a turn whose holder's thread has ended is taken over. A
turn is given back by whichever thread ends its block (a streamed response's generator may be closed by another).
Other processes (a CLI command beside `serve`) still meet the busy handler; there are few.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager

log = logging.getLogger(__name__)


class WriteTurns:
    """A first-come-first-served lock with direct handoff; re-entrant per thread."""

    def __init__(self, patience: float) -> None:
        self.patience = patience
        self._guard = threading.Lock()
        self._owner: int | None = None
        self._holder: threading.Thread | None = None  # the owner's thread, to tell a turn left by a thread that ended
        self._depth = 0
        self._waiting: deque[tuple[int, threading.Event, threading.Thread]] = deque()

    def acquire(self) -> bool:
        """Wait for this thread's turn; False when `patience` ran out first (the caller then holds nothing)."""
        me = threading.get_ident()
        with self._guard:
            if self._owner == me:
                self._depth += 1
                return True
            if self._owner is None and not self._waiting:
                self._take(me)
                return True
            called = threading.Event()
            ticket = (me, called, threading.current_thread())
            self._waiting.append(ticket)
        if called.wait(self.patience):
            return True
        with self._guard:
            if called.is_set():  # handed over between the timeout and taking the guard
                return True
            self._waiting.remove(ticket)
            holder = self._holder
            if holder is not None and not holder.is_alive():  # a thread ended holding it: nobody will give it back
                log.warning("write turn taken over from thread %s, which ended holding it", holder.name)
                self._take(me)
                return True
        log.warning("no write turn after %.0f s (held by thread %s); going on without one", self.patience,
                    holder.name if holder is not None else "none")
        return False

    def _take(self, owner: int) -> None:
        self._owner, self._depth, self._holder = owner, 1, threading.current_thread()

    def release(self) -> None:
        """Give the turn back (by the thread ending the block that took it, whichever that is)."""
        with self._guard:
            if self._owner is None:
                raise RuntimeError("released a write turn nobody holds")
            self._depth -= 1
            if self._depth:
                return
            if self._waiting:
                owner, called, thread = self._waiting.popleft()
                self._owner, self._depth, self._holder = owner, 1, thread
                called.set()
            else:
                self._owner, self._holder = None, None

    @contextmanager
    def turn(self) -> Iterator[None]:
        """Hold the turn for the block (or go on without it once patience ran out)."""
        held = self.acquire()
        try:
            yield
        finally:
            if held:
                self.release()

    @property
    def queued(self) -> int:
        """How many threads wait for a turn now."""
        with self._guard:
            return len(self._waiting)
