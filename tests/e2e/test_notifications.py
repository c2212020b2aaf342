"""Notifications over real protocols: a local SMTP server (aiosmtpd) receives the manager alert and the weekly
report; a local HTTP endpoint receives the on-call page (apprise json://). Each arrives exactly once, through
redeliveries and retries; retries and alerts held for business hours go out on time with the consumer running,
and a send that failed for good goes out once retried from the dead letters."""

from __future__ import annotations

import email
import email.policy
import http.server
import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
import requests
from aiosmtpd.controller import Controller
from click.testing import CliRunner
from harness import Running, config_file, running
from sqlalchemy import select

from plugin.store import repository as repo
from plugin.store.models import DeadLetterRow, NotificationRow
from webhooks.cli import main


class Mailbox:
    """An SMTP handler that keeps what it receives; it can refuse the next N messages (451) to test retries."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.arrivals: list[datetime] = []
        self.refuse = 0
        self.refused: list[datetime] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse:
            self.refuse -= 1
            self.refused.append(datetime.now(UTC))
            return "451 Try again later"
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))  # type: ignore
        self.arrivals.append(datetime.now(UTC))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, int]]:
    with smtp_server() as server:
        yield server


@contextmanager
def smtp_server() -> Iterator[tuple[Mailbox, int]]:
    """A local SMTP server and what it received; also used by test_notifier.py."""
    mailbox = Mailbox()
    with socket.socket() as probe:  # aiosmtpd checks its own start-up by connecting, so it needs a real port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()


@pytest.fixture
def pager() -> Iterator[tuple[list[dict[str, Any]], int]]:
    pages: list[dict[str, Any]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            pages.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield pages, server.server_port
    finally:
        server.shutdown()
        server.server_close()


def channels(smtp_port: int, pager_port: int) -> dict[str, Any]:
    mail = f"mailto://127.0.0.1:{smtp_port}?from=escalator@acme.example&to="
    return {"notifications": {"respect_business_hours": False, "retry_delay": "1s", "channels": {
        "support_manager": [mail + "support-manager@acme.example"],
        "on_call": [f"json://127.0.0.1:{pager_port}/page"],
    }}}


def settle(live: Running) -> None:
    live.sandbox.flush_webhooks(10)
    live.wait(live.settled, 20, "the queue to drain")


def test_manager_alert_by_email_once(tmp_path: Path, smtp: tuple[Mailbox, int],
                                     pager: tuple[list[dict[str, Any]], int]) -> None:
    mailbox, port = smtp
    with running(tmp_path, **channels(port, pager[1])) as live:
        mailbox.refuse = 1  # the first attempt is refused: the alert is retried, and sent once
        ticket = live.customer_ticket(subject="Cannot add a second admin", priority="low",
                                      created_at=datetime.now(UTC) - timedelta(hours=2, minutes=5))
        live.wait(lambda: "unassigned_alert" in live.state.ticket(ticket["id"])["tags"], 20, "the alert tag")
        live.wait(lambda: len(mailbox.messages) >= 1, 30, "the alert email")
        settle(live)
        # a redelivered webhook and a new sending pass add nothing
        first = live.sandbox.invocations[0]
        requests.post(f"{live.url}/webhooks/zendesk", data=first.payload, headers=first.headers, timeout=5)
        live.services.send_pending()
        settle(live)
    [message] = mailbox.messages
    assert message["To"] == "support-manager@acme.example"
    assert message["X-Escalator-Alert"].startswith("escalator-zendesk-")  # for a mail system to drop a repeat
    assert f"Zendesk #{ticket['id']}" in message["Subject"] and "[P3]" in message["Subject"]
    text = message.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert f"https://sandbox.zendesk.com/agent/tickets/{ticket['id']}" in text
    assert "Unassigned for 2h" in text and "Low (P3)" in text and "Dana Scully" in text


def test_on_call_page_through_json_once(tmp_path: Path, smtp: tuple[Mailbox, int],
                                        pager: tuple[list[dict[str, Any]], int]) -> None:
    pages, port = pager
    with running(tmp_path, **channels(smtp[1], port)) as live:
        ticket = live.customer_ticket(requester_id=live.ids["vip"], priority="high",
                                      subject="Production down", description="Our production is down, nothing loads.")
        live.wait(lambda: len(pages) >= 1, 20, "the page")
        settle(live)
        live.services.send_pending()
        for invocation in live.sandbox.invocations[:2]:
            requests.post(f"{live.url}/webhooks/zendesk", data=invocation.payload, headers=invocation.headers,
                          timeout=5)
        settle(live)
    [page] = pages
    assert page["title"].startswith(f"[P0] PAGE: Zendesk #{ticket['id']}")
    assert "system down" in page["message"]


def test_weekly_report_email_with_html_text_and_chart_once(tmp_path: Path, smtp: tuple[Mailbox, int],
                                                           pager: tuple[list[dict[str, Any]], int]) -> None:
    mailbox, port = smtp
    with running(tmp_path, **channels(port, pager[1])) as live:
        ticket = live.customer_ticket(description="My lawyer will call you.")
        live.wait(lambda: live.notes(ticket["id"]), 20, "an escalation")
        settle(live)
        now = datetime.now(UTC)
        from plugin.reports.weekly import week_of

        week = week_of(now, "UTC")
        assert live.services.send_weekly_report(week) is True
        assert live.services.send_weekly_report(week) is False  # a second run (a retried job) queues nothing
        live.wait(lambda: any(m["Subject"].startswith("Weekly") for m in mailbox.messages), 20, "the report email")
        live.services.send_pending()
        settle(live)
        with live.services.store.session() as session:
            saved = repo.get_report(session, "weekly", week)
            assert saved is not None and saved.content["figures"]["escalated"] == 1
    [message] = [m for m in mailbox.messages if m["Subject"].startswith("Weekly")]
    assert message["Subject"].startswith(f"Weekly escalation report {week}: 1 escalated")
    assert message["To"] == "support-manager@acme.example"
    html = message.get_body(preferencelist=("html",)).get_content()  # type: ignore[union-attr]
    plain = message.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert "<table" in html and "Tickets escalated" in html
    # the plain-text part is the report's own text rendering (aligned columns, the title underlined), not a
    # conversion of the HTML
    assert plain.replace("\r\n", "\n") == saved.content["text"]
    assert "\n=====" in plain and "<" not in plain
    # the chart travels inline with the HTML, which shows it
    [chart] = [part for part in message.walk() if part.get_content_type() == "image/png"]
    assert chart.get_content()[:8] == b"\x89PNG\r\n\x1a\n"
    assert chart["Content-ID"] == "<weekly-chart>" and 'src="cid:weekly-chart"' in html


def test_a_channel_refusing_twice_then_accepting_gets_the_alert_once(tmp_path: Path, smtp: tuple[Mailbox, int],
                                                                      pager: tuple[list[dict[str, Any]], int]
                                                                      ) -> None:
    mailbox, port = smtp
    mailbox.refuse = 2
    with running(tmp_path, **channels(port, pager[1])) as live:  # retries 3, retry_delay 1s (then 2s)
        live.customer_ticket(subject="Cannot add a second admin", priority="low",
                             created_at=datetime.now(UTC) - timedelta(hours=2, minutes=5))
        live.wait(lambda: len(mailbox.refused) == 2, 20, "two refusals")
        live.wait(lambda: len(mailbox.messages) == 1, 15, "the alert after its second retry")
        # each retry went out at its retry time (1 s after the first refusal, 2 s after the second), not at the
        # next minute's sweep
        assert mailbox.refused[1] - mailbox.refused[0] < timedelta(seconds=6)
        assert mailbox.arrivals[0] - mailbox.refused[1] < timedelta(seconds=8)
        row = recorded(live, "support_manager")
    assert (row.status, row.attempts) == ("sent", 3)
    assert len(mailbox.messages) == 1


def test_a_send_failing_for_good_reaches_the_dead_letters_and_goes_out_once_retried(
        tmp_path: Path, smtp: tuple[Mailbox, int], pager: tuple[list[dict[str, Any]], int]) -> None:
    mailbox, port = smtp
    mailbox.refuse = 100
    settings = channels(port, pager[1])
    settings["notifications"]["retries"] = 2
    with running(tmp_path, **settings) as live:
        live.customer_ticket(subject="Cannot add a second admin", priority="low",
                             created_at=datetime.now(UTC) - timedelta(hours=2, minutes=5))
        live.wait(lambda: dead_letters(live), 20, "the dead letter")
        assert len(mailbox.refused) == 3  # the first attempt and `retries` retries
        [dead] = dead_letters(live)
        assert dead.task == "send_notification" and "not delivered to mailto://127.0.0.1" in dead.error
        mailbox.refuse = 0
        path = config_file(live.config, tmp_path / "cli.yaml")
        result = CliRunner().invoke(main, ["dead-letters", "retry", str(dead.id), "--config", str(path)])
        assert result.exit_code == 0 and f"#{dead.id}: queued again" in result.output
        live.wait(lambda: len(mailbox.messages) == 1, 10, "the alert retried from the dead letters")
        row = recorded(live, "support_manager")
        assert (row.status, row.attempts) == ("sent", 1)
        again = CliRunner().invoke(main, ["dead-letters", "retry", str(dead.id), "--config", str(path)])
        assert again.exit_code == 1 and "not failed any more" in again.output
    assert len(mailbox.messages) == 1


@pytest.mark.slow
def test_an_alert_held_for_business_hours_goes_out_at_the_opening(tmp_path: Path, smtp: tuple[Mailbox, int],
                                                                   pager: tuple[list[dict[str, Any]], int]) -> None:
    mailbox, port = smtp
    opening = (datetime.now(UTC) + timedelta(minutes=3)).replace(second=0, microsecond=0)
    if (opening.hour, opening.minute) == (0, 0):
        opening += timedelta(minutes=1)  # "00:00-24:00" would be open all day
    hours = {day: [f"{opening:%H:%M}-24:00"] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    settings = channels(port, pager[1])
    settings["notifications"]["respect_business_hours"] = True
    with running(tmp_path, schedules={"default": {"hours": hours}}, organization={"timezone": "UTC"},
                 **settings) as live:
        # The service (and the helpdesk) run on a clock a few minutes ahead, so the opening comes in seconds, at a
        # real time far from the minute boundary where the sweep runs: only the pass scheduled for it can send.
        real_opening = datetime.now(UTC) + timedelta(seconds=12)
        if real_opening.second < 8:
            real_opening = real_opening.replace(second=10)
        elif real_opening.second > 45:
            real_opening = real_opening.replace(second=10) + timedelta(minutes=1)
        live.clock.offset = opening - real_opening
        clock = live.clock
        live.state.clock = clock
        live.customer_ticket(subject="Cannot add a second admin", priority="low",
                             created_at=clock() - timedelta(hours=2, minutes=5))
        live.wait(lambda: any(r.role == "support_manager" for r in notifications(live)), 20, "the queued alert")
        [row] = [r for r in notifications(live) if r.role == "support_manager"]
        assert row.status == "pending" and row.not_before == opening
        assert mailbox.messages == []
        live.wait(lambda: len(mailbox.messages) == 1, (real_opening - datetime.now(UTC)).total_seconds() + 10,
                  "the alert at the opening")
        assert real_opening <= mailbox.arrivals[0] < real_opening + timedelta(seconds=5)  # the sweep runs at :00
        settle(live)
    assert len(mailbox.messages) == 1


def notifications(live: Running) -> list[NotificationRow]:
    with live.services.store.session() as session:
        return list(session.scalars(select(NotificationRow).order_by(NotificationRow.id)))


def recorded(live: Running, role: str) -> NotificationRow:
    """The role's one notification, once its sender has recorded how it went (it is "sending" until then)."""
    live.wait(lambda: [r.status for r in notifications(live) if r.role == role] not in ([], ["sending"]), 10,
              "the send to be recorded")
    settle(live)
    [row] = [r for r in notifications(live) if r.role == role]
    return row


def dead_letters(live: Running) -> list[DeadLetterRow]:
    with live.services.store.session() as session:
        return repo.list_dead_letters(session)
