"""The facts about one ticket at one moment, computed once and read by every trigger and rule.

Gathering them is pure: the ticket, the customer, the history, the configuration and `now` go in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from plugin.calendar import calendar_for
from plugin.conditions import Subject
from plugin.config import EscalatorConfig, platform_fields
from plugin.customers import CustomerProfile, classify, revenue_impact
from plugin.domain import ClockState, Customer, Priority, SlaBasis, Ticket, TicketHistory, TicketSummary
from plugin.handoff import handoff_clock, tier_schedule
from plugin.keywords import fold
from plugin.policies import SlaPolicy, basis_of, select_policy
from plugin.sentiment import SentimentAnalyzer, SentimentReading, read_sentiment
from plugin.sla import ClockReading, Segment, effective_priority, read_clocks, sla_timeline, status_timeline

_STOPWORDS = frozenset(
    "a an the and or but to of in on for with my our your is are was were be it this that i we you me us not no "
    "can cannot can't still again please help issue problem ticket re fw fwd le la les un une des et ou de du en "
    "pour avec mon ma mes notre votre est sont pas ne je nous vous toujours encore probleme".split()
)
_WORD = re.compile(r"[a-z0-9]+")


def _stem(word: str) -> str:
    """Just enough stemming for subjects: plurals and -ing/-ed forms ("invoices", "exporting" -> "invoice")."""
    for suffix in ("ing", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def subject_words(subject: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _WORD.findall(fold(subject)) if w not in _STOPWORDS and len(w) > 2)


def same_issue(a: str, b: str) -> bool:
    """Two subjects are about the same issue when they share at least a third of their meaningful words."""
    wa, wb = subject_words(a), subject_words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / len(wa | wb) >= 1 / 3


@dataclass(frozen=True)
class ManualRequest:
    tier: int
    reason: str | None
    tag: str


@dataclass(frozen=True)
class Facts:
    ticket: Ticket
    customer: Customer | None
    history: TicketHistory
    now: datetime
    config: EscalatorConfig
    language: str
    profile: CustomerProfile
    revenue: float | None
    sentiment: SentimentReading
    clocks: tuple[ClockReading, ...]
    priority: Priority  # the ticket's priority now (the default where it has none)
    tier: int
    unassigned_for: timedelta | None
    unassigned_alert_at: datetime | None
    repeat_contacts: tuple[TicketSummary, ...]
    outage_words: tuple[str, ...]  # the customer's system-down phrases, as read by the reader
    security_words: tuple[str, ...]
    manual: ManualRequest | None
    policy: SlaPolicy  # the SLA policy that applies to the ticket now
    sla_timeline: tuple[SlaBasis, ...]  # what its clocks ran on, the current basis last
    handoff: ClockReading | None = None  # the current tier's handoff clock, after an escalation
    # the ticket's statuses from creation to `now` (sla.status_timeline), which its clocks were read over
    segments: tuple[Segment, ...] = field(default=(), compare=False, repr=False)

    @property
    def contact_count(self) -> int:
        return 1 + len(self.repeat_contacts)

    @property
    def subject(self) -> Subject:
        return Subject(self.ticket, self.customer, self.profile, self.tier, self.priority, self.revenue)

    @property
    def sla_basis(self) -> SlaBasis:
        return self.sla_timeline[-1]

    @property
    def max_sla_share(self) -> float:
        running = [c.status.share_elapsed for c in self.clocks if c.status.state != ClockState.FULFILLED]
        return max(running, default=0.0)


def language_of(locale: str | None, config: EscalatorConfig) -> str:
    if locale:
        return locale.replace("_", "-").split("-")[0].lower()
    return config.organization.language


def tier_from_tags(tags: frozenset[str], prefix: str, tier_count: int) -> int:
    tiers = [int(t[len(prefix):]) for t in tags if t.startswith(prefix) and t[len(prefix):].isdigit()]
    return max((t for t in tiers if 1 <= t <= tier_count), default=1)


def manual_request(ticket: Ticket, config: EscalatorConfig) -> ManualRequest | None:
    """An agent's escalation request: a tag `escalate_tier_<N>` and optionally `esc_reason_<reason>` (or the older
    `escalation_reason_<reason>`, still read: see WorkflowConfig.manual_reason)."""
    workflow = config.workflow
    requested = sorted(
        (int(t[len(workflow.manual_tag_prefix):]), t)
        for t in ticket.tags
        if t.startswith(workflow.manual_tag_prefix) and t[len(workflow.manual_tag_prefix):].isdigit()
    )
    if not requested:
        return None
    tier, tag = requested[-1]
    reasons = sorted(reason for reason in map(workflow.manual_reason, ticket.tags) if reason is not None)
    return ManualRequest(min(max(tier, 1), config.tier_count), reasons[0] if reasons else None, tag)


def unassigned_since(ticket: Ticket, history: TicketHistory) -> datetime:
    """When the ticket (now without an agent) last became unassigned, as far as we know: its creation, its latest
    escalation (which hands it to a new group without an agent), or the last change of assignee the history
    recorded (`history.assigned_at`; for a ticket without an agent, the moment it lost its agent: an agent who
    un-assigns a ticket starts the wait again)."""
    moments = [ticket.created_at, *(e.at for e in history.escalations)]
    if history.assigned_at is not None:
        moments.append(history.assigned_at)
    return max(moments)


def _unassigned(ticket: Ticket, history: TicketHistory, config: EscalatorConfig, now: datetime, tier: int
                ) -> tuple[timedelta | None, datetime | None]:
    """How long the ticket has waited for an agent, and when that reaches the alert threshold (in business time,
    the hours of the tier it waits in)."""
    if ticket.assignee_id is not None or ticket.status.is_done:
        return None, None
    settings = config.thresholds
    calendar = calendar_for(config, business_hours=settings.unassigned_business_time,
                            schedule=tier_schedule(config, tier))
    since = min(unassigned_since(ticket, history), now)
    return calendar.elapsed(since, now), calendar.add(since, settings.unassigned_after)


def with_read_names(ticket: Ticket, customer: Customer | None, config: EscalatorConfig
                    ) -> tuple[Ticket, Customer | None]:
    """The ticket and customer with each field `config.fields` names for the ticket's platform also under the name
    the settings and rules read (the platform's own names are kept)."""
    names = config.field_names(ticket.platform)
    if not names:
        return ticket, customer
    ticket = ticket.with_changes(custom_fields=platform_fields(ticket.custom_fields, names))
    if customer is not None:
        customer = replace(customer, fields=platform_fields(customer.fields, names))
    return ticket, customer


def gather(
    ticket: Ticket,
    customer: Customer | None,
    history: TicketHistory,
    now: datetime,
    config: EscalatorConfig,
    analyzer: SentimentAnalyzer | None = None,
    basis_changed_at: datetime | None = None,
    same_but_priority: Facts | None = None,
) -> Facts:
    """The facts at `now`. `basis_changed_at`: when a change of the SLA basis (policy, priority, schedule) happened,
    where this decision makes it (a priority it sets); else the ticket's last update tells.

    The ticket's and the customer's fields are first given the names the rules read (`fields` in the configuration:
    Zendesk's 360012345 or Freshdesk's cf_revenue_impact read as revenue_impact), so one rule set reads both.

    `same_but_priority`: the facts of this very ticket (bar its priority), customer, history and moment, gathered a
    moment ago: what the priority does not change (the customer's words, who the customer is, the tier, the earlier
    contacts, the wait for an agent, a manual request) is taken from them; the policy and the clocks are read
    again."""
    ticket, customer = with_read_names(ticket, customer, config)
    earlier = same_but_priority
    if earlier is not None:
        language, sentiment, repeats = earlier.language, earlier.sentiment, earlier.repeat_contacts
        tier, profile, revenue = earlier.tier, earlier.profile, earlier.revenue
        unassigned_for, unassigned_at, manual = earlier.unassigned_for, earlier.unassigned_alert_at, earlier.manual
        segments = earlier.segments
    else:
        segments = tuple(status_timeline(ticket, history, now))
        locale = (customer.locale if customer else None) or ticket.locale
        language = language_of(locale, config)
        window_start = now - config.thresholds.repeat_contact_window
        repeats = tuple(
            t for t in history.related_tickets
            if t.id != ticket.id and t.created_at >= window_start and t.created_at <= ticket.created_at
            and same_issue(t.subject, ticket.subject)
        )
        sentiment = read_sentiment(ticket, config, language, analyzer, locale=locale)
        tier = min(max(history.current_tier_from_history,
                       tier_from_tags(ticket.tags, config.workflow.tier_tag_prefix, config.tier_count)),
                   config.tier_count)
        profile = classify(customer, config)
        revenue = revenue_impact(ticket, customer, config)
        unassigned_for, unassigned_at = _unassigned(ticket, history, config, now, tier)
        manual = manual_request(ticket, config)
    priority = effective_priority(ticket, config)
    policy = select_policy(Subject(ticket, customer, profile, tier, priority, revenue), config)
    timeline = sla_timeline(ticket, history, basis_of(policy, priority, ticket, config), now, basis_changed_at)
    handoff = handoff_clock(ticket, history, tier, segments, config, now, policy.warning_at, policy.breach_at)
    return Facts(
        ticket=ticket, customer=customer, history=history, now=now, config=config, language=language,
        profile=profile, revenue=revenue, sentiment=sentiment,
        clocks=tuple(read_clocks(ticket, history, config, now, policy=policy, timeline=timeline,
                                 segments=segments, earlier=earlier.clocks if earlier is not None else ())),
        priority=priority, tier=tier,
        unassigned_for=unassigned_for, unassigned_alert_at=unassigned_at, repeat_contacts=repeats,
        outage_words=sentiment.phrases("outage") if "outage" in sentiment.matters else (),
        security_words=sentiment.phrases("security") if "security" in sentiment.matters else (),
        manual=manual, policy=policy, sla_timeline=timeline, handoff=handoff, segments=segments,
    )
