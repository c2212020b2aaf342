"""Zendesk SLA policies and business-hour schedules as configuration (`escalator import zendesk`). Pure: the JSON
of `GET /api/v2/slas/policies`, `GET /api/v2/business_hours/schedules` and each schedule's holidays go in.

- A schedule's intervals are minutes from Sunday 00:00 in its zone, none spanning two days: each becomes
  `HH:MM-HH:MM` on its weekday; its holidays become closed dates. The first schedule is the account's default
  (`sla.schedule`); Zendesk gives a ticket another one only by a trigger, which is said, not translated.
- Policies keep their order (position): the first match wins, as in Zendesk. A filter condition becomes the rule
  language's (type, priority, group, organization, channel by via id, tags, custom fields); one that has no
  equivalent is left out and said.
- Metrics: first_reply_time is the first response, next_reply_time the next reply, periodic_update_time the periodic
  update; agent_work_time (paused while pending or on hold), requester_wait_time (paused while pending) or
  total_resolution_time (never paused) the resolution, with the pauses that go with it. Targets are minutes; a
  priority's business-hours flag is its first reply's (else its resolution's).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from adapters.sla_import import Translation, hhmm, iana_zone, key_of
from plugin.ports import SlaImport

_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
_PRIORITIES = {"urgent": "critical", "high": "high", "normal": "medium", "low": "low"}
_CLOCKS = {"first_reply_time": "first_response", "next_reply_time": "next_reply",
           "periodic_update_time": "periodic_update", "pausable_update_time": "periodic_update"}
# resolution metric -> the statuses that pause it (preferred first)
_RESOLUTION = {"agent_work_time": ["pending", "on_hold"], "requester_wait_time": ["pending"],
               "total_resolution_time": []}
# via_id -> the ticket's via.channel, which the adapter reads as the ticket's channel
_VIA = {"0": "web", "4": "email", "5": "api", "29": "chat", "33": "voice", "34": "voice", "35": "voice"}
_OPERATORS = {"is": "is", "is_not": "is_not", "less_than": "less_than", "greater_than": "greater_than"}


def _schedule(item: Mapping[str, Any], holidays: Sequence[Mapping[str, Any]], out: Translation) -> dict[str, Any]:
    name = str(item.get("name") or item.get("id"))
    hours: dict[str, list[str]] = {}
    for interval in item.get("intervals") or ():
        start, end = int(interval["start_time"]), int(interval["end_time"])
        day = start // 1440
        begin, finish = start - day * 1440, end - day * 1440
        if not 0 <= day <= 6 or finish > 1440 or finish <= begin:
            out.note(f"schedule {name!r}: interval {start}-{end} is not within one day; left out")
            continue
        hours.setdefault(_DAYS[day], []).append(f"{hhmm(begin)}-{'24:00' if finish == 1440 else hhmm(finish)}")
    settings: dict[str, Any] = {"hours": {d: hours[d] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
                                          if d in hours}}
    zone = iana_zone(item.get("time_zone"))
    if zone is None:
        out.note(f"schedule {name!r}: time zone {item.get('time_zone')!r} is not known; the organization's is used")
    else:
        settings["timezone"] = zone
    closed: list[str] = []
    for holiday in holidays:
        try:
            first = date.fromisoformat(str(holiday["start_date"]))
            last = date.fromisoformat(str(holiday.get("end_date") or holiday["start_date"]))
        except (KeyError, ValueError):
            out.note(f"schedule {name!r}: holiday {holiday.get('name')!r} has no readable dates; left out")
            continue
        closed += [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
    if closed:
        settings["extra_holidays"] = sorted(set(closed))
    if not settings["hours"]:
        out.note(f"schedule {name!r} has no open interval; left out")
        return {}
    return settings


def _condition(item: Mapping[str, Any], policy: str, out: Translation) -> list[dict[str, Any]]:
    """The rule-language conditions of one filter condition (none when it has no equivalent)."""
    field, operator, value = str(item.get("field")), str(item.get("operator")), item.get("value")
    values = value if isinstance(value, list) else [value]
    if field == "type" and operator in ("is", "is_not"):
        return [{"field": "ticket_type", "operator": operator, "value": str(value)}]
    if field == "priority" and operator in _OPERATORS and str(value) in _PRIORITIES:
        return [{"field": "priority", "operator": _OPERATORS[operator], "value": _PRIORITIES[str(value)]}]
    if field in ("group_id", "organization_id") and operator in ("is", "is_not"):
        target = "group" if field == "group_id" else "organization"
        return [{"field": target, "operator": operator, "value": str(value)}]
    if field == "via_id" and operator in ("is", "is_not") and str(value) in _VIA:
        return [{"field": "channel", "operator": operator, "value": _VIA[str(value)]}]
    if field in ("current_tags", "tags") and operator in ("includes", "not_includes"):
        tags = [t for v in values for t in str(v).split()]
        if operator == "not_includes" or len(tags) == 1:
            return [{"field": "tags", "operator": operator, "value": tags}]
        return [{"field": "tags", "operator": "includes", "value": tag, "_any": True} for tag in tags]
    for prefix in ("ticket_fields_", "custom_fields_"):
        if field.startswith(prefix) and operator in ("is", "is_not"):
            return [{"field": f"field:{field[len(prefix):]}", "operator": operator, "value": str(value)}]
    out.note(f"policy {policy!r}: condition {field} {operator} {value!r} has no equivalent; left out (the policy "
             f"matches more tickets here than in Zendesk)")
    return []


def _metrics(items: Sequence[Mapping[str, Any]], policy: str, out: Translation
             ) -> tuple[dict[str, dict[str, Any]], list[str] | None]:
    """The policy's matrix by our priority names, and the statuses that pause its resolution clock."""
    by_priority: dict[str, dict[str, Mapping[str, Any]]] = {}
    for item in items:
        priority = _PRIORITIES.get(str(item.get("priority")))
        if priority is None:
            out.note(f"policy {policy!r}: priority {item.get('priority')!r} is not known; left out")
            continue
        by_priority.setdefault(priority, {})[str(item.get("metric"))] = item
    matrix: dict[str, dict[str, Any]] = {}
    pauses: list[str] | None = None
    for priority, metrics in by_priority.items():
        target: dict[str, Any] = {}
        for metric, clock in _CLOCKS.items():
            if metric in metrics and clock not in target:
                target[clock] = f"{int(metrics[metric]['target'])}m"
                if metric == "pausable_update_time":
                    out.note(f"policy {policy!r}: pausable_update_time becomes the periodic update, which does not "
                             f"pause while pending")
        resolution = next((m for m in _RESOLUTION if m in metrics), None)
        if resolution is not None:
            target["resolution"] = f"{int(metrics[resolution]['target'])}m"
            wanted = _RESOLUTION[resolution]
            if pauses is not None and pauses != wanted:
                out.note(f"policy {policy!r}: its priorities measure resolution differently; the pauses of "
                         f"{resolution} for {priority} are not kept")
            pauses = wanted if pauses is None else pauses
        for clock in ("first_response", "resolution"):
            if clock not in target:
                out.note(f"policy {policy!r}: no {clock.replace('_', ' ')} target for {priority} in Zendesk; the "
                         f"default matrix's applies here")
        flag_from = metrics.get("first_reply_time") or (metrics.get(resolution) if resolution else None)
        if flag_from is not None:
            target["business_hours"] = bool(flag_from.get("business_hours"))
            if any(bool(m.get("business_hours")) != target["business_hours"] for m in metrics.values()):
                out.note(f"policy {policy!r}: {priority} mixes business and calendar hours; all its clocks count "
                         f"{'business' if target['business_hours'] else 'calendar'} hours here")
        matrix[priority] = target
    return matrix, pauses


