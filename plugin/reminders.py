"""Reminders and re-pages: an alert whose notify action repeats (`repeat: {every, times, then}`) is sent again while
its rule still holds and nobody acknowledged it, then escalates to another role. Pure: when a repeat is due comes
from the ticket, its history (the first alert's time, the repeats already fired) and `now`; the engine adds the due
ones to its decision and the next one to its next check, so the pipeline records them like any alert.

- The first alert is the one the rule sent (the history's alerts: role and dedupe key). Repeat k (1..times) is due
  at first + k x every; once they are spent, the `then` role is alerted at first + (times + 1) x every. Calendar
  time: a page does not wait for business hours.
- A repeat is sent once: its fired key (`repeat:<rule>:<role>:<k>`) goes into the history and its dedupe key
  (`<first alert's key>:repeat:<k>`) into the outbox, so a retry or a redelivery adds nothing. When several fell due
  together (the service was down), only the latest is sent.
- Acknowledged, it stops for good: the ack tag (`notifications.ack_tag`) on the ticket, the ticket solved, an agent's
  reply or internal note after the first alert, or an agent assigned after it; and when the rule stops holding.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from plugin.config import Action, EscalatorConfig
from plugin.domain import SentAlert, Ticket, TicketHistory, is_ours
from plugin.rules import RuleMatch

REMINDER_SUFFIX = ":repeat"  # a reminder's notification kind is its rule's name and this


@dataclass(frozen=True)
class Reminder:
    """One repeat of an alert due now (number 1..times), or its escalation to another role (number 0)."""

    match: RuleMatch
    role: str
    number: int
    times: int
    first: SentAlert
    fired_key: str
    skipped: tuple[str, ...]  # the fired keys of earlier repeats that fell due together and are not sent

    @property
    def dedupe_key(self) -> str:
        return f"{self.first.key}:repeat:{self.number}" if self.number else f"{self.first.key}:then"

    @property
    def escalated(self) -> bool:
        return self.number == 0


def acknowledgment(ticket: Ticket, history: TicketHistory, since: datetime, config: EscalatorConfig) -> str | None:
    """What acknowledged an alert sent at `since` ("tag", "solved", "answered", "assigned"), or None."""
    if config.notifications.ack_tag in ticket.tags:
        return "tag"
    if ticket.status.is_done:
        return "solved"
    if any(c.by_agent and c.created_at > since and not is_ours(c.body) for c in ticket.comments):
        return "answered"
    if ticket.assignee_id is not None and history.assigned_at is not None and history.assigned_at > since:
        return "assigned"
    return None


def _first(history: TicketHistory, rule: str, role: str) -> SentAlert | None:
    """The rule's first alert to the role (not a repeat)."""
    base = f"rule:{rule}"
    found = [a for a in history.alerts if a.role == role and (a.key == base or a.key.startswith(base + "["))
             and ":repeat:" not in a.key and not a.key.endswith(":then")]
    return min(found, key=lambda a: a.at, default=None)


def repeating(match: RuleMatch) -> list[Action]:
    return [a for a in match.rule.actions if a.action == "notify" and a.repeat is not None]


@dataclass(frozen=True)
class Plan:
    due: tuple[Reminder, ...]
    next_at: datetime | None
    needs_full_read: bool = False  # a reminder may be due but the comments that could acknowledge it were not read


def plan_reminders(matches: Sequence[RuleMatch], roles: dict[str, str], ticket: Ticket, history: TicketHistory,
                   now: datetime, config: EscalatorConfig, sent_now: frozenset[str] = frozenset()) -> Plan:
    """The reminders due now and the moment the next one falls due, for the rules that hold now (`matches`).
    `roles` maps a notify value to the role it stands for (tier_lead -> tier_2_lead); `sent_now` holds the roles
    alerted by this very decision, whose first repeat is then one `every` from now."""
    due: list[Reminder] = []
    upcoming: list[datetime] = []
    blind = False
    for match in matches:
        for action in repeating(match):
            repeat = action.repeat
            assert repeat is not None
            role = roles.get(str(action.value), str(action.value))
            first = _first(history, match.rule.name, role)
            if first is None:
                if role in sent_now:
                    upcoming.append(now + repeat.every)
                continue
            if acknowledgment(ticket, history, first.at, config) is not None:
                continue
            steps = int((now - first.at) / repeat.every) if now > first.at else 0
            last = repeat.times + (1 if repeat.then else 0)
            if steps < last:
                upcoming.append(first.at + repeat.every * (steps + 1))
            if steps == 0:
                continue
            if not ticket.comments_loaded:
                blind = True  # an agent's reply would acknowledge it: decide on a full read first
                continue
            number = min(steps, last)
            keys = [f"repeat:{match.rule.name}:{role}:{k}" for k in range(1, min(number, repeat.times) + 1)]
            if number > repeat.times:
                keys.append(f"repeat:{match.rule.name}:{role}:then")
            if keys[-1] in history.fired:
                continue
            reminder_role = repeat.then if number > repeat.times and repeat.then else role
            due.append(Reminder(match, reminder_role, 0 if number > repeat.times else number, repeat.times, first,
                                keys[-1], tuple(k for k in keys[:-1] if k not in history.fired)))
    return Plan(tuple(due), min(upcoming, default=None), blind)


def reminder_title(title: str, reminder: Reminder) -> str:
    if reminder.escalated:
        return f"[Not acknowledged] {title}"
    return f"[Reminder {reminder.number}/{reminder.times}] {title}"


def reminder_lines(reminder: Reminder, now: datetime, config: EscalatorConfig) -> list[str]:
    waited = now - reminder.first.at
    minutes = int(waited / timedelta(minutes=1))
    lines = [f"Not acknowledged {minutes} min after the first alert to {reminder.first.role} "
             f"({reminder.first.at:%Y-%m-%d %H:%M %Z})."]
    if reminder.escalated:
        lines.append(f"{reminder.first.role} did not acknowledge it after {reminder.times} reminder(s): now "
                     f"{reminder.role}.")
    lines.append(f"To stop the reminders: assign or answer the ticket, or add the tag "
                 f"`{config.notifications.ack_tag}`.")
    return lines
