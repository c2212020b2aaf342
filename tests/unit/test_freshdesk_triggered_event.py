"""Freshdesk's `{{triggered_event}}`: what the parser reads, and that a text it cannot read (an empty `from`, an
unrendered placeholder, another form) never refuses the webhook: it becomes a generic "ticket updated" event, with a
warning that names the ticket and never a credential."""

from __future__ import annotations

import base64
import json
import logging
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.base import InvalidFieldError
from adapters.freshdesk_webhooks import parse_triggered_event, parse_webhook, read_triggered_event
from plugin.domain import EventKind, Status

SECRET = "fd-secret-never-logged"
NOW = datetime(2026, 11, 23, 10, tzinfo=UTC)


def hook(triggered: object, **extra: object) -> list:  # type: ignore[type-arg]
    body = json.dumps({"freshdesk_webhook": {"ticket_id": "1007", "ticket_status": "Open",
                                             "triggered_event": triggered, **extra}}).encode()
    return parse_webhook({"X-Escalator-Secret": SECRET}, body, secret=SECRET, header_name="X-Escalator-Secret",
                         custom_statuses={}, now=NOW)


@pytest.mark.parametrize(("text", "parsed"), [
    ("{group_id:{from:,to:5}}", {"group_id": {"from": "", "to": "5"}}),
    ("{responder_id:{from:7001,to:}}", {"responder_id": {"from": "7001", "to": ""}}),
    ("{status:{from: , to:3}}", {"status": {"from": "", "to": "3"}}),
])
def test_an_empty_value_is_read_as_empty(text: str, parsed: dict[str, object]) -> None:
    assert parse_triggered_event(text) == parsed


@pytest.mark.parametrize("text", [
    "{{triggered_event}}", "Ticket updated", "{status:{from:2", "status:3", "{:}", "{a:b}}", "{" * 50 + "}" * 50,
    "{a:" * 20 + "b" + "}" * 20,
])
def test_text_in_another_form_is_a_generic_update(text: str) -> None:
    with pytest.raises(InvalidFieldError):
        parse_triggered_event(text)
    event, why = read_triggered_event(text)
    assert event == {} and why and "triggered_event" in why


@pytest.mark.parametrize(("triggered", "kind"), [
    ("{group_id:{from:,to:5}}", EventKind.GROUP_CHANGED),  # a group first set: kept as what it is
    ("{{triggered_event}}", EventKind.UPDATED),  # the placeholder left unrendered
    ("Priority changed to Urgent", EventKind.UPDATED),
    ("{status:{from:2", EventKind.UPDATED),
    (12, EventKind.UPDATED),
])
def test_the_webhook_is_accepted_whatever_the_triggered_event(triggered: object, kind: EventKind) -> None:
    [event] = hook(triggered)
    assert (event.ticket_id, event.kind, event.status) == ("1007", kind, Status.OPEN)


def test_an_unreadable_event_keeps_what_the_other_fields_say() -> None:
    [event] = hook("{{triggered_event}}", ticket_status="Pending", ticket_priority="High", ticket_tags="vip, billing")
    assert event.status == Status.PENDING
    assert event.changes["priority"] == "high" and event.changes["tags"] == ["vip", "billing"]
    assert event.changes["event"] == {} and event.raw_type == "unreadable"


def test_the_warning_names_the_ticket_and_no_credential(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="adapters.freshdesk_webhooks")
    basic = base64.b64encode(f"freshdesk:{SECRET}".encode()).decode()
    body = json.dumps({"freshdesk_webhook": {"ticket_id": "1007", "triggered_event": "{{triggered_event}}"}})
    parse_webhook({"Authorization": f"Basic {basic}"}, body.encode(), secret=SECRET,
                  header_name="X-Escalator-Secret", custom_statuses={}, now=NOW)
    [record] = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert "1007" in record.getMessage() and "{{triggered_event}}" in record.getMessage()
    assert SECRET not in caplog.text and basic not in caplog.text


def test_a_readable_event_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="adapters.freshdesk_webhooks")
    [event] = hook("{priority:{from:2,to:4}}")
    assert event.kind == EventKind.PRIORITY_CHANGED and event.raw_type == "{priority:{from:2,to:4}}"
    assert not caplog.records


ANY_TEXT = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ANY_TEXT
@given(st.text(max_size=200) | st.text(alphabet="{}:, \t\nab1", max_size=80))
def test_any_string_never_makes_the_parser_raise(text: str) -> None:
    event, why = read_triggered_event(text)
    assert isinstance(event, dict)
    assert why is None or event == {}  # unreadable: a generic update, never half an event
    [parsed] = hook(text)
    assert parsed.ticket_id == "1007" and isinstance(parsed.kind, EventKind)
