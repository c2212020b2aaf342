"""End to end over HTTP on both platforms: a legal threat is escalated and the customer gets an acknowledgment whose
answer is lost on the way back (the sandbox applies the reply and holds its answer past the adapter's timeout). The
customer reads the acknowledgment, as the email and the portal render it, with no `escalator-ref` in it; the retry
reads the ticket back, the ledger finds the reply by its hidden marker, and the customer gets it once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from harness import running, running_freshdesk

THREAT = "If this is not fixed today my lawyer will contact you."


@dataclass
class Escalator:
    """A running escalator on one platform's sandbox, seen the same way whatever the platform."""

    platform: str
    sandbox: Any
    new_ticket: Callable[[], int]
    our_replies: Callable[[int], list[str]]  # the HTML the helpdesk keeps of each public reply we wrote
    customer_view: Callable[[int], list[str]]
    wait: Callable[[Callable[[], bool], float, str], Any]
    settled: Callable[[], bool]

    def settle(self) -> None:
        for _ in range(2):  # our own writes come back as webhooks: deciding on them again adds nothing
            self.sandbox.flush_webhooks(10)
            self.wait(self.settled, 30, "every event processed")


@pytest.fixture(params=["zendesk", "freshdesk"])
def escalator(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Escalator]:
    if request.param == "zendesk":
        with running(tmp_path, zendesk={"timeout": 1.0}) as live:
            comments = live.state.comments
            yield Escalator(
                "zendesk", live.sandbox, lambda: int(live.customer_ticket(description=THREAT)["id"]),
                lambda tid: [c["html_body"] for c in comments[tid] if c["public"] and "escalator-ref:" in
                             c["html_body"]],
                lambda tid: live.state.customer_view(tid), live.wait, live.settled)
        return
    with running_freshdesk(tmp_path, freshdesk={"timeout": 1.0}) as fd:
        state = fd.sandbox.state
        yield Escalator(
            "freshdesk", fd.sandbox,
            lambda: int(state.create_ticket({"requester_id": fd.ids["customer"], "subject": "Cannot export invoices",
                                             "description": THREAT, "priority": 2, "source": 1})["id"]),
            lambda tid: [c["body"] for c in fd.ours(tid) if not c["private"]],
            lambda tid: state.customer_view(tid), fd.wait, fd.settled)


def test_the_customer_reads_the_acknowledgment_once_and_never_sees_its_marker(escalator: Escalator) -> None:
    escalator.sandbox.hold_answer("reply", 2.5)  # the acknowledgment lands; the adapter gives up after 1 s
    ticket_id = escalator.new_ticket()
    escalator.wait(lambda: bool(escalator.our_replies(ticket_id)), 30, "the acknowledgment")
    escalator.settle()
    assert escalator.sandbox.faults.holds_left("reply") == 0  # the answer was lost: the retry had to read back
    replies = escalator.our_replies(ticket_id)
    assert len(replies) == 1  # found by its hidden marker on the read-back, not sent again
    assert "escalator-ref:" in replies[0] and "[escalator-ref" not in replies[0]
    seen = escalator.customer_view(ticket_id)
    acknowledgments = [text for text in seen if text.startswith("Hello Dana,")]
    assert len(acknowledgments) == 1
    assert "Thank you for your patience. We have escalated your request" in acknowledgments[0]
    assert not any("escalator-ref" in text for text in seen), seen
