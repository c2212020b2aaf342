"""The webhook receiver's answers: every bad input gets a clear JSON error and changes nothing; health and metrics;
the extension embedded in an existing Flask app."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from plugin.config import EscalatorConfig, load_config
from plugin.store import repository as repo
from webhooks import Escalator, create_app
from webhooks.bootstrap import Services, bootstrap

SECRET = "http-test-secret"


def config(tmp_path: Path, **extra: object) -> EscalatorConfig:
    data: dict[str, object] = {
        "zendesk": {"subdomain": "acme", "email": "bot@acme.example", "api_token": "t", "webhook_secret": SECRET},
        "database": {"url": f"sqlite:///{tmp_path / 'db.sqlite'}"},
        "queue": {"url": f"sqlite:///{tmp_path / 'queue.sqlite'}"},
    }
    data.update(extra)
    return load_config(data=data)


def signed(body: bytes, at: datetime | None = None, secret: str = SECRET) -> dict[str, str]:
    stamp = (at or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    signature = base64.b64encode(hmac.new(secret.encode(), stamp.encode() + body, hashlib.sha256).digest())
    return {"X-Zendesk-Webhook-Signature": signature.decode(), "X-Zendesk-Webhook-Signature-Timestamp": stamp,
            "Content-Type": "application/json"}


def event(event_id: str = "evt-1", ticket: str = "42") -> bytes:
    return json.dumps({"type": "zen:event-type:ticket.created", "id": event_id, "time": "2026-11-23T10:00:00Z",
                       "subject": f"zen:ticket:{ticket}", "detail": {"id": ticket, "status": "NEW"},
                       "event": {}}, indent=3).encode()


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    running = bootstrap(config(tmp_path))
    yield running
    running.close()


@pytest.fixture
def client(services: Services) -> FlaskClient:
    return create_app(services=services).test_client()


def inbox(services: Services) -> list[str]:
    with services.store.session() as session:
        return [r.delivery_id for r in repo.unprocessed_events(session)]


def test_a_signed_event_is_accepted_stored_and_queued_by_the_feed(client: FlaskClient, services: Services) -> None:
    reply = client.post("/webhooks/zendesk", data=event(), headers=signed(event()))
    assert reply.status_code == 202
    assert reply.json == {"status": "accepted", "accepted": ["evt-1"], "duplicates": []}
    assert inbox(services) == ["evt-1"]
    assert services.huey.pending_count() == 0  # the request path wrote the inbox only
    assert services.tasks.feed_from_inbox(services.tickets).poll() == 1
    assert services.huey.pending_count() == 1


def test_a_redelivery_answers_200_and_changes_nothing(client: FlaskClient, services: Services) -> None:
    client.post("/webhooks/zendesk", data=event(), headers=signed(event()))
    queued = services.huey.pending_count()
    again = client.post("/webhooks/zendesk", data=event(), headers=signed(event()))
    assert again.status_code == 200 and again.json["status"] == "duplicate"
    assert inbox(services) == ["evt-1"]
    assert services.huey.pending_count() == queued


# Signed when the test runs, not when the module is collected: a signature is only good for five minutes, and the
# suite may reach this test later than that.
@pytest.mark.parametrize(("headers", "body", "status", "code"), [
    (lambda: {"X-Zendesk-Webhook-Signature": "AAAA", "X-Zendesk-Webhook-Signature-Timestamp": "2026-11-23T10:00:00Z"},
     event(), 401, "bad_signature"),
    (lambda: {}, event(), 401, "missing_signature"),
    (lambda: signed(event(), at=datetime.now(UTC) - timedelta(minutes=10)), event(), 401, "stale_timestamp"),
    (lambda: signed(b"{not json"), b"{not json", 400, "not_json"),
    (lambda: signed(b'{"type": "ticket.exploded"}'), b'{"type": "ticket.exploded"}', 400, "unknown_event"),
    (lambda: signed(b'{"type": "zen:event-type:ticket.created", "detail": {"id": "1"}}'),
     b'{"type": "zen:event-type:ticket.created", "detail": {"id": "1"}}', 400, "missing_field"),
], ids=["bad_signature", "missing_signature", "stale_timestamp", "not_json", "unknown_event", "missing_field"])
def test_bad_input_gets_a_clear_error_and_changes_nothing(client: FlaskClient, services: Services,
                                                          headers: Callable[[], dict[str, str]], body: bytes,
                                                          status: int, code: str) -> None:
    reply = client.post("/webhooks/zendesk", data=body, headers=headers())
    assert reply.status_code == status
    assert reply.json["error"] == code and reply.json["message"]
    assert inbox(services) == []
    assert services.huey.pending_count() == 0


def test_unknown_platform_is_404(client: FlaskClient) -> None:
    reply = client.post("/webhooks/jira", data=event(), headers=signed(event()))
    assert reply.status_code == 404 and reply.json["error"] == "unknown_platform"
    assert "zendesk" in reply.json["message"]


def test_oversize_body_is_413(client: FlaskClient, services: Services) -> None:
    big = b'{"x": "' + b"a" * (1024 * 1024) + b'"}'
    reply = client.post("/webhooks/zendesk", data=big, headers=signed(big))
    assert reply.status_code == 413 and reply.json["error"] == "too_large"
    assert inbox(services) == []


def test_errors_never_echo_the_secret(client: FlaskClient) -> None:
    reply = client.post("/webhooks/zendesk", data=event(), headers=signed(event(), secret="wrong"))
    assert SECRET not in reply.get_data(as_text=True)


def test_healthz_reports_database_and_queue(client: FlaskClient, services: Services) -> None:
    reply = client.get("/healthz")
    assert reply.status_code == 200 and reply.json["database"] is True and reply.json["queue"] is True
    services.store.engine.dispose()
    services.store.engine.pool._creator = lambda *a: (_ for _ in ()).throw(OSError("database gone"))  # type: ignore
    down = client.get("/healthz")
    assert down.status_code == 503 and down.json["database"] is False


def test_metrics_count_events_by_platform_and_outcome(client: FlaskClient) -> None:
    client.post("/webhooks/zendesk", data=event(), headers=signed(event()))
    client.post("/webhooks/zendesk", data=event(), headers=signed(event()))
    client.post("/webhooks/zendesk", data=b"{", headers=signed(b"{"))
    text = client.get("/metrics").get_data(as_text=True)
    assert 'escalator_webhook_events_total{outcome="accepted",platform="zendesk"} 1.0' in text
    assert 'escalator_webhook_events_total{outcome="duplicate",platform="zendesk"} 1.0' in text
    assert 'escalator_webhook_events_total{outcome="not_json",platform="zendesk"} 1.0' in text
    assert "escalator_inbox_unprocessed 1.0" in text


def test_embedding_in_a_host_app_in_three_lines(tmp_path: Path) -> None:
    host = Flask("host")

    @host.get("/")
    def home() -> str:
        return "host home"

    host.config["ESCALATOR_URL_PREFIX"] = "/support"
    escalator = Escalator(config=config(tmp_path))
    escalator.init_app(host)
    client = host.test_client()
    assert client.get("/").get_data(as_text=True) == "host home"
    assert client.get("/support/healthz").status_code == 200
    reply = client.post("/support/webhooks/zendesk", data=event("e-9"), headers=signed(event("e-9")))
    assert reply.status_code == 202
    assert host.extensions["escalator"].config.zendesk.subdomain == "acme"
    assert not hasattr(escalator, "app")
    with pytest.raises(RuntimeError, match="already set up"):
        escalator.init_app(host)
