"""The team's "Escalation Workflow Design" document, generated from the live configuration (Markdown).

It never shows a secret: notification channels appear as a count per role.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from plugin.conditions import Subject
from plugin.config import MANUAL_REASONS, TRIGGER_NAMES, Action, Condition, EscalatorConfig, RuleConfig, SlaTarget
from plugin.documents import LANGUAGES, TEMPLATES
from plugin.domain import ClockKind, Priority
from plugin.durations import format_duration
from plugin.policies import SlaPolicy, matching, policies_of
from plugin.setup import PAIN_POINTS

TRIGGER_MEANINGS = {
    "sla_warning": "a clock passed a warning threshold ({warnings})",
    "sla_breached": "a clock passed {breach}",
    "negative_sentiment": "{mood_rule}",
    "frustration_keywords": "the customer's latest message sounds frustrated (impatience, \"still not fixed\", "
                            "\"third time\"){frustration}",
    "legal_keywords": "the customer threatens legal action (lawyer, lawsuit, court, formal notice){legal}",
    "regulatory_keywords": "the customer invokes a regulator or their data-protection rights{regulatory}",
    "reputational_keywords": "the customer threatens the press, social media or public reviews{reputational}",
    "repeat_contact": "contact number {repeat} or more about the same issue within {window}",
    "vip_customer": "the customer is VIP",
    "enterprise_customer": "the customer is Enterprise",
    "high_revenue_impact": "revenue impact over {revenue:,.0f}",
    "high_lifetime_value": "customer lifetime value over {ltv:,.0f}",
    "unassigned": "no assignee after {unassigned}",
    "critical_incident": "the customer reports a system down or a security incident, whatever the priority",
    "security_incident": "the customer reports a breach, a hacked account, leaked data or fraud{security}",
    "outage": "the customer reports a system down (site down, nobody can log in, line dead){outage}",
    "manual_escalation": "an agent added {manual}<N>",
    "manager_requested": "the customer asks for a manager, a supervisor or someone senior",
    "repeat_claimed": "the customer says they contacted us about this before",
    "incident_page": "a critical incident pages the on-call engineer ({page})",
    "handoff_warning": "the receiving tier has not acted {warnings} of its response target after a handoff",
    "handoff_breached": "the receiving tier has not acted within its response target after a handoff",
}


def _hours(value: timedelta) -> str:
    """SLA targets the way support teams write them: 15m, 4h, 24h, 48h (not 1d, 2d)."""
    seconds = int(value.total_seconds())
    if seconds and seconds % 3600 == 0:
        return f"{seconds // 3600}h"
    return format_duration(value)


def _duration(value: timedelta) -> str:
    return "immediate" if value <= timedelta(0) else f"< {format_duration(value)}"


def _words(config: EscalatorConfig, category: str, limit: int = 6) -> str:
    """The team's own words for a category, after the built-in reading (" and your words ...", or nothing)."""
    by_language: dict[str, list[str]] = getattr(config.keywords, category)
    shown = [f"{lang}: {', '.join(words[:limit])}{', ...' if len(words) > limit else ''}"
             for lang, words in by_language.items() if words]
    if not shown:
        return ""
    only = category in config.keywords.replace
    return f"; {'only' if only else 'also'} your words ({'; '.join(shown)})"


_PAGE_RULES = {"always": "always", "vip_or_enterprise": "VIP and Enterprise customers, or once an agent adds `{tag}`",
               "confirmed": "once an agent adds `{tag}`"}


def _condition(condition: Condition) -> str:
    if condition.field == "trigger":
        return f"trigger `{condition.value}` {'fired' if condition.operator in ('fired', 'is') else 'not fired'}"
    return f"{condition.field} {condition.operator.replace('_', ' ')} {condition.value}"


def _action(action: Action) -> str:
    if action.value is None:
        return action.action.replace("_", " ")
    value = ", ".join(action.value) if isinstance(action.value, list) else action.value
    text = f"{action.action.replace('_', ' ')} {value}"
    if action.repeat is not None:
        repeat = action.repeat
        text += (f", again every {format_duration(repeat.every)} until acknowledged (at most {repeat.times} times)"
                 + (f", then {repeat.then}" if repeat.then else ""))
    return text


def _rule(rule: RuleConfig) -> list[str]:
    parts = []
    if rule.all:
        parts.append("all of: " + "; ".join(_condition(c) for c in rule.all))
    if rule.any:
        parts.append("any of: " + "; ".join(_condition(c) for c in rule.any))
    status = "" if rule.enabled else " (disabled)"
    return [f"- **{rule.name}**{status}: {rule.description}".rstrip(": "),
            f"  - when {' and '.join(parts)}",
            f"  - then {'; '.join(_action(a) for a in rule.actions)}"]


