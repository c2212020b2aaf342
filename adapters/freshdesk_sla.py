"""Freshdesk SLA policies and business hours as configuration (`escalator import freshdesk`). Pure: the JSON of
`GET /api/v2/sla_policies`, `GET /api/v2/business_hours` and `GET /api/v2/groups` goes in (shapes in
shared/reference/freshdesk.md, section 3).

- Business hours: each day's `start_time`/`end_time` ("08:00:00 am", "05:00:00 pm"; an end of 11:59:59 pm is
  midnight) becomes `HH:MM-HH:MM`; a day not listed is closed. The default set is `sla.schedule`; a group's own set
  (its `business_hour_id`) goes into `sla.group_schedules.freshdesk`, as Freshdesk counts a ticket in its group's
  hours.
- The default policy's targets are the default matrix; the other active policies keep their order (position): the
  first match wins. `applicable_to` becomes one condition per list (company -> organization, group, source ->
  channel, ticket type), all of which must hold, each list being "one of". Products and the escalation e-mails are
  said, not translated. Targets are seconds: `respond_within` the first response, `resolve_within` the resolution,
  `next_respond_within` the next reply; each priority keeps its business-hours flag.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from adapters.sla_import import Translation, hhmm, iana_zone, key_of
from plugin.ports import SlaImport

_DAYS = {"monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu", "friday": "fri",
         "saturday": "sat", "sunday": "sun"}
_PRIORITIES = {"priority_4": "critical", "priority_3": "high", "priority_2": "medium", "priority_1": "low"}
_LISTS = {"company_ids": "organization", "group_ids": "group", "sources": "channel", "ticket_types": "ticket_type"}


def _minutes(text: str) -> int:
    """ "08:00:00 am" -> 480; "05:30:00 pm" -> 1050; "12:00:00 am" -> 0; "11:59:59 pm" -> 1440 (midnight)."""
    clock, _, half = text.strip().lower().partition(" ")
    parts = [int(p) for p in clock.split(":")]
    hours, minutes = parts[0] % 12, parts[1] if len(parts) > 1 else 0
    seconds = parts[2] if len(parts) > 2 else 0
    total = (hours + (12 if half == "pm" else 0)) * 60 + minutes
    return 1440 if total == 1439 and seconds == 59 else total


def _schedule(item: Mapping[str, Any], out: Translation) -> dict[str, Any]:
    name = str(item.get("name") or item.get("id"))
    hours: dict[str, list[str]] = {}
    for day, times in (item.get("business_hours") or {}).items():
        short = _DAYS.get(str(day).lower())
        if short is None or not isinstance(times, Mapping):
            out.note(f"business hours {name!r}: day {day!r} is not known; left out")
            continue
        try:
            start, end = _minutes(str(times["start_time"])), _minutes(str(times["end_time"]))
        except (KeyError, ValueError, IndexError):
            out.note(f"business hours {name!r}: {day} has no readable start and end; left out")
            continue
        hours[short] = [f"{hhmm(start)}-{'24:00' if end == 1440 else hhmm(end)}"]
    settings: dict[str, Any] = {"hours": {d: hours[d] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
                                          if d in hours}}
    zone = iana_zone(item.get("time_zone"))
    if zone is None:
        out.note(f"business hours {name!r}: time zone {item.get('time_zone')!r} is not known; the organization's "
                 f"is used")
    else:
        settings["timezone"] = zone
    out.note(f"business hours {name!r}: Freshdesk's holidays are not in its API; add them as holidays or "
             f"extra_holidays")
    return settings


def _matrix(targets: Mapping[str, Any], policy: str, out: Translation) -> dict[str, dict[str, Any]]:
    matrix: dict[str, dict[str, Any]] = {}
    for key, priority in _PRIORITIES.items():
        target = targets.get(key)
        if not isinstance(target, Mapping):
            out.note(f"policy {policy!r}: no target for {priority}; the default matrix's applies here")
            continue
        entry: dict[str, Any] = {"business_hours": bool(target.get("business_hours", True))}
        for field, clock in (("respond_within", "first_response"), ("resolve_within", "resolution"),
                             ("next_respond_within", "next_reply")):
            if target.get(field) is not None:
                seconds = int(target[field])
                entry[clock] = f"{seconds // 60}m" if seconds % 60 == 0 else f"{seconds}s"
        matrix[priority] = entry
    return matrix


def translate(policies: Sequence[Mapping[str, Any]], business_hours: Sequence[Mapping[str, Any]],
              groups: Sequence[Mapping[str, Any]] = ()) -> SlaImport:
    """The configuration equivalent to these SLA policies, business hours and groups."""
    out = Translation("freshdesk")
    names: set[str] = set()
    by_id: dict[str, str] = {}
    for item in sorted(business_hours, key=lambda b: not b.get("is_default")):
        key = key_of(str(item.get("name") or item.get("id")), names)
        out.schedules[key] = _schedule(item, out)
        by_id[str(item.get("id"))] = key
        if item.get("is_default"):
            out.sla["schedule"] = key
    default_key = out.sla.get("schedule")
    per_group = {str(g["id"]): by_id[str(g["business_hour_id"])] for g in groups
                 if g.get("business_hour_id") is not None and str(g["business_hour_id"]) in by_id
                 and by_id[str(g["business_hour_id"])] != default_key}
    if per_group:
        out.sla["group_schedules"] = {"freshdesk": per_group}
    taken: set[str] = {"default"}
    translated = []
    for item in sorted(policies, key=lambda p: (int(p.get("position") or 0), int(p.get("id") or 0))):
        title = str(item.get("name") or item.get("id"))
        if item.get("escalation"):
            out.note(f"policy {title!r}: its escalation e-mails are not translated; rules with notify actions do "
                     f"that here")
        if item.get("is_default"):
            out.sla["matrix"] = _matrix(item.get("sla_target") or {}, title, out)
            continue
        if item.get("active") is False:
            out.note(f"policy {title!r} is inactive in Freshdesk; left out")
            continue
        applicable = item.get("applicable_to") or {}
        conditions = [{"field": field, "operator": "one_of", "value": [str(v) for v in applicable[key]]}
                      for key, field in _LISTS.items() if applicable.get(key)]
        if applicable.get("product_ids"):
            out.note(f"policy {title!r}: products {applicable['product_ids']} are not read from tickets here; that "
                     f"condition is left out")
        if not conditions:
            out.note(f"policy {title!r} has no condition left that can be said here; it would match every ticket, "
                     f"so it is left out")
            continue
        translated.append({"name": key_of(title, taken), "description": str(item.get("description") or title),
                           "match": {"all": conditions}, "matrix": _matrix(item.get("sla_target") or {}, title, out)})
    out.sla["policies"] = translated
    return out.result()
