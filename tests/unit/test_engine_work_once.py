"""What the engine computes once and keeps (issue 15, "a fast core"): the reading of each customer text, the compiled
templates, the variables the documents of one decision share. Counted, never timed: speed is shown by
tests/benchmarks/bench_engine.py. And what is kept changes no answer: a warm engine decides as a fresh one does."""

from __future__ import annotations

from typing import Any

from engine_kit import MONDAY_10, customer_comment, later, make_config, make_customer, make_ticket

from plugin.domain import Priority, TicketHistory
from plugin.engine import Engine, decide
from plugin.reading import CustomCues, Reading
from plugin.sentiment import MemoAnalyzer, SentimentAnalyzer, default_analyzer, remembering

CONFIG = make_config()
WORKDAYS = ("mon", "tue", "wed", "thu", "fri")
ANGRY = make_ticket(comments=(customer_comment("Worst, most horrible support, I am furious!!!",
                                               later(MONDAY_10, minutes=1)),))


class CountingAnalyzer:
    """The default analyser, counting the texts it is asked to read."""

    def __init__(self, analyzer: SentimentAnalyzer) -> None:
        self.analyzer = analyzer
        self.reads: list[str] = []
        self.scores: list[str] = []

    def read(self, text: str, language: str | None = None, custom: CustomCues | None = None) -> Reading:
        self.reads.append(text)
        return self.analyzer.read(text, language, custom)

    def score(self, text: str, language: str) -> float | None:
        self.scores.append(text)
        return self.analyzer.score(text, language)


def test_a_ticket_s_words_are_read_once_across_decisions_at_later_moments() -> None:
    counting = CountingAnalyzer(default_analyzer())
    engine = Engine(CONFIG, analyzer=counting)
    first = engine.decide(ANGRY, make_customer(), TicketHistory(), later(MONDAY_10, minutes=3))
    read_once = list(counting.reads)
    assert read_once, "the first decision reads the customer's words"
    assert len(read_once) == len(set(read_once)), "within one decision (and its second look) each text is read once"
    # A timer fires later on the same ticket: its mood did not change, nothing is read again.
    second = engine.decide(ANGRY, make_customer(), TicketHistory(), later(MONDAY_10, minutes=50))
    assert counting.reads == read_once
    assert first.sentiment == second.sentiment


def test_the_legacy_score_is_computed_once_per_text() -> None:
    config = make_config(reading={"mood": "vader"})
    counting = CountingAnalyzer(default_analyzer())
    engine = Engine(config, analyzer=counting)
    for minutes in (3, 30, 300):
        engine.decide(ANGRY, make_customer(), TicketHistory(), later(MONDAY_10, minutes=minutes))
    assert len(counting.scores) == 1


def test_a_new_comment_is_read_and_the_memo_is_bounded() -> None:
    counting = CountingAnalyzer(default_analyzer())
    memo = MemoAnalyzer(counting, size=2)
    for text in ("one", "two", "one", "three", "one"):
        memo.read(text, "en")
    # "one" stays while it fits; "three" pushes out the oldest ("one"), which is then read again.
    assert counting.reads == ["one", "two", "three", "one"]


def test_engines_that_share_an_analyser_share_its_memo() -> None:
    first = Engine(CONFIG)
    second = Engine(make_config(), analyzer=first.analyzer)
    assert second.analyzer is first.analyzer
    assert remembering(first.analyzer) is first.analyzer


def test_each_template_is_compiled_once() -> None:
    engine = Engine(CONFIG)
    env = engine.documents.env
    asked: list[str] = []
    original = env.get_template

    def counting(name: str, *args: Any, **kwargs: Any) -> Any:
        asked.append(name)
        return original(name, *args, **kwargs)

    env.get_template = counting  # type: ignore[method-assign,assignment]
    for minutes in (3, 4, 5):
        decision = engine.decide(make_ticket(description="My lawyer will take legal action."), make_customer(),
                                 TicketHistory(), later(MONDAY_10, minutes=minutes))
        assert decision.changes.internal_note and decision.changes.public_reply
    assert sorted(asked) == sorted(set(asked)) and asked


def test_the_documents_of_one_decision_share_their_variables() -> None:
    engine = Engine(CONFIG)
    documents = engine.documents
    computed = 0
    original = documents._variables

    def counting(*args: Any) -> dict[str, Any]:
        nonlocal computed
        computed += 1
        return original(*args)

    documents._variables = counting  # type: ignore[method-assign,assignment]
    decision = engine.decide(make_ticket(description="My lawyer will take legal action."), make_customer(),
                             TicketHistory(), later(MONDAY_10, minutes=3))
    # The handoff note, the team's handoff message and the customer's acknowledgment: three documents, one context.
    assert decision.changes.internal_note and decision.changes.public_reply
    assert any(n.kind == "handoff" for n in decision.notifications)
    assert computed == 1


