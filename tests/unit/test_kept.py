"""plugin.kept: when the webhooks stand in for a read of the ticket, and what the ticket then is."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from plugin.domain import (
    Comment,
    EventKind,
    Priority,
    Status,
    Ticket,
    TicketEvent,
    TicketSnapshot,
    is_ours,
)
from plugin.kept import KEPT_FOR, SETTLE, KeptTicket, after_our_write, brought_up_to_date, merged, settle_for

READ = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
CUSTOMER = Comment(id="c1", body="Charged twice this month.", public=True, created_at=READ - timedelta(minutes=5),
                   author_id="7")
TICKET = Ticket(platform="zendesk", id="42", subject="Charged twice", status=Status.OPEN,
                created_at=READ - timedelta(minutes=5), updated_at=READ - timedelta(minutes=1),
                priority=Priority.MEDIUM, tags=frozenset({"tier_1"}), description="Charged twice this month.",
                group_id="10", requester_id="7", custom_fields={"360": "high"}, comments=(CUSTOMER,),
                version="2026-12-07T08:59:00Z")
KEPT = KeptTicket(TICKET, READ)


def snapshot(seconds: int, **fields: object) -> TicketSnapshot:
    at = READ + timedelta(seconds=seconds)
    values: dict[str, object] = {"updated_at": at, "version": at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                 "status": Status.OPEN, "subject": "Charged twice", "priority": Priority.MEDIUM,
                                 "tags": frozenset({"tier_1"}), "group_id": "10", "requester_id": "7"}
    values.update(fields)
    return TicketSnapshot(**values)  # type: ignore[arg-type]


def event(kind: EventKind, seconds: int, *, comment: Comment | None = None, from_us: bool = False,
          **fields: object) -> TicketEvent:
    shot = snapshot(seconds, **fields)
    return TicketEvent(platform="zendesk", delivery_id=f"{kind}-{seconds}", ticket_id="42", kind=kind,
                       occurred_at=shot.updated_at, from_us=from_us, ticket_updated_at=shot.updated_at,
                       snapshot=shot, comment=comment)


def test_a_change_of_fields_is_read_from_the_event_with_its_version_and_the_kept_comments() -> None:
    tags = event(EventKind.TAGS_CHANGED, 30, tags=frozenset({"tier_1", "escalate_tier_2"}))
    up = brought_up_to_date(KEPT, [tags], frozenset(), READ + timedelta(minutes=1))
    assert up is not None and not up.needs_comments
    assert up.ticket.tags == {"tier_1", "escalate_tier_2"}
    assert up.ticket.version == "2026-12-07T09:00:30Z" and up.ticket.updated_at == READ + timedelta(seconds=30)
    assert up.ticket.comments == (CUSTOMER,) and up.ticket.custom_fields == {"360": "high"}
    assert up.ticket.created_at == TICKET.created_at


def test_a_comment_asks_for_the_comments_and_nothing_else() -> None:
    said = Comment(id="c2", body="Still waiting!", public=True, created_at=READ + timedelta(seconds=20))
    up = brought_up_to_date(KEPT, [event(EventKind.COMMENT_ADDED, 20, comment=said)], frozenset(), READ)
    assert up is not None and up.needs_comments


def test_the_newest_snapshot_wins_whatever_the_order_the_events_arrived_in() -> None:
    late = event(EventKind.STATUS_CHANGED, 50, status=Status.PENDING)
    early = event(EventKind.PRIORITY_CHANGED, 10, priority=Priority.HIGH)
    for events in ([late, early], [early, late]):
        up = brought_up_to_date(KEPT, events, frozenset(), READ)
        assert up is not None and up.ticket.status == Status.PENDING and up.ticket.priority == Priority.MEDIUM


def test_events_older_than_what_we_kept_leave_the_kept_fields() -> None:
    stale = event(EventKind.TAGS_CHANGED, -600, tags=frozenset())
    up = brought_up_to_date(KEPT, [stale], frozenset(), READ)
    assert up is not None and up.ticket == TICKET


def test_the_api_is_read_when_the_events_cannot_stand_in_for_it() -> None:
    now = READ + timedelta(minutes=1)
    tags = event(EventKind.TAGS_CHANGED, 30)
    assert brought_up_to_date(None, [tags], frozenset(), now) is None  # nothing kept
    assert brought_up_to_date(KEPT, [], frozenset(), now) is None  # a timer: nothing came
    assert brought_up_to_date(KEPT, [replace(tags, snapshot=None)], frozenset(), now) is None  # ids only
    assert brought_up_to_date(KEPT, [replace(tags, kind=EventKind.OTHER)], frozenset(), now) is None  # custom field
    assert brought_up_to_date(KEPT, [replace(tags, kind=EventKind.UPDATED)], frozenset(), now) is None
    bulk = KeptTicket(replace(TICKET, comments_loaded=False), READ)
    assert brought_up_to_date(bulk, [tags], frozenset(), now) is None
    # kept too long: a comment whose webhook never came would be missing
    assert brought_up_to_date(KEPT, [tags], frozenset(), READ + KEPT_FOR + timedelta(seconds=1)) is None
    assert brought_up_to_date(KEPT, [tags], frozenset(), READ + KEPT_FOR) is not None
    # our own write left the ticket at a time the kept ticket does not show (an event newer than it is no proof:
    # our note and reply are not in its payload)
    assert brought_up_to_date(KEPT, [tags], frozenset({TICKET.updated_at + timedelta(seconds=1)}), now) is None
    assert brought_up_to_date(KEPT, [tags], frozenset({TICKET.updated_at}), now) is not None


def test_our_own_comments_coming_back_are_kept_as_ours() -> None:
    reply = Comment(id="c9", body="Hello Dana, we escalated your request.", public=True,
                    created_at=READ + timedelta(seconds=40), author_id="1", by_agent=True)
    echo = event(EventKind.COMMENT_ADDED, 40, comment=reply, from_us=True, tags=frozenset({"escalated"}))
    taken_in = merged(TICKET, [echo, echo])
    assert taken_in is not None
    assert [c.id for c in taken_in.comments] == ["c1", "c9"]
    assert is_ours(taken_in.comments[-1].body)
    assert taken_in.first_agent_reply_at is None  # our acknowledgment is not an agent's first reply
    assert taken_in.tags == {"escalated"}
    # known by the update time our write left, without the integration user's id
    unnamed = replace(echo, from_us=False)
    known = merged(TICKET, [unnamed], frozenset({READ + timedelta(seconds=40)}))
    assert known is not None and is_ours(known.comments[-1].body)


def test_someone_elses_comment_is_never_taken_in_from_a_payload() -> None:
    said = Comment(id="c2", body="See the screenshot.", public=True, created_at=READ + timedelta(seconds=20))
    assert merged(TICKET, [event(EventKind.COMMENT_ADDED, 20, comment=said)]) is None
    assert merged(TICKET, [event(EventKind.COMMENT_ADDED, 20, from_us=True)]) is None  # the comment is missing
    assert merged(TICKET, [replace(event(EventKind.TAGS_CHANGED, 20), kind=EventKind.OTHER)]) is None


KINDS = st.sampled_from([EventKind.STATUS_CHANGED, EventKind.PRIORITY_CHANGED, EventKind.TAGS_CHANGED,
                         EventKind.ASSIGNEE_CHANGED, EventKind.GROUP_CHANGED])
# the ticket at each moment (one snapshot a moment, as every event of one update carries the same one)
MOMENTS = st.dictionaries(st.integers(-900, 900), st.tuples(st.sampled_from(list(Status)),
                                                           st.frozensets(st.sampled_from(["a", "b", "c"]))),
                          min_size=1, max_size=5)


@given(MOMENTS, st.lists(KINDS, min_size=1, max_size=3), st.randoms())
def test_the_ticket_does_not_depend_on_the_order_of_arrival(moments: dict[int, tuple[Status, frozenset[str]]],
                                                            kinds: list[EventKind], rng: object) -> None:
    events = [event(kind, seconds, status=status, tags=tags)
              for seconds, (status, tags) in moments.items() for kind in kinds]
    shuffled = list(events)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    first = brought_up_to_date(KEPT, events, frozenset(), READ)
    second = brought_up_to_date(KEPT, shuffled, frozenset(), READ)
    assert first is not None and second is not None
    assert first.ticket == second.ticket
    newest = max(moments)
    if READ + timedelta(seconds=newest) >= TICKET.updated_at:
        assert (first.ticket.status, first.ticket.tags) == moments[newest]
    else:
        assert first.ticket == TICKET


def test_field_events_alone_wait_for_the_rest_of_their_update() -> None:
    up = brought_up_to_date(KEPT, [event(EventKind.STATUS_CHANGED, 30)], frozenset(), READ)
    assert up is not None
    arrived = READ + timedelta(seconds=10)
    assert settle_for(up, [arrived], arrived) == SETTLE.total_seconds()
    assert settle_for(up, [arrived - timedelta(seconds=2), arrived], arrived + timedelta(seconds=1)) == \
        (SETTLE - timedelta(seconds=1)).total_seconds()  # the newest counts
    assert settle_for(up, [arrived], arrived + SETTLE) is None
    assert settle_for(up, [None], arrived) is None  # a time unknown: no wait
    # a ticket changed every second: decided SETTLE_AT_MOST after the first change, not starved
    every_second = [arrived + timedelta(seconds=i) for i in range(6)]
    assert settle_for(up, every_second, arrived + timedelta(seconds=5)) is None
    assert settle_for(up, every_second[:5], arrived + timedelta(seconds=4)) == 1.0
    said = Comment(id="c2", body="Still waiting!", public=True, created_at=READ)
    with_comment = brought_up_to_date(KEPT, [event(EventKind.COMMENT_ADDED, 30, comment=said)], frozenset(), READ)
    assert with_comment is not None and settle_for(with_comment, [arrived], arrived) is None  # read now


def test_the_ticket_as_our_write_left_it_holds_our_note_and_reply_as_landed() -> None:
    from plugin.domain import TicketChanges
    from plugin.ledger import Intent, Part, landed

    changes = TicketChanges(priority=Priority.HIGH, add_tags=frozenset({"escalated"}), group_id="20",
                            internal_note="ESCALATION TO TIER 2", public_reply="We escalated your request.")
    at = READ + timedelta(seconds=5)
    answer = replace(TICKET, tags=frozenset({"tier_1", "escalated", "tier_2"}), group_id="20",
                     priority=Priority.HIGH, updated_at=at, version="2026-12-07T09:00:05Z", comments_loaded=False,
                     comments=())
    after = after_our_write(TICKET, changes, "k1", answer, (READ + timedelta(seconds=4), at))
    assert after.tags == answer.tags and after.group_id == "20" and after.priority == Priority.HIGH
    assert after.updated_at == at and after.version == "2026-12-07T09:00:05Z"  # the answer's, for the next write
    assert [c.id for c in after.comments][:1] == ["c1"] and len(after.comments) == 3
    assert all(is_ours(c.body) for c in after.comments[1:]) and after.first_agent_reply_at is None
    from plugin.domain import Decision

    intent = Intent(key="k1", platform="zendesk", ticket_id="42",
                    decision=Decision(ticket_id="42", at=READ, changes=changes), decided_at=READ, version=None)
    assert landed(after, intent) >= {Part.NOTE, Part.REPLY}  # the ledger reads them as ours and written
    # our echo coming back later adds nothing: the kept ticket is as new as its update
    reply = Comment(id="z9", body="We escalated your request.", public=True, created_at=at, author_id="1",
                    by_agent=True)
    echo = event(EventKind.COMMENT_ADDED, 5, comment=reply, from_us=True)
    again = merged(after, [echo])
    assert again is not None and len(again.comments) == 3
