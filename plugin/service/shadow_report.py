"""What shadow mode decided, for `escalator shadow report`: each decision with what it would have written, and each
notification it would have sent. Read from the store; nothing is sent or written."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from plugin.store import Store
from plugin.store.models import AppliedChangeRow, NotificationRow
from plugin.store.serialize import decision_from_json


@dataclass(frozen=True)
class ShadowDecision:
    platform: str
    ticket_id: str
    decided_at: datetime
    tier: int
    escalations: tuple[str, ...]  # "Tier 1 -> 3: rule (reason)"
    writes: tuple[str, ...]  # what would have been written, one line each


@dataclass(frozen=True)
class ShadowNotification:
    platform: str
    ticket_id: str
    created_at: datetime
    role: str
    kind: str
    title: str


@dataclass
class ShadowReport:
    since: datetime
    decisions: list[ShadowDecision] = field(default_factory=list)
    notifications: list[ShadowNotification] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"Shadow mode since {self.since.isoformat(timespec='seconds')}: {len(self.decisions)} decision(s) "
               f"that would have written, {len(self.notifications)} notification(s) that would have been sent; "
               f"nothing was written or sent."]
        for d in self.decisions:
            out.append(f"{d.decided_at.isoformat(timespec='seconds')} {d.platform} #{d.ticket_id} (tier {d.tier})")
            out += [f"  escalation: {e}" for e in d.escalations]
            out += [f"  would write: {w}" for w in d.writes]
        for n in self.notifications:
            out.append(f"{n.created_at.isoformat(timespec='seconds')} {n.platform} #{n.ticket_id} would notify "
                       f"{n.role} ({n.kind}): {n.title}")
        return out

    def as_json(self) -> dict[str, Any]:
        return {"since": self.since.isoformat(),
                "decisions": [{"platform": d.platform, "ticket_id": d.ticket_id, "decided_at": d.decided_at.isoformat(),
                               "tier": d.tier, "escalations": list(d.escalations), "writes": list(d.writes)}
                              for d in self.decisions],
                "notifications": [{"platform": n.platform, "ticket_id": n.ticket_id,
                                   "created_at": n.created_at.isoformat(), "role": n.role, "kind": n.kind,
                                   "title": n.title} for n in self.notifications]}


def _writes(data: dict[str, Any], ticket_id: str, decided_at: datetime) -> tuple[str, ...]:
    changes = decision_from_json(ticket_id, decided_at, data).changes
    out = []
    if changes.priority is not None:
        out.append(f"priority {changes.priority.name.lower()}")
    if changes.group_id is not None:
        out.append(f"group {changes.group_id}")
    if changes.clear_assignee:
        out.append("agent cleared")
    elif changes.assignee_id is not None:
        out.append(f"agent {changes.assignee_id}")
    if changes.status is not None:
        out.append(f"status {changes.status.value}")
    if changes.add_tags:
        out.append("tags + " + ", ".join(sorted(changes.add_tags)))
    if changes.remove_tags:
        out.append("tags - " + ", ".join(sorted(changes.remove_tags)))
    if changes.task is not None:
        out.append(f"task ticket for tier {changes.task.tier}: {changes.task.subject}")
    if changes.internal_note is not None:
        out.append("internal note: " + changes.internal_note.splitlines()[0][:120])
    if changes.public_reply is not None:
        out.append("public reply: " + changes.public_reply.splitlines()[0][:120])
    return tuple(out)


def shadow_report(store: Store, since: datetime) -> ShadowReport:
    report = ShadowReport(since)
    with store.session() as session:
        for row in session.scalars(select(AppliedChangeRow).where(
                AppliedChangeRow.mode == "shadow", AppliedChangeRow.decided_at >= since)
                .order_by(AppliedChangeRow.decided_at, AppliedChangeRow.idempotency_key)):
            data = dict(row.changes or {})
            escalations = tuple(f"Tier {e.get('from_tier')} -> {e.get('to_tier')}: {e.get('rule')} ({e.get('reason')})"
                                for e in data.get("escalations") or () if isinstance(e, dict))
            report.decisions.append(ShadowDecision(row.platform, row.ticket_id, row.decided_at, row.tier or 1,
                                                   escalations, _writes(data, row.ticket_id, row.decided_at)))
        for note in session.scalars(select(NotificationRow).where(
                NotificationRow.status == "shadow", NotificationRow.created_at >= since)
                .order_by(NotificationRow.created_at, NotificationRow.id)):
            report.notifications.append(ShadowNotification(note.platform, note.ticket_id, note.created_at, note.role,
                                                           note.kind, note.title))
    return report
