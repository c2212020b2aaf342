"""The real Freshdesk adapter over HTTP against the local Freshdesk sandbox: reads mapped to the domain, what a
decision costs (update, private note, public reply), no tag clobbering, 429s, a lost answer not written twice,
apply_many at a rate limit, linked task tickets made once, install and the webhooks it brings, the open-ticket and
export walks (past the 300-page cap too) and satisfaction ratings."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from ledger_kit import intent_for, resume
from world_helpers import receiver

import adapters.freshdesk as freshdesk_module
from adapters.base import (
    ApplyRequest,
    ConflictError,
    NotFoundError,
    Part,
    PermanentError,
    RetryAfterError,
    TransientError,
)
from adapters.freshdesk import task_tag, when
from plugin.config import load_config
from plugin.customers import classify
from plugin.domain import CustomerTier, EventKind, Priority, Status, TaskTicket, TicketChanges

CHANGES = TicketChanges(priority=Priority.HIGH, add_tags=frozenset({"escalated", "tier_2"}),
                        remove_tags=frozenset({"tier_1"}), internal_note="Escalated to Tier 2: SLA at 82%.\nSee logs.")


def test_reads_map_to_the_domain(fd_world) -> None:  # type: ignore[no-untyped-def]
    state = fd_world.sandbox.state
    raw = fd_world.ticket(tags=["tier_1", "billing"], responder_id=fd_world.agent["id"], type="Incident")
    state.add_conversation(raw["id"], "<div>Internal: checked logs</div>", kind="note", private=True,
                           user_id=fd_world.agent["id"])
    state.add_conversation(raw["id"], "<div>Could you send a HAR file?</div>", kind="reply",
                           user_id=fd_world.agent["id"])
    state.customer_reply(raw["id"], "Here it is &amp; more")
    adapter = fd_world.adapter()
    ticket = adapter.get_ticket(str(raw["id"]))
    assert (ticket.id, ticket.status, ticket.priority) == (str(raw["id"]), Status.OPEN, Priority.MEDIUM)
    assert ticket.tags == {"tier_1", "billing"} and ticket.ticket_type == "Incident"
    assert ticket.assignee_id == str(fd_world.agent["id"]) and ticket.organization_id == str(fd_world.company["id"])
    assert ticket.description == "The export button does nothing."
    assert ticket.version == state.ticket(raw["id"])["updated_at"]
    assert [(c.body, c.by_agent, c.public) for c in ticket.comments] == [
        ("Internal: checked logs", True, False), ("Could you send a HAR file?", True, True),
        ("Here it is & more", False, True)]
    assert ticket.first_agent_reply_at is not None
    customer = adapter.get_customer(ticket.requester_id or "")
    assert customer.organization_name == "Globex" and customer.tags == {"vip"}
    assert customer.fields == {"lifetime_value": 48000, "account_tier": "Premium", "account_manager": "Walter"}
    assert classify(customer, load_config(data={})).tier == CustomerTier.VIP
    with pytest.raises(NotFoundError):
        adapter.get_ticket("999999")
    assert [t.id for t in adapter.get_tickets([str(raw["id"]), "999999"])] == [str(raw["id"])]


def test_a_decision_costs_an_update_a_note_and_a_reply(fd_world) -> None:  # type: ignore[no-untyped-def]
    raw = fd_world.ticket(tags=["tier_1", "billing"])
    adapter = fd_world.adapter()
    ticket = adapter.get_ticket(str(raw["id"]))
    fd_world.sandbox.reset_counts()
    changes = TicketChanges(priority=CHANGES.priority, add_tags=CHANGES.add_tags, remove_tags=CHANGES.remove_tags,
                            internal_note=CHANGES.internal_note, public_reply="We are on it <3",
                            group_id=str(fd_world.groups[1]["id"]))
    result = adapter.apply(ApplyRequest(ticket, changes, "decision-1"))
    assert result.ok and result.write_requests == 3 and result.landed == {Part.FIELDS, Part.NOTE, Part.REPLY}
    assert [(r.method, r.path) for r in fd_world.sandbox.recorded()] == [
        ("GET", f"/api/v2/tickets/{raw['id']}"), ("PUT", f"/api/v2/tickets/{raw['id']}"),
        ("POST", f"/api/v2/tickets/{raw['id']}/notes"), ("POST", f"/api/v2/tickets/{raw['id']}/reply")]
    stamps = set(result.written_at)
    conversations = fd_world.sandbox.state.conversations[raw["id"]]
    assert stamps == {result.ticket.updated_at, *(when(c["created_at"]) for c in conversations)}
    assert max(stamps) == when(fd_world.sandbox.state.ticket(raw["id"])["updated_at"])  # what the last echo carries
    after = fd_world.sandbox.state.ticket(raw["id"])
    assert (after["priority"], after["group_id"]) == (3, fd_world.groups[1]["id"])
    assert sorted(after["tags"]) == ["billing", "escalated", "tier_2"]
    note, reply = fd_world.sandbox.state.conversations[raw["id"]]
    assert note["private"] is True and note["user_id"] == fd_world.sandbox.agent["id"]
    assert note["body_text"] == "Escalated to Tier 2: SLA at 82%.\nSee logs.\n\n[escalator-ref:decision-1]"
    assert (reply["private"], reply["incoming"]) == (False, False)
    assert reply["body_text"] == "We are on it <3"  # the marker is hidden in the HTML body
    assert 'title="escalator-ref:decision-1:reply"' in reply["body"]
    # read back, the ledger finds everything: a retry writes nothing
    fd_world.sandbox.reset_counts()
    remaining, again = resume(adapter, intent_for(ticket, changes, "decision-1"))
    assert remaining.is_empty and again is None and fd_world.sandbox.write_requests() == 0


def test_a_ticket_changed_since_the_decision_is_not_overwritten(fd_world) -> None:  # type: ignore[no-untyped-def]
    raw = fd_world.ticket(tags=["tier_1"])
    adapter = fd_world.adapter()
    ticket = adapter.get_ticket(str(raw["id"]))
    fd_world.sandbox.state.update_ticket(raw["id"], {"tags": ["tier_1", "agent_added"], "priority": 4},
                                         performer_id=fd_world.agent["id"])
    fd_world.sandbox.reset_counts()
    with pytest.raises(ConflictError):
        adapter.apply(ApplyRequest(ticket, CHANGES, "decision-2"))
    assert fd_world.sandbox.write_requests() == 0
    after = fd_world.sandbox.state.ticket(raw["id"])
    assert after["tags"] == ["tier_1", "agent_added"] and after["priority"] == 4
    assert fd_world.sandbox.state.conversations[raw["id"]] == []


def test_429_surfaces_at_once_with_retry_after(fd_world, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    raw = fd_world.ticket()
    adapter = fd_world.adapter()
    ticket = adapter.get_ticket(str(raw["id"]))

    def no_sleeping(seconds: float) -> None:
        raise AssertionError(f"slept {seconds}s")

    monkeypatch.setattr(time, "sleep", no_sleeping)
    fd_world.sandbox.limit_rate(1)  # the next request spends the minute's only credit
    with pytest.raises(RetryAfterError) as caught:
        adapter.apply(ApplyRequest(ticket, CHANGES, "decision-3"))
    assert 0 < caught.value.retry_after <= 60
    assert adapter.rate_limit_remaining == 0
    assert fd_world.sandbox.state.ticket(raw["id"])["priority"] == 2
    assert fd_world.sandbox.write_requests(successful_only=True) == 0


def test_a_lost_answer_is_not_written_twice(fd_world) -> None:  # type: ignore[no-untyped-def]
    raw = fd_world.ticket(tags=["tier_1"])
    adapter = fd_world.adapter()
    ticket = adapter.get_ticket(str(raw["id"]))
    intent = intent_for(ticket, CHANGES, "decision-4")
    fd_world.sandbox.drop_reply_next()  # the next write (the update) lands, its answer is lost
    with pytest.raises(TransientError):
        adapter.apply(ApplyRequest(ticket, CHANGES, "decision-4"))
    assert fd_world.sandbox.state.ticket(raw["id"])["priority"] == 3
    assert fd_world.sandbox.state.conversations[raw["id"]] == []  # the adapter stopped at the lost answer
    fd_world.sandbox.reset_counts()
    remaining, result = resume(adapter, intent)
    assert result is not None and result.ok
    assert remaining.priority is None and remaining.internal_note is not None  # only the note was still owed
    assert [(r.method, r.path) for r in fd_world.sandbox.recorded() if r.method != "GET"] == [
        ("POST", f"/api/v2/tickets/{raw['id']}/notes")]
    notes = [c for c in fd_world.sandbox.state.conversations[raw["id"]] if "decision-4" in c["body_text"]]
    assert len(notes) == 1


def test_apply_many_stops_writing_at_the_rate_limit(fd_world) -> None:  # type: ignore[no-untyped-def]
    raws = [fd_world.ticket(subject=f"Ticket {n}", tags=["tier_1"]) for n in range(3)]
    adapter = fd_world.adapter()
    tickets = [adapter.get_ticket(str(r["id"])) for r in raws]
    # each apply costs a read, the update and the note: the budget runs out at the second ticket's note
    fd_world.sandbox.limit_rate(5)
    fd_world.sandbox.reset_counts()
    results = adapter.apply_many([ApplyRequest(t, CHANGES, f"bulk-{t.id}") for t in tickets])
    assert [r.ok for r in results] == [True, False, False]
    assert results[1].landed == {Part.FIELDS} and isinstance(results[1].error, RetryAfterError)
    assert results[2].error is results[1].error and results[2].landed == frozenset()
    assert fd_world.sandbox.count(path_prefix=f"/api/v2/tickets/{raws[2]['id']}") == 0  # never touched
    assert fd_world.sandbox.state.ticket(raws[1]["id"])["priority"] == 3
    assert fd_world.sandbox.state.ticket(raws[2]["id"])["priority"] == 2


# ---------------------------------------------------------------- linked task tickets


def task_changes(fd_world) -> TicketChanges:  # type: ignore[no-untyped-def]
    task = TaskTicket(tier=2, group_id=str(fd_world.groups[1]["id"]), priority=Priority.HIGH,
                      subject="[Tier 2 Technical] Escalation of the invoice export", body="Escalated to Tier 2.",
                      tags=frozenset({"escalation_task", "tier_2"}))
    return TicketChanges(priority=Priority.HIGH, internal_note="Escalated to Tier 2.", task=task)


def test_a_task_ticket_is_a_child_made_once(fd_world) -> None:  # type: ignore[no-untyped-def]
    raw = fd_world.ticket()
    adapter = fd_world.adapter()
    ticket = adapter.get_ticket(str(raw["id"]))
    changes = task_changes(fd_world)
    assert changes.task is not None
    state = fd_world.sandbox.state
    state.search_lag = 600.0  # Freshdesk's search index lags by minutes: the lookups cannot rely on it
    fd_world.sandbox.reset_counts()
    result = adapter.apply(ApplyRequest(ticket, changes, "esc-1"))
    assert result.ok and result.write_requests == 3  # the child, the update, the note
    [post] = fd_world.sandbox.recorded("POST", "/api/v2/tickets")[:1]
    assert post.path == "/api/v2/tickets" and post.status == 201
    [child] = [t for t in state.tickets.values() if t.get("association_type") == 2]
    assert child["associated_tickets_list"] == [raw["id"]] and state.ticket(raw["id"])["association_type"] == 1
    assert child["requester_id"] == fd_world.sandbox.agent["id"]  # the escalator's agent, never the customer
    assert (child["group_id"], child["priority"], child["status"], child["source"]) == (
        fd_world.groups[1]["id"], 3, 2, 2)
    assert sorted(child["tags"]) == sorted(["escalation_task", "tier_2", task_tag("esc-1")])
    note = state.conversations[raw["id"]][-1]
    assert f"Escalation task: #{child['id']}" in note["body_text"]
    # the same key again, the child not searchable yet: the parent's associated tickets show it
    assert adapter.create_task_ticket(ticket, changes.task, "esc-1") == str(child["id"])
    assert adapter.create_task_ticket(ticket, changes.task, "esc-1") == str(child["id"])
    assert len([t for t in state.tickets.values() if t.get("association_type") == 2]) == 1
    assert fd_world.sandbox.count("GET", f"/api/v2/tickets/{raw['id']}/associated_tickets") == 3
    # Freshdesk refuses to resolve a parent while a child is open: the adapter reports it as a permanent error
    fresh = adapter.get_ticket(str(raw["id"]))
    with pytest.raises(PermanentError, match="unresolved_child"):
        adapter.apply(ApplyRequest(fresh, TicketChanges(status=Status.SOLVED), "resolve-1"))
    state.update_ticket(child["id"], {"status": 4})
    assert adapter.apply(ApplyRequest(fresh, TicketChanges(status=Status.SOLVED), "resolve-2")).ok


def test_a_lost_answer_to_the_child_create_makes_no_second_child(fd_world) -> None:  # type: ignore[no-untyped-def]
    raw = fd_world.ticket()
    adapter = fd_world.adapter()
    ticket = adapter.get_ticket(str(raw["id"]))
    task = task_changes(fd_world).task
    assert task is not None
    fd_world.sandbox.state.search_lag = 600.0
    fd_world.sandbox.drop_reply_next()
    with pytest.raises(TransientError):
        adapter.create_task_ticket(ticket, task, "esc-2")
    first = adapter.create_task_ticket(ticket, task, "esc-2")
    children = [t for t in fd_world.sandbox.state.tickets.values() if t.get("association_type") == 2]
    assert [str(c["id"]) for c in children] == [first]


# ---------------------------------------------------------------- install and webhooks


def test_install_is_idempotent_and_its_rules_bring_every_change(fd_world) -> None:  # type: ignore[no-untyped-def]
    adapter = fd_world.adapter()
    now = datetime.now(UTC)
    with receiver() as (url, received):
        first = adapter.install(url, "fd-shared-secret")
        second = adapter.install(url, "fd-shared-secret")
        assert first.created and not second.created and first.rule_ids == second.rule_ids
        rules = fd_world.sandbox.state.rules
        assert [len(rules[t]) for t in (1, 3, 4)] == [1, 0, 1]
        raw = fd_world.ticket()  # the customer files a ticket
        fd_world.sandbox.state.customer_reply(raw["id"], "Hello?")  # and writes again
        ticket = adapter.get_ticket(str(raw["id"]))
        adapter.apply(ApplyRequest(ticket, CHANGES, "via-api"))  # our own change comes back too
        assert fd_world.sandbox.flush_webhooks(5)
    events = [e for headers, body in received for e in adapter.parse_webhook(headers, body, now=now)]
    assert [e.kind for e in events] == [EventKind.CREATED, EventKind.COMMENT_ADDED, EventKind.PRIORITY_CHANGED,
                                        EventKind.COMMENT_ADDED]
    assert {e.ticket_id for e in events} == {str(raw["id"])} and len({e.delivery_id for e in events}) == 4
    assert events[2].changes["priority"] == "high"
    wrong = fd_world.adapter(webhook_secret="another")
    with pytest.raises(Exception, match="shared secret"):
        wrong.parse_webhook(*received[0], now=now)


# ---------------------------------------------------------------- walks


def test_open_tickets_and_export_walk_every_page(fd_world, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    state = fd_world.sandbox.state
    start = datetime(2024, 1, 1, tzinfo=UTC)
    for n in range(230):
        state.create_ticket({"requester_id": fd_world.customer["id"], "subject": f"T{n}",
                             "status": 4 if n % 10 == 0 else 2}, created_at=start + timedelta(minutes=n))
    adapter = fd_world.adapter()
    fd_world.sandbox.reset_counts()
    opened = list(adapter.open_tickets())
    assert len(opened) == 207 and all(t.status == Status.OPEN for t in opened)  # 23 resolved left out
    assert fd_world.sandbox.count("GET", "/api/v2/tickets") == 3  # pages of 100
    # Freshdesk stops at 300 pages; with a cap of 2 the walk starts again from the last updated_at it saw
    monkeypatch.setattr(freshdesk_module, "LIST_PAGE_CAP", 2)
    state.list_page_cap = 2
    again = list(adapter.open_tickets())
    assert sorted(t.id for t in again) == sorted(t.id for t in opened)
    exported: list[str] = []
    pages, cursor, done = 0, None, False
    while not done:
        page = adapter.export_tickets(start - timedelta(days=1), cursor)
        exported += [t.id for t in page.tickets]
        pages, cursor, done = pages + 1, page.cursor, page.end_of_stream
    # past the cap the export starts again at the last updated_at it gave: that ticket comes twice, none is lost
    assert pages == 3 and len(set(exported)) == 230 and len(exported) == 231


def test_requester_tickets_and_satisfaction_ratings(fd_world) -> None:  # type: ignore[no-untyped-def]
    raws = [fd_world.ticket(subject=f"T{n}") for n in range(3)]
    for raw, score in zip(raws, (103, 100, -101), strict=True):
        fd_world.sandbox.state.add_rating(raw["id"], score)
    adapter = fd_world.adapter()
    since = datetime.now(UTC) - timedelta(hours=1)
    mine = adapter.requester_tickets(str(fd_world.customer["id"]), since)
    assert sorted(t.subject for t in mine) == ["T0", "T1", "T2"]
    ratings = list(adapter.satisfaction_ratings(since))
    assert [(r.score, r.positive) for r in ratings] == [("103", True), ("100", False), ("-101", False)]


def test_a_wrong_api_key_is_a_permanent_error_that_does_not_leak(fd_world) -> None:  # type: ignore[no-untyped-def]
    raw = fd_world.ticket()
    adapter = fd_world.adapter(api_key="not-the-key-0123")
    with pytest.raises(PermanentError) as caught:
        adapter.get_ticket(str(raw["id"]))
    assert "401" in str(caught.value) and "logged in" in str(caught.value)
    assert "not-the-key-0123" not in str(caught.value)



def test_a_ticket_untouched_since_it_was_created_is_read_without_its_conversations(fd_world) -> None:  # type: ignore[no-untyped-def]
    raw = fd_world.ticket(tags=["tier_1"])
    adapter = fd_world.adapter()
    fd_world.sandbox.reset_counts()
    fresh = adapter.get_ticket(str(raw["id"]))
    assert [r.path for r in fd_world.sandbox.recorded()] == [f"/api/v2/tickets/{raw['id']}"]
    assert fresh.comments == () and fresh.comments_loaded  # nothing can have been said yet: known, not guessed
    fd_world.sandbox.state.customer_reply(raw["id"], "Any news?")
    fd_world.sandbox.reset_counts()
    later = adapter.get_ticket(str(raw["id"]))
    assert [r.path.split("?")[0] for r in fd_world.sandbox.recorded()] == [
        f"/api/v2/tickets/{raw['id']}", f"/api/v2/tickets/{raw['id']}/conversations"]
    assert [c.body for c in later.comments] == ["Any news?"]
