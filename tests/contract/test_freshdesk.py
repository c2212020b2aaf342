"""The Freshdesk adapter against Freshdesk's documented shapes (replies built with `responses` from the API docs):
webhook authentication and both payload forms, the triggered_event grammar, reads, at most two writes per decision,
no tag clobbering, no double note, rate limits, errors, credentials, install, fuzzing."""

from __future__ import annotations

import base64
import contextlib
import json
import time
from datetime import UTC, datetime, timedelta

import pytest
import responses
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ledger_kit import intent_for

from adapters.base import (
    ApplyRequest,
    BadSignatureError,
    ConflictError,
    InvalidFieldError,
    MissingFieldError,
    MissingSignatureError,
    NotJsonError,
    Part,
    PermanentError,
    RetryAfterError,
    TransientError,
    UnknownEventError,
    WebhookError,
)
from adapters.freshdesk import FreshdeskAdapter
from adapters.freshdesk_webhooks import ADVANCED_BODY, parse_triggered_event
from plugin.config import FreshdeskConfig
from plugin.domain import Comment, EventKind, Priority, Status, TaskTicket, Ticket, TicketChanges
from plugin.ledger import still_to_write

BASE = "https://acme.freshdesk.com/api/v2"
API_KEY = "fd-api-key-that-must-not-leak"
SECRET = "fd-shared-secret"
NOW = datetime(2026, 11, 23, 10, tzinfo=UTC)
STAMP = "2026-11-23T09:58:00Z"


def adapter(**settings: object) -> FreshdeskAdapter:
    values: dict[str, object] = {"domain": "acme", "api_key": API_KEY, "webhook_secret": SECRET,
                                 "custom_statuses": {6: "pending", 7: "on_hold"},
                                 "agent_email": "escalator@acme.example"}
    values.update(settings)
    return FreshdeskAdapter(FreshdeskConfig(**values), sleep=lambda s: None)  # type: ignore[arg-type]


def fd_ticket(**fields: object) -> dict[str, object]:
    data: dict[str, object] = {
        "id": 11, "subject": "Export broken", "description_text": "The export button does nothing.", "status": 2,
        "priority": 2, "source": 1, "type": None, "tags": ["billing", "tier_1"], "custom_fields": {"cf_revenue": 4000},
        "requester_id": 501, "responder_id": 7001, "group_id": 100, "company_id": 900,
        "created_at": "2026-11-23T09:00:00Z", "updated_at": STAMP, "fr_escalated": False, "is_escalated": False}
    data.update(fields)
    return data


def conversation(body: str, *, incoming: bool, private: bool = False, cid: int = 1) -> dict[str, object]:
    return {"id": cid, "body": f"<div>{body}</div>", "body_text": body, "incoming": incoming, "private": private,
            "user_id": 501 if incoming else 7001, "ticket_id": 11, "created_at": "2026-11-23T09:30:00Z",
            "attachments": []}


def ticket(**fields: object) -> Ticket:
    values: dict[str, object] = {"platform": "freshdesk", "id": "11", "subject": "Export broken",
                                 "status": Status.OPEN, "created_at": NOW - timedelta(hours=1),
                                 "updated_at": NOW - timedelta(minutes=2), "priority": Priority.MEDIUM,
                                 "tags": frozenset({"billing", "tier_1"}), "version": STAMP}
    values.update(fields)
    return Ticket(**values)  # type: ignore[arg-type]


def hook(payload: dict[str, object], headers: dict[str, str] | None = None) -> list:  # type: ignore[type-arg]
    body = json.dumps({"freshdesk_webhook": payload}).encode()
    return adapter().parse_webhook(headers if headers is not None else {"X-Escalator-Secret": SECRET}, body, now=NOW)


# ---------------------------------------------------------------- webhooks


def test_simple_form_with_labels() -> None:
    [event] = hook({"ticket_id": "11", "ticket_status": "Pending", "ticket_priority": "High",
                    "ticket_tags": "billing, vip", "ticket_subject": "Export broken"})
    assert (event.ticket_id, event.status, event.kind) == ("11", Status.PENDING, EventKind.UPDATED)
    assert event.changes["priority"] == "high" and event.changes["tags"] == ["billing", "vip"]
    assert event.delivery_id.startswith("sha256:")


