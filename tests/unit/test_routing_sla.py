"""Routing (never down, never past the last tier, by cause) and the SLA clocks (pauses, re-targeting, crossings)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from engine_kit import MONDAY_10, agent_reply, later, make_config, make_customer, make_ticket

from plugin.config import load_config
from plugin.domain import ClockKind, ClockState, Priority, Reason, Status, StatusChange, TicketHistory
from plugin.engine import Engine
from plugin.routing import target_tier
from plugin.sla import next_crossing, read_clocks

CONFIG = make_config()
LEGAL = Reason("legal_keywords", "Legal threat language", {"keywords": ["lawyer"]})
SECURITY = Reason("security_incident", "Security incident language", {"keywords": ["hacked"]})


def test_next_tier_up_by_default() -> None:
    assert target_tier(1, "next", [], CONFIG)[0] == 2
    assert target_tier(2, None, [], CONFIG)[0] == 3


def test_routing_by_cause() -> None:
    assert target_tier(1, "route", [SECURITY], CONFIG) == (3, "routing: security incident goes to Tier 3")
    assert target_tier(1, "route", [LEGAL], CONFIG)[0] == 4
    assert target_tier(1, "route", [SECURITY, LEGAL], CONFIG)[0] == 4  # the highest cause wins
    assert target_tier(1, "route", [], CONFIG, vip_complaint=True)[0] == 4


def test_never_down() -> None:
    assert target_tier(3, 2, [], CONFIG) == (3, "already at Tier 3")
    assert target_tier(4, "route", [SECURITY], CONFIG)[0] == 4


def test_never_past_the_last_tier() -> None:
    three = load_config(data={"tiers": [{"name": "L1"}, {"name": "L2"}, {"name": "L3"}]})
    tier, why = target_tier(1, "route", [LEGAL], three)
    assert tier == 3
    assert "capped at the last tier" in why
    assert target_tier(3, "next", [], three)[0] == 3


def test_custom_routing_moves_legal_to_tier_3() -> None:
    config = load_config(data={"routing": {"legal": 3}})
    assert target_tier(1, "route", [LEGAL], config)[0] == 3


def test_a_ticket_at_the_top_tier_is_not_escalated_again() -> None:
    engine = Engine(CONFIG)
    ticket = make_ticket(tags=frozenset({"tier_4"}), description="My lawyer will call.")
    decision = engine.decide(ticket, make_customer(), TicketHistory(), later(MONDAY_10, minutes=1))
    assert decision.escalations == ()
    assert decision.tier == 4
    assert "legal_review" in decision.changes.add_tags  # the rule still tags and notes, without escalating


# ---------------------------------------------------------------- SLA clocks


def clock(readings, kind: ClockKind):  # type: ignore[no-untyped-def]
    return next(r for r in readings if r.status.kind == kind)


def test_pending_pauses_the_clocks_and_keeps_the_time_spent() -> None:
    # High (1h first response, business hours). Open 10:00-10:20, pending 10:20-11:20, open again from 11:20.
    ticket = make_ticket(priority=Priority.HIGH, status=Status.OPEN)
    history = TicketHistory(status_changes=(
        StatusChange(MONDAY_10, Status.NEW), StatusChange(later(MONDAY_10, minutes=20), Status.PENDING),
        StatusChange(later(MONDAY_10, minutes=80), Status.OPEN)))
    readings = read_clocks(ticket, history, CONFIG, later(MONDAY_10, minutes=100))
    first = clock(readings, ClockKind.FIRST_RESPONSE).status
    assert first.elapsed == timedelta(minutes=40)  # 20 before the pause + 20 after
    assert first.paused_for == timedelta(minutes=60)
    assert first.due_at == later(MONDAY_10, minutes=120)  # 20 minutes of target left from 11:40
    assert first.state == ClockState.OK


def test_a_paused_clock_has_no_due_time_and_says_paused() -> None:
    ticket = make_ticket(priority=Priority.HIGH, status=Status.PENDING)
    history = TicketHistory(status_changes=(StatusChange(MONDAY_10, Status.NEW),
                                            StatusChange(later(MONDAY_10, minutes=10), Status.PENDING)))
    first = clock(read_clocks(ticket, history, CONFIG, later(MONDAY_10, hours=3)), ClockKind.FIRST_RESPONSE)
    assert first.status.state == ClockState.PAUSED
    assert first.status.due_at is None
    assert first.status.elapsed == timedelta(minutes=10)


def test_a_priority_change_retargets_and_keeps_elapsed_time() -> None:
    now = later(MONDAY_10, minutes=50)
    medium = clock(read_clocks(make_ticket(priority=Priority.MEDIUM), TicketHistory(), CONFIG, now),
                   ClockKind.FIRST_RESPONSE).status
    high = clock(read_clocks(make_ticket(priority=Priority.HIGH), TicketHistory(), CONFIG, now),
                 ClockKind.FIRST_RESPONSE).status
    assert medium.elapsed == high.elapsed == timedelta(minutes=50)
    assert (medium.target, high.target) == (timedelta(hours=4), timedelta(hours=1))
    assert medium.state == ClockState.OK and high.state == ClockState.WARNING


def test_critical_runs_on_calendar_time_overnight() -> None:
    friday_night = datetime(2026, 11, 27, 23, 0, tzinfo=UTC)
    ticket = make_ticket(priority=Priority.CRITICAL, created_at=friday_night)
    first = clock(read_clocks(ticket, TicketHistory(), CONFIG, friday_night + timedelta(minutes=13)),
                  ClockKind.FIRST_RESPONSE).status
    assert first.business_time is False
    assert first.state == ClockState.WARNING
    assert first.due_at == friday_night + timedelta(minutes=15)


def test_business_hours_clock_waits_over_the_weekend() -> None:
    friday_late = datetime(2026, 11, 27, 16, 30, tzinfo=UTC)  # 30 minutes before closing
    ticket = make_ticket(priority=Priority.HIGH, created_at=friday_late)
    readings = read_clocks(ticket, TicketHistory(), CONFIG, friday_late + timedelta(minutes=10))
    first = clock(readings, ClockKind.FIRST_RESPONSE).status
    assert first.due_at == datetime(2026, 11, 30, 9, 30, tzinfo=UTC)  # 30m Friday, 30m Monday
    crossings = dict(clock(readings, ClockKind.FIRST_RESPONSE).crossings)
    assert crossings[0.8] == datetime(2026, 11, 30, 9, 18, tzinfo=UTC)  # 48 minutes of business time
    assert next_crossing(readings, friday_late + timedelta(minutes=10)) == datetime(2026, 11, 30, 9, 18, tzinfo=UTC)


def test_first_response_is_fulfilled_by_a_public_agent_reply_not_an_internal_note() -> None:
    note = agent_reply("Looking into it", later(MONDAY_10, minutes=5), ident="n", public=False)
    ticket = make_ticket(priority=Priority.HIGH, comments=(note,))
    first = clock(read_clocks(ticket, TicketHistory(), CONFIG, later(MONDAY_10, minutes=30)),
                  ClockKind.FIRST_RESPONSE).status
    assert first.state == ClockState.OK
    reply = agent_reply("Here is a fix", later(MONDAY_10, minutes=10), ident="r")
    fulfilled = clock(read_clocks(ticket.with_changes(comments=(note, reply)), TicketHistory(), CONFIG,
                                  later(MONDAY_10, minutes=30)), ClockKind.FIRST_RESPONSE).status
    assert fulfilled.state == ClockState.FULFILLED
    assert fulfilled.fulfilled_at == later(MONDAY_10, minutes=10)


def test_our_own_automated_reply_does_not_fulfil_the_first_response() -> None:
    ours = agent_reply("We escalated your request.\n[escalator-ref:abc]", later(MONDAY_10, minutes=5))
    ticket = make_ticket(priority=Priority.HIGH, comments=(ours,))
    first = clock(read_clocks(ticket, TicketHistory(), CONFIG, later(MONDAY_10, minutes=30)),
                  ClockKind.FIRST_RESPONSE).status
    assert first.state != ClockState.FULFILLED


def test_a_bulk_read_ticket_uses_the_recorded_first_reply() -> None:
    ticket = make_ticket(priority=Priority.HIGH, comments_loaded=False,
                         known_first_reply_at=later(MONDAY_10, minutes=12))
    first = clock(read_clocks(ticket, TicketHistory(), CONFIG, later(MONDAY_10, minutes=59)),
                  ClockKind.FIRST_RESPONSE).status
    assert first.state == ClockState.FULFILLED


def test_resolution_clock_fulfilled_when_solved_and_resumes_on_reopen() -> None:
    history = TicketHistory(status_changes=(
        StatusChange(MONDAY_10, Status.OPEN), StatusChange(later(MONDAY_10, hours=2), Status.SOLVED)))
    solved = make_ticket(status=Status.SOLVED)
    resolution = clock(read_clocks(solved, history, CONFIG, later(MONDAY_10, hours=5)), ClockKind.RESOLUTION).status
    assert resolution.state == ClockState.FULFILLED
    assert resolution.elapsed == timedelta(hours=2)
    reopened_history = TicketHistory(status_changes=(*history.status_changes,
                                                     StatusChange(later(MONDAY_10, hours=3), Status.OPEN)))
    reopened = clock(read_clocks(make_ticket(status=Status.OPEN), reopened_history, CONFIG,
                                 later(MONDAY_10, hours=4)), ClockKind.RESOLUTION).status
    assert reopened.elapsed == timedelta(hours=3)  # 2h before solving + 1h since reopening
    assert reopened.state == ClockState.OK


def test_optional_clocks_next_reply_and_periodic_update() -> None:
    config = load_config(data={"sla": {"matrix": {"medium": {"next_reply": "2h", "periodic_update": "1h"}}}})
    from engine_kit import customer_comment

    comments = (agent_reply("First answer", later(MONDAY_10, minutes=10)),
                customer_comment("Still broken", later(MONDAY_10, minutes=30)))
    readings = read_clocks(make_ticket(comments=comments), TicketHistory(), config, later(MONDAY_10, minutes=90))
    next_reply = clock(readings, ClockKind.NEXT_REPLY).status
    assert next_reply.elapsed == timedelta(minutes=60)
    periodic = clock(readings, ClockKind.PERIODIC_UPDATE).status
    assert periodic.elapsed == timedelta(minutes=80)
    assert periodic.state == ClockState.BREACHED


def test_our_own_automated_reply_does_not_stop_the_next_reply_clock() -> None:
    """The customer writes at 10:20 after a human answer at 10:10; our acknowledgment at 10:21 answers nobody."""
    config = load_config(data={"sla": {"matrix": {"medium": {"next_reply": "1h", "periodic_update": "2h"}}}})
    from engine_kit import customer_comment

    ours = agent_reply("We escalated your request to our team.\n[escalator-ref:abc]", later(MONDAY_10, minutes=21),
                       ident="bot")
    comments = (agent_reply("Human answer", later(MONDAY_10, minutes=10), ident="a1"),
                customer_comment("Still broken!", later(MONDAY_10, minutes=20), ident="c2"), ours)
    readings = read_clocks(make_ticket(comments=comments), TicketHistory(), config, later(MONDAY_10, minutes=90))
    next_reply = clock(readings, ClockKind.NEXT_REPLY).status
    assert next_reply.elapsed == timedelta(minutes=70)  # from 10:20, the customer's message
    assert next_reply.state == ClockState.BREACHED
    assert next_reply.due_at == later(MONDAY_10, minutes=80)
    periodic = clock(readings, ClockKind.PERIODIC_UPDATE).status
    assert periodic.elapsed == timedelta(minutes=80)  # from 10:10, the last human reply
    human = agent_reply("Fixed, please retry.", later(MONDAY_10, minutes=40), ident="a2")
    answered = read_clocks(make_ticket(comments=(*comments, human)), TicketHistory(), config,
                           later(MONDAY_10, minutes=90))
    assert not any(r.status.kind == ClockKind.NEXT_REPLY for r in answered)  # a person answered: nothing waits


TWO_WARNINGS = load_config(data={"sla": {"warning_at": [0.5, 0.8]}})


def test_the_first_of_several_warnings_already_puts_a_clock_in_warning() -> None:
    # High: first response 1h. 36m = 60 %: past the 50 % warning, not yet the 80 % one.
    first = clock(read_clocks(make_ticket(priority=Priority.HIGH), TicketHistory(), TWO_WARNINGS,
                              later(MONDAY_10, minutes=36)), ClockKind.FIRST_RESPONSE).status
    assert first.state == ClockState.WARNING
    ok = clock(read_clocks(make_ticket(priority=Priority.HIGH), TicketHistory(), TWO_WARNINGS,
                           later(MONDAY_10, minutes=29)), ClockKind.FIRST_RESPONSE).status
    assert ok.state == ClockState.OK


def test_a_past_crossing_in_a_later_running_stretch_is_placed_exactly() -> None:
    # High, business hours. Open 10:00-10:20 (20m), pending 10:20-11:20, open again from 11:20. At 12:30 the clock
    # has run 90m: 80 % (48m) was reached 28m into the second stretch, at 11:48; 100 % (60m) at 12:00.
    ticket = make_ticket(priority=Priority.HIGH, status=Status.OPEN)
    history = TicketHistory(status_changes=(
        StatusChange(MONDAY_10, Status.NEW), StatusChange(later(MONDAY_10, minutes=20), Status.PENDING),
        StatusChange(later(MONDAY_10, minutes=80), Status.OPEN)))
    reading = clock(read_clocks(ticket, history, CONFIG, later(MONDAY_10, minutes=150)), ClockKind.FIRST_RESPONSE)
    assert dict(reading.crossings) == {0.8: later(MONDAY_10, minutes=108), 1.0: later(MONDAY_10, minutes=120)}
    assert reading.status.due_at == later(MONDAY_10, minutes=120)
    assert reading.status.state == ClockState.BREACHED


def test_routing_regulatory_and_social_media_each_by_their_own_setting() -> None:
    regulatory = Reason("regulatory_keywords", "Regulatory language", {"keywords": ["gdpr"]})
    public = Reason("reputational_keywords", "Public exposure language", {"keywords": ["the press"]})
    assert target_tier(1, "route", [regulatory], CONFIG) == (4, "routing: regulatory goes to Tier 4")
    assert target_tier(1, "route", [public], CONFIG) == (4, "routing: social media goes to Tier 4")
    custom = load_config(data={"routing": {"regulatory": 2, "social_media": 3, "legal": 4}})
    assert target_tier(1, "route", [regulatory], custom) == (2, "routing: regulatory goes to Tier 2")
    assert target_tier(1, "route", [public], custom) == (3, "routing: social media goes to Tier 3")


def test_routing_an_outage_and_a_critical_security_incident() -> None:
    custom = load_config(data={"routing": {"outage": 2, "security_incident": 3}})
    outage = Reason("outage", "System-down language", {"keywords": ["outage"]})
    assert target_tier(1, "route", [outage], custom) == (2, "routing: outage goes to Tier 2")
    critical_security = Reason("critical_incident", "Critical (P0) security incident",
                               {"incident": "security incident"})
    critical_outage = Reason("critical_incident", "Critical (P0) system down", {"incident": "system down"})
    assert target_tier(1, "route", [critical_security], custom) == (3, "routing: security incident goes to Tier 3")
    assert target_tier(1, "route", [critical_outage], custom) == (2, "routing: outage goes to Tier 2")


def test_engine_arms_the_exact_80_percent_moment() -> None:
    engine = Engine(CONFIG)
    decision = engine.decide(make_ticket(priority=Priority.HIGH), make_customer(), TicketHistory(),
                             later(MONDAY_10, minutes=5))
    assert decision.next_check_at == later(MONDAY_10, minutes=48)


def test_the_next_moment_a_clock_reaches_a_share_is_the_first_of_all_its_moments_ahead() -> None:
    """`ClockReading.next_moment` works out only the first share still ahead: the same moment as the earliest of
    every share's moment after `now`, for running, paused, fulfilled and not-yet-started clocks, in business and
    calendar time, over nights and weekends."""
    from engine_kit import customer_comment

    config = load_config(data={"sla": {"matrix": {"medium": {"next_reply": "2h", "periodic_update": "1h"}}}})
    pending = TicketHistory(status_changes=(StatusChange(MONDAY_10, Status.OPEN),
                                            StatusChange(later(MONDAY_10, hours=1), Status.PENDING)))
    cases = [
        (make_ticket(), TicketHistory()),
        (make_ticket(priority=Priority.CRITICAL), TicketHistory()),
        (make_ticket(status=Status.PENDING), pending),
        (make_ticket(comments=(agent_reply("On it", later(MONDAY_10, minutes=20)),
                               customer_comment("Any news?", later(MONDAY_10, hours=2)))), TicketHistory()),
        (make_ticket(created_at=later(MONDAY_10, days=2)), TicketHistory()),  # created after some of the moments
    ]
    shares = [(0.8, 1.0), (0.5, 0.75, 0.9, 1.0), (1.0, 0.25), (2.0,), ()]
    for ticket, history in cases:
        for minutes in (0, 30, 100, 230, 600, 60 * 24 * 4):
            now = later(MONDAY_10, minutes=minutes)
            for cfg in (CONFIG, config):
                for reading in read_clocks(ticket, history, cfg, now):
                    for wanted in shares:
                        moments = [m for m in map(reading.moment_at, wanted) if m is not None and m > now]
                        assert reading.next_moment(wanted, now) == min(moments, default=None)
                    assert next_crossing([reading], now) == min(
                        (m for _, m in reading.crossings if m is not None and m > now), default=None)


def test_the_second_look_at_a_new_priority_reads_the_clocks_a_fresh_look_reads() -> None:
    """The look again at a priority a rule just set re-targets the clocks the first look measured (same stretches,
    calendars and moment) instead of measuring them again: its clocks are those of a look from scratch, whatever the
    priorities (business or calendar time), pauses, replies and recorded bases."""
    from engine_kit import customer_comment

    from plugin.domain import SlaBasis
    from plugin.facts import gather

    calendar_critical = make_config(sla={"matrix": {"critical": {"business_hours": False}}})
    pending = TicketHistory(status_changes=(StatusChange(MONDAY_10, Status.OPEN),
                                            StatusChange(later(MONDAY_10, hours=1), Status.PENDING)))
    recorded = TicketHistory(sla_bases=(SlaBasis(MONDAY_10, "default", Priority.LOW, "default"),))
    cases = [
        (make_ticket(), TicketHistory()),
        (make_ticket(status=Status.PENDING), pending),
        (make_ticket(comments=(agent_reply("On it", later(MONDAY_10, minutes=20)),
                               customer_comment("Any news?", later(MONDAY_10, hours=2)))), TicketHistory()),
        (make_ticket(priority=Priority.LOW), recorded),
    ]
    for config in (CONFIG, calendar_critical):
        for ticket, history in cases:
            for minutes in (30, 200, 60 * 24 * 3):
                now = later(MONDAY_10, minutes=minutes)
                first = gather(ticket, make_customer(), history, now, config)
                for priority in Priority:
                    changed = ticket.with_changes(priority=priority)
                    again = gather(changed, make_customer(), history, now, config, basis_changed_at=now,
                                   same_but_priority=first)
                    fresh = gather(changed, make_customer(), history, now, config, basis_changed_at=now)
                    assert [c.status for c in again.clocks] == [c.status for c in fresh.clocks]
                    assert [c.crossings for c in again.clocks] == [c.crossings for c in fresh.clocks]
                    assert next_crossing(again.clocks, now) == next_crossing(fresh.clocks, now)
