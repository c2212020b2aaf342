"""Zendesk webhooks, sans I/O: the signature (Zendesk's published vector, both byte orders, tampering, staleness),
both webhook styles, and fuzzing: whatever the bytes, only the typed WebhookError subclasses come out."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.base import (
    BadSignatureError,
    InvalidFieldError,
    MissingFieldError,
    MissingSignatureError,
    NotJsonError,
    StaleTimestampError,
    UnknownEventError,
    WebhookError,
)
from adapters.zendesk import ZendeskAdapter
from adapters.zendesk_webhooks import TRIGGER_BODY, parse_webhook, verify_signature
from plugin.config import ZendeskConfig
from plugin.domain import EventKind, Priority, Status
from plugin.store.serialize import event_from_json, event_to_json

VECTOR_SECRET = "HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA="
VECTOR_BODY = b'{"say": "hello"}'
VECTOR_TIME = "2021-07-25T10:00:00Z"
VECTOR_SIGNATURE = "tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw="
SECRET = "test-signing-secret"
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
FIVE_MINUTES = timedelta(minutes=5)


def signed(body: bytes, *, secret: str = SECRET, at: datetime = NOW, order: str = "timestamp+body",
           invocation: str | None = "inv-1") -> dict[str, str]:
    stamp = at.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    message = stamp + body if order == "timestamp+body" else body + stamp
    signature = base64.b64encode(hmac.new(secret.encode(), message, hashlib.sha256).digest()).decode()
    headers = {"X-Zendesk-Webhook-Signature": signature, "X-Zendesk-Webhook-Signature-Timestamp": stamp.decode(),
               "Content-Type": "application/json; charset=utf-8"}
    if invocation:
        headers["X-Zendesk-Webhook-Invocation-Id"] = invocation
    return headers


def parse(body: bytes, headers: dict[str, str] | None = None, **kwargs: object) -> list:  # type: ignore[type-arg]
    return parse_webhook(headers if headers is not None else signed(body), body, secret=SECRET, now=NOW,
                         max_age=FIVE_MINUTES, **kwargs)  # type: ignore[arg-type]


def envelope(event_type: str = "zen:event-type:ticket.status_changed", **overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "account_id": 10001, "id": "6e4b4bde-8f0e-4d8f-9c1c-01", "time": "2026-11-23T09:59:30Z",
        "type": event_type, "zendesk_event_version": "2022-11-06", "subject": "zen:ticket:35436",
        "detail": {"id": "35436", "status": "OPEN", "priority": "URGENT", "actor_id": "9001",
                   "updated_at": "2026-11-23T09:59:30Z", "requester_id": "77", "tags": ["vip"]},
        "event": {"current": "OPEN", "previous": "NEW"},
    }
    data.update(overrides)
    return data


def pretty(data: object) -> bytes:
    return json.dumps(data, indent=3).encode()


# ---------------------------------------------------------------- signature


def test_the_documented_test_vector_verifies_as_body_then_timestamp() -> None:
    headers = {"X-Zendesk-Webhook-Signature": VECTOR_SIGNATURE,
               "X-Zendesk-Webhook-Signature-Timestamp": VECTOR_TIME}
    verify_signature(headers, VECTOR_BODY, VECTOR_SECRET, datetime(2021, 7, 25, 10, 2, tzinfo=UTC), FIVE_MINUTES)


def test_timestamp_then_body_verifies_too() -> None:
    verify_signature(signed(VECTOR_BODY, secret=VECTOR_SECRET), VECTOR_BODY, VECTOR_SECRET, NOW, FIVE_MINUTES)


def test_the_secret_is_used_as_raw_bytes_not_base64_decoded() -> None:
    decoded_key = base64.urlsafe_b64decode(VECTOR_SECRET)
    wrong = base64.b64encode(hmac.new(decoded_key, VECTOR_BODY + VECTOR_TIME.encode(), hashlib.sha256).digest())
    headers = {"X-Zendesk-Webhook-Signature": wrong.decode(), "X-Zendesk-Webhook-Signature-Timestamp": VECTOR_TIME}
    with pytest.raises(BadSignatureError):
        verify_signature(headers, VECTOR_BODY, VECTOR_SECRET, datetime(2021, 7, 25, 10, tzinfo=UTC), FIVE_MINUTES)


def test_a_tampered_body_is_refused() -> None:
    headers = signed(b'{"ticket_id": "1", "escalator": 1}')
    with pytest.raises(BadSignatureError, match="does not match"):
        parse(b'{"ticket_id": "2", "escalator": 1}', headers)


def test_a_wrong_secret_is_refused() -> None:
    body = pretty(envelope())
    with pytest.raises(BadSignatureError):
        parse(body, signed(body, secret="someone-else"))


def test_a_hex_signature_is_refused() -> None:
    body = pretty(envelope())
    headers = signed(body)
    headers["X-Zendesk-Webhook-Signature"] = hmac.new(SECRET.encode(), headers[
        "X-Zendesk-Webhook-Signature-Timestamp"].encode() + body, hashlib.sha256).hexdigest()
    with pytest.raises(BadSignatureError):
        parse(body, headers)


@pytest.mark.parametrize(("age", "word"), [(timedelta(minutes=7), "old"), (timedelta(minutes=-6), "future")])
def test_stale_and_future_timestamps_are_refused(age: timedelta, word: str) -> None:
    body = pretty(envelope())
    with pytest.raises(StaleTimestampError, match=word):
        parse(body, signed(body, at=NOW - age))


def test_within_five_minutes_is_accepted() -> None:
    body = pretty(envelope())
    assert parse(body, signed(body, at=NOW - timedelta(minutes=4, seconds=59)))


@pytest.mark.parametrize("missing", ["X-Zendesk-Webhook-Signature", "X-Zendesk-Webhook-Signature-Timestamp"])
def test_missing_headers_are_named(missing: str) -> None:
    body = pretty(envelope())
    headers = signed(body)
    del headers[missing]
    with pytest.raises(MissingSignatureError, match=missing):
        parse(body, headers)


def test_header_names_are_case_insensitive() -> None:
    body = pretty(envelope())
    headers = {k.lower(): v for k, v in signed(body).items()}
    assert parse(body, headers)


def test_no_configured_secret_refuses_everything() -> None:
    adapter = ZendeskAdapter(ZendeskConfig(subdomain="acme"))
    body = pretty(envelope())
    with pytest.raises(BadSignatureError, match="no Zendesk webhook secret is configured"):
        adapter.parse_webhook(signed(body), body, now=NOW)


# ---------------------------------------------------------------- event subscriptions


def test_status_changed_event() -> None:
    [event] = parse(pretty(envelope()))
    assert (event.platform, event.ticket_id, event.kind) == ("zendesk", "35436", EventKind.STATUS_CHANGED)
    assert event.delivery_id == "6e4b4bde-8f0e-4d8f-9c1c-01"
    assert event.status == Status.OPEN
    assert event.occurred_at == datetime(2026, 11, 23, 9, 59, 30, tzinfo=UTC)
    assert event.changes == {"current": "OPEN", "previous": "NEW"}
    assert event.from_us is False


@pytest.mark.parametrize(("name", "kind"), [
    ("created", EventKind.CREATED), ("priority_changed", EventKind.PRIORITY_CHANGED),
    ("comment_added", EventKind.COMMENT_ADDED), ("tags_changed", EventKind.TAGS_CHANGED),
    ("agent_assignment_changed", EventKind.ASSIGNEE_CHANGED),
    ("group_assignment_changed", EventKind.GROUP_CHANGED), ("custom_field_changed", EventKind.OTHER),
])
def test_each_ticket_event_type(name: str, kind: EventKind) -> None:
    [event] = parse(pretty(envelope(f"zen:event-type:ticket.{name}", event={})))
    assert event.kind == kind
    assert event.status == Status.OPEN  # from detail.status, upper case in the payload


@pytest.mark.parametrize("casing", ["hold", "HOLD", "Hold", "On-hold"])
def test_enum_casing_varies(casing: str) -> None:
    data = envelope(event={"current": casing, "previous": "open"})
    [event] = parse(pretty(data))
    assert event.status == Status.ON_HOLD


def test_our_own_update_is_recognised_by_the_integration_user() -> None:
    [event] = parse(pretty(envelope()), integration_user_id="9001")
    assert event.from_us is True


def test_ticket_id_from_the_subject_when_detail_has_none() -> None:
    data = envelope()
    data["detail"] = {"status": "OPEN"}
    [event] = parse(pretty(data))
    assert event.ticket_id == "35436"


FULL_DETAIL = {"id": "35436", "status": "OPEN", "priority": "HIGH", "actor_id": "9001", "assignee_id": None,
               "brand_id": "1", "created_at": "2026-11-23T09:00:00Z", "custom_status": None,
               "description": "Nobody can log in.", "external_id": None, "form_id": None, "group_id": "360",
               "is_public": True, "organization_id": "55", "requester_id": "77", "subject": "Login broken",
               "submitter_id": "77", "tags": ["vip", "tier_1"], "type": "INCIDENT",
               "updated_at": "2026-11-23T09:59:30Z", "via": {"channel": "web"}}


def test_a_full_detail_is_the_tickets_snapshot_with_the_version_as_written() -> None:
    [event] = parse(pretty(envelope(detail=FULL_DETAIL)))
    shot = event.snapshot
    assert shot is not None
    assert (shot.status, shot.raw_status, shot.priority) == (Status.OPEN, "open", Priority.HIGH)
    assert shot.updated_at == datetime(2026, 11, 23, 9, 59, 30, tzinfo=UTC)
    assert shot.version == "2026-11-23T09:59:30Z"  # the stamp a safe update compares, as Zendesk wrote it
    assert shot.tags == {"vip", "tier_1"} and (shot.group_id, shot.assignee_id) == ("360", None)
    assert (shot.requester_id, shot.organization_id, shot.ticket_type) == ("77", "55", "incident")
    assert (shot.subject, shot.description) == ("Login broken", "Nobody can log in.")
    assert event.comment is None


@pytest.mark.parametrize("missing", ["updated_at", "status", "tags", "group_id", "assignee_id", "requester_id"])
def test_a_partial_detail_is_no_snapshot(missing: str) -> None:
    detail = {k: v for k, v in FULL_DETAIL.items() if k != missing}
    [event] = parse(pretty(envelope(detail=detail)))
    assert event.snapshot is None


def test_a_deleted_ticket_is_no_snapshot() -> None:
    [event] = parse(pretty(envelope(detail={**FULL_DETAIL, "status": "DELETED"}, event={"current": "DELETED"})))
    assert event.snapshot is None and event.status == Status.CLOSED


def test_a_comment_event_carries_its_comment() -> None:
    comment = {"id": 991, "body": "Still nothing works", "is_public": True,
               "author": {"id": "77", "is_staff": False, "name": "Dana"}}
    [event] = parse(pretty(envelope("zen:event-type:ticket.comment_added", detail=FULL_DETAIL,
                                    event={"comment": comment})))
    said = event.comment
    assert said is not None
    assert (said.id, said.body, said.public, said.author_id, said.by_agent) == ("991", "Still nothing works", True,
                                                                                 "77", False)
    assert said.created_at == datetime(2026, 11, 23, 9, 59, 30, tzinfo=UTC) and said.attachments == ()
    assert "comment" not in event.changes  # kept once, parsed, in the inbox
    staff = {**comment, "author": {"id": "5", "is_staff": True}, "is_public": False,
             "attachments": [{"content_url": "https://acme.zendesk.com/a/1.png"}]}
    [event] = parse(pretty(envelope("zen:event-type:ticket.comment_added", detail=FULL_DETAIL,
                                    event={"comment": staff})))
    assert event.comment is not None and event.comment.by_agent and not event.comment.public
    assert event.comment.attachments == ("https://acme.zendesk.com/a/1.png",)
    for broken in ({**comment, "author": {"id": "77"}}, {**comment, "body": None}, {"body": "x"}):
        [event] = parse(pretty(envelope("zen:event-type:ticket.comment_added", detail=FULL_DETAIL,
                                        event={"comment": broken})))
        assert event.comment is None  # who wrote it unknown: not taken from the payload


def test_user_events_are_acknowledged_and_ignored() -> None:
    assert parse(pretty(envelope("zen:event-type:user.deleted", subject="zen:user:6164069643162",
                                 detail={"id": "6164069643162", "role": "end-user"}))) == []


def test_errors_name_their_cause() -> None:
    with pytest.raises(UnknownEventError, match="unknown event type 'ticket.created'"):
        parse(pretty(envelope("ticket.created")))
    with pytest.raises(MissingFieldError, match="missing field id"):
        parse(pretty({k: v for k, v in envelope().items() if k != "id"}))
    with pytest.raises(MissingFieldError, match="missing field detail"):
        parse(pretty({k: v for k, v in envelope().items() if k != "detail"}))
    with pytest.raises(InvalidFieldError, match="detail.id 'abc' is not a ticket id"):
        parse(pretty(envelope(detail={"id": "abc"})))
    with pytest.raises(InvalidFieldError, match="time 'yesterday' is not an ISO-8601 time"):
        parse(pretty(envelope(time="yesterday")))
    with pytest.raises(InvalidFieldError, match="is not a Zendesk status"):
        parse(pretty(envelope(event={"current": "EXPLODED"})))
    with pytest.raises(NotJsonError, match="body is not JSON"):
        parse(b"{not json")
    with pytest.raises(InvalidFieldError, match="must be a JSON object"):
        parse(b"[1, 2]")
    with pytest.raises(UnknownEventError, match="neither a Zendesk event"):
        parse(b'{"say": "hello"}')


# ---------------------------------------------------------------- trigger webhooks


def rendered_trigger_body(**values: str) -> bytes:
    body = TRIGGER_BODY
    defaults = {"ticket.id": "812", "ticket.status": "Pending", "ticket.priority": "High",
                "ticket.updated_at_with_timestamp": "2026-11-23T09:58:00Z", "current_user.id": "9001",
                "ticket.via": "Web Form", "ticket.requester.id": "77"}
    defaults.update(values)
    for key, value in defaults.items():
        body = body.replace("{{" + key + "}}", value)
    return body.encode()


def test_our_trigger_body_parses() -> None:
    body = rendered_trigger_body()
    [event] = parse(body, signed(body, invocation="inv-812"))
    assert (event.ticket_id, event.kind, event.status) == ("812", EventKind.UPDATED, Status.PENDING)
    assert event.delivery_id == "inv-812"
    assert event.raw_type == "trigger"
    assert event.ticket_updated_at == datetime(2026, 11, 23, 9, 58, tzinfo=UTC)
    assert event.requester_id == "77" and event.snapshot is None  # ids only: the ticket is read
    unrendered = rendered_trigger_body(**{"ticket.requester.id": ""})
    [event] = parse(unrendered, signed(unrendered))
    assert event.requester_id is None


def test_an_events_requester_is_named() -> None:
    [event] = parse(pretty(envelope()))
    assert event.requester_id == "77"


def test_trigger_body_without_invocation_header_dedupes_on_a_digest() -> None:
    body = rendered_trigger_body()
    [first] = parse(body, signed(body, invocation=None))
    [again] = parse(body, signed(body, invocation=None))
    assert first.delivery_id == again.delivery_id
    assert first.delivery_id.startswith("sha256:")


def test_on_hold_status_label_and_odd_updated_at() -> None:
    body = rendered_trigger_body(**{"ticket.status": "On-hold", "ticket.updated_at_with_timestamp": "November 23"})
    [event] = parse(body)
    assert event.status == Status.ON_HOLD
    assert event.ticket_updated_at is None


def test_trigger_body_needs_a_ticket_id() -> None:
    with pytest.raises(InvalidFieldError, match="ticket_id '' is not a ticket id"):
        parse(rendered_trigger_body(**{"ticket.id": ""}))


# ---------------------------------------------------------------- fuzzing

TYPED = (WebhookError,)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=20)


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_raise_only_typed_errors(body: bytes) -> None:
    with contextlib.suppress(TYPED):
        parse(body)


@FUZZ
@given(json_values)
def test_random_json_raises_only_typed_errors(data: object) -> None:
    with contextlib.suppress(TYPED):
        parse(json.dumps(data).encode())


@FUZZ
@given(st.sampled_from(["type", "id", "time", "subject", "detail", "event"]), json_values,
       st.sampled_from(["id", "status", "actor_id", "updated_at", "priority"]), json_values)
def test_mutated_real_payloads_raise_only_typed_errors(key: str, value: object, detail_key: str,
                                                       detail_value: object) -> None:
    data = envelope()
    data[key] = value
    if isinstance(data.get("detail"), dict):
        data["detail"] = {**data["detail"], detail_key: detail_value}  # type: ignore[dict-item]
    try:
        events = parse(pretty(data))
    except TYPED:
        return
    for event in events:
        assert event.ticket_id.isdigit()


@FUZZ
@given(st.dictionaries(st.sampled_from(["escalator", "ticket_id", "status", "priority", "updated_at", "actor_id"]),
                       json_values, max_size=6))
def test_mutated_trigger_bodies_raise_only_typed_errors(data: dict[str, object]) -> None:
    with contextlib.suppress(TYPED):
        parse(json.dumps({"escalator": 1, **data}).encode())


# ---------------------------------------------------------------- what the audit found


@pytest.mark.parametrize("depth", [2000, 100_000])
def test_a_signed_deeply_nested_body_is_a_typed_error(depth: int) -> None:
    body = b"[" * depth + b"]" * depth
    with pytest.raises(NotJsonError, match="nested too deeply"):
        parse(body)
    nested = b'{"type": ' + b'{"a": ' * depth + b"1" + b"}" * depth + b"}"
    with pytest.raises(NotJsonError, match="nested too deeply"):
        parse(nested)


@pytest.mark.parametrize("ticket_id", ["\u00b2", "\u0663\u0665", "\uff11\uff12", "1\u00b2"])
def test_only_ascii_digits_make_a_ticket_id(ticket_id: str) -> None:
    with pytest.raises(InvalidFieldError, match="is not a ticket id"):
        parse(rendered_trigger_body(**{"ticket.id": ticket_id}))
    with pytest.raises(InvalidFieldError, match="is not a ticket id"):
        parse(pretty(envelope(detail={"id": ticket_id})))


@pytest.mark.parametrize("label", ["Waiting for vendor", "Offen", "En attente", "Abierto"])
def test_an_unknown_status_label_in_our_trigger_body_is_no_status(label: str) -> None:
    body = rendered_trigger_body(**{"ticket.status": label})
    [event] = parse(body, signed(body))
    assert event.ticket_id == "812" and event.status is None
    assert event.changes["status"] == label


@FUZZ
@given(st.integers(min_value=500, max_value=50_000), st.sampled_from(["[", '{"a":']),
       st.sampled_from([b"", b'{"type": ', b'{"escalator": 1, "ticket_id": '] ))
def test_deep_nesting_raises_only_typed_errors(depth: int, opener: str, prefix: bytes) -> None:
    closer = "]" if opener == "[" else "}"
    body = prefix + (opener * depth + "1" + closer * depth).encode() + (b"}" if prefix else b"")
    with contextlib.suppress(TYPED):
        parse(body)


@pytest.mark.parametrize(("rendered", "priority"), [("Urgent", Priority.CRITICAL), ("High", Priority.HIGH),
                                                    ("normal", Priority.MEDIUM), ("", None),
                                                    ("{{ticket.priority}}", None)])
def test_the_priority_a_payload_reports_travels_with_the_event(rendered: str, priority: Priority | None) -> None:
    """What makes a P0's first run urgent work for the API budget before any read (plugin.service.pipeline)."""
    body = rendered_trigger_body(**{"ticket.priority": rendered}) if rendered != "{{ticket.priority}}" else \
        rendered_trigger_body().replace(b'"High"', b'"{{ticket.priority}}"')
    [event] = parse(body, signed(body, invocation="inv-p"))
    assert event.priority == priority
    [created] = parse(pretty(envelope("zen:event-type:ticket.created")))
    assert created.priority == Priority.CRITICAL  # the event envelope's detail.priority, "URGENT"
    assert event_from_json(event_to_json(created)).priority == Priority.CRITICAL  # kept in the inbox
