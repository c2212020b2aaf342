"""The world a fault scenario runs in, seen from the outside: one helpdesk sandbox over HTTP (in this process),
Zendesk's or Freshdesk's, the alert receivers, and `escalator serve` as a process of its own, started from a
configuration file, killed with SIGKILL and started again on the same port and the same state, on one backend (SQLite
files, or PostgreSQL for state and Redis for the queue).

On Zendesk the configuration, the seeded accounts and the webhook secret come from the end-to-end harness
(tests/e2e), so the service runs here exactly as it does there. On Freshdesk the accounts are those of the end-to-end
harness's Freshdesk run (four tier groups, a VIP company), and the automation rules are written by `escalator install
freshdesk`, run as a process: they post the escalator's body with the shared secret in a header. Nothing of the
service is imported or called in this process.

The two sandboxes differ where the helpdesks do (docs/sandbox.md): Freshdesk's ids are integers, a PUT replaces the
whole tag list, our note and reply are conversations of their own (the note's marker visible, the reply's hidden in
its HTML body), and its webhooks are retried as Freshdesk retries them: three times (5 min, 30 min and 1 h after the
failure, here 1 s, 6 s and 12 s), then given up; a ticket whose webhook was given up is the product's watch's to find
(`freshdesk.watch_every`, 3 s). Zendesk's sandbox resends every webhook until it gets a 2xx.
"""

from __future__ import annotations

import heapq
import importlib.util
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))

from effects import ALERT_ROLES, EMAIL_ROLES, EffectLog
from harness import FRESHDESK_SECRET, WEBHOOK_SECRET, WEEK, config_file, e2e_config, seed
from receivers import AlertReceivers

from adapters.sandbox import Sandbox
from adapters.sandbox.freshdesk import FreshdeskSandbox
from adapters.sandbox.freshdesk.webhooks import Deliverer as FreshdeskDeliverer
from adapters.sandbox.webhooks import Invocation

ESCALATOR = [sys.executable, "-m", "webhooks.cli"]
BACKENDS = ("sqlite", "postgres+redis")
PLATFORMS = ("zendesk", "freshdesk")
# Freshdesk retries a failed webhook 5 min, 30 min and 1 h after the failure, then gives up: scaled 1:300 here
FRESHDESK_RETRIES = (1.0, 6.0, 12.0)
FRESHDESK_PRIORITY = {"low": 1, "normal": 2, "high": 3, "urgent": 4}


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


class _Sessions:
    """One requests.Session per delivering thread (a Session is not meant to be shared between threads)."""

    def __init__(self) -> None:
        self._local = threading.local()

    def request(self, *args: Any, **kwargs: Any) -> requests.Response:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
        return session.request(*args, **kwargs)


class FreshdeskFaultDeliverer(FreshdeskDeliverer):
    """The Freshdesk sandbox's rule deliverer with the fault suite's switches, as the Zendesk sandbox has them:
    `workers` threads post concurrently (a SIGKILLed service makes each post wait for its refusal, and thousands of
    events must not queue behind one thread), `redeliver(copies, spread)` sends every invocation several times, each
    copy at a random moment within `spread` seconds, and failures (no answer within Freshdesk's 15 s included) are
    retried on Freshdesk's schedule (FRESHDESK_RETRIES), then given up. It remembers which invocations our own
    writes caused (`ours`)."""

    def __init__(self, sandbox: FreshdeskSandbox, *, workers: int = 4, timeout: float = 15.0) -> None:
        sandbox.state.listeners.remove(sandbox.deliverer.on_change)
        super().__init__(sandbox.state, retries=len(FRESHDESK_RETRIES), timeout=timeout)
        self._session = _Sessions()  # type: ignore[assignment]
        self._threads = [threading.Thread(target=self._run, name=f"freshdesk-faults-webhooks-{i}", daemon=True)
                         for i in range(max(workers, 1))]
        self._copies, self._spread = 1, 0.0
        self._rng = random.Random(0)
        self.bot_id: int | None = None
        self.ours: set[str] = set()
        self._change = threading.local()  # the change whose rules are being run, in the thread that made it

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        with self._cond:
            self.stopped = True
            self._cond.notify_all()
        for thread in self._threads:
            if thread.is_alive():
                thread.join(timeout=5)

    def redeliver(self, copies: int = 3, spread: float = 1.0, *, seed: int = 0) -> None:
        with self._cond:
            self._copies, self._spread, self._rng = copies, spread, random.Random(seed)

    def on_change(self, change: Any) -> None:
        self._change.performer = change.performer_id
        super().on_change(change)

    def _enqueue(self, rule_key: str, action: Any, values: Any, ticket_id: int) -> None:
        before = len(self.invocations)
        super()._enqueue(rule_key, action, values, ticket_id)
        with self._cond:
            invocation = self.invocations[before]
            if self.bot_id is not None and getattr(self._change, "performer", None) == self.bot_id:
                self.ours.add(invocation.invocation_id)
            if self._copies <= 1:
                return
            # the one delivery queued now is moved to a random moment, and the other copies join it
            self._heap[:] = [entry for entry in self._heap if entry[2] is not invocation]
            heapq.heapify(self._heap)
            now = time.monotonic()
            for _ in range(self._copies):
                heapq.heappush(self._heap, (now + self._rng.uniform(0, self._spread), next(self._seq), invocation))
            self._pending += self._copies - 1
            self._cond.notify_all()

    def _attempt(self, invocation: Invocation) -> float | None:
        again = super()._attempt(invocation)
        if again is None:
            return None
        failures = sum(1 for _, status in invocation.answers if status is None or not 200 <= status < 300)
        return time.monotonic() + FRESHDESK_RETRIES[min(failures, len(FRESHDESK_RETRIES)) - 1]


