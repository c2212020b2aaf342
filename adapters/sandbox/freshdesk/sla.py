"""Freshdesk's own SLA arithmetic, for the sandbox's tickets: which policy applies (the first active one, by
position, whose `applicable_to` lists all hold; else the default one), in which business hours (the ticket's group's
set, else the default set), and the resulting `fr_due_by` (respond_within) and `due_by` (resolve_within) from the
ticket's creation. Worked out here on its own, from the JSON the API serves, so that `escalator import freshdesk` can be
checked against what the sandbox says a ticket is due. Pure.

Left out, as the sandbox does not model them: holidays (not in Freshdesk's API either), timers paused by a status,
`next_respond_within`, and SLA reminders and escalations.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from adapters.sla_import import iana_zone

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MAX_DAYS = 3700  # ten years of days without one open minute: the hours are empty
_APPLICABLE = {"company_ids": "company_id", "group_ids": "group_id", "sources": "source",
               "ticket_types": "type", "product_ids": "product_id"}


def clock_minutes(text: str) -> int:
    """ "08:00:00 am" -> 480, "12:00:00 pm" -> 720, "11:59:59 pm" -> 1440 (Freshdesk's way of saying midnight)."""
    clock, _, half = text.strip().lower().partition(" ")
    hours, minutes, seconds = ([int(p) for p in clock.split(":")] + [0, 0])[:3]
    if half not in ("am", "pm") or not (1 <= hours <= 12 and 0 <= minutes < 60 and 0 <= seconds < 60):
        raise ValueError(f"{text!r} is not a time in 'hh:mm:ss am' form")
    total = (hours % 12 + (12 if half == "pm" else 0)) * 60 + minutes
    return 1440 if (total, seconds) == (1439, 59) else total


def policy_for(ticket: Mapping[str, Any], policies: Iterable[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    ordered = sorted(policies, key=lambda p: (int(p.get("position") or 0), int(p["id"])))
    for policy in ordered:
        if policy.get("is_default") or not policy.get("active", True):
            continue
        applicable = policy.get("applicable_to") or {}
        lists = [(key, values) for key, values in applicable.items() if values and key in _APPLICABLE]
        if lists and all(ticket.get(_APPLICABLE[key]) in values for key, values in lists):
            return policy
    return next((p for p in ordered if p.get("is_default")), None)


def hours_for(ticket: Mapping[str, Any], groups: Mapping[int, Mapping[str, Any]],
              business_hours: Mapping[int, Mapping[str, Any]]) -> Mapping[str, Any] | None:
    group = groups.get(ticket.get("group_id") or -1) or {}
    chosen = business_hours.get(group.get("business_hour_id") or -1)
    return chosen or next((h for h in business_hours.values() if h.get("is_default")), None)


def add_business_time(start: datetime, seconds: int, hours: Mapping[str, Any]) -> datetime:
    """`start` plus `seconds` counted only inside the business hours (their time zone, day by day)."""
    zone = ZoneInfo(iana_zone(str(hours.get("time_zone") or "")) or "UTC")
    week = hours.get("business_hours") or {}
    remaining = timedelta(seconds=seconds)
    day = start.astimezone(zone).date()
    for _ in range(MAX_DAYS):
        times = week.get(DAYS[day.weekday()])
        if times:
            midnight = datetime(day.year, day.month, day.day, tzinfo=zone)
            opens = (midnight + timedelta(minutes=clock_minutes(times["start_time"]))).astimezone(UTC)
            closes = (midnight + timedelta(minutes=clock_minutes(times["end_time"]))).astimezone(UTC)
            begin = max(opens, start)
            if begin < closes:
                if closes - begin >= remaining:
                    return begin + remaining
                remaining -= closes - begin
        day += timedelta(days=1)
    raise ValueError(f"business hours {hours.get('name')!r} have no open time")


def due_times(ticket: Mapping[str, Any], policies: Iterable[Mapping[str, Any]],
              groups: Mapping[int, Mapping[str, Any]],
              business_hours: Mapping[int, Mapping[str, Any]]) -> tuple[datetime | None, datetime | None]:
    """(fr_due_by, due_by) of a ticket, or (None, None) when no policy has a target for its priority."""
    policy = policy_for(ticket, policies)
    target = ((policy or {}).get("sla_target") or {}).get(f"priority_{ticket.get('priority')}")
    if not target:
        return None, None
    created = datetime.fromisoformat(str(ticket["created_at"]).replace("Z", "+00:00"))
    hours = hours_for(ticket, groups, business_hours) if target.get("business_hours", True) else None

    def due(seconds: int) -> datetime:
        return add_business_time(created, seconds, hours) if hours else created + timedelta(seconds=seconds)

    return due(int(target["respond_within"])), due(int(target["resolve_within"]))
