"""`escalator demo`: the whole product on one machine in under a minute, with no account and no configuration.

It starts the local sandbox of one helpdesk (`--platform zendesk`, the default, or `freshdesk`) or of both at once
(`both`: one service, both helpdesks, one rule set), the service on SQLite in a temporary folder (web server and job
consumer), a local catcher for the alerts, and plays realistic tickets that reach the service through the helpdesk's
own webhooks (Zendesk: signed; Freshdesk: the automation rules `escalator install freshdesk` writes): a VIP outage, a
legal threat, a third contact, a ticket left unassigned, a ticket that crosses 80 % of its SLA while you watch, a
manual escalation by tag, a frustrated customer writing in French, and a calm one that needs nothing. Then it prints
what it decided and why, and what is now on the tickets, each named with its platform. Everything stops and is
removed at the end, or at Ctrl+C or SIGTERM.

The status pages run beside it, at the address it prints, with two users made up for this run (an admin and a
read-only viewer, their passwords printed). With `--keep`, the demo keeps everything running after the story, so
the pages can be browsed, until Ctrl+C (or SIGTERM), and keeps its database.

The story is demo_scenes.py; what differs between helpdesks is in demo_stages.py; the printout in demo_report.py.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
from werkzeug.security import generate_password_hash
from werkzeug.serving import make_server

from plugin.config import EscalatorConfig, load_config
from plugin.store import repository as repo
from webhooks.app import create_app
from webhooks.bootstrap import Services, bootstrap
from webhooks.demo_process import Bar, Interrupted, Quiet, Stopping, alert_catcher, serving
from webhooks.demo_report import Played, report
from webhooks.demo_scenes import HISTORY, LIVE_SLA, MANUAL, SCENES, TIERS, Scene
from webhooks.demo_stages import Stage, stages_for
from webhooks.runner import make_consumer

SECRET = "demo-signing-secret-not-a-real-one"
STATUS_PREFIX = "/escalator"


@dataclass(frozen=True)
class StatusLogins:
    """The status pages' two users of this run: made up at start, printed, gone with the demo."""

    admin: str = field(default_factory=lambda: secrets.token_urlsafe(9))
    viewer: str = field(default_factory=lambda: secrets.token_urlsafe(9))

    def settings(self) -> dict[str, Any]:
        return {"enabled": True, "prefix": STATUS_PREFIX, "secret_key": secrets.token_urlsafe(32), "refresh": "30s",
                "users": [{"name": "demo-admin", "password_hash": generate_password_hash(self.admin),
                           "role": "admin"},
                          {"name": "demo-viewer", "password_hash": generate_password_hash(self.viewer),
                           "role": "viewer"}]}


@dataclass(frozen=True)
class Backends:
    """Where the demo keeps its state and its queue: SQLite files in its folder unless given (`--database-url`,
    `--queue-url`: the scale-out shape, PostgreSQL and Redis, tried end to end)."""

    database_url: str | None = None
    queue_url: str | None = None


def _config(stages: list[Stage], folder: Path, catcher: str, logins: StatusLogins,
            backends: Backends = Backends()) -> EscalatorConfig:
    groups = {stage.platform: stage.groups() for stage in stages}
    return load_config(data={
        "organization": {"name": "Acme Support (demo)", "timezone": "UTC"},
        **{stage.platform: stage.settings(SECRET) for stage in stages},
        "tiers": [{"name": tier.name, "response_target": tier.response_target, "handles": list(tier.handles),
                   "groups": {platform: ids[number] for platform, ids in groups.items()}}
                  for number, tier in enumerate(TIERS)],
        # Round-the-clock support, so the demo behaves the same at any hour.
        "schedules": {"default": {"hours": {d: ["00:00-24:00"] for d in
                                            ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}}},
        "database": {"url": backends.database_url or f"sqlite:///{folder / 'escalator.db'}"},
        "queue": {"url": backends.queue_url or f"sqlite:///{folder / 'queue.db'}", "workers": 4,
                  "retry_delay": "1s"},
        "notifications": {"respect_business_hours": False, "channels": {
            role: [f"json://{catcher}/{role}"] for role in ("support_manager", "team_lead", "account_manager",
                                                             "on_call", "tier_2_team", "tier_3_team",
                                                             "tier_4_team")}},
        "status": logins.settings(),
    })


