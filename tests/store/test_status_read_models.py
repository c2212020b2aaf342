"""The status pages' read models and what the store keeps for them, on SQLite and PostgreSQL: the At risk order
kept on each decision and paged across breached, upcoming and paused tickets; a decision's rules, tier and alerts;
the customer tier and requester digest; job runs; and migration 0006 filling all of it in for existing rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import JSON, column, insert, select, table, text
from status_kit import NOW, clock, seed

from plugin.domain import ClockKind, Customer, Decision, Priority, Status, Ticket
from plugin.store import Store
from plugin.store import repository as repo
from plugin.store.at_risk import at_risk
from plugin.store.database import MIGRATIONS
from plugin.store.decisions import DecisionFilter, recent_decisions, rule_names
from plugin.store.job_runs import last_runs, note_run
from plugin.store.models import DecisionRuleRow, RequesterRow, TicketRow
from plugin.store.operations import backlog, dead_letters
from plugin.store.ticket_store import SqlTicketStore


def ticket(number: int, status: Status = Status.OPEN, platform: str = "zendesk") -> Ticket:
    return Ticket(platform=platform, id=str(number), subject=f"ticket {number}", status=status, created_at=NOW,
                  updated_at=NOW, priority=Priority.HIGH, requester_id=f"r{number}")


def decide(tickets: SqlTicketStore, item: Ticket, *, due_in: timedelta | None, tier: int = 1) -> None:
    clocks = () if due_in is None else (clock(ClockKind.RESOLUTION, timedelta(hours=8), timedelta(hours=8) - due_in),)
    tickets.observe(item, [], NOW)
    with tickets.store.session() as session:
        repo.record_decision(session, item.platform, Decision(ticket_id=item.id, at=NOW, clocks=clocks, tier=tier),
                             NOW)


def test_at_risk_pages_through_breached_upcoming_and_paused_tickets(store: Store) -> None:
    tickets = SqlTicketStore(store)
    dues = {n: timedelta(minutes=(n * 37) % 300 - 60) for n in range(1, 16)}  # some past (breached), most ahead
    for number, due in dues.items():
        decide(tickets, ticket(number), due_in=due, tier=2 if number % 3 == 0 else 1)
    for number in range(16, 21):
        decide(tickets, ticket(number, Status.PENDING), due_in=None)  # all clocks paused
    for number in range(21, 26):
        decide(tickets, ticket(number, Status.SOLVED), due_in=timedelta(minutes=5))  # done: never at risk
    expected = [str(n) for n in sorted(dues, key=lambda n: (dues[n], n))] + [str(n) for n in range(16, 21)]
    with store.session() as session:
        pages = [at_risk(session, page=p, size=7) for p in (1, 2, 3, 4)]
        assert [p.total for p in pages] == [20] * 4 and pages[0].pages == 3
        assert [t.ticket_id for p in pages for t in p.tickets] == expected
        assert pages[3].tickets == []
        tier_two = at_risk(session, size=50, tier=2)
        assert [t.ticket_id for t in tier_two.tickets] == [n for n in expected if int(n) % 3 == 0 and int(n) <= 15]
        assert at_risk(session, platform="freshdesk").total == 0
        first = session.scalar(select(TicketRow).where(TicketRow.ticket_id == expected[0]))
        assert first is not None and first.risk_at == NOW + dues[int(expected[0])]  # breached: its past due time


def test_the_risk_order_follows_the_next_check_and_leaves_with_the_ticket(store: Store) -> None:
    tickets = SqlTicketStore(store)
    item = ticket(1)
    tickets.observe(item, [], NOW)
    running = clock(ClockKind.FIRST_RESPONSE, timedelta(hours=1), timedelta(minutes=30))
    with store.session() as session:
        repo.record_decision(session, "zendesk", Decision(ticket_id="1", at=NOW, clocks=(running,),
                                                          next_check_at=NOW + timedelta(minutes=18)), NOW)
        row = repo.get_mirror(session, "zendesk", "1")
        assert row is not None and row.risk_at == NOW + timedelta(minutes=18)  # 80 % comes before 100 %
    tickets.observe(item.with_changes(status=Status.SOLVED), [], NOW)
    with store.session() as session:
        row = repo.get_mirror(session, "zendesk", "1")
        assert row is not None and row.risk_at is None and at_risk(session).total == 0


def test_a_decisions_rules_tier_and_alerts_are_kept_for_its_filters(store: Store) -> None:
    seed(store)
    with store.session() as session:
        kept = {(r.decision_key, r.rule) for r in session.scalars(select(DecisionRuleRow))}
        assert kept == {("key-legal-1", "legal_keywords"), ("key-legal-1", "legal_threat"),
                        ("key-shadow-1", "incident_page")}
        page = recent_decisions(session, DecisionFilter(rule="legal_threat"))
        [item] = page.items
        assert item.row.tier == 4 and item.row.mode == "live" and not page.has_more
        assert [(a.role, a.status) for a in item.alerts] == [("support_manager", "sent")]
        [shadow] = recent_decisions(session, DecisionFilter(mode="shadow")).items
        assert shadow.row.idempotency_key == "key-shadow-1" and [a.status for a in shadow.alerts] == ["failed"]
        day = DecisionFilter(since=NOW - timedelta(hours=1), until=NOW - timedelta(minutes=10))
        assert [i.row.ticket_id for i in recent_decisions(session, day).items] == ["101"]
        first = recent_decisions(session, DecisionFilter(), size=1)
        second = recent_decisions(session, DecisionFilter(), page=2, size=1)
        assert first.has_more and not second.has_more
        assert [i.row.ticket_id for i in (*first.items, *second.items)] == ["102", "101"]


def test_rule_names_come_from_reasons_escalations_and_matched_rules() -> None:
    assert rule_names(["legal_keywords"], ["legal_threat"], {"rule:vip_fast_track", "rule:unassigned_alert[x:1]",
                                                             "scored", "legal_keywords"}) == {
        "legal_keywords", "legal_threat", "vip_fast_track", "unassigned_alert"}


def test_the_customer_tier_and_the_requesters_digest_are_kept(store: Store) -> None:
    tickets = SqlTicketStore(store)
    item = ticket(7)
    tickets.observe(item, [], NOW)
    tickets.cache_customer("zendesk", Customer(id="r7", email=" Dana@Example.com "), "vip", None, NOW,
                           timedelta(hours=1))
    tickets.observe(ticket(8).with_changes(requester_id="r7"), [], NOW)  # a second ticket: the cached tier
    with store.session() as session:
        tiers = {t.ticket_id: t.customer_tier for t in session.scalars(select(TicketRow))}
        assert tiers == {"7": "vip", "8": "vip"}
        [digest] = session.scalars(select(RequesterRow))
        assert digest.email_digest == repo.email_digest("dana@example.com") and "dana" not in digest.email_digest


def test_operations_figures_and_job_runs(store: Store) -> None:
    seed(store)
    with store.session() as session:
        figures = backlog(session, NOW)
        assert (figures.inbox, figures.open_intents, figures.late_timers) == (0, 0, 1)
        assert figures.oldest_late_timer_at == NOW - timedelta(seconds=30)
        assert (figures.pending_alerts, figures.failed_alerts) == (0, 1)
        assert dead_letters(session).total == 1
        note_run(session, "sweep", NOW, NOW + timedelta(seconds=2), False, "error: zendesk: TransientError")
        [run] = last_runs(session)
        assert (run.runs, run.failures, run.ok, run.started_at) == (2, 1, False, NOW)


def _at(dialect: str, moment: datetime) -> Any:
    return moment.replace(tzinfo=None) if dialect == "sqlite" else moment


def test_migration_0006_fills_in_the_rows_it_finds(request: pytest.FixtureRequest, tmp_path: Any) -> None:
    for backend in ("sqlite", "postgres"):
        url = f"sqlite:///{tmp_path / 'old.db'}" if backend == "sqlite" else \
            request.getfixturevalue("fresh_postgres_url")
        db = Store(url)
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0005")
        due = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
        clocks = [{"kind": "first_response", "state": "warning", "running": True, "due_at": due.isoformat()},
                  {"kind": "resolution", "state": "fulfilled", "running": False, "due_at": None}]
        common = {"platform": "zendesk", "subject": "", "status": "open", "workflow_state": "new", "tier": 1,
                  "created_at": _at(db.dialect, NOW), "platform_updated_at": _at(db.dialect, NOW),
                  "first_seen_at": _at(db.dialect, NOW), "escalated": False, "reopened": 0, "contact_count": 1,
                  "tags": [], "fired": [], "timer_version": 0}
        decision = {"reasons": [{"rule": "legal_keywords"}], "escalations": [{"rule": "legal_threat"}], "tier": 4,
                    "fired": ["rule:legal_threat", "rule:sentiment_review[x]", "scored"]}
        with db.engine.begin() as connection:
            tickets = table("tickets", *[column(c, JSON() if c in ("tags", "fired", "clocks") else None)
                                         for c in [*common, "ticket_id", "clocks", "next_check_at"]])
            intents = table("applied_changes", *[column(c, JSON() if c == "changes" else None) for c in (
                "idempotency_key", "platform", "ticket_id", "decided_at", "applied_at", "changes", "write_requests",
                "outcome", "state")])
            tables = {"tickets": tickets, "applied_changes": intents}
            connection.execute(insert(tables["tickets"]), [
                {**common, "ticket_id": "1", "clocks": clocks, "next_check_at": _at(db.dialect, due + timedelta(1))},
                {**common, "ticket_id": "2", "clocks": [], "next_check_at": None},
                {**common, "ticket_id": "3", "status": "solved", "clocks": clocks, "next_check_at": None}])
            connection.execute(insert(tables["applied_changes"]), [{
                "idempotency_key": "old-1", "platform": "zendesk", "ticket_id": "1",
                "decided_at": _at(db.dialect, NOW), "applied_at": _at(db.dialect, NOW), "changes": decision,
                "write_requests": 1, "outcome": "recorded", "state": "recorded"}])
        db.upgrade()
        with db.session() as session:
            risk = {t.ticket_id: t.risk_at for t in session.scalars(select(TicketRow))}
            assert risk == {"1": due, "2": None, "3": None}
            rules = set(session.scalars(select(DecisionRuleRow.rule).where(DecisionRuleRow.decision_key == "old-1")))
            assert rules == {"legal_keywords", "legal_threat", "sentiment_review"}
            [item] = recent_decisions(session, DecisionFilter(rule="legal_threat", tier=4)).items
            assert item.row.mode == "live"
            assert session.execute(text("SELECT count(*) FROM job_runs")).scalar() == 0
        db.dispose()
