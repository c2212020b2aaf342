"""The mirror remembers when the assignee last changed, and the history the engine gets carries it: an agent who
un-assigns a ticket starts the unassigned wait again, so the manager hears about it two hours later."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from plugin.config import load_config
from plugin.domain import Priority, Status, Ticket
from plugin.engine import Engine
from plugin.store import Store
from plugin.store import repository as repo

OPENED = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TICKET = Ticket(platform="zendesk", id="42", subject="Export broken", status=Status.OPEN, created_at=OPENED,
                updated_at=OPENED, priority=Priority.LOW, assignee_id="7001")


def test_an_unassignment_is_remembered_and_restarts_the_unassigned_wait(store: Store) -> None:
    with store.session() as session:
        repo.upsert_mirror(session, TICKET, OPENED)
        assert repo.load_history(session, "zendesk", "42").assigned_at is None  # first sight is no change
    dropped_at = OPENED + timedelta(days=2)
    dropped = replace(TICKET, assignee_id=None, updated_at=dropped_at)
    with store.session() as session:
        repo.upsert_mirror(session, dropped, dropped_at + timedelta(seconds=3))
        history = repo.load_history(session, "zendesk", "42")
    assert history.assigned_at == dropped_at
    engine = Engine(load_config(data={"schedules": {"default": {"hours": {
        d: ["00:00-24:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}}}}))
    early = engine.decide(dropped, None, history, dropped_at + timedelta(hours=1))
    assert "unassigned_alert" not in early.changes.add_tags  # the two hours run from the un-assignment
    assert early.next_check_at == dropped_at + timedelta(hours=2)
    late = engine.decide(dropped, None, history, dropped_at + timedelta(hours=2, minutes=1))
    assert "unassigned_alert" in late.changes.add_tags
    with store.session() as session:  # the same state read again is no new change
        repo.upsert_mirror(session, dropped, dropped_at + timedelta(hours=3))
        assert repo.load_history(session, "zendesk", "42").assigned_at == dropped_at
