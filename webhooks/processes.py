"""`escalator serve`'s extra job consumers: worker processes started beside the one-box process, so the decisions use
every CPU rather than the one a Python process's threads share.

Each is `escalator worker --no-periodic` (the sweep and the periodic jobs stay in the serve process). They die with
their parent, even when it is SIGKILLed (Linux: PR_SET_PDEATHSIG, asked by the child itself, which then checks the
parent did not die first), so a restarted service never finds an orphan still working; their leases, events and
notifications are taken up at once by the new process's recovery like any dead process's. A worker that exits while
the service runs is started again; SIGTERM to the service stops them gracefully.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from plugin.config import EscalatorConfig
from plugin.service.queue import queue_url

log = logging.getLogger(__name__)

MAX_AUTO = 4
STOP_WAIT = 40.0  # beyond the consumer's 30 s shutdown timeout
RESTART_PAUSE = 5.0  # a worker that keeps failing at start (its database away) is started again this often
_PR_SET_PDEATHSIG = 1


def consumer_processes(config: EscalatorConfig, cpus: int | None = None) -> int:
    """How many consumer processes `serve` runs (queue.processes, "auto" resolved on this machine)."""
    chosen = config.queue.processes
    if chosen != "auto":
        return chosen
    shared = config.database.url.startswith("postgresql") and not queue_url(config).startswith("sqlite")
    return max(1, min(cpus or os.cpu_count() or 1, MAX_AUTO)) if shared else 1


def die_with_parent(parent: int) -> None:
    """Have the kernel end this process when `parent` ends (Linux); exit now if it already has."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(0)


class WorkerProcesses:
    """`count` worker processes kept running until stop()."""

    def __init__(self, count: int, config_path: Path | None, *, poll: float = 1.0,
                 restart_pause: float = RESTART_PAUSE) -> None:
        self.count, self.config_path, self.poll, self.restart_pause = count, config_path, poll, restart_pause
        self.processes: list[subprocess.Popen[bytes]] = []
        self._started: list[float] = []
        self._stopping = threading.Event()
        self._watcher = threading.Thread(target=self._watch, name="worker-processes", daemon=True)

    def command(self) -> list[str]:
        config = ["--config", str(self.config_path)] if self.config_path is not None else []
        return [sys.executable, "-m", "webhooks.cli", "worker", *config, "--no-periodic",
                "--parent-pid", str(os.getpid())]

    def start(self) -> None:
        if self.count < 1:
            return
        self.processes = [self._spawn() for _ in range(self.count)]
        self._started = [time.monotonic()] * self.count
        log.info("started %d worker process(es): %s", self.count, ", ".join(str(p.pid) for p in self.processes))
        self._watcher.start()

    def _spawn(self) -> subprocess.Popen[bytes]:
        return subprocess.Popen(self.command(), stdin=subprocess.DEVNULL)

    def _watch(self) -> None:
        while not self._stopping.wait(self.poll):
            for index, process in enumerate(self.processes):
                code = process.poll()
                if code is None or self._stopping.is_set():
                    continue
                if time.monotonic() - self._started[index] < self.restart_pause:
                    continue  # not again at once: one failing at start would be restarted in a loop
                log.warning("worker process %s exited (%s); starting another", process.pid, code)
                self.processes[index] = self._spawn()
                self._started[index] = time.monotonic()

    def stop(self) -> None:
        """SIGTERM to each (in-flight tasks finish), then wait; one that does not stop in time is killed."""
        self._stopping.set()
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_WAIT
        for process in self.processes:
            try:
                process.wait(max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                log.warning("worker process %s did not stop in time; killed", process.pid)
                process.kill()
                process.wait()
