"""The demo's story, the same on every helpdesk: the support tiers, the customers and their companies, the tickets
they wrote before, and the eight scenes with the outcome each one should show. Plain data; a stage
(demo_stages.py) turns it into one platform's tickets, contacts and groups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any


@dataclass(frozen=True)
class Tier:
    name: str
    response_target: str
    handles: tuple[str, ...]


TIERS = (
    Tier("Frontline", "2h", ("common issues", "FAQs", "password resets")),
    Tier("Technical/Specialist", "4h", ("complex technical issues", "account problems", "billing disputes")),
    Tier("Senior/Engineering", "8h", ("bugs", "infrastructure", "integrations", "security incidents")),
    Tier("Management/Executive", "0", ("legal threats", "regulatory issues", "VIP complaints",
                                       "social media crises")),
)


@dataclass(frozen=True)
class Company:
    name: str
    fields: dict[str, Any]  # the profile fields the rules read (customers.tier_field, lifetime_value_field, ...)


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    company: str | None = None  # a key of COMPANIES
    language: str = "en-US"  # an IETF tag; a stage maps it to its platform's form


COMPANIES = {
    "globex": Company("Globex Corporation", {"customer_tier": "vip", "lifetime_value": 185000,
                                             "account_manager": "Mona Lisa"}),
    "initech": Company("Initech", {"customer_tier": "enterprise", "lifetime_value": 42000}),
}

PEOPLE = {
    "vip": Person("Hank Scorpio", "hank@globex.example", company="globex"),
    "enterprise": Person("Bill Lumbergh", "bill@initech.example", company="initech"),
    "dana": Person("Dana Scully", "dana@example.com"),
    "fox": Person("Fox Mulder", "fox@example.com"),
    "amelie": Person("Amélie Poulain", "amelie@exemple.fr", language="fr-FR"),
    "sam": Person("Sam Tyler", "sam@example.com"),
}

AGENT = Person("Avery Agent", "avery@support.example")


@dataclass(frozen=True)
class TicketSpec:
    """A ticket as a customer files it. `priority`: low, normal, high or urgent (a stage maps it); `age`: how long
    ago it was filed; `assigned`: to the demo's agent."""

    requester: str  # a key of PEOPLE
    subject: str
    description: str
    priority: str = "normal"
    assigned: bool = False
    age: timedelta = timedelta(0)
    solved: bool = False


@dataclass(frozen=True)
class Scene:
    title: str
    expect: str
    ticket: TicketSpec


# Fox wrote twice before about his invoices: the scene "Third contact" is his third.
HISTORY = tuple(TicketSpec("fox", "Invoice export broken", "The invoice export gives an empty file.",
                           age=timedelta(days=days), solved=True) for days in (10, 3))

SCENES = (
    Scene("VIP outage", "P0, page on-call, Tier 3", TicketSpec(
        "vip", "Production down: dashboards not loading",
        "Our production is down since 09:40, none of our dashboards load. 300 analysts idle.", "high")),
    Scene("Legal threat", "Tier 4, legal review", TicketSpec(
        "dana", "Charged twice for November",
        "You charged us twice. If this is not refunded today my lawyer will take legal action.")),
    Scene("Third contact", "repeat contact, Tier 2", TicketSpec(
        "fox", "Invoice export still broken", "Third time I write about this: the invoice export is still empty.")),
    Scene("Unassigned for 2 hours", "manager alert", TicketSpec(
        "sam", "Cannot add a second admin", "Where do I add another administrator?", "low",
        age=timedelta(hours=2, minutes=5))),
    # High priority: 1 h to the first response; filed 47m35s ago, it crosses 80 % (48 min) about 25 s later.
    Scene("SLA crossing live", "80 % of the 1h first response, then Tier 2", TicketSpec(
        "enterprise", "Reports export times out", "The quarterly report export times out after 60 seconds.",
        "high", assigned=True, age=timedelta(minutes=47, seconds=35))),
    Scene("Frustrated, in French", "flagged for review, team lead alerted", TicketSpec(
        "amelie", "Synchronisation du calendrier",
        "C'est inacceptable, la synchronisation échoue encore une fois.")),
    Scene("Calm question", "nothing but its tier", TicketSpec(
        "sam", "How do I change my password?", "Hello, how can I change my password? Thanks!", "low",
        assigned=True)),
)

LIVE_SLA = "SLA crossing live"


@dataclass(frozen=True)
class ManualEscalation:
    """The eighth scene: an agent asks for a tier by tag, with a reason tag and an internal note, a moment after
    the ticket came in (the manual-escalation macro)."""

    scene: Scene
    tier: int
    reason: str  # a key of plugin.config.MANUAL_REASONS; the tag is workflow.manual_reason_prefix + reason
    note: str

    def tags(self, tier_prefix: str, reason_prefix: str) -> list[str]:
        """The tags the agent adds, named with the configuration's prefixes (workflow.manual_*_prefix)."""
        return [f"{tier_prefix}{self.tier}", f"{reason_prefix}{self.reason}"]


MANUAL = ManualEscalation(
    Scene("Manual escalation", "agent tag -> Tier 3", TicketSpec(
        "dana", "Data import mapping question", "Our CSV import maps the wrong columns.", assigned=True)),
    tier=3, reason="beyond_knowledge", note="Mapping engine internals: needs engineering.")