_TEMPLATE_ROLES = {
    "handoff_note": ("on escalation", "agents of the receiving tier (internal note)",
                     "ticket, customer, priority, escalating to, reason with its figures, summary, timeline, what "
                     "was tried, sentiment, expectation, SLA state, next steps, attachments"),
    "rule_note": ("a rule acts without escalating", "agents (internal note)", "the rule, its reasons and figures"),
    "customer_acknowledgment": ("on escalation", "the customer (public reply or email)",
                                "the tier and its speciality, when they will hear back, the case reference"),
    "internal_handoff_message": ("on escalation", "the receiving tier's channel",
                                 "ticket, priority, customer, reason, next SLA deadline, link"),
    "resolution_followup": ("an escalated ticket is solved", "the customer (public reply or email)",
                            "the resolution, and how to reopen"),
}


def _targets(target: SlaTarget) -> str:
    text = f"{_hours(target.first_response)} / {_hours(target.resolution)}"
    return text if target.business_hours else text + " (calendar)"


def _applies_to(policy: SlaPolicy) -> str:
    if policy.match is None:
        return "every ticket no policy above matches"
    parts = []
    if policy.match.all:
        parts.append(" and ".join(_condition(c) for c in policy.match.all))
    if policy.match.any:
        parts.append("any of: " + "; ".join(_condition(c) for c in policy.match.any))
    return "; ".join(parts)


