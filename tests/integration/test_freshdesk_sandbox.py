"""The Freshdesk sandbox's contract over real HTTP, against what shared/reference/freshdesk.md documents: basic auth
with the API key, the shapes of tickets, conversations, contacts and companies, numeric codes, tags replaced whole,
Freshdesk's error bodies, page/per_page pagination with a link header, the last-30-days default and updated_since,
the rate-limit headers and 429 with Retry-After, the filter search, and the automation rules' webhooks delivered
with the shared secret and retried until a 2xx."""

from __future__ import annotations

import http.server
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import requests

from adapters.sandbox.freshdesk import FreshdeskSandbox
from plugin.domain import EventKind, Status

STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
TICKET_FIELDS = {"id", "subject", "description", "description_text", "status", "priority", "source", "type", "tags",
                 "custom_fields", "requester_id", "responder_id", "group_id", "company_id", "product_id",
                 "email_config_id", "due_by", "fr_due_by", "fr_escalated", "is_escalated", "spam", "cc_emails",
                 "fwd_emails", "reply_cc_emails", "to_emails", "attachments", "created_at", "updated_at"}
CONVERSATION_FIELDS = {"body_text", "body", "id", "incoming", "private", "user_id", "support_email", "source",
                       "ticket_id", "created_at", "updated_at", "from_email", "to_emails", "cc_emails", "bcc_emails",
                       "attachments"}
CONTACT_FIELDS = {"active", "address", "company_id", "view_all_tickets", "description", "email", "id", "job_title",
                  "language", "mobile", "name", "phone", "time_zone", "twitter_id", "other_emails", "other_companies",
                  "created_at", "updated_at", "custom_fields", "tags"}
COMPANY_FIELDS = {"id", "name", "description", "domains", "note", "custom_fields", "created_at", "updated_at",
                  "health_score", "account_tier", "renewal_date", "industry"}


def api(sandbox: FreshdeskSandbox, method: str, path: str, *, auth: Any = None, **kwargs: Any) -> requests.Response:
    return requests.request(method, f"{sandbox.url}/api/v2{path}", timeout=5,
                            auth=(sandbox.api_key, "X") if auth is None else auth, **kwargs)


