"""What each status page shows, on a store seeded through the pipeline's own store calls (status_kit): At risk in
the order of the next threshold with exact due times in the viewer's zone and the time left in business time;
Decisions with their rule, reasons, figures, note, alerts and delivery state, shadow ones marked, and filters;
a ticket's timeline; the operations figures; the reports and their charts; the history download."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from status_client import ADMIN_PASSWORD, VIEWER_PASSWORD, make_app, sign_in
from status_kit import LEGAL_SUBJECT, NOW, clock, decide, make_ticket

from plugin.domain import ClockKind, Decision
from plugin.store.history_export import HistoryFilter, history_rows
from plugin.store.ticket_store import SqlTicketStore
from webhooks.extension import Escalator


@pytest.fixture
def admin(app: Flask) -> FlaskClient:
    client = app.test_client()
    sign_in(client, "ann", ADMIN_PASSWORD)
    return client


def rows_of(html: str) -> list[str]:
    return re.findall(r'<tr class="ticket" data-ticket="([^"]+)"', html)


def test_at_risk_lists_open_tickets_by_their_next_threshold(admin: FlaskClient) -> None:
    html = admin.get("/escalator/").text
    # 102 breached 10 minutes ago, 101 crosses 100 % in 10 minutes, 103 is paused; 104 is solved
    assert rows_of(html) == ["zendesk/102", "zendesk/101", "zendesk/103"]
    assert "3 open tickets" in html
    assert 'href="https://acme.zendesk.com/agent/tickets/101"' in html  # the ticket in the helpdesk
    assert LEGAL_SUBJECT in html and "High (P1)" in html and "Critical (P0)" in html
    ticket_101 = html[html.index('data-ticket="zendesk/101"'):html.index('data-ticket="zendesk/103"')]
    assert "4 · Management/Executive" in ticket_101 and ">standard<" in ticket_101
    assert 'class="clock warning" data-kind="first_response"' in ticket_101
    assert 'data-remaining="600.0" data-calendar="calendar"' in ticket_101  # 10 minutes left, calendar time
    assert "83%" in ticket_101 and "due Wed 25 Nov 2026 10:10:00 UTC" in ticket_101
    ticket_102 = html[html.index('data-ticket="zendesk/102"'):html.index('data-ticket="zendesk/101"')]
    assert 'class="clock breached"' in ticket_102 and "10m 00s overdue" in ticket_102 and ">vip<" in ticket_102
    assert "paused" in html[html.index('data-ticket="zendesk/103"'):]


def test_filters_keep_the_order(admin: FlaskClient) -> None:
    assert rows_of(admin.get("/escalator/?tier=3").text) == ["zendesk/102"]
    assert rows_of(admin.get("/escalator/?platform=freshdesk").text) == []
    assert rows_of(admin.get("/escalator/?tier=x&page=-1").text) == ["zendesk/102", "zendesk/101", "zendesk/103"]


def test_due_times_are_written_in_the_viewers_zone(admin: FlaskClient) -> None:
    admin.set_cookie("escalator_tz", "America%2FNew_York", path="/escalator")
    html = admin.get("/escalator/").text
    assert "due Wed 25 Nov 2026 05:10:00 EST" in html and "times in America/New_York" in html
    admin.set_cookie("escalator_tz", "Mars/Olympus_Mons", path="/escalator")  # unknown: the organization's zone
    assert "times in UTC" in admin.get("/escalator/").text


def test_a_business_hours_countdown_counts_only_open_time(tmp_path: Path) -> None:
    app = make_app(tmp_path, refresh="0s")
    store = Escalator.services(app).store
    tickets = SqlTicketStore(store)
    ticket = make_ticket("201", "Business hours", requester="9", created=NOW - timedelta(hours=1))
    tickets.observe(ticket, [], ticket.created_at)
    # Wednesday 10:00 UTC, office hours 09:00-17:00 Monday to Friday: due Thursday 10:00 is 8 open hours away.
    running = replace(clock(ClockKind.RESOLUTION, timedelta(hours=9), timedelta(hours=1), business=True),
                      due_at=NOW + timedelta(days=1))
    decide(tickets, ticket, Decision(ticket_id="201", at=NOW, clocks=(running,)), None, now=NOW)
    client = app.test_client()
    sign_in(client, "bob", VIEWER_PASSWORD)
    html = client.get("/escalator/").text
    assert 'data-remaining="28800.0" data-calendar="business:default"' in html and "8h 00m left" in html
    assert 'data-refresh="0"' in html
    data = re.search(r'id="escalator-periods">(.*?)</script>', html, re.S)
    assert data is not None
    periods = json.loads(data.group(1))["business:default"]
    millis = [[int(a.timestamp() * 1000), int(b.timestamp() * 1000)] for a, b in (
        (NOW, NOW.replace(hour=17)), (NOW.replace(day=26, hour=9), NOW.replace(day=26, hour=17)))]
    assert periods[:2] == millis  # from now: the rest of today, then Thursday's hours
    store.dispose()


def test_decisions_show_rule_reasons_figures_note_and_alerts(admin: FlaskClient) -> None:
    html = admin.get("/escalator/decisions").text
    assert html.index("#102") < html.index("#101")  # newest first
    legal = html[html.index('id="decision-key-legal-1"'):]
    assert "Escalated Tier 1 → 4 by rule:legal_threat" in legal
    assert "<strong>legal_keywords</strong>" in legal and "Legal threat language" in legal
    assert "<dt>matter</dt><dd>legal</dd>" in legal  # the figures
    assert "ESCALATION TO TIER 4 (Management/Executive)" in legal  # the note as written
    assert "support_manager" in legal and 'delivery-sent">sent</span> after 1 attempt' in legal
    assert "ok: mailto://manager" in legal
    assert '<article class="decision shadow recorded" id="decision-key-shadow-1"' in html
    assert '<article class="decision live recorded" id="decision-key-legal-1"' in html
    shadow = html[html.index('id="decision-key-shadow-1"'):html.index('id="decision-key-legal-1"')]
    assert 'class="badge shadow"' in shadow
    assert 'delivery-failed">failed</span>' in shadow and "pagerduty: 503" in shadow
    assert 'class="badge shadow"' not in legal


@pytest.mark.parametrize(("query", "shown"), [
    ("rule=legal_threat", ["101"]),  # a rule the decision matched (its fired keys)
    ("rule=legal_keywords", ["101"]),  # a trigger among its reasons
    ("rule=incident_page", ["102"]),
    ("rule=sla_breach", []),
    ("tier=3", ["102"]),
    ("tier=4&rule=legal_threat", ["101"]),
    ("platform=zendesk", ["102", "101"]),
    ("platform=freshdesk", []),
    ("day=2026-11-25", ["102", "101"]),
    ("day=2026-11-24", []),
    ("mode=shadow", ["102"]),
    ("mode=live", ["101"]),
])
def test_decision_filters(admin: FlaskClient, query: str, shown: list[str]) -> None:
    html = admin.get(f"/escalator/decisions?{query}").text
    assert re.findall(r'<article class="decision[^"]*" id="decision-[^"]+"[^>]*>\s*<header>\s*<time[^>]*>[^<]*</time>'
                      r'\s*<a href="[^"]+">#(\d+)</a>', html) == shown


def test_the_ticket_page_tells_its_story(admin: FlaskClient) -> None:
    html = admin.get("/escalator/tickets/zendesk/101").text
    kinds = re.findall(r'<li class="entry (\w+)" data-kind', html)
    assert set(kinds) == {"event", "status", "priority", "decision", "escalation", "alert", "timer"}
    # newest first; at one instant, going back in time: the alert, the escalation, the decision, then the event
    assert kinds.index("alert") < kinds.index("escalation") < kinds.index("decision") < kinds.index("event")
    assert "dlv-101" in html and "Clocks as this decision read them" in html
    assert "Escalated Tier 1 → 4" in html or "escalated</span> Tier 1 → 4" in html
    assert "Clocks now" in html and 'data-remaining="600.0"' in html
    assert admin.get("/escalator/tickets/zendesk/999").status_code == 404


def test_operations_show_backlog_lag_dead_letters_and_job_runs(admin: FlaskClient) -> None:
    html = admin.get("/escalator/operations").text
    assert "reachable" in html and "0 tasks waiting" in html
    assert "0 events not processed" in html
    assert "past due, lag 30s" in html  # the armed timer due 30 s ago
    assert 'data-job="sweep"' in html and "1 ticket(s) due for a threshold check" in html
    assert "PermanentError: group 9 does not exist" in html


def test_reports_show_the_weekly_report_and_the_averages_with_charts(admin: FlaskClient) -> None:
    html = admin.get("/escalator/reports?week=2026-W48").text
    assert "Weekly escalation report 2026-W48" in html and "Tickets escalated" in html
    assert 'src="/escalator/reports/weekly/2026-W48.png"' in html
    assert "Average resolution time, last 30 days" in html and '<svg class="bars"' in html
    chart = admin.get("/escalator/reports/weekly/2026-W48.png")
    assert chart.status_code == 200 and chart.mimetype == "image/png" and chart.data[:8] == b"\x89PNG\r\n\x1a\n"
    assert "2026-W47" in admin.get("/escalator/reports").text  # default: last week
    assert admin.get("/escalator/reports/weekly/nonsense.png").status_code == 404


def test_the_history_download_is_the_export(app: Flask, admin: FlaskClient) -> None:
    answer = admin.get("/escalator/decisions/export.csv?rule=legal_threat&day=2026-11-25")
    assert answer.status_code == 200 and answer.mimetype == "text/csv"
    assert answer.headers["Content-Disposition"].startswith('attachment; filename="escalation-history-')
    store = Escalator.services(app).store
    with store.session() as session:
        expected = list(history_rows(session, HistoryFilter(since=NOW - timedelta(days=1), rule="legal_threat")))
    assert len(expected) == 1
    assert list(csv.DictReader(io.StringIO(answer.text))) == [
        {k: "" if v is None else str(v) for k, v in record.items()} for record in expected]
    assert json.loads(admin.get("/escalator/decisions/export.json").text) == expected
