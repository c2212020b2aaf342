"""`escalator demo`: the whole product on one machine in under a minute, with no account and no configuration.

It starts the local Zendesk-compatible sandbox, the service on SQLite in a temporary folder (web server and job
consumer), a local catcher for the alerts, and plays realistic tickets through signed webhooks: a VIP outage, a legal
threat, a third contact, a ticket left unassigned, a ticket that crosses 80 % of its SLA while you watch, a manual
escalation by tag, a frustrated customer writing in French, and a calm one that needs nothing. Then it prints what it
decided and why, and what is now on the tickets. Everything stops and is removed at the end.

The status pages run beside it, at the address it prints, with two users made up for this run (an admin and a
read-only viewer, their passwords printed). With `--keep`, the demo keeps everything running after the story, so
the pages can be browsed, until Ctrl+C (or SIGTERM), and keeps its database.
"""

from __future__ import annotations

import http.server
import json
import secrets
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm
from werkzeug.security import generate_password_hash
from werkzeug.serving import WSGIRequestHandler, make_server

from adapters.sandbox import Sandbox
from plugin.config import load_config
from plugin.store import repository as repo
from webhooks.app import create_app
from webhooks.bootstrap import Services, bootstrap
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


class _Quiet(WSGIRequestHandler):
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return


@dataclass
class Alerts:
    """What the local notification catcher received, by role."""

    received: list[tuple[str, str, str]] = field(default_factory=list)

    def by_role(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for role, title, _ in self.received:
            out.setdefault(role, []).append(title)
        return out


@contextmanager
def alert_catcher() -> Iterator[tuple[str, Alerts]]:
    alerts = Alerts()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            alerts.received.append((self.path.strip("/"), body.get("title", ""), body.get("message", "")))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"127.0.0.1:{server.server_port}", alerts
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Scene:
    title: str
    ticket_id: int
    expect: str
    before: dict[str, Any]


def _seed(sandbox: Sandbox) -> dict[str, Any]:
    state = sandbox.state
    ids: dict[str, Any] = {"bot": state.add_user("Escalator Bot", sandbox.email, role="admin")["id"],
                           "agent": state.add_user("Avery Agent", "avery@support.example", role="agent")["id"]}
    ids["groups"] = [state.add_group(n)["id"] for n in ("Frontline", "Technical/Specialist", "Senior/Engineering",
                                                        "Management/Executive")]
    globex = state.add_organization("Globex Corporation", organization_fields={"customer_tier": "vip",
                                                                               "lifetime_value": 185000,
                                                                               "account_manager": "Mona Lisa"})
    initech = state.add_organization("Initech", organization_fields={"customer_tier": "enterprise",
                                                                     "lifetime_value": 42000})
    ids["vip"] = state.add_user("Hank Scorpio", "hank@globex.example", organization_id=globex["id"])["id"]
    ids["enterprise"] = state.add_user("Bill Lumbergh", "bill@initech.example", organization_id=initech["id"])["id"]
    ids["dana"] = state.add_user("Dana Scully", "dana@example.com")["id"]
    ids["fox"] = state.add_user("Fox Mulder", "fox@example.com")["id"]
    ids["amelie"] = state.add_user("Amélie Poulain", "amelie@exemple.fr", locale="fr-FR")["id"]
    ids["sam"] = state.add_user("Sam Tyler", "sam@example.com")["id"]
    return ids


def _config(sandbox: Sandbox, folder: Path, ids: dict[str, Any], catcher: str, logins: StatusLogins) -> Any:
    groups = ids["groups"]

    def channel(role: str) -> list[str]:
        return [f"json://{catcher}/{role}"]

    return load_config(data={
        "organization": {"name": "Acme Support (demo)", "timezone": "UTC"},
        "zendesk": {"subdomain": "sandbox", "email": sandbox.email, "api_token": sandbox.token,
                    "base_url": sandbox.url, "webhook_secret": SECRET, "integration_user_id": str(ids["bot"])},
        "tiers": [
            {"name": "Frontline", "response_target": "2h", "groups": {"zendesk": str(groups[0])},
             "handles": ["common issues", "FAQs", "password resets"]},
            {"name": "Technical/Specialist", "response_target": "4h", "groups": {"zendesk": str(groups[1])},
             "handles": ["complex technical issues", "account problems", "billing disputes"]},
            {"name": "Senior/Engineering", "response_target": "8h", "groups": {"zendesk": str(groups[2])},
             "handles": ["bugs", "infrastructure", "integrations", "security incidents"]},
            {"name": "Management/Executive", "response_target": "0", "groups": {"zendesk": str(groups[3])},
             "handles": ["legal threats", "regulatory issues", "VIP complaints", "social media crises"]},
        ],
        # Round-the-clock support, so the demo behaves the same at any hour.
        "schedules": {"default": {"hours": {d: ["00:00-24:00"] for d in
                                            ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}}},
        "database": {"url": f"sqlite:///{folder / 'escalator.db'}"},
        "queue": {"url": f"sqlite:///{folder / 'queue.db'}", "workers": 4, "retry_delay": "1s"},
        "notifications": {"respect_business_hours": False, "channels": {
            role: channel(role) for role in ("support_manager", "team_lead", "account_manager", "on_call",
                                             "tier_2_team", "tier_3_team", "tier_4_team")}},
        "status": logins.settings(),
    })


def _play(sandbox: Sandbox, ids: dict[str, Any]) -> list[Scene]:
    state = sandbox.state
    now = datetime.now(UTC).replace(microsecond=0)
    for days in (10, 3):  # Fox wrote twice before about his invoices
        state.create_ticket(requester_id=ids["fox"], subject="Invoice export broken", status="solved",
                            description="The invoice export gives an empty file.",
                            created_at=now - timedelta(days=days))
    steps: list[tuple[str, str, dict[str, Any]]] = [
        ("VIP outage", "P0, page on-call, Tier 3", {
            "requester_id": ids["vip"], "subject": "Production down: dashboards not loading",
            "description": "Our production is down since 09:40, none of our dashboards load. 300 analysts idle.",
            "priority": "high"}),
        ("Legal threat", "Tier 4, legal review", {
            "requester_id": ids["dana"], "subject": "Charged twice for November",
            "description": "You charged us twice. If this is not refunded today my lawyer will take legal action.",
            "priority": "normal"}),
        ("Third contact", "repeat contact, Tier 2", {
            "requester_id": ids["fox"], "subject": "Invoice export still broken",
            "description": "Third time I write about this: the invoice export is still empty.", "priority": "normal"}),
        ("Unassigned for 2 hours", "manager alert", {
            "requester_id": ids["sam"], "subject": "Cannot add a second admin",
            "description": "Where do I add another administrator?", "priority": "low",
            "created_at": now - timedelta(hours=2, minutes=5)}),
        ("SLA crossing live", "80 % of the 1h first response, then Tier 2", {
            "requester_id": ids["enterprise"], "subject": "Reports export times out",
            "description": "The quarterly report export times out after 60 seconds.", "priority": "high",
            "assignee_id": ids["agent"], "created_at": now - timedelta(minutes=47, seconds=35)}),
        ("Frustrated, in French", "flagged for review, team lead alerted", {
            "requester_id": ids["amelie"], "subject": "Synchronisation du calendrier",
            "description": "C'est inacceptable, la synchronisation échoue encore une fois.", "priority": "normal"}),
        ("Calm question", "nothing but its tier", {
            "requester_id": ids["sam"], "subject": "How do I change my password?",
            "description": "Hello, how can I change my password? Thanks!", "priority": "low",
            "assignee_id": ids["agent"]}),
    ]
    scenes = []
    for title, expect, fields in tqdm(steps, desc="Playing tickets", unit="ticket", leave=True, disable=None):
        ticket = state.create_ticket(**fields)
        scenes.append(Scene(title, ticket["id"], expect, ticket))
        time.sleep(0.3)
    manual = state.create_ticket(requester_id=ids["dana"], subject="Data import mapping question",
                                 description="Our CSV import maps the wrong columns.", priority="normal",
                                 assignee_id=ids["agent"])
    scenes.append(Scene("Manual escalation", manual["id"], "agent tag -> Tier 3", manual))
    time.sleep(1.5)
    state.update_ticket(manual["id"], {"additional_tags": ["escalate_tier_3", "escalation_reason_beyond_knowledge"],
                                       "comment": {"body": "Mapping engine internals: needs engineering.",
                                                   "public": False}}, actor_id=ids["agent"])
    return scenes


def _wait(what: str, seconds: float, done: Callable[[], bool]) -> bool:
    with tqdm(total=int(seconds), desc=what, unit="s", leave=True, disable=None) as bar:
        start = time.monotonic()
        while time.monotonic() - start < seconds:
            if done():
                bar.update(bar.total - bar.n)
                return True
            time.sleep(0.25)
            bar.update(min(int(time.monotonic() - start), bar.total) - bar.n)
    return done()


def _report(services: Services, sandbox: Sandbox, scenes: list[Scene], alerts: Alerts, elapsed: float) -> None:
    config = services.config
    tiers = {str(g): t.name for g, t in zip(
        [t.groups["zendesk"] for t in config.tiers], config.tiers, strict=True)}
    click.echo("")
    click.secho("What the escalator decided, and why", bold=True)
    for scene in scenes:
        ticket = sandbox.state.ticket(scene.ticket_id)
        with services.store.session() as session:
            history = repo.load_history(session, "zendesk", str(scene.ticket_id))
        notes = [c for c in sandbox.state.comments[scene.ticket_id] if "[escalator-ref:" in c["body"]]
        click.echo("")
        click.secho(f"#{scene.ticket_id} {scene.title}: {ticket['subject']}", bold=True)
        click.echo(f"  expected: {scene.expect}")
        click.echo(f"  priority: {scene.before.get('priority') or '-'} -> {ticket['priority'] or '-'};  group: "
                   f"{tiers.get(str(ticket['group_id']), ticket['group_id'] or '-')}")
        click.echo(f"  tags: {', '.join(ticket['tags']) or '-'}")
        for entry in history.escalations:
            click.echo(f"  escalated Tier {entry.from_tier} -> {entry.to_tier} by {entry.actor}: {entry.reason}")
        for comment in notes:
            kind = "reply to customer" if comment["public"] else "internal note"
            click.echo(f"  {kind}: {_gist(comment['body'], public=comment['public'])}")
    click.echo("")
    click.secho("Alerts received (local catcher standing in for email, Slack, SMS, PagerDuty)", bold=True)
    for role, titles in sorted(alerts.by_role().items()):
        for title in titles:
            click.echo(f"  {role}: {title}")
    sample = next((s for s in scenes if s.title == "Legal threat"), None)
    if sample is not None:
        bodies = [str(c["body"]) for c in sandbox.state.comments[sample.ticket_id]
                  if "[escalator-ref:" in c["body"] and not c["public"]]
        if bodies:
            click.echo("")
            click.secho(f"The handoff note agents see on #{sample.ticket_id}", bold=True)
            for line in bodies[0].splitlines():
                click.echo(f"  | {line}")
    click.echo("")
    click.echo(f"Done in {elapsed:.0f}s: {sandbox.write_requests()} write requests to the helpdesk, "
               f"{len(sandbox.invocations)} signed webhooks received.")
    click.echo("Where to look next:\n"
               "  escalator describe           the workflow design document of your configuration\n"
               "  escalator check-config       validate your escalator.yaml\n"
               "  python -m adapters.sandbox   keep a sandbox running to try your own rules\n"
               "  docs/admin-guide.md          install next to Zendesk or Freshdesk")


def run_demo(keep: bool = False) -> None:
    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="escalator-demo-"))
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    try:
        with Sandbox(job_delay=0.02, webhook_retry_delay=0.2) as sandbox, alert_catcher() as (catcher, alerts):
            ids = _seed(sandbox)
            logins = StatusLogins()
            services = bootstrap(_config(sandbox, folder, ids, catcher, logins))
            server = make_server("127.0.0.1", 0, create_app(services=services), threaded=True,
                                 request_handler=_Quiet)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            url = f"http://127.0.0.1:{server.server_port}"
            sandbox.subscribe(f"{url}/webhooks/zendesk", secret=SECRET)
            consumer = make_consumer(services)
            consumer.start()
            click.echo(f"Sandbox helpdesk on {sandbox.url}, escalator on {url}, data in {folder}")
            status = f"{url}{STATUS_PREFIX}/"
            click.echo(f"Status page: {status} (sign in as demo-admin / {logins.admin}, or read-only as "
                       f"demo-viewer / {logins.viewer})")
            try:
                scenes = _play(sandbox, ids)
                live = next(s for s in scenes if s.title == "SLA crossing live")

                def settled() -> bool:
                    with services.store.session() as session:
                        backlog = repo.unprocessed_events(session)
                    return not backlog and services.huey.pending_count() == 0

                _wait("Waiting for the SLA to cross 80 % live", 45,
                      lambda: "tier_2" in sandbox.state.ticket(live.ticket_id)["tags"])
                _wait("Letting the queue settle", 20, lambda: sandbox.flush_webhooks(1) and settled())
                time.sleep(1.0)
                _report(services, sandbox, scenes, alerts, time.monotonic() - started)
                if keep:
                    click.echo("")
                    click.secho(f"Still running: open the status page at {status}", bold=True)
                    click.echo(f"  sign in as demo-admin / {logins.admin}, or read-only as demo-viewer / "
                               f"{logins.viewer}")
                    click.echo("  Ctrl+C stops the demo (its database stays in the folder above).", nl=True)
                    _wait_for_stop()
            finally:
                consumer.stop(graceful=True)
                server.shutdown()
                server.server_close()
                services.store.dispose()
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
        if keep:
            click.echo(f"Kept the demo's database in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def _wait_for_stop() -> None:
    """Until SIGINT or SIGTERM (set after the consumer's start, which sets handlers of its own)."""
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    while not stop.wait(0.5):
        pass


def _gist(body: str, *, public: bool) -> str:
    """One line of a comment for the summary: a note's heading; a reply's first sentence after the greeting."""
    lines = [line.strip() for line in body.splitlines() if line.strip() and not line.startswith("[escalator-ref:")]
    if public and len(lines) > 1 and lines[0].endswith(","):
        lines = lines[1:]  # "Hello Dana," says nothing
    text = lines[0] if lines else ""
    return text if len(text) <= 110 else text[:107].rstrip() + "..."

