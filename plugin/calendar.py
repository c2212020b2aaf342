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

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from plugin.config import WEEKDAYS, EscalatorConfig, parse_interval

_ZERO = timedelta(0)
_ONE_DAY = timedelta(days=1)
_MAX_EMPTY_DAYS = 3660  # ten years without one open minute: the schedule is unusable
_MAX_INDEX_DAYS = 4000  # the widest span of days the period index holds (about 11 years; beyond: the walk)
_INDEX_STEP = 62  # days added to the index at a time, at least


class BusinessCalendar(Protocol):
    def add(self, start: datetime, duration: timedelta) -> datetime: ...
    def elapsed(self, start: datetime, end: datetime) -> timedelta: ...
    def is_open(self, at: datetime) -> bool: ...
    def next_open(self, at: datetime) -> datetime: ...


def _utc(value: datetime, name: str) -> datetime:
    if value.tzinfo is UTC:
        return value
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


class _Index:
    """The open periods `BusinessSchedule.periods` yields walking from the local day `first`, for the days before
    `end`, flattened: each period's opening and closing and the open time before it and up to its closing, so `add`
    and `elapsed` are two binary searches instead of a walk. Never changed once built (a longer one replaces it):
    threads that share a schedule may read one while another extends it.

    A walk that starts on a later day yields the same periods from the first one that closes after its start (only
    openings before that start can differ, by the clipping of an overnight shift, and those are never counted)."""

    __slots__ = ("after", "before", "blocked", "closes", "empty_days", "end", "first", "last_close", "opens",
                 "safe_from", "safe_until", "zone")

    def __init__(self, first: date, zone: ZoneInfo) -> None:
        self.first = first
        self.end = first
        self.zone = zone
        # Any instant from `safe_from` on is on a local day after `first`, and any before `safe_until` two days or
        # more before `end` (a day's margin either way for the clocks' changes): what needs no date to be worked out.
        self.safe_from = self.safe_until = _midnight(first + 2 * _ONE_DAY, zone)
        self.opens: list[datetime] = []
        self.closes: list[datetime] = []
        self.before: list[timedelta] = []  # the open time of the periods before each one
        self.after: list[timedelta] = []  # the same, with the period itself
        self.last_close: datetime | None = None
        self.empty_days = 0
        self.blocked = False  # the walk met ten years without open time: callers walk (and raise) instead

    def extended(self, schedule: BusinessSchedule, until: date) -> _Index:
        """A copy that also holds the days up to `until` (inclusive), walked as `BusinessSchedule.periods` does."""
        out = _Index(self.first, self.zone)
        out.opens, out.closes, out.before, out.after = [*self.opens], [*self.closes], [*self.before], [*self.after]
        out.last_close, out.empty_days, out.blocked = self.last_close, self.empty_days, self.blocked
        day = self.end
        total = out.after[-1] if out.after else _ZERO
        while day <= until and not out.blocked:
            found = schedule._day_periods(day)
            out.empty_days = 0 if found else out.empty_days + 1
            if out.empty_days > _MAX_EMPTY_DAYS:
                out.blocked = True
                break
            for opens, closes in found:
                if out.last_close is not None:
                    opens = max(opens, out.last_close)
                if closes <= opens:
                    continue
                out.last_close = closes
                out.opens.append(opens)
                out.closes.append(closes)
                out.before.append(total)
                total += closes - opens
                out.after.append(total)
            day += _ONE_DAY
        out.end = day
        out.safe_until = max(out.safe_from, _midnight(day - 2 * _ONE_DAY, self.zone))
        return out

    def add(self, at: datetime, duration: timedelta) -> datetime | None:
        """`at` plus `duration` of open time (None: the index does not hold that much open time after `at`)."""
        i = bisect_right(self.closes, at)  # the first period that closes after `at`
        if i < len(self.opens):
            opens = self.opens[i]
            target = self.before[i] + (max(opens, at) - opens) + duration
            if target <= self.after[-1]:
                j = bisect_left(self.after, target, i)  # the first period by whose closing that much passed
                return self.opens[j] + (target - self.before[j])
        return None

    def elapsed(self, a: datetime, b: datetime) -> timedelta:
        """The open time between `a` and `b` (a <= b, both held)."""
        i = bisect_right(self.closes, a)
        j = bisect_left(self.opens, b, i)  # the periods i to j - 1 close after `a` and open before `b`
        if j <= i:
            return _ZERO
        last = self.closes[j - 1]
        return (self.after[j - 1] - self.before[i] - (max(self.opens[i], a) - self.opens[i])
                - (last - min(last, b)))


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


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
        self._index: _Index | None = None

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

    def _indexed(self, first: date, until: date) -> _Index | None:
        """The period index holding every day from `first` to `until`, built or extended as needed (None: too wide a
        span, or ten years without open time on the way; the caller then walks). An index spans at most
        `_MAX_INDEX_DAYS`: a question too far from what it holds starts a new one there."""
        index = self._index
        if index is not None and index.first <= first and until < index.end:
            return index
        if (until - first).days + _INDEX_STEP > _MAX_INDEX_DAYS:
            return None
        if index is None or first < index.first or (until - index.first).days > _MAX_INDEX_DAYS or (
                index.blocked and first >= index.end):
            start = first - timedelta(days=_INDEX_STEP)
            if index is not None and start < index.first and (index.end - start).days <= _MAX_INDEX_DAYS:
                until = max(until, index.end - _ONE_DAY)  # rebuilt from an earlier day: keep what was held
            index = _Index(start, self.zone)
        if index.blocked:
            return None
        index = index.extended(self, min(max(until, index.end + timedelta(days=_INDEX_STEP)),
                                         index.first + timedelta(days=_MAX_INDEX_DAYS)))
        self._index = index
        return None if until >= index.end else index

    def add(self, start: datetime, duration: timedelta) -> datetime:
        if duration < _ZERO:
            raise ValueError("cannot add a negative duration")
        at = _utc(start, "start")
        if duration == _ZERO:
            return at
        index = self._index
        if index is not None and at >= index.safe_from:  # the index holds the walk from `at`'s day before
            found = index.add(at, duration)
            if found is not None:
                return found
        first = at.astimezone(self.zone).date() - _ONE_DAY
        until = first + timedelta(days=_INDEX_STEP)
        while True:
            index = self._indexed(first, until)
            if index is None:
                return self._walk_add(at, duration)
            found = index.add(at, duration)
            if found is not None:
                return found
            until = index.end + (index.end - index.first)  # not that much open time held yet: twice as far

    def _walk_add(self, at: datetime, duration: timedelta) -> datetime:
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
        index = self._index
        if index is None or a < index.safe_from or b >= index.safe_until:
            index = self._indexed(a.astimezone(self.zone).date() - _ONE_DAY,
                                  b.astimezone(self.zone).date() + _ONE_DAY)
            if index is None:
                return self._walk_elapsed(a, b)
        return index.elapsed(a, b)

    def _walk_elapsed(self, a: datetime, b: datetime) -> timedelta:
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
