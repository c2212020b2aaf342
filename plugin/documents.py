"""The documents the engine writes: the internal escalation handoff note, the short rule note, the customer's
acknowledgment, the internal handoff message for the receiving team's channel, and the resolution follow-up.

Jinja2 templates in English and French under `plugin/templates/{en,fr}/`, chosen by the requester's locale; any of
them can be overridden by a file of the same relative path in the folder `templates.folder` names. Rendering is
strict: a template that uses an unknown variable fails with its name and line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import jinja2

from plugin.calendar import calendar_for
from plugin.config import WEEKDAYS, EscalatorConfig
from plugin.customers import CustomerProfile, classify
from plugin.domain import (
    ClockKind,
    ClockState,
    ClockStatus,
    Customer,
    CustomerTier,
    Priority,
    Reason,
    Sentiment,
    Ticket,
    TicketHistory,
)
from plugin.durations import format_duration, stamp
from plugin.handoff import tier_schedule
from plugin.policies import SlaPolicy, default_policy, schedule_of
from plugin.summaries import (
    attachment_links,
    attempts,
    customer_tier_label,
    expectation,
    issue_summary,
    localized_reasons,
    next_steps,
    priority_label,
    short_duration,
    spoken_duration,
    timeline,
)

LANGUAGES = ("en", "fr")
TEMPLATES = ("handoff_note", "rule_note", "customer_acknowledgment", "internal_handoff_message",
             "resolution_followup")


class TemplateError(Exception):
    """An admin's template could not be rendered: which template, which line, what went wrong."""


@dataclass(frozen=True)
class DocumentContext:
    ticket: Ticket
    customer: Customer | None
    customer_tier: CustomerTier
    priority: Priority
    from_tier: int
    to_tier: int
    reasons: Sequence[Reason]
    sentiment: Sentiment
    sentiment_score: float | None
    clocks: Sequence[ClockStatus]
    history: TicketHistory
    now: datetime
    case_reference: str
    sentiment_evidence: Sequence[str] = ()  # the customer's phrases behind the mood, as written
    policy: SlaPolicy | None = None  # the SLA policy the ticket's clocks run under (None: the default one)
    profile: CustomerProfile | None = None  # who the customer is, as the decision classified them (None: classify)


# What the receiving team specializes in, for the customer: the first of these the reasons name (most specific
# first), else the tier's own `handles`.
_ISSUE_TYPES = {
    "en": {"legal_keywords": "legal matters", "regulatory_keywords": "regulatory matters",
           "security_incident": "security incidents", "critical_incident": "critical incidents",
           "reputational_keywords": "sensitive public matters", "outage": "service outages",
           "high_revenue_impact": "business-critical issues", "repeat_contact": "complex, recurring issues",
           "vip_customer": "priority accounts", "enterprise_customer": "priority accounts",
           "high_lifetime_value": "priority accounts",
           "negative_sentiment": "customer concerns", "frustration_keywords": "customer concerns",
           "manager_requested": "customer concerns"},
    "fr": {"legal_keywords": "les questions juridiques", "regulatory_keywords": "les questions réglementaires",
           "security_incident": "les incidents de sécurité", "critical_incident": "les incidents critiques",
           "reputational_keywords": "les sujets sensibles", "outage": "les interruptions de service",
           "high_revenue_impact": "les problèmes critiques pour votre activité",
           "repeat_contact": "les problèmes complexes et récurrents",
           "vip_customer": "les comptes prioritaires", "enterprise_customer": "les comptes prioritaires",
           "high_lifetime_value": "les comptes prioritaires",
           "negative_sentiment": "les réclamations clients", "frustration_keywords": "les réclamations clients",
           "manager_requested": "les réclamations clients"},
}
# The default tiers' `handles`, for a French customer (an admin's own wording is shown as written).
_HANDLES_FR = {
    "common issues": "les demandes courantes", "FAQs": "les questions fréquentes",
    "password resets": "les réinitialisations de mot de passe",
    "complex technical issues": "les problèmes techniques complexes", "account problems": "les problèmes de compte",
    "billing disputes": "les litiges de facturation", "bugs": "les anomalies", "infrastructure": "l'infrastructure",
    "integrations": "les intégrations", "security incidents": "les incidents de sécurité",
    "legal threats": "les questions juridiques", "regulatory issues": "les questions réglementaires",
    "VIP complaints": "les réclamations des comptes prioritaires", "social media crises": "les sujets sensibles",
}


