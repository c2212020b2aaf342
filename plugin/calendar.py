"""Business-time arithmetic: `add(start, duration)` and `elapsed(start, end)` over a weekly schedule, exact to the
microsecond, in the schedule's time zone, across DST changes, overnight shifts, several intervals a day, public
holidays and ranges of years.

Rules, in one place:
- Open intervals are wall-clock times of the schedule's zone. An interval whose end is not after its start is an
  overnight shift ending the next day ("22:00-06:00"); an end of None means midnight ("24:00"). On the night the
  clocks go back a 22:00-06:00 shift lasts 9 real hours; on the night they go forward, 7.
- A wall time that does not exist (02:30 on a spring-forward night) is the moment of the change: a Paris shift
  ending at 02:30 on the spring night closes at 03:00 CEST (01:00 UTC), one starting then opens at 03:00 CEST. A
  wall time that exists twice (02:30 on a fall-back night) is its first occurrence (fold=0, the offset in force
  before the change).
- A holiday belongs to the date its shift starts on: the 22:00-06:00 shift that starts on a holiday is skipped
  whole; the one that starts the evening before runs into the holiday normally.
- Periods are half-open [open, close). `add(start, 0)` is `start` itself, open or not; for a positive duration the
  result is the first instant at which that much open time has passed since `start` (it may be a closing instant).
- `elapsed(start, end)` with `end` before `start` is minus `elapsed(end, start)`.
Inputs must be timezone-aware; results are in UTC.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from plugin.config import WEEKDAYS, EscalatorConfig, parse_interval

_ZERO = timedelta(0)
_ONE_DAY = timedelta(days=1)
_MAX_EMPTY_DAYS = 3660  # ten years without one open minute: the schedule is unusable


class BusinessCalendar(Protocol):
    def add(self, start: datetime, duration: timedelta) -> datetime: ...
    def elapsed(self, start: datetime, end: datetime) -> timedelta: ...
    def is_open(self, at: datetime) -> bool: ...
    def next_open(self, at: datetime) -> datetime: ...


def _utc(value: datetime, name: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got naive {value.isoformat()}")
    return value.astimezone(UTC)


class CalendarTime:
    """Round the clock, every day: business time is plain time."""

    def add(self, start: datetime, duration: timedelta) -> datetime:
        if duration < _ZERO:
            raise ValueError("cannot add a negative duration")
        return _utc(start, "start") + duration

    def elapsed(self, start: datetime, end: datetime) -> timedelta:
        return _utc(end, "end") - _utc(start, "start")

    def is_open(self, at: datetime) -> bool:
        _utc(at, "at")
        return True

    def next_open(self, at: datetime) -> datetime:
        return _utc(at, "at")


Interval = tuple[time, time | None]
Period = tuple[datetime, datetime]


class BusinessSchedule:
    """Weekly open intervals in a time zone, minus holidays."""

    def __init__(self, timezone: str, weekly: Mapping[int, Sequence[Interval]],
                 holidays: Callable[[date], bool] | Collection[date] = ()) -> None:
        self.zone = ZoneInfo(timezone)
        self.weekly: dict[int, tuple[Interval, ...]] = {
            day: tuple(sorted(intervals, key=lambda i: i[0])) for day, intervals in weekly.items() if intervals
        }
        if not self.weekly:
            raise ValueError("a business schedule needs at least one open interval in the week")
        for day in self.weekly:
            if not 0 <= day <= 6:
                raise ValueError(f"weekday {day} is not 0 (Monday) to 6 (Sunday)")
        if callable(holidays):
            self._is_holiday = holidays
        else:
            dates = frozenset(holidays)
            self._is_holiday = dates.__contains__
        self._days: dict[date, tuple[Period, ...]] = {}

    # -- open periods

    def _day_periods(self, day: date) -> tuple[Period, ...]:
        """The UTC periods of the shifts that start on local `day` (empty on a holiday)."""
        cached = self._days.get(day)
        if cached is not None:
            return cached
        periods: list[Period] = []
        if not self._is_holiday(day):
            for start, end in self.weekly.get(day.weekday(), ()):
                opens_utc = self._instant(day, start)
                if end is None:
                    closes_utc = self._instant(day + _ONE_DAY, time(0))
                elif end <= start:
                    closes_utc = self._instant(day + _ONE_DAY, end)
                else:
                    closes_utc = self._instant(day, end)
                if closes_utc > opens_utc:
                    periods.append((opens_utc, closes_utc))
        result = tuple(sorted(periods))
        if len(self._days) > 20000:
            self._days.clear()
        self._days[day] = result
        return result

    def _instant(self, day: date, at: time) -> datetime:
        """The UTC instant of the wall time `at` on `day`: its first occurrence if it exists twice; the moment of
        the change if the clocks jump over it."""
        local = datetime.combine(day, at, tzinfo=self.zone)
        late = local.astimezone(UTC)  # fold=0: read with the offset before the change
        if late.astimezone(self.zone).replace(tzinfo=None) == local.replace(tzinfo=None):
            return late
        # In a gap: read with the offset after the change it is too early, with the one before too late; the change
        # lies between. Transitions fall on whole seconds: bisect down to one.
        early = local.replace(fold=1).astimezone(UTC)
        after = late.astimezone(self.zone).utcoffset()
        second = timedelta(seconds=1)
        while late - early > second:
            middle = early + ((late - early) // second // 2) * second
            if middle.astimezone(self.zone).utcoffset() == after:
                late = middle
            else:
                early = middle
        return late

    def periods(self, since: datetime) -> Iterator[Period]:
        """Open periods in order, from the one that contains or follows `since` (UTC) onwards.

        Overlapping shifts (an overnight shift running into the next morning's) are clipped so no instant counts
        twice; adjacent periods stay separate, so a schedule open round the clock still yields day by day.
        """
        day = since.astimezone(self.zone).date() - _ONE_DAY
        last_close: datetime | None = None
        empty_days = 0
        while True:
            found = self._day_periods(day)
            empty_days = 0 if found else empty_days + 1
            if empty_days > _MAX_EMPTY_DAYS:
                raise ValueError("the schedule has no open time for ten years from here (all holidays?)")
            for opens, closes in found:
                if last_close is not None:
                    opens = max(opens, last_close)
                if closes <= opens:
                    continue
                last_close = closes
                if closes > since:
                    yield opens, closes
            day += _ONE_DAY

    # -- the arithmetic

    def add(self, start: datetime, duration: timedelta) -> datetime:
        if duration < _ZERO:
            raise ValueError("cannot add a negative duration")
        at = _utc(start, "start")
        if duration == _ZERO:
            return at
        remaining = duration
        for opens, closes in self.periods(at):
            opens = max(opens, at)
            span = closes - opens
            if span >= remaining:
                return opens + remaining
            remaining -= span
        raise AssertionError("unreachable: periods() never ends")  # pragma: no cover

    def elapsed(self, start: datetime, end: datetime) -> timedelta:
        a, b = _utc(start, "start"), _utc(end, "end")
        if b < a:
            return -self.elapsed(b, a)
        total = _ZERO
        for opens, closes in self.periods(a):
            if opens >= b:
                break
            total += min(closes, b) - max(opens, a)
        return total

    def is_open(self, at: datetime) -> bool:
        moment = _utc(at, "at")
        opens, _ = next(self.periods(moment))
        return opens <= moment

    def next_open(self, at: datetime) -> datetime:
        moment = _utc(at, "at")
        opens, _ = next(self.periods(moment))
        return max(opens, moment)


def schedule_from_config(config: EscalatorConfig, name: str) -> BusinessSchedule:
    """The named schedule of the configuration, with its country's public holidays and extra dates."""
    settings = config.schedules[name]
    weekly: dict[int, list[Interval]] = {}
    for weekday, intervals in settings.hours.items():
        weekly[WEEKDAYS.index(weekday)] = [parse_interval(text) for text in intervals]
    extra = frozenset(settings.extra_holidays)
    if settings.holidays is None:
        holidays: Callable[[date], bool] | Collection[date] = extra
    else:
        import holidays as holiday_data

        public = holiday_data.country_holidays(settings.holidays.country, subdiv=settings.holidays.subdivision)

        def holidays(day: date) -> bool:
            return day in extra or day in public

    return BusinessSchedule(config.schedule_timezone(name), weekly, holidays)


_CALENDAR_TIME = CalendarTime()
_SCHEDULES: dict[tuple[int, str], tuple[EscalatorConfig, BusinessSchedule]] = {}


def calendar_for(config: EscalatorConfig, *, business_hours: bool, schedule: str | None = None) -> BusinessCalendar:
    """Calendar time, or the named business schedule (default: the SLA's), built once per configuration."""
    if not business_hours:
        return _CALENDAR_TIME
    name = schedule or config.sla.schedule
    key = (id(config), name)
    cached = _SCHEDULES.get(key)
    if cached is None or cached[0] is not config:
        if len(_SCHEDULES) > 64:
            _SCHEDULES.clear()
        cached = _SCHEDULES[key] = (config, schedule_from_config(config, name))
    return cached[1]