def test_a_warm_engine_decides_as_a_fresh_one() -> None:
    """Nothing kept from earlier decisions (readings, compiled rules, clocks' moments, documents' variables) leaks
    into a later one."""
    warm = Engine(CONFIG)
    cases = [
        (make_ticket(), make_customer()),
        (make_ticket(priority=Priority.HIGH), make_customer()),
        (make_ticket(description="My lawyer will take legal action."), make_customer()),
        (ANGRY, make_customer()),
        (make_ticket(), make_customer(tags=frozenset({"vip"}))),
        (make_ticket(locale="fr", description="Mon avocat va porter plainte."), make_customer(locale="fr")),
    ]
    for minutes in (3, 49, 49, 260):
        for ticket, customer in cases:
            now = later(MONDAY_10, minutes=minutes)
            expected = Engine(CONFIG).decide(ticket, customer, TicketHistory(), now)
            assert warm.decide(ticket, customer, TicketHistory(), now) == expected


def test_what_is_kept_per_configuration_follows_a_configuration_change() -> None:
    """The compiled rules, the documents' templates and schedules and the business calendar are kept per
    configuration: a changed configuration (here a rule switched off, the same rule with another threshold, office
    hours in another zone) is decided with what it says, never with what an earlier one compiled."""
    ticket = make_ticket(priority=Priority.HIGH)
    now = later(MONDAY_10, minutes=49)
    rules = [r.model_dump(mode="json") for r in CONFIG.rules]
    off = [dict(r, enabled=False) if r["name"] == "auto_escalate_sla" else r for r in rules]
    later_threshold = [
        dict(r, all=[dict(c, value=0.95) if c["field"] == "sla_elapsed" else c for c in r["all"]])
        if r["name"] == "auto_escalate_sla" else r for r in rules]
    variants = [
        CONFIG,
        make_config(rules=off),
        make_config(rules=later_threshold),
        make_config(schedules={"default": {"timezone": "America/New_York",
                                           "hours": {d: ["09:00-17:00"] for d in WORKDAYS}}}),
    ]
    seen = []
    for _ in range(2):  # the second round finds every engine and calendar warm
        for config in variants:
            expected = Engine(config).decide(ticket, make_customer(), TicketHistory(), now)
            assert decide(ticket, make_customer(), TicketHistory(), now, config) == expected
            seen.append(expected)
    escalated, switched_off, higher_bar, new_york = seen[:4]
    assert escalated.tier == 2 and "rule:auto_escalate_sla" in escalated.fired
    assert switched_off.tier == 1 and "rule:auto_escalate_sla" not in switched_off.fired
    assert higher_bar.tier == 1 and "rule:auto_escalate_sla" not in higher_bar.fired
    assert new_york.clocks != escalated.clocks  # 05:49 in New York: the clocks had not started counting


def test_a_new_comment_is_read_and_decided_on_by_a_warm_engine() -> None:
    """The readings are kept per text: a comment the customer adds later is read, and the decision follows it."""
    engine = Engine(CONFIG)
    calm = make_ticket()
    now = later(MONDAY_10, minutes=3)
    first = engine.decide(calm, make_customer(), TicketHistory(), now)
    angry = calm.with_changes(comments=ANGRY.comments)
    second = engine.decide(angry, make_customer(), TicketHistory(), now)
    assert first.sentiment != second.sentiment
    assert second == Engine(CONFIG).decide(angry, make_customer(), TicketHistory(), now)


def test_a_decision_that_writes_no_document_builds_no_document_context() -> None:
    """A timer firing on a calm ticket writes no note, message or reply: nothing for the documents is worked out."""
    engine = Engine(CONFIG)
    built = 0
    original = engine._context

    def counting(*args: Any) -> Any:
        nonlocal built
        built += 1
        return original(*args)

    engine._context = counting  # type: ignore[method-assign]
    quiet = engine.decide(make_ticket(), make_customer(), TicketHistory(), later(MONDAY_10, minutes=3))
    assert quiet.changes.internal_note is None and not quiet.notifications and quiet.changes.public_reply is None
    assert built == 0
    loud = engine.decide(ANGRY, make_customer(), TicketHistory(), later(MONDAY_10, minutes=3))
    assert loud.changes.internal_note and built == 1


def test_the_look_again_at_a_new_priority_measures_no_clock_again(monkeypatch: Any) -> None:
    """A rule raises the priority: the engine looks again with the clocks re-targeted, not measured again."""
    import plugin.sla as sla

    measured = 0
    original = sla.Clock.__init__

    def counting(self: sla.Clock, *args: Any) -> None:
        nonlocal measured
        measured += 1
        original(self, *args)

    monkeypatch.setattr(sla.Clock, "__init__", counting)
    decision = Engine(CONFIG).decide(ANGRY, make_customer(), TicketHistory(), later(MONDAY_10, minutes=49))
    assert decision.priority > Priority.MEDIUM  # the sentiment rule bumped it: there was a second look
    assert measured == 2  # first response and resolution, once each
