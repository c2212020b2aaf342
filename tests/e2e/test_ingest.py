"""The request path writes one row: a webhook costs one INSERT into the inbox and its commit, and no task on the
queue; the inbox feed beside the consumer queues its ticket. So a webhook whose queue signal is lost is processed at
once all the same, and one acknowledged by a process that dies right after answering is processed by another."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
from flask import has_request_context
from harness import World, world
from sqlalchemy import event as sa_event

from plugin.config import EscalatorConfig, load_config
from plugin.store import repository as repo
from webhooks import create_app
from webhooks.bootstrap import Services, bootstrap
from webhooks.runner import make_consumer

SECRET = "ingest-test-secret"
LEGAL = "If this is not fixed today my lawyer will contact you."


@pytest.fixture(params=["sqlite", "postgres+redis"])
def urls(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, str]:
    if request.param == "sqlite":
        return {"database": f"sqlite:///{tmp_path / 'db.sqlite'}", "queue": f"sqlite:///{tmp_path / 'queue.sqlite'}"}
    return {"database": request.getfixturevalue("postgres_url"), "queue": request.getfixturevalue("redis_url")}


def config(urls: dict[str, str]) -> EscalatorConfig:
    return load_config(data={
        "zendesk": {"subdomain": "acme", "email": "bot@acme.example", "api_token": "t", "webhook_secret": SECRET},
        "database": {"url": urls["database"]}, "queue": {"url": urls["queue"]},
    })


@pytest.fixture
def services(urls: dict[str, str]) -> Iterator[Services]:
    running = bootstrap(config(urls))
    running.huey.flush()
    yield running
    with running.store.engine.begin() as connection:
        from plugin.store.models import Base

        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
    running.close()


def webhook(event_id: str, ticket: str = "42") -> tuple[bytes, dict[str, str]]:
    body = json.dumps({"type": "zen:event-type:ticket.created", "id": event_id, "time": "2026-11-23T10:00:00Z",
                       "subject": f"zen:ticket:{ticket}", "detail": {"id": ticket, "status": "NEW"},
                       "event": {}}).encode()
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    signature = base64.b64encode(hmac.new(SECRET.encode(), stamp.encode() + body, hashlib.sha256).digest())
    return body, {"X-Zendesk-Webhook-Signature": signature.decode(), "X-Zendesk-Webhook-Signature-Timestamp": stamp,
                  "Content-Type": "application/json"}


def inbox(services: Services) -> list[str]:
    with services.store.session() as session:
        return [row.delivery_id for row in repo.unprocessed_events(session)]


class Statements:
    """Every statement the database driver is sent: SQLite's trace of each connection, or (PostgreSQL) each
    execute of the pool's connections and of the inbox's own, and each run of the inbox's prepared INSERT."""

    def __init__(self, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
        self.sent: list[str] = []
        engine = services.store.engine
        engine.dispose()  # the connections made from now on are traced
        if engine.dialect.name == "sqlite":
            sa_event.listen(engine, "connect", lambda connection, _: connection.set_trace_callback(self.sent.append))
            return
        sent = self.sent

        class Traced(psycopg.Cursor):
            def execute(self, query: Any, *args: Any, **kwargs: Any) -> Any:
                sent.append(str(query))
                return super().execute(query, *args, **kwargs)

        sa_event.listen(engine, "connect", lambda connection, _: setattr(connection, "cursor_factory", Traced))
        inbox_store = services.tickets.inbox
        real = inbox_store._own_connection

        def own_connection() -> Any:
            connection, encoding = real()
            connection.cursor_factory = Traced
            return connection, encoding

        monkeypatch.setattr(inbox_store, "_own_connection", own_connection)
        run_prepared = inbox_store._execute_prepared

        def execute_prepared(connection: Any, parameters: list[bytes]) -> bool:
            sent.append(inbox_store._sql)
            return run_prepared(connection, parameters)

        monkeypatch.setattr(inbox_store, "_execute_prepared", execute_prepared)

    def writes(self) -> list[str]:
        return [s.split()[0].upper() for s in self.sent if not s.upper().startswith(("PRAGMA", "SELECT"))]


def test_a_webhook_costs_one_insert_and_no_task(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    client = create_app(services=services).test_client()
    statements = Statements(services, monkeypatch)
    for name in ("evt-1", "evt-2", "evt-3", "evt-1"):  # three new events and a redelivery
        body, headers = webhook(name)
        assert client.post("/webhooks/zendesk", data=body, headers=headers).status_code in (200, 202)
    assert statements.writes() == ["INSERT"] * 4  # each its one INSERT, its own transaction (the redelivery's
    # stores nothing)
    assert not [s for s in statements.sent if s.upper().startswith("SELECT")]
    assert services.huey.pending_count() == 0  # no task written: the feed queues it from the inbox
    assert sorted(inbox(services)) == ["evt-1", "evt-2", "evt-3"]


def test_a_redelivery_is_answered_as_before_and_stored_once(services: Services) -> None:
    """The duplicate check is the INSERT itself (ON CONFLICT DO NOTHING): the first delivery 202 with its id, each
    redelivery 200 'duplicate' naming it, one row, and the metrics count both."""
    client = create_app(services=services).test_client()
    body, headers = webhook("evt-dup")
    first = client.post("/webhooks/zendesk", data=body, headers=headers)
    assert (first.status_code, first.get_json()) == (202, {"status": "accepted", "accepted": ["evt-dup"],
                                                           "duplicates": []})
    for _ in range(2):
        again = client.post("/webhooks/zendesk", data=body, headers=headers)
        assert (again.status_code, again.get_json()) == (200, {"status": "duplicate", "accepted": [],
                                                               "duplicates": ["evt-dup"]})
    assert inbox(services) == ["evt-dup"]
    metrics = client.get("/metrics").text
    assert 'escalator_webhook_events_total{outcome="accepted",platform="zendesk"} 1.0' in metrics
    assert 'escalator_webhook_events_total{outcome="duplicate",platform="zendesk"} 2.0' in metrics


def test_bad_input_writes_nothing(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    client = create_app(services=services).test_client()
    statements = Statements(services, monkeypatch)
    body, headers = webhook("evt-bad")
    headers["X-Zendesk-Webhook-Signature"] = "AAAA"
    assert client.post("/webhooks/zendesk", data=body, headers=headers).status_code == 401
    assert statements.sent == [] and services.huey.pending_count() == 0 and inbox(services) == []


def test_an_acknowledged_webhook_outlives_the_web_process(urls: dict[str, str]) -> None:
    """The web process answers 202 and dies at once (it never ran a consumer, and queued nothing): the consumer of
    another process finds the event in the inbox and queues its ticket."""
    web = bootstrap(config(urls))
    web.huey.flush()
    body, headers = webhook("evt-survivor", "77")
    assert create_app(services=web).test_client().post("/webhooks/zendesk", data=body,
                                                       headers=headers).status_code == 202
    web.close()
    worker = bootstrap(config(urls))
    try:
        assert worker.huey.pending_count() == 0
        make_consumer(worker)  # the consumer of the periodic jobs runs the feed
        assert worker.tasks.feed is not None and worker.tasks.feed.poll() == 1
        assert worker.huey.pending_count() == 1
        assert worker.tasks.feed.poll() == 0  # once
    finally:
        with worker.store.engine.begin() as connection:
            from plugin.store.models import Base

            for table in reversed(Base.metadata.sorted_tables):
                connection.execute(table.delete())
        worker.close()


def test_only_the_consumer_of_the_periodic_jobs_runs_the_feed(services: Services) -> None:
    make_consumer(services, periodic=False)
    assert services.tasks.feed is None
    make_consumer(services, periodic=True)
    assert services.tasks.feed is not None


@pytest.fixture
def service(backend: dict[str, Any], tmp_path: Path) -> Iterator[World]:
    with world("zendesk", tmp_path, **backend) as live:
        yield live


def test_a_webhook_whose_queue_signal_is_lost_is_processed_at_once(service: World,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the request path would tell the queue is lost (a task it writes, the feed's nudge): the consumer's
    feed finds the event in the inbox and the ticket is escalated in seconds, not at the sweep (which re-queues
    work older than queue.requeue_after, 30 s, once a minute)."""
    huey = service.services.huey
    real = huey.enqueue

    def enqueue(task: Any) -> Any:
        return None if has_request_context() else real(task)

    monkeypatch.setattr(huey, "enqueue", enqueue)
    monkeypatch.setattr(service.services.tasks, "inbox_changed", lambda: None, raising=False)
    ticket = service.customer_ticket(description=LEGAL)
    service.wait(lambda: len(service.our_notes(ticket)) == 2, 15, "the handoff note and the acknowledgment")
    assert service.priority(ticket) == "high"
