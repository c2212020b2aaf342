"""`escalator simulate`: what the rules would have done to the tickets of a past period, read from the helpdesk and
replayed; reads only (no database opened, nothing written to the helpdesk, nothing sent)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

import click

from plugin.config import ConfigError, EscalatorConfig, load_config
from plugin.durations import parse_duration
from plugin.ports import HelpdeskError
from plugin.registry import UnknownPlatformError, adapter_class
from plugin.replay.render import FORMATS, render
from plugin.replay.report import SimulationReport
from plugin.service.simulate import simulate as run_simulation

BAR_WIDTH = 30


def progress_bar(stream: TextIO, label: str) -> Callable[[int, int], None]:
    """A one-line progress bar over the tickets, redrawn at most ten times a second and at the end."""
    began = time.monotonic()
    last = [0.0]

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - last[0] < 0.1:
            return
        last[0] = now
        filled = BAR_WIDTH * done // max(total, 1)
        rate = done / max(now - began, 1e-6)
        stream.write(f"\r{label} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} tickets "
                     f"({rate:,.0f}/s)")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show


def _config(config_path: Path | None) -> EscalatorConfig:
    try:
        return load_config(config_path)
    except ConfigError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)


def _merge(reports: list[SimulationReport]) -> SimulationReport:
    first = reports[0]
    return SimulationReport(first.since, first.until, tuple(t for r in reports for t in r.tickets),
                            {k: v for r in reports for k, v in r.limits.items()},
                            tuple(e for r in reports for e in r.errors))


@click.command()
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="escalator.yaml (default: ./escalator.yaml, or $ESCALATOR_CONFIG).")
@click.option("--since", "since_text", default="30d", show_default=True,
              help="How far back: tickets changed in the period (30d, 12h).")
@click.option("--ticket", "ticket_ids", multiple=True, help="Only this ticket (repeatable).")
@click.option("--platform", "platforms", multiple=True, help="Only this helpdesk (default: every one configured).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to this file instead of standard output.")
@click.option("--progress/--no-progress", default=None,
              help="A progress bar on standard error (default: when standard error is a terminal).")
@click.option("--readers", type=click.IntRange(1, 16), default=4, show_default=True,
              help="Ticket histories read from the helpdesk at once (rate limits are waited out whatever the number).")
def simulate(config_path: Path | None, since_text: str, ticket_ids: tuple[str, ...], platforms: tuple[str, ...],
             fmt: str, out: Path | None, progress: bool | None, readers: int) -> None:
    """Replay the period's tickets through your rules: what the escalator would have done, and when, next to what
    actually happened. Reads the helpdesk only: nothing is written there, nothing is stored, nothing is sent."""
    config = _config(config_path)
    try:
        period = parse_duration(since_text)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--since") from None
    until = datetime.now(UTC).replace(microsecond=0)
    names = list(platforms) or config.platforms()
    if not names:
        raise click.UsageError("no helpdesk is configured (a zendesk: or freshdesk: section)")
    show = progress if progress is not None else sys.stderr.isatty()
    reports = []
    for name in names:
        try:
            adapter = adapter_class(name).from_config(config)
            bar = progress_bar(sys.stderr, name) if show else None
            reports.append(run_simulation(adapter, config, until - period, until,
                                          ticket_ids=list(ticket_ids) or None, progress=bar, readers=readers))
        except (HelpdeskError, UnknownPlatformError) as exc:
            click.echo(f"{name}: {exc}", err=True)
            sys.exit(1)
    text = render(_merge(reports), fmt)
    if out is not None:
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text, nl=False)
