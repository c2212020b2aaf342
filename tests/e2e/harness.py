"""A running escalator next to a running sandbox, for end-to-end tests (and the shape `escalator demo` uses):
the sandbox delivers signed webhooks to our Flask app over HTTP, a real huey consumer does the work, and zenpy
writes back to the sandbox over HTTP."""

from __future__ import annotations

import signal
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

import requests
from huey.consumer import Consumer
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from adapters.freshdesk import FreshdeskAdapter
from adapters.sandbox import Sandbox
from adapters.sandbox.freshdesk import FreshdeskSandbox
from adapters.sandbox.serving import LocalServer
from adapters.sandbox.webhooks import Invocation
from plugin.config import EscalatorConfig, load_config
from webhooks.app import create_app
from webhooks.bootstrap import Services, bootstrap
from webhooks.runner import make_consumer
from webhooks.watching import Watcher

WEBHOOK_SECRET = "e2e-signing-secret"
FRESHDESK_SECRET = "e2e-freshdesk-secret"
WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Quiet(WSGIRequestHandler):
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return


class ShiftedClock:
    """The real time, shifted by `offset`: a test moves the service's clock (every part of it) by setting it."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


class Running:
    def __init__(self, sandbox: Sandbox, services: Services, url: str, ids: dict[str, Any],
                 config: EscalatorConfig, clock: ShiftedClock) -> None:
        self.sandbox, self.services, self.url, self.ids, self.config = sandbox, services, url, ids, config
        self.clock = clock

    @property
    def state(self) -> Any:
        return self.sandbox.state

    def customer_ticket(self, **fields: Any) -> dict[str, Any]:
        values: dict[str, Any] = {"requester_id": self.ids["customer"], "subject": "Cannot export invoices",
                                  "description": "The export button does nothing.", "priority": "normal"}
        values.update(fields)
        return self.state.create_ticket(**values)

    def wait(self, condition: Callable[[], Any], timeout: float = 15.0, what: str = "condition") -> float:
        return wait_for(condition, timeout, what, lambda: getattr(self, "unsettled", ""))

    def notes(self, ticket_id: int, marker: str = "escalator-ref:") -> list[dict[str, Any]]:
        """Our comments on the ticket, notes and replies: found in the HTML Zendesk keeps (a reply's marker is
        hidden there, out of its text)."""
        return [c for c in self.state.comments[ticket_id] if marker in c["html_body"]]

    def settled(self) -> bool:
        """Every acknowledged event processed, nothing queued, no notification due or being sent."""
        self.unsettled = self.unsettled_because()
        return not self.unsettled

    def unsettled_because(self) -> str:
        """What is still under way ("" when nothing is)."""
        return unsettled(self.services)


def wait_for(condition: Callable[[], Any], timeout: float, what: str,
             still: Callable[[], str] = lambda: "") -> float:
    """Seconds until `condition` held; past `timeout`, fail naming `what` and what is `still` under way."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(0.05)
    left = still()
    raise AssertionError(f"timed out after {timeout}s waiting for {what}" + (f" (still: {left})" if left else ""))


def e2e_config(sandbox: Sandbox, tmp: Path, ids: dict[str, Any], *, database_url: str | None = None,
               queue_url: str | None = None, **overrides: Any) -> EscalatorConfig:
    groups = ids["groups"]
    data: dict[str, Any] = {
        "zendesk": {"subdomain": "sandbox", "email": sandbox.email, "api_token": sandbox.token,
                    "base_url": sandbox.url, "webhook_secret": WEBHOOK_SECRET,
                    "integration_user_id": str(ids["bot"])},
        "tiers": [{"name": name, "groups": {"zendesk": str(groups[i])}, "response_target": target}
                  for i, (name, target) in enumerate([("Frontline", "2h"), ("Technical/Specialist", "4h"),
                                                     ("Senior/Engineering", "8h"), ("Management/Executive", "0")])],
        "schedules": {"default": {"hours": {d: ["00:00-24:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat",
                                                                        "sun")}}},
        "database": {"url": database_url or f"sqlite:///{tmp / 'escalator.db'}"},
        "queue": {"url": queue_url or f"sqlite:///{tmp / 'queue.db'}", "workers": 4, "retries": 5,
                  "retry_delay": "1s"},
        "notifications": {"respect_business_hours": False},
    }
    for key, value in overrides.items():
        data[key] = {**data.get(key, {}), **value} if isinstance(value, dict) and isinstance(data.get(key), dict) \
            else value
    return load_config(data=data)


