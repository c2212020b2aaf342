"""The idempotency ledger: what of a decision is on the helpdesk, read from the ticket alone, and what a retry
still writes. Examples for each part, and a property over random partial landings."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plugin.domain import Comment, Decision, Priority, Status, TaskTicket, Ticket, TicketChanges
from plugin.ledger import (
    CommentsNotLoaded,
    Intent,
    Part,
    decision_key,
    is_stale,
    landed,
    note_marker,
    reply_marker,
    still_to_write,
    with_marker,
    write_version,
)

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
TICKET = Ticket(platform="zendesk", id="42", subject="Export broken", status=Status.NEW, created_at=NOW,
                updated_at=NOW, priority=Priority.MEDIUM, tags=frozenset({"billing", "tier_1"}), group_id="100",
                assignee_id="7", version="v1")
TASK = TaskTicket(tier=2, group_id="200", priority=Priority.HIGH, subject="[Tier 2] #42", body="Escalated.")
CHANGES = TicketChanges(priority=Priority.HIGH, add_tags=frozenset({"escalated", "tier_2"}),
                        remove_tags=frozenset({"tier_1"}), group_id="200", clear_assignee=True, status=Status.OPEN,
                        internal_note="Escalated to Tier 2.", public_reply="We are on it.")


def intent(changes: TicketChanges = CHANGES, key: str = "k1", **fields: object) -> Intent:
    values: dict[str, object] = {"key": key, "platform": "zendesk", "ticket_id": "42",
                                 "decision": Decision(ticket_id="42", at=NOW, changes=changes), "decided_at": NOW,
                                 "version": "v1"}
    values.update(fields)
    return Intent(**values)  # type: ignore[arg-type]


def comment(body: str, public: bool) -> Comment:
    return Comment(id=str(hash(body)), body=body, public=public, created_at=NOW, author_id="1", by_agent=True)


def written(ticket: Ticket, changes: TicketChanges, key: str, parts: set[Part], version: str = "v2") -> Ticket:
    """The ticket once the given parts of the changes landed, as the helpdesk would show it."""
    out = ticket
    if Part.FIELDS in parts:
        fields = replace(changes, internal_note=None, public_reply=None, task=None)
        out = fields.applied_to(out, now=NOW)
    comments = list(out.comments)
    if Part.NOTE in parts and changes.internal_note:
        comments.append(comment(with_marker(changes.internal_note, note_marker(key)), False))
    if Part.REPLY in parts and changes.public_reply:
        comments.append(comment(with_marker(changes.public_reply, reply_marker(key)), True))
    return replace(out, comments=tuple(comments), version=version if parts else ticket.version)


def test_nothing_landed_means_everything_is_still_to_write() -> None:
    assert landed(TICKET, intent()) == frozenset()
    assert still_to_write(TICKET, intent()) == CHANGES


def test_the_note_seen_means_the_fields_and_the_task_landed_before_it() -> None:
    """Zendesk carries the fields and the note in one update; Freshdesk writes the update, then the note: either
    way a note on the ticket says the fields landed, even if an agent changed one of them since."""
    with_task = replace(CHANGES, task=TASK)
    noted = written(TICKET, with_task, "k1", {Part.NOTE})  # the fields are not what we wrote: an agent moved them
    assert landed(noted, intent(with_task)) == {Part.FIELDS, Part.TASK, Part.NOTE}
    assert still_to_write(noted, intent(with_task)) == TicketChanges(public_reply="We are on it.")


def test_a_note_that_landed_never_makes_the_reply_look_done() -> None:
    noted = written(TICKET, CHANGES, "k1", {Part.FIELDS, Part.NOTE})
    assert Part.REPLY not in landed(noted, intent())
    assert still_to_write(noted, intent()).public_reply == "We are on it."


def test_another_decisions_markers_count_for_nothing() -> None:
    other = written(TICKET, CHANGES, "other-key", {Part.FIELDS, Part.NOTE, Part.REPLY})
    remaining = still_to_write(other, intent())
    assert remaining.internal_note == CHANGES.internal_note and remaining.public_reply == CHANGES.public_reply


def test_fields_already_there_are_not_written_again() -> None:
    """Freshdesk: the update landed, its answer was lost, and nothing else yet: only the note and reply remain."""
    updated = written(TICKET, CHANGES, "k1", {Part.FIELDS})
    assert still_to_write(updated, intent()) == TicketChanges(internal_note="Escalated to Tier 2.",
                                                              public_reply="We are on it.")


def test_only_the_missing_fields_are_written() -> None:
    half = replace(TICKET, tags=frozenset({"billing", "escalated", "tier_1"}), priority=Priority.HIGH)
    remaining = still_to_write(half, intent(replace(CHANGES, internal_note=None, public_reply=None)))
    assert remaining == TicketChanges(add_tags=frozenset({"tier_2"}), remove_tags=frozenset({"tier_1"}),
                                      group_id="200", clear_assignee=True, status=Status.OPEN)


def test_an_answer_that_confirmed_a_part_is_believed_over_the_ticket() -> None:
    # the fields' answer came back; an agent has since put the priority back: we do not fight the agent
    moved_back = replace(written(TICKET, CHANGES, "k1", {Part.FIELDS}), priority=Priority.MEDIUM)
    confirmed = intent(landed=frozenset({Part.FIELDS}))
    assert still_to_write(moved_back, confirmed).priority is None
    assert still_to_write(moved_back, intent()).priority == Priority.HIGH


def test_a_new_assignee_in_the_new_group_is_never_cleared_again() -> None:
    picked_up = replace(written(TICKET, CHANGES, "k1", {Part.FIELDS}), assignee_id="9")
    assert not still_to_write(picked_up, intent()).clear_assignee


def test_the_markers_need_the_comments() -> None:
    with pytest.raises(CommentsNotLoaded):
        landed(replace(TICKET, comments_loaded=False), intent())
    fields_only = intent(replace(CHANGES, internal_note=None, public_reply=None))
    assert landed(replace(TICKET, comments_loaded=False), fields_only) == frozenset()


def test_a_write_is_conditional_on_the_version_decided_on_until_part_of_it_landed() -> None:
    moved = replace(TICKET, version="v9")
    assert write_version(moved, intent()) == "v1" and is_stale(moved, intent())
    noted = written(TICKET, CHANGES, "k1", {Part.FIELDS, Part.NOTE}, version="v3")
    assert write_version(noted, intent()) == "v3" and not is_stale(noted, intent())
    assert not is_stale(TICKET, intent())


def test_two_decisions_never_share_a_key() -> None:
    decision = Decision(ticket_id="42", at=NOW, fired=frozenset({"legal_keywords"}))
    later = replace(decision, at=NOW + timedelta(seconds=1))
    keys = {decision_key("zendesk", decision), decision_key("zendesk", later), decision_key("freshdesk", decision),
            decision_key("zendesk", decision, attempt=1)}
    assert len(keys) == 4
    assert decision_key("zendesk", decision) == decision_key("zendesk", decision)


parts = st.sets(st.sampled_from([Part.FIELDS, Part.NOTE, Part.REPLY]))


@given(parts, st.booleans())
def test_writing_what_is_still_missing_always_completes_the_intent_and_never_repeats_a_part(
        landed_before: set[Part], with_reply: bool) -> None:
    changes = CHANGES if with_reply else replace(CHANGES, public_reply=None)
    if Part.NOTE in landed_before:
        landed_before = landed_before | {Part.FIELDS}  # the note is written after the fields, never before
    if Part.REPLY in landed_before:
        landed_before = landed_before | {Part.FIELDS, Part.NOTE}
    the_intent = intent(changes)
    partial = written(TICKET, changes, "k1", landed_before)
    remaining = still_to_write(partial, the_intent)
    for part in landed_before & the_intent.parts:
        if part is Part.NOTE:
            assert remaining.internal_note is None
        if part is Part.REPLY:
            assert remaining.public_reply is None
    complete = written(partial, remaining, "k1", {Part.FIELDS, Part.NOTE, Part.REPLY}, version="v5")
    assert still_to_write(complete, the_intent).is_empty
    notes = [c for c in complete.comments if note_marker("k1") in c.body and not c.public]
    replies = [c for c in complete.comments if reply_marker("k1") in c.body]
    assert len(notes) == 1 and len(replies) == (1 if with_reply else 0)