def test_our_advanced_body_rendered() -> None:
    rendered = (ADVANCED_BODY.replace("{{ticket.id}}", "11").replace("{{ticket.status}}", "Waiting on Customer")
                .replace("{{ticket.priority}}", "Urgent").replace("{{triggered_event}}", "{status:{from:2,to:6}}")
                .replace("{{ticket.tags}}", "").replace("{{ticket.requester.email}}", "dana@example.com")
                .replace("{{ticket.agent.email}}", "escalator@acme.example"))
    [event] = adapter().parse_webhook({"X-Escalator-Secret": SECRET}, rendered.encode(), now=NOW)
    assert event.status == Status.PENDING  # custom status 6 mapped by the configuration
    assert event.kind == EventKind.STATUS_CHANGED
    assert event.changes["priority"] == "critical"
    # {{ticket.agent.email}} is the assignee, not who acted: an update on a ticket assigned to the escalator's
    # agent may be the customer's, so it is never skipped as ours
    assert event.from_us is False


def test_unmapped_custom_status_counts_as_open() -> None:
    [event] = hook({"ticket_id": "11", "triggered_event": "{status:{from:2,to:9}}"})
    assert event.status == Status.OPEN


@pytest.mark.parametrize(("triggered", "kind"), [
    ("{ticket_action:created}", EventKind.CREATED), ("{priority:{from:3,to:1}}", EventKind.PRIORITY_CHANGED),
    ("{note_type:private}", EventKind.COMMENT_ADDED), ("{status:{from:4,to:2}}", EventKind.STATUS_CHANGED)])
def test_triggered_event_kinds(triggered: str, kind: EventKind) -> None:
    [event] = hook({"ticket_id": "11", "triggered_event": triggered})
    assert event.kind == kind


def test_a_redelivery_has_the_same_delivery_id() -> None:
    payload = {"ticket_id": "11", "ticket_status": "Open"}
    assert hook(payload)[0].delivery_id == hook(payload)[0].delivery_id
    assert hook(payload)[0].delivery_id != hook({**payload, "ticket_status": "Pending"})[0].delivery_id


def test_basic_auth_password_is_accepted() -> None:
    token = base64.b64encode(f"freshdesk:{SECRET}".encode()).decode()
    assert hook({"ticket_id": "11"}, {"Authorization": f"Basic {token}"})


@pytest.mark.parametrize(("headers", "error"), [
    ({}, MissingSignatureError), ({"X-Escalator-Secret": "nope"}, BadSignatureError),
    ({"Authorization": "Basic !!!"}, BadSignatureError),
    ({"Authorization": "Basic " + base64.b64encode(b"u:wrong").decode()}, BadSignatureError)])
def test_authentication_failures(headers: dict[str, str], error: type[Exception]) -> None:
    with pytest.raises(error):
        hook({"ticket_id": "11"}, headers)


def test_no_secret_configured_refuses_everything() -> None:
    with pytest.raises(BadSignatureError, match="no Freshdesk webhook secret"):
        adapter(webhook_secret=None).parse_webhook({"X-Escalator-Secret": "x"}, b"{}", now=NOW)


def test_parse_errors_name_their_cause() -> None:
    headers = {"X-Escalator-Secret": SECRET}
    with pytest.raises(NotJsonError):
        adapter().parse_webhook(headers, b"{oops", now=NOW)
    with pytest.raises(UnknownEventError, match="freshdesk_webhook"):
        adapter().parse_webhook(headers, b'{"ticket": 1}', now=NOW)
    with pytest.raises(MissingFieldError, match="ticket_id"):
        hook({"ticket_status": "Open"})
    with pytest.raises(InvalidFieldError, match="not a ticket id"):
        hook({"ticket_id": "eleven"})
    with pytest.raises(InvalidFieldError, match="not a Freshdesk priority"):
        hook({"ticket_id": "11", "ticket_priority": "Whenever"})
    # an unreadable triggered_event is no reason to refuse: tests/unit/test_freshdesk_triggered_event.py


@pytest.mark.parametrize(("text", "parsed"), [
    ("{ticket_action:created}", {"ticket_action": "created"}),
    ("{priority:{from:3,to:1}}", {"priority": {"from": "3", "to": "1"}}),
    ("{ status : { from : 4 , to : 6 } }", {"status": {"from": "4", "to": "6"}}),
    ("{note_type:private}", {"note_type": "private"}), ("{}", {})])
def test_triggered_event_grammar(text: str, parsed: dict[str, object]) -> None:
    assert parse_triggered_event(text) == parsed


FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=15),
                           lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=10), c, max_size=4),
                           max_leaves=15)


@FUZZ
@given(st.text(alphabet="{}:, ab12", max_size=40))
def test_triggered_event_parser_raises_only_typed_errors(text: str) -> None:
    with contextlib.suppress(InvalidFieldError):
        parse_triggered_event(text)


@FUZZ
@given(st.binary(max_size=500))
def test_random_bytes_raise_only_typed_errors(body: bytes) -> None:
    with contextlib.suppress(WebhookError):
        adapter().parse_webhook({"X-Escalator-Secret": SECRET}, body, now=NOW)


