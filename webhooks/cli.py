"""The `escalator` command line: the entry point admins use to check, describe, run and operate the service."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from plugin.config import ConfigError, EscalatorConfig, load_config
from webhooks.cli_init import init
from webhooks.cli_simulate import simulate

CONFIG_HELP = "Configuration file (default: $ESCALATOR_CONFIG, else ./escalator.yaml, else the built-in defaults)."


def config_option(func: click.decorators.FC) -> click.decorators.FC:
    return click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
                        default=None, help=CONFIG_HELP)(func)


def load_or_exit(config_path: Path | None) -> EscalatorConfig:
    """Load the configuration, or print every problem and exit 1."""
    try:
        return load_config(config_path)
    except ConfigError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="helpdesk-escalator")
@click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"]), default="warning",
              envvar="ESCALATOR_LOG_LEVEL", help="How much the service logs (default: warning; serve and worker: "
                                                 "info). Credentials never appear in the log.")
@click.pass_context
def main(ctx: click.Context, log_level: str) -> None:
    """helpdesk-escalator: escalation rules and exact SLA clocks for Zendesk and Freshdesk."""
    import logging

    chosen = log_level
    if ctx.invoked_subcommand in ("serve", "worker") and ctx.get_parameter_source("log_level") is \
            click.core.ParameterSource.DEFAULT:
        chosen = "info"
    from plugin.service.channels import protect_logs

    logging.basicConfig(level=chosen.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Every handler scrubs the configuration's secrets (added when the configuration is loaded, by the Notifier),
    # whichever library logs them: apprise logs keys and tokens at warning and debug.
    protect_logs(handlers=logging.getLogger().handlers)
    if chosen != "debug":
        for noisy in ("huey", "huey.consumer", "urllib3", "zenpy"):
            logging.getLogger(noisy).setLevel(logging.WARNING)


@main.command("check-config")
@config_option
def check_config(config_path: Path | None) -> None:
    """Validate the configuration and print every problem (exit 1 if there is any)."""
    config = load_or_exit(config_path)
    platforms = ", ".join(config.platforms()) or "none yet (add a zendesk: or freshdesk: section)"
    click.echo(f"Configuration OK: {config.tier_count} tiers, {len(config.all_rules)} rules, "
               f"{len(config.schedules)} schedule(s), platforms: {platforms}.")


@main.command()
@config_option
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the document to this file instead of the terminal.")
def describe(config_path: Path | None, out: Path | None) -> None:
    """Print the team's Escalation Workflow Design document, generated from the live configuration."""
    from plugin.describe import describe as render

    text = render(load_or_exit(config_path))
    if out is None:
        click.echo(text)
    else:
        out.write_text(text, encoding="utf-8")
        click.echo(f"Wrote {out}")


def _services(config_path: Path | None, **options: object):  # type: ignore[no-untyped-def]
    from webhooks.bootstrap import bootstrap

    return bootstrap(load_or_exit(config_path), **options)  # type: ignore[arg-type]


@main.command()
@config_option
@click.option("--host", default=None, help="Address to listen on (default: web.host, 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default: web.port, 8080).")
@click.option("--shadow", is_flag=True, help="Shadow mode: decide and record as live, write nothing to the helpdesk "
                                             "and send nothing (as `mode: shadow` in the configuration).")
def serve(config_path: Path | None, host: str | None, port: int | None, shadow: bool) -> None:
    """Run the web server and the job consumer (on PostgreSQL with a queue server, a consumer process per CPU)."""
    from webhooks.app import create_app
    from webhooks.bootstrap import bootstrap
    from webhooks.runner import run_serve

    config = load_or_exit(config_path)
    if shadow:
        config = config.model_copy(update={"mode": "shadow"})
    services = bootstrap(config)
    if services.config.mode == "shadow":
        click.echo("shadow mode: deciding and recording as live; nothing is written to the helpdesk or sent")
    run_serve(services, lambda: create_app(services=services),
              host or services.config.web.host, port or services.config.web.port,
              ready=lambda url: click.echo(f"helpdesk-escalator listening on {url} (Ctrl+C to stop)"),
              config_path=config_path)


@main.command()
@config_option
@click.option("--no-periodic", is_flag=True, help="Do not run the sweep and the periodic jobs (run them on exactly "
                                                  "one worker).")
