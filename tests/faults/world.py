"""The world a fault scenario runs in, seen from the outside: the Zendesk sandbox over HTTP (in this process), the
alert receivers, and `escalator serve` as a process of its own, started from a configuration file, killed with
SIGKILL and started again on the same port and the same state, on one backend (SQLite files, or PostgreSQL for state
and Redis for the queue).

The configuration, the seeded accounts and the webhook secret come from the end-to-end harness (tests/e2e), so the
service runs here exactly as it does there; nothing of the service is imported or called in this process.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))

from effects import ALERT_ROLES, EMAIL_ROLES, EffectLog
from harness import WEBHOOK_SECRET, config_file, e2e_config, seed
from receivers import AlertReceivers

from adapters.sandbox import Sandbox

ESCALATOR = [sys.executable, "-m", "webhooks.cli"]
BACKENDS = ("sqlite", "postgres+redis")


@dataclass(frozen=True)
class Backend:
    """Where the service keeps its state and its queue: {} for the one-box SQLite files."""

    name: str
    urls: dict[str, str] = field(default_factory=dict)


def wait_for(condition: Callable[[], bool], timeout: float, what: str, *, interval: float = 0.05) -> float:
    """Poll until `condition()` holds; the seconds it took. Fails (AssertionError) after `timeout`."""
    start = time.monotonic()
    while True:
        if condition():
            return time.monotonic() - start
        if time.monotonic() - start > timeout:
            raise AssertionError(f"timed out after {timeout:g}s waiting for {what}")
        time.sleep(interval)


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class World:
    """One sandbox, one set of alert receivers, one escalator process at a time (restartable)."""

    def __init__(self, tmp: Path, backend: Backend, *, webhook_workers: int = 4, timeout: float | None = None,
                 **overrides: Any) -> None:
        self.tmp, self.backend = tmp, backend
        self.sandbox = Sandbox(job_delay=0.02, webhook_retry_delay=0.2, webhook_workers=webhook_workers,
                               webhook_resend_for=3600, webhook_resend_interval=0.5)
        self.receivers = AlertReceivers()
        self.effects = EffectLog(self.receivers)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.starts: list[float] = []  # time.monotonic() of each start
        self.kills: list[float] = []  # time.monotonic() of each SIGKILL
        self._overrides = overrides
        self._timeout = timeout
        self._log_index = 0
        self.ids: dict[str, Any] = {}
        self.config_path = tmp / "escalator.yaml"

    def __enter__(self) -> World:
        self.sandbox.start()
        self.receivers.start()
        self.ids = seed(self.sandbox)
        self.effects.attach(self.sandbox, bot_id=self.ids["bot"])
        overrides = dict(self._overrides)
        notifications = {"respect_business_hours": False, "retry_delay": "1s", "retries": 5,
                         "channels": self.receivers.channels(ALERT_ROLES, EMAIL_ROLES),
                         **overrides.pop("notifications", {})}
        zendesk = {**({"timeout": self._timeout} if self._timeout else {}), **overrides.pop("zendesk", {})}
        config = e2e_config(self.sandbox, self.tmp, self.ids, **self.backend.urls, notifications=notifications,
                            zendesk=zendesk, **overrides)
        config_file(config, self.config_path)
        self.sandbox.subscribe(f"{self.url}/webhooks/zendesk", secret=WEBHOOK_SECRET)
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.stop()
        finally:
            self.sandbox.stop()
            self.receivers.stop()

    # -- the service's process

    def _spawn(self, *args: str) -> subprocess.Popen[bytes]:
        env = {**os.environ, "ESCALATOR_CONFIG": str(self.config_path), "PYTHONUNBUFFERED": "1"}
        log = (self.tmp / f"process-{self._log_index:02d}.log").open("ab")
        self._log_index += 1
        return subprocess.Popen([*ESCALATOR, *args], env=env, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, cwd=self.tmp)

    def start(self, *, wait: bool = True) -> float:
        """Start `escalator serve` on the world's port; the moment it was started (time.monotonic())."""
        assert self.process is None or self.process.poll() is not None, "the service is already running"
        started = time.monotonic()
        self.process = self._spawn("serve", "--port", str(self.port))
        self.starts.append(started)
        if wait:
            self.wait_ready()
        return started

    def healthy(self) -> bool:
        try:
            return requests.get(f"{self.url}/healthz", timeout=1).status_code == 200
        except requests.RequestException:
            return False

    def wait_ready(self, timeout: float = 60) -> None:
        def up() -> bool:
            if self.process is not None and self.process.poll() is not None:
                raise AssertionError(f"escalator serve exited with {self.process.returncode}\n{self.logs()}")
            return self.healthy()

        wait_for(up, timeout, f"escalator serve on {self.url}", interval=0.05)

    def kill(self) -> float:
        """SIGKILL the service (no clean-up of any kind); the moment of the kill."""
        assert self.process is not None
        at = time.monotonic()
        self.process.send_signal(signal.SIGKILL)
        self.kills.append(at)
        self.process.wait(30)
        return at

    def stop(self) -> int | None:
        """SIGTERM, as an admin stops it; its exit code (None when it was not running)."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return None if process is None else process.returncode
        process.send_signal(signal.SIGTERM)
        try:
            return process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
            return -9

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """Run a one-shot `escalator` command (e.g. `sweep`) against the same configuration."""
        env = {**os.environ, "ESCALATOR_CONFIG": str(self.config_path), "PYTHONUNBUFFERED": "1"}
        return subprocess.run([*ESCALATOR, *args], env=env, capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL, cwd=self.tmp, check=False)

    def logs(self, tail: int = 60) -> str:
        out = []
        for path in sorted(self.tmp.glob("process-*.log")):
            lines = path.read_text(errors="replace").splitlines()
            out.append(f"--- {path.name}:\n" + "\n".join(lines[-tail:]))
        return "\n".join(out)

    # -- the customers' side

    def customer_ticket(self, template: dict[str, Any]) -> dict[str, Any]:
        """Open a ticket from a template (see effects.TEMPLATES): the sandbox sends its webhook."""
        values = {key: value for key, value in template.items() if key != "requester"}
        return self.sandbox.state.create_ticket(requester_id=self.ids[template["requester"]], **values)


# -- backends


def _shared_conftest() -> Any:
    """tests/conftest.py's helpers (the local PostgreSQL's admin URLs, a schema of our own), loaded by path: the
    figures script runs outside pytest."""
    path = Path(__file__).resolve().parents[1] / "conftest.py"
    spec = importlib.util.spec_from_file_location("faults_shared_conftest", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextmanager
def open_backend(name: str, tmp: Path, *, postgres_url: str | None = None, redis_url: str | None = None
                 ) -> Iterator[Backend]:
    """A fresh backend: SQLite files under `tmp`, or a new PostgreSQL schema and an empty Redis database. Under
    pytest the fixtures give the URLs; the figures script makes its own."""
    if name == "sqlite":
        yield Backend(name)
        return
    if name != "postgres+redis":
        raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, got {name!r}")
    import redis

    with _postgres_schema(postgres_url) as database:
        queue = redis_url or "redis://127.0.0.1:6379/12"
        client = redis.Redis.from_url(queue)
        client.flushdb()
        try:
            yield Backend(name, {"database_url": database, "queue_url": queue})
        finally:
            client.flushdb()
            client.close()


@contextmanager
def _postgres_schema(given: str | None) -> Iterator[str]:
    if given is not None:
        yield given
        return
    from sqlalchemy import create_engine, text

    shared = _shared_conftest()
    for admin_url in shared.PG_ADMIN_URLS:
        engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception:
            engine.dispose()
            continue
        try:
            with shared._schema(engine, "faults") as url:
                yield url
        finally:
            engine.dispose()
        return
    raise RuntimeError("PostgreSQL on 127.0.0.1:5432 (database test) is not reachable")
