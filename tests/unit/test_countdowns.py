"""Live clocks for the status pages: what is left of a stored clock at `now`, in the clock's own business time
(nights, weekends and a DST change do not count), the share elapsed and the state that follows, and the open periods
the page's script counts down in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from plugin.config import load_config
from plugin.service.countdowns import live_clock, live_clocks, open_periods

PARIS = load_config(data={"organization": {"timezone": "Europe/Paris"}, "schedules": {"default": {"hours": {
    d: ["09:00-12:00", "13:00-17:00"] for d in ("mon", "tue", "wed", "thu", "fri")}}}}, environ={})
FRIDAY_1600 = datetime(2026, 10, 23, 14, 0, tzinfo=UTC)  # Friday 16:00 in Paris (CEST)
MONDAY_1100 = datetime(2026, 10, 26, 10, 0, tzinfo=UTC)  # Monday 11:00 in Paris (CET: the clocks went back Sunday)


def stored(**fields: object) -> dict[str, object]:
    values: dict[str, object] = {"kind": "resolution", "state": "ok", "target_seconds": 8 * 3600.0,
                                 "elapsed_seconds": 5 * 3600.0, "paused_seconds": 0.0, "business_time": True,
                                 "running": True, "due_at": MONDAY_1100.isoformat(), "fulfilled_at": None,
                                 "share": 0.625}
    values.update(fields)
    return values


def test_what_is_left_counts_only_open_hours_across_a_weekend_and_a_dst_change() -> None:
    clock = live_clock(stored(), PARIS, FRIDAY_1600)
    # Friday 16:00-17:00 and Monday 09:00-11:00 (less the 12:00 lunch, not reached): 3 business hours
    assert clock.remaining_seconds == 3 * 3600
    assert clock.share == 5 / 8 and clock.state == "ok" and clock.calendar == "business:default"
    saturday = live_clock(stored(), PARIS, FRIDAY_1600 + timedelta(days=1))
    assert saturday.remaining_seconds == 2 * 3600  # the weekend stands still
    late = live_clock(stored(), PARIS, MONDAY_1100 + timedelta(hours=3))  # Monday 14:00: 11-12 and 13-14 open
    assert late.remaining_seconds == -2 * 3600 and late.state == "breached" and late.share == 1.25


def test_a_calendar_time_clock_counts_every_second() -> None:
    clock = live_clock(stored(business_time=False, target_seconds=900.0, due_at=(FRIDAY_1600 + timedelta(
        minutes=3)).isoformat(), kind="first_response"), PARIS, FRIDAY_1600)
    assert clock.remaining_seconds == 180 and clock.calendar == "calendar" and clock.state == "warning"
    assert clock.label == "First response"


def test_paused_and_fulfilled_clocks_stand_as_kept() -> None:
    paused = live_clock(stored(running=False, state="paused", due_at=None, share=0.3), PARIS, FRIDAY_1600)
    assert (paused.state, paused.remaining_seconds, paused.due_at, paused.share) == ("paused", None, None, 0.3)
    met = live_clock(stored(running=False, state="fulfilled", fulfilled_at=FRIDAY_1600.isoformat()), PARIS,
                     MONDAY_1100)
    assert met.state == "fulfilled" and met.fulfilled_at == FRIDAY_1600 and met.remaining_seconds is None
    breached_then_paused = live_clock(stored(running=False, state="breached", share=1.2), PARIS, MONDAY_1100)
    assert breached_then_paused.state == "breached"
    handoff = live_clock(stored(kind="handoff"), PARIS, FRIDAY_1600)  # a kind the pages did not know of
    assert handoff.label == "Handoff"
    assert live_clocks([stored(), "not a clock"], PARIS, FRIDAY_1600)[0].kind == "resolution"


def test_open_periods_from_now_for_the_script() -> None:
    clocks = [live_clock(stored(), PARIS, FRIDAY_1600),
              live_clock(stored(business_time=False), PARIS, FRIDAY_1600)]
    periods = open_periods(clocks, PARIS, FRIDAY_1600, horizon=timedelta(days=4))
    assert list(periods) == ["business:default"]
    assert periods["business:default"][:3] == [
        (FRIDAY_1600, datetime(2026, 10, 23, 15, 0, tzinfo=UTC)),
        (datetime(2026, 10, 26, 8, 0, tzinfo=UTC), datetime(2026, 10, 26, 11, 0, tzinfo=UTC)),
        (datetime(2026, 10, 26, 12, 0, tzinfo=UTC), datetime(2026, 10, 26, 16, 0, tzinfo=UTC))]