def _always_open(config: EscalatorConfig, name: str | None = None) -> bool:
    """True when the schedule (default: the SLA's) is open around the clock with no holidays: business time is
    calendar time."""
    schedule = config.schedules.get(name or config.sla.schedule)
    if schedule is None or schedule.holidays is not None or schedule.extra_holidays:
        return False
    return all("00:00-24:00" in [i.replace(" ", "") for i in schedule.hours.get(day, [])] for day in WEEKDAYS)


def _promise(config: EscalatorConfig, ctx: DocumentContext,
             always_open: Callable[[EscalatorConfig, str | None], bool] = _always_open,
             ) -> tuple[timedelta, bool, datetime]:
    """What the customer is promised: the sooner of the receiving tier's response target (counted in business
    time, as the escalation task is due then) and the first response the priority's SLA promises, while that
    clock still runs (a Critical ticket's 15 minutes rather than Tier 3's 8 hours)."""
    tier_target = config.tiers[ctx.to_tier - 1].response_target
    hours = tier_schedule(config, ctx.to_tier)
    business = not always_open(config, hours)
    promise = (tier_target, business, calendar_for(config, business_hours=business, schedule=hours)
               .add(ctx.now, tier_target))
    first = next((c for c in ctx.clocks if c.kind == ClockKind.FIRST_RESPONSE), None)
    if first is None or first.state == ClockState.FULFILLED:
        return promise
    policy = ctx.policy or default_policy(config)
    schedule = schedule_of(policy, ctx.ticket, config)
    sla = policy.matrix.for_priority(ctx.priority)
    due = calendar_for(config, business_hours=sla.business_hours, schedule=schedule).add(ctx.now, sla.first_response)
    if due < promise[2]:
        return sla.first_response, sla.business_hours and not always_open(config, schedule), due
    return promise


def _render(compiled: tuple[jinja2.Template, dict[str, Any]], variables: dict[str, Any]) -> str:
    """`template.render(variables)`, with the template's globals read once when it was compiled rather than merged
    from Jinja's chain of mappings at each rendering (globals are not changed after a template is loaded)."""
    template, globals_ = compiled
    env = template.environment
    context = env.context_class(env, {**globals_, **variables}, template.name, template.blocks, globals=globals_)
    try:
        return env.concat(template.root_render_func(context))
    except Exception:
        env.handle_exception()  # Jinja's own: the error raised again, its traceback pointing into the template


