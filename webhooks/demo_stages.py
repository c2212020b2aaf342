"""Where `escalator demo` plays its story: one stage per helpdesk platform, each with the same methods, so the demo
itself holds no platform's details. A stage runs its platform's local sandbox, seeds the people of demo_scenes.py,
gives the configuration section that points the service at the sandbox, connects the sandbox's webhooks to the
service the way an admin would (Zendesk: a signed webhook on ticket events; Freshdesk: the automation rules
`escalator install freshdesk` creates, posting with the shared secret), files tickets as customers do, plays an
agent's manual escalation, and reads back what is on a ticket in one platform-neutral shape."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from adapters.sandbox import Sandbox
from adapters.sandbox.freshdesk import FreshdeskSandbox
from adapters.sandbox.serving import LocalServer
from webhooks.bootstrap import Services
from webhooks.demo_scenes import AGENT, COMPANIES, PEOPLE, TIERS, TicketSpec

PRIORITIES = ("low", "normal", "high", "urgent")  # the demo's words, Zendesk's values; Freshdesk numbers them 1-4


@dataclass(frozen=True)
class Comment:
    public: bool  # a reply the customer sees, else an internal note
    text: str


@dataclass(frozen=True)
class TicketView:
    """What is on a ticket, the same way on every platform."""

    subject: str
    priority: str  # one of PRIORITIES
    group: str | None  # the group's id
    tags: list[str]
    ours: list[Comment]  # what the escalator wrote on it (by its own user), oldest first


class Stage(ABC):
    """One platform's sandbox and its part of the story. Use as a context manager: the sandbox runs inside."""

    platform: ClassVar[str]
    label: ClassVar[str]
    webhooks_are: ClassVar[str]  # how its webhooks are authenticated, for the summary
    server: LocalServer
    _counted_from: int = 0  # the first request of the escalator's own (start_counting)

    def __enter__(self) -> Stage:
        self.server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.stop()

    @property
    def url(self) -> str:
        return self.server.url

    def flush_webhooks(self, timeout: float) -> bool:
        return self.server.flush_webhooks(timeout)

    def write_requests(self) -> int:
        return self.server.write_requests()

    def start_counting(self) -> None:
        """From now on, the API requests the escalator makes are its cost (seeding and set-up are not)."""
        self._counted_from = len(self.server.recorded())

    def api_cost(self) -> tuple[int, int]:
        """(requests, what they cost of the account's rate limit) since start_counting: a Zendesk request costs
        one, a Freshdesk request its credits."""
        spent = self.server.recorded()[self._counted_from:]
        return len(spent), sum(max(r.credits, 1) for r in spent)

    def webhooks_sent(self) -> int:
        return len(self.server.invocations)

    def webhook_path(self, services: Services) -> str:
        return f"{services.config.web.prefix}/webhooks/{self.platform}"

    # what each platform does its own way
    @abstractmethod
    def seed(self) -> None:
        """The agents, the tier groups, the companies and the people of demo_scenes.py."""

    @abstractmethod
    def settings(self, secret: str) -> dict[str, Any]:
        """The configuration's section for this platform (its key is `platform`)."""

    @abstractmethod
    def groups(self) -> list[str]:
        """The ids of the groups of TIERS, in order."""

    @abstractmethod
    def connect(self, services: Services, service_url: str, secret: str) -> None:
        """Have the sandbox send its ticket events to the service at `service_url`, as an admin would set it up."""

    @abstractmethod
    def file(self, spec: TicketSpec, now: datetime) -> int:
        """The ticket a customer files (`spec.age` before `now`); its id."""

    @abstractmethod
    def escalate_by_hand(self, ticket_id: int, tags: list[str], note: str) -> None:
        """The demo's agent adds `tags` and an internal `note` to the ticket."""

    @abstractmethod
    def view(self, ticket_id: int) -> TicketView:
        """What is on the ticket now."""


