"""One contract, three stores: the in-memory store the pipeline's fast tests use must behave like the SQL store
(SQLite and PostgreSQL) on everything the pipeline relies on: leases, the inbox lifecycle, intents and their legal
moves, the one-transaction record, timers, and freeing what a dead process held."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from adapters.memory import MemoryStore
from plugin.domain import (
    Comment,
    Decision,
    EscalationEntry,
    EventKind,
    Notification,
    Priority,
    Status,
    Ticket,
    TicketChanges,
    TicketEvent,
    TicketSnapshot,
    is_ours,
)
from plugin.ledger import Intent, Part
from plugin.lifecycles import IllegalMove, IntentState
from plugin.ports import DecisionRecord, Taken, TicketStore
from plugin.store import Store
from plugin.store.ticket_store import SqlTicketStore

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
LEASE = timedelta(seconds=15)
TICKET = Ticket(platform="zendesk", id="42", subject="Export broken", status=Status.OPEN, created_at=NOW,
                updated_at=NOW, priority=Priority.MEDIUM, version="v1")
A, B = "host/100/1#t1", "host/200/1#t1"


@pytest.fixture(params=["memory", "sqlite", "postgres"])
def tickets(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TicketStore]:
    if request.param == "memory":
        yield MemoryStore()
        return
    if request.param == "sqlite":
        db = Store(f"sqlite:///{tmp_path / 'contract.db'}")
        db.upgrade()
        yield SqlTicketStore(db)
        db.dispose()
        return
    url = request.getfixturevalue("postgres_url")
    db = Store(url)
    db.upgrade()
    yield SqlTicketStore(db)
    from plugin.store.models import Base

    with db.engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
    db.dispose()


def event(delivery: str, ticket_id: str = "42") -> TicketEvent:
    return TicketEvent(platform="zendesk", delivery_id=delivery, ticket_id=ticket_id, kind=EventKind.UPDATED)


def decision(**fields: object) -> Decision:
    values: dict[str, object] = {
        "ticket_id": "42", "at": NOW, "changes": TicketChanges(priority=Priority.HIGH, internal_note="Escalated."),
        "fired": frozenset({"legal_keywords"}), "tier": 4, "next_check_at": NOW + timedelta(hours=1),
        "escalations": (EscalationEntry("42", NOW, 1, 4, "legal_threat", "Legal threat", {}, "rule:legal_threat"),),
        "notifications": (Notification("support_manager", "legal_threat", "42", "legal_keywords", "T", "B"),)}
    values.update(fields)
    return Decision(**values)  # type: ignore[arg-type]


def intent(key: str = "k1", **fields: object) -> Intent:
    values: dict[str, object] = {"key": key, "platform": "zendesk", "ticket_id": "42", "decision": decision(),
                                 "decided_at": NOW, "version": "v1"}
    values.update(fields)
    return Intent(**values)  # type: ignore[arg-type]


def record(key: str | None = "k1", event_ids: tuple[int, ...] = (), **fields: object) -> DecisionRecord:
    made = decision(**fields)
    return DecisionRecord(platform="zendesk", ticket=TICKET, decision=made, now=NOW, intent_key=key,
                          event_ids=event_ids, notifications=tuple((n, None) for n in made.notifications))


def take(tickets: TicketStore, owner: str, at: datetime = NOW) -> Taken | None:
    return tickets.take("zendesk:42", "zendesk", "42", owner, at, LEASE)


def open_intents(tickets: TicketStore) -> list[Intent]:
    """The open intents, as a run that takes the ticket sees them (its lease is let go again)."""
    taken = tickets.take("zendesk:42", "zendesk", "42", "host/999/1#look", NOW, LEASE)
    assert taken is not None
    tickets.release_events("zendesk", ["42"], "host/999/1#look", counted=False)
    tickets.release("zendesk:42", "host/999/1#look")
    return taken.intents


def test_a_lease_is_one_holders_until_it_expires_and_renewing_keeps_it(tickets: TicketStore) -> None:
    assert take(tickets, A) is not None
    assert take(tickets, B, NOW + timedelta(seconds=10)) is None
    assert tickets.renew("host/100/1", NOW + timedelta(seconds=10), LEASE) == 1
    assert take(tickets, B, NOW + timedelta(seconds=20)) is None  # renewed to 25 s
    assert tickets.leased(["zendesk:42", "zendesk:43"], NOW + timedelta(seconds=20)) == {"zendesk:42": None}
    assert take(tickets, B, NOW + timedelta(seconds=26)) is not None  # expired: taken over
    tickets.release("zendesk:42", A)  # not A's any more: nothing happens
    assert tickets.leased(["zendesk:42"], NOW + timedelta(seconds=27)) == {"zendesk:42": None}
    tickets.release("zendesk:42", B)
    assert tickets.leased(["zendesk:42"], NOW + timedelta(seconds=27)) == {}


def test_a_rate_limited_ticket_is_held_from_everyone_until_its_retry_time(tickets: TicketStore) -> None:
    assert take(tickets, A) is not None
    later = NOW + timedelta(seconds=40)
    tickets.hold("zendesk:42", A, later)
    tickets.release("zendesk:42", A)  # the run ends: the hold stays
    assert tickets.renew("host/100/1", NOW, LEASE) == 0  # no heartbeat keeps it
    assert tickets.owners() == set()  # nobody to declare dead
    assert take(tickets, B, NOW + timedelta(seconds=39)) is None
    assert tickets.leased(["zendesk:42"], NOW + timedelta(seconds=39)) == {"zendesk:42": later}
    assert take(tickets, B, NOW + timedelta(seconds=41)) is not None


def test_the_inbox_lifecycle(tickets: TicketStore) -> None:
    assert tickets.add_event(event("d1"), NOW) and not tickets.add_event(event("d1"), NOW)
    assert tickets.add_event(event("d2"), NOW)
    first = take(tickets, A)
    assert first is not None and first.intents == []
    taken = first.events
    assert [e.event.delivery_id for e in taken if e.event] == ["d1", "d2"] and taken[0].attempts == 1
    assert tickets.owners() == {"host/100/1"}
    assert take(tickets, B) is None  # held: nothing taken
    assert [e.attempts for e in taken] == [1, 1]
    tickets.release_events("zendesk", ["42"], A)  # the run gave up: back to the inbox
    tickets.release("zendesk:42", A)
    second = take(tickets, B)
    assert second is not None and [e.attempts for e in second.events] == [2, 2]
    tickets.release_events("zendesk", ["42"], B, counted=False)  # a rate limit: waited out, not an attempt spent
    tickets.release("zendesk:42", B)
    third = take(tickets, B)
    assert third is not None
    again = third.events
    assert [e.attempts for e in again] == [2, 2]
    tickets.finish_events([again[0].id], NOW)
    assert [(p, t) for p, t, _ in tickets.unfinished(NOW, None, 10)] == [("zendesk", "42")]
    tickets.defer("zendesk", "42", NOW + timedelta(seconds=30))
    assert tickets.unfinished(NOW, None, 10) == [("zendesk", "42", NOW + timedelta(seconds=30))]
    assert tickets.unfinished(NOW, NOW - timedelta(seconds=1), 10) == []  # younger than the cut-off
    tickets.finish_events([again[1].id], NOW)
    assert tickets.unfinished(NOW, None, 10) == []


def test_a_dead_processs_leases_and_events_are_freed(tickets: TicketStore) -> None:
    tickets.add_event(event("d1"), NOW)
    assert take(tickets, A) is not None
    released = tickets.release_owners(["host/100/1"])
    assert (released.leases, released.events) == (1, 1)
    assert tickets.owners() == set()
    taken = take(tickets, B)
    assert taken is not None and len(taken.events) == 1


def test_intents_move_only_as_their_lifecycle_allows(tickets: TicketStore) -> None:
    tickets.observe(TICKET, [], NOW)
    tickets.save_intent(intent())
    assert [i.key for i in open_intents(tickets)] == ["k1"]
    writing = tickets.move_intent("k1", IntentState.WRITING)
    assert writing.state == IntentState.WRITING
    failed = tickets.move_intent("k1", IntentState.WRITING, landed=[Part.FIELDS], error="503")
    assert failed.landed == {Part.FIELDS} and failed.attempts == 1 and failed.last_error == "503"
    limited = tickets.move_intent("k1", IntentState.WRITING, error="429", counted=False)
    assert limited.attempts == 1 and limited.last_error == "429"
    [loaded] = open_intents(tickets)
    assert loaded.decision.changes == decision().changes and loaded.version == "v1"
    assert loaded.decision.notifications == decision().notifications  # all a recovery needs to finish it
    landed = tickets.move_intent("k1", IntentState.LANDED, landed=[Part.NOTE])
    assert landed.landed == {Part.FIELDS, Part.NOTE}
    with pytest.raises(IllegalMove):
        tickets.move_intent("k1", IntentState.ABANDONED)  # it landed: it can only be recorded


def test_a_record_is_everything_at_once_and_only_once(tickets: TicketStore) -> None:
    tickets.add_event(event("d1"), NOW)
    observed = tickets.observe(TICKET, [], NOW)
    assert observed.first_decision
    first = take(tickets, A)
    assert first is not None
    [taken] = first.events
    tickets.save_intent(intent())
    tickets.move_intent("k1", IntentState.WRITING)
    done = tickets.record(record(event_ids=(taken.id,)))
    assert done.notifications_queued == 1 and done.timer is not None and done.timer.version == 1
    tickets.release("zendesk:42", A)
    assert open_intents(tickets) == [] and tickets.unfinished(NOW, None, 10) == []
    assert tickets.timer_armed("zendesk", "42", 1)
    seen = tickets.observe(replace(TICKET, updated_at=NOW + timedelta(seconds=5)), [], NOW)
    assert not seen.first_decision and "legal_keywords" in seen.history.fired
    assert [e.to_tier for e in seen.history.escalations] == [4]
    with pytest.raises(IllegalMove):
        tickets.record(record())  # recorded once: a second record of the intent is refused, nothing changes
    again = tickets.record(record(key=None))  # a decision without an intent: the dedupe holds the alert back
    assert again.notifications_queued == 0 and again.timer is None  # and the same timer stays armed


def test_timers_fire_once_and_a_new_one_supersedes(tickets: TicketStore) -> None:
    tickets.observe(TICKET, [], NOW)
    tickets.record(record(key=None))
    moved = tickets.record(record(key=None, next_check_at=NOW + timedelta(minutes=30), notifications=()))
    assert moved.timer is not None and moved.timer.version == 2
    assert not tickets.timer_armed("zendesk", "42", 1)
    assert tickets.due_timers(NOW + timedelta(minutes=31), 10) == [("zendesk", "42", 2)]
    assert tickets.fire_timer("zendesk", "42", 2, NOW) and not tickets.fire_timer("zendesk", "42", 2, NOW)
    assert tickets.due_timers(NOW + timedelta(hours=2), 10) == []


def test_a_status_without_a_time_on_a_ticket_seen_first_does_not_say_it_began_now(tickets: TicketStore) -> None:
    """Freshdesk's webhooks carry no time: a ticket resolved three days ago and first seen now was not open until
    now (its SLA clocks would read as breached); the read's status stands from its creation."""
    solved = replace(TICKET, id="43", status=Status.SOLVED, created_at=NOW - timedelta(days=3),
                     updated_at=NOW - timedelta(days=2))
    untimed = TicketEvent(platform="zendesk", delivery_id="fd-1", ticket_id="43", kind=EventKind.UPDATED,
                          status=Status.SOLVED)
    seen = tickets.observe(solved, [untimed], NOW)
    assert [(c.at, c.status) for c in seen.history.status_changes] == [(solved.created_at, Status.SOLVED)]
    reopened = TicketEvent(platform="zendesk", delivery_id="fd-2", ticket_id="43", kind=EventKind.UPDATED,
                           status=Status.OPEN)
    later = tickets.observe(replace(solved, status=Status.OPEN, updated_at=NOW), [reopened], NOW)
    assert [(c.at, c.status) for c in later.history.status_changes][-1] == (NOW, Status.OPEN)  # known: at arrival


