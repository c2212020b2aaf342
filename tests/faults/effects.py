"""What "acted on exactly once" means, counted from the outside. One module for the tests and the figures script.

On the helpdesk (the sandbox), an escalation's effects are:
- the internal note: a private comment carrying the marker `[escalator-ref:KEY]`;
- the customer's acknowledgment: a public comment whose HTML carries `escalator-ref:KEY:reply` out of the customer's
  sight (an HTML comment and a `title` attribute; adapters/markers.py);
- with `workflow.escalation_task: task_ticket`, the task ticket: a new ticket whose external_id is
  `escalator-task-KEY` and whose subject names the customer's ticket (`#ID`);
- its tags: every tag change made by the integration user is logged, to see churn (a tag of ours removed, or added
  again after it was removed).
At the alert receivers, an alert is counted per (ticket, role, channel): each expected one exactly once. A reminder
(the product re-pages an alert nobody acknowledged, "[Reminder 1/3] ...") is an effect of its own: each at most once,
never before its first alert.

On Freshdesk the same effects are its own: the note is a private conversation whose HTML body carries the visible
`[escalator-ref:KEY]`, the reply a public reply conversation whose HTML body hides `escalator-ref:KEY:reply` (an HTML
comment, dropped by Freshdesk's sanitizer, and a `title` attribute, kept), the task ticket a child ticket of the
customer's tagged `esc-task-...`; a PUT replaces the whole tag list, so a tag change is the difference of the lists.

Every effect is time-stamped with time.monotonic() when it lands (the sandbox applies the write; the receiver gets
the alert), in this process, so latencies come from recorded times, never from sleeps.
"""

from __future__ import annotations

import itertools
import re
import statistics
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from receivers import Alert, AlertReceivers

    from adapters.sandbox import Sandbox
    from adapters.sandbox.freshdesk import FreshdeskSandbox

# a note's visible `[escalator-ref:KEY]`, a reply's hidden `<!-- escalator-ref:KEY:reply -->` or title="..."
MARKER = re.compile(r"escalator-ref:([^\]\s\"'<>:]+)(:reply)?")
TASK_PREFIX = "escalator-task-"
FRESHDESK_TASK_TAG = "esc-task-"

# Every role an escalation may alert gets a json:// channel; the support manager also gets an email.
ALERT_ROLES = ("support_manager", "team_lead", "account_manager", "on_call", "tier_1_team", "tier_2_team",
               "tier_3_team", "tier_4_team")
EMAIL_ROLES = ("support_manager",)

LEGAL = "Fix this today or my lawyer will take legal action."
OUTAGE = "Production is down: our whole system is down for every user, this is an outage."

# The tickets the scenarios open, and what each must cause. `roles` are the alerts the engine sends for it (the
# docs/notifications.md table: legal threat -> support manager, the team lead and the tier 4 team's handoff; a
# VIP's outage -> the on-call page, the account manager and the tier 3 team's handoff; a High ticket past 80 % of
# its first response -> auto-escalated to tier 2: the support manager and the tier 2 team's handoff).
TEMPLATES: dict[str, dict[str, Any]] = {
    "legal": {"requester": "customer", "subject": "Charged twice", "description": LEGAL, "priority": "normal"},
    "vip_outage": {"requester": "vip", "subject": "Production down", "description": OUTAGE, "priority": "urgent"},
    # calm, but High: 80 % of its 1 h first response is a threshold (opened 48 min ago, it is due now)
    "slow_reports": {"requester": "customer", "subject": "Reports slow",
                     "description": "The monthly report takes a while to load.", "priority": "high"},
}


@dataclass(frozen=True)
class Expected:
    """What one ticket must cause, each exactly once."""

    note: bool = True
    reply: bool = True
    task: bool = False
    roles: frozenset[str] = frozenset()

    def channels(self) -> list[tuple[str, str]]:
        """(role, channel) of every alert expected."""
        return [(role, channel) for role in sorted(self.roles)
                for channel in ("json", *(["email"] if role in EMAIL_ROLES else []))]