@click.option("--workers", type=int, default=None, help="Worker threads (default: queue.workers).")
@click.option("--metrics-port", type=int, default=None,
              help="Serve this worker's Prometheus metrics (decisions, escalations, writes, retries, timer lag) on "
                   "http://127.0.0.1:PORT/metrics.")
@click.option("--parent-pid", type=int, default=None, hidden=True,
              help="Started by `escalator serve`: end with that process.")
def worker(config_path: Path | None, no_periodic: bool, workers: int | None, metrics_port: int | None,
           parent_pid: int | None) -> None:
    """Run a job consumer (scale-out: as many as needed, exactly one without --no-periodic)."""
    from webhooks.processes import die_with_parent
    from webhooks.runner import run_worker

    if parent_pid is not None:
        die_with_parent(parent_pid)

    services = _services(config_path)
    if metrics_port is not None:
        services.metrics.serve(metrics_port)
    click.echo(f"worker started ({'without' if no_periodic else 'with'} periodic jobs"
               f"{f', metrics on http://127.0.0.1:{metrics_port}/metrics' if metrics_port is not None else ''})")
    run_worker(services, periodic=not no_periodic, workers=workers)


@main.command()
@config_option
@click.option("--host", default=None, help="Address to listen on (default: web.host, 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default: web.port, 8080).")
@click.option("--threads", type=int, default=8, show_default=True, help="Request threads.")
def web(config_path: Path | None, host: str | None, port: int | None, threads: int) -> None:
    """Run the web tier only (scale-out): webhooks, /healthz and /metrics, no job consumer.

    Under gunicorn instead: ESCALATOR_CONFIG=escalator.yaml gunicorn -w 4 -b 0.0.0.0:8080 'webhooks.app:create_app()'
    """
    from webhooks.app import create_app
    from webhooks.runner import run_web

    services = _services(config_path)
    run_web(create_app(services=services), host or services.config.web.host, port or services.config.web.port,
            threads=threads,
            ready=lambda url: click.echo(f"helpdesk-escalator web tier on {url}; run `escalator worker` beside it"))


@main.command()
@config_option
def sweep(config_path: Path | None) -> None:
    """Run one sweep now and print what it did."""
    report = _services(config_path).sweep()
    for line in report.lines():
        click.echo(line)


@main.group()
def db() -> None:
    """Database maintenance."""


@db.command("upgrade")
@config_option
def db_upgrade(config_path: Path | None) -> None:
    """Apply the database migrations (they also run on every start)."""
    from plugin.store import Store

    config = load_or_exit(config_path)
    Store.from_config(config).upgrade()
    click.echo(f"database at {config.database.url.split('@')[-1]} is up to date")


@main.group("dead-letters")
def dead_letters() -> None:
    """Tasks that failed for good: list them, retry them, or drop them."""


@dead_letters.command("list")
@config_option
@click.option("--all", "include_dropped", is_flag=True, help="Include dropped ones.")
def dead_letters_list(config_path: Path | None, include_dropped: bool) -> None:
    from plugin.store import repository as repo

    services = _services(config_path)
    with services.store.session() as session:
        rows = repo.list_dead_letters(session, include_dropped=include_dropped)
        if not rows:
            click.echo("no dead letters")
        for row in rows:
            state = "dropped" if row.dropped_at else ("retried" if row.retried_at else "failed")
            where = f" {row.platform}/{row.ticket_id}" if row.ticket_id else ""
            click.echo(f"#{row.id} {row.failed_at:%Y-%m-%d %H:%M:%S} {row.task}{where} [{state}] "
                       f"after {row.attempts} attempt(s): {row.error}")


@dead_letters.command("retry")
@config_option
@click.argument("ids", nargs=-1, type=int, required=True)
def dead_letters_retry(config_path: Path | None, ids: tuple[int, ...]) -> None:
    from plugin.store import repository as repo

    services = _services(config_path)
    problems = 0
    for dead_id in ids:
        with services.store.session() as session:
            row = repo.get_dead_letter(session, dead_id)
            if row is None:
                click.echo(f"#{dead_id}: no such dead letter", err=True)
                problems += 1
                continue
            task, args = row.task, list(row.args)
        try:
            services.tasks.replay(task, args)
        except ValueError as exc:
            click.echo(f"#{dead_id}: not retried: {exc}", err=True)
            problems += 1
            continue
        with services.store.session() as session:
            repo.mark_dead_letter_retried(session, dead_id, services.clock())
        click.echo(f"#{dead_id}: queued again")
    if problems:
        sys.exit(1)