def seed(sandbox: Sandbox) -> dict[str, Any]:
    state = sandbox.state
    bot = state.add_user("Escalator Bot", sandbox.email, role="admin")
    agent = state.add_user("Avery Agent", "avery@support.example", role="agent")
    groups = [state.add_group(n)["id"] for n in ("Frontline", "Technical", "Engineering", "Management")]
    vip_org = state.add_organization("Globex", organization_fields={"customer_tier": "vip", "lifetime_value": 48000})
    customer = state.add_user("Dana Scully", "dana@example.com")
    vip = state.add_user("Hank Scorpio", "hank@globex.example", organization_id=vip_org["id"])
    return {"bot": bot["id"], "agent": agent["id"], "groups": groups, "customer": customer["id"], "vip": vip["id"]}


def config_file(config: EscalatorConfig, path: Path) -> Path:
    """The configuration as an escalator.yaml another process (an `escalator worker`) can load."""
    import yaml

    data = config.model_dump(mode="json", exclude={"rules"})
    data["zendesk"]["api_token"] = config.zendesk.api_token.get_secret_value() if config.zendesk.api_token else None
    secret = config.zendesk.webhook_secret
    data["zendesk"]["webhook_secret"] = secret.get_secret_value() if secret else None
    for key in ("api_key", "webhook_secret"):
        value = getattr(config.freshdesk, key)
        data["freshdesk"][key] = value.get_secret_value() if value else None
    data["notifications"]["channels"] = {role: [u.get_secret_value() for u in urls]
                                         for role, urls in config.notifications.channels.items()}
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@contextmanager
def running(tmp: Path, *, database_url: str | None = None, queue_url: str | None = None, consumer: bool = True,
            **overrides: Any) -> Iterator[Running]:
    with Sandbox(job_delay=0.02, webhook_retry_delay=0.1) as sandbox:
        ids = seed(sandbox)
        config = e2e_config(sandbox, tmp, ids, database_url=database_url, queue_url=queue_url, **overrides)
        clock = ShiftedClock()
        services = bootstrap(config, clock=clock)
        services.huey.flush()
        server: BaseWSGIServer = make_server("127.0.0.1", 0, create_app(services=services), threaded=True,
                                             request_handler=Quiet)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{server.server_port}"
        sandbox.subscribe(f"{url}/webhooks/zendesk", secret=WEBHOOK_SECRET)
        worker: Consumer | None = None
        handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
        if consumer:
            worker = make_consumer(services)
            worker.start()
        try:
            yield Running(sandbox, services, url, ids, config, clock)
        finally:
            if worker is not None:
                worker.stop(graceful=True)
            for signum, handler in handlers.items():
                signal.signal(signum, handler)
            server.shutdown()
            server.server_close()
            services.close()


class FreshdeskRunning:
    """The escalator next to the Freshdesk sandbox: the sandbox runs the rules `escalator install freshdesk` wrote
    and posts their webhooks (shared secret in a header) to our app, a real consumer decides, the Freshdesk adapter
    writes back over HTTP."""

    def __init__(self, sandbox: FreshdeskSandbox, services: Services, ids: dict[str, Any], *, url: str = "",
                 config: EscalatorConfig | None = None, clock: ShiftedClock | None = None) -> None:
        self.sandbox, self.services, self.ids = sandbox, services, ids
        self.url, self.config, self.clock = url, config or services.config, clock or ShiftedClock()

    def wait(self, condition: Callable[[], Any], timeout: float = 15.0, what: str = "condition") -> float:
        return wait_for(condition, timeout, what, lambda: getattr(self, "unsettled", ""))

    def ours(self, ticket_id: int) -> list[dict[str, Any]]:
        """Our conversations on the ticket, notes and replies: found in the HTML body (a reply's marker is hidden
        there, out of its body_text)."""
        return [c for c in self.sandbox.state.conversations[ticket_id] if "escalator-ref:" in c["body"]]

    def settled(self) -> bool:
        from plugin.store import repository as repo

        with self.services.store.session() as session:
            backlog = repo.unprocessed_events(session)
            intents = repo.open_intent_count(session)
        return not backlog and not intents and not self.services.huey.pending_count()


