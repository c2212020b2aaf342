"""Shadow mode end to end (mode: shadow): the same scenes played once live and once in shadow on each helpdesk
sandbox record the same decisions (rules, escalations, notifications), while shadow writes nothing to the helpdesk
and sends nothing; `escalator shadow report` lists what it would have done."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from harness import config_file, running, running_freshdesk
from harness import wait_for as wait
from sqlalchemy import select

from plugin.config import WorkflowConfig
from plugin.store.models import AppliedChangeRow, EscalationRow, NotificationRow
from webhooks.cli import main

LEGAL = "If this is not fixed today my lawyer will contact you."
REASON = f"{WorkflowConfig().manual_reason_prefix}beyond_knowledge"


def decided(services: Any) -> dict[str, Any]:
    """What the store recorded: each ticket's decisions (tier and rules), escalations and notifications."""
    with services.store.session() as session:
        decisions = sorted((r.ticket_id, r.tier, sorted(str(x.get("rule")) for x in (r.changes or {}).get("reasons")
                                                           or ()), r.mode)
                           for r in session.scalars(select(AppliedChangeRow)))
        escalations = sorted((e.ticket_id, e.from_tier, e.to_tier, e.rule) for e in session.scalars(
            select(EscalationRow)))
        notes = sorted((n.ticket_id, n.role, n.kind, n.status) for n in session.scalars(select(NotificationRow)))
    return {"decisions": decisions, "escalations": escalations, "notifications": notes}


def play_zendesk(tmp: Path, mode: str) -> tuple[dict[str, Any], int, str]:
    with running(tmp, mode=mode) as live:
        before = live.sandbox.write_requests()
        legal = live.customer_ticket(description=LEGAL)
        calm = live.customer_ticket(subject="Where is the export button?", description="Could you point me to it?")
        wait(lambda: len(decided(live.services)["escalations"]) == 1 and live.settled(), 30, "the legal threat")
        live.state.update_ticket(calm["id"], {"additional_tags": ["escalate_tier_3", REASON]},
                                 actor_id=live.ids["agent"])
        wait(lambda: len(decided(live.services)["escalations"]) == 2, 30, "the manual escalation")
        live.state.add_comment(legal["id"], "Any news? My lawyer is waiting.", author_id=live.ids["customer"])
        live.sandbox.flush_webhooks(10)
        time.sleep(1.0)
        wait(live.settled, 30, "every event processed")
        config = config_file(live.config, tmp / "escalator.yaml")
        report = CliRunner().invoke(main, ["shadow", "report", "--config", str(config), "--format", "json"])
        return decided(live.services), live.sandbox.write_requests() - before, report.output


def play_freshdesk(tmp: Path, mode: str) -> tuple[dict[str, Any], int, str]:
    with running_freshdesk(tmp, mode=mode) as live:
        state = live.sandbox.state
        before = live.sandbox.write_requests()  # the install's two automation rules
        agent = state.add_agent("Ada Agent", "ada@sandbox.example")
        legal = state.create_ticket({"requester_id": live.ids["customer"], "subject": "Cannot export invoices",
                                     "description": LEGAL, "priority": 2, "source": 1})
        calm = state.create_ticket({"requester_id": live.ids["customer"], "subject": "Where is the export button?",
                                    "description": "Could you point me to it?", "priority": 2, "source": 1})
        wait(lambda: len(decided(live.services)["escalations"]) == 1 and live.settled(), 30, "the legal threat")
        tags = [*state.ticket(calm["id"])["tags"], "escalate_tier_3", REASON]
        state.update_ticket(calm["id"], {"tags": tags}, performer="agent", performer_id=agent["id"])
        wait(lambda: len(decided(live.services)["escalations"]) == 2, 30, "the manual escalation (the watch)")
        state.customer_reply(legal["id"], "Any news? My lawyer is waiting.")
        live.sandbox.flush_webhooks(10)
        time.sleep(1.0)
        wait(live.settled, 30, "every event processed")
        return decided(live.services), live.sandbox.write_requests() - before, ""


@pytest.mark.parametrize("play", [play_zendesk, play_freshdesk], ids=["zendesk", "freshdesk"])
def test_shadow_decides_as_live_and_writes_and_sends_nothing(tmp_path: Path, play: Any) -> None:
    live, live_writes, _ = play(tmp_path / "live", "live")
    shadow, shadow_writes, report = play(tmp_path / "shadow", "shadow")
    assert live_writes > 0 and shadow_writes == 0
    assert [d[:3] for d in shadow["decisions"]] == [d[:3] for d in live["decisions"]]  # the same decisions
    assert {d[3] for d in shadow["decisions"]} == {"shadow"} and {d[3] for d in live["decisions"]} == {"live"}
    assert shadow["escalations"] == live["escalations"] and len(live["escalations"]) == 2
    assert [n[:3] for n in shadow["notifications"]] == [n[:3] for n in live["notifications"]]
    assert {n[3] for n in shadow["notifications"]} <= {"shadow"}  # kept, none sent
    if report:
        data = json.loads(report)
        assert len(data["decisions"]) == len(shadow["decisions"])
        assert any("legal_threat" in e for d in data["decisions"] for e in d["escalations"])
        assert any(w.startswith("internal note: ESCALATION TO TIER 4") for d in data["decisions"] for w in d["writes"])
