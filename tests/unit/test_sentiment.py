"""The VADER score with our patches: "sue" is a threat only in its threatening phrasings, never as a first name."""

from __future__ import annotations

import pytest
from engine_kit import MONDAY_10, customer_comment, later, make_config, make_customer, make_ticket

from plugin.domain import Sentiment, TicketHistory
from plugin.engine import Engine
from plugin.sentiment import default_analyzer, mark_sue_threats


@pytest.mark.parametrize("text", [
    "Sue from accounting asked me to send the updated invoice.",
    "When will Sue get access to the dashboard?",
    "How can Sue reset her password?",
    "Please ask Sue to call me back about the export.",
    "Ask Sue the company name.",
    "SUE WILL SEND THE FILE.",
])
def test_sue_the_first_name_is_not_negative(text: str) -> None:
    assert mark_sue_threats(text) == text
    score = default_analyzer().score(text, "en")
    assert score is not None and score > -0.05, score


@pytest.mark.parametrize("text", [
    "I will sue you.",
    "I WILL SUE YOU!",
    "We'll sue.",
    "I'm going to sue you over this.",
    "We are gonna sue.",
    "They could sue us because of your bug.",
    "We are planning to sue your company.",
])
def test_sue_as_a_threat_stays_negative(text: str) -> None:
    assert "suethreat" in mark_sue_threats(text).lower()
    score = default_analyzer().score(text, "en")
    assert score is not None and score < -0.45, score


def test_a_note_from_sue_is_calm_and_flags_nothing() -> None:
    ticket = make_ticket(comments=(customer_comment("Sue from accounting asked me to resend the invoice.",
                                                    later(MONDAY_10, minutes=1)),))
    decision = Engine(make_config()).decide(ticket, make_customer(), TicketHistory(), later(MONDAY_10, minutes=2))
    assert decision.sentiment == Sentiment.CALM
    assert "needs_review" not in decision.changes.add_tags
    assert decision.reasons == ()