# ---------------------------------------------------------------- the kept ticket (plugin.kept)

SAID = Comment(id="c1", body="Nobody can log in. Ünïcode too.", public=True, created_at=NOW, author_id="7",
               attachments=("https://acme.example/a/1.png",))
WHOLE = replace(TICKET, comments=(SAID,), custom_fields={"360": "high", "361": ["a", "b"]}, requester_id="7",
                description="Nobody can log in.", raw_status="open", url="https://acme.example/t/42")


def shot(at: datetime, **fields: object) -> TicketSnapshot:
    values: dict[str, object] = {"updated_at": at, "version": at.isoformat(), "status": Status.OPEN,
                                 "subject": "Export broken", "tags": frozenset({"tier_1"}), "requester_id": "7"}
    values.update(fields)
    return TicketSnapshot(**values)  # type: ignore[arg-type]


def echo(delivery: str, at: datetime, comment: Comment | None = None) -> TicketEvent:
    return TicketEvent(platform="zendesk", delivery_id=delivery, ticket_id="42",
                       kind=EventKind.COMMENT_ADDED if comment else EventKind.TAGS_CHANGED, occurred_at=at,
                       from_us=True, ticket_updated_at=at, snapshot=shot(at), comment=comment)


def kept_now(tickets: TicketStore, owner: str = "host/999/1#look") -> Taken:
    taken = tickets.take("zendesk:42", "zendesk", "42", owner, NOW, LEASE)
    assert taken is not None
    tickets.release_events("zendesk", ["42"], owner, counted=False)
    tickets.release("zendesk:42", owner)
    return taken


