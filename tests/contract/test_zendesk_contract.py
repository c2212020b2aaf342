"""The Zendesk adapter's requests and its handling of Zendesk's replies, shaped with `responses` on the documented
shapes: the exact update body, no blind replay after a 5xx, error mapping and credential redaction."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import UTC, datetime

import pytest
import responses
from ledger_kit import intent_for

from adapters.base import ApplyRequest, NotFoundError, Part, PermanentError, RetryAfterError, TransientError
from adapters.zendesk import ZendeskAdapter
from plugin.config import ZendeskConfig
from plugin.domain import Priority, Status, Ticket, TicketChanges
from plugin.ledger import still_to_write

BASE = "https://acme.zendesk.com/api/v2"
TOKEN = "zd-t0ken-that-must-not-leak"
STAMP = "2026-11-23T10:00:00Z"


def adapter() -> ZendeskAdapter:
    return ZendeskAdapter(ZendeskConfig(subdomain="acme", email="bot@acme.example", api_token=TOKEN),
                          sleep=lambda s: None)


def ticket(**fields: object) -> Ticket:
    values: dict[str, object] = {"platform": "zendesk", "id": "35436", "subject": "Export broken",
                                 "status": Status.OPEN, "created_at": datetime(2026, 11, 23, 9, tzinfo=UTC),
                                 "updated_at": datetime(2026, 11, 23, 10, tzinfo=UTC), "priority": Priority.MEDIUM,
                                 "tags": frozenset({"tier_1", "billing"}), "version": STAMP}
    values.update(fields)
    return Ticket(**values)  # type: ignore[arg-type]


def zendesk_ticket(**fields: object) -> dict[str, object]:
    data: dict[str, object] = {"id": 35436, "subject": "Export broken", "status": "open", "priority": "high",
                               "tags": ["billing", "escalated", "tier_2"], "created_at": "2026-11-23T09:00:00Z",
                               "updated_at": "2026-11-23T10:00:05Z", "requester_id": 77, "group_id": 200,
                               "assignee_id": None, "custom_fields": [], "via": {"channel": "web"}}
    data.update(fields)
    return data


CHANGES = TicketChanges(priority=Priority.HIGH, add_tags=frozenset({"escalated", "tier_2"}),
                        remove_tags=frozenset({"tier_1"}), group_id="200", clear_assignee=True,
                        internal_note="Escalated to Tier 2.")


@responses.activate
def test_the_update_body_is_exactly_what_zendesk_documents() -> None:
    responses.put(f"{BASE}/tickets/35436.json", json={"ticket": zendesk_ticket(), "audit": {"id": 1, "events": []}})
    result = adapter().apply(ApplyRequest(ticket(), CHANGES, "k-1"))
    assert result.ok and result.write_requests == 1
    [call] = responses.calls
    sent = json.loads(call.request.body)
    assert sent == {"ticket": {
        "id": 35436, "priority": "high", "tags": ["billing", "escalated", "tier_2"], "group_id": 200,
        "assignee_id": None, "comment": {"body": "Escalated to Tier 2.\n\n[escalator-ref:k-1]", "public": False},
        "metadata": {"escalator": {"key": "k-1"}}, "safe_update": True, "updated_stamp": STAMP}}
    assert call.request.headers["Content-Type"] == "application/json"
    assert call.request.headers["User-Agent"].startswith("helpdesk-escalator/")


@responses.activate
def test_nothing_to_write_means_no_request() -> None:
    marker = "[escalator-ref:k-2]"
    from plugin.domain import Comment

    already = ticket(tags=frozenset({"escalated"}), comments=(Comment("c", f"note\n\n{marker}", False,
                                                                      datetime(2026, 11, 23, tzinfo=UTC)),))
    remaining = still_to_write(already, intent_for(ticket(), TicketChanges(internal_note="note"), "k-2"))
    assert remaining.is_empty  # the ledger finds the marker on the ticket read back
    result = adapter().apply(ApplyRequest(already, remaining, "k-2"))
    assert result.ok and result.write_requests == 0
    assert len(responses.calls) == 0


@responses.activate
def test_a_5xx_on_a_write_is_never_replayed_blindly() -> None:
    responses.put(f"{BASE}/tickets/35436.json", status=503, json={"error": "ServiceUnavailable",
                                                                    "description": "Maintenance"})
    with pytest.raises(TransientError, match="Maintenance") as caught:
        adapter().apply(ApplyRequest(ticket(), CHANGES, "k-3"))
    assert caught.value.landed == frozenset()
    assert [c.request.method for c in responses.calls] == ["PUT"]  # no replay and no guessing read-back


@responses.activate
def test_the_answer_of_the_first_update_counts_when_the_reply_fails() -> None:
    responses.put(f"{BASE}/tickets/35436.json", json={"ticket": zendesk_ticket(updated_at="2026-11-23T10:00:05Z"),
                                                       "audit": {"id": 1, "events": []}})
    responses.put(f"{BASE}/tickets/35436.json", status=502, json={"error": "BadGateway"})
    with pytest.raises(TransientError) as caught:
        adapter().apply(ApplyRequest(ticket(), replace(CHANGES, public_reply="We are on it."), "k-4"))
    assert caught.value.landed == {Part.FIELDS, Part.NOTE}
    _, second = (json.loads(c.request.body)["ticket"] for c in responses.calls)
    assert second["updated_stamp"] == "2026-11-23T10:00:05Z"  # the reply follows our own first update
    assert second["comment"] == {"html_body": 'We are on it.<!-- escalator-ref:k-4:reply --><span title='
                                              '"escalator-ref:k-4:reply"></span>', "public": True}
    assert second["metadata"] == {"escalator": {"key": "k-4", "part": "reply"}}


@responses.activate
def test_429_without_retry_after_uses_the_default_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "sleep", lambda s: (_ for _ in ()).throw(AssertionError("slept")))
    responses.get(f"{BASE}/tickets/35436.json", status=429, body="Too many requests")
    with pytest.raises(RetryAfterError, match="no usable Retry-After") as caught:
        adapter().get_ticket("35436")
    assert caught.value.retry_after == 60


@responses.activate
def test_reads_retry_5xx_with_backoff_then_give_up() -> None:
    responses.get(f"{BASE}/tickets/35436.json", status=500, json={"error": "InternalError"})
    with pytest.raises(TransientError):
        adapter().get_ticket("35436")
    assert len(responses.calls) == 3


@responses.activate
def test_error_mapping_and_messages() -> None:
    responses.get(f"{BASE}/tickets/1.json", status=404, json={"error": "RecordNotFound", "description": "Not found"})
    responses.get(f"{BASE}/tickets/2.json", status=403, json={"error": "Forbidden",
                                                              "description": "You do not have access"})
    with pytest.raises(NotFoundError):
        adapter().get_ticket("1")
    with pytest.raises(PermanentError, match="403: You do not have access"):
        adapter().get_ticket("2")


@responses.activate
def test_credentials_never_appear_in_errors_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    responses.get(f"{BASE}/tickets/3.json", status=401, json={"error": "Couldn't authenticate you"})
    with pytest.raises(PermanentError) as caught:
        adapter().get_ticket("3")
    sent = responses.calls[0].request.headers["Authorization"]
    assert sent.startswith("Basic ")
    for text in (str(caught.value), repr(caught.value), caplog.text, repr(adapter())):
        assert TOKEN not in text
        assert sent[6:] not in text


def test_no_api_credentials_is_a_clear_error() -> None:
    bare = ZendeskAdapter(ZendeskConfig(subdomain="acme"))
    with pytest.raises(PermanentError, match="no Zendesk API credentials"):
        bare.get_ticket("1")
