"""Benchmark: webhooks a second the web tier takes in, against the ceiling of a bare Flask endpoint.

    .venv/bin/python tests/benchmarks/bench_ingest.py [--backend sqlite|postgres+redis|both] [--seconds 10]
                                                      [--workers 2] [--connections 16] [--rounds 3] [--json]

Starts gunicorn (sync workers, `--workers` of them) on 127.0.0.1 in pairs: once on a bare Flask app whose endpoint
reads the body and answers 202 (the ceiling), once on the product's app (`webhooks.app:create_app()`) with a temporary
SQLite database, or a fresh PostgreSQL schema and Redis database. wrk (`apt-get install wrk`) drives both the same
way: `--connections` connections, two threads, every request a unique Zendesk event signed with the configured
secret (gunicorn's sync workers close each connection after its answer, for both apps alike). Prints webhooks/s,
p50/p99 latency, the ratio to the ceiling and the server's CPU per request (gunicorn's workers, from /proc: steadier
than rates on a shared machine), then p99 at half the product's maximum (wrk paced by a per-connection delay, set
after a short trial run; the rate reached is printed too). Checks nothing was lost: the inbox holds as many rows as
202 answers were counted (a few more when wrk stopped with requests in flight). No consumer runs: this measures the
request path alone, which since issue 15 writes the inbox row and nothing else.

Each backend gets `--rounds` pairs, the bare ceiling measured right before the product each time, so both runs of a
pair meet the same load (on a shared machine the ceiling alone moved by a factor of five between runs minutes
apart); the figures are the medians over the pairs, the ratio the median of the pairs' ratios, each pair printed.

With --json the last line of stdout is one JSON object: {"bench": "ingest", "figures": {...}, "targets": {...}}.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "faults"))
sys.path.insert(0, str(ROOT))

SECRET = "bench-ingest-secret"
PYTHON = sys.executable

BARE_APP = '''
from flask import Flask, request

app = Flask("bare")


@app.post("/webhooks/<platform>")
def webhook(platform):
    request.get_data()
    return {"status": "accepted"}, 202
'''

# Each wrk thread loads its share of the pre-signed requests (line i goes to thread i % threads) and counts answers.
WRK_SCRIPT = r'''
local counter, threads = 1, {}
function setup(thread)
  thread:set("index", counter)
  table.insert(threads, thread)
  counter = counter + 1
end
local requests, n = {}, 0
accepted, other = 0, 0  -- globals: done() reads them from each thread
function init(args)
  local file, every, pause = args[1], tonumber(args[2]), tonumber(args[3])
  pacing = pause
  local i = 0
  for line in io.lines(file) do
    if i % every == index - 1 then
      local stamp, signature, body = line:match("([^\t]*)\t([^\t]*)\t(.*)")
      requests[#requests + 1] = wrk.format("POST", "/webhooks/zendesk", {
        ["Content-Type"] = "application/json",
        ["X-Zendesk-Webhook-Signature"] = signature,
        ["X-Zendesk-Webhook-Signature-Timestamp"] = stamp}, body)
    end
    i = i + 1
  end
end
function request()
  n = n + 1
  if n > #requests then n = 1 end
  return requests[n]
end
function delay()
  return pacing
end
function response(status, headers, body)
  if status == 202 then accepted = accepted + 1 else other = other + 1 end
end
function done(summary, latency, requests)
  local a, o = 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("accepted")
    o = o + thread:get("other")
  end
  io.write(string.format("RESULT %d %d %d %d %d %d %d\n", summary.requests, summary.duration, a, o,
    latency:percentile(50), latency:percentile(99), summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout))
end
'''


@dataclass
class Run:
    """One wrk run's figures; `cpu_ms`: gunicorn's workers' CPU per request."""

    requests: int
    seconds: float
    accepted: int
    other: int
    p50_ms: float
    p99_ms: float
    errors: int
    cpu_ms: float = 0.0

    @property
    def per_s(self) -> float:
        return self.requests / self.seconds