class World:
    """One sandbox (Zendesk's or Freshdesk's), one set of alert receivers, one escalator process at a time
    (restartable)."""

    def __init__(self, tmp: Path, backend: Backend, *, platform: str = "zendesk", webhook_workers: int = 4,
                 timeout: float | None = None, **overrides: Any) -> None:
        if platform not in PLATFORMS:
            raise ValueError(f"platform must be one of {', '.join(PLATFORMS)}, got {platform!r}")
        self.tmp, self.backend, self.platform = tmp, backend, platform
        self.sandbox: Any
        if platform == "zendesk":
            self.sandbox = Sandbox(job_delay=0.02, webhook_retry_delay=0.2, webhook_workers=webhook_workers,
                                   webhook_resend_for=3600, webhook_resend_interval=0.5)
        else:
            self.sandbox = FreshdeskSandbox()
            self.sandbox.deliverer = FreshdeskFaultDeliverer(self.sandbox, workers=webhook_workers)
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
        overrides = dict(self._overrides)
        notifications = {"respect_business_hours": False, "retry_delay": "1s", "retries": 5,
                         "channels": self.receivers.channels(ALERT_ROLES, EMAIL_ROLES),
                         **overrides.pop("notifications", {})}
        helpdesk = {**({"timeout": self._timeout} if self._timeout else {}), **overrides.pop(self.platform, {})}
        if self.platform == "zendesk":
            self.ids = seed(self.sandbox)
            self.effects.attach(self.sandbox, bot_id=self.ids["bot"])
            config = e2e_config(self.sandbox, self.tmp, self.ids, **self.backend.urls, notifications=notifications,
                                zendesk=helpdesk, **overrides)
            config_file(config, self.config_path)
            self.sandbox.subscribe(f"{self.url}/webhooks/zendesk", secret=WEBHOOK_SECRET)
            return self
        self.ids = freshdesk_seed(self.sandbox)
        self.sandbox.deliverer.bot_id = self.ids["bot"]
        self.effects.attach(self.sandbox, bot_id=self.ids["bot"])
        freshdesk_config_file(self.sandbox, self.tmp, self.ids, self.config_path, **self.backend.urls,
                              notifications=notifications, freshdesk=helpdesk, **overrides)
        installed = self.run("install", "freshdesk", "--url", self.url)
        assert installed.returncode == 0, f"escalator install freshdesk: {installed.stdout}{installed.stderr}"
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.stop()
        finally:
            self.sandbox.stop()
            self.receivers.stop()

    # -- what differs between the helpdesks, for the scenarios

    def is_created(self, invocation: Invocation) -> bool:
        """A webhook about a ticket's creation (Zendesk's ticket.created event; Freshdesk's ticket creation rule)."""
        if self.platform == "zendesk":
            return b'"zen:event-type:ticket.created"' in invocation.payload
        return invocation.webhook_id.startswith("1:")

    def own_invocations(self) -> int:
        """Webhook events our own writes caused (coming back to the service)."""
        if self.platform == "freshdesk":
            return len(self.sandbox.deliverer.ours)
        return sum(1 for i in list(self.sandbox.invocations)
                   if json.loads(i.payload).get("detail", {}).get("actor_id") == str(self.ids["bot"]))

    def hold_answer(self, kind: str, seconds: float) -> None:
        """Hold the next answer to a write of `kind` (LOST_ANSWER_KINDS). Freshdesk has no bulk update (the sweep
        writes each ticket with its own PUT, apply_many): its "update_many" is the sweep's first PUT."""
        if self.platform == "freshdesk" and kind == "update_many":
            kind = "update"
        self.sandbox.hold_answer(kind, seconds)

    def fail_share(self, share: float, statuses: tuple[int, ...] = (429, 500, 503), *, seed: int = 0,
                   retry_after: tuple[float, ...] = (1,), slow: tuple[float, float] = (1.0, 2.0)) -> None:
        self.sandbox.faults.fail_share(share, statuses, seed=seed, retry_after=retry_after, slow=slow)

    def redeliver(self, copies: int, spread: float, *, seed: int = 0) -> None:
        self.sandbox.deliverer.redeliver(copies, spread, seed=seed)

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

    def lose_queued_tasks(self) -> None:
        """Empty the service's queue, its schedule included, as a queue server without persistence loses them on a
        restart: the exact timers' tasks are gone and the due tickets are the sweep's to find."""
        from plugin.config import load_config
        from plugin.service.queue import make_huey

        huey = make_huey(load_config(self.config_path))
        huey.flush()
        close = getattr(huey.storage, "close", None)
        if callable(close):
            close()

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
        if self.platform == "zendesk":
            return self.sandbox.state.create_ticket(requester_id=self.ids[template["requester"]], **values)
        created_at = values.pop("created_at", None)
        data = {"requester_id": self.ids[template["requester"]], "subject": values["subject"],
                "description": values["description"], "priority": FRESHDESK_PRIORITY[values["priority"]],
                "status": 2, "source": 2}
        return self.sandbox.state.create_ticket(data, performer="requester", created_at=created_at)

    def follow_up(self, ticket: dict[str, Any], text: str) -> None:
        """The customer writes again on the ticket."""
        if self.platform == "zendesk":
            self.sandbox.state.add_comment(ticket["id"], text, author_id=ticket["requester_id"])
        else:
            self.sandbox.state.customer_reply(ticket["id"], text)


