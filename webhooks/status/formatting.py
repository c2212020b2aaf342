"""How the status pages write times, durations, shares and priorities: in the viewer's time zone, exact to the
second. The viewer's zone comes from the `escalator_tz` cookie the page's script sets from the browser
(Intl.DateTimeFormat), checked against the IANA database; without it, the organization's zone."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from plugin.domain import Priority

TZ_COOKIE = "escalator_tz"


def viewer_zone(cookie: str | None, fallback: str) -> ZoneInfo:
    """The zone the cookie names (the script writes it percent-encoded), else the fallback."""
    name = unquote(cookie or "")
    if name and len(name) <= 64:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return ZoneInfo(fallback)


def _moment(value: datetime | str | None) -> datetime | None:
    """A stored time: a datetime, or the ISO text a JSON column keeps."""
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return value


def duration(seconds: float | None) -> str:
    """1d 4h, 3h 05m, 12m 30s, 45s; negative durations read "-12m 30s"."""
    if seconds is None:
        return "-"
    sign = "-" if seconds < 0 else ""
    total = int(abs(seconds))
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{sign}{days}d {hours}h"
    if hours:
        return f"{sign}{hours}h {minutes:02d}m"
    if minutes:
        return f"{sign}{minutes}m {secs:02d}s"
    return f"{sign}{secs}s"


class Formatter:
    """Handed to the templates as `fmt`."""

    def __init__(self, zone: ZoneInfo, now: datetime) -> None:
        self.zone = zone
        self.now = now

    @property
    def zone_name(self) -> str:
        return self.zone.key

    def when(self, moment: datetime | str | None) -> str:
        """The exact time in the viewer's zone: "Tue 17 Nov 2026 14:05:33 CET"."""
        moment = _moment(moment)
        if moment is None:
            return "-"
        local = moment.astimezone(self.zone)
        return local.strftime("%a %d %b %Y %H:%M:%S ") + (local.tzname() or self.zone.key)

    def short(self, moment: datetime | str | None) -> str:
        moment = _moment(moment)
        if moment is None:
            return "-"
        local = moment.astimezone(self.zone)
        return local.strftime("%d %b %H:%M:%S")

    @staticmethod
    def iso(moment: datetime | None) -> str:
        return moment.astimezone(UTC).isoformat() if moment is not None else ""

    @staticmethod
    def millis(moment: datetime | None) -> str:
        return str(int(moment.timestamp() * 1000)) if moment is not None else ""

    def ago(self, moment: datetime | None) -> str:
        if moment is None:
            return "never"
        seconds = (self.now - moment).total_seconds()
        return f"{duration(seconds)} ago" if seconds >= 0 else f"in {duration(-seconds)}"

    duration = staticmethod(duration)

    @staticmethod
    def share(value: float | None) -> str:
        return "-" if value is None else f"{value * 100:.0f}%"

    @staticmethod
    def priority(value: int | str | None) -> str:
        if value in (None, ""):
            return "-"
        try:
            parsed = Priority.parse(value)
        except (ValueError, KeyError):
            return str(value)
        return f"{parsed.label} ({parsed.code})"

    @staticmethod
    def figures(value: Mapping[str, Any] | None) -> list[tuple[str, str]]:
        """A reason's figures as (name, value) pairs; nested ones as compact JSON."""
        out = []
        for key, item in (value or {}).items():
            if isinstance(item, dict | list):
                text = json.dumps(item, ensure_ascii=False, sort_keys=True)
            elif isinstance(item, float):
                text = f"{item:g}"
            else:
                text = "-" if item is None else str(item)
            out.append((str(key).replace("_", " "), text))
        return out
