"""Domain values to and from JSON for the store: events in the inbox, decisions in write intents, clocks."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from plugin.domain import (
    ClockKind,
    ClockState,
    ClockStatus,
    Comment,
    Decision,
    EscalationEntry,
    EventKind,
    Notification,
    Priority,
    Reason,
    Sentiment,
    SlaBasis,
    Status,
    TaskTicket,
    Ticket,
    TicketChanges,
    TicketEvent,
    TicketSnapshot,
    WorkflowState,
)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _dt(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else None


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def event_to_json(event: TicketEvent) -> dict[str, Any]:
    return {
        "platform": event.platform, "delivery_id": event.delivery_id, "ticket_id": event.ticket_id,
        "kind": event.kind.value, "occurred_at": _iso(event.occurred_at), "actor_id": event.actor_id,
        "changes": _jsonable(dict(event.changes)), "raw_type": event.raw_type, "from_us": event.from_us,
        "status": event.status.value if event.status else None,
        "ticket_updated_at": _iso(event.ticket_updated_at),
        "priority": event.priority.name.lower() if event.priority else None,
        **({"snapshot": snapshot_to_json(event.snapshot)} if event.snapshot is not None else {}),
        **({"comment": comment_to_json(event.comment)} if event.comment is not None else {}),
        **({"requester_id": event.requester_id} if event.requester_id is not None else {}),
    }


def event_from_json(data: dict[str, Any]) -> TicketEvent:
    return TicketEvent(
        platform=data["platform"], delivery_id=data["delivery_id"], ticket_id=data["ticket_id"],
        kind=EventKind(data.get("kind", "other")), occurred_at=_dt(data.get("occurred_at")),
        actor_id=data.get("actor_id"), changes=data.get("changes") or {}, raw_type=data.get("raw_type", ""),
        from_us=bool(data.get("from_us")), status=Status(data["status"]) if data.get("status") else None,
        ticket_updated_at=_dt(data.get("ticket_updated_at")),
        priority=_priority(data.get("priority")),
        snapshot=snapshot_from_json(data["snapshot"]) if isinstance(data.get("snapshot"), dict) else None,
        comment=comment_from_json(data["comment"]) if isinstance(data.get("comment"), dict) else None,
        requester_id=data.get("requester_id") if isinstance(data.get("requester_id"), str) else None,
    )


def snapshot_to_json(snapshot: TicketSnapshot) -> dict[str, Any]:
    return {"updated_at": snapshot.updated_at.isoformat(), "version": snapshot.version,
            "status": snapshot.status.value, "raw_status": snapshot.raw_status, "subject": snapshot.subject,
            "description": snapshot.description,
            "priority": snapshot.priority.name.lower() if snapshot.priority else None,
            "tags": sorted(snapshot.tags), "group_id": snapshot.group_id, "assignee_id": snapshot.assignee_id,
            "requester_id": snapshot.requester_id, "organization_id": snapshot.organization_id,
            "ticket_type": snapshot.ticket_type}


def snapshot_from_json(data: dict[str, Any]) -> TicketSnapshot:
    return TicketSnapshot(
        updated_at=datetime.fromisoformat(data["updated_at"]), version=data["version"],
        status=Status(data["status"]), raw_status=data.get("raw_status"), subject=data.get("subject") or "",
        description=data.get("description") or "", priority=_priority(data.get("priority")),
        tags=frozenset(data.get("tags") or ()), group_id=data.get("group_id"), assignee_id=data.get("assignee_id"),
        requester_id=data.get("requester_id"), organization_id=data.get("organization_id"),
        ticket_type=data.get("ticket_type"))


def comment_to_json(comment: Comment) -> dict[str, Any]:
    return {"id": comment.id, "body": comment.body, "public": comment.public,
            "created_at": comment.created_at.isoformat(), "author_id": comment.author_id,
            "by_agent": comment.by_agent, "attachments": list(comment.attachments)}


def comment_from_json(data: dict[str, Any]) -> Comment:
    return Comment(id=str(data["id"]), body=data.get("body") or "", public=bool(data.get("public", True)),
                   created_at=datetime.fromisoformat(data["created_at"]), author_id=data.get("author_id"),
                   by_agent=bool(data.get("by_agent")), attachments=tuple(data.get("attachments") or ()))


def ticket_to_json(ticket: Ticket) -> dict[str, Any]:
    """A ticket whole, comments and custom fields included, as the store keeps it (plugin/kept.py)."""
    return {"platform": ticket.platform, "id": ticket.id, "subject": ticket.subject, "status": ticket.status.value,
            "created_at": ticket.created_at.isoformat(), "updated_at": ticket.updated_at.isoformat(),
            "priority": ticket.priority.name.lower() if ticket.priority else None, "tags": sorted(ticket.tags),
            "description": ticket.description, "group_id": ticket.group_id, "assignee_id": ticket.assignee_id,
            "requester_id": ticket.requester_id, "organization_id": ticket.organization_id,
            "ticket_type": ticket.ticket_type, "channel": ticket.channel, "locale": ticket.locale, "url": ticket.url,
            "raw_status": ticket.raw_status, "custom_fields": _jsonable(dict(ticket.custom_fields)),
            "comments": [comment_to_json(c) for c in ticket.comments], "version": ticket.version,
            "comments_loaded": ticket.comments_loaded,
            "known_first_reply_at": _iso(ticket.known_first_reply_at)}


def ticket_from_json(data: dict[str, Any]) -> Ticket:
    return Ticket(
        platform=data["platform"], id=data["id"], subject=data.get("subject") or "", status=Status(data["status"]),
        created_at=datetime.fromisoformat(data["created_at"]), updated_at=datetime.fromisoformat(data["updated_at"]),
        priority=_priority(data.get("priority")), tags=frozenset(data.get("tags") or ()),
        description=data.get("description") or "", group_id=data.get("group_id"),
        assignee_id=data.get("assignee_id"), requester_id=data.get("requester_id"),
        organization_id=data.get("organization_id"), ticket_type=data.get("ticket_type"),
        channel=data.get("channel"), locale=data.get("locale"), url=data.get("url"),
        raw_status=data.get("raw_status"), custom_fields=data.get("custom_fields") or {},
        comments=tuple(comment_from_json(c) for c in data.get("comments") or ()), version=data.get("version"),
        comments_loaded=bool(data.get("comments_loaded", True)),
        known_first_reply_at=_dt(data.get("known_first_reply_at")))


def changes_to_json(changes: TicketChanges) -> dict[str, Any]:
    return {
        "priority": changes.priority.name.lower() if changes.priority else None,
        "add_tags": sorted(changes.add_tags), "remove_tags": sorted(changes.remove_tags),
        "group_id": changes.group_id, "assignee_id": changes.assignee_id, "clear_assignee": changes.clear_assignee,
        "status": changes.status.value if changes.status else None,
        "internal_note": changes.internal_note, "public_reply": changes.public_reply,
        "task": None if changes.task is None else {
            "tier": changes.task.tier, "group_id": changes.task.group_id,
            "priority": changes.task.priority.name.lower(), "subject": changes.task.subject,
            "body": changes.task.body, "due_at": _iso(changes.task.due_at), "tags": sorted(changes.task.tags)},
    }


def _priority(value: Any) -> Priority | None:
    return Priority[value.upper()] if isinstance(value, str) and value else None


def changes_from_json(data: dict[str, Any]) -> TicketChanges:
    task = data.get("task")
    return TicketChanges(
        priority=_priority(data.get("priority")), add_tags=frozenset(data.get("add_tags") or ()),
        remove_tags=frozenset(data.get("remove_tags") or ()), group_id=data.get("group_id"),
        assignee_id=data.get("assignee_id"), clear_assignee=bool(data.get("clear_assignee")),
        status=Status(data["status"]) if data.get("status") else None, internal_note=data.get("internal_note"),
        public_reply=data.get("public_reply"),
        task=None if not task else TaskTicket(
            tier=int(task["tier"]), group_id=task.get("group_id"),
            priority=_priority(task["priority"]) or Priority.HIGH,
            subject=task.get("subject") or "", body=task.get("body") or "", due_at=_dt(task.get("due_at")),
            tags=frozenset(task.get("tags") or ())),
    )


def decision_to_json(decision: Decision) -> dict[str, Any]:
    """The whole decision, as a write intent keeps it: what to write, and what to record and send once it landed."""
    return {
        **changes_to_json(decision.changes), "at": decision.at.isoformat(), "fired": sorted(decision.fired),
        "tier": decision.tier, "sentiment": decision.sentiment.value,
        "decided_priority": decision.priority.name.lower() if decision.priority else None,
        "workflow_state": decision.workflow_state.value if decision.workflow_state else None,
        "next_check_at": _iso(decision.next_check_at),
        "escalations": [{"at": e.at.isoformat(), "from_tier": e.from_tier, "to_tier": e.to_tier, "rule": e.rule,
                         "reason": e.reason, "figures": _jsonable(dict(e.figures)), "actor": e.actor, "note": e.note}
                        for e in decision.escalations],
        "notifications": [{"role": n.role, "kind": n.kind, "ticket_id": n.ticket_id, "dedupe_key": n.dedupe_key,
                           "title": n.title, "body": n.body, "urgent": n.urgent, "schedule": n.schedule}
                          for n in decision.notifications],
        "sla_basis": None if decision.sla_basis is None else {
            "at": decision.sla_basis.at.isoformat(), "policy": decision.sla_basis.policy,
            "priority": decision.sla_basis.priority.name.lower(), "schedule": decision.sla_basis.schedule},
        "reasons": [{"rule": r.rule, "summary": r.summary, "figures": _jsonable(dict(r.figures)), "key": r.key}
                    for r in decision.reasons],
        "clocks": [clock_to_json(c) for c in decision.clocks],
    }


def decision_from_json(ticket_id: str, decided_at: datetime, data: dict[str, Any]) -> Decision:
    """A decision as `decision_to_json` kept it (older records lack what they did not keep)."""
    return Decision(
        ticket_id=ticket_id, at=_dt(data.get("at")) or decided_at, changes=changes_from_json(data),
        fired=frozenset(data.get("fired") or ()), tier=int(data.get("tier") or 1),
        sentiment=Sentiment(data.get("sentiment") or "calm"), priority=_priority(data.get("decided_priority")),
        workflow_state=WorkflowState(data["workflow_state"]) if data.get("workflow_state") else None,
        next_check_at=_dt(data.get("next_check_at")),
        escalations=tuple(EscalationEntry(ticket_id=ticket_id, at=datetime.fromisoformat(e["at"]),
                                          from_tier=e["from_tier"], to_tier=e["to_tier"], rule=e["rule"],
                                          reason=e["reason"], figures=e["figures"], actor=e["actor"], note=e["note"])
                          for e in data.get("escalations") or ()),
        notifications=tuple(Notification(role=n["role"], kind=n["kind"], ticket_id=n["ticket_id"],
                                         dedupe_key=n["dedupe_key"], title=n["title"], body=n["body"],
                                         urgent=bool(n.get("urgent")), schedule=n.get("schedule"))
                            for n in data.get("notifications") or ()),
        sla_basis=_basis(data.get("sla_basis")),
        reasons=tuple(Reason(rule=r["rule"], summary=r["summary"], figures=r.get("figures") or {},
                             key=r.get("key") or "") for r in data.get("reasons") or ()),
        clocks=tuple(clock_from_json(c) for c in data.get("clocks") or ()),
    )


def _basis(data: Any) -> SlaBasis | None:
    if not isinstance(data, dict):
        return None
    at, priority = _dt(data.get("at")), _priority(data.get("priority"))
    if at is None or priority is None:
        return None
    return SlaBasis(at, str(data.get("policy") or "default"), priority, data.get("schedule"))


def clock_to_json(clock: ClockStatus) -> dict[str, Any]:
    return {
        "kind": clock.kind.value, "state": clock.state.value, "target_seconds": clock.target.total_seconds(),
        "elapsed_seconds": clock.elapsed.total_seconds(), "paused_seconds": clock.paused_for.total_seconds(),
        "due_at": _iso(clock.due_at), "business_time": clock.business_time, "running": clock.running,
        "fulfilled_at": _iso(clock.fulfilled_at), "share": round(clock.share_elapsed, 4), "tier": clock.tier,
    }


def clock_from_json(data: dict[str, Any]) -> ClockStatus:
    return ClockStatus(
        kind=ClockKind(data["kind"]), target=timedelta(seconds=data["target_seconds"]),
        elapsed=timedelta(seconds=data["elapsed_seconds"]), paused_for=timedelta(seconds=data["paused_seconds"]),
        due_at=_dt(data.get("due_at")), state=ClockState(data["state"]), running=bool(data["running"]),
        business_time=bool(data["business_time"]), fulfilled_at=_dt(data.get("fulfilled_at")),
        tier=int(data["tier"]) if data.get("tier") is not None else None,
    )


def jsonable(value: Any) -> Any:
    return _jsonable(value)