@contextmanager
def scripted_receiver(statuses: list[int]) -> Iterator[tuple[str, list[tuple[dict[str, str], bytes]]]]:
    """An endpoint answering each POST with the next status of `statuses` (200 once they run out)."""
    received: list[tuple[dict[str, str], bytes]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            received.append((dict(self.headers), self.rfile.read(int(self.headers.get("Content-Length", 0)))))
            self.send_response(statuses.pop(0) if statuses else 200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/webhooks/freshdesk", received
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------- auth, headers, errors


def test_the_api_key_is_required(fd_world) -> None:  # type: ignore[no-untyped-def]
    sandbox = fd_world.sandbox
    raw = fd_world.ticket()
    for auth in (("", ""), ("wrong-key", "X")):
        refused = api(sandbox, "GET", f"/tickets/{raw['id']}", auth=auth)
        assert refused.status_code == 401
        assert refused.json()["code"] == "invalid_credentials" and "errors" not in refused.json()
    assert requests.get(f"{sandbox.url}/api/v2/tickets/{raw['id']}", timeout=5).status_code == 401
    assert sandbox.count(status=401) == 3
    answer = api(sandbox, "GET", f"/tickets/{raw['id']}")
    assert answer.status_code == 200
    assert {h: answer.headers[h] for h in ("X-RateLimit-Used-CurrentRequest",)} == {
        "X-RateLimit-Used-CurrentRequest": "1"}
    assert int(answer.headers["x-ratelimit-total"]) > int(answer.headers["x-ratelimit-remaining"]) >= 0
    with_embeds = api(sandbox, "GET", f"/tickets/{raw['id']}", params={"include": "requester,stats"})
    assert with_embeds.headers["X-RateLimit-Used-CurrentRequest"] == "3"  # each include costs a credit


def test_error_bodies_are_freshdesks(fd_world) -> None:  # type: ignore[no-untyped-def]
    sandbox = fd_world.sandbox
    raw = fd_world.ticket()
    missing = api(sandbox, "GET", "/tickets/99999")
    assert missing.status_code == 404 and missing.content == b""  # Freshdesk: head :not_found
    bad = api(sandbox, "PUT", f"/tickets/{raw['id']}", json={"status": 9, "priority": 2})
    assert bad.status_code == 400
    assert bad.json() == {"description": "Validation failed", "errors": [
        {"field": "status", "message": "It should be one of these values: '2,3,4,5,6,7'", "code": "invalid_value"}]}
    unknown = api(sandbox, "PUT", f"/tickets/{raw['id']}", json={"additional_tags": ["x"]})
    assert unknown.json()["errors"][0] == {"field": "additional_tags", "message": "Unexpected/invalid field in request",
                                           "code": "invalid_field"}
    wrong_type = api(sandbox, "PUT", f"/tickets/{raw['id']}", json={"priority": "3"})
    assert wrong_type.status_code == 400 and wrong_type.json()["errors"][0]["field"] == "priority"
    no_group = api(sandbox, "PUT", f"/tickets/{raw['id']}", json={"group_id": 424242})
    assert no_group.status_code == 400 and no_group.json()["errors"][0]["code"] == "invalid_value"
    long_tag = api(sandbox, "PUT", f"/tickets/{raw['id']}", json={"tags": ["x" * 33]})
    assert long_tag.status_code == 400 and long_tag.json()["errors"][0]["field"] == "tags"
    assert sandbox.state.ticket(raw["id"])["status"] == 2  # nothing refused changed anything
    assert api(sandbox, "PUT", f"/tickets/{raw['id']}", data="{", headers={
        "Content-Type": "application/json"}).json()["code"] == "invalid_json"
    assert api(sandbox, "PUT", f"/tickets/{raw['id']}", data="a=b").status_code == 415


# ---------------------------------------------------------------- shapes


def test_the_decisions_read_costs_two_credits_the_ticket_and_its_conversations(fd_world) -> None:  # type: ignore[no-untyped-def]
    raw = fd_world.ticket()
    fd_world.sandbox.state.customer_reply(raw["id"], "Still broken.")  # touched since created: conversations read
    start = len(fd_world.sandbox.recorded())
    ticket = fd_world.adapter().get_ticket(str(raw["id"]))
    spent = fd_world.sandbox.recorded()[start:]
    assert ticket.comments_loaded and [r.path for r in spent] == [f"/api/v2/tickets/{raw['id']}",
                                                                  f"/api/v2/tickets/{raw['id']}/conversations"]
    assert sum(r.credits for r in spent) == 2  # no include: each embed would cost one more


def test_ticket_shape_codes_and_includes(fd_world) -> None:  # type: ignore[no-untyped-def]
    sandbox = fd_world.sandbox
    raw = fd_world.ticket(tags=["billing"], custom_fields={"cf_revenue": 4000}, source=3, type="Incident")
    ticket = api(sandbox, "GET", f"/tickets/{raw['id']}").json()
    assert set(ticket) >= TICKET_FIELDS
    assert (ticket["status"], ticket["priority"], ticket["source"], ticket["type"]) == (2, 2, 3, "Incident")
    assert ticket["custom_fields"] == {"cf_revenue": 4000} and ticket["tags"] == ["billing"]
    assert ticket["company_id"] == fd_world.company["id"]  # the requester's company
    assert ticket["description"] == "<div>The export button does nothing.</div>"
    assert ticket["description_text"] == "The export button does nothing."
    assert STAMP.match(ticket["created_at"]) and STAMP.match(ticket["updated_at"])
    assert "requester" not in ticket and "stats" not in ticket
    full = api(sandbox, "GET", f"/tickets/{raw['id']}", params={"include": "requester,company,stats"}).json()
    assert full["requester"] == {"email": "hank@globex.example", "id": fd_world.customer["id"], "mobile": None,
                                 "name": "Hank Scorpio", "phone": None}
    assert full["company"] == {"id": fd_world.company["id"], "name": "Globex"}
    assert set(full["stats"]) >= {"first_responded_at", "resolved_at", "closed_at"}
    bad = api(sandbox, "GET", f"/tickets/{raw['id']}", params={"include": "everything"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "include"


def test_update_replaces_tags_whole_and_answers_the_ticket(fd_world) -> None:  # type: ignore[no-untyped-def]
    sandbox = fd_world.sandbox
    raw = fd_world.ticket(tags=["billing", "tier_1"])
    updated = api(sandbox, "PUT", f"/tickets/{raw['id']}", json={"tags": ["tier_2"], "priority": 4,
                                                                  "custom_fields": {"cf_plan": "gold"}})
    assert updated.status_code == 200
    assert updated.json()["tags"] == ["tier_2"] and updated.json()["priority"] == 4
    assert updated.json()["updated_at"] > raw["updated_at"]
    cleared = api(sandbox, "PUT", f"/tickets/{raw['id']}", json={"tags": []}).json()
    assert cleared["tags"] == [] and cleared["custom_fields"] == {"cf_plan": "gold"}
    assert api(sandbox, "PUT", f"/tickets/{raw['id']}", json={}).json()["code"] == "missing_params"


def test_conversation_note_and_reply_shapes(fd_world) -> None:  # type: ignore[no-untyped-def]
    sandbox = fd_world.sandbox
    raw = fd_world.ticket(status=3)
    note = api(sandbox, "POST", f"/tickets/{raw['id']}/notes", json={"body": "<b>Checked</b> the logs"})
    assert note.status_code == 201
    assert set(note.json()) >= {"body_text", "body", "id", "incoming", "private", "user_id", "ticket_id",
                                "notified_to", "created_at", "updated_at"}
    assert note.json()["private"] is True and note.json()["body_text"] == "Checked the logs"
    reply = api(sandbox, "POST", f"/tickets/{raw['id']}/reply", json={"body": "On it<br>Avery"})
    assert reply.status_code == 201 and reply.json()["replied_to"] == ["hank@globex.example"]
    assert "private" not in reply.json()
    sandbox.state.customer_reply(raw["id"], "Still broken")
    listed = api(sandbox, "GET", f"/tickets/{raw['id']}/conversations").json()
    assert [set(c) >= CONVERSATION_FIELDS for c in listed] == [True, True, True]
    assert [(c["private"], c["incoming"], c["source"]) for c in listed] == [(True, False, 2), (False, False, 0),
                                                                            (False, True, 0)]
    assert listed[1]["body_text"] == "On it\nAvery"
    assert sandbox.state.ticket(raw["id"])["status"] == 2  # the customer's reply opened the pending ticket
    stats = api(sandbox, "GET", f"/tickets/{raw['id']}", params={"include": "stats"}).json()["stats"]
    assert stats["first_responded_at"] == listed[1]["created_at"]
    assert api(sandbox, "POST", f"/tickets/{raw['id']}/notes", json={"private": True}).json()["errors"][0] == {
        "field": "body", "message": "Mandatory attribute missing", "code": "missing_field"}


def test_contact_company_agent_shapes(fd_world) -> None:  # type: ignore[no-untyped-def]
    sandbox = fd_world.sandbox
    contact = api(sandbox, "GET", f"/contacts/{fd_world.customer['id']}").json()
    assert set(contact) >= CONTACT_FIELDS
    assert contact["custom_fields"] == {"account_manager": "Walter"} and contact["tags"] == ["vip"]
    company = api(sandbox, "GET", f"/companies/{fd_world.company['id']}").json()
    assert set(company) >= COMPANY_FIELDS and company["account_tier"] == "Premium"
    me = api(sandbox, "GET", "/agents/me").json()
    assert me["id"] == sandbox.agent["id"] and me["contact"]["email"] == sandbox.agent_email
    groups = api(sandbox, "GET", "/groups").json()
    assert [g["name"] for g in groups] == ["Frontline", "Technical", "Engineering", "Management"]
    assert {"id", "name", "business_hour_id"} <= set(groups[0])


# ---------------------------------------------------------------- lists


def test_pagination_with_a_link_header(fd_world) -> None:  # type: ignore[no-untyped-def]
    sandbox = fd_world.sandbox
    for n in range(65):
        fd_world.ticket(subject=f"Ticket {n}")
    first = api(sandbox, "GET", "/tickets")
    assert len(first.json()) == 30  # Freshdesk's default page
    assert first.json()[0]["subject"] == "Ticket 64"  # newest first by default
    assert "description" not in first.json()[0]  # only with include=description
    link = first.headers["Link"]
    assert link.endswith('>; rel="next"') and "page=2" in link
    second = requests.get(link[1:link.index(">")], auth=(sandbox.api_key, "X"), timeout=5)
    assert len(second.json()) == 30
    last = api(sandbox, "GET", "/tickets", params={"per_page": 30, "page": 3})
    assert len(last.json()) == 5 and "Link" not in last.headers
    big = api(sandbox, "GET", "/tickets", params={"per_page": 100, "order_type": "asc"})
    assert len(big.json()) == 65 and big.json()[0]["subject"] == "Ticket 0" and "Link" not in big.headers
    refused = api(sandbox, "GET", "/tickets", params={"per_page": 101})
    assert refused.status_code == 400 and refused.json()["errors"][0]["field"] == "per_page"
    sandbox.state.list_page_cap = 2
    assert api(sandbox, "GET", "/tickets", params={"page": 3}).status_code == 400


def test_updated_since_and_the_30_day_default(fd_world) -> None:  # type: ignore[no-untyped-def]
    sandbox = fd_world.sandbox
    old = fd_world.ticket(subject="Old")
    sandbox.state.tickets[old["id"]]["created_at"] = "2020-01-01T00:00:00Z"
    sandbox.state.tickets[old["id"]]["updated_at"] = "2020-01-02T00:00:00Z"
    fresh = fd_world.ticket(subject="Fresh")
    assert [t["id"] for t in api(sandbox, "GET", "/tickets").json()] == [fresh["id"]]
    since = api(sandbox, "GET", "/tickets", params={"updated_since": "2019-12-31T00:00:00Z",
                                                     "order_by": "updated_at", "order_type": "asc"}).json()
    assert [t["id"] for t in since] == [old["id"], fresh["id"]]
    later = api(sandbox, "GET", "/tickets", params={"updated_since": "2020-01-03"}).json()
    assert [t["id"] for t in later] == [fresh["id"]]
    assert api(sandbox, "GET", "/tickets", params={"updated_since": "yesterday"}).status_code == 400
    by_requester = api(sandbox, "GET", "/tickets", params={"email": "hank@globex.example"}).json()
    assert [t["id"] for t in by_requester] == [fresh["id"]]


def test_filter_search(fd_world) -> None:  # type: ignore[no-untyped-def]
    sandbox = fd_world.sandbox
    tagged = fd_world.ticket(tags=["esc-task-1"], priority=3)
    fd_world.ticket(priority=3)
    found = api(sandbox, "GET", "/search/tickets", params={"query": "\"tag:'esc-task-1'\""}).json()
    assert found["total"] == 1 and found["results"][0]["id"] == tagged["id"]
    both = api(sandbox, "GET", "/search/tickets", params={"query": '"priority:3 AND (status:2 OR status:3)"'}).json()
    assert both["total"] == 2
    assert api(sandbox, "GET", "/search/tickets", params={"query": "priority:3"}).status_code == 400  # no quotes
    sandbox.state.search_lag = 60.0  # Freshdesk's index lags: a new ticket is not found at once
    fd_world.ticket(tags=["esc-task-2"])
    assert api(sandbox, "GET", "/search/tickets", params={"query": "\"tag:'esc-task-2'\""}).json()["total"] == 0


# ---------------------------------------------------------------- limits and faults


def test_a_spent_minute_is_refused_with_retry_after() -> None:
    with FreshdeskSandbox(rate_limit=5) as sandbox:
        contact = sandbox.state.add_contact("Dana", "dana@example.com")
        answers = [api(sandbox, "GET", f"/contacts/{contact['id']}") for _ in range(6)]
        assert [a.status_code for a in answers] == [200] * 5 + [429]
        assert [a.headers["X-RateLimit-Remaining"] for a in answers[:5]] == ["4", "3", "2", "1", "0"]
        refused = answers[-1]
        assert 0 < int(refused.headers["Retry-After"]) <= 60
        assert refused.json()["code"] == "rate_limit_exceeded"
        assert sandbox.recorded()[-1].retry_after == float(refused.headers["Retry-After"])
    with FreshdeskSandbox() as sandbox:
        sandbox.fail_next(1, status=429, retry_after=30)
        first = api(sandbox, "GET", "/agents/me")
        assert first.status_code == 429 and first.headers["Retry-After"] == "30"
        assert api(sandbox, "GET", "/agents/me").status_code == 200


def test_the_record_shows_what_reached_the_sandbox(fd_world) -> None:  # type: ignore[no-untyped-def]
    sandbox = fd_world.sandbox
    raw = fd_world.ticket()
    sandbox.reset_counts()
    api(sandbox, "GET", f"/tickets/{raw['id']}")
    assert sandbox.write_requests() == 0
    api(sandbox, "PUT", f"/tickets/{raw['id']}", json={"priority": 3})
    [put] = sandbox.recorded("PUT")
    assert (put.path, put.status, put.json()) == (f"/api/v2/tickets/{raw['id']}", 200, {"priority": 3})
    sandbox.drop_reply_next()
    assert api(sandbox, "PUT", f"/tickets/{raw['id']}", json={"priority": 4}).status_code == 500
    assert sandbox.state.ticket(raw["id"])["priority"] == 4  # the write landed, its answer did not
    assert sandbox.write_requests() == 2 and sandbox.write_requests(successful_only=True) == 1


# ---------------------------------------------------------------- webhooks


def test_webhooks_carry_the_secret_and_are_retried_until_a_2xx(fd_world) -> None:  # type: ignore[no-untyped-def]
    sandbox = fd_world.sandbox
    adapter = fd_world.adapter()
    now = datetime.now(UTC)
    with scripted_receiver([500, 503]) as (url, received):
        sandbox.subscribe(url, "fd-shared-secret")
        raw = fd_world.ticket(priority=3, tags=["billing", "vip"])
        assert sandbox.flush_webhooks(5)
        [invocation] = sandbox.invocations
        assert invocation.attempts == 3 and invocation.delivered and invocation.status == 200
        assert [status for _, status in invocation.answers] == [500, 503, 200]
        assert len(received) == 3 and len({body for _, body in received}) == 1  # a retry is the same body
        headers, body = received[-1]
        assert headers["X-Escalator-Secret"] == "fd-shared-secret" and headers["User-Agent"] == "Freshdesk"
        assert headers["Content-Type"] == "application/json"
        [event] = adapter.parse_webhook(headers, body, now=now)
        assert (event.ticket_id, event.kind, event.status) == (str(raw["id"]), EventKind.CREATED, Status.OPEN)
        assert event.changes["priority"] == "high" and event.changes["tags"] == ["billing", "vip"]
        payload = invocation.json()["freshdesk_webhook"]
        assert payload["ticket_updated_at"] == raw["updated_at"].replace("T", " ").replace("Z", " UTC")
        assert payload["requester_email"] == "hank@globex.example"

        sandbox.state.customer_reply(raw["id"], "Any news?")  # the requester: the update rule fires
        api(sandbox, "PUT", f"/tickets/{raw['id']}", json={"status": 3})  # an agent, through the API
        sandbox.state.update_ticket(raw["id"], {"tags": ["billing"]})  # tags alone: no event listens to them
        assert sandbox.flush_webhooks(5)
    events = [e for headers, body in received[3:] for e in adapter.parse_webhook(headers, body, now=now)]
    assert [(e.kind, e.raw_type) for e in events] == [
        (EventKind.COMMENT_ADDED, "{reply_sent:sent}"), (EventKind.STATUS_CHANGED, "{status:{from:2,to:3}}")]
    assert events[1].status == Status.PENDING
    assert len({e.delivery_id for e in events}) == 2


def test_a_webhook_given_up_after_its_retries_and_a_redirect_is_not_retried(fd_world) -> None:  # type: ignore[no-untyped-def]
    sandbox = fd_world.sandbox
    with scripted_receiver([500] * 10) as (url, received):
        sandbox.subscribe(url, "s")
        fd_world.ticket()
        assert sandbox.flush_webhooks(5)
        assert len(received) == 4 and not sandbox.invocations[0].delivered  # the first try and 3 retries
    with scripted_receiver([302]) as (url, received):
        sandbox.state.rules[1].clear()
        sandbox.state.rules[4].clear()
        sandbox.subscribe(url, "s")
        fd_world.ticket()
        assert sandbox.flush_webhooks(5)
        assert len(received) == 1 and sandbox.invocations[-1].status == 302


def test_rules_are_checked_like_freshdesks(fd_world) -> None:  # type: ignore[no-untyped-def]
    sandbox = fd_world.sandbox
    action = {"field_name": "trigger_webhook", "request_type": "POST", "url": "https://example.com/hook",
              "content_type": "JSON", "content_layout": 2, "content": "{\"id\": \"{{ticket.id}}\"}"}
    condition = [{"name": "condition_set_1", "match_type": "all", "properties": [
        {"resource_type": "ticket", "field_name": "priority", "operator": "in", "value": [1, 2, 3, 4]}]}]
    no_condition = api(sandbox, "POST", "/automations/1/rules", json={"name": "x", "actions": [action]})
    assert no_condition.status_code == 400 and no_condition.json()["errors"][0]["field"] == "conditions"
    not_json = api(sandbox, "POST", "/automations/1/rules", json={
        "name": "x", "conditions": condition, "actions": [{**action, "content": "id={{ticket.id}}"}]})
    assert not_json.status_code == 400 and not_json.json()["errors"][0]["field"] == "actions.content"
    made = api(sandbox, "POST", "/automations/1/rules", json={"name": "x", "conditions": condition,
                                                               "actions": [action]})
    assert made.status_code == 201 and made.headers["Location"].endswith(f"/automations/1/rules/{made.json()['id']}")
    listed = api(sandbox, "GET", "/automations/1/rules").json()
    assert listed["meta"]["count"] == 1 and listed["rules"][0]["name"] == "x"
    assert api(sandbox, "GET", "/automations/2/rules").status_code == 404
    sandbox.account.admin = False
    assert api(sandbox, "GET", "/automations/1/rules").json()["code"] == "access_denied"
    assert api(sandbox, "GET", "/sla_policies").status_code == 403


def test_created_at_in_the_past_keeps_its_stamps(fd_world) -> None:  # type: ignore[no-untyped-def]
    created = datetime(2026, 11, 23, 14, tzinfo=UTC)
    raw = fd_world.sandbox.state.create_ticket({"requester_id": fd_world.customer["id"], "subject": "s"},
                                               created_at=created)
    assert raw["created_at"] == raw["updated_at"] == "2026-11-23T14:00:00Z"


def test_run_on_its_own_it_prints_the_config_and_serves_the_demo_account() -> None:
    process = subprocess.Popen([sys.executable, "-m", "adapters.sandbox.freshdesk", "--port", "0", "--seed", "demo"],
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        url = first.split(" on ", 1)[1].strip()
        key = process.stdout.readline().split("API key: ", 1)[1].split()[0]
        rest = [process.stdout.readline() for _ in range(2)]
        assert f"base_url: {url}" in rest[0] and f"ESCALATOR_FRESHDESK__API_KEY={key}" in rest[1]
        tickets = requests.get(f"{url}/api/v2/tickets", auth=(key, "X"), timeout=5).json()
        assert [t["subject"] for t in tickets] == ["Dashboard slow since this morning"]
        assert tickets[0]["fr_due_by"] is not None  # the demo's SLA policies apply
        assert requests.get(f"{url}/api/v2/sla_policies", auth=(key, "X"), timeout=5).json()[1]["name"] == \
            "Premium companies"
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
