"""Who is working: this process's identity, the owner tokens its leases carry, whether the process an identity names
is still alive, and the heartbeat that keeps this process's leases from expiring while it works.

An identity is "host/pid/start" (start: the process's start time as the kernel counts it, so a reused pid is not
taken for the old process). A lease's owner token is "identity#thread-nonce". A process that dies holding leases,
events or notifications is recognised at once by a process starting on the same host (its pid is gone), and by
every other host when its leases expire: they are short, because the heartbeat renews them while the work goes on.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from plugin.ports import TicketStore

log = logging.getLogger(__name__)
_identity: tuple[int, str] | None = None


def _start_time(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (field 22 of /proc/PID/stat), or None off Linux."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]


def _host() -> str:
    return socket.gethostname().replace("/", "-").replace("#", "-")[:60] or "host"


def process_identity() -> str:
    """This process's identity (recomputed after a fork: a forked worker is a process of its own)."""
    global _identity
    pid = os.getpid()
    if _identity is None or _identity[0] != pid:
        _identity = (pid, f"{_host()}/{pid}/{_start_time(pid) or uuid.uuid4().hex[:8]}")
    return _identity[1]


def lease_owner() -> str:
    """A fresh owner token for one lease taken by this process."""
    return f"{process_identity()}#{threading.get_ident()}-{uuid.uuid4().hex[:6]}"


def is_dead(identity: str) -> bool:
    """True only when the identity names a process of this host that is gone (or a different process now holds its
    pid). A process of another host is never declared dead here: its leases expire instead."""
    host, _, rest = identity.partition("/")
    pid_text, _, start = rest.partition("/")
    if host != _host() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return identity != process_identity()
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    now_start = _start_time(pid)
    return now_start is not None and now_start != start


class LeaseKeeper:
    """Renews this process's leases every third of the lease while the process runs, so a lease outlives the
    work only by seconds when the process is killed."""

    def __init__(self, store: TicketStore, lease: timedelta, clock: Callable[[], datetime]) -> None:
        self.store, self.lease, self.clock = store, lease, clock
        self._started = False
        self._lock = threading.Lock()
        self._stop = threading.Event()

    def ensure_running(self) -> None:
        with self._lock:
            if self._started:
                return
            self._started = True
        threading.Thread(target=self._run, name="lease-keeper", daemon=True).start()

    def _run(self) -> None:
        interval = max(self.lease.total_seconds() / 3, 0.2)
        while not self._stop.wait(interval):
            try:
                self.store.renew(process_identity(), self.clock(), self.lease)
            except Exception:  # the database may be away for a moment; the next beat tries again
                log.warning("could not renew this process's leases", exc_info=True)

    def stop(self) -> None:
        self._stop.set()