def translate(policies: Sequence[Mapping[str, Any]], schedules: Sequence[Mapping[str, Any]],
              holidays: Mapping[str, Sequence[Mapping[str, Any]]]) -> SlaImport:
    """The configuration equivalent to these policies, schedules and holidays (by schedule id)."""
    out = Translation("zendesk")
    names: set[str] = set()
    for item in schedules:
        settings = _schedule(item, holidays.get(str(item.get("id")), ()), out)
        if settings:
            out.schedules[key_of(str(item.get("name") or item.get("id")), names)] = settings
    if out.schedules:
        default, *others = list(out.schedules)
        out.sla["schedule"] = default
        for name in others:
            out.note(f"schedule {name!r}: Zendesk gives it to tickets by trigger; name it on a tier "
                     f"(tiers[n].schedule) or a policy (sla.policies[n].schedule) to use it")
    taken: set[str] = {"default"}
    translated = []
    for item in sorted(policies, key=lambda p: (int(p.get("position") or 0), int(p.get("id") or 0))):
        title = str(item.get("title") or item.get("id"))
        name = key_of(title, taken)
        conditions: dict[str, list[dict[str, Any]]] = {"all": [], "any": []}
        for group in ("all", "any"):
            for condition in (item.get("filter") or {}).get(group) or ():
                for made in _condition(condition, title, out):
                    spread = made.pop("_any", False)
                    if spread and group == "all" and (item.get("filter") or {}).get("any"):
                        out.note(f"policy {title!r}: 'tags include one of' beside other any-conditions cannot be "
                                 f"said here; only {made['value']!r} is kept")
                        conditions["all"].append(made)
                        break
                    conditions["any" if spread else group].append(made)
        if not conditions["all"] and not conditions["any"]:
            out.note(f"policy {title!r} has no condition left that can be said here; it would match every ticket, "
                     f"so it is left out")
            continue
        matrix, pauses = _metrics(item.get("policy_metrics") or (), title, out)
        policy: dict[str, Any] = {"name": name, "description": str(item.get("description") or title),
                                  "match": {k: v for k, v in conditions.items() if v}, "matrix": matrix}
        # Zendesk's first reply time never pauses; the resolution pauses as its metric does
        policy["pause_statuses"] = {"first_response": [], **({"resolution": pauses} if pauses is not None else {})}
        translated.append(policy)
    out.sla["policies"] = translated
    out.note("tickets that no Zendesk policy matches have no SLA in Zendesk; here they keep the default matrix "
             "(sla.matrix), which this import leaves as it is")
    return out.result()
