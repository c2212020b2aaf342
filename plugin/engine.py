"""The decision engine: `decide(ticket, customer, history, now, config) -> Decision`, a pure function.

It scores the priority, fires the built-in triggers, evaluates the rules, routes escalations, and returns the
writes to make, the notifications to send, the escalation records, the next moment to look again, and the reasons.
A rule acts once (its key goes into `Decision.fired`, which the store keeps), so deciding again on the state that
results from applying a decision yields nothing new: that is what stops loops when our own write comes back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from plugin.alerts import AlertFrame, alert, platform_label, ticket_reference
from plugin.calendar import calendar_for
from plugin.config import TIER_LEAD, EscalatorConfig, RuleConfig
from plugin.documents import DocumentContext, Documents
from plugin.domain import (
    ClockState,
    Customer,
    Decision,
    EscalationEntry,
    Notification,
    Priority,
    Reason,
    Status,
    TaskTicket,
    Ticket,
    TicketChanges,
    TicketHistory,
    WorkflowState,
)
from plugin.facts import Facts, gather
from plugin.handoff import tier_schedule
from plugin.reminders import REMINDER_SUFFIX, Plan, Reminder, plan_reminders, reminder_lines, reminder_title
from plugin.routing import target_tier
from plugin.rules import FieldValues, RuleMatch, compile_rules
from plugin.scoring import PriorityStep, apply_priority_action, score
from plugin.sentiment import SentimentAnalyzer, default_analyzer, remembering
from plugin.sla import next_crossing
from plugin.triggers import fire_all, is_vip_complaint

SCORED_KEY = "scored"
ROUTED_KEY = "routed"
FOLLOWUP_KEY = "resolution_followup"
ACKNOWLEDGED_KEY = "acknowledged"
_PRIORITY_ACTIONS = ("set_priority", "minimum_priority", "bump_priority")


@dataclass
class _Plan:
    """What the new rule matches ask for, accumulated in rule order."""

    priority: Priority
    arrived: Priority | None = None  # the ticket's own priority before this decision (the view may carry the new one)
    priority_steps: list[PriorityStep] = field(default_factory=list)
    tier: int = 1
    tier_why: str = ""
    tier_rule: str = ""
    add_tags: set[str] = field(default_factory=set)
    remove_tags: set[str] = field(default_factory=set)
    roles: dict[str, list[RuleMatch]] = field(default_factory=dict)  # role -> the matches that notify it
    note: bool = False
    note_texts: list[str] = field(default_factory=list)
    assign_senior: bool = False
    acknowledge: bool = False
    actor: str = ""


class _OnFirstUse:
    """A decision's document context, built at its first use and then the same object for every document (they share
    their variables through it, see Documents)."""

    __slots__ = ("_build", "_context")

    def __init__(self, build: Callable[[], DocumentContext]) -> None:
        self._build = build
        self._context: DocumentContext | None = None

    def __call__(self) -> DocumentContext:
        if self._context is None:
            self._context = self._build()
        return self._context


def _check_aware(now: datetime) -> None:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be a timezone-aware datetime")


class Engine:
    """Holds what is expensive to build once per configuration: the compiled templates and the sentiment analyser,
    injected by the wiring (or the default one, loaded here once, never while deciding), behind a memo: each text
    is read once and its reading kept (`plugin.sentiment.MemoAnalyzer`), so a timer firing on a ticket whose words
    did not change reads nothing again."""

    def __init__(self, config: EscalatorConfig, *, documents: Documents | None = None,
                 analyzer: SentimentAnalyzer | None = None) -> None:
        self.config = config
        self.documents = documents or Documents(config)
        self.analyzer: SentimentAnalyzer = remembering(analyzer if analyzer is not None else default_analyzer())
        self._rule_shares = _rule_shares(config)
        self._rules = compile_rules(config.all_rules)  # the enabled rules, checks built once

    def decide(self, ticket: Ticket, customer: Customer | None, history: TicketHistory, now: datetime) -> Decision:
        _check_aware(now)
        config = self.config
        if config.workflow.task_tag in ticket.tags:
            return Decision(ticket_id=ticket.id, at=now)  # a task ticket we created: its team works it
        facts = gather(ticket, customer, history, now, config, self.analyzer)
        new_keys: set[str] = set()
        plan = _Plan(priority=facts.priority, arrived=ticket.priority, tier=facts.tier)

        if SCORED_KEY not in history.fired:
            scored = score(facts.ticket, history, facts.profile.tier, config)  # its fields under the names read
            new_keys.add(SCORED_KEY)
            if scored.priority > plan.priority or ticket.priority is None:
                plan.priority_steps.extend(scored.steps)
                plan.priority = max(plan.priority, scored.priority) if ticket.priority else scored.priority
                plan.note = plan.note or plan.priority > facts.priority  # the matrix raised it: say why

        # A priority change re-targets the SLA clocks within this very decision: look again with the new priority
        # until nothing new fires, so the next decision on the resulting ticket finds nothing left to do.
        matches: list[RuleMatch] = []
        fired: dict[str, list[Reason]] = {}
        view = facts
        current: list[RuleMatch] = []  # the matches of the last look (view, plan.priority, fired)
        for _ in range(4):
            if plan.priority != view.priority:
                view = gather(ticket.with_changes(priority=plan.priority), customer, history, now, config,
                              self.analyzer, basis_changed_at=now, same_but_priority=facts)
            fired = fire_all(view, plan.priority)
            new_keys.update(r.key for reasons in fired.values() for r in reasons if r.key not in history.fired)
            seen = history.fired | {k for m in matches for k in m.keys}
            looked_at = plan.priority
            current = self._matches(view, looked_at, fired)
            fresh = [m for m in current if m.is_new(seen)]
            if not fresh:
                break
            before = plan.priority
            for match in fresh:
                new_keys.update(match.keys)
                matches.append(match)
                self._apply_actions(match, view, plan)
            if plan.priority == before:
                break

        manual = self._manual(facts, fired, history, plan)
        escalating = plan.tier > facts.tier
        reasons = _escalating_first(matches, plan.tier_rule, manual)
        writes = self._changes(facts, plan, escalating, new_keys, history)  # TicketChanges' fields, built once below
        # one context for every document of this decision, built when the first is written (most write none)
        ctx = _OnFirstUse(lambda: self._context(view, plan, reasons))
        entries, note = self._note_and_history(view, plan, escalating, reasons, matches, manual, ctx)
        if note is not None:
            writes["internal_note"] = note
        if escalating and note is not None and config.workflow.escalation_task == "task_ticket":
            writes["task"] = self._task(view, plan, note)
        notifications = self._notifications(view, plan, escalating, matches, ctx)
        if plan.priority != looked_at:  # the last look's actions moved the priority: the rules read it again
            current = self._matches(view, plan.priority, fired)
        reminders = plan_reminders(current, {TIER_LEAD: _tier_lead(view)},
                                   ticket, history, now, config, frozenset(plan.roles))
        for reminder in reminders.due:
            new_keys.add(reminder.fired_key)
            new_keys.update(reminder.skipped)
            notifications.append(self._reminder(view, plan, reminder))
        replies = []
        if (escalating or plan.acknowledge) and config.notifications.customer_notice != "none":
            acknowledged = f"{ACKNOWLEDGED_KEY}:tier_{plan.tier}"
            if acknowledged not in history.fired:
                new_keys.add(acknowledged)
                acknowledgment = self._acknowledgment(view, plan, ctx)
                if config.notifications.customer_notice == "reply":
                    replies.append(acknowledgment.body)
                else:
                    notifications.append(acknowledgment)
        if self._follow_up_due(ticket, history):
            new_keys.add(FOLLOWUP_KEY)
            follow_up = self._follow_up(view, plan)
            if config.notifications.customer_notice == "email":
                notifications.append(follow_up)
            else:
                replies.append(follow_up.body)
        if replies:  # a public reply is a write of the decision itself, with its own marker (plugin/ledger.py)
            writes["public_reply"] = "\n\n".join(replies)
        next_check = self._next_check(view, fired, history, reminders)
        clocks = tuple(c.status for c in view.clocks) + ((view.handoff.status,) if view.handoff else ())
        return Decision(
            ticket_id=ticket.id, at=now, changes=TicketChanges(**writes), reasons=reasons,
            notifications=tuple(notifications),
            escalations=tuple(entries), fired=frozenset(new_keys), next_check_at=next_check,
            workflow_state=_workflow_state(ticket, history, plan.tier, escalating),
            clocks=clocks, tier=plan.tier, priority=plan.priority, sentiment=facts.sentiment.level,
            sla_basis=view.sla_basis,
        )

    # -- rules and actions

    def _matches(self, facts: Facts, priority: Priority, fired: Mapping[str, Sequence[Reason]]) -> list[RuleMatch]:
        out = []
        values = FieldValues(facts, priority)  # each field read once for all the rules
        for rule in self._rules:
            match = rule.evaluate(facts, priority, fired, values)
            if match is not None:
                out.append(match)
        return out

    def _apply_actions(self, match: RuleMatch, facts: Facts, plan: _Plan) -> None:
        rule: RuleConfig = match.rule
        for action in rule.actions:
            name, value = action.action, action.value
            if name in _PRIORITY_ACTIONS:
                before = plan.priority
                plan.priority = apply_priority_action(before, name, value)
                plan.priority_steps.append(PriorityStep(f"rule {rule.name} ({name.replace('_', ' ')})", before,
                                                        plan.priority))
                plan.note = plan.note or plan.priority != before
            elif name == "escalate":
                # "next" is the tier above the one the ticket is at: two rules saying it in one decision (an SLA
                # breach and a missed handoff) move the ticket one tier, not two
                tier, why = target_tier(facts.tier, value, match.reasons, self.config,
                                        vip_complaint=is_vip_complaint(facts))
                if tier > plan.tier:
                    plan.tier, plan.tier_why, plan.tier_rule = tier, why, rule.name
                    plan.actor = f"rule:{rule.name}"
            elif name == "add_tags":
                plan.add_tags.update(value)
            elif name == "remove_tags":
                plan.remove_tags.update(value)
            elif name == "notify":
                role = _tier_lead(facts) if value == TIER_LEAD else str(value)
                plan.roles.setdefault(role, []).append(match)
            elif name == "internal_note":
                plan.note = True
                if isinstance(value, str) and value.strip():
                    plan.note_texts.append(value.strip())
            elif name == "assign_senior":
                plan.assign_senior = True
            elif name == "reply_to_customer":
                plan.acknowledge = True

    def _manual(self, facts: Facts, fired: Mapping[str, Sequence[Reason]], history: TicketHistory,
                plan: _Plan) -> list[Reason]:
        """An agent's escalation tag: escalate to the requested tier (never down) and consume the tag."""
        request = facts.manual
        if request is None:
            return []
        plan.remove_tags.add(request.tag)
        reasons = [r for r in fired.get("manual_escalation", ()) if r.key not in history.fired]
        if reasons and request.tier > plan.tier:
            plan.tier, plan.tier_why, plan.tier_rule = request.tier, "requested by the agent", "manual_escalation"
            plan.actor = f"agent:{facts.ticket.assignee_id or 'unknown'}"
            plan.note = True
            return reasons
        return []

    # -- the writes

    def _changes(self, facts: Facts, plan: _Plan, escalating: bool, new_keys: set[str],
                 history: TicketHistory) -> dict[str, Any]:
        """The fields of the decision's `TicketChanges` that the plan sets (the documents add theirs)."""
        ticket, workflow, config = facts.ticket, self.config.workflow, self.config
        add, remove = set(plan.add_tags), set(plan.remove_tags)
        group_id: str | None = None
        assignee_id: str | None = None
        clear_assignee = False
        status: Status | None = None
        tier_tag = f"{workflow.tier_tag_prefix}{plan.tier}"
        if escalating:
            add |= {workflow.escalated_tag, tier_tag}
            remove |= {t for t in ticket.tags if t.startswith(workflow.tier_tag_prefix) and t != tier_tag}
            if workflow.escalation_task == "reassign":  # else the tier gets a linked task ticket instead
                group_id = config.tiers[plan.tier - 1].groups.get(ticket.platform)
                if group_id is not None and group_id != ticket.group_id and ticket.assignee_id is not None:
                    clear_assignee = True
            elif ROUTED_KEY not in history.fired and not ticket.status.is_done:
                # The customer's ticket stays with Tier 1 while the task goes up: a new one still lands there.
                new_keys.add(ROUTED_KEY)
                tier1_group = config.tiers[0].groups.get(ticket.platform)
                if workflow.route_new_to_tier1 and ticket.group_id is None and tier1_group:
                    group_id = tier1_group
            if config.workflow.write_status and ticket.status in (Status.NEW, Status.PENDING, Status.ON_HOLD):
                status = Status.OPEN
        elif ROUTED_KEY not in history.fired and not ticket.status.is_done:
            new_keys.add(ROUTED_KEY)
            if not any(t.startswith(workflow.tier_tag_prefix) for t in ticket.tags):
                add.add(tier_tag)
            tier1_group = config.tiers[0].groups.get(ticket.platform)
            if workflow.route_new_to_tier1 and plan.tier == 1 and ticket.group_id is None and tier1_group:
                group_id = tier1_group
        if plan.assign_senior:
            senior = config.tiers[plan.tier - 1].senior_assignee.get(ticket.platform)
            if senior is not None and senior != ticket.assignee_id:
                assignee_id, clear_assignee = senior, False
            elif senior is None:
                add.add("senior_agent_requested")
        priority = plan.priority if plan.priority_steps and plan.priority != ticket.priority else None
        return {
            "priority": priority,
            "add_tags": frozenset(add - ticket.tags),
            "remove_tags": frozenset((remove - add) & ticket.tags),
            "group_id": group_id if group_id != ticket.group_id else None,
            "assignee_id": assignee_id,
            "clear_assignee": clear_assignee,
            "status": status if status != ticket.status else None,
        }

    def _context(self, facts: Facts, plan: _Plan, reasons: Sequence[Reason]) -> DocumentContext:
        return DocumentContext(
            ticket=facts.ticket, customer=facts.customer, customer_tier=facts.profile.tier, priority=plan.priority,
            from_tier=facts.tier, to_tier=plan.tier, reasons=tuple(reasons), sentiment=facts.sentiment.level,
            sentiment_score=facts.sentiment.score,
            clocks=tuple(c.status for c in facts.clocks) + ((facts.handoff.status,) if facts.handoff else ()),
            history=facts.history, now=facts.now,
            case_reference=ticket_reference(facts.ticket.platform, facts.ticket.id),
            sentiment_evidence=facts.sentiment.mood_evidence, policy=facts.policy, profile=facts.profile,
        )

    def _note_and_history(
        self, facts: Facts, plan: _Plan, escalating: bool, reasons: Sequence[Reason],
        matches: Sequence[RuleMatch], manual: Sequence[Reason], ctx: _OnFirstUse,
    ) -> tuple[list[EscalationEntry], str | None]:
        if not (plan.note or escalating):
            return [], None
        note = self.documents.handoff_note(ctx()) if escalating else self.documents.rule_note(ctx())
        extra = [*plan.note_texts]
        if plan.priority_steps and plan.priority != plan.arrived:
            extra.append("Priority: " + "; ".join(s.describe() for s in plan.priority_steps))
        if extra:
            note = note.rstrip() + "\n\n" + "\n".join(extra)
        if not escalating:
            return [], note
        escalating_reasons = [r for m in matches if m.rule.name == plan.tier_rule for r in m.reasons] or list(manual)
        figures: dict[str, Any] = {"routing": plan.tier_why, "priority_before": facts.priority.code,
                                   "priority_after": plan.priority.code}
        for reason in escalating_reasons:
            figures[reason.key] = dict(reason.figures)
        entry = EscalationEntry(
            ticket_id=facts.ticket.id, at=facts.now, from_tier=facts.tier, to_tier=plan.tier, rule=plan.tier_rule,
            reason="; ".join(r.summary for r in escalating_reasons), figures=figures, actor=plan.actor, note=note,
        )
        return [entry], note

    def _task(self, facts: Facts, plan: _Plan, note: str) -> TaskTicket:
        """The escalation task for the receiving tier, due within that tier's response target."""
        config, ticket = self.config, facts.ticket
        tier = config.tiers[plan.tier - 1]
        due = calendar_for(config, business_hours=True, schedule=tier_schedule(config, plan.tier)).add(
            facts.now, tier.response_target)
        return TaskTicket(
            tier=plan.tier, group_id=tier.groups.get(ticket.platform), priority=plan.priority,
            subject=f"[Tier {plan.tier} {tier.name}] Escalation of #{ticket.id}: {ticket.subject}"[:250],
            body=note, due_at=due,
            tags=frozenset({config.workflow.task_tag, f"{config.workflow.tier_tag_prefix}{plan.tier}"}),
        )

    def _follow_up_due(self, ticket: Ticket, history: TicketHistory) -> bool:
        """Once per ticket: an escalated ticket that is now solved."""
        return (self.config.notifications.resolution_followup and ticket.status == Status.SOLVED
                and bool(history.escalations) and FOLLOWUP_KEY not in history.fired)

    def _follow_up(self, facts: Facts, plan: _Plan) -> Notification:
        ctx = self._context(facts, plan, ())
        return Notification(role="customer", kind="resolution_followup", ticket_id=facts.ticket.id,
                            dedupe_key=FOLLOWUP_KEY, title=_customer_title(facts, resolved=True),
                            body=self.documents.resolution_followup(ctx))

    def _notifications(self, facts: Facts, plan: _Plan, escalating: bool, matches: Sequence[RuleMatch],
                       ctx: _OnFirstUse) -> list[Notification]:
        ticket = facts.ticket
        out = []
        frame = AlertFrame(facts, plan.priority, plan.tier) if plan.roles else None  # what the alerts share
        for role, role_matches in plan.roles.items():
            assert frame is not None
            # One alert per role and decision; when several rules name the role, it carries all their reasons,
            # headed by the rule that moved the ticket if it is one of them.
            role_matches = sorted(role_matches, key=lambda m: m.rule.name != plan.tier_rule)
            lead = role_matches[0]
            role_reasons = _escalating_first(role_matches, plan.tier_rule, ())
            title, body = frame.alert(role, role_reasons, lead.rule.description or lead.rule.name)
            out.append(Notification(role=role, kind=lead.rule.name, ticket_id=ticket.id, dedupe_key=lead.key,
                                    title=title, body=body, urgent=role == "on_call",
                                    schedule=self._hours_of(role)))
        if escalating:
            out.append(Notification(
                role=f"tier_{plan.tier}_team", kind="handoff", ticket_id=ticket.id,
                dedupe_key=f"handoff:tier_{plan.tier}",
                title=f"[{plan.priority.code}] Escalated to Tier {plan.tier}: "
                      f"{ticket_reference(ticket.platform, ticket.id)}",
                body=self.documents.internal_handoff_message(ctx()), schedule=tier_schedule(self.config, plan.tier)))
        return out

    def _hours_of(self, role: str) -> str | None:
        """The schedule an alert to a tier's team or lead waits for (None: the SLA's default)."""
        parts = role.split("_")
        if len(parts) == 3 and parts[0] == "tier" and parts[1].isdigit() and parts[2] in ("team", "lead"):
            tier = int(parts[1])
            if 1 <= tier <= self.config.tier_count:
                return tier_schedule(self.config, tier)
        return None

    def _reminder(self, facts: Facts, plan: _Plan, reminder: Reminder) -> Notification:
        """A repeat of an alert nobody acknowledged (or its escalation to the next role)."""
        match = reminder.match
        title, body = alert(reminder.role, facts, plan.priority, plan.tier, match.reasons,
                            match.rule.description or match.rule.name)
        body = body + "\n" + "\n".join(reminder_lines(reminder, facts.now, self.config))
        return Notification(role=reminder.role, kind=match.rule.name + REMINDER_SUFFIX, ticket_id=facts.ticket.id,
                            dedupe_key=reminder.dedupe_key, title=reminder_title(title, reminder), body=body,
                            urgent=reminder.role == "on_call" or reminder.first.role == "on_call",
                            schedule=self._hours_of(reminder.role))

    def _acknowledgment(self, facts: Facts, plan: _Plan, ctx: _OnFirstUse) -> Notification:
        """The customer's acknowledgment: a public reply in the decision's write, or an email (customer_notice)."""
        return Notification(
            role="customer", kind="acknowledgment", ticket_id=facts.ticket.id,
            dedupe_key=f"acknowledgment:tier_{plan.tier}", title=_customer_title(facts),
            body=self.documents.customer_acknowledgment(ctx()))

    def _rule_share_crossings(self, facts: Facts) -> list[datetime]:
        """When each running clock reaches each SLA share a rule reads: every threshold a rule reads gets its
        timer, not only the warning thresholds (a rule at 80 % with warnings at 50/75/90 % fired at 90 %)."""
        out = []
        for reading in facts.clocks:
            clock = reading.status
            if not clock.running or clock.state == ClockState.FULFILLED:
                continue
            moment = reading.next_moment(self._rule_shares, facts.now)  # the first of them ahead (the others follow)
            if moment is not None:
                out.append(moment)
        return out

    def _next_check(self, facts: Facts, fired: Mapping[str, Sequence[Reason]], history: TicketHistory,
                    reminders: Plan) -> datetime | None:
        if facts.ticket.status.is_done:
            return None
        candidates = []
        readings = (*facts.clocks, *((facts.handoff,) if facts.handoff else ()))
        crossing = next_crossing(readings, facts.now)
        if crossing is not None:
            candidates.append(crossing)
        if reminders.next_at is not None:
            candidates.append(reminders.next_at)
        handoff_due = facts.handoff is not None and facts.handoff.status.state not in (
            ClockState.FULFILLED, ClockState.OK, ClockState.PAUSED)
        if reminders.needs_full_read or (handoff_due and not facts.ticket.comments_loaded):
            # read without its comments (a sweep's bulk read): what acknowledges a page or fulfils a handoff is
            # in them, so look again at once, on a read of this ticket alone
            candidates.append(facts.now + timedelta(seconds=1))
        candidates += self._rule_share_crossings(facts)
        if facts.unassigned_alert_at is not None and facts.unassigned_alert_at > facts.now:
            candidates.append(facts.unassigned_alert_at)
        return min(candidates, default=None)