class ZendeskStage(Stage):
    platform, label, webhooks_are = "zendesk", "Zendesk", "signed"

    def __init__(self) -> None:
        self.sandbox = self.server = Sandbox(job_delay=0.02, webhook_retry_delay=0.2)
        self.ids: dict[str, int] = {}
        self._groups: list[str] = []

    def seed(self) -> None:
        state = self.sandbox.state
        self.ids["bot"] = state.add_user("Escalator Bot", self.sandbox.email, role="admin")["id"]
        self.ids["agent"] = state.add_user(AGENT.name, AGENT.email, role="agent")["id"]
        self._groups = [str(state.add_group(t.name)["id"]) for t in TIERS]
        companies = {key: state.add_organization(c.name, organization_fields=dict(c.fields))["id"]
                     for key, c in COMPANIES.items()}
        for key, person in PEOPLE.items():
            self.ids[key] = state.add_user(person.name, person.email, locale=person.language,
                                           organization_id=companies.get(person.company or ""))["id"]

    def settings(self, secret: str) -> dict[str, Any]:
        return {"subdomain": "sandbox", "email": self.sandbox.email, "api_token": self.sandbox.token,
                "base_url": self.sandbox.url, "webhook_secret": secret, "integration_user_id": str(self.ids["bot"])}

    def groups(self) -> list[str]:
        return list(self._groups)

    def connect(self, services: Services, service_url: str, secret: str) -> None:
        self.sandbox.subscribe(f"{service_url}{self.webhook_path(services)}", secret=secret)

    def file(self, spec: TicketSpec, now: datetime) -> int:
        ticket = self.sandbox.state.create_ticket(
            requester_id=self.ids[spec.requester], subject=spec.subject, description=spec.description,
            priority=spec.priority, status="solved" if spec.solved else "new",
            assignee_id=self.ids["agent"] if spec.assigned else None,
            created_at=now - spec.age if spec.age else None)
        return int(ticket["id"])

    def escalate_by_hand(self, ticket_id: int, tags: list[str], note: str) -> None:
        self.sandbox.state.update_ticket(ticket_id, {"additional_tags": tags,
                                                     "comment": {"body": note, "public": False}},
                                         actor_id=self.ids["agent"])

    def view(self, ticket_id: int) -> TicketView:
        state = self.sandbox.state
        ticket = state.ticket(ticket_id)
        with state.lock:
            comments = list(state.comments[ticket_id])
        ours = [Comment(bool(c["public"]), str(c["body"])) for c in comments if c["author_id"] == self.ids["bot"]]
        group = ticket["group_id"]
        return TicketView(ticket["subject"], ticket["priority"] or "normal", None if group is None else str(group),
                          list(ticket["tags"]), ours)


class FreshdeskStage(Stage):
    platform, label, webhooks_are = "freshdesk", "Freshdesk", "shared-secret"

    def __init__(self) -> None:
        self.sandbox = self.server = FreshdeskSandbox(webhook_retry_delay=0.2)
        self.ids: dict[str, int] = {}
        self._groups: list[str] = []

    def seed(self) -> None:
        state = self.sandbox.state
        self.ids["bot"] = int(self.sandbox.agent["id"])  # the API key's agent: the escalator writes as it
        self._groups = [str(state.add_group(t.name)["id"]) for t in TIERS]
        self.ids["agent"] = int(state.add_agent(AGENT.name, AGENT.email,
                                                group_ids=[int(g) for g in self._groups])["id"])
        companies = {key: state.add_company(c.name, custom_fields=dict(c.fields))["id"]
                     for key, c in COMPANIES.items()}
        for key, person in PEOPLE.items():
            # Freshdesk names languages by their primary code ("fr"), except a few such as "pt-BR"
            self.ids[key] = state.add_contact(person.name, person.email, language=person.language.split("-")[0],
                                              company_id=companies.get(person.company or ""))["id"]

    def settings(self, secret: str) -> dict[str, Any]:
        return {**self.sandbox.settings(), "webhook_secret": secret}

    def groups(self) -> list[str]:
        return list(self._groups)

    def connect(self, services: Services, service_url: str, secret: str) -> None:
        """What `escalator install freshdesk --url ...` does: the adapter writes its automation rules, through the
        API, and the sandbox runs them."""
        services.adapters.get(self.platform).install(f"{service_url}{self.webhook_path(services)}", secret)

    def file(self, spec: TicketSpec, now: datetime) -> int:
        data: dict[str, Any] = {"requester_id": self.ids[spec.requester], "subject": spec.subject,
                                "description": spec.description, "priority": PRIORITIES.index(spec.priority) + 1,
                                "status": 4 if spec.solved else 2, "source": 1}
        if spec.assigned:
            data["responder_id"] = self.ids["agent"]
        ticket = self.sandbox.state.create_ticket(data, created_at=now - spec.age if spec.age else None)
        return int(ticket["id"])

    def escalate_by_hand(self, ticket_id: int, tags: list[str], note: str) -> None:
        """Freshdesk has no one update with a note: the agent's scenario sets the tags (the whole list), then adds
        the private note."""
        state, agent = self.sandbox.state, self.ids["agent"]
        current = list(state.ticket(ticket_id)["tags"])
        state.update_ticket(ticket_id, {"tags": [*current, *(t for t in tags if t not in current)]},
                            performer="agent", performer_id=agent)
        state.add_conversation(ticket_id, f"<div>{note}</div>", kind="note", user_id=agent, private=True)

    def view(self, ticket_id: int) -> TicketView:
        state = self.sandbox.state
        ticket = state.ticket(ticket_id)
        with state.lock:
            conversations = list(state.conversations[ticket_id])
        ours = [Comment(not c["private"], str(c["body_text"])) for c in conversations
                if c["user_id"] == self.ids["bot"]]
        group = ticket["group_id"]
        return TicketView(ticket["subject"], PRIORITIES[int(ticket["priority"]) - 1],
                          None if group is None else str(group), list(ticket["tags"]), ours)


STAGES: dict[str, type[Stage]] = {"zendesk": ZendeskStage, "freshdesk": FreshdeskStage}
PLATFORMS = (*STAGES, "both")


def stages_for(platform: str) -> list[Stage]:
    """The stages of `--platform`: one, or every platform's ("both")."""
    return [cls() for name, cls in STAGES.items() if platform in (name, "both")]