def freshdesk_seed(sandbox: FreshdeskSandbox) -> dict[str, Any]:
    state = sandbox.state
    groups = [state.add_group(n)["id"] for n in ("Frontline", "Technical", "Engineering", "Management")]
    company = state.add_company("Globex", account_tier="Premium", custom_fields={"customer_tier": "vip"})
    return {"groups": groups, "customer": state.add_contact("Dana Scully", "dana@example.com")["id"],
            "vip": state.add_contact("Hank Scorpio", "hank@globex.example", company_id=company["id"])["id"],
            "bot": sandbox.agent["id"],
            "agent": state.add_agent("Avery Agent", "avery@support.example", group_ids=groups)["id"]}


@contextmanager
def running_freshdesk(tmp: Path, *, database_url: str | None = None, queue_url: str | None = None,
                      consumer: bool = True, **overrides: Any) -> Iterator[FreshdeskRunning]:
    """The escalator on the Freshdesk sandbox: one box (SQLite state and queue) unless `database_url` and
    `queue_url` say otherwise; `overrides` merge into the configuration. With `consumer=False` neither the consumer
    nor the watch (which runs beside the consumer of the periodic jobs) is started: a test runs its own."""
    with FreshdeskSandbox(webhook_retry_delay=0.1) as sandbox:
        ids = freshdesk_seed(sandbox)
        groups = ids["groups"]
        data: dict[str, Any] = {
            "freshdesk": {**sandbox.settings(), "webhook_secret": FRESHDESK_SECRET},
            "tiers": [{"name": name, "groups": {"freshdesk": str(groups[i])}, "response_target": target}
                      for i, (name, target) in enumerate([("Frontline", "2h"), ("Technical/Specialist", "4h"),
                                                         ("Senior/Engineering", "8h"),
                                                         ("Management/Executive", "0")])],
            "schedules": {"default": {"hours": {day: ["00:00-24:00"] for day in WEEK}}},
            "database": {"url": database_url or f"sqlite:///{tmp / 'escalator.db'}"},
            "queue": {"url": queue_url or f"sqlite:///{tmp / 'queue.db'}", "workers": 2, "retries": 5,
                      "retry_delay": "1s"},
            "notifications": {"respect_business_hours": False}}
        for key, value in overrides.items():
            data[key] = {**data[key], **value} if isinstance(value, dict) and isinstance(data.get(key), dict) \
                else value
        config = load_config(data=data)
        clock = ShiftedClock()
        services = bootstrap(config, clock=clock)
        services.huey.flush()
        server = make_server("127.0.0.1", 0, create_app(services=services), threaded=True, request_handler=Quiet)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_port}"
        installed = FreshdeskAdapter(config.freshdesk).install(f"{url}/webhooks/freshdesk", FRESHDESK_SECRET)
        assert installed.created
        handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
        worker: Consumer | None = None
        watcher: Watcher | None = None
        if consumer:
            worker = make_consumer(services)
            worker.start()
            watcher = Watcher(services).start()  # as the consumer that runs the periodic jobs does
        try:
            yield FreshdeskRunning(sandbox, services, ids, url=url, config=config, clock=clock)
        finally:
            if watcher is not None:
                watcher.stop()
            if worker is not None:
                worker.stop(graceful=True)
            for signum, handler in handlers.items():
                signal.signal(signum, handler)
            server.shutdown()
            server.server_close()
            services.close()


# ---------------------------------------------------------------- one facade for both platforms

PLATFORMS = ("zendesk", "freshdesk")
PRIORITY_WORDS = ("low", "normal", "high", "urgent")  # Zendesk's values; Freshdesk numbers them 1 to 4
FRESHDESK_STATUS = {2: "open", 3: "pending", 4: "solved", 5: "closed"}  # our words for Freshdesk's codes