def _rule_shares(config: EscalatorConfig) -> tuple[float, ...]:
    """The SLA shares the rules compare against (`sla_elapsed at_least 0.8`), whatever the warning thresholds."""
    return tuple(sorted({float(c.expected) for rule in config.all_rules if rule.enabled
                         for c in (*rule.all, *rule.any) if c.field == "sla_elapsed"}))


def _tier_lead(facts: Facts) -> str:
    """The lead of the ticket's tier, the role `notify: tier_lead` stands for."""
    return f"tier_{facts.tier}_lead"


def _escalating_first(matches: Sequence[RuleMatch], tier_rule: str, manual: Sequence[Reason]) -> tuple[Reason, ...]:
    """Every reason once, those of the rule that decided the tier first: the documents lead with why it moved."""
    ordered = [r for m in matches if m.rule.name == tier_rule for r in m.reasons]
    ordered += [r for m in matches for r in m.reasons] + list(manual)
    out: list[Reason] = []
    for reason in ordered:
        if not any(reason is seen for seen in out):
            out.append(reason)
    return tuple(out)


_CUSTOMER_TITLES = {"en": ("Your request {platform} #{id}", "Your request {platform} #{id} is resolved"),
                    "fr": ("Votre demande {platform} n°{id}", "Votre demande {platform} n°{id} est résolue")}


