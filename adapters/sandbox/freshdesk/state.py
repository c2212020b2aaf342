"""The Freshdesk sandbox's in-memory helpdesk: contacts, agents, companies, groups, tickets with their conversations
and stats, satisfaction ratings, SLA policies, business hours and automation rules, shaped like Freshdesk's JSON
(numeric ids, status/priority/source codes, UTC `YYYY-MM-DDTHH:MM:SSZ` times).

Every change to a ticket produces a `Change` (who made it: an agent, the requester or the system) that the listeners
(the webhook rules) receive once the lock is released. A ticket's `updated_at` strictly increases, one second at least
per change, as the adapter compares it to refuse overwriting a newer ticket. `due_by` and `fr_due_by` follow the SLA
policies (sla.py) and are worked out again when the priority, group, company, source or type changes.
"""

from __future__ import annotations

import copy
import itertools
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from adapters.sandbox.freshdesk.errors import Invalid, NotFound
from adapters.sandbox.freshdesk.fields import (
    CREATE_FIELDS,
    STATUS_NAMES,
    UPDATE_FIELDS,
    check_ticket_fields,
    clean_tags,
    text_of,
)
from adapters.sandbox.freshdesk.policies import check_sla_policy
from adapters.sandbox.freshdesk.rules import check_rule
from adapters.sandbox.freshdesk.sla import DAYS, clock_minutes, due_times
from adapters.sandbox.rendering import as_customer_sees, clean

SLA_FIELDS = ("priority", "group_id", "company_id", "source", "type", "product_id")
AUTOMATION_TYPES = (1, 3, 4)  # ticket creation, hourly triggers, ticket updates


