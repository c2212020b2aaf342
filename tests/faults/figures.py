"""Print the fault suite's figures (issue 9's "Must show") as a table, measured by the same scenario code the tests
in this folder assert on.

    .venv/bin/python tests/faults/figures.py                       # every scenario, both backends, both helpdesks
    .venv/bin/python tests/faults/figures.py --backend sqlite --only sigkill,lost
    .venv/bin/python tests/faults/figures.py --platform freshdesk  # on the Freshdesk sandbox only
    .venv/bin/python tests/faults/figures.py --quick               # smaller runs, to try the harness (not the figures)

PostgreSQL (127.0.0.1:5432, database test) and Redis (127.0.0.1:6379, database 12) must be running for the
postgres+redis backend. Exits 1 when a figure misses its limit.
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scenarios import LOST_ANSWER_KINDS, Result, lost_answer, redelivery, sigkill_loop, storm
from world import BACKENDS, PLATFORMS, open_backend

QUICK: dict[str, dict[str, Any]] = {
    "sigkill": {"rounds": 3, "burst": 60, "settle_cap": 60.0},
    "lost": {},
    "storm": {"tickets": 100, "settle_cap": 120.0},
    "redelivery": {"tickets": 20},
}


def runs(only: list[str], quick: bool) -> list[tuple[str, Callable[..., Result], dict[str, Any]]]:
    plan: list[tuple[str, Callable[..., Result], dict[str, Any]]] = []
    for name in only:
        options = QUICK[name] if quick else {}
        if name == "sigkill":
            plan.append((name, sigkill_loop, options))
        elif name == "lost":
            plan += [(f"lost:{kind}", lost_answer, {"kind": kind, **options}) for kind in LOST_ANSWER_KINDS]
        elif name == "storm":
            plan.append((name, storm, options))
        elif name == "redelivery":
            plan.append((name, redelivery, options))
    return plan


def table(results: list[Result]) -> str:
    rows = [("scenario", "helpdesk", "backend", "figure", "value", "must be", "")]
    for result in results:
        for check in result.checks:
            rows.append((result.scenario, result.platform, result.backend, check.name, check.value, check.limit,
                         "ok" if check.ok else "FAIL"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=[*BACKENDS, "both"], default="both")
    parser.add_argument("--platform", choices=[*PLATFORMS, "both"], default="both",
                        help="the helpdesk sandbox the scenarios run against (default: both)")
    parser.add_argument("--only", default="sigkill,lost,storm,redelivery",
                        help="comma-separated: sigkill, lost, storm, redelivery")
    parser.add_argument("--quick", action="store_true", help="smaller runs: to try the harness, not the figures")
    parser.add_argument("--keep", action="store_true", help="keep each run's folder (configuration, service logs)")
    args = parser.parse_args(argv)
    # stopped with SIGTERM (kill, a timeout), unwind like Ctrl+C: each run's service is stopped, never left behind to
    # take tasks from the next run's Redis queue
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    only = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = set(only) - set(QUICK)
    if unknown:
        parser.error(f"unknown scenario(s): {', '.join(sorted(unknown))}")
    backends = list(BACKENDS) if args.backend == "both" else [args.backend]
    platforms = list(PLATFORMS) if args.platform == "both" else [args.platform]
    results: list[Result] = []
    for platform, backend_name in ((p, b) for p in platforms for b in backends):
        for label, scenario, options in runs(only, args.quick):
            folder = Path(tempfile.mkdtemp(prefix=f"faults-{platform}-{label.replace(':', '-')}-"))
            print(f"... {label} on {platform}, {backend_name} ({folder})", file=sys.stderr, flush=True)
            started = time.monotonic()
            with open_backend(backend_name, folder) as backend:
                result = scenario(folder, backend, platform=platform, **options)
            results.append(result)
            print(f"    {time.monotonic() - started:.0f} s; {len(result.failed())} figure(s) off", file=sys.stderr,
                  flush=True)
            if not args.keep:
                import shutil

                shutil.rmtree(folder, ignore_errors=True)
    print(table(results))
    print()
    for result in results:
        print(f"{result.scenario} on {result.platform}, {result.backend}: {result.seconds:.0f} s")
        for detail in result.details:
            print(f"  . {detail}")
    return 1 if any(result.failed() for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
