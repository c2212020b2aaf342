"""The ledger reads a marker in both of its forms: visible (internal notes, and replies written by earlier versions)
and hidden (public replies since replies hid it). Whichever form a part was written in, the read-back finds it, and
one part's marker never stands for another's or for another decision's."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from plugin.domain import Comment, Decision, Status, Ticket, TicketChanges, is_ours
from plugin.ledger import (
    Intent,
    Part,
    has_marker,
    hidden_marker,
    hidden_reply_marker,
    landed,
    note_marker,
    note_reference,
    references,
    reply_marker,
    reply_reference,
    still_to_write,
    with_marker,
)

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
TICKET = Ticket(platform="freshdesk", id="7", subject="Export broken", status=Status.OPEN, created_at=NOW,
                updated_at=NOW, version="v1")
CHANGES = TicketChanges(internal_note="Escalated to Tier 2.", public_reply="We are on it.")
KEYS = st.text(alphabet="0123456789abcdef-", min_size=1, max_size=24).filter(lambda k: not k.endswith("-"))
TEXTS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80).filter(
    lambda t: "escalator-ref" not in t)


def intent(key: str) -> Intent:
    return Intent(key=key, platform="freshdesk", ticket_id="7", decision=Decision(ticket_id="7", at=NOW,
                                                                                   changes=CHANGES),
                  decided_at=NOW, version="v1")


def with_comments(*bodies: tuple[str, bool]) -> Ticket:
    return replace(TICKET, comments=tuple(Comment(str(i), body, public, NOW, "1", True)
                                          for i, (body, public) in enumerate(bodies)))


def test_a_reply_with_its_hidden_marker_has_landed() -> None:
    ticket = with_comments((with_marker("Escalated to Tier 2.", note_marker("k1")), False),
                           (with_marker("We are on it.", hidden_reply_marker("k1")), True))
    assert landed(ticket, intent("k1")) == {Part.NOTE, Part.REPLY}
    assert still_to_write(ticket, intent("k1")).is_empty


def test_a_reply_written_by_an_earlier_version_with_the_visible_marker_still_counts() -> None:
    ticket = with_comments((with_marker("Escalated.", note_marker("k1")), False),
                           (with_marker("We are on it.", reply_marker("k1")), True))
    assert still_to_write(ticket, intent("k1")).is_empty


def test_the_note_alone_leaves_the_reply_to_write_in_either_form() -> None:
    for form in (note_marker("k1"), hidden_marker(note_reference("k1"))):
        ticket = with_comments((with_marker("Escalated.", form), False))
        assert still_to_write(ticket, intent("k1")) == TicketChanges(public_reply="We are on it.")


def test_another_decisions_reply_or_a_longer_key_is_not_this_one() -> None:
    ticket = with_comments((with_marker("Escalated.", note_marker("k1")), False),
                           (with_marker("Hi.", hidden_reply_marker("k12")), True),
                           (with_marker("Hi.", hidden_reply_marker("k2")), True))
    assert Part.REPLY not in landed(ticket, intent("k1"))


def test_a_hidden_marker_written_without_spaces_is_read_too() -> None:
    assert references("Thanks<!--escalator-ref:k-1:reply-->") == {reply_reference("k-1")}
    assert references("a <!--  escalator-ref:k-1  --> b") == {note_reference("k-1")}


def test_our_comments_are_recognised_in_either_form_and_a_customers_text_is_not() -> None:
    assert is_ours(with_marker("We are on it.", hidden_reply_marker("k1")))
    assert is_ours(with_marker("Escalated.", note_marker("k1")))
    assert not is_ours("I read escalator-ref: somewhere <!-- a comment of mine -->")


def test_has_marker_takes_either_form_and_finds_the_other() -> None:
    ticket = with_comments((with_marker("We are on it.", hidden_reply_marker("k1")), True))
    assert has_marker(ticket, reply_marker("k1")) and has_marker(ticket, hidden_reply_marker("k1"))
    assert not has_marker(ticket, note_marker("k1"))


@given(key=KEYS, other=KEYS, text=TEXTS, hidden=st.booleans(), reply_public=st.booleans())
def test_whatever_the_form_the_reply_is_found_exactly_once(key: str, other: str, text: str, hidden: bool,
                                                         reply_public: bool) -> None:
    marker = hidden_reply_marker(key) if hidden else reply_marker(key)
    ticket = with_comments((with_marker("Escalated.", note_marker(key)), False),
                           (with_marker(text, marker), reply_public))
    assert references(with_marker(text, marker)) == {reply_reference(key)}
    assert still_to_write(ticket, intent(key)).is_empty
    if other != key:
        assert landed(ticket, intent(other)) == frozenset()
