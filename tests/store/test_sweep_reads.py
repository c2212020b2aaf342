"""The store's side of the minute's sweep (issue 15): its reads are index ranges over what is due or unfinished, never
a walk over every ticket, event or timer kept; the hand-over of due timers. On SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, text

from plugin.store import Store
from plugin.store import repository as repo
from plugin.store.database import MIGRATIONS
from plugin.store.models import TimerRow
from plugin.store.ticket_store import SqlTicketStore

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
SWEPT_TABLES = ("inbox", "applied_changes", "timers")


def selects_of(store: Store, run: Callable[[], object]) -> list[tuple[str, Any]]:
    """The SELECT statements `run` sends to the database, with their parameters."""
    seen: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", capture)
    try:
        run()
    finally:
        event.remove(store.engine, "before_cursor_execute", capture)
    return seen


def plan(store: Store, statement: str, parameters: Any) -> str:
    """The database's plan for the statement; on PostgreSQL with sequential scans priced out, so that the plan
    shows whether an index can bound the read (an empty table would be scanned whatever the indexes). SQLite's
    planner is the strict judge here: it names a range (SEARCH) or a walk over every entry (SCAN)."""
    with store.engine.connect() as connection:
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        if store.dialect == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters)
            return "\n".join(str(row[-1]) for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + statement, parameters)
        return "\n".join(str(row[0]) for row in cursor.fetchall())


def assert_index_ranges(store: Store, statements: list[tuple[str, Any]]) -> None:
    assert statements
    for statement, parameters in statements:
        shown = plan(store, statement, parameters)
        for table in SWEPT_TABLES:
            if f"FROM {table}" not in statement:
                continue
            if store.dialect == "sqlite":  # SEARCH: an index range; SCAN: every row (or every index entry)
                assert f"SEARCH {table} USING INDEX" in shown, (statement, shown)
            else:  # PostgreSQL picks among the indexes by its statistics: an index bounds the read, no table scan
                assert "Seq Scan" not in shown and "Index Cond" in shown, (statement, shown)


def test_the_sweeps_reads_are_index_ranges(store: Store) -> None:
    tickets = SqlTicketStore(store)
    statements = selects_of(store, lambda: (tickets.unfinished(NOW, NOW - timedelta(seconds=30), 5000),
                                            tickets.hand_over_due_timers(NOW, NOW + timedelta(minutes=5), 500)))
    assert_index_ranges(store, statements)


def arm(store: Store, ticket_id: str, due_at: datetime) -> int:
    with store.session() as session:
        return repo.arm_timer(session, "zendesk", ticket_id, due_at, "threshold", NOW - timedelta(hours=1)).version


def test_the_hand_over_takes_the_most_overdue_armed_timers_and_moves_them_to_the_recheck_time(store: Store) -> None:
    arm(store, "1", NOW - timedelta(minutes=1))
    arm(store, "2", NOW - timedelta(minutes=9))
    arm(store, "3", NOW)
    arm(store, "4", NOW + timedelta(seconds=1))
    arm(store, "5", NOW - timedelta(minutes=20))
    arm(store, "5", NOW + timedelta(hours=1))  # superseded, not handed over
    arm(store, "6", NOW - timedelta(minutes=30))
    with store.session() as session:
        repo.mark_timer_fired(session, "zendesk", "6", 1, NOW)
    recheck = NOW + timedelta(minutes=5)
    tickets = SqlTicketStore(store)
    assert tickets.hand_over_due_timers(NOW, recheck, 2) == [("zendesk", "2", 1, NOW - timedelta(minutes=9)),
                                                             ("zendesk", "1", 1, NOW - timedelta(minutes=1))]
    assert tickets.hand_over_due_timers(NOW, recheck, 10) == [("zendesk", "3", 1, NOW)]
    assert tickets.hand_over_due_timers(NOW, recheck, 10) == []
    with store.session() as session:
        rows = {(t.ticket_id, t.version): (t.state, t.due_at, t.recheck_at) for t in session.scalars(select(TimerRow))}
    assert rows[("1", 1)] == ("armed", NOW - timedelta(minutes=1), recheck)  # its due time stays: late until done
    assert rows[("2", 1)][2] == rows[("3", 1)][2] == recheck
    assert rows[("4", 1)] == ("armed", NOW + timedelta(seconds=1), None)
    assert rows[("5", 1)] == ("superseded", NOW - timedelta(minutes=20), None)
    assert rows[("6", 1)] == ("fired", NOW - timedelta(minutes=30), None)
    assert tickets.hand_over_due_timers(recheck - timedelta(seconds=1), recheck + timedelta(minutes=5), 10) == [
        ("zendesk", "4", 1, NOW + timedelta(seconds=1))]  # the one not handed over yet; the rest wait for `recheck`
    assert [t for _, t, _, _ in tickets.hand_over_due_timers(recheck, recheck + timedelta(minutes=5), 10)] == \
        ["2", "1", "3"]


def test_a_timer_handed_over_is_still_the_workers_to_fire_or_supersede(store: Store) -> None:
    arm(store, "1", NOW - timedelta(minutes=1))
    arm(store, "2", NOW - timedelta(minutes=1))
    tickets = SqlTicketStore(store)
    assert len(tickets.hand_over_due_timers(NOW, NOW + timedelta(minutes=5), 10)) == 2
    assert tickets.timer_armed("zendesk", "1", 1) and tickets.fire_timer("zendesk", "1", 1, NOW)
    assert arm(store, "2", NOW + timedelta(minutes=30)) == 2  # the decision's next check supersedes it
    assert tickets.hand_over_due_timers(NOW + timedelta(minutes=6), NOW + timedelta(minutes=11), 10) == []
    assert tickets.due_timers(NOW + timedelta(minutes=31), 1) == [("zendesk", "2", 2)]


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'escalator.db'}"
    return str(request.getfixturevalue("fresh_postgres_url"))


def test_migration_0010_adds_the_recheck_time_and_timers_armed_before_it_are_handed_over(database_url: str) -> None:
    from alembic import command
    from alembic.config import Config

    store = Store(database_url)
    try:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0009")
            connection.execute(text(
                "INSERT INTO timers (platform, ticket_id, version, due_at, reason, state, created_at) "
                "VALUES ('zendesk', '1', 3, :due, 'threshold', 'armed', :due)"), {"due": NOW - timedelta(minutes=2)})
        store.upgrade()
        tickets = SqlTicketStore(store)
        assert tickets.hand_over_due_timers(NOW, NOW + timedelta(minutes=5), 10) == [
            ("zendesk", "1", 3, NOW - timedelta(minutes=2))]
        assert tickets.hand_over_due_timers(NOW, NOW + timedelta(minutes=5), 10) == []
    finally:
        store.dispose()