def test_a_ticket_taken_in_whole_is_kept_as_it_was_and_a_bulk_read_leaves_it(tickets: TicketStore) -> None:
    assert kept_now(tickets).kept is None
    tickets.observe(WHOLE, [], NOW)
    kept = kept_now(tickets).kept
    assert kept is not None and kept.ticket == WHOLE and kept.read_at == NOW  # every field, comments and all
    later = NOW + timedelta(minutes=2)
    tickets.observe(replace(WHOLE, subject="Built"), [], later, read_at=NOW)  # brought up to date, not read
    kept = kept_now(tickets).kept
    assert kept is not None and kept.ticket.subject == "Built" and kept.read_at == NOW
    tickets.observe(replace(WHOLE, comments=(), comments_loaded=False, subject="Bulk"), [], later)
    kept = kept_now(tickets).kept
    assert kept is not None and kept.ticket.subject == "Built" and kept.ticket.comments == (SAID,)


def test_events_carry_their_snapshot_and_comment_through_the_inbox(tickets: TicketStore) -> None:
    reply = Comment(id="c9", body="We escalated it.", public=True, created_at=NOW, author_id="1", by_agent=True)
    sent = echo("e1", NOW, reply)
    assert tickets.add_event(sent, NOW)
    taken = kept_now(tickets)
    assert [e.event for e in taken.events] == [sent]


