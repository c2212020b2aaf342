"""The sandbox is held to Zendesk's own OpenAPI descriptions: each reply it gives validates against the response
schema of that operation, and the bodies our adapter sends validate against the request schemas."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml
from openapi_schema_validator import OAS30Validator

SPEC_DIR = next((p / "shared" / "reference" / "zendesk-openapi" for p in Path(__file__).resolve().parents
                 if (p / "shared" / "reference" / "zendesk-openapi").is_dir()), None)


@lru_cache(maxsize=2)
def spec(name: str) -> dict[str, Any]:
    if SPEC_DIR is None:
        pytest.skip("shared/reference/zendesk-openapi is not beside this checkout")

    class Loader(yaml.SafeLoader):
        pass

    # support-api.yaml uses this tag in one trigger example; PyYAML's safe loader refuses it otherwise.
    Loader.add_constructor("tag:yaml.org,2002:value", lambda loader, node: loader.construct_scalar(node))
    loaded: dict[str, Any] = yaml.load((SPEC_DIR / name).read_text(encoding="utf-8"), Loader=Loader)
    return loaded


def response_schema(name: str, path: str, method: str, status: str = "200") -> dict[str, Any]:
    document = spec(name)
    operation = document["paths"][path][method]
    reply = operation["responses"][status]
    if "$ref" in reply:
        reply = document["components"]["responses"][reply["$ref"].rsplit("/", 1)[1]]
    schema = dict(reply["content"]["application/json"]["schema"])
    schema["components"] = document["components"]
    return schema


def request_schema(name: str, path: str, method: str) -> dict[str, Any]:
    document = spec(name)
    schema = dict(document["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"])
    schema["components"] = document["components"]
    return schema


def without_nulls(value: Any) -> Any:
    """Zendesk's descriptions mark no field nullable, yet its API returns null for every unset field (an
    unassigned ticket's assignee_id, a ticket with no external_id). Present values are checked; nulls are not."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def check(schema: dict[str, Any], body: Any) -> None:
    errors = sorted(OAS30Validator(schema).iter_errors(without_nulls(body)), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def call(world, method: str, path: str, **kwargs: Any) -> Any:  # type: ignore[no-untyped-def]
    session = requests.Session()
    session.auth = (f"{world.sandbox.email}/token", world.sandbox.token)
    reply = session.request(method, world.sandbox.url + path, timeout=5, **kwargs)
    assert reply.status_code < 300, reply.text
    return reply.json() if reply.content else None


SUPPORT = "support-api.yaml"


def test_ticket_replies_follow_the_support_api(world) -> None:  # type: ignore[no-untyped-def]
    raw = world.ticket(tags=["vip"])
    world.sandbox.state.add_comment(raw["id"], "Hello", world.agent["id"])
    check(response_schema(SUPPORT, "/api/v2/tickets/{ticket_id}", "get"), call(world, "GET",
                                                                                 f"/api/v2/tickets/{raw['id']}"))
    check(response_schema(SUPPORT, "/api/v2/tickets/show_many", "get"),
          call(world, "GET", f"/api/v2/tickets/show_many.json?ids={raw['id']}"))
    check(response_schema(SUPPORT, "/api/v2/tickets", "get"), call(world, "GET", "/api/v2/tickets.json"))
    check(response_schema(SUPPORT, "/api/v2/tickets/{ticket_id}/comments", "get"),
          call(world, "GET", f"/api/v2/tickets/{raw['id']}/comments.json"))
    update = {"ticket": {"priority": "high", "tags": ["vip", "escalated"], "comment": {"body": "n", "public": False},
                         "safe_update": True, "updated_stamp": world.sandbox.state.ticket(raw["id"])["updated_at"]}}
    check(request_schema(SUPPORT, "/api/v2/tickets/{ticket_id}", "put"), update)
    check(response_schema(SUPPORT, "/api/v2/tickets/{ticket_id}", "put"),
          call(world, "PUT", f"/api/v2/tickets/{raw['id']}.json", json=update))


def test_bulk_and_job_replies_follow_the_support_api(world) -> None:  # type: ignore[no-untyped-def]
    raw = world.ticket()
    job = call(world, "PUT", "/api/v2/tickets/update_many.json",
               json={"tickets": [{"id": raw["id"], "additional_tags": ["x"]}]})
    check(response_schema(SUPPORT, "/api/v2/tickets/update_many", "put"), job)
    time.sleep(0.05)
    status = call(world, "GET", f"/api/v2/job_statuses/{job['job_status']['id']}.json")
    check(response_schema(SUPPORT, "/api/v2/job_statuses/{job_status_id}", "get"), status)
    assert status["job_status"]["status"] == "completed"


def test_people_and_search_replies_follow_the_support_api(world) -> None:  # type: ignore[no-untyped-def]
    world.ticket()
    check(response_schema(SUPPORT, "/api/v2/users/{user_id}", "get"),
          call(world, "GET", f"/api/v2/users/{world.customer['id']}.json"))
    check(response_schema(SUPPORT, "/api/v2/organizations/{organization_id}", "get"),
          call(world, "GET", f"/api/v2/organizations/{world.organization['id']}.json"))
    check(response_schema(SUPPORT, "/api/v2/groups", "get"), call(world, "GET", "/api/v2/groups.json"))
    check(response_schema(SUPPORT, "/api/v2/incremental/tickets/cursor", "get"),
          call(world, "GET", "/api/v2/incremental/tickets/cursor.json?start_time=0"))


def test_webhook_replies_follow_the_webhooks_api(world) -> None:  # type: ignore[no-untyped-def]
    body = {"webhook": {"name": "escalator", "endpoint": "https://example.com/hook", "http_method": "POST",
                        "request_format": "json", "status": "active",
                        "subscriptions": ["conditional_ticket_events"]}}
    check(request_schema("webhooks-api.yaml", "/webhooks", "post"), body)
    created = call(world, "POST", "/api/v2/webhooks", json=body)
    check(response_schema("webhooks-api.yaml", "/webhooks", "post", "201"), created)
    webhook_id = created["webhook"]["id"]
    check(response_schema("webhooks-api.yaml", "/webhooks/{webhook_id}", "get"),
          call(world, "GET", f"/api/v2/webhooks/{webhook_id}"))
    check(response_schema("webhooks-api.yaml", "/webhooks/{webhook_id}/signing_secret", "get"),
          call(world, "GET", f"/api/v2/webhooks/{webhook_id}/signing_secret"))
    check(response_schema("webhooks-api.yaml", "/webhooks", "get"), call(world, "GET", "/api/v2/webhooks"))


def test_error_bodies_are_zendesk_shaped(world) -> None:  # type: ignore[no-untyped-def]
    session = requests.Session()
    session.auth = (f"{world.sandbox.email}/token", world.sandbox.token)
    missing = session.get(f"{world.sandbox.url}/api/v2/tickets/424242.json", timeout=5)
    assert (missing.status_code, missing.json()) == (404, {"error": "RecordNotFound", "description": "Not found"})
    too_many = session.get(f"{world.sandbox.url}/api/v2/tickets/show_many.json?ids=" + ",".join(map(str, range(101))),
                           timeout=5)
    assert too_many.status_code == 400 and too_many.json()["error"] == "TooManyValues"
    bad_json = session.put(f"{world.sandbox.url}/api/v2/tickets/1.json", data=b"{", timeout=5)
    assert bad_json.status_code == 400
    unauthorised = requests.get(f"{world.sandbox.url}/api/v2/tickets/1.json", timeout=5)
    assert unauthorised.status_code == 401
    assert json.loads(unauthorised.text) == {"error": "Couldn't authenticate you"}


def test_task_create_and_external_id_lookup_follow_the_support_api(world) -> None:  # type: ignore[no-untyped-def]
    from adapters.base import task_external_id
    from adapters.zendesk_mapping import task_body
    from plugin.domain import Priority, TaskTicket

    task = TaskTicket(tier=2, group_id=str(world.groups[1]["id"]), priority=Priority.HIGH, subject="Escalation",
                      body="Handoff note", due_at=datetime(2030, 1, 7, 14, 30, tzinfo=UTC),
                      tags=frozenset({"escalation_task"}))
    body = {"ticket": task_body(task, task_external_id("k"))}
    check(request_schema(SUPPORT, "/api/v2/tickets", "post"), body)
    created = call(world, "POST", "/api/v2/tickets.json", json=body)
    check(response_schema(SUPPORT, "/api/v2/tickets", "post", "201"), created)
    assert (created["ticket"]["type"], created["ticket"]["due_at"]) == ("task", "2030-01-07T14:30:00Z")
    found = call(world, "GET", f"/api/v2/tickets.json?external_id={task_external_id('k')}")
    check(response_schema(SUPPORT, "/api/v2/tickets", "get"), found)
    assert [t["id"] for t in found["tickets"]] == [created["ticket"]["id"]]
    assert call(world, "GET", "/api/v2/tickets.json?external_id=nothing-like-it")["tickets"] == []


def test_export_search_ratings_and_triggers_follow_the_support_api(world) -> None:  # type: ignore[no-untyped-def]
    world.sandbox.state.page_size = 2
    raws = [world.ticket(subject=f"T{i}") for i in range(3)]
    world.sandbox.state.rate(raws[0]["id"], "good")
    world.sandbox.state.rate(raws[1]["id"], "offered")
    first = call(world, "GET", "/api/v2/search/export.json?query=status<solved&filter[type]=ticket")
    check(response_schema(SUPPORT, "/api/v2/search/export", "get"), first)
    assert first["meta"]["has_more"] and len(first["results"]) == 2
    rest = call(world, "GET", "/api/v2/search/export.json?query=status<solved&filter[type]=ticket"
                              f"&page[after]={first['meta']['after_cursor']}")
    assert not rest["meta"]["has_more"] and [r["id"] for r in rest["results"]] == [raws[2]["id"]]
    received = call(world, "GET", "/api/v2/satisfaction_ratings.json?score=received&start_time=0")
    check(response_schema(SUPPORT, "/api/v2/satisfaction_ratings", "get"), received)
    assert [r["score"] for r in received["satisfaction_ratings"]] == ["good"]
    world.adapter().install("http://127.0.0.1:9/webhooks/zendesk", "unused")
    check(response_schema(SUPPORT, "/api/v2/triggers", "get"), call(world, "GET", "/api/v2/triggers.json"))


def refused(world, method: str, path: str, status: int, **kwargs: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    session = requests.Session()
    session.auth = (f"{world.sandbox.email}/token", world.sandbox.token)
    reply = session.request(method, world.sandbox.url + path, timeout=5, **kwargs)
    assert reply.status_code == status, reply.text
    assert reply.headers["Content-Type"].startswith("application/json")
    body: dict[str, Any] = reply.json()
    assert body.get("error") and body.get("description")
    return body


@pytest.mark.parametrize(("method", "path", "kwargs"), [
    ("GET", "/api/v2/tickets.json?per_page=x", {}),
    ("GET", "/api/v2/tickets.json?page=0", {}),
    ("GET", "/api/v2/search.json?query=type:ticket&per_page=x", {}),
    ("GET", "/api/v2/incremental/tickets/cursor.json?start_time=x", {}),
    ("GET", "/api/v2/satisfaction_ratings.json?start_time=x", {}),
    ("GET", "/api/v2/satisfaction_ratings.json?score=excellent", {}),
    ("GET", "/api/v2/search/export.json?query=type:ticket", {}),
    ("PUT", "/api/v2/tickets/update_many.json", {"json": {"tickets": "all of them"}}),
    ("PUT", "/api/v2/tickets/update_many.json", {"json": {"tickets": [1, 2]}}),
    ("PUT", "/api/v2/tickets/update_many.json", {"json": {"tickets": [{"id": "one", "priority": "high"}]}}),
    ("PUT", "/api/v2/tickets/update_many.json?ids=1", {"json": {"ticket": ["priority", "high"]}}),
    ("PUT", "/api/v2/tickets/update_many.json", {"json": {"ticket": {"priority": "high"}}}),
])
def test_malformed_requests_get_a_zendesk_shaped_400(world, method: str, path: str, kwargs: dict[str, Any]  # type: ignore[no-untyped-def]
                                                     ) -> None:
    refused(world, method, path, 400, **kwargs)


def test_invalid_updates_get_a_zendesk_shaped_422_and_change_nothing(world) -> None:  # type: ignore[no-untyped-def]
    raw = world.ticket()
    path = f"/api/v2/tickets/{raw['id']}.json"
    for fields in ({"group_id": "abc"}, {"assignee_id": "someone"}, {"tags": "a b".split() + [3]},
                   {"comment": {"body": "Looks public?", "public": "no"}}, {"type": "chore"}):
        body = refused(world, "PUT", path, 422, json={"ticket": fields})
        assert body["error"] == "RecordInvalid" and body["details"]["base"]
    assert world.sandbox.state.comments[raw["id"]][-1]["body"] == raw["description"]
    assert world.sandbox.state.ticket(raw["id"])["updated_at"] == raw["updated_at"]
    job = call(world, "PUT", "/api/v2/tickets/update_many.json", json={"tickets": [{"id": raw["id"], "group_id": "x"}]})
    time.sleep(0.05)
    [result] = call(world, "GET", f"/api/v2/job_statuses/{job['job_status']['id']}.json")["job_status"]["results"]
    assert result["success"] is False and result["error"] == "RecordInvalid"


def test_a_closed_ticket_refuses_updates(world) -> None:  # type: ignore[no-untyped-def]
    raw = world.ticket(status="closed")
    body = refused(world, "PUT", f"/api/v2/tickets/{raw['id']}.json", 422,
                   json={"ticket": {"comment": {"body": "late note", "public": False}}})
    assert "closed" in body["details"]["base"][0]["description"]
    assert len(world.sandbox.state.comments[raw["id"]]) == 1
    with pytest.raises(Exception, match="closed"):
        world.sandbox.state.update_ticket(raw["id"], {"priority": "high"})