@dead_letters.command("drop")
@config_option
@click.argument("ids", nargs=-1, type=int, required=True)
def dead_letters_drop(config_path: Path | None, ids: tuple[int, ...]) -> None:
    from plugin.store import repository as repo

    services = _services(config_path)
    for dead_id in ids:
        with services.store.session() as session:
            dropped = repo.drop_dead_letter(session, dead_id, services.clock())
        click.echo(f"#{dead_id}: {'dropped' if dropped else 'no such dead letter'}")


@main.command()
@config_option
@click.argument("platform")
@click.option("--url", "callback_url", default=None, help="Public URL of this service's webhook endpoint base "
                                                          "(default: web.public_url).")
def install(config_path: Path | None, platform: str, callback_url: str | None) -> None:
    """Create or update the webhook and the trigger/automation that send ticket events to this service."""
    import secrets

    from plugin.registry import UnknownPlatformError, adapter_class

    config = load_or_exit(config_path)
    base = callback_url or config.web.public_url
    if not base:
        click.echo("Give the public URL of this service: --url https://escalator.example.com (or web.public_url)",
                   err=True)
        sys.exit(2)
    try:
        adapter = adapter_class(platform).from_config(config)
    except UnknownPlatformError as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)
    section = getattr(config, platform, None)
    existing = getattr(section, "webhook_secret", None)
    secret = existing.get_secret_value() if existing is not None else secrets.token_urlsafe(32)
    result = adapter.install(f"{base.rstrip('/')}{config.web.prefix}/webhooks/{platform}", secret)
    click.echo(f"{'created' if result.created else 'updated'} webhook {result.webhook_id} and rule(s) "
               f"{', '.join(result.rule_ids)}")
    signing = result.details.get("signing_secret")
    value = signing if signing and signing != secret else (secret if existing is None else None)
    if value:
        path = Path(f".escalator-{platform}-webhook-secret")
        path.touch(mode=0o600, exist_ok=True)
        path.write_text(str(value), encoding="utf-8")
        click.echo(f"The webhook secret is in {path} (readable by you only). Put it in your environment, never in "
                   f"a committed file:\n  export ESCALATOR_{platform.upper()}__WEBHOOK_SECRET=\"$(cat {path})\"")



@main.command()
@config_option
@click.argument("kind", type=click.Choice(["weekly", "resolution"]))
@click.option("--week", default=None, help="ISO week, e.g. 2026-W47 (default: last week).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json", "csv", "html"]), default="text")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write to this file.")
@click.option("--send", is_flag=True, help="Also send the weekly report to reports.recipients now (once per week).")
def report(config_path: Path | None, kind: str, week: str | None, fmt: str, out: Path | None, send: bool) -> None:
    """Print the weekly escalation report or the 30-day average resolution time."""
    from plugin.reports.render import render_resolution, render_weekly
    from plugin.reports.weekly import previous_week, resolution_averages, week_of, weekly_report

    if kind == "resolution" and (week is not None or send):
        raise click.UsageError("--week and --send apply to the weekly report only (the resolution averages always "
                               "cover the last 30 days)")
    services = _services(config_path)
    with services.store.session() as session:
        if kind == "weekly":
            chosen = week or previous_week(week_of(services.clock(), services.config.organization.timezone))
            try:
                text = render_weekly(weekly_report(session, services.config, chosen), fmt)
            except ValueError as exc:
                raise click.BadParameter(str(exc), param_hint="--week") from None
        else:
            text = render_resolution(resolution_averages(session, services.clock()), fmt)
    if out is None:
        click.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
        click.echo(f"Wrote {out}")
    if send and kind == "weekly":
        sys.exit(_send_weekly(services, chosen))