def stamp(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_stamp(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclass(frozen=True)
class Change:
    """One change to one ticket, as automation rules see it."""

    ticket_id: int
    before: dict[str, Any] | None  # None when the ticket was created
    after: dict[str, Any]
    performer: str  # "agent", "requester" or "system"
    performer_id: int | None
    conversation: dict[str, Any] | None  # the note or reply added, if any ("kind": note, reply or incoming)
    at: datetime


@dataclass
class FreshdeskState:
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    domain: str = "sandbox"
    list_page_cap: int = 300  # List All Tickets refuses pages past this (Freshdesk: 300 pages of 100)
    search_lag: float = 0.0  # seconds before a change shows in /search/tickets (Freshdesk's index lags minutes)
    # Freshdesk cleans a note's or reply's HTML with an allow-list sanitizer that drops HTML comments [inferred:
    # adapters/sandbox/rendering.py]; True keeps them, to run a test both ways
    keep_html_comments: bool = False

    def __post_init__(self) -> None:
        self.lock = threading.RLock()
        self._ids = itertools.count(1001)
        self._ticket_ids = itertools.count(1)
        self.statuses: dict[int, str] = dict(STATUS_NAMES)
        self.contacts: dict[int, dict[str, Any]] = {}
        self.agents: dict[int, dict[str, Any]] = {}
        self.companies: dict[int, dict[str, Any]] = {}
        self.groups: dict[int, dict[str, Any]] = {}
        self.tickets: dict[int, dict[str, Any]] = {}
        self.conversations: dict[int, list[dict[str, Any]]] = {}
        self.stats: dict[int, dict[str, Any]] = {}
        self.ratings: list[dict[str, Any]] = []
        self.sla_policies: dict[int, dict[str, Any]] = {}
        self.business_hours: dict[int, dict[str, Any]] = {}
        self.rules: dict[int, dict[int, dict[str, Any]]] = {t: {} for t in AUTOMATION_TYPES}
        self.listeners: list[Callable[[Change], None]] = []
        self._indexed_at: dict[int, float] = {}

    def next_id(self) -> int:
        return next(self._ids)

    def now(self) -> str:
        return str(stamp(self.clock()))

    # ---------------------------------------------------------------- account

    def add_company(self, name: str, *, account_tier: str | None = None, custom_fields: dict[str, Any] | None = None,
                    domains: Iterable[str] = (), health_score: str | None = None, industry: str | None = None,
                    description: str | None = None) -> dict[str, Any]:
        with self.lock:
            cid, now = self.next_id(), self.now()
            self.companies[cid] = {
                "id": cid, "name": name, "description": description, "domains": list(domains), "note": None,
                "custom_fields": dict(custom_fields or {}), "created_at": now, "updated_at": now,
                "health_score": health_score, "account_tier": account_tier, "renewal_date": None,
                "industry": industry}
            return copy.deepcopy(self.companies[cid])

    def add_contact(self, name: str, email: str | None = None, *, company_id: int | None = None,
                    tags: Iterable[str] = (), custom_fields: dict[str, Any] | None = None, language: str = "en",
                    phone: str | None = None, time_zone: str = "Eastern Time (US & Canada)",
                    unique_external_id: str | None = None) -> dict[str, Any]:
        with self.lock:
            if company_id is not None and company_id not in self.companies:
                raise Invalid("company_id", "There is no company matching the given company_id")
            uid, now = self.next_id(), self.now()
            self.contacts[uid] = {
                "active": True, "address": None, "company_id": company_id, "view_all_tickets": False,
                "description": None, "email": email, "id": uid, "job_title": None, "language": language,
                "mobile": None, "name": name, "phone": phone, "time_zone": time_zone, "twitter_id": None,
                "other_emails": [], "other_companies": [], "created_at": now, "updated_at": now,
                "custom_fields": dict(custom_fields or {}), "tags": list(tags),
                "unique_external_id": unique_external_id}
            return copy.deepcopy(self.contacts[uid])

    def add_agent(self, name: str, email: str, *, group_ids: Iterable[int] = ()) -> dict[str, Any]:
        with self.lock:
            uid, now = self.next_id(), self.now()
            self.agents[uid] = {
                "available": True, "occasional": False, "signature": None, "group_ids": list(group_ids),
                "role_ids": [1], "skill_ids": [], "id": uid, "ticket_scope": 1, "created_at": now,
                "updated_at": now, "available_since": None, "type": "support_agent",
                "contact": {"active": True, "email": email, "job_title": None, "language": "en",
                            "last_login_at": None, "mobile": None, "name": name, "phone": None,
                            "time_zone": "Eastern Time (US & Canada)", "created_at": now, "updated_at": now}}
            return copy.deepcopy(self.agents[uid])

    def add_group(self, name: str, *, business_hour_id: int | None = None, agent_ids: Iterable[int] = (),
                  description: str = "") -> dict[str, Any]:
        with self.lock:
            if business_hour_id is not None and business_hour_id not in self.business_hours:
                raise Invalid("business_hour_id", "There is no business hour matching the given business_hour_id")
            gid, now = self.next_id(), self.now()
            self.groups[gid] = {
                "id": gid, "name": name, "description": description, "business_hour_id": business_hour_id,
                "escalate_to": None, "unassigned_for": "30m", "auto_ticket_assign": 0, "agent_ids": list(agent_ids),
                "created_at": now, "updated_at": now}
            return copy.deepcopy(self.groups[gid])

    def add_business_hours(self, name: str, time_zone: str, days: Mapping[str, tuple[str, str]], *,
                           is_default: bool = False, description: str = "") -> dict[str, Any]:
        """`days`: {"monday": ("09:00:00 am", "05:00:00 pm"), ...}; a day left out is closed."""
        for day, (start, end) in days.items():
            if day not in DAYS or clock_minutes(start) >= clock_minutes(end):
                raise Invalid("business_hours", f"{day}: {start} to {end} is not an opening time")
        with self.lock:
            bid, now = self.next_id(), self.now()
            if is_default:
                for other in self.business_hours.values():
                    other["is_default"] = False
            self.business_hours[bid] = {
                "id": bid, "name": name, "description": description or name, "time_zone": time_zone,
                "is_default": is_default,
                "business_hours": {d: {"start_time": s, "end_time": e} for d, (s, e) in days.items()},
                "created_at": now, "updated_at": now}
            return copy.deepcopy(self.business_hours[bid])

    def add_sla_policy(self, data: Mapping[str, Any]) -> dict[str, Any]:
        check_sla_policy(data, default_exists=any(p["is_default"] for p in self.sla_policies.values()))
        with self.lock:
            pid, now = self.next_id(), self.now()
            position = data.get("position") or len(self.sla_policies) + 1
            self.sla_policies[pid] = {
                "id": pid, "name": data["name"], "description": data.get("description") or "",
                "active": data.get("active", True), "is_default": bool(data.get("is_default", False)),
                "position": position, "sla_target": copy.deepcopy(data["sla_target"]),
                "applicable_to": copy.deepcopy(data.get("applicable_to") or {}),
                "escalation": copy.deepcopy(data.get("escalation") or {}), "created_at": now, "updated_at": now}
            return copy.deepcopy(self.sla_policies[pid])

    def update_sla_policy(self, policy_id: int, data: Mapping[str, Any]) -> dict[str, Any]:
        with self.lock:
            policy = self.sla_policies.get(policy_id)
            if policy is None:
                raise NotFound()
            merged = {**policy, **data}
            check_sla_policy(merged, default_exists=False, updating=True)
            policy.update({k: copy.deepcopy(v) for k, v in data.items() if k in (
                "name", "description", "active", "position", "sla_target", "applicable_to", "escalation")})
            policy["updated_at"] = self.now()
            return copy.deepcopy(policy)

    # ---------------------------------------------------------------- automation rules

    def add_rule(self, automation_type: int, data: Mapping[str, Any]) -> dict[str, Any]:
        check_rule(automation_type, data)
        with self.lock:
            rid, now = self.next_id(), self.now()
            rule = {"id": rid, "automation_type_id": automation_type, "active": True, "position": 1,
                    **copy.deepcopy(dict(data)), "outdated": False, "last_updated_by": None,
                    "created_at": now, "updated_at": now}
            rule["id"], rule["automation_type_id"] = rid, automation_type
            self.rules[automation_type][rid] = rule
            return copy.deepcopy(rule)

    def update_rule(self, automation_type: int, rule_id: int, data: Mapping[str, Any]) -> dict[str, Any]:
        with self.lock:
            rule = self.rules[automation_type].get(rule_id)
            if rule is None:
                raise NotFound()
            merged = {k: v for k, v in {**rule, **data}.items() if k not in ("id", "automation_type_id",
                                                                            "created_at", "updated_at", "outdated",
                                                                            "last_updated_by")}
            check_rule(automation_type, merged)
            rule.update(copy.deepcopy(dict(data)))
            rule["id"], rule["automation_type_id"], rule["updated_at"] = rule_id, automation_type, self.now()
            return copy.deepcopy(rule)

    # ---------------------------------------------------------------- people

    def person(self, user_id: int) -> dict[str, Any]:
        """A contact, or an agent seen as a contact (an agent can be a ticket's requester)."""
        with self.lock:
            if user_id in self.contacts:
                return copy.deepcopy(self.contacts[user_id])
            if user_id in self.agents:
                agent = self.agents[user_id]
                return {"id": user_id, "company_id": None, "custom_fields": {}, "tags": [], **agent["contact"]}
            raise NotFound()

    def user_by_email(self, email: str) -> int | None:
        wanted = email.strip().lower()
        for contact in self.contacts.values():
            if (contact.get("email") or "").lower() == wanted:
                return int(contact["id"])
        for agent in self.agents.values():
            if agent["contact"]["email"].lower() == wanted:
                return int(agent["id"])
        return None

    def _exists(self, field_name: str, value: int) -> bool:
        where: dict[str, Mapping[int, Any]] = {
            "requester_id": {**self.contacts, **self.agents}, "responder_id": self.agents,
            "internal_agent_id": self.agents, "group_id": self.groups, "internal_group_id": self.groups,
            "company_id": self.companies, "parent_id": self.tickets}
        return value in where[field_name] if field_name in where else True

    # ---------------------------------------------------------------- tickets

    def ticket(self, ticket_id: int) -> dict[str, Any]:
        with self.lock:
            found = self.tickets.get(ticket_id)
            if found is None or found.get("deleted"):
                raise NotFound()
            return copy.deepcopy(found)

    def searchable(self, ticket_id: int) -> bool:
        return time.monotonic() >= self._indexed_at.get(ticket_id, 0.0)

    def _touch(self, ticket: dict[str, Any]) -> datetime:
        """The next updated_at: now, or one second after the last one when the clock has not moved past it."""
        now = self.clock().astimezone(UTC).replace(microsecond=0)
        last = parse_stamp(ticket["updated_at"]) if ticket.get("updated_at") else None
        if last is not None and now <= last:
            now = last + timedelta(seconds=1)
        ticket["updated_at"] = stamp(now)
        self._indexed_at[int(ticket["id"])] = time.monotonic() + self.search_lag
        return now

    def _set_due(self, ticket: dict[str, Any]) -> None:
        first, resolution = due_times(ticket, self.sla_policies.values(), self.groups, self.business_hours)
        ticket["fr_due_by"], ticket["due_by"] = stamp(first), stamp(resolution)

    def create_ticket(self, data: Mapping[str, Any], *, performer: str = "requester", performer_id: int | None = None,
                      created_at: datetime | None = None) -> dict[str, Any]:
        """A ticket from a body as `POST /api/v2/tickets` takes it (requester_id, or email: a contact is created for
        an address nobody has). The performer is who filed it: the requester (portal, e-mail) or an agent (API)."""
        with self.lock:
            check_ticket_fields(data, CREATE_FIELDS, self.statuses, self._exists, updating=False)
            requester_id = self._requester(data)
            parent = self.tickets.get(int(data["parent_id"])) if data.get("parent_id") else None
            if parent is not None and parent.get("association_type") == 2:
                raise Invalid("parent_id", "A child ticket cannot be the parent of another ticket")
            tid = next(self._ticket_ids)
            created = (created_at or self.clock()).astimezone(UTC).replace(microsecond=0)
            description = str(data.get("description") or "")
            company = data.get("company_id") or self.person(requester_id).get("company_id")
            ticket: dict[str, Any] = {
                "cc_emails": list(data.get("cc_emails") or []), "fwd_emails": [], "reply_cc_emails": [],
                "ticket_cc_emails": [], "fr_escalated": False, "spam": False, "email_config_id": None,
                "group_id": data.get("group_id"), "priority": data.get("priority", 1), "requester_id": requester_id,
                "responder_id": data.get("responder_id"), "source": data.get("source", 2), "company_id": company,
                "status": data.get("status", 2), "subject": data.get("subject") or "", "association_type": None,
                "support_email": None, "to_emails": None, "product_id": data.get("product_id"), "id": tid,
                "type": data.get("type"), "due_by": None, "fr_due_by": None, "is_escalated": False,
                "description": description if description.lstrip().startswith("<") else f"<div>{description}</div>",
                "description_text": text_of(description), "custom_fields": dict(data.get("custom_fields") or {}),
                "created_at": stamp(created), "updated_at": None, "tags": clean_tags(list(data.get("tags") or [])),
                "attachments": []}
            self._touch(ticket)
            if created_at is not None:
                ticket["updated_at"] = stamp(created)
            self._set_due(ticket)
            self.tickets[tid] = ticket
            self.conversations[tid] = []
            self.stats[tid] = {"first_responded_at": None, "resolved_at": None, "closed_at": None,
                               "status_updated_at": stamp(created)}
            self._status_stats(tid, None, ticket["status"], created)
            if parent is not None:
                ticket["association_type"], ticket["associated_tickets_list"] = 2, [parent["id"]]
                parent["association_type"] = 1
                parent.setdefault("associated_tickets_list", []).append(tid)
            change = Change(tid, None, copy.deepcopy(ticket), performer, performer_id or requester_id, None, created)
        self._emit(change)
        return copy.deepcopy(ticket)

    def _requester(self, data: Mapping[str, Any]) -> int:
        if data.get("requester_id") is not None:
            return int(data["requester_id"])
        if data.get("email"):
            found = self.user_by_email(str(data["email"]))
            if found is not None:
                return found
            return int(self.add_contact(str(data.get("name") or data["email"]), str(data["email"]))["id"])
        raise Invalid("requester_id", "Please fill at least 1 of requester_id, phone, email, twitter_id, "
                                      "facebook_id, unique_external_id attributes", "missing_field")

    def update_ticket(self, ticket_id: int, data: Mapping[str, Any], *, performer: str = "agent",
                      performer_id: int | None = None) -> dict[str, Any]:
        """`PUT /api/v2/tickets/{id}`: the fields given replace the ticket's (tags as a whole list; custom fields
        one by one)."""
        with self.lock:
            ticket = self.tickets.get(ticket_id)
            if ticket is None or ticket.get("deleted"):
                raise NotFound()
            check_ticket_fields(data, UPDATE_FIELDS, self.statuses, self._exists, updating=True)
            if data.get("status") in (4, 5) and ticket.get("association_type") == 1 and any(
                    self.tickets[c]["status"] not in (4, 5) for c in ticket.get("associated_tickets_list") or []
                    if c in self.tickets and not self.tickets[c].get("deleted")):
                raise Invalid("status", "The parent ticket cannot be resolved or closed while a child ticket is "
                                        "open", "unresolved_child")
            before = copy.deepcopy(ticket)
            for key, value in data.items():
                if key == "tags":
                    ticket["tags"] = clean_tags(value)
                elif key == "custom_fields":
                    ticket["custom_fields"].update(value)
                elif key == "description":
                    ticket["description"], ticket["description_text"] = value, text_of(value)
                elif key in ticket:
                    ticket[key] = value
            at = self._touch(ticket)
            if any(before.get(k) != ticket.get(k) for k in SLA_FIELDS):
                self._set_due(ticket)
            self._status_stats(ticket_id, before["status"], ticket["status"], at)
            change = Change(ticket_id, before, copy.deepcopy(ticket), performer, performer_id, None, at)
        self._emit(change)
        return copy.deepcopy(ticket)

    def _status_stats(self, ticket_id: int, old: int | None, new: int, at: datetime) -> None:
        if old == new:
            return
        stats = self.stats[ticket_id]
        stats["status_updated_at"] = stamp(at)
        if new == 4:
            stats["resolved_at"] = stamp(at)
        if new == 5:
            stats["closed_at"] = stamp(at)
            stats["resolved_at"] = stats["resolved_at"] or stamp(at)

    # ---------------------------------------------------------------- conversations

    def add_conversation(self, ticket_id: int, body: str, *, kind: str, user_id: int | None, private: bool = False,
                         performer: str = "agent", notify_emails: Iterable[str] = (),
                         at: datetime | None = None) -> dict[str, Any]:
        """A note (private or public), an agent's reply or the customer's reply ("incoming"). A customer's reply to
        a pending or resolved ticket opens it again, as Freshdesk does."""
        with self.lock:
            ticket = self.tickets.get(ticket_id)
            if ticket is None or ticket.get("deleted"):
                raise NotFound()
            before = copy.deepcopy(ticket)
            moment = self._touch(ticket)
            cid, when = self.next_id(), stamp(at or moment)
            requester = self.person(int(ticket["requester_id"]))
            body = clean(body, keep_html_comments=self.keep_html_comments)
            conversation = {
                "body_text": text_of(body), "body": body, "id": cid, "incoming": kind == "incoming",
                "private": private if kind == "note" else False, "user_id": user_id, "support_email": None,
                "source": 2 if kind == "note" else 0, "category": 2 if kind == "note" else 3, "ticket_id": ticket_id,
                "to_emails": [requester.get("email")] if kind == "reply" else [], "from_email": None,
                "cc_emails": [], "bcc_emails": [], "notified_to": list(notify_emails), "attachments": [],
                "created_at": when, "updated_at": when, "last_edited_at": None, "last_edited_user_id": None}
            self.conversations[ticket_id].append(conversation)
            if kind == "reply" and self.stats[ticket_id]["first_responded_at"] is None:
                self.stats[ticket_id]["first_responded_at"] = when
            if kind == "incoming" and ticket["status"] in (3, 4):
                ticket["status"] = 2
                self._status_stats(ticket_id, before["status"], 2, moment)
            change = Change(ticket_id, before, copy.deepcopy(ticket), performer, user_id,
                            {**conversation, "kind": kind}, moment)
        self._emit(change)
        return copy.deepcopy(conversation)

    def customer_view(self, ticket_id: int) -> list[str]:
        """Each conversation of the ticket its customer can read (every one not private: replies, public notes,
        their own messages) as they read it in the email and on the portal: the text of its HTML `body`, with no
        HTML comment, tag or attribute (adapters/sandbox/rendering.py)."""
        with self.lock:
            if ticket_id not in self.tickets:
                raise NotFound()
            return [as_customer_sees(c["body"]) for c in self.conversations[ticket_id] if not c["private"]]

    def customer_reply(self, ticket_id: int, body: str) -> dict[str, Any]:
        """The requester answers (by e-mail or the portal)."""
        requester = int(self.ticket(ticket_id)["requester_id"])
        return self.add_conversation(ticket_id, f"<div>{body}</div>", kind="incoming", user_id=requester,
                                     performer="requester")

    def add_rating(self, ticket_id: int, default_question: int, *, feedback: str = "",
                   at: datetime | None = None, **more: int) -> dict[str, Any]:
        ticket = self.ticket(ticket_id)
        with self.lock:
            when = stamp(at or self.clock())
            rating = {"id": self.next_id(), "survey_id": 1, "user_id": ticket["requester_id"],
                      "agent_id": ticket["responder_id"], "feedback": feedback, "group_id": ticket["group_id"],
                      "ticket_id": ticket_id, "ratings": {"default_question": default_question, **more},
                      "created_at": when, "updated_at": when}
            self.ratings.append(rating)
            return copy.deepcopy(rating)

    def _emit(self, change: Change) -> None:
        for listener in list(self.listeners):
            listener(change)
