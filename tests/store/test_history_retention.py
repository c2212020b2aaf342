"""`history.retention`: the cleanup job removes the stored notes and customer text older than the period and keeps
every figure (on SQLite and PostgreSQL); without it, nothing is removed. What a text-free decision keeps."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from status_kit import LEGAL_PHRASE, LEGAL_SUBJECT, NOW, seed

from plugin.config import load_config
from plugin.reports.weekly import resolution_averages, weekly_report
from plugin.service.jobs import run_cleanup
from plugin.store import Store
from plugin.store.erasure import scrub_decision, scrub_figures
from plugin.store.models import AppliedChangeRow, EscalationRow, InboxRow, NotificationRow, TicketRow


def texts(store: Store) -> dict[str, list[str]]:
    with store.session() as session:
        return {
            "subjects": [t.subject for t in session.scalars(select(TicketRow).order_by(TicketRow.ticket_id))],
            "notes": [e.note for e in session.scalars(select(EscalationRow))],
            "decisions": [str(d.changes.get("internal_note")) for d in session.scalars(
                select(AppliedChangeRow).order_by(AppliedChangeRow.idempotency_key))],
            "alerts": [n.body for n in session.scalars(select(NotificationRow).order_by(NotificationRow.id))],
            "events": [str(i.event.get("changes")) for i in session.scalars(select(InboxRow))],
        }


def test_retention_removes_old_text_and_keeps_the_figures(store: Store) -> None:
    seed(store)
    with store.session() as session:  # ticket 104 was solved two days ago, the rest is recent
        solved = session.scalar(select(TicketRow).where(TicketRow.ticket_id == "104"))
        assert solved is not None
        solved.solved_at = NOW - timedelta(days=2)
    keep = load_config(data={}, environ={})
    config = load_config(data={"history": {"retention": "30m"}}, environ={})
    with store.session() as session:
        reports = (weekly_report(session, config, "2026-W48").to_json(), resolution_averages(session, NOW).to_json())
        escalation = session.scalars(select(EscalationRow)).one()
        figures = (escalation.at, escalation.rule, escalation.from_tier, escalation.to_tier, escalation.actor)
    untouched = texts(store)
    assert any(LEGAL_PHRASE in note for note in untouched["notes"])

    assert not any("text removed" in label for label in run_cleanup(store, keep, NOW))  # default: keep
    assert texts(store) == untouched

    counts = run_cleanup(store, config, NOW, dry_run=True)
    assert counts["escalation texts (text removed)"] == 1 and counts["ticket subjects (text removed)"] == 1
    assert texts(store) == untouched  # a dry run changes nothing

    counts = run_cleanup(store, config, NOW)
    # 101's decision, escalation, alert and event are 50 minutes old; 102's decision 5 minutes; 104 solved 2 days
    assert {k: v for k, v in counts.items() if "text removed" in k} == {
        "ticket subjects (text removed)": 1, "escalation texts (text removed)": 1,
        "decision texts (text removed)": 1, "alert texts (text removed)": 1, "event payloads (text removed)": 1}
    now = texts(store)
    assert now["subjects"] == [LEGAL_SUBJECT, "Production down ZQXHANK", "How do I change my password?", ""]
    assert now["notes"] == [""] and now["events"] == ["{}"]
    assert now["decisions"] == ["", "Outage: paging on-call."]  # 102's, 5 minutes old, keeps its note
    assert now["alerts"][0] == "" and now["alerts"][1] == "Production down"
    with store.session() as session:
        escalation = session.scalars(select(EscalationRow)).one()
        assert (escalation.at, escalation.rule, escalation.from_tier, escalation.to_tier, escalation.actor) == figures
        assert escalation.reason == "" and escalation.text_removed_at == NOW
        assert escalation.figures == {"legal_keywords": {"keywords": [], "matter": "legal"}, "routing": "legal"}
        assert (weekly_report(session, config, "2026-W48").to_json(),
                resolution_averages(session, NOW).to_json()) == reports
    assert not any(v for k, v in run_cleanup(store, config, NOW).items() if "text removed" in k)  # done once


def test_a_scrubbed_decision_keeps_its_shape_and_numbers() -> None:
    decision = {"internal_note": "Dana wrote...", "public_reply": None, "priority": "high", "tier": 4,
                "task": {"tier": 4, "subject": "Task: Dana", "body": "note", "due_at": None},
                "notifications": [{"role": "on_call", "title": "Dana", "body": "Dana", "urgent": True}],
                "reasons": [{"rule": "legal_keywords", "summary": '"my lawyer"',
                             "figures": {"keywords": ["my lawyer"], "matter": "legal"}}],
                "escalations": [{"rule": "legal_threat", "reason": "x", "note": "y", "to_tier": 4,
                                 "figures": {"legal_keywords": {"keywords": ["my lawyer"]}, "score": -0.9}}],
                "clocks": [{"kind": "first_response", "share": 0.8}]}
    scrubbed = scrub_decision(decision)
    assert scrubbed["internal_note"] == "" and scrubbed["public_reply"] is None
    assert scrubbed["task"] == {"tier": 4, "subject": "", "body": "", "due_at": None}
    assert scrubbed["notifications"] == [{"role": "on_call", "title": "", "body": "", "urgent": True}]
    assert scrubbed["reasons"] == [{"rule": "legal_keywords", "summary": "",
                                    "figures": {"keywords": [], "matter": "legal"}}]
    assert scrubbed["escalations"][0]["figures"] == {"legal_keywords": {"keywords": []}, "score": -0.9}
    assert scrubbed["clocks"] == decision["clocks"] and scrubbed["tier"] == 4
    assert scrub_figures({"a": [{"keywords": "x"}]}) == {"a": [{"keywords": []}]}