def unsettled(services: Services) -> str:
    """What is still under way in the service ("" when nothing is): events not done, notifications being sent or
    due, open write intents, queued tasks."""
    from sqlalchemy import func, select

    from plugin.service.notifier import CLAIM_LEASE
    from plugin.store import repository as repo
    from plugin.store.models import NotificationRow

    now = services.clock()
    with services.store.session() as session:
        backlog = repo.unprocessed_events(session)
        sending = session.scalar(select(func.count()).select_from(NotificationRow).where(
            NotificationRow.status == "sending",
            NotificationRow.not_before > now + CLAIM_LEASE - timedelta(seconds=30)))
        due = repo.pending_notifications(session, now, limit=1)
        intents = repo.open_intent_count(session)
    queued = services.huey.pending_count()
    reasons = [f"{len(backlog)} event(s) not done ({', '.join(f'#{e.ticket_id} {e.state}' for e in backlog[:5])})"
               if backlog else "", f"{sending} notification(s) being sent" if sending else "",
               f"{len(due)} notification(s) due" if due else "", f"{intents} open intent(s)" if intents else "",
               f"{queued} task(s) queued" if queued else ""]
    return "; ".join(r for r in reasons if r)


@dataclass(frozen=True)
class Note:
    """Something the escalator wrote on a ticket (found by its marker): an internal note or a public reply."""

    public: bool
    text: str  # what agents (a note) or the customer (a reply) read, as text
    html: str  # as the helpdesk keeps it (a reply's marker is hidden here)