def _send_weekly(services: Any, week: str) -> int:
    """Send the week's report now (once per week) and say what really happened; the exit status is 0 only when it
    reached every channel of the recipients' role."""
    from plugin.service.jobs import REPORT_PLATFORM, REPORT_TICKET
    from plugin.store import repository as repo

    role = services.config.reports.recipients
    queued = services.send_weekly_report(week)
    with services.store.session() as session:
        row = repo.find_notification(session, REPORT_PLATFORM, REPORT_TICKET, role, f"weekly_report:{week}")
        row_id = row.id if row is not None else None
    if row_id is not None:
        services.send_pending(ids=[row_id])
    with services.store.session() as session:
        row = repo.find_notification(session, REPORT_PLATFORM, REPORT_TICKET, role, f"weekly_report:{week}")
        if row is None:
            click.echo(f"the report for {week} was not queued", err=True)
            return 1
        status, took, error, sent_at = row.status, list(row.channels_ok), row.last_error, row.sent_at
    earlier = "" if queued else " (earlier)"
    if status == "sent":
        click.echo(f"sent to {role}{earlier} at {sent_at:%Y-%m-%d %H:%M %Z}: {', '.join(took)}")
        return 0
    if status == "suppressed":
        click.echo(f"not sent: role {role!r} has no channel (notifications.channels.{role})", err=True)
        return 1
    if took:
        click.echo(f"delivered to {', '.join(took)}", err=True)
    if status == "sending":
        click.echo(f"being sent by another process for {week}", err=True)
    elif status == "pending":
        click.echo(f"not sent yet: {error}; it will be retried", err=True)
    else:
        click.echo(f"{'partly sent' if took else 'not sent'} ({status}): {error}; see `escalator dead-letters list`",
                   err=True)
    return 1


@main.group()
def notify() -> None:
    """Notification channels."""


@notify.command("test")
@config_option
@click.argument("role")
def notify_test(config_path: Path | None, role: str) -> None:
    """Send a test message to every channel of ROLE and say which succeeded."""
    from plugin.service.notifier import Notifier

    config = load_or_exit(config_path)
    notifier = Notifier(config)
    if not notifier.channels(role):
        click.echo(f"role {role!r} has no channel (notifications.channels.{role})", err=True)
        sys.exit(1)
    ok, failed = notifier.send_to_role(role, "helpdesk-escalator test", f"A test message for the {role} role.")
    for channel in ok:
        click.echo(f"ok      {channel}")
    for channel in failed:
        click.echo(f"failed  {channel}")
    sys.exit(0 if not failed else 1)


@main.command("import")
@config_option
@click.argument("platform", type=click.Choice(["zendesk", "freshdesk"]))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the imported sections to this file instead of the terminal.")
@click.option("--merge", is_flag=True, help="Write them into the configuration file itself (the old one kept as "
                                            "<file>.bak) and check it as check-config does.")
def import_command(config_path: Path | None, platform: str, out: Path | None, merge: bool) -> None:
    """Read the helpdesk's SLA policies and business-hour schedules and write the equivalent `schedules` and `sla`
    sections, saying what could not be translated."""
    from plugin.config import config_path as find_config
    from plugin.ports import HelpdeskError
    from plugin.registry import adapter_class
    from plugin.service.importing import fetch, merge_into, section_yaml

    config = load_or_exit(config_path)
    if platform not in config.platforms():
        click.echo(f"No {platform}: section in the configuration: connect the helpdesk first.", err=True)
        sys.exit(2)
    try:
        imported = fetch(adapter_class(platform).from_config(config))
    except HelpdeskError as exc:
        click.echo(f"{platform} refused: {exc}", err=True)
        sys.exit(1)
    for note in imported.untranslated:
        click.echo(f"not translated: {note}", err=True)
    summary = (f"{len(imported.schedules)} schedule(s), {len(imported.sla.get('policies', []))} polic(ies) from "
               f"{platform}")
    if merge:
        target = find_config(config_path)
        if target is None:
            click.echo("--merge needs a configuration file (--config or ESCALATOR_CONFIG)", err=True)
            sys.exit(2)
        try:
            merge_into(target, imported)
        except ConfigError as exc:
            click.echo(f"The merged configuration does not check, {target} is left as it was:\n{exc}", err=True)
            sys.exit(1)
        click.echo(f"Merged {summary} into {target}; check-config accepts it.")
    elif out is not None:
        out.write_text(section_yaml(imported), encoding="utf-8")
        click.echo(f"Wrote {summary} to {out}")
    else:
        click.echo(section_yaml(imported), nl=False)


@main.command()
@config_option
@click.option("--dry-run", is_flag=True, help="Show what would be deleted; change nothing.")
def cleanup(config_path: Path | None, dry_run: bool) -> None:
    """Delete processed events, finished timers, repeated history rows, expired caches (never escalation history
    or reports)."""
    from plugin.service.jobs import run_cleanup

    services = _services(config_path)
    counts = run_cleanup(services.store, services.config, services.clock(), dry_run=dry_run)
    verb = "would delete" if dry_run else "deleted"
    for label, count in counts.items():
        click.echo(f"{verb} {count} {label}")


