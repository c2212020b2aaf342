"""Crash recovery of write intents: a write that landed before its record was lost is recorded, never repeated; and
each comment of an intent is checked on its own, so a note that landed never makes a lost reply look done."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from types import SimpleNamespace

from adapters.base import note_marker, reply_marker
from plugin.domain import Comment, Decision, Status, Ticket, TicketChanges
from plugin.service.processing import recover_landed_writes
from plugin.store import Store
from plugin.store import repository as repo
from plugin.store.models import AppliedChangeRow

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
TICKET = Ticket(platform="zendesk", id="42", subject="Export broken", status=Status.OPEN, created_at=NOW,
                updated_at=NOW)


def ours(body: str, public: bool) -> Comment:
    return Comment(id=body[-8:], body=body, public=public, created_at=NOW, author_id="1", by_agent=True)


def outcome(store: Store, key: str) -> str:
    with store.session() as session:
        row = session.get(AppliedChangeRow, key)
        assert row is not None
        return row.outcome


def intend(store: Store, key: str, changes: TicketChanges) -> None:
    with store.session() as session:
        repo.upsert_mirror(session, TICKET, NOW)
        repo.record_intent(session, key, "zendesk", Decision(ticket_id="42", at=NOW, changes=changes,
                                                             fired=frozenset({"rule:x"})), NOW)


def test_a_note_that_landed_with_its_reply_lost_is_not_taken_for_done(store: Store) -> None:
    services = SimpleNamespace(store=store)
    intend(store, "k1", TicketChanges(internal_note="Escalated.", public_reply="We are on it."))
    landed_note_only = replace(TICKET, comments=(ours(f"Escalated.\n\n{note_marker('k1')}", False),))
    recover_landed_writes(services, landed_note_only, NOW)  # type: ignore[arg-type]
    assert outcome(store, "k1") == "not applied"
    with store.session() as session:
        assert "rule:x" not in repo.load_history(session, "zendesk", "42").fired


def test_both_comments_landed_is_recorded_once(store: Store) -> None:
    services = SimpleNamespace(store=store)
    intend(store, "k2", TicketChanges(internal_note="Escalated.", public_reply="We are on it."))
    both = replace(TICKET, comments=(ours(f"Escalated.\n\n{note_marker('k2')}", False),
                                     ours(f"We are on it.\n\n{reply_marker('k2')}", True)))
    recover_landed_writes(services, both, NOW)  # type: ignore[arg-type]
    assert outcome(store, "k2") == "recovered"
    with store.session() as session:
        assert "rule:x" in repo.load_history(session, "zendesk", "42").fired


def test_a_reply_only_intent_is_recognised_by_its_own_marker(store: Store) -> None:
    services = SimpleNamespace(store=store)
    intend(store, "k3", TicketChanges(public_reply="We are on it."))
    recover_landed_writes(services, replace(TICKET, comments=(ours(f"We are on it.\n\n{reply_marker('k3')}", True),)),
                          NOW)  # type: ignore[arg-type]
    assert outcome(store, "k3") == "recovered"