@FUZZ
@given(st.dictionaries(st.sampled_from(["ticket_id", "ticket_status", "ticket_priority", "triggered_event",
                                        "ticket_tags", "agent_email"]), json_values, max_size=6))
def test_mutated_payloads_raise_only_typed_errors(payload: dict[str, object]) -> None:
    try:
        events = hook({"ticket_id": "11", **payload})
    except WebhookError:
        return
    assert events[0].ticket_id.isdigit()


# ---------------------------------------------------------------- reads


@responses.activate
def test_get_ticket_maps_enums_comments_and_the_customer() -> None:
    responses.get(f"{BASE}/tickets/11", json=fd_ticket(status=6, priority=4))
    responses.get(f"{BASE}/tickets/11/conversations", json=[
        conversation("Any news?", incoming=True, cid=1), conversation("Checking logs", incoming=False, private=True,
                                                                      cid=2)])
    result = adapter().get_ticket("11")
    assert (result.status, result.priority) == (Status.PENDING, Priority.CRITICAL)
    assert result.version == STAMP and result.assignee_id == "7001" and result.organization_id == "900"
    assert [(c.body, c.by_agent, c.public) for c in result.comments] == [
        ("Any news?", False, True), ("Checking logs", True, False)]
    assert result.custom_fields["cf_revenue"] == 4000
    assert responses.calls[0].request.headers["Authorization"].startswith("Basic ")
    assert base64.b64decode(responses.calls[0].request.headers["Authorization"][6:]).decode() == f"{API_KEY}:X"
    responses.get(f"{BASE}/contacts/501", json={"id": 501, "name": "Dana", "email": "dana@example.com",
                                                "company_id": 900, "language": "fr", "tags": ["vip"],
                                                "custom_fields": {"lifetime_value": None}})
    responses.get(f"{BASE}/companies/900", json={"id": 900, "name": "Globex", "account_tier": "Premium",
                                                 "custom_fields": {"customer_tier": "vip", "lifetime_value": 48000}})
    customer = adapter().get_customer("501")
    assert customer.organization_name == "Globex" and customer.locale == "fr"
    assert customer.fields == {"customer_tier": "vip", "lifetime_value": 48000, "account_tier": "Premium"}


@responses.activate
def test_rate_limit_header_is_read_case_insensitively() -> None:
    responses.get(f"{BASE}/tickets/11", json=fd_ticket(), headers={"x-ratelimit-remaining": "37"})
    fd = adapter()
    fd.get_tickets(["11"])
    assert fd.rate_limit_remaining == 37


# ---------------------------------------------------------------- writes

CHANGES = TicketChanges(priority=Priority.HIGH, add_tags=frozenset({"escalated", "tier_2"}),
                        remove_tags=frozenset({"tier_1"}), group_id="200", clear_assignee=True,
                        internal_note="Escalated <Tier 2> & more")


@responses.activate
def test_a_decision_costs_at_most_two_writes_with_exact_bodies() -> None:
    responses.get(f"{BASE}/tickets/11", json=fd_ticket())
    responses.put(f"{BASE}/tickets/11", json=fd_ticket(priority=3))
    responses.post(f"{BASE}/tickets/11/notes", status=201, json={"id": 99, "private": True})
    result = adapter().apply(ApplyRequest(ticket(), CHANGES, "k-1"))
    writes = [c for c in responses.calls if c.request.method in ("PUT", "POST")]
    assert result.ok and result.write_requests == 2 and len(writes) == 2
    assert json.loads(writes[0].request.body) == {"priority": 3, "group_id": 200, "responder_id": None,
                                                  "tags": ["billing", "escalated", "tier_2"]}
    note = json.loads(writes[1].request.body)
    assert note == {"body": "Escalated &lt;Tier 2&gt; &amp; more<br><br>[escalator-ref:k-1]", "private": True}


@responses.activate
def test_tags_changed_meanwhile_are_never_clobbered() -> None:
    responses.get(f"{BASE}/tickets/11", json=fd_ticket(tags=["billing", "tier_1", "agent_added"],
                                                       updated_at="2026-11-23T09:59:30Z"))
    with pytest.raises(ConflictError, match="changed since the decision"):
        adapter().apply(ApplyRequest(ticket(), CHANGES, "k-2"))
    assert all(c.request.method == "GET" for c in responses.calls)


@responses.activate
def test_a_retry_never_posts_the_note_twice() -> None:
    already = ticket(comments=(Comment("9", "Escalated\n\n[escalator-ref:k-3]", False, NOW, "7001", True),))
    intent = intent_for(ticket(), TicketChanges(internal_note="Escalated"), "k-3")
    remaining = still_to_write(already, intent)  # the ledger reads the marker on the ticket read back
    assert remaining.is_empty
    result = adapter().apply(ApplyRequest(already, remaining, "k-3"))
    assert result.ok and result.write_requests == 0
    assert len(responses.calls) == 0


