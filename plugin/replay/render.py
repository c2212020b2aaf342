"""The replay's report as text (for an admin at a terminal), JSON, CSV (one row per would-be action) and HTML (one
self-contained page, everything escaped). Pure: strings in, strings out."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from plugin.replay.report import SimulationReport, TicketReport

FORMATS = ("text", "json", "csv", "html")
CSV_COLUMNS = ("platform", "ticket_id", "at", "cause", "kind", "rule", "role", "tier", "sent_at", "detail",
               "escalated_by_person_at", "sla_breached_at")


def duration(value: timedelta | None) -> str:
    if value is None:
        return "-"
    minutes = int(value.total_seconds() // 60)
    days, minutes = divmod(minutes, 1440)
    hours, minutes = divmod(minutes, 60)
    parts = [f"{days}d" if days else "", f"{hours}h" if hours else "", f"{minutes}m" if minutes or not (days or hours)
             else ""]
    return " ".join(p for p in parts if p)


def _at(value: datetime | None) -> str:
    return value.isoformat(timespec="seconds") if value is not None else ""


def render(report: SimulationReport, fmt: str) -> str:
    if fmt == "text":
        return "\n".join(text_lines(report)) + "\n"
    if fmt == "json":
        return json.dumps(as_json(report), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return as_csv(report)
    if fmt == "html":
        return as_html(report)
    raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")


# ---------------------------------------------------------------- text


def _ticket_lines(ticket: TicketReport) -> list[str]:
    actual = ticket.actual
    happened = []
    if actual.escalated_at is not None:
        happened.append(f"escalated by a person at {_at(actual.escalated_at)} (to tier {actual.escalated_to})")
    else:
        happened.append("nobody escalated it")
    breach = actual.first_breach
    happened.append(f"SLA {breach.clock.replace('_', ' ')} breached at {_at(breach.at)}" if breach else
                    "no SLA breached")
    out = [f"{ticket.platform} #{ticket.ticket_id} {ticket.subject!r}: {ticket.decisions} decision(s)",
           "  actually: " + "; ".join(happened)]
    if not ticket.actions:
        out.append("  would have done nothing")
    for action in ticket.actions:
        who = f" -> {action.role}" if action.role else ""
        held = f" (sent {_at(action.sent_at)})" if action.sent_at and action.sent_at != action.at else ""
        out.append(f"  {_at(action.at)} [{action.cause}] {action.kind}{who}: {action.rule or '-'}: "
                   f"{action.detail}{held}")
    return out


def text_lines(report: SimulationReport, *, per_ticket: bool = True) -> list[str]:
    t = report.totals
    out = [f"Replay of {t.tickets} ticket(s) changed from {_at(report.since)} to {_at(report.until)}: "
           f"{t.decisions} decision(s), {t.actions} action(s) it would have taken. Nothing was written.", ""]
    out.append(f"Escalations: {sum(t.escalations_by_rule_tier.values())} on {t.tickets_escalated} ticket(s)")
    out += [f"  {rule} -> tier {tier}: {n}" for (rule, tier), n in t.escalations_by_rule_tier.items()]
    out.append(f"Priority changes: {t.priority_changes}; internal notes: {t.notes}; replies to customers: "
               f"{t.replies}")
    out.append(f"Alerts: {sum(t.alerts_by_role.values())}; pages to on-call: {t.pages}")
    out += [f"  {role}: {n}" for role, n in t.alerts_by_role.items()]
    busiest = t.busiest_day
    if busiest is not None:
        out.append(f"Alerts per day (busiest {busiest[0].isoformat()}: {busiest[1]}):")
        out += [f"  {day.isoformat()}: {n}" for day, n in t.alerts_by_day.items()]
    out.append(f"SLA breaches: {len(t.breached)} ticket(s); warned before the breach: {len(t.breaches_warned)}"
               + (f", median {duration(t.median_lead)} earlier (from {duration(min(t.warning_leads))} to "
                  f"{duration(max(t.warning_leads))})" if t.warning_leads else ""))
    out.append(f"Escalated by people: {len(t.escalated_by_people)}; of them no rule would have caught: "
               f"{len(t.people_escalated_no_rule)}" + (f" ({', '.join(t.people_escalated_no_rule[:20])}"
                                                      f"{' ...' if len(t.people_escalated_no_rule) > 20 else ''})"
                                                      if t.people_escalated_no_rule else ""))
    out.append("Rules that would have escalated tickets nobody escalated:" if t.rules_on_unescalated else
               "Rules that would have escalated tickets nobody escalated: none")
    out += [f"  {rule}: {n} ticket(s)" for rule, n in t.rules_on_unescalated.items()]
    for platform, limit in report.limits.items():
        out.append(f"What the {platform} history cannot show: {limit}")
    out += [f"Not replayed: {error}" for error in report.errors]
    if per_ticket:
        for ticket in report.tickets:
            out += ["", *_ticket_lines(ticket)]
    return out


# ---------------------------------------------------------------- JSON and CSV


def _action_json(action: Any) -> dict[str, Any]:
    return {"at": _at(action.at), "cause": action.cause, "kind": action.kind, "rule": action.rule,
            "role": action.role or None, "tier": action.tier, "sent_at": _at(action.sent_at) or None,
            "detail": action.detail, "because": list(action.because)}


def as_json(report: SimulationReport) -> dict[str, Any]:
    t = report.totals
    return {
        "since": _at(report.since), "until": _at(report.until), "limits": dict(report.limits),
        "errors": list(report.errors),
        "totals": {
            "tickets": t.tickets, "decisions": t.decisions, "actions": t.actions,
            "tickets_escalated": t.tickets_escalated,
            "escalations_by_rule_tier": [{"rule": r, "tier": tier, "count": n}
                                         for (r, tier), n in t.escalations_by_rule_tier.items()],
            "alerts_by_role": dict(t.alerts_by_role),
            "alerts_by_day": {d.isoformat(): n for d, n in t.alerts_by_day.items()},
            "pages": t.pages, "priority_changes": t.priority_changes, "notes": t.notes, "replies": t.replies,
            "sla_breached": list(t.breached), "sla_breaches_warned": list(t.breaches_warned),
            "warning_lead_seconds": [lead.total_seconds() for lead in t.warning_leads],
            "escalated_by_people": list(t.escalated_by_people),
            "people_escalated_no_rule": list(t.people_escalated_no_rule),
            "rules_on_unescalated": dict(t.rules_on_unescalated),
        },
        "tickets": [{
            "platform": ticket.platform, "ticket_id": ticket.ticket_id, "subject": ticket.subject,
            "url": ticket.url, "created_at": _at(ticket.created_at), "decisions": ticket.decisions,
            "actual": {"escalated_at": _at(ticket.actual.escalated_at) or None,
                       "escalated_by": ticket.actual.escalated_by, "escalated_to": ticket.actual.escalated_to,
                       "breaches": [{"clock": b.clock, "at": _at(b.at)} for b in ticket.actual.breaches],
                       "solved_at": _at(ticket.actual.solved_at) or None},
            "warned_at": _at(ticket.warned_at) or None,
            "actions": [_action_json(a) for a in ticket.actions],
        } for ticket in report.tickets],
    }


def as_csv(report: SimulationReport) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for ticket in report.tickets:
        breach = ticket.actual.first_breach
        for a in ticket.actions:
            writer.writerow([ticket.platform, ticket.ticket_id, _at(a.at), a.cause, a.kind, a.rule, a.role,
                             a.tier if a.tier is not None else "", _at(a.sent_at), a.detail,
                             _at(ticket.actual.escalated_at), _at(breach.at if breach else None)])
    return buffer.getvalue()


# ---------------------------------------------------------------- HTML

_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def as_html(report: SimulationReport) -> str:
    environment = Environment(loader=FileSystemLoader(str(_TEMPLATES)), autoescape=select_autoescape(default=True),
                              trim_blocks=True, lstrip_blocks=True)
    template = environment.get_template("simulate.html.j2")
    return template.render(report=report, totals=report.totals, summary=text_lines(report, per_ticket=False),
                           at=_at, duration=duration)