# -- Freshdesk's accounts and configuration


def freshdesk_seed(sandbox: FreshdeskSandbox) -> dict[str, Any]:
    """The end-to-end harness's Freshdesk accounts: four tier groups, a VIP company with its contact, a customer."""
    state = sandbox.state
    groups = [state.add_group(n)["id"] for n in ("Frontline", "Technical", "Engineering", "Management")]
    company = state.add_company("Globex", account_tier="Premium", custom_fields={"customer_tier": "vip"})
    return {"bot": int(sandbox.agent["id"]), "groups": groups,
            "customer": state.add_contact("Dana Scully", "dana@example.com")["id"],
            "vip": state.add_contact("Hank Scorpio", "hank@globex.example", company_id=company["id"])["id"]}


def freshdesk_config_file(sandbox: FreshdeskSandbox, tmp: Path, ids: dict[str, Any], path: Path, *,
                          database_url: str | None = None, queue_url: str | None = None, **overrides: Any) -> Path:
    """The Zendesk run's configuration (tests/e2e/harness.py's e2e_config), on Freshdesk: written as an
    escalator.yaml and checked by loading it as the service will."""
    import yaml

    from plugin.config import load_config

    groups = ids["groups"]
    data: dict[str, Any] = {
        "freshdesk": {**sandbox.settings(), "webhook_secret": FRESHDESK_SECRET},
        "tiers": [{"name": name, "groups": {"freshdesk": str(groups[i])}, "response_target": target}
                  for i, (name, target) in enumerate([("Frontline", "2h"), ("Technical/Specialist", "4h"),
                                                     ("Senior/Engineering", "8h"), ("Management/Executive", "0")])],
        "schedules": {"default": {"hours": {day: ["00:00-24:00"] for day in WEEK}}},
        "database": {"url": database_url or f"sqlite:///{tmp / 'escalator.db'}"},
        "queue": {"url": queue_url or f"sqlite:///{tmp / 'queue.db'}", "workers": 4, "retries": 5,
                  "retry_delay": "1s"},
        "notifications": {"respect_business_hours": False},
    }
    for key, value in overrides.items():
        data[key] = {**data.get(key, {}), **value} if isinstance(value, dict) and isinstance(data.get(key), dict) \
            else value
    load_config(data=data)
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


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