@responses.activate
def test_a_lost_answer_on_the_note_is_a_transient_error_with_what_landed_before_it() -> None:
    """The adapter never reads back to guess: the update's answer confirmed the fields, the note's was lost."""
    responses.get(f"{BASE}/tickets/11", json=fd_ticket())
    responses.put(f"{BASE}/tickets/11", json=fd_ticket())
    responses.post(f"{BASE}/tickets/11/notes", status=502, json={"description": "Bad gateway"})
    with pytest.raises(TransientError) as caught:
        adapter().apply(ApplyRequest(ticket(), CHANGES, "k-4"))
    assert caught.value.landed == {Part.FIELDS}
    assert not [c for c in responses.calls if "conversations" in c.request.url]
    assert len([c for c in responses.calls if c.request.method == "POST"]) == 1


@responses.activate
def test_the_retry_after_an_update_that_landed_writes_the_note_only() -> None:
    """Freshdesk's two writes: the update landed, the note did not. The retry decides nothing again: the ledger
    sees the fields on the ticket and the note missing, and only the note is posted (the sentiment bump is never
    applied twice)."""
    escalated = ticket(priority=Priority.HIGH, tags=frozenset({"billing", "escalated", "tier_2"}), group_id="200",
                       version="2026-11-23T10:00:09Z")
    intent = intent_for(ticket(), CHANGES, "k-5")
    remaining = still_to_write(escalated, intent)
    assert remaining == TicketChanges(internal_note=CHANGES.internal_note)
    responses.post(f"{BASE}/tickets/11/notes", status=201, json={"id": 98, "private": True})
    result = adapter().apply(ApplyRequest(escalated, remaining, "k-5"))
    assert result.ok and result.write_requests == 1 and result.landed == {Part.NOTE}
    [call] = responses.calls
    assert call.request.url.endswith("/tickets/11/notes")


@responses.activate
def test_429_is_a_retry_after_error_without_sleeping(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "sleep", lambda s: (_ for _ in ()).throw(AssertionError("slept")))
    responses.get(f"{BASE}/tickets/11", status=429, headers={"Retry-After": "30"},
                  json={"description": "You have exceeded the limit of requests per minute"})
    with pytest.raises(RetryAfterError) as caught:
        adapter().get_ticket("11")
    assert caught.value.retry_after == 30