@main.command()
@config_option
@click.option("--since", "since_text", default="30d", help="How far back, as a duration (default 30d).")
@click.option("--platform", default=None, help="Which helpdesk (default: every connected one).")
def backfill(config_path: Path | None, since_text: str, platform: str | None) -> None:
    """Read the helpdesk's incremental export so the reports are right from the first week."""
    from tqdm import tqdm

    from plugin.durations import parse_duration
    from plugin.service.backfill import backfill as run

    services = _services(config_path)
    try:
        since = services.clock() - parse_duration(since_text)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--since") from None
    for name in [platform] if platform else services.adapters.names():
        with tqdm(desc=f"Backfilling {name}", unit="ticket", disable=None) as bar:
            result = run(services.adapters.get(name), services.store, services.config, services.clock, since,
                         bar.update)
        click.echo(f"{name}: {result.tickets} tickets ({result.solved} solved, {result.escalated} escalated) in "
                   f"{result.pages} page(s), "
                   f"{result.ratings} satisfaction ratings")


@main.command()
@click.option("--platform", type=click.Choice(["zendesk", "freshdesk", "both"]), default="zendesk",
              show_default=True, help="The helpdesk whose local sandbox plays the story; both: one service serving "
                                      "a Zendesk and a Freshdesk sandbox with one rule set.")
@click.option("--keep", is_flag=True, help="Keep the demo running after the story (sandbox, service, status page) "
                                            "until Ctrl+C, and keep its SQLite database.")
@click.option("--database-url", default=None, metavar="URL",
              help="Keep the demo's state in this database instead of SQLite in its folder, e.g. "
                   "postgresql+psycopg://escalator@db/escalator_demo: tries the scale-out shape end to end. Use an "
                   "empty database of its own: the demo's tickets stay in it.")
@click.option("--queue-url", default=None, metavar="URL",
              help="Queue the demo's work here instead of SQLite in its folder, e.g. redis://localhost:6379/15.")
def demo(platform: str, keep: bool, database_url: str | None, queue_url: str | None) -> None:
    """Show the whole product in under a minute: a local sandbox helpdesk, the service, realistic tickets."""
    from webhooks.demo import Backends, run_demo

    status = run_demo(platform, keep=keep, backends=Backends(database_url, queue_url))
    if status:
        sys.exit(status)


@main.group()
def history() -> None:
    """The escalation history: export it."""


@history.command("export")
@config_option
@click.option("--since", "since_text", default="30d", show_default=True,
              help="How far back, as a duration (90s, 4h, 30d).")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file (default: standard output).")
def history_export(config_path: Path | None, since_text: str, fmt: str, out: Path | None) -> None:
    """Write the stored escalation history since a moment, oldest first: one record per escalation (times in UTC,
    figures as JSON). See docs/status-page.md for the columns."""
    from plugin.durations import parse_duration
    from plugin.store import Store
    from plugin.store.history_export import HistoryFilter, history_rows, write_history

    config = load_or_exit(config_path)
    try:
        since = datetime.now(UTC) - parse_duration(since_text)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--since") from None
    store = Store.from_config(config)
    store.upgrade()
    try:
        with store.session() as session:
            records = history_rows(session, HistoryFilter(since=since))
            if out is None:
                write_history(records, sys.stdout, fmt)
            else:
                with out.open("w", encoding="utf-8", newline="") as handle:
                    count = write_history(records, handle, fmt)
                click.echo(f"Wrote {count} escalation(s) since {since:%Y-%m-%d %H:%M} UTC to {out}", err=True)
    finally:
        store.dispose()


