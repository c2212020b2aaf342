"""Business-time calendar: hand-checked cases (each with its arithmetic) and hypothesis properties."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugin.calendar import _MAX_INDEX_DAYS, BusinessSchedule, CalendarTime, calendar_for, schedule_from_config
from plugin.config import load_config

NY = ZoneInfo("America/New_York")
PARIS = ZoneInfo("Europe/Paris")
WEEKDAYS = range(5)


def office(zone: str = "America/New_York", hol: object = ()) -> BusinessSchedule:
    return BusinessSchedule(zone, {d: [(time(9), time(17))] for d in WEEKDAYS}, hol)  # type: ignore[arg-type]


def nights(zone: str, hol: object = ()) -> BusinessSchedule:
    return BusinessSchedule(zone, {d: [(time(22), time(6))] for d in range(7)}, hol)  # type: ignore[arg-type]


# ---------------------------------------------------------------- hand-checked table


def test_office_hours_skip_the_observed_us_holiday_and_the_weekend() -> None:
    # Thu 2026-07-02 15:00 + 8h: 2h on Thursday (to 17:00); Fri 07-03 is Independence Day (observed) in US/NY;
    # Sat, Sun closed; Mon 07-06 09:00 + 6h = 15:00.
    us_ny = holidays.country_holidays("US", subdiv="NY")
    cal = office(hol=lambda d: d in us_ny)
    assert cal.add(datetime(2026, 7, 2, 15, tzinfo=NY), timedelta(hours=8)) == datetime(2026, 7, 6, 15, tzinfo=NY)
    # Thu 16:00 -> Mon 10:30: 1h Thursday + 1h30 Monday = 2h30.
    assert cal.elapsed(datetime(2026, 7, 2, 16, tzinfo=NY), datetime(2026, 7, 6, 10, 30, tzinfo=NY)) == timedelta(
        hours=2, minutes=30)


def test_lunch_break_is_not_business_time() -> None:
    # 09:00-12:00 and 13:00-17:00. Mon 11:00 + 2h: 1h to noon, lunch, 13:00 + 1h = 14:00.
    cal = BusinessSchedule("Europe/Paris", {0: [(time(9), time(12)), (time(13), time(17))]})
    start = datetime(2026, 11, 23, 11, tzinfo=PARIS)
    assert cal.add(start, timedelta(hours=2)) == datetime(2026, 11, 23, 14, tzinfo=PARIS)
    assert cal.elapsed(start, datetime(2026, 11, 23, 16, tzinfo=PARIS)) == timedelta(hours=4)
    assert not cal.is_open(datetime(2026, 11, 23, 12, 30, tzinfo=PARIS))
    assert cal.next_open(datetime(2026, 11, 23, 12, 30, tzinfo=PARIS)) == datetime(2026, 11, 23, 13, tzinfo=PARIS)


def test_overnight_shift_started_in_the_shift() -> None:
    # 22:00-06:00 every day. 23:00 + 5h = 04:00 the next morning (businesstimedelta says 28h later).
    cal = nights("America/New_York")
    assert cal.add(datetime(2026, 10, 18, 23, tzinfo=NY), timedelta(hours=5)) == datetime(2026, 10, 19, 4, tzinfo=NY)
    # 01:00 + 3h = 04:00 the same morning: the shift that began the evening before counts.
    assert cal.add(datetime(2026, 10, 19, 1, tzinfo=NY), timedelta(hours=3)) == datetime(2026, 10, 19, 4, tzinfo=NY)


def test_new_york_dst_end_night_is_nine_hours_long() -> None:
    # 2026-11-01 02:00 EDT -> 01:00 EST. Sat 22:00 EDT + 7h: 02:00 UTC + 7h = 09:00 UTC = 04:00 EST.
    cal = nights("America/New_York")
    start = datetime(2026, 10, 31, 22, tzinfo=NY)
    assert cal.add(start, timedelta(hours=7)) == datetime(2026, 11, 1, 4, tzinfo=NY)
    assert cal.add(start, timedelta(hours=7)).astimezone(NY).utcoffset() == timedelta(hours=-5)
    assert cal.elapsed(start, datetime(2026, 11, 1, 6, tzinfo=NY)) == timedelta(hours=9)


def test_new_york_dst_start_night_is_seven_hours_long() -> None:
    # 2026-03-08 02:00 EST -> 03:00 EDT. Sat 23:00 EST (04:00 UTC) + 5h = 09:00 UTC = 05:00 EDT.
    cal = nights("America/New_York")
    start = datetime(2026, 3, 7, 23, tzinfo=NY)
    assert cal.add(start, timedelta(hours=5)) == datetime(2026, 3, 8, 5, tzinfo=NY)
    assert cal.elapsed(datetime(2026, 3, 7, 22, tzinfo=NY), datetime(2026, 3, 8, 6, tzinfo=NY)) == timedelta(hours=7)


def test_paris_dst_nights_both_ways() -> None:
    cal = nights("Europe/Paris")
    # 2026-03-29 02:00 CET -> 03:00 CEST: the 22:00-06:00 shift is 7h; 23:00 + 5h = 05:00 CEST.
    assert cal.elapsed(datetime(2026, 3, 28, 22, tzinfo=PARIS), datetime(2026, 3, 29, 6, tzinfo=PARIS)) == timedelta(
        hours=7)
    assert cal.add(datetime(2026, 3, 28, 23, tzinfo=PARIS), timedelta(hours=5)) == datetime(2026, 3, 29, 5,
                                                                                          tzinfo=PARIS)
    # 2026-10-25 03:00 CEST -> 02:00 CET: 9h; 22:00 CEST (20:00 UTC) + 8h = 04:00 UTC = 05:00 CET.
    assert cal.elapsed(datetime(2026, 10, 24, 22, tzinfo=PARIS), datetime(2026, 10, 25, 6, tzinfo=PARIS)
                       ) == timedelta(hours=9)
    assert cal.add(datetime(2026, 10, 24, 22, tzinfo=PARIS), timedelta(hours=8)) == datetime(2026, 10, 25, 4, 0,
                                                                                           tzinfo=UTC)


def test_a_boundary_the_clocks_jump_over_is_the_moment_of_the_change() -> None:
    # Paris, 2026-03-29: 02:00 CET (01:00 UTC) -> 03:00 CEST. Saturday 22:00-02:30: 22:00 CET is 21:00 UTC; 02:30
    # does not exist, so the shift closes at 03:00 CEST = 01:00 UTC: 4h, not 4h30 (fold=0 read 02:30 as 03:30 CEST).
    paris = BusinessSchedule("Europe/Paris", {5: [(time(22), time(2, 30))]})
    saturday = datetime(2026, 3, 28, 22, tzinfo=PARIS)
    assert paris.elapsed(saturday, datetime(2026, 3, 29, 12, tzinfo=PARIS)) == timedelta(hours=4)
    assert paris.add(saturday, timedelta(hours=4)) == datetime(2026, 3, 29, 1, tzinfo=UTC)
    assert paris.add(saturday, timedelta(hours=4)).astimezone(PARIS) == datetime(2026, 3, 29, 3, tzinfo=PARIS)
    assert not paris.is_open(datetime(2026, 3, 29, 3, 15, tzinfo=PARIS))
    # New York, 2026-03-08: 02:00 EST (07:00 UTC) -> 03:00 EDT. Sunday 02:30-06:00 opens at 03:00 EDT = 07:00 UTC
    # and closes at 06:00 EDT = 10:00 UTC: 3h, not 2h30.
    new_york = BusinessSchedule("America/New_York", {6: [(time(2, 30), time(6))]})
    sunday = datetime(2026, 3, 8, tzinfo=NY)
    assert new_york.next_open(sunday) == datetime(2026, 3, 8, 7, tzinfo=UTC)
    assert new_york.elapsed(sunday, datetime(2026, 3, 9, tzinfo=NY)) == timedelta(hours=3)
    # A shift wholly inside the gap (Paris Sunday 02:10-02:50) does not happen that night; the week after it does.
    gap = BusinessSchedule("Europe/Paris", {6: [(time(2, 10), time(2, 50))]})
    assert gap.elapsed(datetime(2026, 3, 28, tzinfo=PARIS), datetime(2026, 3, 30, tzinfo=PARIS)) == timedelta(0)
    assert gap.add(datetime(2026, 3, 28, tzinfo=PARIS), timedelta(minutes=40)) == datetime(2026, 4, 5, 2, 50,
                                                                                          tzinfo=PARIS)
    # A wall time that exists twice is its first occurrence: Paris 2026-10-25 02:30-04:00 opens 02:30 CEST
    # (00:30 UTC) and closes 04:00 CET (03:00 UTC): 2h30.
    twice = BusinessSchedule("Europe/Paris", {6: [(time(2, 30), time(4))]})
    assert twice.next_open(datetime(2026, 10, 25, tzinfo=PARIS)) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert twice.elapsed(datetime(2026, 10, 25, tzinfo=PARIS), datetime(2026, 10, 26, tzinfo=PARIS)) == timedelta(
        hours=2, minutes=30)


def test_office_hours_on_a_dst_day_are_still_eight_hours() -> None:
    cal = BusinessSchedule("America/New_York", {6: [(time(0), None)]})  # Sunday, the whole day
    # Sunday 2026-03-08 is 23 hours long in New York; Sunday 2026-11-01 is 25.
    assert cal.elapsed(datetime(2026, 3, 7, tzinfo=NY), datetime(2026, 3, 10, tzinfo=NY)) == timedelta(hours=23)
    assert cal.elapsed(datetime(2026, 10, 31, tzinfo=NY), datetime(2026, 11, 3, tzinfo=NY)) == timedelta(hours=25)


def test_a_holiday_belongs_to_the_date_its_shift_starts_on() -> None:
    christmas = date(2026, 12, 25)
    cal = nights("Europe/Paris", hol={christmas})
    # The shift starting Dec 24 22:00 runs to Dec 25 06:00 normally (8h).
    assert cal.elapsed(datetime(2026, 12, 24, 22, tzinfo=PARIS), datetime(2026, 12, 25, 6, tzinfo=PARIS)
                       ) == timedelta(hours=8)
    # The one starting on Christmas Day at 22:00 is skipped whole, so Dec 25 12:00 -> Dec 26 12:00 holds no open
    # time (the next shift starts Dec 26 at 22:00).
    assert cal.elapsed(datetime(2026, 12, 25, 12, tzinfo=PARIS), datetime(2026, 12, 26, 12, tzinfo=PARIS)
                       ) == timedelta(0)
    # Dec 25 12:00 + 1h: the next open time is Dec 26 22:00, so 23:00.
    assert cal.add(datetime(2026, 12, 25, 12, tzinfo=PARIS), timedelta(hours=1)) == datetime(2026, 12, 26, 23,
                                                                                           tzinfo=PARIS)


def test_a_range_spanning_two_years() -> None:
    # Mon-Fri 09-17 UTC, no holidays: 2025-01-01 (Wed) to 2027-01-01 (Fri). 2025 has 261 weekdays, 2026 has 261.
    cal = office("UTC")
    start, end = datetime(2025, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC)
    assert cal.elapsed(start, end) == timedelta(hours=8 * (261 + 261))
    assert cal.add(start, timedelta(hours=8 * 522)) == datetime(2026, 12, 31, 17, tzinfo=UTC)


def test_starting_while_closed_counts_from_the_next_opening() -> None:
    cal = office("UTC")
    saturday = datetime(2026, 11, 28, 10, tzinfo=UTC)
    assert cal.add(saturday, timedelta(minutes=30)) == datetime(2026, 11, 30, 9, 30, tzinfo=UTC)
    assert cal.add(saturday, timedelta(0)) == saturday  # zero added is the start itself, open or not
    assert cal.next_open(saturday) == datetime(2026, 11, 30, 9, tzinfo=UTC)
    assert cal.add(datetime(2026, 11, 30, 16, tzinfo=UTC), timedelta(hours=1)) == datetime(2026, 11, 30, 17,
                                                                                         tzinfo=UTC)


def test_negative_ranges_and_bad_input() -> None:
    cal = office("UTC")
    a, b = datetime(2026, 11, 23, 10, tzinfo=UTC), datetime(2026, 11, 23, 12, tzinfo=UTC)
    assert cal.elapsed(b, a) == -timedelta(hours=2)
    with pytest.raises(ValueError, match="negative"):
        cal.add(a, timedelta(seconds=-1))
    with pytest.raises(ValueError, match="timezone-aware"):
        cal.add(datetime(2026, 11, 23, 10), timedelta(hours=1))
    with pytest.raises(ValueError, match="at least one open interval"):
        BusinessSchedule("UTC", {})
    everything_closed = BusinessSchedule("UTC", {0: [(time(9), time(17))]}, lambda d: True)
    with pytest.raises(ValueError, match="no open time"):
        everything_closed.add(a, timedelta(hours=1))


def test_schedule_from_config_with_holidays_and_extra_dates() -> None:
    config = load_config(data={"schedules": {"default": {
        "timezone": "Europe/Paris", "hours": {"mon": ["09:00-12:00", "13:00-18:00"], "tue": ["09:00-18:00"]},
        "holidays": {"country": "FR"}, "extra_holidays": ["2026-11-24"]}}})
    cal = schedule_from_config(config, "default")
    # Mon 2026-11-23 17:00 + 2h: 1h Monday; Tue 24 is an extra holiday; Mon 30 09:00 + 1h = 10:00.
    assert cal.add(datetime(2026, 11, 23, 17, tzinfo=PARIS), timedelta(hours=2)) == datetime(2026, 11, 30, 10,
                                                                                           tzinfo=PARIS)
    # Easter Monday 2026 (April 6) is a French public holiday: no business time that Monday; the Monday after
    # has its 8h (3h + 5h).
    assert cal.elapsed(datetime(2026, 4, 6, tzinfo=PARIS), datetime(2026, 4, 7, tzinfo=PARIS)) == timedelta(0)
    assert cal.elapsed(datetime(2026, 4, 13, tzinfo=PARIS), datetime(2026, 4, 14, tzinfo=PARIS)) == timedelta(hours=8)


def test_default_config_calendar_is_office_hours_utc_and_cached() -> None:
    config = load_config(data={})
    cal = calendar_for(config, business_hours=True)
    assert calendar_for(config, business_hours=True) is cal
    assert isinstance(calendar_for(config, business_hours=False), CalendarTime)
    assert cal.add(datetime(2026, 11, 27, 16, tzinfo=UTC), timedelta(hours=2)) == datetime(2026, 11, 30, 10,
                                                                                         tzinfo=UTC)


# ---------------------------------------------------------------- properties

ZONES = ["America/New_York", "Europe/Paris", "Australia/Sydney", "Asia/Kolkata", "UTC", "America/Sao_Paulo"]


@st.composite
def schedules(draw: st.DrawFn) -> BusinessSchedule:
    weekly: dict[int, list[tuple[time, time | None]]] = {}
    for day in range(7):
        count = draw(st.integers(0, 2))
        hours = sorted(draw(st.lists(st.integers(0, 23), min_size=count * 2, max_size=count * 2, unique=True)))
        minutes = st.sampled_from([0, 0, 30])  # half hours put boundaries inside DST gaps (02:30)
        pairs = [(time(hours[i], draw(minutes)), time(hours[i + 1], draw(minutes))) for i in range(0, len(hours), 2)]
        if draw(st.booleans()):
            pairs.append((time(draw(st.integers(20, 23))), time(draw(st.integers(1, 7)), draw(minutes))))  # overnight
        weekly[day] = pairs
    if not any(weekly.values()):
        weekly[0] = [(time(9), time(17))]
    zone = draw(st.sampled_from(ZONES))
    holiday_set = frozenset(draw(st.lists(st.dates(date(2025, 12, 1), date(2027, 2, 1)), max_size=8)))
    return BusinessSchedule(zone, weekly, holiday_set)


instants = st.datetimes(datetime(2026, 1, 1), datetime(2026, 12, 31), timezones=st.just(UTC))
durations = st.timedeltas(timedelta(0), timedelta(days=6))
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(schedules(), instants, durations)
def test_add_then_elapsed_gives_back_the_duration(cal: BusinessSchedule, start: datetime, d: timedelta) -> None:
    assert cal.elapsed(start, cal.add(start, d)) == d


@PROPERTY
@given(schedules(), instants, instants, instants)
def test_elapsed_is_additive_and_bounded(cal: BusinessSchedule, a: datetime, b: datetime, c: datetime) -> None:
    a, b, c = sorted((a, b, c))
    assert cal.elapsed(a, b) + cal.elapsed(b, c) == cal.elapsed(a, c)
    assert timedelta(0) <= cal.elapsed(a, b) <= b - a


@PROPERTY
@given(schedules(), instants, instants, durations, durations)
def test_add_is_monotonic(cal: BusinessSchedule, s1: datetime, s2: datetime, d1: timedelta, d2: timedelta) -> None:
    s1, s2 = sorted((s1, s2))
    d1, d2 = sorted((d1, d2))
    assert cal.add(s1, d1) <= cal.add(s2, d1)
    assert cal.add(s1, d1) <= cal.add(s1, d2)


@PROPERTY
@given(schedules(), instants, durations.filter(lambda d: d > timedelta(0)), st.dates(date(2026, 1, 1),
                                                                                     date(2026, 12, 31)))
def test_pausing_never_shortens_a_deadline(cal: BusinessSchedule, start: datetime, d: timedelta, extra: date
                                           ) -> None:
    fewer = BusinessSchedule(str(cal.zone), cal.weekly, lambda day: cal._is_holiday(day) or day == extra)
    assert fewer.add(start, d) >= cal.add(start, d)


@PROPERTY
@given(schedules(), instants, durations.filter(lambda d: d > timedelta(0)))
def test_a_deadline_lands_in_open_time_or_on_a_closing(cal: BusinessSchedule, start: datetime, d: timedelta) -> None:
    due = cal.add(start, d)
    just_before = due - timedelta(microseconds=1)
    assert cal.is_open(just_before) or cal.elapsed(start, just_before) == d


@given(instants, durations)
def test_calendar_time_is_plain_arithmetic(start: datetime, d: timedelta) -> None:
    cal = CalendarTime()
    assert cal.add(start, d) == start + d
    assert cal.elapsed(start, start + d) == d


# ---------------------------------------------------------------- several schedules against a brute-force oracle

SEVERAL = load_config(data={"schedules": {
    "default": {"timezone": "UTC", "hours": {d: ["09:00-17:00"] for d in ("mon", "tue", "wed", "thu", "fri")}},
    "paris_lunch": {"timezone": "Europe/Paris", "holidays": {"country": "FR"},
                    "hours": {d: ["09:00-12:00", "13:00-18:00"] for d in ("mon", "tue", "wed", "thu", "fri")}},
    "night_shift": {"timezone": "America/New_York", "hours": {d: ["22:00-06:00"] for d in
                                                              ("sun", "mon", "tue", "wed", "thu")}},
    "day_and_night": {"timezone": "Asia/Kolkata", "extra_holidays": ["2026-11-25"],
                      "hours": {"mon": ["08:00-08:00"], "wed": ["08:00-08:00"], "sat": ["10:00-14:00"]}},
}})
_WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _oracle_open(name: str, moment: datetime) -> bool:
    """Open by the schedule's own words, minute by minute on the wall clock (no DST change in the window tested):
    a shift starting on a day that is not a holiday covers [start, end) of its wall clock, an end not after its
    start being the next day's."""
    settings = SEVERAL.schedules[name]
    zone = ZoneInfo(SEVERAL.schedule_timezone(name))
    local = moment.astimezone(zone).replace(tzinfo=None)
    public = holidays.country_holidays(settings.holidays.country) if settings.holidays else {}
    for day in (local.date() - timedelta(days=1), local.date()):
        if day in settings.extra_holidays or day in public:
            continue
        for text in settings.hours.get(_WEEKDAY_NAMES[day.weekday()], []):
            first, last = text.split("-")
            start = datetime.combine(day, time.fromisoformat(first))
            end_day = day + timedelta(days=1) if last == "24:00" or last <= first else day
            end = datetime.combine(end_day, time(0) if last == "24:00" else time.fromisoformat(last))
            if start <= local < end:
                return True
    return False


