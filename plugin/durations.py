"""Durations as admins write them in the config: "15m", "4h", "2d", "1h30m", "90s", or "0"; and a moment as the
documents and alerts show it ("2026-11-23 10:00 UTC")."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, tzinfo

_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(d|h|m|s)")
_UNITS = {"d": 86400, "h": 3600, "m": 60, "s": 1}
_WHOLE = re.compile(r"^\s*(?:\d+(?:\.\d+)?\s*[dhms]\s*)+$")


def parse_duration(text: str | int | float | timedelta) -> timedelta:
    """Parse "15m", "4h", "2d", "1h30m". A bare number is not accepted (minutes or hours? say which)."""
    if isinstance(text, timedelta):
        return text
    if isinstance(text, bool) or not isinstance(text, str):
        raise ValueError('must be a duration like "15m", "4h" or "2d"')
    if text.strip() == "0":
        return timedelta(0)
    if not _WHOLE.match(text.lower()):
        raise ValueError('must be a duration like "15m", "4h" or "2d"')
    seconds = sum(float(n) * _UNITS[u] for n, u in _PART.findall(text.lower()))
    return timedelta(seconds=seconds)


def format_duration(value: timedelta) -> str:
    """The inverse of parse_duration, for documents: 4h, 1h 30m, 2d, 45s; negative values get a minus sign."""
    total = round(value.total_seconds())
    if total == 0:
        return "0m"
    sign = "-" if total < 0 else ""
    total = abs(total)
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        amount, total = divmod(total, size)
        if amount:
            parts.append(f"{amount}{unit}")
    return sign + " ".join(parts)


def stamp(moment: datetime, zone: tzinfo) -> str:
    """`moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")`, without going through strftime (documents and alerts
    show several moments each)."""
    local = moment.astimezone(zone)
    return (f"{local.year}-{local.month:02d}-{local.day:02d} {local.hour:02d}:{local.minute:02d} "
            f"{local.tzname() or ''}")
