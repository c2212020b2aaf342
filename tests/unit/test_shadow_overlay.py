"""Shadow mode's overlay (plugin.service.shadow): what would have been written is shown over each read, except a
field someone changed in the helpdesk since."""

from __future__ import annotations

from datetime import UTC, datetime

from plugin.domain import Comment, Priority, Status, Ticket, TicketChanges
from plugin.ledger import note_marker
from plugin.service.shadow import overlaid, would_write

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
READ = Ticket(platform="zendesk", id="7", subject="Export fails", status=Status.OPEN, created_at=NOW, updated_at=NOW,
              priority=Priority.MEDIUM, group_id="100", tags=frozenset({"tier_1", "escalate_tier_3"}),
              comments=(Comment("c1", "It fails.", True, NOW),), comments_loaded=True)
ESCALATE = TicketChanges(priority=Priority.HIGH, group_id="300", add_tags=frozenset({"tier_3", "escalated"}),
                         remove_tags=frozenset({"tier_1", "escalate_tier_3"}), internal_note="ESCALATION TO TIER 3",
                         public_reply="We are on it.")


def test_a_read_shows_what_shadow_wrote() -> None:
    shadow = would_write(None, READ, ESCALATE, "k1", NOW)
    seen = overlaid(READ, shadow)
    assert (seen.priority, seen.group_id, seen.tags) == (Priority.HIGH, "300", {"tier_3", "escalated"})
    assert [c.id for c in seen.comments] == ["c1", "shadow-k1-note", "shadow-k1-reply"]
    assert note_marker("k1") in seen.comments[1].body and not seen.comments[1].public
    assert "escalator-ref:k1:reply" in seen.comments[2].body and seen.comments[2].public


def test_a_field_changed_in_the_helpdesk_since_keeps_its_value() -> None:
    shadow = would_write(None, READ, ESCALATE, "k1", NOW)
    agent_set = Ticket(**{**READ.__dict__, "priority": Priority.CRITICAL, "tags": frozenset({"tier_1", "vip"})})
    seen = overlaid(agent_set, shadow)
    assert seen.priority == Priority.CRITICAL and seen.group_id == "300"
    assert seen.tags == {"tier_3", "escalated", "vip"}  # our tags over theirs, theirs kept


def test_later_writes_fold_in_and_an_unloaded_read_gets_no_comments() -> None:
    first = would_write(None, READ, ESCALATE, "k1", NOW)
    second = would_write(first, overlaid(READ, first), TicketChanges(add_tags=frozenset({"tier_1"}),
                                                                      status=Status.PENDING), "k2", NOW)
    seen = overlaid(Ticket(**{**READ.__dict__, "comments": (), "comments_loaded": False}), second)
    assert seen.tags == {"tier_3", "escalated", "tier_1"} and seen.status == Status.PENDING
    assert seen.priority == Priority.HIGH and seen.comments == ()
    assert overlaid(READ, None) is READ