TICK = os.sysconf("SC_CLK_TCK")


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) gunicorn's workers (the children of `pid`) have spent so far (Linux /proc)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                total += (int(fields[11]) + int(fields[12])) / TICK
        except (OSError, ValueError, IndexError):
            continue
    return total


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def signed_lines(count: int, run: str) -> Iterator[str]:
    """`count` unique Zendesk events, each as `timestamp TAB signature TAB body` (one line, compact JSON)."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    key = SECRET.encode()
    for i in range(count):
        body = json.dumps({
            "type": "zen:event-type:ticket.comment_added", "id": f"{run}-{i}", "time": stamp,
            "subject": f"zen:ticket:{1000 + i % 5000}", "account_id": 1,
            "detail": {"id": str(1000 + i % 5000), "status": "OPEN", "priority": "NORMAL", "actor_id": "77",
                       "requester_id": "5", "updated_at": stamp, "subject": "Printer on fire", "tags": ["printer"]},
            "event": {"comment": {"id": str(i), "body": "The printer is on fire again, please help.",
                                  "is_public": True, "author": {"id": "5", "is_staff": False}}},
        }, separators=(",", ":"))
        signature = base64.b64encode(hmac.new(key, stamp.encode() + body.encode(), hashlib.sha256).digest())
        yield f"{stamp}\t{signature.decode()}\t{body}"


@contextmanager
def gunicorn(app: str, workers: int, env: dict[str, str], cwd: Path) -> Iterator[tuple[str, int]]:
    """gunicorn serving `app` (sync workers) on a free port; yields its URL once it answers, and its pid."""
    port = free_port()
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-w", str(workers), "-k", "sync", "-b", f"127.0.0.1:{port}", "--log-level",
         "warning", app], cwd=cwd, env={**os.environ, **env}, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.post(f"{url}/webhooks/none", data=b"{}", timeout=2)
                break
            except requests.RequestException:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn {app} did not start") from None
                time.sleep(0.2)
        yield url, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


def wrk(server: tuple[str, int], lines: Path, seconds: float, connections: int, pause_ms: int = 0,
        threads: int = 2) -> Run:
    url, pid = server
    cpu = server_cpu(pid)
    script = lines.with_suffix(".lua")
    script.write_text(WRK_SCRIPT)
    done = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{max(int(seconds), 1)}s", "--timeout", "10s", "-s",
         str(script), url, "--", str(lines), str(threads), str(pause_ms)], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed: {done.stderr or done.stdout}")
    out = done.stdout
    fields = next(line for line in out.splitlines() if line.startswith("RESULT")).split()[1:]
    total, micros, accepted, other, p50, p99, errors = (int(f) for f in fields)
    spent = server_cpu(pid) - cpu
    return Run(total, micros / 1e6, accepted, other, p50 / 1000, p99 / 1000, errors, spent / max(total, 1) * 1000)


def config_file(folder: Path, database_url: str, queue_url: str) -> Path:
    path = folder / "escalator.yaml"
    path.write_text(yaml.safe_dump({
        "zendesk": {"subdomain": "acme", "email": "bot@acme.example", "api_token": "t", "webhook_secret": SECRET,
                    "integration_user_id": "1"},
        "database": {"url": database_url},
        "queue": {"url": queue_url},
    }))
    return path


def inbox_rows(database_url: str) -> int:
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM inbox")).scalar_one())
    finally:
        engine.dispose()


def migrate(database_url: str, queue_url: str, folder: Path) -> None:
    """Create the schema once, before gunicorn's workers start."""
    from plugin.config import load_config
    from webhooks.bootstrap import bootstrap

    services = bootstrap(load_config(config_file(folder, database_url, queue_url)))
    services.close()


def measure_product(name: str, database_url: str, queue_url: str, folder: Path, args: argparse.Namespace
                    ) -> dict[str, Any]:
    migrate(database_url, queue_url, folder)
    env = {"ESCALATOR_CONFIG": str(config_file(folder, database_url, queue_url)), "ESCALATOR_LOG_LEVEL": "WARNING"}
    count = int(args.seconds * 4000) + 5000
    with gunicorn("webhooks.app:create_app()", args.workers, env, ROOT) as server:
        lines = folder / f"{name}-full.tsv"
        lines.write_text("\n".join(signed_lines(count, uuid.uuid4().hex[:8])) + "\n")
        full = wrk(server, lines, args.seconds, args.connections)
        rate = full.per_s / 2
        half_lines = folder / f"{name}-half.tsv"
        half_lines.write_text("\n".join(signed_lines(int(rate * args.seconds * 2) + 1000,
                                                     uuid.uuid4().hex[:8])) + "\n")
        # each connection waits `pause` before each request: rate = connections / (pause + latency); a short run
        # at a first guess tells the latency, the measured run uses the pause that then gives half the maximum
        guess = max(int(args.connections / rate * 1000) - 2, 1)
        trial_lines = folder / f"{name}-trial.tsv"
        trial_lines.write_text("\n".join(signed_lines(int(rate * 6) + 1000, uuid.uuid4().hex[:8])) + "\n")
        trial = wrk(server, trial_lines, 3, args.connections, pause_ms=guess)
        latency_ms = args.connections / trial.per_s * 1000 - guess
        pause = max(round(args.connections / rate * 1000 - latency_ms), 1)
        half = wrk(server, half_lines, args.seconds, args.connections, pause_ms=pause)
        extra = trial.accepted
    stored = inbox_rows(database_url)
    counted = full.accepted + extra + half.accepted
    return {"full": full, "half": half, "stored": stored, "counted": counted, "lost": max(counted - stored, 0)}


