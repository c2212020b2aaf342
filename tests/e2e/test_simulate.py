"""`escalator simulate --since 30d` over real HTTP against a sandbox seeded with a generated month of 2,000 tickets,
on both helpdesks: the report's counts equal a count the test makes itself from what the generator recorded (never
by asking our engine), and no write request reaches the sandbox."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from adapters.sandbox.history import History, PlannedTicket, plan_history
from adapters.sandbox.history_play import play_zendesk
from adapters.sandbox.serving import LocalServer
from webhooks.cli import main

TICKETS = 2000
WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# The default SLA (docs/rules.md, configuration.md) on a 24/7 schedule: first reply within 4 h at Normal, 8 h at Low;
# the warning at 80 %.
FIRST_REPLY = {"normal": timedelta(hours=4), "low": timedelta(hours=8)}
WARNING_SHARE = 0.8
TIERS = [("Frontline", "2h"), ("Technical", "4h"), ("Engineering", "8h"), ("Management", "0")]


@dataclass
class Seeded:
    sandbox: LocalServer
    history: History
    config: Path


def _config(platform: str, section: dict[str, Any], groups: list[Any], tmp: Path) -> Path:
    data = {
        platform: section,
        "tiers": [{"name": name, "groups": {platform: str(groups[i])}, "response_target": target}
                  for i, (name, target) in enumerate(TIERS)],
        "schedules": {"default": {"hours": {day: ["00:00-24:00"] for day in WEEK}}},
        "notifications": {"respect_business_hours": False},
        # simulate must open no database: a path that cannot be created would fail any attempt
        "database": {"url": f"sqlite:///{tmp / 'no-such-dir' / 'never.db'}"},
    }
    path = tmp / "escalator.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@contextmanager
def seeded(platform: str, tmp: Path) -> Iterator[Seeded]:
    history = plan_history(seed=11, tickets=TICKETS, until=datetime.now(UTC).replace(microsecond=0))
    if platform == "zendesk":
        from adapters.sandbox.server import Sandbox

        with Sandbox() as sandbox:
            play_zendesk(sandbox.state, history, bot_email=sandbox.email)
            section = {"subdomain": "sandbox", "email": sandbox.email, "api_token": sandbox.token,
                       "base_url": sandbox.url, "integration_user_id": str(history.ids["bot"])}
            yield Seeded(sandbox, history, _config(platform, section, history.ids["groups"], tmp))
    else:
        from adapters.sandbox.freshdesk.history_play import play_freshdesk
        from adapters.sandbox.freshdesk.server import FreshdeskSandbox

        with FreshdeskSandbox() as sandbox:
            play_freshdesk(sandbox.state, history)
            yield Seeded(sandbox, history, _config(platform, sandbox.settings(), history.ids["groups"], tmp))


def _first_reply_late(ticket: PlannedTicket) -> bool:
    reply = ticket.first_reply_at
    return reply is None or reply - ticket.created_at > FIRST_REPLY[ticket.priority]


def _seen_escalated_at(platform: str, planned: PlannedTicket) -> datetime:
    """When a person escalated, as the platform's history shows it: Zendesk's audits give the moment the agent
    tagged the ticket; Freshdesk keeps no field history, so its rebuild shows the tag from the ticket's creation
    (adapters/freshdesk_history.py)."""
    at = planned.escalated_by_person_at
    assert at is not None
    return at if platform == "zendesk" else planned.created_at


def test_simulate_counts_match_the_generated_history(platform: str, tmp_path: Path) -> None:
    with seeded(platform, tmp_path) as world:
        history = world.history
        before = {t.ticket_id for t in history.tickets}
        result = CliRunner().invoke(main, ["simulate", "--since", "30d", "--config", str(world.config),
                                           "--format", "json", "--no-progress"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout)
        totals = report["totals"]

        # nothing written: no write request, no request but reads
        assert world.sandbox.write_requests() == 0
        assert {r.method for r in world.sandbox.recorded()} == {"GET"}

    # the test's own count, from what the generator put in
    kinds = Counter(t.kind for t in history.tickets)
    by_kind = {kind: {t.ticket_id for t in history.tickets if t.kind == kind} for kind in kinds}
    late = {t.ticket_id for t in history.tickets if _first_reply_late(t)}
    people = {t.ticket_id: t for t in history.tickets if t.escalated_by_person_at}
    assert kinds["legal"] and kinds["breach"] and kinds["manual"] and kinds["repeat"]  # the month has each kind

    assert totals["tickets"] == len(history.tickets) == TICKETS
    assert {t["ticket_id"] for t in report["tickets"]} == before
    escalations = {(e["rule"], e["tier"]): e["count"] for e in totals["escalations_by_rule_tier"]}
    assert escalations == {("legal_threat", 4): kinds["legal"], ("sla_breach", 2): kinds["breach"],
                           ("manual_escalation", 2): kinds["manual"], ("repeat_contact", 2): kinds["repeat"]}
    assert totals["tickets_escalated"] == kinds["legal"] + kinds["breach"] + kinds["manual"] + kinds["repeat"]
    # each escalation hands the ticket to its tier's team once
    assert totals["alerts_by_role"]["tier_4_team"] == kinds["legal"]
    assert totals["alerts_by_role"]["tier_2_team"] == kinds["breach"] + kinds["manual"] + kinds["repeat"]
    assert sum(totals["alerts_by_day"].values()) == sum(totals["alerts_by_role"].values())
    assert totals["pages"] == 0  # nothing in the month is an outage

    # SLA: the breaches are the tickets first answered late; each warned at 80 %, the rest of the target earlier
    assert set(totals["sla_breached"]) == late == by_kind["breach"]
    assert set(totals["sla_breaches_warned"]) == late
    target = FIRST_REPLY["normal"]
    assert sorted(totals["warning_lead_seconds"]) == [round(target.total_seconds() * (1 - WARNING_SHARE))] * len(late)
    tickets = {t["ticket_id"]: t for t in report["tickets"]}
    for planned in history.tickets:
        breaches = tickets[planned.ticket_id]["actual"]["breaches"]
        if planned.ticket_id in late:
            assert breaches == [{"clock": "first_response",
                                 "at": (planned.created_at + FIRST_REPLY[planned.priority]).isoformat()}]
        else:
            assert breaches == []

    # people's escalations: who, when; no rule would have caught any of them; the rules' catches nobody escalated
    assert set(totals["escalated_by_people"]) == set(people) == by_kind["manual"]
    for ticket_id, planned in people.items():
        assert tickets[ticket_id]["actual"]["escalated_at"] == _seen_escalated_at(platform, planned).isoformat()
    assert set(totals["people_escalated_no_rule"]) == by_kind["manual"]
    assert totals["rules_on_unescalated"] == {"legal_threat": kinds["legal"], "repeat_contact": kinds["repeat"],
                                              "sla_breach": kinds["breach"]}
    # a legal threat is escalated on the ticket's first message, at its creation
    for planned in history.of_kind("legal"):
        escalation = next(a for a in tickets[planned.ticket_id]["actions"] if a["kind"] == "escalation")
        assert escalation["at"] == planned.created_at.isoformat() and escalation["cause"] == "change"
    for planned in history.of_kind("manual"):
        escalation = next(a for a in tickets[planned.ticket_id]["actions"] if a["kind"] == "escalation")
        assert escalation["at"] == _seen_escalated_at(platform, planned).isoformat()
    assert ("freshdesk" in report["limits"]) == (platform == "freshdesk")
    # a breach is escalated at the very moment the first-reply target passes, by a timer between two changes
    for planned in history.of_kind("breach"):
        escalation = next(a for a in tickets[planned.ticket_id]["actions"] if a["kind"] == "escalation")
        assert escalation["at"] == (planned.created_at + target).isoformat() and escalation["cause"] == "timer"


@pytest.mark.parametrize("fmt", ["text", "csv", "html"])
def test_simulate_other_formats_on_one_ticket(fmt: str, tmp_path: Path) -> None:
    with seeded("zendesk", tmp_path) as world:
        legal = world.history.of_kind("legal")[0]
        result = CliRunner().invoke(main, ["simulate", "--config", str(world.config), "--ticket", legal.ticket_id,
                                           "--format", fmt, "--no-progress"], catch_exceptions=False)
        assert world.sandbox.write_requests() == 0
        shown = CliRunner().invoke(main, ["simulate", "--config", str(world.config), "--ticket", legal.ticket_id,
                                          "--format", fmt, "--progress"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # no bar unless asked for (or standard error is a terminal)
    assert shown.exit_code == 0 and "1/1 tickets" in shown.stderr and "legal_threat" in shown.stdout
    out = result.stdout
    if fmt == "text":
        assert "Replay of 1 ticket(s)" in out and "legal_threat -> tier 4: 1" in out
    elif fmt == "csv":
        rows = out.splitlines()
        assert rows[0].startswith("platform,ticket_id,at,cause,kind,rule")
        assert any(f"zendesk,{legal.ticket_id}," in row and ",escalation,legal_threat," in row for row in rows)
    else:
        assert out.startswith("<!doctype html>") and "legal_threat" in out and "<script" not in out
