"""Benchmark table: issue 15's figures side by side in one run, against their targets, as a table and as JSON.

    .venv/bin/python tests/benchmarks/bench_table.py [--only NAME,...] [--skip NAME,...] [--quick] [--burst]
                                                     [--out FILE] [--quiet]

Runs each benchmark below that exists, one after the other (never two at once: they would measure each other), as
`python tests/benchmarks/bench_<name>.py --json`; each ends its output with one JSON line, {"bench": name,
"figures": {...}, "targets": {figure: "<= 0.2" | ">= 10000" | "== 0" | free text}}. bench_throughput prints no JSON:
its median line is read instead. A bench that is missing, fails, or prints no such line is reported as "not run"
with the reason, and the others still run.

    engine      decide() on the benchmark mix: decisions a second on one core
    requests    helpdesk requests per decision (Zendesk) and credits per escalation (Freshdesk)
    sweep       the minute's sweep at 10,000 and 100,000 open tickets, none due and 1,000 due
    ingest      webhooks a second under gunicorn against a bare Flask endpoint under the same server; p99
    memory      idle `escalator serve` RSS; a worker's RSS growth over 10,000 decisions
    throughput  escalations a second end to end against the sandbox (no targets: compare with the sandbox's capacity)
    burst       (--burst only, about half an hour) 2,000 escalations against an account limited to 700 a minute

Children's output goes to stderr as it comes (not with --quiet); stdout gets the table, then one JSON document with
every figure, target and verdict and the machine it ran on (CPUs, Python, date), also written to --out FILE.
`--quick` passes smaller sizes to the benches whose --help lists the option (fewer runs, fewer tickets, shorter
runs): quicker, not comparable with a full run (the document says which it was).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

# name -> the options --quick passes, each only when the bench's --help shows the option
QUICK: dict[str, list[tuple[str, str]]] = {
    "engine": [],
    "requests": [("--rounds", "1")],
    "sweep": [("--runs", "1")],
    "ingest": [("--seconds", "4"), ("--rounds", "1")],
    "memory": [("--decisions", "4000"), ("--idle", "5")],
    "throughput": [("--tickets", "60"), ("--runs", "1")],
    "burst": [("--tickets", "300")],
}
BENCHES = ("engine", "requests", "sweep", "ingest", "memory", "throughput")
OPTIONAL = ("burst",)
TIMEOUT = {"burst": 3 * 3600.0}
DEFAULT_TIMEOUT = 2 * 3600.0

_COMPARISON = re.compile(r"(<=|>=|==|<|>)\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)")
_THROUGHPUT = re.compile(r"median ([\d.]+) escalations/s, ([\d.]+) s to the last effect, ([\d.]+) ms of service CPU")


# -- what the table is made of (pure: tests/unit/test_bench_table.py)


def evaluate(value: Any, target: str | None) -> bool | None:
    """Whether `value` meets `target` ("<= 0.2", ">= 10000", "== 0", or free text holding one such comparison, like
    "flat (<= 5)"); None when the target is not such a comparison or the value is not a number."""
    if target is None or isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        return None
    found = _COMPARISON.search(str(target))
    if found is None:
        return None
    operator, bound = found.group(1), float(found.group(2))
    if operator == "<=":
        return value <= bound
    if operator == ">=":
        return value >= bound
    if operator == "<":
        return value < bound
    if operator == ">":
        return value > bound
    return math.isclose(value, bound, rel_tol=1e-9, abs_tol=1e-12)


def last_json(stdout: str) -> dict[str, Any] | None:
    """The JSON object a bench printed as its last non-empty line of stdout, if it is one with "figures"."""
    lines = [line.strip() for line in stdout.splitlines() if line.strip()]
    if not lines:
        return None
    try:
        found = json.loads(lines[-1])
    except ValueError:
        return None
    if not isinstance(found, dict) or not isinstance(found.get("figures"), dict):
        return None
    targets = found.get("targets")
    found["targets"] = targets if isinstance(targets, dict) else {}
    return found


def throughput_figures(stdout: str) -> dict[str, Any] | None:
    """bench_throughput's medians, read from its last "median ..." line (it prints no JSON)."""
    matches = list(_THROUGHPUT.finditer(stdout))
    if not matches:
        return None
    found = matches[-1]
    return {"bench": "throughput", "targets": {},
            "figures": {"escalations_per_s": float(found.group(1)), "filing_to_last_effect_s": float(found.group(2)),
                        "service_cpu_ms_per_escalation": float(found.group(3))}}


