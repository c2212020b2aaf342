"""The Zendesk adapter over real HTTP (zenpy) against the local sandbox: write counts, conflicts, rate limits,
lost replies, bulk updates, webhooks and install."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests
from ledger_kit import intent_for, resume
from world_helpers import receiver

from adapters.base import ApplyRequest, ConflictError, NotFoundError, Part, RetryAfterError, TransientError
from plugin.config import load_config
from plugin.customers import classify
from plugin.domain import CustomerTier, EventKind, Priority, Status, TicketChanges

CHANGES = TicketChanges(priority=Priority.HIGH, add_tags=frozenset({"escalated", "tier_2"}),
                        remove_tags=frozenset({"tier_1"}), internal_note="Escalated to Tier 2: SLA at 82%.")


def test_reads_map_to_the_domain(world) -> None:  # type: ignore[no-untyped-def]
    raw = world.ticket(tags=["tier_1", "billing"], assignee_id=world.agent["id"])
    world.sandbox.state.add_comment(raw["id"], "Could you send a HAR file?", world.agent["id"], public=True)
    world.sandbox.state.add_comment(raw["id"], "Internal: checked logs", world.agent["id"], public=False)
    adapter = world.adapter()
    ticket = adapter.get_ticket(str(raw["id"]))
    assert (ticket.id, ticket.status, ticket.priority) == (str(raw["id"]), Status.NEW, Priority.MEDIUM)
    assert ticket.tags == {"tier_1", "billing"}
    assert ticket.version == raw["updated_at"] or ticket.version > raw["updated_at"]
    assert [(c.body, c.by_agent, c.public) for c in ticket.comments] == [
        ("The export button does nothing.", False, True), ("Could you send a HAR file?", True, True),
        ("Internal: checked logs", True, False)]
    assert ticket.first_agent_reply_at is not None
    assert ticket.url == f"https://sandbox.zendesk.com/agent/tickets/{raw['id']}"
    customer = adapter.get_customer(ticket.requester_id or "")
    assert customer.organization_name == "Globex"
    assert customer.fields["lifetime_value"] == 48000 and customer.fields["account_manager"] == "Walter"
    assert classify(customer, load_config(data={})).tier == CustomerTier.VIP
    with pytest.raises(NotFoundError):
        adapter.get_ticket("999999")


def test_one_decision_costs_exactly_one_write(world) -> None:  # type: ignore[no-untyped-def]
    raw = world.ticket(tags=["tier_1", "billing"])
    adapter = world.adapter()
    ticket = adapter.get_ticket(str(raw["id"]))
    world.sandbox.reset_counts()
    result = adapter.apply(ApplyRequest(ticket, CHANGES, "decision-1"))
    assert result.ok and result.write_requests == 1
    assert world.sandbox.write_requests() == 1
    assert world.sandbox.count("PUT", f"/api/v2/tickets/{raw['id']}") == 1
    after = world.sandbox.state.ticket(raw["id"])
    assert after["priority"] == "high"
    assert sorted(after["tags"]) == ["billing", "escalated", "tier_2"]
    note = world.sandbox.state.comments[raw["id"]][-1]
    assert note["public"] is False
    assert note["body"].startswith("Escalated to Tier 2") and "[escalator-ref:decision-1]" in note["body"]
    audit = world.sandbox.state.audits[raw["id"]][-1]
    assert audit["metadata"]["custom"] == {"escalator": {"key": "decision-1"}}
    assert audit["metadata"]["system"]["client"].startswith("helpdesk-escalator/")


def test_a_conflict_never_overwrites_the_newer_ticket(world) -> None:  # type: ignore[no-untyped-def]
    raw = world.ticket(tags=["tier_1"])
    adapter = world.adapter()
    ticket = adapter.get_ticket(str(raw["id"]))
    # an agent adds a tag between our read and our write
    world.sandbox.state.update_ticket(raw["id"], {"additional_tags": ["agent_added"], "priority": "urgent"},
                                      actor_id=world.agent["id"])
    with pytest.raises(ConflictError):
        adapter.apply(ApplyRequest(ticket, CHANGES, "decision-2"))
    after = world.sandbox.state.ticket(raw["id"])
    assert "agent_added" in after["tags"] and after["priority"] == "urgent"
    assert not any("decision-2" in c["body"] for c in world.sandbox.state.comments[raw["id"]])


def test_429_surfaces_at_once_with_retry_after(world, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    raw = world.ticket()
    adapter = world.adapter()
    ticket = adapter.get_ticket(str(raw["id"]))

    def no_sleeping(seconds: float) -> None:
        raise AssertionError(f"slept {seconds}s")

    monkeypatch.setattr(time, "sleep", no_sleeping)
    world.sandbox.fail_next(1, status=429, retry_after=30)
    started = time.monotonic()
    with pytest.raises(RetryAfterError) as caught:
        adapter.apply(ApplyRequest(ticket, CHANGES, "decision-3"))
    assert caught.value.retry_after == 30
    assert time.monotonic() - started < 5  # generous: the point is that nothing waited 30 s
    assert world.sandbox.state.ticket(raw["id"])["priority"] == "normal"


def test_a_lost_reply_is_not_written_twice(world) -> None:  # type: ignore[no-untyped-def]
    raw = world.ticket()
    adapter = world.adapter()
    ticket = adapter.get_ticket(str(raw["id"]))
    intent = intent_for(ticket, CHANGES, "decision-4")
    world.sandbox.drop_reply_next()
    world.sandbox.reset_counts()
    with pytest.raises(TransientError):  # the answer is lost: the adapter does not guess, and reads nothing back
        adapter.apply(ApplyRequest(ticket, CHANGES, "decision-4"))
    assert world.sandbox.count("GET") == 0
    notes = [c for c in world.sandbox.state.comments[raw["id"]] if "decision-4" in c["body"]]
    assert len(notes) == 1
    # the retry reads the ticket back: the ledger finds the note, so nothing is written again
    world.sandbox.reset_counts()
    remaining, result = resume(adapter, intent)
    assert remaining.is_empty and result is None
    assert world.sandbox.write_requests() == 0
    assert len([c for c in world.sandbox.state.comments[raw["id"]] if "decision-4" in c["body"]]) == 1


def test_250_tickets_cost_3_update_many_calls_plus_polls(world) -> None:  # type: ignore[no-untyped-def]
    ids = [str(world.ticket(subject=f"Ticket {i}", priority="low")["id"]) for i in range(250)]
    adapter = world.adapter()
    tickets = adapter.get_tickets(ids)
    assert len(tickets) == 250 and all(not t.comments_loaded for t in tickets)
    world.sandbox.reset_counts()
    requests = [ApplyRequest(t, TicketChanges(add_tags=frozenset({"sla_breached"}),
                                              internal_note=f"Breached #{t.id}"), f"bulk-{t.id}") for t in tickets]
    results = adapter.apply_many(requests)
    assert all(r.ok for r in results) and len(results) == 250
    assert world.sandbox.count("PUT", "/api/v2/tickets/update_many") == 3
    assert world.sandbox.write_requests() == 3
    assert world.sandbox.count("GET") == world.sandbox.count("GET", "/api/v2/job_statuses")
    assert world.sandbox.count("GET", "/api/v2/job_statuses") >= 3
    for ticket_id in (ids[0], ids[149], ids[-1]):
        state = world.sandbox.state
        assert "sla_breached" in state.ticket(int(ticket_id))["tags"]
        assert state.comments[int(ticket_id)][-1]["body"].startswith(f"Breached #{ticket_id}")


def test_bulk_results_are_checked_per_ticket(world) -> None:  # type: ignore[no-untyped-def]
    ids = [str(world.ticket(subject=f"T{i}")["id"]) for i in range(3)]
    adapter = world.adapter()
    tickets = adapter.get_tickets(ids)
    world.sandbox.state.update_ticket(int(ids[1]), {"priority": "urgent"}, actor_id=world.agent["id"])
    results = adapter.apply_many([ApplyRequest(t, TicketChanges(add_tags=frozenset({"x"})), f"k{t.id}")
                                  for t in tickets])
    assert [r.ok for r in results] == [True, False, True]
    assert isinstance(results[1].error, ConflictError)
    assert "x" not in world.sandbox.state.ticket(int(ids[1]))["tags"]


def test_public_reply_and_note_are_two_writes(world) -> None:  # type: ignore[no-untyped-def]
    raw = world.ticket()
    adapter = world.adapter()
    ticket = adapter.get_ticket(str(raw["id"]))
    world.sandbox.reset_counts()
    changes = TicketChanges(internal_note="internal", public_reply="We escalated your request.")
    assert adapter.apply(ApplyRequest(ticket, changes, "k-reply")).write_requests == 2
    comments = world.sandbox.state.comments[raw["id"]]
    assert [(c["public"], c["body"].split("\n")[0]) for c in comments[-2:]] == [
        (False, "internal"), (True, "We escalated your request.")]


def test_sweep_reads(world) -> None:  # type: ignore[no-untyped-def]
    open_ids = {str(world.ticket(subject=f"Open {i}")["id"]) for i in range(3)}
    solved = world.ticket(subject="Done", status="solved")
    adapter = world.adapter()
    found = {t.id for t in adapter.open_tickets()}
    assert open_ids <= found and str(solved["id"]) not in found
    since = datetime.now(UTC) - timedelta(days=1)
    page = adapter.export_tickets(since)
    assert page.end_of_stream and len(page.tickets) == 4
    world.sandbox.state.rate(solved["id"], "good")
    ratings = list(adapter.satisfaction_ratings(since))
    assert [(r.ticket_id, r.positive) for r in ratings] == [(str(solved["id"]), True)]
    mine = adapter.requester_tickets(str(world.customer["id"]), since)
    assert len(mine) == 4


def test_the_requesters_tickets_are_read_newest_first_and_only_as_far_back_as_the_window(  # type: ignore[no-untyped-def]
        world, monkeypatch) -> None:
    import adapters.recent

    now = datetime.now(UTC)
    recent = [str(world.ticket(subject=f"Recent {d}", created_at=now - timedelta(days=d))["id"]) for d in (5, 1, 3, 2)]
    for d in (40, 60, 90, 120, 150):  # older than the window: not read past the first of them
        world.ticket(subject=f"Old {d}", created_at=now - timedelta(days=d))
    world.sandbox.state.page_size = 2
    adapter = world.adapter()
    world.sandbox.reset_counts()
    mine = adapter.requester_tickets(str(world.customer["id"]), now - timedelta(days=30))
    assert [t.id for t in mine] == [recent[1], recent[3], recent[2], recent[0]]  # newest first
    path = f"/api/v2/users/{world.customer['id']}/tickets/requested"
    assert world.sandbox.count("GET", path) == 3  # 2 + 2 recent, then the page holding the first old one
    [first, *_] = world.sandbox.recorded("GET", path)
    assert "sort_by=created_at" in first.path + first.query and "sort_order=desc" in first.path + first.query
    monkeypatch.setattr(adapters.recent, "REQUESTER_TICKETS_READ", 3)  # a requester with thousands: capped
    assert [t.id for t in adapter.requester_tickets(str(world.customer["id"]), now - timedelta(days=30))] == \
        [recent[1], recent[3], recent[2]]


def test_a_requester_with_more_tickets_in_the_window_than_one_page_costs_one_request(world) -> None:  # type: ignore[no-untyped-def]
    now = datetime.now(UTC)
    for minutes in range(130):
        world.ticket(subject=f"Order {minutes}", created_at=now - timedelta(minutes=minutes + 1))
    adapter = world.adapter()
    world.sandbox.reset_counts()
    mine = adapter.requester_tickets(str(world.customer["id"]), now - timedelta(days=30))
    assert len(mine) == 100 and mine[0].subject == "Order 0"  # the newest hundred
    assert world.sandbox.count("GET", f"/api/v2/users/{world.customer['id']}/tickets/requested") == 1


def test_a_server_that_ignores_the_order_is_read_to_the_end(world) -> None:  # type: ignore[no-untyped-def]
    """Were the order not honoured (oldest first), stopping at the first old ticket would miss every recent one."""
    import responses

    now = datetime.now(UTC)
    adapter = world.adapter()

    def page(days: list[int], next_page: str | None) -> dict[str, object]:
        return {"tickets": [{"id": 100 + d, "subject": f"T{d}", "status": "open", "tags": [],
                             "created_at": (now - timedelta(days=d)).strftime("%Y-%m-%dT%H:%M:%SZ")} for d in days],
                "next_page": next_page, "previous_page": None, "count": 4}

    asked: list[dict[str, str]] = []

    def answer(request):  # type: ignore[no-untyped-def]
        query = dict(parse_qsl(urlsplit(request.url).query))
        asked.append(query)
        second = query.get("page") == "2"
        return 200, {}, json.dumps(page([3, 1], None) if second else page([90, 60], f"{request.url}&page=2"))

    with responses.RequestsMock() as mock:
        mock.add_callback(responses.GET, re.compile(r".*/api/v2/users/7/tickets/requested\.json.*"), answer)
        mine = adapter.requester_tickets("7", now - timedelta(days=30))
    assert asked[0] == {"sort_by": "created_at", "sort_order": "desc", "per_page": "100"} and len(asked) == 2
    assert [t.id for t in mine] == ["101", "103"]


def test_webhooks_from_the_sandbox_parse_with_its_signing_secret(world) -> None:  # type: ignore[no-untyped-def]
    with receiver() as (url, received):
        webhook_id, secret = world.sandbox.subscribe(url)
        raw = world.ticket()
        world.sandbox.state.update_ticket(raw["id"], {"status": "open", "comment": {"body": "On it", "public": True}},
                                          actor_id=world.agent["id"])
        assert world.sandbox.flush_webhooks(5)
    adapter = world.adapter(webhook_secret=secret)
    events = [e for headers, body in received for e in adapter.parse_webhook(headers, body,
                                                                              now=datetime.now(UTC))]
    kinds = [e.kind for e in events]
    assert kinds[0] == EventKind.CREATED
    assert {EventKind.STATUS_CHANGED, EventKind.COMMENT_ADDED} <= set(kinds)
    assert {e.ticket_id for e in events} == {str(raw["id"])}
    assert len({e.delivery_id for e in events}) == len(events)
    assert world.sandbox.invocations[0].webhook_id == webhook_id


def test_install_is_idempotent_and_its_trigger_ignores_api_updates(world) -> None:  # type: ignore[no-untyped-def]
    adapter = world.adapter()
    with receiver() as (url, received):
        first = adapter.install(url, "unused")
        second = adapter.install(url, "unused")
        assert first.created and not second.created
        assert first.webhook_id == second.webhook_id and first.rule_ids == second.rule_ids
        assert len(world.sandbox.state.webhooks) == 1 and len(world.sandbox.state.triggers) == 1
        secret = first.details["signing_secret"]
        raw = world.ticket()  # created through the web: the trigger fires
        adapter.apply(ApplyRequest(adapter.get_ticket(str(raw["id"])), CHANGES, "via-api"))  # through the API
        assert world.sandbox.flush_webhooks(5)
    parsed = [e for headers, body in received
              for e in world.adapter(webhook_secret=secret).parse_webhook(headers, body, now=datetime.now(UTC))]
    assert [(e.ticket_id, e.raw_type) for e in parsed] == [(str(raw["id"]), "trigger")]


def test_credentials_never_reach_errors_or_logs(world, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level("DEBUG")
    token = "s3cr3t-t0ken-do-not-leak"
    adapter = world.adapter(api_token=token)
    with pytest.raises(Exception) as caught:
        adapter.get_ticket("1")
    text = f"{caught.value} {caught.value!r} {caplog.text}"
    assert token not in text
    assert "token:" not in str(caught.value)


# ---------------------------------------------------------------- install: what the audit found


def test_the_trigger_excludes_only_our_own_integration_user(world) -> None:  # type: ignore[no-untyped-def]
    adapter = world.adapter()
    other_integration = world.sandbox.state.add_user("CRM Sync", "crm@acme.example", role="agent")
    with receiver() as (url, received):
        installed = adapter.install(url, "unused")
        [trigger] = world.sandbox.state.triggers.values()
        assert {"field": "current_user", "operator": "is_not", "value": str(world.bot["id"])} in \
            trigger["conditions"]["all"]
        assert not [c for c in trigger["conditions"]["all"] if c["field"] == "current_via_id"]
        raw = world.ticket()
        adapter.apply(ApplyRequest(adapter.get_ticket(str(raw["id"])), CHANGES, "ours"))  # our update: no webhook
        # another integration's update through the API (via 5) is news and must reach us
        world.sandbox.state.update_ticket(raw["id"], {"priority": "urgent"}, actor_id=other_integration["id"],
                                          via_id=5)
        assert world.sandbox.flush_webhooks(5)
    parser = world.adapter(webhook_secret=installed.details["signing_secret"])
    parsed = [e for headers, body in received for e in parser.parse_webhook(headers, body, now=datetime.now(UTC))]
    assert [e.actor_id for e in parsed] == [str(world.customer["id"]), str(other_integration["id"])]


def test_without_an_integration_user_the_trigger_has_no_user_condition(world) -> None:  # type: ignore[no-untyped-def]
    adapter = world.adapter(integration_user_id=None)
    adapter.install("http://127.0.0.1:9/webhooks/zendesk", "unused")
    [trigger] = world.sandbox.state.triggers.values()
    assert [c["field"] for c in trigger["conditions"]["all"]] == ["status"]


def test_install_reads_every_page_of_triggers_and_webhooks(world) -> None:  # type: ignore[no-untyped-def]
    adapter = world.adapter()
    first = adapter.install("http://127.0.0.1:9/webhooks/zendesk", "unused")
    world.sandbox.state.page_size = 2  # ours is now on the last of several pages
    for n in range(5):
        world.sandbox.state.add_webhook({"name": f"other-{n}", "endpoint": f"https://example.com/{n}"})
        world.sandbox.state.add_trigger({"title": f"other-{n}", "actions": [{"field": "status", "value": "open"}]})
    again = adapter.install("http://127.0.0.1:9/webhooks/zendesk", "unused")
    assert not again.created and (again.webhook_id, again.rule_ids) == (first.webhook_id, first.rule_ids)
    names = [w["name"] for w in world.sandbox.state.webhooks.values()]
    titles = [t["title"] for t in world.sandbox.state.triggers.values()]
    assert names.count("helpdesk-escalator") == 1 and titles.count("helpdesk-escalator") == 1
    assert world.sandbox.count("GET", "/api/v2/triggers") >= 3 and world.sandbox.count("GET", "/api/v2/webhooks") >= 3


# ---------------------------------------------------------------- reads: what the audit found


def test_open_tickets_go_past_the_search_limit(world) -> None:  # type: ignore[no-untyped-def]
    world.sandbox.state.search_limit = 20  # Zendesk's is 1,000; the sandbox refuses past it the same way
    world.sandbox.state.page_size = 10
    open_ids = {str(world.ticket(subject=f"Open {i}")["id"]) for i in range(35)}
    world.ticket(subject="Done", status="solved")
    assert {t.id for t in world.adapter().open_tickets()} == open_ids
    assert world.sandbox.count("GET", "/api/v2/search/export") == 4
    capped = requests.get(f"{world.sandbox.url}/api/v2/search.json?query=status<solved&page=3&per_page=10",
                          auth=(f"{world.sandbox.email}/token", world.sandbox.token), timeout=5)
    assert capped.status_code == 422 and capped.json()["error"] == "invalid"


def test_unanswered_surveys_are_no_ratings_and_every_page_is_read(world) -> None:  # type: ignore[no-untyped-def]
    world.sandbox.state.page_size = 2
    tickets = [world.ticket(subject=f"T{i}", status="solved") for i in range(6)]
    for raw, score in zip(tickets, ["good", "offered", "bad", "unoffered", "good", "good"], strict=True):
        world.sandbox.state.rate(raw["id"], score)
    ratings = list(world.adapter().satisfaction_ratings(datetime.now(UTC) - timedelta(days=1)))
    assert [(r.ticket_id, r.positive) for r in ratings] == [
        (str(tickets[i]["id"]), positive) for i, positive in ((0, True), (2, False), (4, True), (5, True))]
    assert all(r.path.startswith("/api/v2/satisfaction_ratings") for r in world.sandbox.recorded("GET"))


# ---------------------------------------------------------------- writes: what the audit found


def test_bulk_updates_add_and_remove_tags_without_replacing_the_list(world) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    ids = [str(world.ticket(subject=f"T{i}", tags=["tier_1"])["id"]) for i in range(3)]
    adapter = world.adapter()
    tickets = adapter.get_tickets(ids)
    # an agent tags one ticket after our read; a bulk write must not take the tag away, even without safe_update
    world.sandbox.state.update_ticket(int(ids[1]), {"additional_tags": ["agent_added"]}, actor_id=world.agent["id"])
    changes = TicketChanges(add_tags=frozenset({"sla_breached"}), remove_tags=frozenset({"tier_1"}))
    results = adapter.apply_many([ApplyRequest(replace(t, version=None), changes, f"b{t.id}") for t in tickets])
    assert all(r.ok for r in results)
    [put] = world.sandbox.recorded("PUT", "/api/v2/tickets/update_many")
    for item in put.json()["tickets"]:
        assert "tags" not in item
        assert (item["additional_tags"], item["remove_tags"]) == (["sla_breached"], ["tier_1"])
    assert sorted(world.sandbox.state.ticket(int(ids[1]))["tags"]) == ["agent_added", "sla_breached"]


def test_a_reply_that_failed_after_its_note_landed_is_not_reported_done(world) -> None:  # type: ignore[no-untyped-def]
    raw = world.ticket()
    adapter = world.adapter()
    ticket = adapter.get_ticket(str(raw["id"]))
    changes = TicketChanges(internal_note="internal", public_reply="We escalated your request.")

    def refuse_the_next_request(change) -> None:  # type: ignore[no-untyped-def]
        if change.comment is not None and not change.comment["public"]:
            world.sandbox.fail_next(1, status=503)  # the note landed; the reply's update will be refused

    world.sandbox.state.listeners.append(refuse_the_next_request)
    with pytest.raises(TransientError) as caught:
        adapter.apply(ApplyRequest(ticket, changes, "k-split"))
    world.sandbox.state.listeners.remove(refuse_the_next_request)
    assert caught.value.landed == {Part.NOTE}  # the answer of the first update confirmed the note
    bodies = [c["body"] for c in world.sandbox.state.comments[raw["id"]]]
    assert any("[escalator-ref:k-split]" in b for b in bodies)
    assert not any("[escalator-ref:k-split:reply]" in b for b in bodies)
    # the retry on a fresh read writes the reply only, once
    world.sandbox.reset_counts()
    remaining, again = resume(adapter, intent_for(ticket, changes, "k-split"))
    assert remaining == TicketChanges(public_reply="We escalated your request.")
    assert again is not None and again.ok and again.write_requests == 1
    comments = world.sandbox.state.comments[raw["id"]]
    assert [c["public"] for c in comments if "k-split" in c["html_body"]] == [False, True]
    assert "k-split" not in comments[-1]["body"]  # the reply's marker is hidden from the customer


def test_a_429_on_a_later_batch_keeps_the_results_of_the_earlier_ones(world, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
                                                                       ) -> None:
    ids = [str(world.ticket(subject=f"T{i}", priority="low")["id"]) for i in range(150)]
    adapter = world.adapter()
    tickets = adapter.get_tickets(ids)
    waited = adapter._wait_for_job

    def then_rate_limit(job_id: str):  # type: ignore[no-untyped-def]
        status = waited(job_id)
        world.sandbox.fail_next(1, status=429, retry_after=30)  # the next batch's update_many is refused
        return status

    monkeypatch.setattr(adapter, "_wait_for_job", then_rate_limit)
    results = adapter.apply_many([ApplyRequest(t, TicketChanges(add_tags=frozenset({"swept"})), f"s{t.id}")
                                  for t in tickets])
    assert [r.ok for r in results] == [True] * 100 + [False] * 50
    assert all(isinstance(r.error, RetryAfterError) and r.error.retry_after == 30 for r in results[100:])
    assert "swept" in world.sandbox.state.ticket(int(ids[99]))["tags"]
    assert "swept" not in world.sandbox.state.ticket(int(ids[100]))["tags"]


def test_a_session_of_the_callers_gets_the_429_hook_and_the_base_url(world, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
                                                                     ) -> None:
    from adapters.zendesk import ZendeskAdapter

    session = requests.Session()
    adapter = ZendeskAdapter(world.settings(), session=session)
    raw = world.ticket()
    assert adapter.get_ticket(str(raw["id"])).id == str(raw["id"])  # https://sandbox.zendesk.com mapped to the sandbox
    monkeypatch.setattr(time, "sleep", lambda s: (_ for _ in ()).throw(AssertionError(f"slept {s}s")))
    world.sandbox.fail_next(1, status=429, retry_after=30)
    with pytest.raises(RetryAfterError) as caught:
        adapter.get_ticket(str(raw["id"]))
    assert caught.value.retry_after == 30
    ZendeskAdapter(world.settings(), session=session).get_ticket(str(raw["id"]))  # prepared twice, hooked once
    assert session.hooks["response"].count(session.hooks["response"][0]) == 1