@main.command()
@config_option
@click.option("--requester", "email", required=True, help="The requester's email address.")
@click.option("--dry-run", is_flag=True, help="Count what would be removed; change nothing.")
def forget(config_path: Path | None, email: str, dry_run: bool) -> None:
    """Remove a requester's text from the store (data-protection requests): the subjects, notes, replies, alert
    texts, quoted phrases and event payloads of their tickets, and their cached profile. The figures stay, so the
    reports do not change. The helpdesk's own copy of the tickets is the helpdesk's."""
    from plugin.service.erasure import forget as run
    from plugin.store import Store

    config = load_or_exit(config_path)
    store = Store.from_config(config)
    store.upgrade()
    try:
        report = run(store, email, datetime.now(UTC), dry_run=dry_run)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--requester") from None
    finally:
        store.dispose()
    if not report.counts.get("requesters"):
        click.echo("no requester with that email address is known to the store")
        return
    removed, deleted = ("would remove", "would delete") if dry_run else ("removed", "deleted")
    counts = dict(report.counts)
    click.echo(f"{counts.pop('requesters')} requester id(s), {counts.pop('tickets')} ticket(s)")
    left = counts.pop("left open", 0)
    for label, count in counts.items():
        click.echo(f"{deleted if label in ('customer profiles', 'requester digests') else removed} {count} {label}")
    if left:
        click.echo(f"left {left} decision(s) whose write is under way: run forget again once they are recorded")
    if report.compacted:
        click.echo("the SQLite file was rebuilt: the removed text is not left in free pages or the log")


@main.command("read")
@config_option
@click.option("--lang", default=None, help="The requester's language or locale, e.g. fr or de-CH (a hint: the text "
                                           "may overrule it; default: read from the text).")
@click.option("--json", "as_json", is_flag=True, help="Print the reading as one JSON object.")
@click.option("--jsonl", "jsonl", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Read every line of this file (JSON objects with subject, body and optional lang) and print "
                   "one JSON line per message.")
def read_command(config_path: Path | None, lang: str | None, as_json: bool, jsonl: Path | None) -> None:
    """Read a customer message from standard input: mood, matters, language and the phrases that decided them.

    Uses the built-in lexicons and mood model plus the team's own keyword lists from the configuration, as the
    engine does (with `reading.mood: lexicon` in the configuration, the mood of the lexicon alone)."""
    import json

    from plugin.reading import default_reader
    from plugin.reading.reader import lexicon_reader
    from plugin.sentiment import admin_cues

    config = load_or_exit(config_path)
    custom = admin_cues(config)
    reader = lexicon_reader() if config.reading.mood == "lexicon" else default_reader()
    if jsonl is not None:
        for number, line in enumerate(jsonl.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                text = "\n".join(str(item.get(k) or "") for k in ("subject", "body") if item.get(k))
            except (json.JSONDecodeError, AttributeError):
                raise click.BadParameter(f"line {number} is not a JSON object", param_hint="--jsonl") from None
            reading = reader.read(text, item.get("lang") or lang, custom)
            out = ({"id": item["id"]} if "id" in item else {}) | reading.as_json()
            click.echo(json.dumps(out, ensure_ascii=False))
        return
    reading = reader.read(sys.stdin.read(), lang, custom)
    if as_json:
        click.echo(json.dumps(reading.as_json(), ensure_ascii=False, indent=2))
        return
    click.echo(f"mood:      {reading.mood.value}")
    click.echo(f"matters:   {', '.join(reading.matters) or 'none'}")
    click.echo(f"language:  {reading.language}")
    click.echo(f"manager:   {'asks for a manager' if reading.requests_manager else 'no'}")
    click.echo(f"repeat:    {'says they contacted us before' if reading.repeat_claim else 'no'}")
    click.echo("evidence:" + ("" if reading.evidence else " none"))
    for item in reading.evidence:
        click.echo(f'  {item.kind:<18} "{item.phrase}"')

if __name__ == "__main__":  # pragma: no cover
    main()


@main.group()
def shadow() -> None:
    """What shadow mode decided (mode: shadow, or serve --shadow)."""


@shadow.command("report")
@config_option
@click.option("--since", "since_text", default="1d", show_default=True, help="How far back: 1d, 12h, 30m.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def shadow_report_command(config_path: Path | None, since_text: str, fmt: str) -> None:
    """Each decision shadow mode made with what it would have written, and each notification it would have sent."""
    import json

    from plugin.durations import parse_duration
    from plugin.service.shadow_report import shadow_report

    services = _services(config_path)
    try:
        since = services.clock() - parse_duration(since_text)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--since") from None
    try:
        report = shadow_report(services.store, since)
    finally:
        services.close()
    if fmt == "json":
        click.echo(json.dumps(report.as_json(), indent=2))
    else:
        click.echo("\n".join(report.lines()))


main.add_command(init)
main.add_command(simulate)
