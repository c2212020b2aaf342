"""The sandbox's in-memory helpdesk: users, organizations, groups, tickets with comments and audits, webhooks,
triggers, job statuses and satisfaction ratings, shaped like Zendesk's JSON (integer ids, ISO-8601 UTC times).

Every change to a ticket produces a `Change` that listeners (the webhook deliverer) receive after the lock is
released. `updated_at` strictly increases on every change, so Zendesk's safe_update is deterministic here.
"""

from __future__ import annotations

import copy
import itertools
import secrets
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from adapters.sandbox.rendering import as_customer_sees, clean, plain_text

STATUSES = ("new", "open", "pending", "hold", "solved", "closed")
PRIORITIES = (None, "low", "normal", "high", "urgent")
TYPES = (None, "problem", "incident", "question", "task")
API_VIA = {"channel": "api", "source": {"from": {}, "to": {}, "rel": None}}
WEB_VIA = {"channel": "web", "source": {"from": {}, "to": {}, "rel": None}}


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_stamp(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


class SandboxError(Exception):
    status = 400
    error = "InvalidValue"

    def __init__(self, description: str) -> None:
        super().__init__(description)
        self.description = description

    def body(self) -> dict[str, Any]:
        return {"error": self.error, "description": self.description}


class NotFound(SandboxError):
    status = 404
    error = "RecordNotFound"

    def __init__(self, description: str = "Not found") -> None:
        super().__init__(description)


class Conflict(SandboxError):
    status = 409
    error = "UpdateConflict"

    def __init__(self) -> None:
        super().__init__("Safe Update prevented the update due to outdated ticket data. Please fetch the latest "
                         "ticket data and try again.")


class Invalid(SandboxError):
    status = 422
    error = "RecordInvalid"

    def body(self) -> dict[str, Any]:
        return {"error": self.error, "description": "Record validation errors",
                "details": {"base": [{"description": self.description}]}}


@dataclass(frozen=True)
class Change:
    """One change to one ticket, as webhooks see it."""

    ticket_id: int
    before: dict[str, Any] | None  # None when the ticket was created
    after: dict[str, Any]
    actor_id: int | None
    via_id: int  # 0 web, 5 API
    comment: dict[str, Any] | None
    at: datetime


@dataclass
class Job:
    id: str
    total: int
    results: list[dict[str, Any]]
    created: float
    ready_after: float
    job_type: str = "Bulk Update"


@dataclass
class SandboxState:
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    account_id: int = 10001
    subdomain: str = "sandbox"
    page_size: int = 100  # the largest page list endpoints give (Zendesk's is 100); tests lower it to see paging
    search_limit: int = 1000  # /api/v2/search refuses pages past this many results, as Zendesk does
    # whether an HTML comment in a comment's html_body is kept: Zendesk does not say (adapters/sandbox/rendering.py)
    keep_html_comments: bool = False

    def __post_init__(self) -> None:
        self.lock = threading.RLock()
        self._ids = itertools.count(1000)
        self.users: dict[int, dict[str, Any]] = {}
        self.organizations: dict[int, dict[str, Any]] = {}
        self.groups: dict[int, dict[str, Any]] = {}
        self.tickets: dict[int, dict[str, Any]] = {}
        self.comments: dict[int, list[dict[str, Any]]] = {}
        self.audits: dict[int, list[dict[str, Any]]] = {}
        self.webhooks: dict[str, dict[str, Any]] = {}
        self.signing_secrets: dict[str, str] = {}
        self.triggers: dict[int, dict[str, Any]] = {}
        self.jobs: dict[str, Job] = {}
        self.ratings: list[dict[str, Any]] = []
        self.ticket_fields: dict[int, dict[str, Any]] = {}
        self.sla_policies: dict[int, dict[str, Any]] = {}
        self.schedules: dict[int, dict[str, Any]] = {}
        self.holidays: dict[int, list[dict[str, Any]]] = {}
        self.listeners: list[Callable[[Change], None]] = []
        self._last_update: dict[int, datetime] = {}

    def next_id(self) -> int:
        return next(self._ids)

    def url(self, path: str) -> str:
        return f"https://{self.subdomain}.zendesk.com/api/v2/{path}"

    # ---------------------------------------------------------------- people and groups

    def add_user(self, name: str, email: str | None = None, role: str = "end-user", *, organization_id: int | None
                 = None, locale: str = "en-US", user_fields: dict[str, Any] | None = None,
                 tags: Iterable[str] = (), user_id: int | None = None) -> dict[str, Any]:
        with self.lock:
            uid = user_id or self.next_id()
            now = stamp(self.clock())
            user = {"id": uid, "url": self.url(f"users/{uid}.json"), "name": name,
                    "email": email or f"user{uid}@example.com", "role": role, "locale": locale,
                    "organization_id": organization_id, "user_fields": dict(user_fields or {}),
                    "tags": list(tags), "active": True, "created_at": now, "updated_at": now,
                    "time_zone": "UTC", "verified": True, "suspended": False}
            self.users[uid] = user
            return copy.deepcopy(user)

    def add_organization(self, name: str, *, organization_fields: dict[str, Any] | None = None,
                         tags: Iterable[str] = (), organization_id: int | None = None) -> dict[str, Any]:
        with self.lock:
            oid = organization_id or self.next_id()
            now = stamp(self.clock())
            org = {"id": oid, "url": self.url(f"organizations/{oid}.json"), "name": name, "domain_names": [],
                   "details": "", "notes": "", "group_id": None, "shared_tickets": False, "shared_comments": False,
                   "tags": list(tags), "organization_fields": dict(organization_fields or {}), "created_at": now,
                   "updated_at": now, "external_id": None}
            self.organizations[oid] = org
            return copy.deepcopy(org)

    def add_group(self, name: str, *, group_id: int | None = None) -> dict[str, Any]:
        with self.lock:
            gid = group_id or self.next_id()
            now = stamp(self.clock())
            group = {"id": gid, "url": self.url(f"groups/{gid}.json"), "name": name, "description": "",
                     "default": False, "deleted": False, "is_public": True, "created_at": now, "updated_at": now}
            self.groups[gid] = group
            return copy.deepcopy(group)

    def user(self, user_id: int) -> dict[str, Any]:
        with self.lock:
            if user_id not in self.users:
                raise NotFound()
            return copy.deepcopy(self.users[user_id])

    def organization(self, organization_id: int) -> dict[str, Any]:
        with self.lock:
            if organization_id not in self.organizations:
                raise NotFound()
            return copy.deepcopy(self.organizations[organization_id])

    # ---------------------------------------------------------------- tickets

    def _next_updated_at(self, ticket_id: int) -> datetime:
        now = self.clock().replace(microsecond=0)
        last = self._last_update.get(ticket_id)
        if last is not None and now <= last:
            now = last + timedelta(seconds=1)
        self._last_update[ticket_id] = now
        return now

    def create_ticket(self, *, requester_id: int, subject: str, description: str = "", priority: str | None = None,
                      status: str = "new", tags: Iterable[str] = (), group_id: int | None = None,
                      assignee_id: int | None = None, ticket_type: str | None = None,
                      custom_fields: Iterable[dict[str, Any]] = (), created_at: datetime | None = None,
                      via_id: int = 0, actor_id: int | None = None, user_agent: str = "sandbox",
                      metadata: dict[str, Any] | None = None, external_id: str | None = None,
                      due_at: str | None = None, comment_public: bool = True) -> dict[str, Any]:
        if priority not in PRIORITIES or status not in STATUSES:
            raise Invalid(f"invalid priority {priority!r} or status {status!r}")
        if ticket_type not in TYPES:
            raise Invalid(f"Type: {ticket_type!r} is not a valid ticket type")
        if external_id is not None and not isinstance(external_id, str):
            raise Invalid(f"External ID: {external_id!r} must be a string")
        due = None
        if due_at is not None:
            if ticket_type != "task":
                raise Invalid("Due date: only tickets of type task have a due date")
            try:
                due = stamp(parse_stamp(str(due_at)))
            except ValueError:
                raise Invalid(f"Due date: {due_at!r} is not an ISO 8601 time") from None
        with self.lock:
            if requester_id not in self.users:
                raise Invalid(f"requester {requester_id} does not exist")
            self._validate({"group_id": group_id} if group_id is not None else {})
            tid = self.next_id()
            created = (created_at or self.clock()).replace(microsecond=0)
            self._last_update[tid] = created
            requester = self.users[requester_id]
            ticket = {
                "id": tid, "url": self.url(f"tickets/{tid}.json"), "external_id": external_id,
                "via": copy.deepcopy(API_VIA if via_id == 5 else WEB_VIA), "created_at": stamp(created),
                "updated_at": stamp(created), "generated_timestamp": int(created.timestamp()), "type": ticket_type,
                "subject": subject, "raw_subject": subject, "description": description, "priority": priority,
                "status": status, "recipient": None, "requester_id": requester_id,
                "submitter_id": actor_id or requester_id, "assignee_id": assignee_id,
                "organization_id": requester.get("organization_id"), "group_id": group_id, "collaborator_ids": [],
                "follower_ids": [], "email_cc_ids": [], "forum_topic_id": None, "problem_id": None,
                "has_incidents": False, "is_public": comment_public, "due_at": due, "tags": _tags(tags),
                "custom_fields": [dict(f) for f in custom_fields], "satisfaction_rating": None,
                "sharing_agreement_ids": [], "followup_ids": [], "brand_id": 1, "allow_channelback": False,
                "allow_attachments": True, "from_messaging_channel": False,
            }
            self.tickets[tid] = ticket
            self.comments[tid] = []
            self.audits[tid] = []
            author = actor_id or requester_id
            comment = (self._add_comment(tid, description, author, comment_public, created, via_id) if description
                       else None)
            self._audit(tid, actor_id or requester_id, via_id, created, user_agent, metadata, [{"type": "Create"}])
            change = Change(tid, None, copy.deepcopy(ticket), actor_id or requester_id, via_id, comment, created)
            after = copy.deepcopy(ticket)
        self._notify(change)
        return after

    def ticket(self, ticket_id: int) -> dict[str, Any]:
        with self.lock:
            if ticket_id not in self.tickets:
                raise NotFound()
            return copy.deepcopy(self.tickets[ticket_id])

    def update_ticket(self, ticket_id: int, fields: dict[str, Any], *, actor_id: int | None = None, via_id: int = 0,
                      user_agent: str = "sandbox", metadata: dict[str, Any] | None = None
                      ) -> tuple[dict[str, Any], dict[str, Any]]:
        """Apply a Zendesk ticket update body; returns (ticket, audit). Raises Conflict on a stale safe update."""
        with self.lock:
            if ticket_id not in self.tickets:
                raise NotFound()
            ticket = self.tickets[ticket_id]
            before = copy.deepcopy(ticket)
            stale = str(fields.get("updated_stamp")) != ticket["updated_at"]
            if fields.get("safe_update") is not None and "updated_stamp" in fields and stale:
                raise Conflict()
            if ticket["status"] == "closed":
                raise Invalid("Status: closed prevents ticket update")
            self._validate(fields)
            events: list[dict[str, Any]] = []
            for key in ("priority", "status", "group_id", "assignee_id", "type", "subject", "organization_id"):
                if key in fields and fields[key] != ticket.get(key):
                    events.append({"type": "Change", "field_name": key, "value": fields[key],
                                   "previous_value": ticket.get(key)})
                    ticket[key] = fields[key]
            tags = list(ticket["tags"])
            if "tags" in fields:
                tags = _tags(fields["tags"])
            tags = [t for t in tags if t not in set(_tags(fields.get("remove_tags", [])))]
            tags = _tags([*tags, *_tags(fields.get("additional_tags", []))])
            if tags != ticket["tags"]:
                # Audit events carry tags as one space-separated string (the API's description allows no list).
                events.append({"type": "Change", "field_name": "tags", "value": " ".join(tags),
                               "previous_value": " ".join(ticket["tags"])})
                ticket["tags"] = tags
            if "custom_fields" in fields:
                known = {f["id"]: f for f in ticket["custom_fields"]}
                for item in fields["custom_fields"]:
                    known[int(item["id"])] = {"id": int(item["id"]), "value": item.get("value")}
                ticket["custom_fields"] = list(known.values())
            comment = None
            at = self._next_updated_at(ticket_id)
            if fields.get("comment"):
                given = fields["comment"]
                html_body = (clean(str(given["html_body"]), keep_html_comments=self.keep_html_comments)
                             if given.get("html_body") else None)
                # an HTML comment's `body` is its text [inferred: Zendesk documents body, html_body and plain_body
                # as three views of one comment, not how it derives the text]
                body = plain_text(html_body) if html_body is not None else str(given.get("body") or "")
                public = given.get("public", True)
                author = given.get("author_id") or actor_id
                comment = self._add_comment(ticket_id, body, author, bool(public), at, via_id, html_body=html_body,
                                            metadata=metadata)
                events.append({"type": "Comment", "id": comment["id"], "body": body, "public": bool(public),
                               "author_id": author})
            ticket["updated_at"] = stamp(at)
            ticket["generated_timestamp"] = int(at.timestamp())
            audit = self._audit(ticket_id, actor_id, via_id, at, user_agent, metadata, events)
            change = Change(ticket_id, before, copy.deepcopy(ticket), actor_id, via_id, comment, at)
            result = copy.deepcopy(ticket), copy.deepcopy(audit)
        self._notify(change)
        return result

    def _validate(self, fields: dict[str, Any]) -> None:
        """Zendesk's 422 for a body it understands but refuses; never a crash on a value of the wrong type."""
        if "priority" in fields and fields["priority"] not in PRIORITIES:
            raise Invalid(f"Priority: {fields['priority']!r} is not a valid priority")
        if "status" in fields and fields["status"] not in STATUSES:
            raise Invalid(f"Status: {fields['status']!r} is not a valid status")
        if "type" in fields and fields["type"] not in TYPES:
            raise Invalid(f"Type: {fields['type']!r} is not a valid ticket type")
        for key, what in (("group_id", "Group"), ("assignee_id", "Assignee")):
            value = fields.get(key)
            if value is None:
                continue
            if not isinstance(value, int) or isinstance(value, bool):
                raise Invalid(f"{what}: {value!r} is not an id")
            if key == "group_id" and value not in self.groups:
                raise Invalid(f"Group: {value} does not exist")
        for key in ("tags", "additional_tags", "remove_tags"):
            value = fields.get(key)
            if value is not None and not isinstance(value, str) and not (
                    isinstance(value, list) and all(isinstance(t, str) for t in value)):
                raise Invalid(f"Tags: {key} must be a list of tags")
        if "custom_fields" in fields and not (isinstance(fields["custom_fields"], list) and all(
                isinstance(f, dict) and isinstance(f.get("id"), int) for f in fields["custom_fields"])):
            raise Invalid("Custom fields: must be a list of {id, value}")
        comment = fields.get("comment")
        if comment is not None and not isinstance(comment, dict):
            raise Invalid("Comment: must be an object")
        if isinstance(comment, dict) and not isinstance(comment.get("public", True), bool):
            # "public": "no" is not a way of saying false: refuse it rather than post a public comment
            raise Invalid(f"Comment: public must be true or false, got {comment['public']!r}")

    def _add_comment(self, ticket_id: int, body: str, author_id: int | None, public: bool, at: datetime,
                     via_id: int, *, html_body: str | None = None, metadata: dict[str, Any] | None = None
                     ) -> dict[str, Any]:
        """A comment as Zendesk shows it: text in `body` and `plain_body`, HTML in `html_body` (the HTML it was sent
        as, cleaned, or the text wrapped as Zendesk wraps it), and the update's metadata in `metadata.custom` (as
        the update's audit has it; that the comment carries it too is inferred, see adapters/markers.py)."""
        comment = {"id": self.next_id(), "type": "Comment", "author_id": author_id, "body": body,
                   "html_body": html_body if html_body is not None
                   else f"<div class=\"zd-comment\"><p>{_escape(body)}</p></div>",
                   "plain_body": body, "public": public, "attachments": [], "audit_id": None,
                   "via": copy.deepcopy(API_VIA if via_id == 5 else WEB_VIA), "created_at": stamp(at),
                   "metadata": {"system": {}, "custom": copy.deepcopy(metadata or {})}}
        self.comments[ticket_id].append(comment)
        if not public and ticket_id in self.tickets:
            self.tickets[ticket_id]["is_public"] = any(c["public"] for c in self.comments[ticket_id])
        return copy.deepcopy(comment)

    def _audit(self, ticket_id: int, author_id: int | None, via_id: int, at: datetime, user_agent: str,
               metadata: dict[str, Any] | None, events: list[dict[str, Any]]) -> dict[str, Any]:
        audit = {"id": self.next_id(), "ticket_id": ticket_id, "created_at": stamp(at), "author_id": author_id,
                 "via": copy.deepcopy(API_VIA if via_id == 5 else WEB_VIA),
                 "metadata": {"system": {"client": user_agent, "ip_address": "127.0.0.1"},
                              "custom": copy.deepcopy(metadata or {})},
                 "events": [{"id": self.next_id(), **e} for e in events]}
        self.audits[ticket_id].append(audit)
        return audit

    def customer_view(self, ticket_id: int) -> list[str]:
        """Each public comment of the ticket as its customer reads it (the notification email, the Help Center):
        the text of its html_body, with no HTML comment, tag or attribute (adapters/sandbox/rendering.py)."""
        with self.lock:
            if ticket_id not in self.tickets:
                raise NotFound()
            return [as_customer_sees(c["html_body"]) for c in self.comments[ticket_id] if c["public"]]

    def add_comment(self, ticket_id: int, body: str, author_id: int, public: bool = True) -> dict[str, Any]:
        """An agent or customer writes on the ticket through the web UI."""
        ticket, _ = self.update_ticket(ticket_id, {"comment": {"body": body, "public": public,
                                                               "author_id": author_id}}, actor_id=author_id)
        return ticket

    def set_tags(self, ticket_id: int, tags: Iterable[str], *, actor_id: int | None = None, via_id: int = 5,
                 mode: str = "add") -> list[str]:
        current = self.ticket(ticket_id)["tags"]
        wanted = _tags(tags)
        if mode == "add":
            result = _tags([*current, *wanted])
        elif mode == "remove":
            result = [t for t in current if t not in wanted]
        else:
            result = wanted
        ticket, _ = self.update_ticket(ticket_id, {"tags": result}, actor_id=actor_id, via_id=via_id)
        return list(ticket["tags"])

    def rate(self, ticket_id: int, score: str, *, comment: str = "", at: datetime | None = None) -> dict[str, Any]:
        with self.lock:
            ticket = self.tickets[ticket_id]
            moment = stamp(at or self.clock())
            rating = {"id": self.next_id(), "url": self.url("satisfaction_ratings.json"), "assignee_id":
                      ticket["assignee_id"], "group_id": ticket["group_id"], "requester_id": ticket["requester_id"],
                      "ticket_id": ticket_id, "score": score, "comment": comment, "created_at": moment,
                      "updated_at": moment}
            self.ratings.append(rating)
            ticket["satisfaction_rating"] = {"score": score, "comment": comment, "id": rating["id"]}
            return copy.deepcopy(rating)

    # ---------------------------------------------------------------- jobs, webhooks, triggers

    def add_job(self, results: list[dict[str, Any]], delay: float, now: float) -> Job:
        with self.lock:
            job = Job(id=secrets.token_hex(12), total=len(results), results=results, created=now,
                      ready_after=now + delay)
            self.jobs[job.id] = job
            while len(self.jobs) > 100:  # Zendesk keeps the last 100 jobs
                self.jobs.pop(next(iter(self.jobs)))
            return job

    def add_webhook(self, data: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            wid = "01" + secrets.token_hex(12).upper()
            now = stamp(self.clock())
            webhook = {"id": wid, "name": data.get("name", "webhook"), "status": data.get("status", "active"),
                       "endpoint": data["endpoint"], "http_method": data.get("http_method", "POST"),
                       "request_format": data.get("request_format", "json"),
                       "subscriptions": list(data.get("subscriptions", ["conditional_ticket_events"])),
                       "created_at": now, "created_by": "1", "updated_at": now, "updated_by": "1"}
            if data.get("authentication"):
                webhook["authentication"] = data["authentication"]
            self.webhooks[wid] = webhook
            self.signing_secrets[wid] = (data.get("signing_secret") or {}).get("secret") or secrets.token_urlsafe(32)
            return copy.deepcopy(webhook)

    def add_trigger(self, data: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            tid = self.next_id()
            now = stamp(self.clock())
            trigger = {"id": tid, "url": self.url(f"triggers/{tid}.json"), "title": data.get("title", "trigger"),
                       "active": data.get("active", True), "position": len(self.triggers) + 1,
                       "conditions": data.get("conditions", {"all": [], "any": []}),
                       "actions": data.get("actions", []), "description": data.get("description"),
                       "created_at": now, "updated_at": now, "raw_title": data.get("title", "trigger"),
                       "category_id": data.get("category_id", "1"), "default": False}
            self.triggers[tid] = trigger
            return copy.deepcopy(trigger)

    # ---------------------------------------------------------------- SLA policies and schedules

    def add_sla_policy(self, title: str, *, filter: dict[str, Any] | None = None,
                       policy_metrics: Iterable[dict[str, Any]] = (), description: str = "",
                       position: int | None = None) -> dict[str, Any]:
        """An SLA policy as Zendesk's SLA Policies API shows it (SLAPolicyObject); without a position it goes last."""
        with self.lock:
            pid = self.next_id()
            now = stamp(self.clock())
            policy = {"id": pid, "url": self.url(f"slas/policies/{pid}.json"), "title": title,
                      "description": description,
                      "position": position if position is not None else len(self.sla_policies) + 1,
                      "filter": {"all": list((filter or {}).get("all", [])),
                                 "any": list((filter or {}).get("any", []))},
                      "policy_metrics": [dict(m) for m in policy_metrics], "created_at": now, "updated_at": now}
            self.sla_policies[pid] = policy
            return copy.deepcopy(policy)

    def add_schedule(self, name: str, time_zone: str, intervals: Iterable[dict[str, int]]) -> dict[str, Any]:
        """A business-hours schedule: intervals in minutes from Sunday 00:00, none spanning two days."""
        items = [{"start_time": int(i["start_time"]), "end_time": int(i["end_time"])} for i in intervals]
        for item in items:
            day = item["start_time"] // 1440
            if not 0 <= item["start_time"] < item["end_time"] <= (day + 1) * 1440 <= 7 * 1440:
                raise Invalid(f"Intervals: {item} must lie within one day of the week")
        with self.lock:
            sid = self.next_id()
            now = stamp(self.clock())
            schedule = {"id": sid, "name": name, "time_zone": time_zone, "intervals": items, "created_at": now,
                        "updated_at": now}
            self.schedules[sid] = schedule
            self.holidays[sid] = []
            return copy.deepcopy(schedule)

    def add_holiday(self, schedule_id: int, name: str, start_date: str, end_date: str | None = None
                    ) -> dict[str, Any]:
        with self.lock:
            if schedule_id not in self.schedules:
                raise NotFound()
            holiday = {"id": self.next_id(), "name": name, "start_date": start_date, "end_date": end_date or start_date}
            self.holidays[schedule_id].append(holiday)
            return copy.deepcopy(holiday)

    # ---------------------------------------------------------------- listeners

    def _notify(self, change: Change) -> None:
        for listener in list(self.listeners):
            listener(change)


def _tags(values: Iterable[str] | str) -> list[str]:
    items = values.split() if isinstance(values, str) else list(values)
    seen: dict[str, None] = {}
    for item in items:
        tag = str(item).strip().lower()
        if tag:
            seen.setdefault(tag, None)
    return list(seen)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
