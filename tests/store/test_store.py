"""The store on SQLite and PostgreSQL: every repository function, the races that must not raise, migrations,
cleanup."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from plugin.domain import (
    Customer,
    Decision,
    EscalationEntry,
    EventKind,
    Notification,
    Priority,
    Status,
    Ticket,
    TicketChanges,
    TicketEvent,
    WorkflowState,
)
from plugin.kept import KEPT_FOR
from plugin.store import Store
from plugin.store import repository as repo
from plugin.store.cleanup import cleanup
from plugin.store.models import (
    Base,
    EscalationRow,
    KeptTicketRow,
    NotificationRow,
    PriorityHistoryRow,
    ReportRow,
    StatusHistoryRow,
)
from plugin.store.ticket_store import SqlTicketStore

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def event(delivery: str = "d-1", ticket: str = "42", status: Status | None = None) -> TicketEvent:
    return TicketEvent(platform="zendesk", delivery_id=delivery, ticket_id=ticket, kind=EventKind.STATUS_CHANGED,
                       occurred_at=NOW, changes={"status": ["new", "open"]}, status=status)


def ticket(**fields: object) -> Ticket:
    base: dict[str, object] = {"platform": "zendesk", "id": "42", "subject": "Export broken", "status": Status.NEW,
                               "created_at": NOW, "updated_at": NOW, "priority": Priority.MEDIUM}
    base.update(fields)
    return Ticket(**base)  # type: ignore[arg-type]


def test_migrations_are_a_no_op_the_second_time(store: Store) -> None:
    store.upgrade()
    store.upgrade()
    assert store.ping()


def test_the_migrations_build_the_schema_the_models_describe(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_inbox_dedupes_a_redelivery(store: Store) -> None:
    with store.session() as s:
        assert repo.add_event(s, event(), NOW) is True
        assert repo.add_event(s, event(), NOW) is False
        assert repo.add_event(s, event("d-2"), NOW) is True
    with store.session() as s:
        rows = repo.unprocessed_events(s, platform="zendesk", ticket_id="42")
        assert [r.delivery_id for r in rows] == ["d-1", "d-2"]
        assert rows[0].event["changes"] == {"status": ["new", "open"]}
        first = rows[0].id
    SqlTicketStore(store).finish_events([first], NOW)
    with store.session() as s:
        assert [r.delivery_id for r in repo.unprocessed_events(s)] == ["d-2"]
        assert repo.unprocessed_events(s, older_than=NOW) == []
        assert len(repo.unprocessed_events(s, older_than=NOW + timedelta(seconds=1))) == 1


def at_once(action: Callable[[threading.Barrier], bool], count: int = 6) -> list[bool]:
    """Run `action` in `count` threads released together (each waits on the barrier where the race should start);
    their results, sorted; no thread may raise."""
    results: list[bool] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(count)

    def run() -> None:
        try:
            results.append(action(barrier))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    return sorted(results)


def test_inbox_race_has_exactly_one_winner_and_no_exception(store: Store) -> None:
    def insert(barrier: threading.Barrier) -> bool:
        barrier.wait()
        with store.session() as s:
            return repo.add_event(s, event("race"), NOW)

    assert at_once(insert) == [False] * 5 + [True]


def test_mirror_records_status_and_priority_changes(store: Store) -> None:
    with store.session() as s:
        row = repo.upsert_mirror(s, ticket(), NOW)
        assert (row.status, row.initial_priority, row.workflow_state) == ("new", 2, "new")
    later = NOW + timedelta(minutes=5)
    with store.session() as s:
        repo.upsert_mirror(s, ticket(status=Status.OPEN, priority=Priority.HIGH, updated_at=later), later)
        repo.upsert_mirror(s, ticket(status=Status.OPEN, priority=Priority.HIGH, updated_at=later), later)
    with store.session() as s:
        history = repo.load_history(s, "zendesk", "42")
        assert [(c.status, c.at) for c in history.status_changes] == [(Status.NEW, NOW), (Status.OPEN, later)]
        assert history.initial_priority == Priority.MEDIUM
        mirror = repo.get_mirror(s, "zendesk", "42")
        assert mirror is not None and mirror.priority == Priority.HIGH.value


def test_record_status_skips_repeats(store: Store) -> None:
    with store.session() as s:
        assert repo.record_status(s, "zendesk", "42", Status.OPEN, NOW, "webhook")
        assert not repo.record_status(s, "zendesk", "42", Status.OPEN, NOW + timedelta(minutes=1), "webhook")
        assert repo.record_status(s, "zendesk", "42", Status.PENDING, NOW + timedelta(minutes=2), "webhook")


def test_record_decision_keeps_escalations_and_fired_keys(store: Store) -> None:
    with store.session() as s:
        repo.upsert_mirror(s, ticket(), NOW)
    entry = EscalationEntry(ticket_id="42", at=NOW, from_tier=1, to_tier=2, rule="sla_breach", reason="late",
                            figures={"clock": "first_response", "elapsed_share": 1.02}, actor="rule:sla_breach",
                            note="handoff")
    decision = Decision(ticket_id="42", at=NOW, changes=TicketChanges(priority=Priority.HIGH),
                        escalations=(entry,), fired=frozenset({"rule:sla_breach", "scored"}), tier=2,
                        workflow_state=WorkflowState.ESCALATED, next_check_at=NOW + timedelta(hours=1))
    with store.session() as s:
        repo.record_decision(s, "zendesk", decision, NOW)
    with store.session() as s:
        history = repo.load_history(s, "zendesk", "42")
        assert history.fired == {"rule:sla_breach", "scored"}
        assert [(e.from_tier, e.to_tier, e.figures["elapsed_share"]) for e in history.escalations] == [(1, 2, 1.02)]
        mirror = repo.get_mirror(s, "zendesk", "42")
        assert mirror is not None
        assert (mirror.tier, mirror.escalated, mirror.first_escalated_at, mirror.workflow_state) == (
            2, True, NOW, "escalated")
        assert mirror.priority == Priority.HIGH.value


def test_a_backfilled_escalation_keeps_its_interval_and_is_not_replaced_as_the_first(store: Store) -> None:
    later = NOW + timedelta(days=2)
    with store.session() as s:
        row = repo.upsert_mirror(s, ticket(), NOW)
        entry = repo.record_backfilled_escalation(s, row, 3, NOW, NOW + timedelta(hours=5), ["escalated", "tier_3"])
        assert (entry.actor, entry.from_tier, entry.to_tier, entry.earliest_at) == ("backfill", 1, 3, NOW)
        assert row.escalated and row.tier == 3 and row.first_escalated_at is None  # the time is not known
        escalation = EscalationEntry(ticket_id="42", at=later, from_tier=3, to_tier=4, rule="sla_breach",
                                     reason="why", figures={}, actor="rule:sla_breach", note="")
        repo.record_decision(s, "zendesk", Decision(ticket_id="42", at=later, escalations=(escalation,),
                                                    tier=4), later)
        # the tier-4 escalation is not the ticket's first: the time to escalate stays unknown
        assert row.first_escalated_at is None and row.escalation_seconds is None and row.tier == 4
    with store.session() as s:
        other = repo.upsert_mirror(s, ticket(id="43"), NOW)
        repo.record_backfilled_escalation(s, other, 2, NOW, NOW, ["tier_2"])  # created escalated: known
        assert other.first_escalated_at == NOW and other.escalation_seconds == 0


def test_timers_supersede_and_fire_once(store: Store) -> None:
    with store.session() as s:
        repo.upsert_mirror(s, ticket(), NOW)
        first = repo.arm_timer(s, "zendesk", "42", NOW + timedelta(minutes=48), "threshold", NOW)
        same = repo.arm_timer(s, "zendesk", "42", NOW + timedelta(minutes=48), "threshold", NOW)
        assert same.version == first.version == 1
        second = repo.arm_timer(s, "zendesk", "42", NOW + timedelta(minutes=30), "threshold", NOW)
        assert second.version == 2
    with store.session() as s:
        assert not repo.mark_timer_fired(s, "zendesk", "42", 1, NOW)  # superseded
        assert [t.version for t in repo.due_timers(s, NOW + timedelta(minutes=31))] == [2]
        assert repo.mark_timer_fired(s, "zendesk", "42", 2, NOW)
        assert not repo.mark_timer_fired(s, "zendesk", "42", 2, NOW)
        assert repo.due_timers(s, NOW + timedelta(hours=1)) == []


def test_customer_cache_expires(store: Store) -> None:
    customer = Customer(id="7", name="Ann", email="ann@example.com", tags=frozenset({"vip"}),
                        fields={"lifetime_value": 12000})
    with store.session() as s:
        repo.cache_customer(s, "zendesk", customer, "vip", 12000.0, NOW, timedelta(hours=1))
    with store.session() as s:
        cached = repo.cached_customer(s, "zendesk", "7", NOW + timedelta(minutes=59))
        assert cached == customer
        assert repo.cached_customer(s, "zendesk", "7", NOW + timedelta(hours=1)) is None


def test_notifications_dedupe_within_the_period(store: Store) -> None:
    alert = Notification(role="support_manager", kind="unassigned_alert", ticket_id="42", dedupe_key="rule:x",
                         title="t", body="b")
    with store.session() as s:
        assert repo.queue_notification(s, "zendesk", alert, NOW, timedelta(hours=24))
        assert not repo.queue_notification(s, "zendesk", alert, NOW + timedelta(hours=23), timedelta(hours=24))
        assert repo.queue_notification(s, "zendesk", alert, NOW + timedelta(hours=25), timedelta(hours=24))
        other_role = Notification(**{**alert.__dict__, "role": "team_lead"})
        assert repo.queue_notification(s, "zendesk", other_role, NOW, timedelta(hours=24))
    with store.session() as s:
        pending = repo.pending_notifications(s, NOW + timedelta(hours=26))
        assert len(pending) == 3
        repo.mark_notification_sent(s, pending[0].id, NOW, ["mailto://smtp"], [])
        repo.mark_notification_failed(s, pending[1].id, NOW, "smtp down", final=False)
        repo.mark_notification_failed(s, pending[2].id, NOW, "smtp down", final=True)
    with store.session() as s:
        assert len(repo.pending_notifications(s, NOW + timedelta(hours=26))) == 1


def test_queueing_one_notification_concurrently_queues_it_once(store: Store) -> None:
    """A `report weekly --send` and the periodic job, or two workers, queue the same identity at once: one wins.
    (On PostgreSQL, READ COMMITTED lets both see "not queued yet" without the lock on the identity.)"""
    weekly = Notification(role="support_manager", kind="weekly_report", ticket_id="-", dedupe_key="weekly_report:W47",
                          title="t", body="b")

    def queue(barrier: threading.Barrier) -> bool:
        if store.turns is not None:  # SQLite: a process's transactions take the write lock in turn, never six at once
            barrier.wait()
        with store.session() as s:
            if store.turns is None:
                barrier.wait()
            return repo.queue_notification(s, "reports", weekly, NOW, timedelta(days=6))

    assert at_once(queue) == [False] * 5 + [True]
    with store.session() as s:
        assert len(list(s.scalars(select(NotificationRow)))) == 1


def test_a_notification_failed_for_good_can_be_put_back_with_its_delivered_channels(store: Store) -> None:
    alert = Notification(role="team_lead", kind="k", ticket_id="42", dedupe_key="k", title="t", body="b")
    with store.session() as s:
        repo.queue_notification(s, "zendesk", alert, NOW, timedelta(hours=24), not_before=NOW + timedelta(hours=1))
        assert repo.next_notification_due(s, NOW) == NOW + timedelta(hours=1)
        assert repo.next_notification_due(s, NOW + timedelta(hours=1)) is None
        assert repo.claim_next_notification(s, NOW, timedelta(minutes=5)) is None  # not due yet
        row = repo.claim_next_notification(s, NOW + timedelta(hours=1), timedelta(minutes=5))
        assert row is not None and row.status == "sending"
        assert repo.claim_next_notification(s, NOW + timedelta(hours=1), timedelta(minutes=5)) is None  # taken
        repo.note_channel_delivered(s, row.id, "mailto://smtp (team_lead #1)")
        repo.mark_notification_failed(s, row.id, NOW, "not delivered to slack://*** (team_lead #2)", final=True,
                                      channels_ok=["mailto://smtp (team_lead #1)"],
                                      channels_failed=["slack://*** (team_lead #2)"])
        row_id = row.id
    with store.session() as s:
        row = s.get(NotificationRow, row_id)
        assert row is not None and (row.status, row.attempts) == ("partial", 1)
        assert not repo.queue_notification(s, "zendesk", alert, NOW, timedelta(hours=24))  # it reached someone
        assert repo.requeue_notification(s, row_id)
        assert not repo.requeue_notification(s, row_id)  # pending now: nothing to put back
    with store.session() as s:
        [again] = repo.pending_notifications(s, NOW)
        assert (again.status, again.attempts, again.channels_ok) == ("pending", 0, ["mailto://smtp (team_lead #1)"])


def test_senders_side_by_side_each_claim_a_different_notification_and_none_comes_back_empty(store: Store) -> None:
    for i in range(6):
        alert = Notification(role="team_lead", kind="k", ticket_id=str(i), dedupe_key=f"k{i}", title="t", body="b",
                             urgent=i == 5)
        with store.session() as s:
            repo.queue_notification(s, "zendesk", alert, NOW, timedelta(hours=24))
    claimed: list[str] = []

    def claim(barrier: threading.Barrier) -> bool:
        barrier.wait()
        with store.session() as s:
            row = repo.claim_next_notification(s, NOW, timedelta(minutes=5), owner="p")
            if row is not None:
                claimed.append(row.ticket_id)
            return row is not None

    assert at_once(claim) == [True] * 6  # six due, six senders: none lost a race and came back empty
    assert sorted(claimed) == [str(i) for i in range(6)]
    with store.session() as s:
        assert repo.claim_next_notification(s, NOW, timedelta(minutes=5)) is None
        first = repo.claim_next_notification(s, NOW + timedelta(minutes=6), timedelta(minutes=5))
        assert first is not None and first.ticket_id == "5"  # a dead sender's claims come back, urgent first


def test_business_hours_deferral(store: Store) -> None:
    alert = Notification(role="team_lead", kind="k", ticket_id="42", dedupe_key="k", title="t", body="b")
    with store.session() as s:
        repo.queue_notification(s, "zendesk", alert, NOW, timedelta(hours=24), not_before=NOW + timedelta(hours=8))
    with store.session() as s:
        assert repo.pending_notifications(s, NOW) == []
        assert len(repo.pending_notifications(s, NOW + timedelta(hours=8))) == 1


def test_dead_letters(store: Store) -> None:
    with store.session() as s:
        row = repo.add_dead_letter(s, "process_ticket", ["zendesk", "42", "event"], "Boom", 6, NOW, "zendesk", "42")
        dead_id = row.id
    with store.session() as s:
        assert [d.id for d in repo.list_dead_letters(s)] == [dead_id]
        repo.mark_dead_letter_retried(s, dead_id, NOW)
        assert repo.drop_dead_letter(s, dead_id, NOW)
        assert not repo.drop_dead_letter(s, dead_id, NOW)
    with store.session() as s:
        assert repo.list_dead_letters(s) == []
        assert len(repo.list_dead_letters(s, include_dropped=True)) == 1


def test_naive_datetimes_are_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="timezone-aware"), store.session() as s:
        repo.add_event(s, event(), datetime(2026, 1, 1))


def _snapshot(store: Store) -> dict[str, list[tuple[object, ...]]]:
    with store.engine.connect() as connection:
        return {t.name: sorted(map(tuple, connection.execute(t.select())), key=repr)
                for t in Base.metadata.sorted_tables}


def test_cleanup_dry_run_changes_nothing_and_history_is_never_deleted(store: Store) -> None:
    old = NOW - timedelta(days=90)
    with store.session() as s:
        repo.add_event(s, event("old"), old)
        old_ids = [r.id for r in repo.unprocessed_events(s)]
    SqlTicketStore(store).finish_events(old_ids, old)
    with store.session() as s:
        repo.add_event(s, event("fresh"), NOW)
        repo.upsert_mirror(s, ticket(created_at=old, updated_at=old), old)
        repo.arm_timer(s, "zendesk", "42", old + timedelta(hours=1), "threshold", old)
        repo.arm_timer(s, "zendesk", "42", old + timedelta(hours=2), "threshold", old)
        s.add(StatusHistoryRow(platform="zendesk", ticket_id="42", at=old + timedelta(seconds=1), status="new",
                               workflow_state=None, source="x"))
        s.add(EscalationRow(platform="zendesk", ticket_id="42", at=old, from_tier=1, to_tier=2, rule="r",
                            reason="why", figures={}, actor="rule:r", note="n"))
        repo.save_report(s, "weekly", "2026-W30", {"escalated": 3}, "<p>3</p>", old)
        repo.cache_customer(s, "zendesk", Customer(id="1"), "standard", None, old, timedelta(hours=1))
    tickets = SqlTicketStore(store)
    tickets.observe(ticket(id="43"), [], NOW - KEPT_FOR - timedelta(seconds=1))  # kept past its use
    tickets.observe(ticket(id="44"), [], NOW - KEPT_FOR + timedelta(seconds=1))  # still of use
    before = _snapshot(store)
    with store.session() as s:
        counts = cleanup(s, NOW, timedelta(days=30), dry_run=True)
    assert _snapshot(store) == before
    assert counts["processed inbox events"] == 1
    assert counts["finished timers"] == 1
    assert counts["repeated status rows"] == 1
    assert counts["expired customer profiles"] == 1
    assert counts["kept tickets past use"] == 1
    with store.session() as s:
        assert cleanup(s, NOW, timedelta(days=30), dry_run=False) == counts
    with store.session() as s:
        assert list(s.scalars(select(KeptTicketRow.ticket_id))) == ["44"]
        assert [r.delivery_id for r in repo.unprocessed_events(s)] == ["fresh"]
        assert len(list(s.scalars(select(EscalationRow)))) == 1
        assert len(list(s.scalars(select(ReportRow)))) == 1
        assert cleanup(s, NOW, timedelta(days=30), dry_run=False)["processed inbox events"] == 0


def test_cleanup_finds_repeated_history_rows_in_the_database_as_a_plain_loop_does(store: Store) -> None:
    import random

    rng = random.Random(5)
    statuses, priorities = [], []
    for number in range(40):
        at = NOW - timedelta(days=60)
        for _ in range(rng.randint(1, 8)):
            at += timedelta(minutes=rng.choice([0, 5, 60]))  # equal times too: the id breaks the tie
            statuses.append(StatusHistoryRow(platform=rng.choice(["zendesk", "freshdesk"]), ticket_id=str(number),
                                             at=at, status=rng.choice(["open", "pending"]),
                                             workflow_state=rng.choice([None, None, "escalated"]), source="x"))
            priorities.append(PriorityHistoryRow(platform="zendesk", ticket_id=str(number), at=at,
                                                 priority=rng.choice([None, 2, 3]), tier=rng.choice([1, 1, 2]),
                                                 actor="x"))
    with store.session() as s:
        s.add_all(statuses + priorities)
    with store.session() as s:
        def repeats(model: type[Any], columns: tuple[str, ...]) -> set[int]:
            rows = sorted(s.scalars(select(model)), key=lambda r: (r.platform, r.ticket_id, r.at, r.id))
            out, previous = set(), None
            for row in rows:
                key = (row.platform, row.ticket_id, *(getattr(row, c) for c in columns))
                if previous is not None and key == previous:
                    out.add(row.id)
                previous = key
            return out

        expected_status = repeats(StatusHistoryRow, ("status", "workflow_state"))
        expected_priority = repeats(PriorityHistoryRow, ("priority", "tier"))
        kept = {r.id for r in s.scalars(select(StatusHistoryRow))} - expected_status
    assert len(expected_status) > 10 and len(expected_priority) > 10
    with store.session() as s:
        counts = cleanup(s, NOW, timedelta(days=30), dry_run=False)
    assert (counts["repeated status rows"], counts["repeated priority rows"]) == (len(expected_status),
                                                                                 len(expected_priority))
    with store.session() as s:
        assert {r.id for r in s.scalars(select(StatusHistoryRow))} == kept


def test_tickets_with_unfinished_work_are_known_to_reconcile(store: Store) -> None:
    """Reconcile leaves alone a ticket whose event or decision is still under way: recovery is handling it."""
    tickets = SqlTicketStore(store)
    tickets.add_event(event("d-1"), NOW)
    with store.session() as s:
        assert repo.tickets_with_unfinished_work(s, "zendesk", ["42", "43"]) == {"42"}
        assert repo.tickets_with_unfinished_work(s, "freshdesk", ["42"]) == set()
    with store.session() as s:
        [row] = repo.unprocessed_events(s)
        done = row.id
    tickets.finish_events([done], NOW)
    with store.session() as s:
        assert repo.tickets_with_unfinished_work(s, "zendesk", ["42"]) == set()