EXPECTED: dict[str, Expected] = {
    # the legal threat also reads as an angry customer (docs/reading.md): the team lead is told too
    "legal": Expected(roles=frozenset({"support_manager", "tier_4_team", "team_lead"})),
    "vip_outage": Expected(roles=frozenset({"on_call", "account_manager", "tier_3_team"})),
    "slow_reports": Expected(roles=frozenset({"support_manager", "tier_2_team"})),
}


def expected_for(kind: str, *, task: bool = False) -> Expected:
    base = EXPECTED[kind]
    return Expected(base.note, base.reply, task, base.roles)


# A later decision's note on a clock of the ticket (an SLA or handoff target at its warning share): a legitimate
# effect of its own that a slow run reaches (80 % of an urgent ticket's first-response target is 12 minutes),
# counted apart from the escalation's note, each at most once.
FOLLOW_UP_NOTE = re.compile(r"Escalator: (?:sla_warning|handoff_warning)(?:, (?:sla_warning|handoff_warning))* on ")


@dataclass(frozen=True)
class Effect:
    kind: str  # note | reply | task | tags
    ticket_id: int
    at: float
    key: str = ""
    detail: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())  # tags: (added, removed)


class EffectLog:
    """Listens to the sandbox's changes and reads the receivers: every effect of ours, time-stamped."""

    def __init__(self, receivers: AlertReceivers) -> None:
        self.receivers = receivers
        self.effects: list[Effect] = []
        self._lock = threading.Lock()
        self.bot_id: int | None = None

    def attach(self, sandbox: Sandbox | FreshdeskSandbox, *, bot_id: int) -> None:
        self.bot_id = bot_id
        sandbox.state.listeners.append(self.on_change)

    def on_change(self, change: Any) -> None:
        """A change of either sandbox's (adapters/sandbox/state.py's or adapters/sandbox/freshdesk/state.py's)."""
        now = time.monotonic()
        found: list[Effect] = []
        written = Written.of(change)
        after = written.after
        task = task_parent(written)
        if task is not None:
            found.append(Effect("task", task[0], now, task[1]))
        elif written.before is not None and written.actor_id == self.bot_id:
            added = tuple(t for t in after["tags"] if t not in written.before["tags"])
            removed = tuple(t for t in written.before["tags"] if t not in after["tags"])
            if added or removed:
                found.append(Effect("tags", written.ticket_id, now, detail=(added, removed)))
            if written.comment is None and _same(written.before, after):
                found.append(Effect("empty", written.ticket_id, now))
        comment = written.comment
        if comment is not None and written.before is not None:
            match = MARKER.search(comment.html)
            if match is not None:
                kind = "reply" if comment.public and match.group(2) else "note" if not comment.public \
                    else "public-other"
                if kind == "note" and FOLLOW_UP_NOTE.match(comment.text):
                    kind = "follow-up"
                found.append(Effect(kind, written.ticket_id, now, match.group(1)))
        if found:
            with self._lock:
                self.effects.extend(found)

    def snapshot(self) -> list[Effect]:
        with self._lock:
            return list(self.effects)


@dataclass(frozen=True)
class WrittenComment:
    public: bool
    html: str  # what carries the marker: Zendesk's html_body (or body), Freshdesk's HTML body
    text: str  # what an agent reads: Zendesk's body, Freshdesk's body_text


@dataclass(frozen=True)
class Written:
    """One change to one ticket, either sandbox's, in the terms the counting needs."""

    ticket_id: int
    before: dict[str, Any] | None
    after: dict[str, Any]
    actor_id: int | None
    comment: WrittenComment | None

    @classmethod
    def of(cls, change: Any) -> Written:
        if hasattr(change, "conversation"):  # Freshdesk's: a note or a reply is a conversation of its own
            talk = change.conversation
            comment = None if talk is None else WrittenComment(
                not talk.get("private") and talk.get("kind") != "note", str(talk.get("body") or ""),
                str(talk.get("body_text") or ""))
            return cls(change.ticket_id, change.before, change.after, change.performer_id, comment)
        raw = change.comment
        comment = None if raw is None else WrittenComment(
            bool(raw.get("public")), str(raw.get("html_body") or raw.get("body") or ""), str(raw.get("body") or ""))
        return cls(change.ticket_id, change.before, change.after, change.actor_id, comment)


