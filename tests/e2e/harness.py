"""A running escalator next to a running sandbox, for end-to-end tests (and the shape `escalator demo` uses):
the sandbox delivers signed webhooks to our Flask app over HTTP, a real huey consumer does the work, and zenpy
writes back to the sandbox over HTTP."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from huey.consumer import Consumer
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from adapters.freshdesk import FreshdeskAdapter
from adapters.sandbox import Sandbox
from adapters.sandbox.freshdesk import FreshdeskSandbox
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

    def wait(self, condition: Callable[[], bool], timeout: float = 15.0, what: str = "condition") -> float:
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            if condition():
                return time.monotonic() - start
            time.sleep(0.05)
        still = f" (still: {self.unsettled})" if getattr(self, "unsettled", "") else ""
        raise AssertionError(f"timed out after {timeout}s waiting for {what}{still}")

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
        from sqlalchemy import func, select

        from plugin.service.notifier import CLAIM_LEASE
        from plugin.store import repository as repo
        from plugin.store.models import NotificationRow

        now = self.services.clock()
        with self.services.store.session() as session:
            backlog = repo.unprocessed_events(session)
            # a send in flight (claimed in the last 30 s; an older claim is a sender that died, e.g. SIGKILLed)
            sending = session.scalar(select(func.count()).select_from(NotificationRow).where(
                NotificationRow.status == "sending",
                NotificationRow.not_before > now + CLAIM_LEASE - timedelta(seconds=30)))
            due = repo.pending_notifications(session, now, limit=1)
            intents = repo.open_intent_count(session)
        queued = self.services.huey.pending_count()
        reasons = [f"{len(backlog)} event(s) not done ({', '.join(f'#{e.ticket_id} {e.state}' for e in backlog[:5])})"
                   if backlog else "", f"{sending} notification(s) being sent" if sending else "",
                   f"{len(due)} notification(s) due" if due else "", f"{intents} open intent(s)" if intents else "",
                   f"{queued} task(s) queued" if queued else ""]
        return "; ".join(r for r in reasons if r)

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
            services.store.dispose()


class FreshdeskRunning:
    """The escalator next to the Freshdesk sandbox: the sandbox runs the rules `escalator install freshdesk` wrote
    and posts their webhooks (shared secret in a header) to our app, a real consumer decides, the Freshdesk adapter
    writes back over HTTP."""

    def __init__(self, sandbox: FreshdeskSandbox, services: Services, ids: dict[str, Any]) -> None:
        self.sandbox, self.services, self.ids = sandbox, services, ids

    def wait(self, condition: Any, timeout: float, what: str) -> None:
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            if condition():
                return
            time.sleep(0.05)
        raise AssertionError(f"timed out after {timeout}s waiting for {what}")

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


@contextmanager
def running_freshdesk(tmp: Path, **overrides: Any) -> Iterator[FreshdeskRunning]:
    """One box (SQLite state and queue) on the Freshdesk sandbox; `overrides` merge into the configuration."""
    with FreshdeskSandbox(webhook_retry_delay=0.1) as sandbox:
        state = sandbox.state
        groups = [state.add_group(n)["id"] for n in ("Frontline", "Technical", "Engineering", "Management")]
        company = state.add_company("Globex", account_tier="Premium", custom_fields={"customer_tier": "vip"})
        ids = {"groups": groups, "customer": state.add_contact("Dana Scully", "dana@example.com")["id"],
               "vip": state.add_contact("Hank Scorpio", "hank@globex.example", company_id=company["id"])["id"]}
        data: dict[str, Any] = {
            "freshdesk": {**sandbox.settings(), "webhook_secret": FRESHDESK_SECRET},
            "tiers": [{"name": name, "groups": {"freshdesk": str(groups[i])}, "response_target": target}
                      for i, (name, target) in enumerate([("Frontline", "2h"), ("Technical/Specialist", "4h"),
                                                         ("Senior/Engineering", "8h"),
                                                         ("Management/Executive", "0")])],
            "schedules": {"default": {"hours": {day: ["00:00-24:00"] for day in WEEK}}},
            "database": {"url": f"sqlite:///{tmp / 'escalator.db'}"},
            "queue": {"url": f"sqlite:///{tmp / 'queue.db'}", "workers": 2, "retries": 5, "retry_delay": "1s"},
            "notifications": {"respect_business_hours": False}}
        for key, value in overrides.items():
            data[key] = {**data[key], **value} if isinstance(value, dict) and isinstance(data.get(key), dict) \
                else value
        config = load_config(data=data)
        services = bootstrap(config, clock=ShiftedClock())
        services.huey.flush()
        server = make_server("127.0.0.1", 0, create_app(services=services), threaded=True, request_handler=Quiet)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        installed = FreshdeskAdapter(config.freshdesk).install(f"http://127.0.0.1:{server.server_port}"
                                                               "/webhooks/freshdesk", FRESHDESK_SECRET)
        assert installed.created
        worker = make_consumer(services)
        worker.start()
        watcher = Watcher(services).start()  # as the consumer that runs the periodic jobs does
        try:
            yield FreshdeskRunning(sandbox, services, ids)
        finally:
            watcher.stop()
            worker.stop(graceful=True)
            server.shutdown()
            server.server_close()
            services.store.dispose()
