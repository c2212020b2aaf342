"""What `escalator demo` needs of a process that starts things and must leave nothing behind: signal handlers that
unwind the story on Ctrl+C, SIGTERM or SIGHUP; servers served from threads that are joined when they stop; the local
catcher standing in for the alert channels; the service's timed-retry thread with a stop; progress bars without a
monitor thread."""

from __future__ import annotations

import http.server
import json
import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from tqdm import tqdm
from werkzeug.serving import WSGIRequestHandler

from webhooks.demo_report import Alerts

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)

log = logging.getLogger(__name__)


class Interrupted(BaseException):
    """Ctrl+C, SIGTERM or SIGHUP during the story: unwinds like KeyboardInterrupt, so that every part stops."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class Stopping:
    """The demo's signal handlers: while armed, the first signal raises Interrupted in the main thread; once
    disarmed (cleaning up, or waiting with --keep) a signal only sets `event`."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.armed = True
        self._previous: dict[int, Any] = {}

    def install(self) -> None:
        """Set (again: huey's consumer sets handlers of its own when it starts) the handlers."""
        for signum in SIGNALS:
            self._previous.setdefault(signum, signal.getsignal(signum))
            signal.signal(signum, self._handle)

    def restore(self) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self.event.set()
        if self.armed:
            self.armed = False
            raise Interrupted(signum)


class Quiet(WSGIRequestHandler):
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return


@contextmanager
def serving(server: http.server.HTTPServer, name: str) -> Iterator[None]:
    """Serve from a thread; on exit, stop serving, close, and join the thread."""
    thread = threading.Thread(target=lambda: server.serve_forever(poll_interval=0.05), name=name, daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def alert_catcher() -> Iterator[tuple[str, Alerts]]:
    alerts = Alerts()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            alerts.received.append((self.path.strip("/"), body.get("title", ""), body.get("message", "")))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = False  # so that closing it joins the threads of requests in flight
    with serving(server, "demo-alert-catcher"):
        yield f"127.0.0.1:{server.server_port}", alerts


class Bar(tqdm):  # type: ignore[misc]  # tqdm is untyped
    """A progress bar without tqdm's monitor thread, which would outlive the demo (polled bars need none)."""

    monitor_interval = 0