def measure_bare(folder: Path, args: argparse.Namespace) -> Run:
    (folder / "bare_app.py").write_text(BARE_APP)
    with gunicorn("bare_app:app", args.workers, {}, folder) as server:
        lines = folder / "bare.tsv"
        lines.write_text("\n".join(signed_lines(20000, "bare")) + "\n")
        return wrk(server, lines, args.seconds, args.connections)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", default="sqlite", choices=["sqlite", "postgres+redis", "both"])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3,
                        help="pairs of runs a backend, the bare ceiling measured right before the product each time")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON on the last line")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install wrk")
    from world import open_backend  # type: ignore[import-not-found]

    backends = ["sqlite", "postgres+redis"] if args.backend == "both" else [args.backend]
    figures: dict[str, Any] = {}
    targets: dict[str, str] = {}
    bares: list[Run] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in backends:
            key = "sqlite" if name == "sqlite" else "postgres_redis"
            rounds: list[tuple[Run, dict[str, Any]]] = []
            for index in range(max(args.rounds, 1)):
                folder = Path(tmp) / f"{key}-{index}"
                folder.mkdir()
                # the ceiling right before the product, so the pair meets the same load on a shared machine
                bare = measure_bare(folder, args)
                with open_backend(name, folder) as backend:
                    database = backend.urls.get("database_url", f"sqlite:///{folder / 'escalator.db'}")
                    queue = backend.urls.get("queue_url", f"sqlite:///{folder / 'queue.db'}")
                    result = measure_product(key, database, queue, folder, args)
                full, half = result["full"], result["half"]
                rounds.append((bare, result))
                bares.append(bare)
                print(f"{name}, round {index + 1}: bare {bare.per_s:,.0f}/s (CPU {bare.cpu_ms:.2f} ms), product "
                      f"{full.per_s:,.0f}/s = {full.per_s / bare.per_s:.0%} of it (CPU {full.cpu_ms:.2f} ms a "
                      f"webhook), p99 {full.p99_ms:.1f} ms; at {half.per_s:,.0f}/s (half): p99 "
                      f"{half.p99_ms:.1f} ms; {result['counted']:,} answered 202, {result['stored']:,} in the inbox"
                      f"{' (LOST SOME)' if result['lost'] else ''}; {full.other + half.other} other answers, "
                      f"{full.errors + half.errors} socket errors", flush=True)

            def middle(values: list[float]) -> float:
                return statistics.median(values)

            ratios = [r["full"].per_s / b.per_s for b, r in rounds]
            figures.update({
                f"{key}_ratio": round(middle(ratios), 3), f"{key}_ratios": [round(x, 3) for x in ratios],
                f"{key}_per_s": round(middle([r["full"].per_s for _, r in rounds])),
                f"{key}_p50_ms": round(middle([r["full"].p50_ms for _, r in rounds]), 2),
                f"{key}_p99_ms": round(middle([r["full"].p99_ms for _, r in rounds]), 2),
                f"{key}_half_per_s": round(middle([r["half"].per_s for _, r in rounds])),
                f"{key}_p99_ms_at_half": round(middle([r["half"].p99_ms for _, r in rounds]), 2),
                f"{key}_p99s_at_half": [round(r["half"].p99_ms, 2) for _, r in rounds],
                f"{key}_cpu_ms": round(middle([r["full"].cpu_ms for _, r in rounds]), 3),
                f"{key}_lost": sum(r["lost"] for _, r in rounds),
                f"{key}_non_202": sum(r["full"].other + r["half"].other for _, r in rounds),
                f"{key}_errors": sum(r["full"].errors + r["half"].errors for _, r in rounds)})
            targets.update({f"{key}_ratio": ">= 0.5", f"{key}_p99_ms_at_half": "<= 20"})
            print(f"{name}: median of {len(rounds)} pairs: {figures[key + '_ratio']:.0%} of the bare ceiling "
                  f"(pairs {', '.join(f'{x:.0%}' for x in ratios)}), p99 at half "
                  f"{figures[key + '_p99_ms_at_half']:.1f} ms, CPU {figures[key + '_cpu_ms']:.2f} ms a webhook",
                  flush=True)
        figures["bare_per_s"] = round(statistics.median([b.per_s for b in bares]))
        figures["bare_p99_ms"] = round(statistics.median([b.p99_ms for b in bares]), 2)
        figures["bare_cpu_ms"] = round(statistics.median([b.cpu_ms for b in bares]), 3)
    if args.json:
        print(json.dumps({"bench": "ingest", "figures": figures, "targets": targets}))


if __name__ == "__main__":
    main()
