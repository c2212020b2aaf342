"""The Zendesk adapter's requests and its handling of Zendesk's replies, shaped with `responses` on the documented
shapes: the exact update body, no blind replay after a 5xx, error mapping and credential redaction."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime

import pytest
import responses

from adapters.base import ApplyRequest, NotFoundError, PermanentError, RetryAfterError, TransientError
from adapters.zendesk import ZendeskAdapter
from plugin.config import ZendeskConfig
from plugin.domain import Priority, Status, Ticket, TicketChanges

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
    result = adapter().apply(ApplyRequest(already, TicketChanges(internal_note="note"), "k-2"))
    assert result.ok and result.write_requests == 0 and result.note_already_present
    assert len(responses.calls) == 0


@responses.activate
def test_a_5xx_on_a_write_is_never_replayed_blindly() -> None:
    responses.put(f"{BASE}/tickets/35436.json", status=503, json={"error": "ServiceUnavailable",
                                                                    "description": "Maintenance"})
    responses.get(f"{BASE}/tickets/35436.json", json={"ticket": zendesk_ticket(tags=["billing", "tier_1"])})
    responses.get(f"{BASE}/tickets/35436/comments.json?include=users", json={"comments": [], "users": []})
    with pytest.raises(TransientError, match="did not land"):
        adapter().apply(ApplyRequest(ticket(), CHANGES, "k-3"))
    puts = [c for c in responses.calls if c.request.method == "PUT"]
    assert len(puts) == 1


@responses.activate
def test_a_5xx_whose_write_landed_is_reported_done() -> None:
    responses.put(f"{BASE}/tickets/35436.json", status=502, json={"error": "BadGateway"})
    responses.get(f"{BASE}/tickets/35436.json", json={"ticket": zendesk_ticket()})
    responses.get(f"{BASE}/tickets/35436/comments.json?include=users", json={"comments": [
        {"id": 9, "author_id": 1, "body": "Escalated to Tier 2.\n\n[escalator-ref:k-4]", "public": False,
         "created_at": "2026-11-23T10:00:05Z"}], "users": [{"id": 1, "role": "admin"}]})
    result = adapter().apply(ApplyRequest(ticket(), CHANGES, "k-4"))
    assert result.ok and result.note_already_present


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
