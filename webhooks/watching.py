"""The watch's thread (plugin.service.watch): in the consumer that runs the periodic jobs, each watched platform
is looked at every `watch_every`; a look that fails (the database or the helpdesk away) is logged and the next one
tries again."""

from __future__ import annotations

import logging
import threading
import time
from datetime import timedelta

from plugin.service.watch import Watch
from webhooks.bootstrap import Services

log = logging.getLogger(__name__)


class Watcher:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.watch = Watch(services.adapters, services.store, services.tasks)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> Watcher:
        """Start looking, when any platform asks to be watched."""
        try:
            platforms = self.watch.platforms()
        except Exception:  # a platform misconfigured: reported where it is used; nothing to watch here
            log.warning("the watch could not read its platforms; not watching", exc_info=True)
            return self
        if platforms:
            self._thread = threading.Thread(target=self._run, args=(platforms,), name="watch", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _run(self, platforms: dict[str, timedelta]) -> None:
        every = {name: interval.total_seconds() for name, interval in platforms.items()}
        due = dict.fromkeys(every, time.monotonic())
        while not self._stop.is_set():
            name = min(due, key=due.__getitem__)
            if self._stop.wait(max(due[name] - time.monotonic(), 0.0)):
                return
            try:
                self.watch.look(name, self.services.clock())
            except Exception:
                log.warning("the watch's look at %s failed; trying again", name, exc_info=True)
            due[name] = time.monotonic() + every[name]
