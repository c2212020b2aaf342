"""tests/benchmarks/bench_table.py: how it judges a figure against its target, how it reads a bench's last JSON line
(and bench_throughput's median line), which benches it picks, and the table it prints. No bench is run and no figure
is timed here."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_table.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_table", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_table"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


bench_table = _load()


@pytest.mark.parametrize(("value", "target", "met"), [
    (0.19, "<= 0.2", True),
    (0.2, "<= 0.2", True),
    (0.21, "<= 0.2", False),
    (12000, ">= 10000", True),
    (9999.9, ">= 10000", False),
    (0, "== 0", True),
    (0.0, "== 0", True),
    (1, "== 0", False),
    (3.2, "flat (<= 5)", True),
    (5.5, "flat (<= 5)", False),
    (-1.5, "flat (<= 5)", True),
    (4, "< 5", True),
    (5, "< 5", False),
    (6, "> 5", True),
    (1e-3, "<= 1e-2", True),
    (-3, ">= -2.5", False),
])
def test_a_simple_comparison_is_judged(value: float, target: str, met: bool) -> None:
    assert bench_table.evaluate(value, target) is met


@pytest.mark.parametrize(("value", "target"), [
    (5, "compare with the sandbox's capacity"),  # free text: no verdict
    (5, None),
    (5, ""),
    ("fast", "<= 5"),  # not a number
    (None, "<= 5"),
    ([1, 2], "<= 5"),
    (True, "== 1"),  # a flag is not a figure
    (float("nan"), "<= 5"),
])
def test_no_verdict_without_a_comparison_and_a_number(value: object, target: str | None) -> None:
    assert bench_table.evaluate(value, target) is None


def test_the_last_line_of_json_is_the_figures() -> None:
    line = {"bench": "sweep", "figures": {"sqlite_100k_none_due_s": 0.12},
            "targets": {"sqlite_100k_none_due_s": "<= 0.2"}}
    stdout = "sqlite   100,000 open  none due   0.120 s\n{\"not\": \"this one\"}\n" + json.dumps(line) + "\n\n"
    assert bench_table.last_json(stdout) == line


def test_a_bench_without_targets_gets_none() -> None:
    found = bench_table.last_json('{"bench": "x", "figures": {"a": 1}}')
    assert found == {"bench": "x", "figures": {"a": 1}, "targets": {}}


@pytest.mark.parametrize("stdout", [
    "",
    "\n\n",
    "run 1: 12 escalations/s\n",  # no JSON at all
    '{"bench": "x", "figures": {"a": 1}}\nTraceback (most recent call last): ...\n',  # JSON, but not last
    '{"bench": "x", "figures": {"a": 1}',  # cut short
    '["bench", "figures"]',  # not an object
    '{"bench": "x", "values": {"a": 1}}',  # no figures
    '{"bench": "x", "figures": 3}',
])
def test_anything_else_at_the_end_is_no_figures(stdout: str) -> None:
    assert bench_table.last_json(stdout) is None


def test_bench_throughput_is_read_from_its_median_line() -> None:
    stdout = ("run 1:  40.1 escalations/s, filing to last effect median   2.0 s, service CPU   35 ms per escalation\n"
              "sqlite, 200 escalations at once, processes auto: median 41.5 escalations/s, 2.2 s to the last effect, "
              "36 ms of service CPU each\n")
    found = bench_table.throughput_figures(stdout)
    assert found is not None
    assert found["figures"] == {"escalations_per_s": 41.5, "filing_to_last_effect_s": 2.2,
                                "service_cpu_ms_per_escalation": 36.0}
    assert bench_table.throughput_figures("run 1: 40.1 escalations/s\n") is None


def test_benches_are_chosen_in_order_burst_only_when_asked() -> None:
    assert bench_table.chosen(None, None, False) == ["engine", "requests", "sweep", "ingest", "memory", "throughput"]
    assert bench_table.chosen(None, "throughput,burst", True) == ["engine", "requests", "sweep", "ingest", "memory"]
    assert bench_table.chosen(None, None, True)[-1] == "burst"
    assert bench_table.chosen("memory, engine", None, False) == ["engine", "memory"]
    assert bench_table.chosen("burst", None, False) == ["burst"]
    with pytest.raises(ValueError, match="unknown bench"):
        bench_table.chosen("engin", None, False)


def test_the_table_has_a_row_a_figure_and_says_why_a_bench_did_not_run() -> None:
    Result = bench_table.Result
    results = [
        Result("engine", "ok", figures={"decide_per_s": 12000, "decide_ms_median": 0.083},
               targets={"decide_per_s": ">= 10000"}),
        Result("sweep", "ok", figures={"sqlite_100k_none_due_s": 0.31}, targets={"sqlite_100k_none_due_s": "<= 0.2",
                                                                                 "sqlite_10k_none_due_s": "<= 0.1"}),
        Result("ingest", "not run", "bench_ingest.py has no --json option yet"),
    ]
    lines = bench_table.table(results).splitlines()
    assert lines[0].split() == ["bench", "figure", "value", "target", "met?"]
    rows = [line.split() for line in lines[2:]]
    assert rows[0] == ["engine", "decide_per_s", "12,000", ">=", "10000", "yes"]
    assert rows[1] == ["engine", "decide_ms_median", "0.083"]
    assert rows[2] == ["sweep", "sqlite_100k_none_due_s", "0.31", "<=", "0.2", "NO"]
    assert rows[3] == ["sweep", "sqlite_10k_none_due_s", "(missing)", "<=", "0.1"]  # a target without its figure
    assert " ".join(rows[4]) == "ingest not run: bench_ingest.py has no --json option yet"
    document = results[1].document()
    assert document["met"] == {"sqlite_100k_none_due_s": False, "sqlite_10k_none_due_s": None}
