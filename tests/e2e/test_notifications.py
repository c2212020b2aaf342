"""Notifications over real protocols: a local SMTP server (aiosmtpd) receives the manager alert and the weekly
report; a local HTTP endpoint receives the on-call page (apprise json://). Each arrives exactly once, through
redeliveries and retries."""

from __future__ import annotations

import email
import email.policy
import http.server
import json
import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
import requests
from aiosmtpd.controller import Controller
from harness import Running, running

from plugin.service.jobs import send_weekly_report
from plugin.store import repository as repo


class Mailbox:
    """An SMTP handler that keeps what it receives; it can refuse the next N messages (451) to test retries."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.refuse = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse:
            self.refuse -= 1
            return "451 Try again later"
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))  # type: ignore
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, int]]:
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
        live.services.notifier.send_pending(live.services)
        settle(live)
    [message] = mailbox.messages
    assert message["To"] == "support-manager@acme.example"
    assert f"ticket #{ticket['id']}" in message["Subject"] and "[P3]" in message["Subject"]
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
        live.services.notifier.send_pending(live.services)
        for invocation in live.sandbox.invocations[:2]:
            requests.post(f"{live.url}/webhooks/zendesk", data=invocation.payload, headers=invocation.headers,
                          timeout=5)
        settle(live)
    [page] = pages
    assert page["title"].startswith(f"[P0] PAGE: ticket #{ticket['id']}")
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
        assert send_weekly_report(live.services, week) is True
        assert send_weekly_report(live.services, week) is False  # a second run (a retried job) queues nothing
        live.wait(lambda: any(m["Subject"].startswith("Weekly") for m in mailbox.messages), 20, "the report email")
        live.services.notifier.send_pending(live.services)
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
    assert "Tickets escalated" in plain
    [chart] = [part for part in message.iter_attachments() if part.get_content_type() == "image/png"]
    assert chart.get_content()[:8] == b"\x89PNG\r\n\x1a\n"
