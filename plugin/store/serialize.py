"""Domain values to and from JSON for the store: events in the inbox, changes in the applied record, clocks."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from plugin.domain import (
    ClockStatus,
    Decision,
    EscalationEntry,
    EventKind,
    Priority,
    Status,
    TicketChanges,
    TicketEvent,
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
    }


def event_from_json(data: dict[str, Any]) -> TicketEvent:
    return TicketEvent(
        platform=data["platform"], delivery_id=data["delivery_id"], ticket_id=data["ticket_id"],
        kind=EventKind(data.get("kind", "other")), occurred_at=_dt(data.get("occurred_at")),
        actor_id=data.get("actor_id"), changes=data.get("changes") or {}, raw_type=data.get("raw_type", ""),
        from_us=bool(data.get("from_us")), status=Status(data["status"]) if data.get("status") else None,
        ticket_updated_at=_dt(data.get("ticket_updated_at")),
    )


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
            "due_at": _iso(changes.task.due_at), "tags": sorted(changes.task.tags)},
    }


def decision_to_json(decision: Decision) -> dict[str, Any]:
    """What a write intent keeps of its decision: the changes, and what must be recorded if the write landed."""
    return {
        **changes_to_json(decision.changes), "fired": sorted(decision.fired), "tier": decision.tier,
        "workflow_state": decision.workflow_state.value if decision.workflow_state else None,
        "escalations": [{"at": e.at.isoformat(), "from_tier": e.from_tier, "to_tier": e.to_tier, "rule": e.rule,
                         "reason": e.reason, "figures": _jsonable(dict(e.figures)), "actor": e.actor, "note": e.note}
                        for e in decision.escalations],
    }


def decision_from_json(ticket_id: str, decided_at: datetime, data: dict[str, Any]) -> Decision:
    """The part of a decision needed to record it after the fact (no notifications: the retry queues those)."""
    return Decision(
        ticket_id=ticket_id, at=decided_at, fired=frozenset(data.get("fired") or ()), tier=int(data.get("tier") or 1),
        workflow_state=WorkflowState(data["workflow_state"]) if data.get("workflow_state") else None,
        priority=Priority[data["priority"].upper()] if data.get("priority") else None,
        escalations=tuple(EscalationEntry(ticket_id=ticket_id, at=datetime.fromisoformat(e["at"]),
                                          from_tier=e["from_tier"], to_tier=e["to_tier"], rule=e["rule"],
                                          reason=e["reason"], figures=e["figures"], actor=e["actor"], note=e["note"])
                          for e in data.get("escalations") or ()),
    )


def clock_to_json(clock: ClockStatus) -> dict[str, Any]:
    return {
        "kind": clock.kind.value, "state": clock.state.value, "target_seconds": clock.target.total_seconds(),
        "elapsed_seconds": clock.elapsed.total_seconds(), "paused_seconds": clock.paused_for.total_seconds(),
        "due_at": _iso(clock.due_at), "business_time": clock.business_time, "running": clock.running,
        "fulfilled_at": _iso(clock.fulfilled_at), "share": round(clock.share_elapsed, 4),
    }


def jsonable(value: Any) -> Any:
    return _jsonable(value)
