"""What `escalator demo` prints once its story is played: for each ticket (named with its platform) what the
escalator decided and why, what is now on it, and which alerts it sent; then every alert the local catcher received,
the handoff note of the legal threat as agents see it, and what it all cost each helpdesk."""

from __future__ import annotations

from dataclasses import dataclass, field

import click
from sqlalchemy import select

from plugin.store import repository as repo
from plugin.store.models import NotificationRow
from webhooks.bootstrap import Services
from webhooks.demo_scenes import Scene
from webhooks.demo_stages import Stage, TicketView

MARKER = "escalator-ref"


@dataclass(frozen=True)
class Played:
    """One scene's ticket on one stage, and its priority as the customer filed it."""

    stage: Stage
    scene: Scene
    ticket_id: int
    priority: str

    @property
    def name(self) -> str:
        return f"{self.stage.label} #{self.ticket_id}"


@dataclass
class Alerts:
    """What the local notification catcher received: (role, title, message)."""

    received: list[tuple[str, str, str]] = field(default_factory=list)

    def by_role(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for role, title, _ in self.received:
            out.setdefault(role, []).append(title)
        return out


def report(services: Services, stages: list[Stage], played: list[Played], alerts: Alerts, elapsed: float) -> None:
    tiers = {(s.platform, group): tier.name for s in stages
             for tier in services.config.tiers if (group := tier.groups.get(s.platform)) is not None}
    click.echo("")
    click.secho("What the escalator decided, and why", bold=True)
    for one in played:
        _ticket(services, one, one.stage.view(one.ticket_id), tiers)
    click.echo("")
    click.secho("Alerts received (local catcher standing in for email, Slack, SMS, PagerDuty)", bold=True)
    for role, titles in sorted(alerts.by_role().items()):
        for title in titles:
            click.echo(f"  {role}: {title}")
    _handoff_note(next((p for p in played if p.scene.title == "Legal threat"), None))
    click.echo("")
    costs = "; ".join(f"{s.label}: {s.write_requests()} write requests, {s.webhooks_sent()} {s.webhooks_are} "
                      f"webhooks, {_per_decision(services, s)}" for s in stages)
    click.echo(f"Done in {elapsed:.0f}s. {costs}.")
    click.echo("Where to look next:\n"
               "  escalator describe                      the workflow design document of your configuration\n"
               "  escalator check-config                  validate your escalator.yaml\n"
               "  python -m adapters.sandbox              keep a Zendesk sandbox running to try your own rules\n"
               "  python -m adapters.sandbox.freshdesk    the same with a Freshdesk sandbox\n"
               "  docs/admin-guide.md                     install next to Zendesk or Freshdesk")


def _per_decision(services: Services, stage: Stage) -> str:
    """What the escalator's decisions cost the helpdesk's rate limit: its API requests (Freshdesk: credits) over the
    decisions it made, the figure the account's per-minute limit divides."""
    decided = sum(sample.value for metric in services.metrics.decisions.collect() for sample in metric.samples
                  if sample.name.endswith("_total") and sample.labels.get("platform") == stage.platform)
    _, cost = stage.api_cost()
    unit = "credits" if stage.platform == "freshdesk" else "API requests"
    each = f"{cost / decided:.2f}" if decided else "-"
    return f"{cost} {unit} over {decided:.0f} decisions ({each} a decision)"


def _ticket(services: Services, one: Played, ticket: TicketView, tiers: dict[tuple[str, str], str]) -> None:
    platform = one.stage.platform
    with services.store.session() as session:
        history = repo.load_history(session, platform, str(one.ticket_id))
        sent = session.scalars(select(NotificationRow.role).where(
            NotificationRow.platform == platform, NotificationRow.ticket_id == str(one.ticket_id),
            NotificationRow.status == "sent").order_by(NotificationRow.id)).all()
    group = tiers.get((platform, ticket.group or ""), ticket.group or "-")
    click.echo("")
    click.secho(f"{one.name} {one.scene.title}: {ticket.subject}", bold=True)
    click.echo(f"  expected: {one.scene.expect}")
    click.echo(f"  priority: {one.priority} -> {ticket.priority};  group: {group}")
    click.echo(f"  tags: {', '.join(ticket.tags) or '-'}")
    for entry in history.escalations:
        click.echo(f"  escalated Tier {entry.from_tier} -> {entry.to_tier} by {entry.actor}: {entry.reason}")
    for comment in ticket.ours:
        kind = "reply to customer" if comment.public else "internal note"
        click.echo(f"  {kind}: {gist(comment.text, public=comment.public)}")
    if sent:
        click.echo(f"  alerted: {', '.join(dict.fromkeys(sent))}")


def _handoff_note(sample: Played | None) -> None:
    if sample is None:
        return
    notes = [c.text for c in sample.stage.view(sample.ticket_id).ours if not c.public]
    if not notes:
        return
    click.echo("")
    click.secho(f"The handoff note agents see on {sample.name}", bold=True)
    for line in notes[0].splitlines():
        if MARKER not in line:
            click.echo(f"  | {line}")


def gist(body: str, *, public: bool) -> str:
    """One line of a comment for the summary: a note's heading; a reply's first sentence after the greeting."""
    lines = [line.strip() for line in body.splitlines() if line.strip() and MARKER not in line]
    if public and len(lines) > 1 and lines[0].endswith(","):
        lines = lines[1:]  # "Hello Dana," says nothing
    text = lines[0] if lines else ""
    return text if len(text) <= 110 else text[:107].rstrip() + "..."
