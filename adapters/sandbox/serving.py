"""What both sandboxes (Zendesk's and Freshdesk's) share as servers: a WSGI app on 127.0.0.1 served from a
background thread, a webhook deliverer started and stopped with it, and the request record and fault switches
(adapters/sandbox/faults.py) a test reads and sets."""

from __future__ import annotations

import signal
import threading
from typing import Any, Protocol, Self

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from adapters.sandbox.faults import Faults, RequestRecord
from adapters.sandbox.webhooks import Invocation


class QuietHandler(WSGIRequestHandler):
    """No access log on the terminal: the sandbox records requests itself (`count`, `recorded`)."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return


class Deliveries(Protocol):
    invocations: list[Invocation]

    def start(self) -> Any: ...

    def stop(self) -> None: ...

    def flush(self, timeout: float = 10.0) -> bool: ...


class LocalServer:
    """A sandbox's server; a subclass sets `faults` and `deliverer` and builds its app in `make_app`."""

    thread_name = "sandbox"
    faults: Faults
    deliverer: Deliveries

    def __init__(self, host: str, port: int) -> None:
        self._host, self._port = host, port
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    def make_app(self) -> Any:
        raise NotImplementedError

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the sandbox is not started")
        return f"http://{self._host}:{self._server.server_port}"

    def start(self) -> Self:
        server = self._server = make_server(self._host, self._port, self.make_app(), threaded=True,
                                            request_handler=QuietHandler)
        # polled often, so a test's sandbox stops in a few hundredths of a second, not half a second
        self._thread = threading.Thread(target=lambda: server.serve_forever(poll_interval=0.05),
                                        name=self.thread_name, daemon=True)
        self._thread.start()
        self.deliverer.start()
        return self

    def stop(self) -> None:
        self.deliverer.stop()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def serve_until_stopped(self) -> None:
        """Run (started) until SIGTERM or Ctrl+C, then stop: `python -m adapters.sandbox[.freshdesk]`."""
        stopping = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stopping.set())
        signal.signal(signal.SIGINT, lambda *_: stopping.set())
        stopping.wait()
        self.stop()

    # ---------------------------------------------------------------- the record and the faults

    def count(self, method: str | None = None, path_prefix: str | None = None, status: int | None = None) -> int:
        return self.faults.count(method, path_prefix, status)

    def write_requests(self, *, successful_only: bool = False) -> int:
        return self.faults.write_requests(successful_only=successful_only)

    def reset_counts(self) -> None:
        self.faults.reset_counts()

    def recorded(self, method: str | None = None, path_prefix: str | None = None) -> list[RequestRecord]:
        """The API requests received (method, path, status, body: `record.json()`), oldest first."""
        return self.faults.recorded(method, path_prefix)

    def fail_next(self, count: int = 1, status: int = 429, retry_after: float | None = 30) -> None:
        self.faults.fail_next(count, status, retry_after)

    # ---------------------------------------------------------------- webhooks

    @property
    def invocations(self) -> list[Invocation]:
        return self.deliverer.invocations

    def flush_webhooks(self, timeout: float = 10.0) -> bool:
        """Wait until every webhook queued is delivered or given up."""
        return self.deliverer.flush(timeout)