def show(value: Any) -> str:
    """A figure as the table prints it."""
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, list | tuple):
        return " ".join(show(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, separators=(",", ":"))
    return "" if value is None else str(value)


def verdict(met: bool | None) -> str:
    return {True: "yes", False: "NO", None: ""}[met]


@dataclass
class Result:
    name: str
    status: str  # "ok" | "not run"
    reason: str = ""
    figures: dict[str, Any] = field(default_factory=dict)
    targets: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    command: list[str] = field(default_factory=list)

    def met(self) -> dict[str, bool | None]:
        return {key: evaluate(self.figures.get(key), target) for key, target in self.targets.items()}

    def document(self) -> dict[str, Any]:
        return {"status": self.status, **({"reason": self.reason} if self.reason else {}),
                "command": " ".join(self.command), "seconds": round(self.seconds, 1), "figures": self.figures,
                "targets": self.targets, "met": self.met()}


def table(results: list[Result]) -> str:
    """One row a figure: bench, figure, value, target, met?; a bench not run is one row saying why."""
    rows: list[tuple[str, str, str, str, str]] = []
    for result in results:
        if result.status != "ok":
            rows.append((result.name, f"not run: {result.reason}", "", "", ""))
            continue
        met = result.met()
        keys = list(result.figures) + [k for k in result.targets if k not in result.figures]
        for key in keys:
            value = result.figures.get(key, "(missing)")
            rows.append((result.name, key, show(value), result.targets.get(key, ""), verdict(met.get(key))))
    head = ("bench", "figure", "value", "target", "met?")
    width = [max(len(row[i]) for row in [head, *rows]) for i in range(5)]
    width[1] = min(width[1], 60)
    width[2] = min(width[2], 40)

    def line(row: tuple[str, ...]) -> str:
        cells = [row[0].ljust(width[0]), row[1].ljust(width[1]), row[2].rjust(width[2]), row[3].ljust(width[3]),
                 row[4]]
        return "  ".join(cells).rstrip()

    return "\n".join([line(head), line(tuple("-" * w for w in width)), *(line(row) for row in rows)])


# -- running the benches


def script(name: str) -> Path:
    return HERE / f"bench_{name}.py"


def help_text(path: Path) -> str:
    try:
        done = subprocess.run([sys.executable, str(path), "--help"], capture_output=True, text=True, timeout=120,
                              cwd=ROOT)
    except subprocess.TimeoutExpired:
        return ""
    return done.stdout + done.stderr


def command(name: str, quick: bool) -> tuple[list[str], bool]:
    """The bench's command line, and whether it takes --json (from its --help)."""
    path = script(name)
    usage = help_text(path)
    takes_json = "--json" in usage
    args = [sys.executable, str(path), *(["--json"] if takes_json else [])]
    if quick:
        for option, value in QUICK.get(name, []):
            if re.search(rf"{re.escape(option)}\b", usage):
                args += [option, value]
    return args, takes_json


def run_bench(name: str, quick: bool, quiet: bool) -> Result:
    path = script(name)
    if not path.exists():
        return Result(name, "not run", f"{path.relative_to(ROOT)} does not exist")
    args, takes_json = command(name, quick)
    if not takes_json and name != "throughput":
        return Result(name, "not run", f"{path.name} has no --json option yet", command=args)
    print(f"== {name}: {' '.join(args[1:])}", file=sys.stderr, flush=True)
    start = time.monotonic()
    lines: list[str] = []
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=None if not quiet else subprocess.DEVNULL,
                               text=True, cwd=ROOT, bufsize=1)
    assert process.stdout is not None
    limit = TIMEOUT.get(name, DEFAULT_TIMEOUT)
    timer = threading.Timer(limit, process.kill)  # a bench that hangs ends here, silent or not
    timer.start()
    try:
        for text in process.stdout:
            lines.append(text)
            if not quiet:
                sys.stderr.write(f"   {name}| {text}")
        code = process.wait()
    except KeyboardInterrupt:
        process.kill()
        process.wait()
        raise
    finally:
        timer.cancel()
    seconds = time.monotonic() - start
    stdout = "".join(lines)
    found = last_json(stdout) if takes_json else throughput_figures(stdout)
    if code != 0 or found is None:
        tail = next((line.strip() for line in reversed(lines) if line.strip()), "no output")
        if code == 0:
            why = "no JSON line of figures at the end of its output"
        else:
            why = f"killed after {limit:g} s" if seconds >= limit else f"exit code {code}"
        return Result(name, "not run", f"{why} (last line: {tail[:120]})", seconds=seconds, command=args)
    targets = {str(k): str(v) for k, v in found["targets"].items()}
    return Result(name, "ok", figures=found["figures"], targets=targets, seconds=seconds, command=args)


def machine() -> dict[str, Any]:
    return {"nproc": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "date": datetime.now(UTC).isoformat(timespec="seconds"), "load_average": list(os.getloadavg())}


def chosen(only: str | None, skip: str | None, burst: bool) -> list[str]:
    """The benches to run, in the table's order: --only narrows, --skip removes; burst only with --burst (or
    named in --only)."""
    names = [*BENCHES, *OPTIONAL]
    picked = [n.strip() for n in only.split(",") if n.strip()] if only else [*BENCHES, *(OPTIONAL if burst else ())]
    unknown = [n for n in picked if n not in names]
    if unknown:
        raise ValueError(f"unknown bench(es): {', '.join(unknown)} (known: {', '.join(names)})")
    skipped = {n.strip() for n in (skip or "").split(",") if n.strip()}
    return [n for n in names if n in picked and n not in skipped]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=None, help="comma-separated benches to run")
    parser.add_argument("--skip", default=None, help="comma-separated benches to leave out")
    parser.add_argument("--quick", action="store_true", help="smaller sizes where a bench takes them")
    parser.add_argument("--burst", action="store_true", help="also run bench_burst (about half an hour)")
    parser.add_argument("--out", type=Path, default=None, help="also write the JSON document to this file")
    parser.add_argument("--quiet", action="store_true", help="do not echo the benches' own output")
    args = parser.parse_args()
    try:
        names = chosen(args.only, args.skip, args.burst)
    except ValueError as error:
        parser.error(str(error))
    host = machine()
    results = [run_bench(name, args.quick, args.quiet) for name in names]
    print(f"\nissue 15 benchmarks on {host['nproc']} CPU(s), Python {host['python']}, {host['date']}"
          f"{' (--quick: smaller sizes, not comparable with a full run)' if args.quick else ''}")
    print(table(results))
    document = {"machine": host, "quick": args.quick,
                "benches": {result.name: result.document() for result in results}}
    text = json.dumps(document)
    if args.out is not None:
        args.out.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