def _customer_title(facts: Facts, *, resolved: bool = False) -> str:
    titles = _CUSTOMER_TITLES.get(facts.language, _CUSTOMER_TITLES["en"])
    return titles[resolved].format(platform=platform_label(facts.ticket.platform), id=facts.ticket.id)


def _workflow_state(ticket: Ticket, history: TicketHistory, tier: int, escalating: bool) -> WorkflowState:
    if ticket.status == Status.CLOSED:
        return WorkflowState.CLOSED
    if ticket.status == Status.SOLVED:
        return WorkflowState.RESOLVED
    if ticket.status in (Status.PENDING, Status.ON_HOLD):
        return WorkflowState.PENDING
    if escalating or tier > 1:
        return WorkflowState.ESCALATED
    agent_acted = ticket.assignee_id is not None or any(c.by_agent for c in ticket.comments) or (
        history.first_agent_action_at is not None)
    return WorkflowState.IN_PROGRESS if agent_acted else WorkflowState.NEW


_ENGINES: dict[int, Engine] = {}


def decide(ticket: Ticket, customer: Customer | None, history: TicketHistory, now: datetime,
           config: EscalatorConfig) -> Decision:
    """The engine for `config` (built once and kept for the few most recent configs), deciding at `now`."""
    engine = _ENGINES.get(id(config))
    if engine is None or engine.config is not config:
        if len(_ENGINES) >= 8:
            _ENGINES.pop(next(iter(_ENGINES)))
        engine = _ENGINES[id(config)] = Engine(config)
    return engine.decide(ticket, customer, history, now)
