"""Re-pages end to end, on the sandbox with the local SMTP and JSON catchers: a P0 page nobody acts on is repeated
every 5 minutes, at most 3 times, then goes to the support manager by email; a page acknowledged (the agent's tag
`escalator_ack`) is repeated no more. The service's clock is moved on 5 minutes at a time and the timers that fell
due run; redelivered webhooks and the minute's sweep add nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from harness import Running, running
from test_notifications import Mailbox, channels, pager, settle, smtp  # noqa: F401 - pager and smtp: fixtures
from test_notifier import FakeClock, endpoint, proxy, queue, rows, services  # noqa: F401 - endpoint, proxy: fixtures

from plugin.domain import Notification

OUTAGE = "Our production is down, nothing loads for any of our users."


def pages_of(pages: list[dict[str, Any]], ticket_id: int) -> list[str]:
    return [p["title"] for p in pages if f"Zendesk #{ticket_id} " in p["title"]]


def later(live: Running, minutes: int) -> None:
    """The service's clock (and the helpdesk's) moves on, and each timer that fell due runs the pipeline for its
    ticket as the consumer's timer task does at its time, here and now (huey would run it at its ETA in real time,
    which the moved clock puts minutes away)."""
    live.clock.offset += timedelta(minutes=minutes)
    for platform, ticket_id, _ in live.services.tickets.due_timers(live.clock(), 100):
        assert live.services.process(platform, ticket_id, cause="timer").finished
    settle(live)


def redeliver(live: Running) -> None:
    for invocation in live.sandbox.invocations[-2:]:
        requests.post(f"{live.url}/webhooks/zendesk", data=invocation.payload, headers=invocation.headers, timeout=5)
    settle(live)


def test_a_p0_page_repeats_until_acknowledged_then_reaches_the_support_manager(
        tmp_path: Path, request: pytest.FixtureRequest) -> None:
    mail: tuple[Mailbox, int] = request.getfixturevalue("smtp")
    paged: tuple[list[dict[str, Any]], int] = request.getfixturevalue("pager")
    mailbox, smtp_port = mail
    pages, pager_port = paged
    # Critical's own SLA targets far enough that its warnings do not mail the manager during these 30 minutes
    overrides = {**channels(smtp_port, pager_port),
                 "sla": {"matrix": {"critical": {"first_response": "4h", "resolution": "24h"}}}}
    with running(tmp_path, **overrides) as live:
        live.state.clock = live.clock
        ignored = live.customer_ticket(requester_id=live.ids["vip"], priority="high", subject="Production down",
                                       description=OUTAGE)
        acked = live.customer_ticket(requester_id=live.ids["vip"], priority="high", subject="Checkout down",
                                     description="Checkout is down, nobody can pay.")
        live.wait(lambda: len(pages) >= 2, 20, "the two pages")
        settle(live)
        later(live, 5)
        live.wait(lambda: len(pages_of(pages, acked["id"])) == 2, 20, "the first reminder")
        # an agent acknowledges the second ticket's page with the tag
        live.state.set_tags(acked["id"], ["escalator_ack"], actor_id=live.ids["agent"], via_id=0)
        live.sandbox.flush_webhooks(10)
        settle(live)
        redeliver(live)
        for _ in range(2):
            later(live, 5)
        live.wait(lambda: len(pages_of(pages, ignored["id"])) == 4, 20, "the third reminder")
        assert mailbox.messages == []
        later(live, 5)
        live.wait(lambda: len(mailbox.messages) == 1, 20, "the manager's email")
        for _ in range(3):  # nothing more: the repeats are spent, the other page was acknowledged
            later(live, 5)
            redeliver(live)
            live.services.sweep()
        live.services.send_pending()
        settle(live)
    assert pages_of(pages, ignored["id"]) == [
        f"[P0] PAGE: Zendesk #{ignored['id']} - System down or security incident: page the on-call engineer, again "
        "every 5 minutes until acknowledged (3 times), then the support manager.",
        *[f"[Reminder {n}/3] [P0] PAGE: Zendesk #{ignored['id']} - System down or security incident: page the "
          "on-call engineer, again every 5 minutes until acknowledged (3 times), then the support manager."
          for n in (1, 2, 3)]]
    assert len(pages_of(pages, acked["id"])) == 2  # the page and one reminder, none after the tag
    [email] = mailbox.messages
    assert email["To"] == "support-manager@acme.example"
    assert email["Subject"].startswith(f"[Not acknowledged] [P0] Manager alert: Zendesk #{ignored['id']}")
    body = email.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert "on_call did not acknowledge it after 3 reminder(s): now support_manager." in body


def test_reminders_leave_pagerduty_and_opsgenie_to_their_own_acknowledgment(tmp_path: Path,
                                                                             request: pytest.FixtureRequest) -> None:
    """The first page goes to every channel of on_call; its reminders skip PagerDuty and Opsgenie, which re-notify by
    their own escalation policy until acknowledged there (HTTPS goes to a refusing proxy that records the target)."""
    hook = request.getfixturevalue("endpoint")
    targets: list[str] = request.getfixturevalue("proxy")
    svc = services(tmp_path, FakeClock(datetime(2026, 11, 23, 10, tzinfo=UTC)), {"on_call": [
        "pagerduty://PDINTEGRATIONKEY0001@PDAPIKEY0000000001", "opsgenie://OPSGENIEAPIKEY01",
        f"json://127.0.0.1:{hook.port}/page"]}, retries=0)
    page = Notification(role="on_call", kind="incident_page", ticket_id="7", urgent=True, title="[P0] PAGE",
                        body="down", dedupe_key="rule:incident_page[incident_page:read]")
    assert queue(svc, page)
    svc.send_pending()
    reached = {t.split(":")[0] for t in targets}
    assert reached == {"events.pagerduty.com", "api.opsgenie.com"} and len(hook.received) == 1
    targets.clear()
    reminder = Notification(role="on_call", kind="incident_page:repeat", ticket_id="7", urgent=True,
                            title="[Reminder 1/3] [P0] PAGE", body="down", dedupe_key=f"{page.dedupe_key}:repeat:1")
    assert queue(svc, reminder)
    svc.send_pending()
    assert targets == [] and len(hook.received) == 2
    last = rows(svc)[-1]
    assert last.status == "sent" and last.channels_ok == [f"json://127.0.0.1:{hook.port} (on_call #3)"]
    svc.close()