def _oracle_elapsed(name: str, a: datetime, b: datetime) -> timedelta:
    minutes = int((b - a) / timedelta(minutes=1))
    return timedelta(minutes=sum(_oracle_open(name, a + timedelta(minutes=i)) for i in range(minutes)))


minute_instants = st.builds(lambda m: datetime(2026, 11, 2, tzinfo=UTC) + timedelta(minutes=m),
                            st.integers(0, 60 * 24 * 40))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(SEVERAL.schedules)), minute_instants, st.integers(0, 60 * 24 * 3))
def test_several_configured_schedules_agree_with_the_oracle(name: str, start: datetime, minutes: int) -> None:
    cal = schedule_from_config(SEVERAL, name)
    end = start + timedelta(minutes=minutes)
    assert cal.elapsed(start, end) == _oracle_elapsed(name, start, end)
    for offset in (0, minutes // 2, minutes):
        moment = start + timedelta(minutes=offset)
        assert cal.is_open(moment) == _oracle_open(name, moment)


def test_an_end_equal_to_its_start_is_a_24_hour_shift() -> None:
    # Monday 08:00 to Tuesday 08:00 in Kolkata (UTC+5:30, no DST): 24h; Wednesday likewise; Wednesday 2026-11-25
    # is an extra holiday, so the shift starting that day is skipped whole (the one from Monday is not).
    cal = calendar_for(SEVERAL, business_hours=True, schedule="day_and_night")
    kolkata = ZoneInfo("Asia/Kolkata")
    monday = datetime(2026, 11, 23, 8, tzinfo=kolkata)
    assert cal.elapsed(monday, monday + timedelta(days=1)) == timedelta(hours=24)
    assert cal.elapsed(monday, monday + timedelta(days=3)) == timedelta(hours=24)
    assert cal.add(monday, timedelta(hours=25)) == datetime(2026, 11, 28, 11, tzinfo=kolkata)  # Saturday 10:00 + 1h
    # Every day "08:00-08:00" in Paris: a week of 168 hours, and the autumn DST day lasts 25.
    every_day = BusinessSchedule("Europe/Paris", {d: [(time(8), time(8))] for d in range(7)})
    assert every_day.elapsed(datetime(2026, 11, 2, tzinfo=PARIS), datetime(2026, 11, 9, tzinfo=PARIS)) == timedelta(
        hours=168)
    assert every_day.elapsed(datetime(2026, 10, 24, 8, tzinfo=PARIS), datetime(2026, 10, 25, 8, tzinfo=PARIS)
                             ) == timedelta(hours=25)


# ---------------------------------------------------------------- the period index against the walk

wide_instants = st.datetimes(datetime(2025, 6, 1), datetime(2027, 6, 30), timezones=st.just(UTC))


@PROPERTY
@given(schedules(), st.lists(st.tuples(wide_instants, wide_instants, st.timedeltas(timedelta(0), timedelta(days=40))),
                             min_size=1, max_size=6))
def test_the_period_index_answers_as_the_walk_does(cal: BusinessSchedule,
                                                   asks: list[tuple[datetime, datetime, timedelta]]) -> None:
    """`add` and `elapsed` read a flat index of the open periods, built on first use and extended (or rebuilt from an
    earlier day) as later questions need: whatever came before, each answer is the one walking the periods gives."""
    for a, b, d in asks:
        assert cal.add(a, d) == (a if d == timedelta(0) else cal._walk_add(a, d))
        low, high = sorted((a, b))
        assert cal.elapsed(low, high) == cal._walk_elapsed(low, high)
        assert cal.elapsed(high, low) == -cal._walk_elapsed(low, high)
        # Around the edges of what the index holds, where a question stops being answered without a date
        index = cal._index
        assert index is not None
        for edge in (index.safe_from, index.safe_until):
            for moment in (edge - timedelta(hours=25), edge - timedelta(microseconds=1), edge,
                           edge + timedelta(hours=25)):
                assert cal.add(moment, timedelta(hours=3)) == cal._walk_add(moment, timedelta(hours=3))
                assert cal.elapsed(low, moment) == (cal._walk_elapsed(low, moment) if moment >= low
                                                    else -cal._walk_elapsed(moment, low))


def test_the_period_index_extends_and_rebuilds_without_changing_answers() -> None:
    cal = office("UTC", hol=[date(2026, 11, 26), date(2026, 12, 25)])
    monday = datetime(2026, 11, 23, 15, tzinfo=UTC)
    assert cal.add(monday, timedelta(hours=4)) == datetime(2026, 11, 24, 11, tzinfo=UTC)  # 2 h Mon, 2 h Tue
    first = cal._index
    assert first is not None
    # Far later (past what the index holds): extended, same answer as the walk.
    later_start = datetime(2027, 3, 1, 14, tzinfo=UTC)
    assert cal.add(later_start, timedelta(hours=100)) == cal._walk_add(later_start, timedelta(hours=100))
    assert cal._index is not None and cal._index.first == first.first and cal._index.end > first.end
    # Earlier than it starts: rebuilt from that day, keeping the later days.
    earlier = datetime(2025, 1, 6, 14, tzinfo=UTC)
    assert cal.elapsed(earlier, monday) == cal._walk_elapsed(earlier, monday)
    assert cal._index.first < earlier.date() and cal._index.end >= first.end
    # A deadline further than the index holds is found by extending it, not by walking.
    assert cal.add(monday, timedelta(days=400)) == cal._walk_add(monday, timedelta(days=400))


def test_the_period_index_stays_bounded_when_questions_are_decades_apart() -> None:
    """An index spans at most `_MAX_INDEX_DAYS`: a question decades from what it holds starts a new one there, and
    a span wider than that is walked; every answer is the walk's."""
    cal = office("Europe/Paris", hol=[date(1999, 12, 24), date(2026, 12, 25)])
    old, new = datetime(1999, 12, 20, 10, tzinfo=UTC), datetime(2026, 12, 21, 10, tzinfo=UTC)
    for _ in range(2):
        for start in (old, new, old):
            assert cal.add(start, timedelta(hours=30)) == cal._walk_add(start, timedelta(hours=30))
            assert cal.elapsed(start, start + timedelta(days=9)) == cal._walk_elapsed(start, start + timedelta(days=9))
            index = cal._index
            assert index is not None and (index.end - index.first).days <= _MAX_INDEX_DAYS + 1
    assert cal.elapsed(old, new) == cal._walk_elapsed(old, new)  # wider than an index: walked
    assert cal.add(old, timedelta(days=3000)) == cal._walk_add(old, timedelta(days=3000))


def test_a_schedule_without_open_time_for_ten_years_still_raises() -> None:
    closed = BusinessSchedule("UTC", {0: [(time(9), time(17))]}, lambda day: day.year >= 2026)
    with pytest.raises(ValueError, match="no open time for ten years"):
        closed.add(datetime(2026, 3, 2, tzinfo=UTC), timedelta(hours=1))
    assert closed.elapsed(datetime(2025, 12, 1, tzinfo=UTC), datetime(2025, 12, 31, tzinfo=UTC)) == timedelta(hours=40)
