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

from adapters.base import (
    ApplyRequest,
    BadSignatureError,
    ConflictError,
    InvalidFieldError,
    MissingFieldError,
    MissingSignatureError,
    NotJsonError,
    PermanentError,
    RetryAfterError,
    TransientError,
    UnknownEventError,
    WebhookError,
)
from adapters.freshdesk import FreshdeskAdapter
from adapters.freshdesk_webhooks import ADVANCED_BODY, parse_triggered_event
from plugin.config import FreshdeskConfig
from plugin.domain import Comment, EventKind, Priority, Status, Ticket, TicketChanges

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
    assert event.from_us is True  # the agent is our API key's agent


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
    with pytest.raises(InvalidFieldError, match="triggered_event"):
        hook({"ticket_id": "11", "triggered_event": "{status:{from:2"})


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
    result = adapter().apply(ApplyRequest(already, TicketChanges(internal_note="Escalated"), "k-3"))
    assert result.ok and result.write_requests == 0 and result.note_already_present
    assert len(responses.calls) == 0


@responses.activate
def test_a_lost_note_reply_is_checked_before_anything_else() -> None:
    responses.post(f"{BASE}/tickets/11/notes", status=502, json={"description": "Bad gateway"})
    responses.get(f"{BASE}/tickets/11/conversations", json=[conversation("x\n\n[escalator-ref:k-4]",
                                                                         incoming=False, private=True)])
    result = adapter().apply(ApplyRequest(ticket(), TicketChanges(internal_note="x"), "k-4"))
    assert result.ok
    assert len([c for c in responses.calls if c.request.method == "POST"]) == 1


@responses.activate
def test_a_note_that_did_not_land_is_a_transient_error() -> None:
    responses.post(f"{BASE}/tickets/11/notes", status=503, json={"description": "Maintenance"})
    responses.get(f"{BASE}/tickets/11/conversations", json=[])
    with pytest.raises(TransientError, match="did not land"):
        adapter().apply(ApplyRequest(ticket(), TicketChanges(internal_note="x"), "k-5"))


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
