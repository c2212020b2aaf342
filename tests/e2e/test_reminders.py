"""Re-pages end to end, on the sandbox with the local SMTP and JSON catchers: a P0 page nobody acts on is repeated
every 5 minutes, at most 3 times, then goes to the support manager by email; a page acknowledged (the agent's tag
`escalator_ack`) is repeated no more. The service's clock is moved on 5 minutes at a time and the timers that fell
due run; redelivered webhooks and the minute's sweep add nothing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from harness import Running, running
from test_notifications import Mailbox, channels, pager, settle, smtp  # noqa: F401 - pager and smtp: fixtures

OUTAGE = "Our production is down, nothing loads for any of our users."


def pages_of(pages: list[dict[str, Any]], ticket_id: int) -> list[str]:
    return [p["title"] for p in pages if f"ticket #{ticket_id} " in p["title"]]


def later(live: Running, minutes: int) -> None:
    """The service's clock (and the helpdesk's) moves on, and each timer that fell due runs as the consumer runs it
    at its time: one ticket's task, on a read of that ticket (huey would run them at their ETA in real time, which
    the moved clock puts minutes away)."""
    live.clock.offset += timedelta(minutes=minutes)
    for platform, ticket_id, _ in live.services.tickets.due_timers(live.clock(), 100):
        live.services.tasks.replay("timer_fired", [platform, ticket_id])
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
        f"[P0] PAGE: ticket #{ignored['id']} - System down or security incident: page the on-call engineer, again "
        "every 5 minutes until acknowledged (3 times), then the support manager.",
        *[f"[Reminder {n}/3] [P0] PAGE: ticket #{ignored['id']} - System down or security incident: page the "
          "on-call engineer, again every 5 minutes until acknowledged (3 times), then the support manager."
          for n in (1, 2, 3)]]
    assert len(pages_of(pages, acked["id"])) == 2  # the page and one reminder, none after the tag
    [email] = mailbox.messages
    assert email["To"] == "support-manager@acme.example"
    assert email["Subject"].startswith(f"[Not acknowledged] [P0] Manager alert: ticket #{ignored['id']}")
    body = email.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert "on_call did not acknowledge it after 3 reminder(s): now support_manager." in body