class Documents:
    def __init__(self, config: EscalatorConfig) -> None:
        self.config = config
        loaders: list[jinja2.BaseLoader] = []
        if config.templates.folder is not None:
            loaders.append(jinja2.FileSystemLoader(str(config.templates.folder)))
        loaders.append(jinja2.PackageLoader("plugin", "templates"))
        # Plain-text notes and messages, never HTML: escaping would put "&amp;" in front of agents. Templates are
        # compiled once and kept (auto_reload off, and our own cache): deciding never touches the file system.
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders), undefined=jinja2.StrictUndefined, autoescape=False,  # noqa: S701
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False, auto_reload=False,
        )
        self._compiled: dict[str, tuple[jinja2.Template, dict[str, Any]]] = {}  # path -> template, its globals
        # The variables of the last context rendered: a decision renders its documents from one context.
        self._last: tuple[DocumentContext, str, dict[str, Any]] | None = None
        self.zone = ZoneInfo(config.organization.timezone)
        self._open_all_hours: dict[str | None, bool] = {}
        self.env.filters["when"] = self._when
        self.env.filters["duration"] = format_duration
        self.env.filters["short"] = short_duration
        self.env.filters["spoken"] = spoken_duration

    def _always_open(self, config: EscalatorConfig, name: str | None) -> bool:
        """`_always_open` of this configuration's schedule, worked out once per schedule."""
        try:
            return self._open_all_hours[name]
        except KeyError:
            always = self._open_all_hours[name] = _always_open(config, name)
            return always

    def _when(self, value: datetime | None) -> str:
        if value is None:
            return "-"
        return stamp(value, self.zone)

    def language_for(self, locale: str | None) -> str:
        if locale:
            language = locale.replace("_", "-").split("-")[0].lower()
            if language in LANGUAGES:
                return language
        return self.config.organization.language

    def _variables_of(self, ctx: DocumentContext, language: str) -> dict[str, Any]:
        """The variables of `ctx`, computed once for the documents of one decision (the same context object)."""
        last = self._last
        if last is not None and last[0] is ctx and last[1] == language:
            return last[2]
        variables = self._variables(ctx, language)
        self._last = (ctx, language, variables)
        return variables

    def _variables(self, ctx: DocumentContext, language: str) -> dict[str, Any]:
        config = self.config
        target = config.tiers[ctx.to_tier - 1]
        customer = ctx.customer
        lifetime_value = None
        if customer is not None:
            lifetime_value = (ctx.profile or classify(customer, config)).lifetime_value
        # Two rules resting on one trigger bring its reason twice: each is shown once.
        first: dict[tuple[str, str], Reason] = {}
        for reason in ctx.reasons:
            first.setdefault((reason.rule, reason.key), reason)
        unique = list(first.values())
        reasons = localized_reasons(unique, language, config)
        primary = reasons[0].summary if reasons else ""
        issue_types = _ISSUE_TYPES.get(language, _ISSUE_TYPES["en"])
        handles = [_HANDLES_FR.get(h, h) if language == "fr" else h for h in target.handles[:2]]
        fired = {r.rule for r in unique}
        issue_type = next((issue_types[rule] for rule in issue_types if rule in fired),
                          ", ".join(handles) if handles else target.name)
        open_clocks = [c for c in ctx.clocks if c.state != ClockState.FULFILLED]
        next_due = min((c.due_at for c in open_clocks if c.due_at is not None), default=None)
        response_target, business_time, response_due = _promise(config, ctx, self._always_open)
        return {
            "ticket": ctx.ticket,
            "customer": customer,
            "customer_name": (customer.name or customer.email or customer.id) if customer else "-",
            "organization": customer.organization_name if customer else None,
            "customer_tier": ctx.customer_tier.value,
            "customer_tier_label": customer_tier_label(ctx.customer_tier.value, language),
            "lifetime_value": lifetime_value,
            "priority": ctx.priority,
            "priority_label": priority_label(ctx.priority, language),
            "from_tier": ctx.from_tier,
            "from_tier_name": config.tiers[ctx.from_tier - 1].name,
            "to_tier": ctx.to_tier,
            "tier_name": target.name,
            "response_target": response_target,
            "response_business_time": business_time,
            "response_due": response_due,
            "immediate": target.response_target <= timedelta(0),
            "issue_type": issue_type,
            "reasons": reasons,
            "primary_reason": primary,
            "summary": issue_summary(ctx.ticket),
            "timeline": timeline(ctx.ticket, ctx.history, ctx.now, primary or "-", language),
            "attempts": attempts(ctx.ticket),
            "sentiment": ctx.sentiment.value,
            "sentiment_score": ctx.sentiment_score,
            "sentiment_evidence": list(ctx.sentiment_evidence),
            "expectation": expectation(ctx.ticket, language),
            "next_steps": next_steps(ctx.reasons, language),
            "attachments": attachment_links(ctx.ticket),
            "clocks": list(ctx.clocks),
            "sla_policy": (ctx.policy or default_policy(config)).name,
            "open_clocks": open_clocks,
            "next_due": next_due,
            "case_reference": ctx.case_reference,
            "organization_name": config.organization.name,
            "now": ctx.now,
        }

    def render(self, name: str, ctx: DocumentContext) -> str:
        language = self.language_for((ctx.customer.locale if ctx.customer else None) or ctx.ticket.locale)
        path = f"{language}/{name}.j2"
        try:
            compiled = self._compiled.get(path)
            if compiled is None:
                template = self.env.get_template(path)
                compiled = self._compiled[path] = (template, dict(template.globals))
            text = _render(compiled, self._variables_of(ctx, language))
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"template {exc.filename or path}, line {exc.lineno}: {exc.message}") from None
        except jinja2.UndefinedError as exc:
            raise TemplateError(f"template {path}: {exc.message}") from None
        except jinja2.TemplateNotFound:
            raise TemplateError(f"template {path} not found") from None
        return "\n".join(line.rstrip() for line in text.strip().splitlines()) + "\n"

    def handoff_note(self, ctx: DocumentContext) -> str:
        return self.render("handoff_note", ctx)

    def rule_note(self, ctx: DocumentContext) -> str:
        return self.render("rule_note", ctx)

    def customer_acknowledgment(self, ctx: DocumentContext) -> str:
        return self.render("customer_acknowledgment", ctx)

    def internal_handoff_message(self, ctx: DocumentContext) -> str:
        return self.render("internal_handoff_message", ctx)

    def resolution_followup(self, ctx: DocumentContext) -> str:
        return self.render("resolution_followup", ctx)