class World(ABC):
    """The escalator next to one platform's sandbox, seen the same way on every platform: what a customer and an
    agent do, what is on a ticket, what the helpdesk was asked, and the sandbox's fault switches. Ticket ids are
    the helpdesk's (ints on both)."""

    platform: ClassVar[str]
    state: Any  # the sandbox's state: its tickets, as the platform's API shows them
    sandbox: LocalServer
    services: Services
    url: str
    ids: dict[str, Any]
    config: EscalatorConfig
    clock: ShiftedClock

    def __init__(self, live: Running | FreshdeskRunning) -> None:
        self.live, self.sandbox, self.services, self.url = live, live.sandbox, live.services, live.url
        self.ids, self.config, self.clock = live.ids, live.config, live.clock
        self.state = live.sandbox.state

    # ------------------------------------------------ what customers and agents do (each platform its own way)

    @abstractmethod
    def customer_ticket(self, *, subject: str = "Cannot export invoices",
                        description: str = "The export button does nothing.", priority: str = "normal",
                        created_at: datetime | None = None, assigned: bool = False) -> int:
        """A customer (Dana) files a ticket; its id. `assigned`: it is with Avery, in tier 1's group."""

    @abstractmethod
    def agent_adds_tags(self, ticket_id: int, tags: list[str]) -> None:
        """An agent adds tags and changes nothing else (Freshdesk: the whole list is written)."""

    @abstractmethod
    def agent_solves(self, ticket_id: int, reply: str) -> None:
        """An agent answers the customer and sets the ticket solved (Freshdesk: resolved; a reply, then the status,
        as Freshdesk has no update that carries a reply)."""

    @abstractmethod
    def lose_webhooks(self) -> None:
        """From now on no change reaches the service by webhook (the webhook or the rules switched off)."""

    # ------------------------------------------------ what is on a ticket

    def tags(self, ticket_id: int) -> list[str]:
        return list(self.state.ticket(ticket_id)["tags"])

    def group(self, ticket_id: int) -> int | None:
        return self.state.ticket(ticket_id)["group_id"]  # type: ignore[no-any-return]

    @abstractmethod
    def priority(self, ticket_id: int) -> str:
        """One of PRIORITY_WORDS."""

    @abstractmethod
    def status(self, ticket_id: int) -> str:
        """Zendesk's word; Freshdesk's code as the same word (4 Resolved: "solved")."""

    @abstractmethod
    def our_notes(self, ticket_id: int) -> list[Note]:
        """What the escalator wrote on the ticket, oldest first, found by its marker."""

    @abstractmethod
    def assignee(self, ticket_id: int) -> int | None: ...

    def subject(self, ticket_id: int) -> str:
        return str(self.state.ticket(ticket_id)["subject"])

    @abstractmethod
    def task_tickets(self) -> list[int]:
        """The escalation tasks created as tickets of their own (Zendesk: type task; Freshdesk: child tickets)."""

    @abstractmethod
    def opening(self, ticket_id: int) -> Note:
        """The ticket's first message (a task ticket's carries the handoff note)."""

    def handoffs(self, ticket_id: int) -> list[Note]:
        return [n for n in self.our_notes(ticket_id) if not n.public]

    def replies(self, ticket_id: int) -> list[Note]:
        return [n for n in self.our_notes(ticket_id) if n.public]

    def tier_group(self, tier: int) -> int:
        """The helpdesk group of tier 1 to 4."""
        return int(self.ids["groups"][tier - 1])

    # ------------------------------------------------ what the service holds

    def history(self, ticket_id: int) -> Any:
        from plugin.store import repository as repo

        with self.services.store.session() as session:
            return repo.load_history(session, self.platform, str(ticket_id))

    def workflow_state(self, ticket_id: int) -> str | None:
        from plugin.store import repository as repo

        with self.services.store.session() as session:
            mirror = repo.get_mirror(session, self.platform, str(ticket_id))
            return None if mirror is None else str(mirror.workflow_state)

    def key(self, ticket_id: int) -> str:
        """The ticket as reconcile reports it."""
        return f"{self.platform}/{ticket_id}"

    # ------------------------------------------------ waiting

    def wait(self, condition: Callable[[], Any], timeout: float = 15.0, what: str = "condition") -> float:
        return wait_for(condition, timeout, what, lambda: getattr(self, "unsettled", ""))

    def settled(self) -> bool:
        """Every acknowledged event processed, nothing queued, no notification due or being sent, no write open."""
        self.unsettled = unsettled(self.services)
        return not self.unsettled

    def settle(self) -> None:
        """Every webhook delivered and processed, then those our own writes caused too."""
        for what in ("every event processed", "our own updates processed"):
            self.flush_webhooks()
            self.wait(self.settled, 20, what)

    # ------------------------------------------------ the sandbox: its record, its webhooks, its faults

    def flush_webhooks(self, timeout: float = 10.0) -> bool:
        return self.sandbox.flush_webhooks(timeout)

    @property
    def invocations(self) -> list[Invocation]:
        return self.sandbox.invocations

    def deliver_again(self, invocation: Invocation) -> requests.Response:
        """Post a webhook the sandbox delivered once more, byte for byte, as the helpdesk does when it retries."""
        return requests.post(f"{self.url}/webhooks/{self.platform}", data=invocation.payload,
                             headers=invocation.headers, timeout=5)

    def write_requests(self) -> int:
        return self.sandbox.write_requests()

    def requests_on(self, ticket_id: int, method: str | None = None) -> int:
        """The API requests (reads and writes) made about this ticket."""
        return len([r for r in self.sandbox.recorded(method) if f"ticket:{ticket_id}" in r.subjects])

    def refused(self) -> int:
        return sum(self.sandbox.count(status=code) for code in (429, 500, 503))

    def fail_share(self, share: float, statuses: tuple[int, ...] = (429, 500, 503), *, seed: int = 0,
                   retry_after: float = 1) -> None:
        self.sandbox.fail_share(share, statuses, seed=seed, retry_after=retry_after)  # type: ignore[attr-defined]

    def hold_answer(self, kind: str, seconds: float, count: int = 1) -> None:
        self.sandbox.hold_answer(kind, seconds, count)  # type: ignore[attr-defined]


class ZendeskWorld(World):
    platform = "zendesk"

    def customer_ticket(self, *, subject: str = "Cannot export invoices",
                        description: str = "The export button does nothing.", priority: str = "normal",
                        created_at: datetime | None = None, assigned: bool = False) -> int:
        placed = {"assignee_id": self.ids["agent"], "group_id": self.tier_group(1)} if assigned else {}
        return int(self.state.create_ticket(requester_id=self.ids["customer"], subject=subject,
                                            description=description, priority=priority,
                                            created_at=created_at, **placed)["id"])

    def agent_adds_tags(self, ticket_id: int, tags: list[str]) -> None:
        self.state.update_ticket(ticket_id, {"additional_tags": tags}, actor_id=self.ids["agent"])

    def agent_solves(self, ticket_id: int, reply: str) -> None:
        self.state.update_ticket(ticket_id, {"status": "solved", "comment": {"body": reply, "public": True}},
                                 actor_id=self.ids["agent"])

    def lose_webhooks(self) -> None:
        for webhook in self.state.webhooks.values():
            webhook["status"] = "inactive"

    def priority(self, ticket_id: int) -> str:
        return str(self.state.ticket(ticket_id)["priority"])

    def status(self, ticket_id: int) -> str:
        return str(self.state.ticket(ticket_id)["status"])

    def our_notes(self, ticket_id: int) -> list[Note]:
        return [Note(bool(c["public"]), c["body"], c["html_body"]) for c in self.live.notes(ticket_id)]

    def assignee(self, ticket_id: int) -> int | None:
        return self.state.ticket(ticket_id)["assignee_id"]  # type: ignore[no-any-return]

    def task_tickets(self) -> list[int]:
        return [int(t["id"]) for t in list(self.state.tickets.values()) if t.get("type") == "task"]

    def opening(self, ticket_id: int) -> Note:
        first = self.state.comments[ticket_id][0]
        return Note(bool(first["public"]), first["body"], first["html_body"])