def policy_table(config: EscalatorConfig, tickets: Sequence[Subject] = ()) -> list[str]:
    """The SLA policies in the order they are tried, with what each applies to and measures; with `tickets`,
    which of them each policy takes."""
    lines = ["### SLA policies", "",
             "Tried in order: the first policy whose match holds applies; a change of the ticket re-evaluates it. "
             "Targets are first response / resolution.", "",
             "| # | policy | applies to | critical | high | medium | low | hours | warnings, breach |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for number, policy in enumerate(policies_of(config), start=1):
        hours = policy.schedule or ("group's, else " + config.sla.schedule if config.sla.group_schedules
                                    else config.sla.schedule)
        cells = [_targets(policy.matrix.for_priority(p)) for p in sorted(Priority, reverse=True)]
        thresholds = ", ".join(f"{w:.0%}" for w in policy.warning_at) + f"; {policy.breach_at:.0%}"
        lines.append(f"| {number} | {policy.name} | {_applies_to(policy)} | {' | '.join(cells)} | {hours} | "
                     f"{thresholds} |")
    if tickets:
        taken = matching(tickets, config)
        lines += ["", "| policy | tickets it takes |", "| --- | --- |"]
        lines += [f"| {name} | {', '.join(f'#{t}' for t in ids) or '-'} |" for name, ids in taken.items()]
    return lines


def _profile(config: EscalatorConfig) -> list[str]:
    """The rest of the organization profile `escalator init` writes: the support structure, the top categories with
    the tier that owns each and the rule that routes it, the pain points with what addresses each."""
    org = config.organization
    rules = {rule.name: rule for rule in config.all_rules}
    lines: list[str] = []
    if org.support_structure:
        lines += [f"Support structure: {org.support_structure}.", ""]
    if org.categories:
        lines += ["### Top ticket categories", "", "| category | owned by | routed by |", "| --- | --- | --- |"]
        for category in org.categories:
            number = min(category.tier, config.tier_count)
            owner = f"Tier {number} ({config.tiers[number - 1].name})"
            name = f"route_{category.tag}"
            if name in rules and rules[name].enabled:
                routed = f"rule `{name}` (tag `{category.tag}`)"
            elif number == 1:
                routed = "stays at Tier 1, where new tickets start"
            else:
                routed = f"no rule: add `{name}` (escalate tickets tagged `{category.tag or '...'}`)"
            lines.append(f"| {category.name} | {owner} | {routed} |")
        lines.append("")
    if org.pain_points:
        lines += ["### Pain points and the rules addressing them", ""]
        for key in org.pain_points:
            info = PAIN_POINTS[key]
            if info.rule is None:
                how = "settings only"
            elif info.rule in rules:
                how = f"rule `{info.rule}`" + ("" if rules[info.rule].enabled else " (disabled)")
            else:
                how = f"rule `{info.rule}` is not in this configuration"
            lines.append(f"- **{info.label}** ({how}): {info.remedy}.")
        lines.append("")
    return lines


def describe(config: EscalatorConfig, tickets: Sequence[Subject] = ()) -> str:
    org = config.organization
    sla = config.sla
    thresholds = config.thresholds
    lines = [f"# Escalation Workflow Design: {org.name}", "",
             "Generated by `escalator describe` from the live configuration.", "",
             "## 1. Organization profile", "",
             *([f"- Company: {org.name}; product: {org.product}"] if org.product else []),
             f"- Industry: {org.industry}",
             f"- Support team: {org.team_size} people, about {org.monthly_tickets} tickets a month",
             f"- Channels: {', '.join(org.channels)}",
             f"- Time zone: {org.timezone}; default language: {org.language}",
             f"- Helpdesks connected: {', '.join(config.platforms()) or 'none yet'}", ""]
    lines += _profile(config)
    lines += ["## 2. Tier structure", "",
             "| tier | name | handles | response | requires | groups | hours |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for number, tier in enumerate(config.tiers, start=1):
        groups = ", ".join(f"{p}: {g}" for p, g in tier.groups.items()) or "not mapped"
        hours = tier.schedule or sla.schedule
        lines.append(f"| {number} | {tier.name} | {', '.join(tier.handles) or '-'} | "
                     f"{_duration(tier.response_target)} | {tier.requires or '-'} | {groups} | "
                     f"{hours} ({config.schedule_timezone(hours)}) |")
    lines += ["", "The response target is also measured after each handoff (the handoff clock): from the escalation "
                  "to the receiving tier's first reply, note or assignment, in the tier's hours."]
    lines += ["", "## 3. SLA matrix", "",
              "| priority | first response | resolution | next reply | periodic update | measured in |",
              "| --- | --- | --- | --- | --- | --- |"]
    for priority in sorted(Priority, reverse=True):
        target = sla.matrix.for_priority(priority)
        lines.append(
            f"| {priority.label} ({priority.code}) | {_hours(target.first_response)} | "
            f"{_hours(target.resolution)} | "
            f"{_hours(target.next_reply) if target.next_reply else '-'} | "
            f"{_hours(target.periodic_update) if target.periodic_update else '-'} | "
            f"{'business hours (' + sla.schedule + ')' if target.business_hours else 'calendar hours'} |")
    pauses = "; ".join(f"{clock.value.replace('_', ' ')}: {', '.join(s.value for s in statuses) or 'never'}"
                       for clock, statuses in sla.pause_statuses.items() if isinstance(clock, ClockKind))
    lines += ["", f"Warning at {', '.join(f'{w:.0%}' for w in sla.warning_at)} of a target, breach at "
                  f"{sla.breach_at:.0%}. Clocks pause ({pauses}) and keep the time already spent.", ""]
    schedule = config.schedules[sla.schedule]
    hours = "; ".join(f"{day} {', '.join(iv)}" for day, iv in schedule.hours.items()) or "none"
    holidays = "none"
    if schedule.holidays is not None:
        region = schedule.holidays.subdivision
        holidays = schedule.holidays.country + (f"/{region}" if region else "")
    lines += [f"Business hours ({sla.schedule}, {config.schedule_timezone(sla.schedule)}): {hours}. Public "
              f"holidays: {holidays}; extra closed dates: "
              f"{', '.join(d.isoformat() for d in schedule.extra_holidays) or 'none'}.", ""]
    lines += policy_table(config, tickets)
    lines += ["", "## 4. Escalation rules", "", "### Automatic triggers", ""]
    values = {
        "warnings": ", ".join(f"{w:.0%}" for w in sla.warning_at), "breach": f"{sla.breach_at:.0%}",
        "mood_rule": (f"the customer's latest message scores below {thresholds.sentiment:.2f} (VADER compound, "
                      "English)" if config.reading.mood == "vader"
                      else "the customer's latest message sounds angry or threatening (six languages)"),
        "page": _PAGE_RULES[config.reading.incident_page].format(tag=config.reading.incident_confirm_tag),
        "repeat": thresholds.repeat_contact,
        "window": format_duration(thresholds.repeat_contact_window), "revenue": thresholds.revenue_impact,
        "ltv": thresholds.lifetime_value, "unassigned": format_duration(thresholds.unassigned_after),
        "manual": config.workflow.manual_tag_prefix,
        **{c: _words(config, c) for c in ("frustration", "legal", "regulatory", "reputational", "security",
                                          "outage")},
    }
    lines += [f"- `{name}`: {TRIGGER_MEANINGS[name].format(**values)}" for name in TRIGGER_NAMES]
    lines += ["", "### Manual escalation criteria", "",
              f"Agents add `{config.workflow.manual_tag_prefix}<N>` (a macro) and one reason tag "
              f"`{config.workflow.manual_reason_prefix}<reason>`:", ""]
    lines += [f"- `{key}`: {label}" for key, label in MANUAL_REASONS.items()]
    routing = config.routing
    last = config.tier_count
    lines += ["", "### Routing", "",
              "Next tier up by default; never down; never past the last tier "
              f"(Tier {last}).", "",
              f"- security incidents: Tier {min(routing.security_incident, last)}",
              f"- outages: Tier {min(routing.outage, last)}",
              f"- legal threats: Tier {min(routing.legal, last)}",
              f"- regulatory issues: Tier {min(routing.regulatory, last)}",
              f"- VIP complaints: Tier {min(routing.vip_complaint, last)}",
              f"- social media and public exposure: Tier {min(routing.social_media, last)}", "",
              "## 5. Documentation templates", "",
              f"Languages: {', '.join(LANGUAGES)} (by the requester's locale). "
              f"Override folder: {config.templates.folder or 'none (packaged templates)'}.", ""]
    lines += ["| template | when | who sees it | what it holds |", "| --- | --- | --- | --- |"]
    lines += [f"| `{name}` | {when} | {who} | {what} |" for name, (when, who, what) in _TEMPLATE_ROLES.items()
              if name in TEMPLATES]
    task = config.workflow.escalation_task
    lines += ["", "Escalation task: " + (
        "the ticket is reassigned to the receiving tier's group at the escalated priority, with the handoff note."
        if task == "reassign" else
        "the ticket stays with its agent; the receiving tier's group gets a linked ticket of type task carrying the "
        "handoff note, due within the tier's response target."),
        "Resolution follow-up to the customer once an escalated ticket is solved: "
        f"{'yes' if config.notifications.resolution_followup else 'no'}."]
    lines += ["", "## 6. Automation rules", ""]
    for rule in config.all_rules:
        lines += _rule(rule)
    lines += ["", "## 7. Notifications", "",
              f"Repeat alerts for the same ticket and reason are held back for "
              f"{format_duration(config.notifications.dedupe_period)}; an alert that repeats until acknowledged "
              f"stops once the ticket is assigned, answered or solved, or an agent adds "
              f"`{config.notifications.ack_tag}`. Customer notice: "
              f"{config.notifications.customer_notice}. Alerts wait for business hours: "
              f"{'yes, except pages' if config.notifications.respect_business_hours else 'no'}.", ""]
    roles = ["support_manager", "team_lead", "account_manager", "on_call",
             *[f"tier_{n}_{kind}" for n in range(1, config.tier_count + 1) for kind in ("team", "lead")]]
    for role in dict.fromkeys([*roles, *config.notifications.channels]):
        count = len(config.notifications.channels.get(role, []))
        lines.append(f"- {role}: {count} channel{'s' if count != 1 else ''}" + ("" if count else " (none yet)"))
    lines += ["", f"Weekly report: {config.reports.weekly_day} {config.reports.weekly_time} ({org.timezone}) to "
                  f"{config.reports.recipients}.", "", "## 8. Implementation checklist", ""]
    lines += [f"- [{'x' if done else ' '}] {text}" for done, text in _checklist(config)]
    return "\n".join(lines) + "\n"


def _checklist(config: EscalatorConfig) -> list[tuple[bool, str]]:
    platforms = config.platforms()
    items: list[tuple[bool, str]] = [
        (bool(platforms), "Connect a helpdesk (zendesk: or freshdesk: section with credentials in the environment)"),
    ]
    for platform in platforms:
        section = getattr(config, platform)
        items.append((section.webhook_secret is not None,
                      f"Run `escalator install {platform}` and set ESCALATOR_{platform.upper()}__WEBHOOK_SECRET"))
        for number, tier in enumerate(config.tiers, start=1):
            items.append((platform in tier.groups, f"Map Tier {number} ({tier.name}) to a {platform} group"
                          + ("" if platform in tier.groups else f": no {platform} group mapped for tier {number}")))
    if not platforms:
        items.append((False, "Map each tier to a helpdesk group (tiers[N].groups)"))
    items += [
        (False, f"Create agent macros that add `{config.workflow.manual_tag_prefix}<N>` and a reason tag"),
        (bool(config.notifications.channels.get("support_manager")),
         "Give the support_manager role a channel (unassigned alerts, SLA alerts, weekly report)"),
        (bool(config.notifications.channels.get("on_call")), "Give the on_call role a pager channel (P0 incidents)"),
        (config.schedules[config.sla.schedule].holidays is not None, "Set the public holidays of your schedule"),
        (False, "Run `escalator check-config`, then `escalator serve` (or web + worker) and watch /healthz"),
    ]
    return items