def _play(stages: list[Stage], config: EscalatorConfig) -> list[Played]:
    """File every scene's ticket on every stage, scene by scene; then the agent's manual escalation."""
    played: list[Played] = []

    def file(scene: Scene) -> None:
        for stage in stages:
            played.append(Played(stage, scene, stage.file(scene.ticket, datetime.now(UTC)), scene.ticket.priority))

    for scene in Bar(SCENES, desc="Playing tickets", unit="scene", leave=True, disable=None):
        file(scene)
        time.sleep(0.3)
    file(MANUAL.scene)
    time.sleep(1.5)
    tags = MANUAL.tags(config.workflow.manual_tag_prefix, config.workflow.manual_reason_prefix)
    for one in played[-len(stages):]:
        one.stage.escalate_by_hand(one.ticket_id, tags, MANUAL.note)
    return played


def _wait(what: str, seconds: float, done: Callable[[], bool]) -> bool:
    with Bar(total=int(seconds), desc=what, unit="s", leave=True, disable=None) as bar:
        start = time.monotonic()
        while time.monotonic() - start < seconds:
            if done():
                bar.update(bar.total - bar.n)
                return True
            time.sleep(0.25)
            bar.update(min(int(time.monotonic() - start), bar.total) - bar.n)
    return done()


def _settled(services: Services, stages: list[Stage]) -> bool:
    if not all(stage.flush_webhooks(1) for stage in stages):
        return False
    with services.store.session() as session:
        busy = repo.unprocessed_events(session) or repo.open_intent_count(session)
    return not busy and services.huey.pending_count() == 0


def run_demo(platform: str = "zendesk", keep: bool = False, backends: Backends = Backends()) -> int:
    """Play the story on `platform` (zendesk, freshdesk or both); the exit status (128 + the signal when a signal
    cut the story short)."""
    stopping = Stopping()
    stopping.install()
    folder = Path(tempfile.mkdtemp(prefix="escalator-demo-"))
    try:
        with ExitStack() as stack:
            try:
                _run(stack, stages_for(platform), folder, keep, stopping, backends)
            finally:
                stopping.armed = False  # a second Ctrl+C does not cut the clean-up short
        return 0
    except Interrupted as stop:
        click.echo("\nStopped: everything the demo started is stopped" + ("." if keep else " and removed."))
        return 128 + stop.signum
    finally:
        stopping.restore()
        if keep:
            click.echo(f"Kept the demo's database in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def _run(stack: ExitStack, stages: list[Stage], folder: Path, keep: bool, stopping: Stopping,
         backends: Backends) -> None:
    started = time.monotonic()
    now = datetime.now(UTC).replace(microsecond=0)
    for stage in stages:
        stack.enter_context(stage)
        stage.seed()
        for spec in HISTORY:  # the customers' earlier tickets, filed before the escalator was installed
            stage.file(spec, now)
    catcher, alerts = stack.enter_context(alert_catcher())
    logins = StatusLogins()
    services = bootstrap(_config(stages, folder, catcher, logins, backends))
    stack.callback(services.close)  # the lease keeper's thread ends at once, the database's connections go
    later = services.tasks.later  # stopped with the rest: its thread would outlive the demo
    stack.callback(later.stop)
    server = make_server("127.0.0.1", 0, create_app(services=services), threaded=True, request_handler=Quiet)
    stack.enter_context(serving(server, "demo-escalator-web"))
    url = f"http://127.0.0.1:{server.server_port}"
    for stage in stages:
        stage.connect(services, url, SECRET)
        stage.start_counting()
    consumer = make_consumer(services)
    consumer.start()
    stack.callback(consumer.stop, graceful=True)
    stopping.install()  # after the consumer's start, which sets handlers of its own
    helpdesks = ", ".join(f"{stage.label} sandbox on {stage.url}" for stage in stages)
    click.echo(f"{helpdesks}; escalator on {url}, data in {folder}")
    status = f"{url}{STATUS_PREFIX}/"
    click.echo(f"Status page: {status} (sign in as demo-admin / {logins.admin}, or read-only as "
               f"demo-viewer / {logins.viewer})")
    played = _play(stages, services.config)
    live = [p for p in played if p.scene.title == LIVE_SLA]
    _wait("Waiting for the SLA to cross 80 % live", 45,
          lambda: all(services.config.workflow.tier_tag_prefix + "2" in p.stage.view(p.ticket_id).tags
                      for p in live))
    _wait("Letting the queue settle", 20, lambda: _settled(services, stages))
    time.sleep(1.0)
    report(services, stages, played, alerts, time.monotonic() - started)
    if keep:
        click.echo("")
        click.secho(f"Still running: open the status page at {status}", bold=True)
        click.echo(f"  sign in as demo-admin / {logins.admin}, or read-only as demo-viewer / {logins.viewer}")
        click.echo("  Ctrl+C stops the demo (its database stays in the folder above).", nl=True)
        stopping.armed = False
        while not stopping.event.wait(0.5):
            pass