@responses.activate
def test_errors_carry_freshdesk_details_and_never_the_key(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    responses.put(f"{BASE}/tickets/11", status=400, json={
        "description": "Validation failed",
        "errors": [{"field": "group_id", "message": "There is no group matching the given group_id",
                    "code": "invalid_value"}]})
    with pytest.raises(PermanentError) as caught:
        adapter().apply(ApplyRequest(ticket(), TicketChanges(group_id="404"), "k-6"))
    message = str(caught.value)
    assert "Validation failed" in message and "group_id: There is no group" in message and "invalid_value" in message
    for text in (message, repr(caught.value), caplog.text, repr(adapter())):
        assert API_KEY not in text
        assert base64.b64encode(f"{API_KEY}:X".encode()).decode() not in text


@responses.activate
def test_install_creates_then_updates_its_rules() -> None:
    for kind in (1, 4):
        responses.get(f"{BASE}/automations/{kind}/rules", json=[])
        responses.post(f"{BASE}/automations/{kind}/rules", status=201, json={"id": 100 + kind})
    first = adapter().install("https://escalator.acme.example/webhooks/freshdesk", SECRET)
    assert first.created and first.rule_ids == ("101", "104")
    posted = json.loads(responses.calls[1].request.body)
    action = posted["actions"][0]
    assert action["url"] == "https://escalator.acme.example/webhooks/freshdesk"
    assert action["custom_headers"] == {"X-Escalator-Secret": SECRET} and action["content"] == ADVANCED_BODY
    responses.reset()
    for kind in (1, 4):
        responses.get(f"{BASE}/automations/{kind}/rules", json=[{"id": 100 + kind, "name": "helpdesk-escalator"}])
        responses.put(f"{BASE}/automations/{kind}/rules/{100 + kind}", json={"id": 100 + kind})
    again = adapter().install("https://escalator.acme.example/webhooks/freshdesk", SECRET)
    assert not again.created and again.rule_ids == ("101", "104")
    assert not [c for c in responses.calls if c.request.method == "POST"]


# ---------------------------------------------------------------- webhooks: what the audit found


def advanced(status: str, triggered: str, updated_at: str) -> bytes:
    return (ADVANCED_BODY.replace("{{ticket.id}}", "11").replace("{{ticket.status}}", status)
            .replace("{{ticket.priority}}", "High").replace("{{triggered_event}}", triggered)
            .replace("{{ticket.tags}}", "").replace("{{ticket.modified_on}}", updated_at)
            .replace("{{ticket.requester.email}}", "dana@example.com").replace("{{ticket.agent.email}}", "")).encode()


def test_open_pending_open_pending_are_three_events_and_a_redelivery_is_one() -> None:
    fd = adapter()
    headers = {"X-Escalator-Secret": SECRET}
    bodies = [advanced("Pending", "{status:{from:2,to:3}}", "2026-11-23 10:00:01 UTC"),
              advanced("Open", "{status:{from:3,to:2}}", "2026-11-23 10:00:20 UTC"),
              advanced("Pending", "{status:{from:2,to:3}}", "2026-11-23 10:00:41 UTC")]
    ids = [fd.parse_webhook(headers, body, now=NOW)[0].delivery_id for body in bodies]
    assert len(set(ids)) == 3  # the third is a new event, not a redelivery of the first
    # Freshdesk's retry of the very same request, an hour later, is recognised
    assert fd.parse_webhook(headers, bodies[0], now=NOW + timedelta(hours=1))[0].delivery_id == ids[0]


def test_without_a_timestamp_the_same_body_is_one_event_only_within_a_short_window() -> None:
    payload = {"ticket_id": "11", "ticket_status": "Pending", "triggered_event": "{status:{from:2,to:3}}"}
    body = json.dumps({"freshdesk_webhook": payload}).encode()
    fd, headers = adapter(), {"X-Escalator-Secret": SECRET}
    first = fd.parse_webhook(headers, body, now=NOW)[0].delivery_id
    assert fd.parse_webhook(headers, body, now=NOW + timedelta(seconds=20))[0].delivery_id == first
    assert fd.parse_webhook(headers, body, now=NOW + timedelta(minutes=3))[0].delivery_id != first
    unrendered = json.dumps({"freshdesk_webhook": {**payload, "ticket_updated_at": "{{ticket.modified_on}}"}})
    again = fd.parse_webhook(headers, unrendered.encode(), now=NOW + timedelta(minutes=3))[0].delivery_id
    assert again != fd.parse_webhook(headers, unrendered.encode(), now=NOW)[0].delivery_id


@pytest.mark.parametrize("scheme", ["basic", "BASIC", "bAsIc"])
def test_the_basic_auth_scheme_is_case_insensitive(scheme: str) -> None:
    token = base64.b64encode(f"freshdesk:{SECRET}".encode()).decode()
    assert hook({"ticket_id": "11"}, {"Authorization": f"{scheme} {token}"})


@pytest.mark.parametrize("ticket_id", ["\u00b2", "\u0663\u0665", "\uff11\uff12"])
def test_only_ascii_digits_make_a_freshdesk_ticket_id(ticket_id: str) -> None:
    with pytest.raises(InvalidFieldError, match="not a ticket id"):
        hook({"ticket_id": ticket_id})


def test_a_deeply_nested_body_is_a_typed_error() -> None:
    with pytest.raises(NotJsonError, match="nested too deeply"):
        adapter().parse_webhook({"X-Escalator-Secret": SECRET}, b"[" * 100_000 + b"]" * 100_000, now=NOW)


@FUZZ
@given(json_values)
def test_random_json_raises_only_typed_errors(data: object) -> None:
    with contextlib.suppress(WebhookError):
        adapter().parse_webhook({"X-Escalator-Secret": SECRET}, json.dumps(data).encode(), now=NOW)


@FUZZ
@given(json_values)
def test_random_json_as_the_webhook_object_raises_only_typed_errors(data: object) -> None:
    with contextlib.suppress(WebhookError):
        adapter().parse_webhook({"X-Escalator-Secret": SECRET}, json.dumps({"freshdesk_webhook": data}).encode(),
                                now=NOW)


# ---------------------------------------------------------------- install: what the audit found


@responses.activate
def test_the_update_rule_fires_for_anyone_on_any_status() -> None:
    for kind in (1, 4):  # List All Automation Rules answers {"rules": [...], "meta": {...}}
        responses.get(f"{BASE}/automations/{kind}/rules", json={"rules": [
            {"id": 7, "name": "someone else's rule"}], "meta": {"count": 1}})
        responses.post(f"{BASE}/automations/{kind}/rules", status=201, json={"id": 100 + kind})
    adapter().install("https://escalator.acme.example/webhooks/freshdesk", SECRET)
    posted = {call.request.url.rsplit("/automations/", 1)[1].split("/")[0]: json.loads(call.request.body)
              for call in responses.calls if call.request.method == "POST"}
    update_rule = posted["4"]
    assert update_rule["performer"] == {"type": 3}  # agent or requester: customer replies fire it too
    assert {"field_name": "reply_sent"} in update_rule["events"]
    assert {"field_name": "note_type", "value": "--"} in update_rule["events"]
    for field in ("status", "priority", "group_id", "responder_id"):
        assert {"field_name": field, "from": "--", "to": "--"} in update_rule["events"]
    for rule in posted.values():
        [condition_set] = rule["conditions"]
        # no status filter (resolved, closed and custom statuses fire too): a condition true for every ticket
        assert condition_set["properties"] == [{"resource_type": "ticket", "field_name": "priority",
                                                "operator": "in", "value": [1, 2, 3, 4]}]
    assert "performer" not in posted["1"] and "events" not in posted["1"]


@responses.activate
def test_install_finds_its_rules_in_the_documented_list_shape() -> None:
    for kind in (1, 4):
        responses.get(f"{BASE}/automations/{kind}/rules", json={"rules": [
            {"id": 7, "name": "other"}, {"id": 100 + kind, "name": "helpdesk-escalator"}], "meta": {"count": 2}})
        responses.put(f"{BASE}/automations/{kind}/rules/{100 + kind}", json={"id": 100 + kind})
    again = adapter().install("https://escalator.acme.example/webhooks/freshdesk", SECRET)
    assert not again.created and again.rule_ids == ("101", "104")
    assert not [c for c in responses.calls if c.request.method == "POST"]


# ---------------------------------------------------------------- writes and reads: what the audit found


@responses.activate
def test_a_group_id_that_is_not_a_number_is_a_permanent_error_before_any_request() -> None:
    with pytest.raises(PermanentError, match="group id 'tier-2' is not a number"):
        adapter().apply(ApplyRequest(ticket(), TicketChanges(group_id="tier-2"), "k-g"))
    with pytest.raises(PermanentError, match="agent id"):
        adapter().apply(ApplyRequest(ticket(), TicketChanges(assignee_id="\u00b2"), "k-a"))
    assert len(responses.calls) == 0


@responses.activate
def test_on_hold_is_written_as_the_configured_custom_status() -> None:
    responses.put(f"{BASE}/tickets/11", json=fd_ticket(status=7))
    adapter().apply(ApplyRequest(ticket(), TicketChanges(status=Status.ON_HOLD), "k-h"))
    assert json.loads(responses.calls[0].request.body) == {"status": 7}
    responses.reset()
    responses.put(f"{BASE}/tickets/11", json=fd_ticket(status=3))
    adapter(custom_statuses={6: "pending"}).apply(ApplyRequest(ticket(), TicketChanges(status=Status.ON_HOLD), "k"))
    assert json.loads(responses.calls[0].request.body) == {"status": 3}  # none configured: Pending


@responses.activate
def test_a_reply_that_failed_after_its_note_landed_is_not_reported_done() -> None:
    changes = TicketChanges(internal_note="Escalated", public_reply="We are on it.")
    responses.post(f"{BASE}/tickets/11/notes", status=201, json={"id": 98, "private": True})
    responses.post(f"{BASE}/tickets/11/reply", status=503, json={"description": "Maintenance"})
    with pytest.raises(TransientError) as caught:
        adapter().apply(ApplyRequest(ticket(), changes, "k-r"))
    assert caught.value.landed == {Part.NOTE}
    # the retry (on a fresh read that shows the note) writes the reply only
    responses.reset()
    responses.post(f"{BASE}/tickets/11/reply", status=201, json={"id": 99})
    noted = ticket(comments=(Comment("98", "Escalated\n\n[escalator-ref:k-r]", False, NOW, "7001", True),))
    remaining = still_to_write(noted, intent_for(ticket(), changes, "k-r"))
    assert remaining == TicketChanges(public_reply="We are on it.")
    result = adapter().apply(ApplyRequest(noted, remaining, "k-r"))
    assert result.ok and result.write_requests == 1
    [call] = responses.calls
    assert call.request.url.endswith("/tickets/11/reply")
    sent = json.loads(call.request.body)["body"]
    assert sent.startswith("We are on it.") and "[escalator-ref" not in sent  # the customer never sees it
    assert "<!-- escalator-ref:k-r:reply -->" in sent and 'title="escalator-ref:k-r:reply"' in sent


@responses.activate
def test_a_rate_limit_in_apply_many_keeps_what_landed_and_fails_the_rest() -> None:
    for ticket_id, status in (("11", 200), ("12", 429)):
        responses.post(f"{BASE}/tickets/{ticket_id}/notes", status=status, json={"id": 1},
                       headers={"Retry-After": "30"} if status == 429 else {})
    requests_ = [ApplyRequest(ticket(id=i), TicketChanges(internal_note="n"), f"k{i}") for i in ("11", "12", "13")]
    results = adapter().apply_many(requests_)
    assert [r.ok for r in results] == [True, False, False]
    assert all(isinstance(r.error, RetryAfterError) and r.error.retry_after == 30 for r in results[1:])
    assert not [c for c in responses.calls if "/tickets/13" in c.request.url]


def rating(ticket_id: int, score: int | None) -> dict[str, object]:
    return {"id": ticket_id, "survey_id": 1, "user_id": 501, "agent_id": 7001, "group_id": 100,
            "ticket_id": ticket_id, "feedback": "", "ratings": {"default_question": score} if score is not None
            else {}, "created_at": "2026-11-23T09:00:00Z", "updated_at": "2026-11-23T09:00:00Z"}


@responses.activate
def test_satisfaction_ratings_read_every_page_and_neutral_is_not_positive() -> None:
    first = [rating(1000 + i, 103) for i in range(100)]
    second = [rating(1, 100), rating(2, 101), rating(3, -101), rating(4, None)]
    url = f"{BASE}/surveys/satisfaction_ratings"
    responses.get(url, json=first, match=[responses.matchers.query_param_matcher(
        {"created_since": "2026-11-22T10:00:00Z", "per_page": "100", "page": "1"})])
    responses.get(url, json=second, match=[responses.matchers.query_param_matcher(
        {"created_since": "2026-11-22T10:00:00Z", "per_page": "100", "page": "2"})])
    ratings = list(adapter().satisfaction_ratings(NOW - timedelta(days=1)))
    assert len(ratings) == 103  # the unanswered one is no rating
    assert [(r.ticket_id, r.score, r.positive) for r in ratings[-3:]] == [
        ("1", "100", False), ("2", "101", True), ("3", "-101", False)]


def listed(count: int, start: int = 1, *, status: int = 2, stamp: str = STAMP) -> list[dict[str, object]]:
    return [fd_ticket(id=start + i, status=status, updated_at=stamp) for i in range(count)]


@responses.activate
def test_open_tickets_walk_the_whole_list_not_the_300_search_results() -> None:
    url = f"{BASE}/tickets"
    pages = {1: listed(60) + listed(40, 61, status=4), 2: listed(100, 101), 3: listed(30, 201, status=6)
             + listed(5, 231, status=5)}
    for number, items in pages.items():
        responses.get(url, json=items, match=[responses.matchers.query_param_matcher(
            {"updated_since": "2000-01-01T00:00:00Z", "order_by": "updated_at", "order_type": "asc",
             "per_page": "100", "page": str(number)})])
    found = [t.id for t in adapter().open_tickets()]
    assert found == [str(i) for i in (*range(1, 61), *range(101, 231))]  # resolved (4) and closed (5) left out
    assert not [c for c in responses.calls if "/search/" in c.request.url]


@responses.activate
def test_past_the_300_page_cap_the_listing_starts_again_from_the_last_update(monkeypatch: pytest.MonkeyPatch
                                                                              ) -> None:
    import adapters.freshdesk as module

    monkeypatch.setattr(module, "LIST_PAGE_CAP", 2)
    monkeypatch.setattr(module, "PAGE_SIZE", 2)
    url = f"{BASE}/tickets"
    stamps = ["2026-01-01T00:00:01Z", "2026-01-01T00:00:02Z", "2026-01-01T00:00:03Z", "2026-01-01T00:00:04Z",
              "2026-01-01T00:00:04Z", "2026-01-01T00:00:05Z"]
    tickets = [fd_ticket(id=i + 1, updated_at=s) for i, s in enumerate(stamps)]

    def page(since: str, number: int) -> list[dict[str, object]]:
        eligible = [t for t in tickets if str(t["updated_at"]) >= since]
        return eligible[(number - 1) * 2:number * 2]

    for since in ("2000-01-01T00:00:00Z", "2026-01-01T00:00:03Z", "2026-01-01T00:00:04Z"):
        for number in (1, 2):
            responses.get(url, json=page(since, number), match=[responses.matchers.query_param_matcher(
                {"updated_since": since, "order_by": "updated_at", "order_type": "asc", "per_page": "2",
                 "page": str(number)})])
    assert [t.id for t in adapter().open_tickets()] == ["1", "2", "3", "4", "5", "6"]


# ---------------------------------------------------------------- linked task tickets (child tickets)

TASK = TaskTicket(tier=2, group_id="200", priority=Priority.HIGH, subject="[Tier 2 Technical] Escalation of #11",
                  body="Escalated <Tier 2> & more\nSLA at 82%", due_at=NOW + timedelta(hours=4),
                  tags=frozenset({"escalation_task", "tier_2"}))
WITH_TASK = TicketChanges(priority=Priority.HIGH, add_tags=frozenset({"escalated"}), internal_note="Escalated.",
                          task=TASK)


def task_lookups(found_by_search: list[dict[str, object]] | None = None,
                 associated: list[dict[str, object]] | None = None) -> None:
    responses.get(f"{BASE}/search/tickets", json={"total": len(found_by_search or []),
                                                  "results": found_by_search or []})
    responses.get(f"{BASE}/tickets/11/associated_tickets", json={"tickets": associated or []})


@responses.activate
def test_an_escalation_with_a_task_creates_a_child_ticket_of_the_documented_shape() -> None:
    from adapters.freshdesk import task_tag

    task_lookups()
    responses.post(f"{BASE}/tickets", status=201, json=fd_ticket(id=57, subject=TASK.subject, association_type=2))
    responses.get(f"{BASE}/tickets/11", json=fd_ticket())
    responses.put(f"{BASE}/tickets/11", json=fd_ticket(priority=3))
    responses.post(f"{BASE}/tickets/11/notes", status=201, json={"id": 99, "private": True})
    result = adapter().apply(ApplyRequest(ticket(), WITH_TASK, "k-task"))
    assert result.ok and result.write_requests == 3  # the child, the update, the note
    tag = task_tag("k-task")
    assert len(tag) <= 32
    search = responses.calls[0].request
    assert search.params == {"query": f"\"tag:'{tag}'\""}
    [create] = [c for c in responses.calls if c.request.method == "POST" and c.request.url == f"{BASE}/tickets"]
    assert json.loads(create.request.body) == {
        "parent_id": 11, "email": "escalator@acme.example", "subject": "[Tier 2 Technical] Escalation of #11",
        "description": "Escalated &lt;Tier 2&gt; &amp; more<br>SLA at 82%", "status": 2, "priority": 3,
        "source": 2, "tags": sorted({"escalation_task", "tier_2", tag}), "group_id": 200}
    note = json.loads(responses.calls[-1].request.body)
    assert note["private"] is True
    assert note["body"] == ("Escalated.<br><br>Escalation task: #57 https://acme.freshdesk.com/a/tickets/57<br><br>"
                            "[escalator-ref:k-task]")


@responses.activate
def test_a_second_call_with_the_same_key_finds_the_child_instead_of_creating_one() -> None:
    from adapters.freshdesk import task_tag

    task_lookups(found_by_search=[fd_ticket(id=57, tags=["escalation_task", task_tag("k-task")])])
    assert adapter().create_task_ticket(ticket(), TASK, "k-task") == "57"
    assert not [c for c in responses.calls if c.request.method == "POST"]


@responses.activate
def test_a_lost_reply_to_the_create_is_found_among_the_associated_tickets_despite_search_lag() -> None:
    from adapters.freshdesk import task_tag

    tag = task_tag("k-lost")
    lookups = {"n": 0}

    def associated(request: object) -> tuple[int, dict[str, str], str]:
        lookups["n"] += 1
        children = [] if lookups["n"] == 1 else [{"id": 57, "subject": TASK.subject}]
        return 200, {}, json.dumps({"tickets": children})

    responses.get(f"{BASE}/search/tickets", json={"total": 0, "results": []})  # the index has not caught up
    responses.add_callback(responses.GET, f"{BASE}/tickets/11/associated_tickets", callback=associated)
    responses.post(f"{BASE}/tickets", status=502, json={"description": "Bad gateway"})  # created, reply lost
    responses.get(f"{BASE}/tickets/57", json=fd_ticket(id=57, tags=["escalation_task", tag]))
    with pytest.raises(TransientError):
        adapter().create_task_ticket(ticket(), TASK, "k-lost")
    assert adapter().create_task_ticket(ticket(), TASK, "k-lost") == "57"  # the retry finds it, creates nothing
    assert len([c for c in responses.calls if c.request.method == "POST"]) == 1


@responses.activate
def test_a_create_that_did_not_land_is_a_transient_error() -> None:
    task_lookups()
    responses.post(f"{BASE}/tickets", status=503, json={"description": "Maintenance"})
    with pytest.raises(TransientError) as caught:
        adapter().apply(ApplyRequest(ticket(), WITH_TASK, "k-503"))
    assert caught.value.landed == frozenset()
    assert not [c for c in responses.calls if c.request.method == "PUT"]


@responses.activate
def test_a_retried_reply_that_is_already_on_the_ticket_is_not_written_again() -> None:
    replied = ticket(comments=(Comment("9", "Thanks\n\n[escalator-ref:k-ack:reply]", True, NOW, "7001", True),))
    remaining = still_to_write(replied, intent_for(ticket(), TicketChanges(public_reply="Thanks"), "k-ack"))
    assert remaining.is_empty
    result = adapter().apply(ApplyRequest(replied, remaining, "k-ack"))
    assert result.ok and result.write_requests == 0
    assert len(responses.calls) == 0
