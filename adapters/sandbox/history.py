"""A generated month of realistic helpdesk history, for the replay (`escalator simulate`): deterministic from a seed,
and recording what it put in (which tickets carry a legal threat, which a person escalated and when, when each got
its first reply and was solved) so a test can count what the replay must find without asking our engine.

`plan_history` is platform-neutral: each ticket is a script of moments (the customer writes, an agent takes it,
replies, tags it, sets it pending, solves it). `adapters/sandbox/history_play.py` plays a plan into either sandbox's
state directly (no HTTP request, so the sandbox's request log stays empty).

The kinds, and what the replay should make of each under a 24/7 schedule and the default SLA (Normal: first reply
4 h, resolution 24 h; the unassigned alert after 2 h):
- calm: assigned within 30 min, answered within 2 h, solved within the day, sometimes pending in between: nothing
  but routing;
- breach: assigned at once, first answered 4 h 20 to 5 h 20 after creation: the first-response SLA breached;
- legal: a legal threat in the first message, answered and solved within 40 min;
- manual: an agent asks for Tier 2 with `escalate_tier_2` within the hour, then answers and solves;
- repeat: the third ticket of a requester about the same issue within the month (the first two are calm).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

KINDS = ("calm", "breach", "legal", "manual", "repeat")
WEIGHTS = (80, 8, 4, 5, 3)
AGENTS = ("Avery Agent", "Blake Support", "Casey Helper", "Devon Desk", "Emery Care")
GROUPS = ("Frontline", "Technical", "Engineering", "Management")
MANUAL_TAGS = ("escalate_tier_2", "esc_reason_beyond_knowledge")

TOPICS = (
    ("How do I add a second admin?", "Hello, how can I give admin rights to a colleague on our account?"),
    ("Question about invoice numbering", "Could you tell me how invoice numbers are assigned each month?"),
    ("Change the billing email", "Please change the billing contact for our company to finance@example.com."),
    ("Export contacts to CSV", "Is there a way to export our contact list as a CSV file?"),
    ("Set up single sign-on", "We would like to configure single sign-on with our identity provider."),
    ("Update company address", "Our office moved. Can you update the address shown on our invoices?"),
    ("Add a custom field to forms", "How can we add a custom field to the signup form?"),
    ("Time zone for reports", "Which time zone do the weekly reports use, and can we change it?"),
    ("API rate limit question", "What is the request limit per minute for the public API on our plan?"),
    ("Translate the help widget", "Can the help widget be shown in Portuguese for our Brazilian visitors?"),
    ("Archive old projects", "Is it possible to archive projects from last year without deleting them?"),
    ("Webhook documentation", "Where can I find the documentation for outgoing webhooks?"),
    ("Two-factor authentication setup", "How do we require two-factor authentication for all our users?"),
    ("Rename our workspace", "We would like to rename our workspace to match our new brand name."),
    ("Import data from spreadsheet", "Can we import our product catalogue from a spreadsheet?"),
    ("Receipt for last payment", "Could you send me a receipt for the payment we made this month?"),
    ("Mobile app notifications", "How can I choose which notifications the mobile app sends me?"),
    ("Dark mode for the dashboard", "Does the dashboard offer a dark theme?"),
    ("Add a new user seat", "We hired a new teammate. How do we add one more seat to our plan?"),
    ("Calendar integration", "Does your product connect with our shared calendar?"),
)
LEGAL = (
    ("Refund for duplicate charge", "You charged us twice and nobody answers. I will take legal action if this is "
                                    "not refunded. My attorney will be in touch."),
    ("Contract cancellation", "If you keep billing us after the cancellation, our lawyer will file a lawsuit."),
)
REPEAT = ("Password reset email missing", "The password reset email does not arrive in our inbox.")


@dataclass(frozen=True)
class Moment:
    """One thing that happens to a ticket: `what` is create, assign, reply (agent, public), customer (customer
    comment), tags (agent adds `value`), pending, open, solve."""

    at: datetime
    what: str
    value: str | tuple[str, ...] = ""


@dataclass
class PlannedTicket:
    number: int
    kind: str
    requester: int  # index of the requester (one per ticket, except the repeat requesters' three)
    subject: str
    description: str
    priority: str  # low, normal
    agent: int
    moments: list[Moment]
    ticket_id: str = ""  # the sandbox's id, once played

    @property
    def created_at(self) -> datetime:
        return self.moments[0].at

    @property
    def first_reply_at(self) -> datetime | None:
        return next((m.at for m in self.moments if m.what == "reply"), None)

    @property
    def solved_at(self) -> datetime | None:
        return next((m.at for m in self.moments if m.what == "solve"), None)

    @property
    def escalated_by_person_at(self) -> datetime | None:
        return next((m.at for m in self.moments if m.what == "tags" and MANUAL_TAGS[0] in m.value), None)

    @property
    def legal_threat(self) -> bool:
        return self.kind == "legal"


@dataclass
class History:
    seed: int
    start: datetime
    until: datetime
    tickets: list[PlannedTicket] = field(default_factory=list)
    ids: dict[str, Any] = field(default_factory=dict)  # what the player created: agents, groups, bot

    def of_kind(self, kind: str) -> list[PlannedTicket]:
        return [t for t in self.tickets if t.kind == kind]


def _minutes(rng: random.Random, low: int, high: int) -> timedelta:
    return timedelta(minutes=rng.randint(low, high))


def _calm(rng: random.Random, created: datetime) -> list[Moment]:
    assign = created + _minutes(rng, 3, 30)
    reply = assign + _minutes(rng, 5, 90)
    out = [Moment(created, "create"), Moment(assign, "assign"), Moment(reply, "reply", "Here is how to do it.")]
    last = reply
    if rng.random() < 0.3:  # waits on the customer for a while
        out.append(Moment(reply + timedelta(minutes=1), "pending"))
        back = reply + _minutes(rng, 60, 600)
        out.append(Moment(back, "customer", "Thank you, that answers my question."))
        last = back
    out.append(Moment(last + _minutes(rng, 10, 240), "solve"))
    return out


def _breach(rng: random.Random, created: datetime) -> list[Moment]:
    reply = created + timedelta(hours=4) + _minutes(rng, 20, 80)
    return [Moment(created, "create"), Moment(created + _minutes(rng, 2, 10), "assign"),
            Moment(reply, "reply", "Sorry for the wait, here is the answer."),
            Moment(reply + _minutes(rng, 5, 20), "solve")]


def _legal(rng: random.Random, created: datetime) -> list[Moment]:
    assign = created + _minutes(rng, 2, 5)
    reply = assign + _minutes(rng, 5, 15)
    return [Moment(created, "create"), Moment(assign, "assign"),
            Moment(reply, "reply", "We are looking into the charge now."),
            Moment(reply + _minutes(rng, 5, 15), "solve")]


def _manual(rng: random.Random, created: datetime) -> list[Moment]:
    assign = created + _minutes(rng, 3, 15)
    escalate = assign + _minutes(rng, 5, 40)
    reply = escalate + _minutes(rng, 5, 20)
    return [Moment(created, "create"), Moment(assign, "assign"), Moment(escalate, "tags", MANUAL_TAGS),
            Moment(reply, "reply", "Our specialists have the answer for you."),
            Moment(reply + _minutes(rng, 5, 20), "solve")]


def _quick(rng: random.Random, created: datetime) -> list[Moment]:
    assign = created + _minutes(rng, 2, 10)
    reply = assign + _minutes(rng, 5, 20)
    return [Moment(created, "create"), Moment(assign, "assign"), Moment(reply, "reply", "Please try this link."),
            Moment(reply + _minutes(rng, 5, 20), "solve")]


def plan_history(*, seed: int = 7, tickets: int = 2000, until: datetime, days: int = 30) -> History:
    """`tickets` tickets created over the `days` before `until` (none in its last day, so each is solved by then),
    the same for the same seed."""
    rng = random.Random(seed)
    start = until - timedelta(days=days)
    history = History(seed, start, until)
    span = (days - 1) * 86400 - 3600
    requesters = 0
    number = 0
    while number < tickets:
        kind = rng.choices(KINDS, WEIGHTS)[0]
        if kind == "repeat" and tickets - number < 3:
            kind = "calm"
        created = start + timedelta(hours=1, seconds=rng.randrange(span))
        created = created.replace(microsecond=0)
        agent = rng.randrange(len(AGENTS))
        if kind == "repeat":
            requester = requesters
            requesters += 1
            first = start + timedelta(hours=1, seconds=rng.randrange(span - 5 * 86400))
            for i in range(3):  # three contacts about one issue, two days apart
                at = first + timedelta(days=i * 2, minutes=i * 7)
                history.tickets.append(PlannedTicket(number, "repeat" if i == 2 else "calm", requester, REPEAT[0],
                                                     REPEAT[1], "normal", agent, _quick(rng, at)))
                number += 1
            continue
        subject, description = (rng.choice(LEGAL) if kind == "legal" else rng.choice(TOPICS))
        moments = {"calm": _calm, "breach": _breach, "legal": _legal, "manual": _manual}[kind](rng, created)
        priority = "low" if kind == "calm" and rng.random() < 0.2 else "normal"
        history.tickets.append(PlannedTicket(number, kind, requesters, subject, description, priority, agent,
                                             moments))
        requesters += 1
        number += 1
    return history