def test_our_writes_coming_back_are_taken_into_the_kept_ticket(tickets: TicketStore) -> None:
    tickets.observe(WHOLE, [], NOW)
    reply = Comment(id="c9", body="We escalated it.", public=True, created_at=NOW, author_id="1", by_agent=True)
    at = NOW + timedelta(seconds=5)
    for delivery, sent in (("e1", echo("e1", at, reply)), ("e2", echo("e2", at))):
        assert tickets.add_event(sent, NOW), delivery
    taken = tickets.take("zendesk:42", "zendesk", "42", A, NOW, LEASE)
    assert taken is not None
    tickets.finish_echoes("zendesk", "42", taken.events, NOW)
    tickets.release("zendesk:42", A)
    after = kept_now(tickets)
    assert after.events == []  # done
    assert after.kept is not None and [c.id for c in after.kept.ticket.comments] == ["c1", "c9"]
    assert is_ours(after.kept.ticket.comments[-1].body) and after.kept.ticket.updated_at == at
    assert after.kept.read_at == NOW and after.kept.ticket.custom_fields == WHOLE.custom_fields


def test_what_cannot_be_taken_in_drops_the_kept_ticket(tickets: TicketStore) -> None:
    tickets.observe(WHOLE, [], NOW)
    theirs = Comment(id="c2", body="See the screenshot", public=True, created_at=NOW, author_id="7")
    customer = replace(echo("e1", NOW, theirs), from_us=False)
    tickets.observe(replace(WHOLE, comments_loaded=False), [customer], NOW)  # a bulk run took their comment in
    assert kept_now(tickets).kept is None  # the next event reads the ticket whole
