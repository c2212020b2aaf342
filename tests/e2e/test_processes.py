"""The service as an admin runs it, in processes of its own: `escalator serve` (one box, SQLite), `escalator web` beside
`escalator worker` (scale-out, on both backends), and the documented gunicorn command line. Each is stopped with
SIGTERM and must exit cleanly, with every acknowledged event processed."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import requests
from harness import WEBHOOK_SECRET, config_file, e2e_config, seed

from adapters.sandbox import Sandbox
from plugin.config import load_config
from plugin.store import repository as repo
from webhooks.bootstrap import Services, bootstrap
from webhooks.processes import WorkerProcesses, consumer_processes

LEGAL = "Fix this today or my lawyer will take legal action."
ESCALATOR = [sys.executable, "-m", "webhooks.cli"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def healthy(url: str) -> bool:
    try:
        return requests.get(f"{url}/healthz", timeout=1).status_code == 200
    except requests.RequestException:
        return False


class World:
    def __init__(self, sandbox: Sandbox, services: Services, config: Path, ids: dict[str, Any], tmp: Path) -> None:
        self.sandbox, self.services, self.config, self.ids, self.tmp = sandbox, services, config, ids, tmp
        self.processes: list[subprocess.Popen[bytes]] = []

    def start(self, *args: str, command: list[str] | None = None) -> subprocess.Popen[bytes]:
        env = {**os.environ, "ESCALATOR_CONFIG": str(self.config), "PYTHONUNBUFFERED": "1"}
        log = (self.tmp / f"process-{len(self.processes)}.log").open("ab")
        process = subprocess.Popen([*(command or ESCALATOR), *args], env=env, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
        self.processes.append(process)
        return process

    def logs(self) -> str:
        return "\n".join(f"--- {p.name} (exit {proc.poll()}):\n{p.read_text(errors='replace')}"
                         for p, proc in zip(sorted(self.tmp.glob("process-*.log")), self.processes, strict=False))

    def ready(self) -> bool:
        """Every process has said it is up (the web tier listening, each worker started)."""
        texts = [p.read_text(errors="replace") for p in sorted(self.tmp.glob("process-*.log"))]
        return len(texts) == len(self.processes) and all(
            "listening on" in t or "web tier on" in t or "worker started" in t or "Booting worker" in t
            for t in texts)

    def handoff_notes(self, ticket_id: int) -> list[dict[str, Any]]:
        return [c for c in self.sandbox.state.comments[ticket_id]
                if "[escalator-ref:" in c["body"] and not c["public"]]

    def drained(self) -> bool:
        with self.services.store.session() as session:
            return not repo.unprocessed_events(session)

    def stop_all(self) -> list[int]:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        codes = []
        for process in self.processes:
            try:
                codes.append(process.wait(40))
            except subprocess.TimeoutExpired:
                process.kill()
                codes.append(-9)
        return codes


@contextmanager
def world(tmp: Path, **backend: Any) -> Iterator[World]:
    with Sandbox(job_delay=0.02, webhook_retry_delay=0.2) as sandbox:
        ids = seed(sandbox)
        config = e2e_config(sandbox, tmp, ids, **backend)
        services = bootstrap(config)
        services.huey.flush()
        live = World(sandbox, services, config_file(config, tmp / "escalator.yaml"), ids, tmp)
        try:
            yield live
        finally:
            live.stop_all()
            services.close()


def escalate_one(live: World, url: str) -> dict[str, Any]:
    wait(live.ready, 60, f"every process up\n{live.logs()}")
    wait(lambda: healthy(url), 30, f"{url}/healthz\n{live.logs()}")
    live.sandbox.subscribe(f"{url}/webhooks/zendesk", secret=WEBHOOK_SECRET)
    ticket = live.sandbox.state.create_ticket(requester_id=live.ids["customer"], subject="Charged twice",
                                              description=LEGAL, priority="normal")
    wait(lambda: bool(live.handoff_notes(ticket["id"])), 60, f"the handoff note\n{live.logs()}")
    live.sandbox.flush_webhooks(10)
    wait(live.drained, 30, "every acknowledged event processed")
    return ticket


def test_escalator_serve_runs_the_one_box_and_stops_on_sigterm(tmp_path: Path) -> None:
    with world(tmp_path) as live:
        port = free_port()
        live.start("serve", "--port", str(port))
        ticket = escalate_one(live, f"http://127.0.0.1:{port}")
        assert live.stop_all() == [0], live.logs()
        assert len(live.handoff_notes(ticket["id"])) == 1
        assert "tier_4" in live.sandbox.state.ticket(ticket["id"])["tags"]


def test_escalator_web_and_worker_scale_out_and_stop_on_sigterm(tmp_path: Path, backend: dict[str, Any]) -> None:
    with world(tmp_path, **backend) as live:
        port, metrics_ports = free_port(), (free_port(), free_port())
        live.start("web", "--port", str(port))
        live.start("worker", "--workers", "2", "--metrics-port", str(metrics_ports[0]))
        live.start("worker", "--no-periodic", "--workers", "2", "--metrics-port", str(metrics_ports[1]))
        ticket = escalate_one(live, f"http://127.0.0.1:{port}")
        # the web tier counts the webhooks and sees the backlog; the workers count what they decided
        web = requests.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
        assert 'escalator_webhook_events_total{outcome="accepted",platform="zendesk"}' in web
        assert "escalator_inbox_unprocessed 0.0" in web
        workers = [requests.get(f"http://127.0.0.1:{p}/metrics", timeout=5).text for p in metrics_ports]
        escalations = [line for text in workers for line in text.splitlines()
                       if line.startswith('escalator_escalations_total{platform="zendesk",rule="legal_threat"')]
        assert escalations == ['escalator_escalations_total{platform="zendesk",rule="legal_threat",tier="4"} 1.0']
        assert any('escalator_write_calls_total{outcome="ok",platform="zendesk"}' in text for text in workers)
        assert live.stop_all() == [0, 0, 0], live.logs()
        assert len(live.handoff_notes(ticket["id"])) == 1
        with live.services.store.session() as session:
            [entry] = repo.load_history(session, "zendesk", str(ticket["id"])).escalations
        assert entry.to_tier == 4


def test_the_documented_gunicorn_command_line_serves_the_web_tier(tmp_path: Path) -> None:
    pytest.importorskip("gunicorn", reason="gunicorn is an optional extra: pip install 'helpdesk-escalator[web]'")
    with world(tmp_path) as live:
        port = free_port()
        gunicorn = [sys.executable, "-m", "gunicorn"]
        live.start("-w", "2", "-b", f"127.0.0.1:{port}", "webhooks.app:create_app()", command=gunicorn)
        live.start("worker", "--workers", "2")
        ticket = escalate_one(live, f"http://127.0.0.1:{port}")
        assert live.stop_all() == [0, 0], live.logs()
        assert len(live.handoff_notes(ticket["id"])) == 1


def children_of(pid: int) -> list[int]:
    """The processes whose parent is `pid` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def gone(pid: int) -> bool:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return True
    return fields[0] == "Z"  # a zombie has ended; only its exit status is left to collect


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; dying with the parent is Linux's")
def test_serve_runs_extra_consumer_processes_that_die_with_it_even_when_it_is_sigkilled(
        tmp_path: Path, scale_out: dict[str, Any]) -> None:
    with world(tmp_path, **scale_out, queue={"processes": 2}) as live:
        port = free_port()
        serve = live.start("serve", "--port", str(port))
        wait(lambda: len(children_of(serve.pid)) == 1, 30, f"serve's worker process\n{live.logs()}")
        [child] = children_of(serve.pid)
        first = escalate_one(live, f"http://127.0.0.1:{port}")
        serve.kill()
        wait(lambda: gone(child), 10, "the worker process to end with its SIGKILLed parent")
        serve.wait(10)
        # restarted, it starts a new worker and goes on; SIGTERM stops both cleanly
        again = live.start("serve", "--port", str(port))
        wait(lambda: len(children_of(again.pid)) == 1, 30, f"the new worker process\n{live.logs()}")
        [second_child] = children_of(again.pid)
        second = escalate_one(live, f"http://127.0.0.1:{port}")
        again.send_signal(signal.SIGTERM)
        assert again.wait(40) == 0, live.logs()
        assert gone(second_child)
        assert [len(live.handoff_notes(t["id"])) for t in (first, second)] == [1, 1]