def task_parent(written: Written) -> tuple[int, str] | None:
    """(the customer's ticket, the task's key) when the change created a task ticket: on Zendesk a ticket whose
    external id is `escalator-task-KEY` naming the ticket (#ID) in its subject; on Freshdesk a child ticket tagged
    `esc-task-...`."""
    if written.before is not None:
        return None
    after = written.after
    if str(after.get("external_id") or "").startswith(TASK_PREFIX):
        parent = re.search(r"#(\d+)", str(after.get("subject") or ""))
        return (int(parent.group(1)) if parent else -1), str(after["external_id"])[len(TASK_PREFIX):]
    tag = next((t for t in after.get("tags") or () if str(t).startswith(FRESHDESK_TASK_TAG)), None)
    if tag is not None:
        parents = after.get("associated_tickets_list") or [-1]
        return int(parents[0]), str(tag)[len(FRESHDESK_TASK_TAG):]
    return None


def _same(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """A write that changed nothing but the ticket's update time."""
    moving = {"updated_at", "generated_timestamp"}
    return {k: v for k, v in before.items() if k not in moving} == {k: v for k, v in after.items() if k not in moving}


@dataclass
class TicketCount:
    """One ticket's effects, as counted."""

    ticket_id: int
    expected: Expected
    notes: list[float] = field(default_factory=list)
    replies: list[float] = field(default_factory=list)
    tasks: list[float] = field(default_factory=list)
    alerts: dict[tuple[str, str], list[float]] = field(default_factory=dict)  # (role, channel) -> arrivals
    reminders: dict[tuple[str, str, str], list[float]] = field(default_factory=dict)  # (role, channel, label)
    follow_ups: dict[str, list[float]] = field(default_factory=dict)  # a clock's warning note, by its key
    unexpected_alerts: int = 0
    excused_alerts: int = 0  # second copies of an alert that was in flight when the service was killed
    tag_writes: list[tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    empty_writes: int = 0  # writes of ours that changed nothing (a decision applied again)

    @property
    def acted(self) -> bool:
        return bool(self.notes or self.tasks)

    def landed(self) -> bool:
        """Every expected effect is there (at least once)."""
        return (bool(self.notes) >= self.expected.note and bool(self.replies) >= self.expected.reply
                and bool(self.tasks) >= self.expected.task
                and all(self.alerts.get(c) for c in self.expected.channels()))

    def last_effect(self) -> float | None:
        """When the last expected effect first landed (None until all have)."""
        if not self.landed():
            return None
        firsts = [min(times) for times in (self.notes, self.replies, self.tasks, *self.alerts.values()) if times]
        return max(firsts) if firsts else None

    def alert_copies(self, channel: tuple[str, str]) -> int:
        return len(self.alerts.get(channel, []))

    @property
    def tag_churn(self) -> int:
        """Tag writes of ours that undo one of ours: a tag we added and then removed, or removed and added again."""
        churn, ours, removed = 0, set[str](), set[str]()
        for added, gone in self.tag_writes:
            churn += sum(1 for t in gone if t in ours) + sum(1 for t in added if t in removed)
            ours |= set(added)
            removed |= set(gone)
        return churn


IN_FLIGHT_GRACE = 1.0  # seconds after an alert's answer left during which a kill may keep the sender from recording it


def count(expected: Mapping[int, Expected], log: EffectLog, *, kills: Sequence[float] = ()) -> dict[int, TicketCount]:
    """Each expected ticket's effects. An alert sent again after the service was killed while that alert was in
    flight (received, and the kill came before the answer left or within IN_FLIGHT_GRACE of it) is excused: no
    sender can know whether a channel without idempotency took it. Every other second copy is a duplicate."""
    counts = {tid: TicketCount(tid, exp) for tid, exp in expected.items()}
    for effect in log.snapshot():
        ticket = counts.get(effect.ticket_id)
        if ticket is None:
            continue
        if effect.kind == "note":
            ticket.notes.append(effect.at)
        elif effect.kind == "reply":
            ticket.replies.append(effect.at)
        elif effect.kind == "task":
            ticket.tasks.append(effect.at)
        elif effect.kind == "tags":
            ticket.tag_writes.append(effect.detail)
        elif effect.kind == "empty":
            ticket.empty_writes += 1
        elif effect.kind == "follow-up":
            ticket.follow_ups.setdefault(effect.key, []).append(effect.at)
    arrivals: dict[tuple[int, tuple[str, str], str], list[Alert]] = defaultdict(list)
    for alert in log.receivers.snapshot():
        ticket = counts.get(alert.ticket_id or -1)
        if ticket is None:
            continue
        if alert.role not in ticket.expected.roles:
            ticket.unexpected_alerts += 1
        else:
            arrivals[(ticket.ticket_id, (alert.role, alert.channel), alert.reminder)].append(alert)
    for (ticket_id, channel, reminder), alerts in sorted(arrivals.items(), key=lambda item: item[0][2]):
        alerts.sort(key=lambda a: a.at)
        kept = [alerts[0]]
        for previous, alert in itertools.pairwise(alerts):
            if _in_flight(previous, kills, before=alert.at):
                counts[ticket_id].excused_alerts += 1
            else:
                kept.append(alert)
        ticket = counts[ticket_id]
        if not reminder:
            ticket.alerts[channel] = [a.at for a in kept]
            continue
        firsts = ticket.alerts.get(channel, [])
        if not firsts or kept[0].at < firsts[0]:
            ticket.unexpected_alerts += 1  # a reminder of an alert that never came, or before it
        ticket.reminders[(*channel, reminder)] = [a.at for a in kept]
    return counts


def _in_flight(alert: Alert, kills: Sequence[float], *, before: float) -> bool:
    """The alert was on its way when a kill came: sent by the dying process, it arrived up to IN_FLIGHT_GRACE after
    the kill (a restarted process takes longer than that to start), or it arrived and the kill came before its
    answer left or within IN_FLIGHT_GRACE of it."""
    return any(alert.at - IN_FLIGHT_GRACE <= kill <= before
               and (alert.answered is None or kill <= alert.answered + IN_FLIGHT_GRACE) for kill in kills)


@dataclass
class Tally:
    """The figures of one scenario's tickets."""

    tickets: int = 0
    lost: int = 0  # never acted on: no note (nor task) at all
    notes_twice: int = 0
    replies_missing: int = 0
    replies_twice: int = 0
    tasks_missing: int = 0
    tasks_twice: int = 0
    alerts_missing: int = 0
    alerts_twice: int = 0
    alerts_unexpected: int = 0
    alerts_excused: int = 0
    reminders: int = 0  # re-pages of alerts nobody acknowledged (each counted once above)
    follow_ups: int = 0  # warning notes of a ticket's clocks, a later decision's (each counted once above)
    tag_churn: int = 0
    empty_writes: int = 0

    @property
    def exactly_once(self) -> bool:
        return not (self.lost or self.notes_twice or self.replies_missing or self.replies_twice or self.tasks_missing
                    or self.tasks_twice or self.alerts_missing or self.alerts_twice or self.alerts_unexpected)

    def summary(self) -> str:
        parts = [f"{name.replace('_', ' ')} {value}" for name, value in vars(self).items()
                 if name != "tickets" and value]
        return f"{self.tickets} tickets: " + (", ".join(parts) if parts else "each effect exactly once")


def tally(counts: Iterable[TicketCount]) -> Tally:
    out = Tally()
    for c in counts:
        exp = c.expected
        out.tickets += 1
        out.lost += not c.acted
        out.notes_twice += len(c.notes) > 1 or any(len(times) > 1 for times in c.follow_ups.values())
        out.follow_ups += len(c.follow_ups)
        out.replies_missing += exp.reply and c.acted and not c.replies
        out.replies_twice += len(c.replies) > 1
        out.tasks_missing += exp.task and c.acted and not c.tasks
        out.tasks_twice += len(c.tasks) > 1
        for channel in exp.channels():
            copies = c.alert_copies(channel)
            out.alerts_missing += c.acted and copies == 0
            out.alerts_twice += max(copies - 1, 0)
        out.alerts_twice += sum(len(times) - 1 for times in c.reminders.values())
        out.reminders += len(c.reminders)
        out.alerts_unexpected += c.unexpected_alerts
        out.alerts_excused += c.excused_alerts
        out.tag_churn += c.tag_churn
        out.empty_writes += c.empty_writes
    return out


def anomalies(counts: Mapping[int, TicketCount], log: EffectLog, *, origin: float, kills: Sequence[float] = (),
              limit: int = 8) -> list[str]:
    """A line for each ticket (up to `limit`) whose effects are not each exactly once: what is missing, what came
    twice and when (seconds from `origin`), with the kills around it, to tell the service's fault from the
    harness's."""
    lines: list[str] = []
    alerts = group_alerts(log)
    for ticket in counts.values():
        problems = []
        if not ticket.acted:
            problems.append("never acted on")
        for name, times, wanted in (("note", ticket.notes, ticket.expected.note),
                                    ("reply", ticket.replies, ticket.expected.reply),
                                    ("task", ticket.tasks, ticket.expected.task)):
            if wanted and not times and ticket.acted:
                problems.append(f"no {name}")
            if len(times) > 1:
                problems.append(f"{name} x{len(times)} at " + ", ".join(f"+{t - origin:.1f}s" for t in times))
        for channel in ticket.expected.channels():
            copies = ticket.alert_copies(channel)
            if copies == 0 and ticket.acted:
                problems.append(f"no {channel[0]} alert ({channel[1]})")
            elif copies > 1:
                arrivals = [a for a in alerts.get((ticket.ticket_id, channel), []) if not a.reminder]
                problems.append(f"{channel[0]} alert ({channel[1]}) x{copies}: " + ", ".join(
                    f"+{a.at - origin:.2f}s answered " + (f"+{a.answered - origin:.2f}s" if a.answered else "never")
                    for a in arrivals))
        for (role, medium, label), times in ticket.reminders.items():
            if len(times) > 1:
                problems.append(f"{role} {label} ({medium}) x{len(times)} at "
                                + ", ".join(f"+{t - origin:.1f}s" for t in times))
        if problems:
            near = [f"+{k - origin:.1f}s" for k in kills]
            lines.append(f"ticket #{ticket.ticket_id}: " + "; ".join(problems)
                         + (f" (kills at {', '.join(near)})" if near and len(lines) == 0 else ""))
        if len(lines) >= limit:
            lines.append("...")
            break
    return lines


def group_alerts(log: EffectLog) -> dict[tuple[int, tuple[str, str]], list[Alert]]:
    out: dict[tuple[int, tuple[str, str]], list[Alert]] = defaultdict(list)
    for alert in log.receivers.snapshot():
        if alert.ticket_id is not None:
            out[(alert.ticket_id, (alert.role, alert.channel))].append(alert)
    return out


def percentile(values: Sequence[float], share: float) -> float | None:
    """The `share` percentile (0.95 for p95) by the nearest-rank method; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(int(-(-share * len(ordered) // 1)), 1)  # ceil(share * n)
    return ordered[min(rank, len(ordered)) - 1]


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None