class FreshdeskWorld(World):
    platform = "freshdesk"

    def customer_ticket(self, *, subject: str = "Cannot export invoices",
                        description: str = "The export button does nothing.", priority: str = "normal",
                        created_at: datetime | None = None, assigned: bool = False) -> int:
        placed = {"responder_id": self.ids["agent"], "group_id": self.tier_group(1)} if assigned else {}
        return int(self.state.create_ticket({"requester_id": self.ids["customer"], "subject": subject,
                                             "description": description,
                                             "priority": PRIORITY_WORDS.index(priority) + 1, "source": 1,
                                             **placed}, created_at=created_at)["id"])

    def agent_adds_tags(self, ticket_id: int, tags: list[str]) -> None:
        current = self.tags(ticket_id)
        self.state.update_ticket(ticket_id, {"tags": [*current, *(t for t in tags if t not in current)]},
                                 performer="agent", performer_id=self.ids["agent"])

    def agent_solves(self, ticket_id: int, reply: str) -> None:
        self.state.add_conversation(ticket_id, f"<div>{reply}</div>", kind="reply", user_id=self.ids["agent"])
        self.state.update_ticket(ticket_id, {"status": 4}, performer="agent", performer_id=self.ids["agent"])

    def lose_webhooks(self) -> None:
        with self.state.lock:
            for rules in self.state.rules.values():
                for rule in rules.values():
                    rule["active"] = False

    def priority(self, ticket_id: int) -> str:
        return PRIORITY_WORDS[int(self.state.ticket(ticket_id)["priority"]) - 1]

    def status(self, ticket_id: int) -> str:
        code = int(self.state.ticket(ticket_id)["status"])
        return FRESHDESK_STATUS.get(code, str(code))

    def our_notes(self, ticket_id: int) -> list[Note]:
        return [Note(not c["private"], c["body_text"], c["body"]) for c in self.live.ours(ticket_id)]

    def assignee(self, ticket_id: int) -> int | None:
        return self.state.ticket(ticket_id)["responder_id"]  # type: ignore[no-any-return]

    def task_tickets(self) -> list[int]:
        with self.state.lock:
            return [int(t["id"]) for t in self.state.tickets.values() if t.get("association_type") == 2]

    def opening(self, ticket_id: int) -> Note:
        """The description: a child ticket's requester is our own agent, so it is no public message to anyone."""
        ticket = self.state.ticket(ticket_id)
        return Note(False, ticket["description_text"], ticket["description"])


@contextmanager
def world(platform: str, tmp: Path, *, database_url: str | None = None, queue_url: str | None = None,
          consumer: bool = True, **overrides: Any) -> Iterator[World]:
    """The escalator running next to `platform`'s sandbox (`running` or `running_freshdesk`), seen through World.
    `overrides` merge into the configuration; they name no platform's ids."""
    if platform == "zendesk":
        with running(tmp, database_url=database_url, queue_url=queue_url, consumer=consumer, **overrides) as live:
            yield ZendeskWorld(live)
    elif platform == "freshdesk":
        with running_freshdesk(tmp, database_url=database_url, queue_url=queue_url, consumer=consumer,
                               **overrides) as fresh:
            yield FreshdeskWorld(fresh)
    else:
        raise ValueError(f"platform must be one of {', '.join(PLATFORMS)}, got {platform!r}")