def test_a_worker_process_that_exits_is_started_again_and_stop_ends_them(tmp_path: Path) -> None:
    class Napping(WorkerProcesses):
        def command(self) -> list[str]:
            return [sys.executable, "-c", "import time; time.sleep(0.3)"]

    workers = Napping(2, None, poll=0.05, restart_pause=1.0)
    started = time.monotonic()
    workers.start()
    first = [p.pid for p in workers.processes]
    try:
        wait(lambda: not set(first) & {p.pid for p in workers.processes}, 10, "both napping workers replaced")
        assert time.monotonic() - started >= 1.0  # not restarted at once after they ended (0.3 s in)
    finally:
        workers.stop()
    assert all(p.poll() is not None for p in workers.processes)


@pytest.mark.parametrize(("database", "queue", "processes", "expected"), [
    ("sqlite:///x.db", None, "auto", 1),
    ("postgresql+psycopg://h/db", "redis://h/0", "auto", 2),
    ("postgresql+psycopg://h/db", None, "auto", 2),  # the queue in PostgreSQL too
    ("postgresql+psycopg://h/db", "sqlite:///q.db", "auto", 1),
    ("postgresql+psycopg://h/db", "redis://h/0", 3, 3),
    ("sqlite:///x.db", None, 2, 2),
])
def test_how_many_consumer_processes_serve_runs(database: str, queue: str | None, processes: int | str,
                                                expected: int) -> None:
    config = load_config(data={"database": {"url": database}, "queue": {"url": queue, "processes": processes}})
    assert consumer_processes(config, cpus=2) == expected
    assert consumer_processes(config, cpus=16) == (4 if (expected, processes) == (2, "auto") else expected)
