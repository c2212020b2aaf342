"""Removing text from the store, keeping the figures: `history.retention` (text older than the period) and
`escalator forget --requester EMAIL` (a requester's text, for data-protection requests).

Text is what people wrote or what quotes them: ticket subjects, escalation notes and reasons, the phrases quoted in
figures (`keywords`), a decision's note, reply, task and alert texts and its reasons' summaries, alert titles and
bodies, the payloads of received events, stored errors, and (forget only) the kept tickets (plugin.kept: deleted
whole), the cached customer profile and the requester's email digest. What stays: every row, with its times, tiers,
rules, priorities, states and numbers, so the reports and the exports' figures do not change. Each row so treated
gets its `text_removed_at`.

Write intents still open (a write under way) are left alone: removing their text would change what a retry
writes. They are counted as `left open`; run again once they are recorded.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from plugin.store.models import (
    AppliedChangeRow,
    CustomerRow,
    EscalationRow,
    InboxRow,
    KeptTicketRow,
    NotificationRow,
    RequesterRow,
    TicketRow,
)
from plugin.store.repository import email_digest

QUOTED = frozenset({"keywords", "phrases", "evidence", "quote", "quotes"})  # figures that hold the customer's words
OPEN_INTENTS = ("decided", "writing", "landed")
BUSY_ALERTS = ("pending", "sending")


def scrub_figures(value: Any) -> Any:
    """Figures without the customer's words: every quoted-phrase list emptied, at any depth; numbers stay."""
    if isinstance(value, dict):
        return {k: ([] if k in QUOTED and isinstance(v, list | str) else scrub_figures(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub_figures(v) for v in value]
    return value


def _blank(value: Any) -> Any:
    return "" if isinstance(value, str) and value else value


def scrub_decision(data: dict[str, Any]) -> dict[str, Any]:
    """A stored decision (serialize.decision_to_json) with its texts removed."""
    out = dict(data)
    for key in ("internal_note", "public_reply"):
        out[key] = _blank(out.get(key))
    if isinstance(out.get("task"), dict):
        out["task"] = {**out["task"], "subject": _blank(out["task"].get("subject")),
                       "body": _blank(out["task"].get("body"))}
    out["notifications"] = [{**n, "title": _blank(n.get("title")), "body": _blank(n.get("body"))}
                            for n in out.get("notifications") or () if isinstance(n, dict)]
    out["reasons"] = [{**r, "summary": _blank(r.get("summary")), "figures": scrub_figures(r.get("figures") or {})}
                      for r in out.get("reasons") or () if isinstance(r, dict)]
    out["escalations"] = [{**e, "reason": _blank(e.get("reason")), "note": _blank(e.get("note")),
                           "figures": scrub_figures(e.get("figures") or {})}
                          for e in out.get("escalations") or () if isinstance(e, dict)]
    return out


def scrub_event(data: Any) -> Any:
    """A stored event without the platform's payload (which may carry subjects, comments, emails), nor the ticket's
    fields and the comment parsed from it."""
    if not isinstance(data, dict):
        return data
    return {**{k: v for k, v in data.items() if k not in ("snapshot", "comment")}, "changes": {}}


def _ticket(row: TicketRow, now: datetime) -> None:
    row.subject = ""
    row.text_removed_at = now


def _escalation(row: EscalationRow, now: datetime) -> None:
    row.note, row.reason = "", ""
    row.figures = scrub_figures(dict(row.figures or {}))
    row.text_removed_at = now


def _decision(row: AppliedChangeRow, now: datetime) -> None:
    row.changes = scrub_decision(dict(row.changes or {}))
    row.last_error = None
    row.text_removed_at = now


def _alert(row: NotificationRow, now: datetime) -> None:
    row.title, row.body, row.last_error = "", "", None
    row.text_removed_at = now


def _event(row: InboxRow, now: datetime) -> None:
    row.event = scrub_event(dict(row.event or {}))
    row.text_removed_at = now


# ---------------------------------------------------------------- retention


def remove_old_text(session: Session, now: datetime, retention: timedelta, *, dry_run: bool = False,
                    batch: int = 1000) -> dict[str, int]:
    """Remove the text of everything older than the retention period (a batch of rows at a time, each found
    through its `text_removed_at` index); the counts of rows, by what they are."""
    cutoff = now - retention
    kinds: list[tuple[str, type[Any], Any, Any, tuple[Any, ...]]] = [
        ("ticket subjects", TicketRow, TicketRow.solved_at, _ticket, (TicketRow.status.in_(("solved", "closed")),)),
        ("escalation texts", EscalationRow, EscalationRow.at, _escalation, ()),
        ("decision texts", AppliedChangeRow, AppliedChangeRow.decided_at, _decision,
         (AppliedChangeRow.state.not_in(OPEN_INTENTS),)),
        ("alert texts", NotificationRow, NotificationRow.created_at, _alert,
         (NotificationRow.status.not_in(BUSY_ALERTS),)),
        ("event payloads", InboxRow, InboxRow.received_at, _event, (InboxRow.state == "done",)),
    ]
    counts: dict[str, int] = {}  # kept tickets need no retention: cleanup deletes them minutes after (plugin.kept)
    for label, model, moment, erase, where in kinds:
        aged = (model.text_removed_at.is_(None), moment < cutoff, *where)
        if dry_run:
            counts[label] = int(session.scalar(select(func.count()).select_from(model).where(*aged)) or 0)
            continue
        counts[label] = 0
        while rows := list(session.scalars(select(model).where(*aged).order_by(moment).limit(batch))):
            for row in rows:
                erase(row, now)
            counts[label] += len(rows)
            session.flush()
    return counts


def _kept_tickets(session: Session, dry_run: bool, *where: Any) -> int:
    """Kept tickets (plugin.kept: whole tickets, comments and all) go whole: they are a cache of the helpdesk."""
    count = int(session.scalar(select(func.count()).select_from(KeptTicketRow).where(*where)) or 0)
    if count and not dry_run:
        session.execute(delete(KeptTicketRow).where(*where))
    return count


# ---------------------------------------------------------------- forget


def requester_ids(session: Session, email: str) -> set[tuple[str, str]]:
    """(platform, requester id) of every requester the store knows with this email (digest or cached profile)."""
    found = {(p, r) for p, r in session.execute(select(RequesterRow.platform, RequesterRow.requester_id)
                                                 .where(RequesterRow.email_digest == email_digest(email)))}
    cached = session.execute(select(CustomerRow.platform, CustomerRow.customer_id, CustomerRow.email)
                             .where(CustomerRow.email.is_not(None)))
    address = email.strip().lower()
    found |= {(p, c) for p, c, e in cached if e is not None and e.strip().lower() == address}
    return found


def _of_tickets(model: type[Any], tickets: Iterable[tuple[str, str]]) -> Any:
    return or_(*[(model.platform == platform) & (model.ticket_id == ticket_id) for platform, ticket_id in tickets])


def forget_requester(session: Session, email: str, now: datetime, *, dry_run: bool = False) -> dict[str, int]:
    """Remove every text of the requester's tickets and the requester's profile; the counts, by what they are."""
    requesters = requester_ids(session, email)
    tickets: list[tuple[str, str]] = []
    for platform, requester in sorted(requesters):
        tickets += [(platform, t) for t in session.scalars(select(TicketRow.ticket_id).where(
            TicketRow.platform == platform, TicketRow.requester_id == requester))]
    counts = {"requesters": len(requesters), "tickets": len(tickets)}
    chunks = [tickets[i:i + 200] for i in range(0, len(tickets), 200)]
    parts: list[tuple[str, type[Any], Any, tuple[Any, ...]]] = [
        ("ticket subjects", TicketRow, _ticket, ()),
        ("escalation texts", EscalationRow, _escalation, ()),
        ("decision texts", AppliedChangeRow, _decision, (AppliedChangeRow.state.not_in(OPEN_INTENTS),)),
        ("alert texts", NotificationRow, _alert, ()),
        ("event payloads", InboxRow, _event, ()),
    ]
    for label, model, erase, where in parts:
        counts[label] = 0
        for chunk in chunks:
            for row in session.scalars(select(model).where(_of_tickets(model, chunk), *where)):
                counts[label] += 1
                if not dry_run:
                    erase(row, now)
    counts["kept tickets"] = sum(
        _kept_tickets(session, dry_run, KeptTicketRow.platform == platform, KeptTicketRow.requester_id == requester)
        for platform, requester in requesters) + sum(
        _kept_tickets(session, dry_run, _of_tickets(KeptTicketRow, chunk)) for chunk in chunks)
    counts["left open"] = sum(
        len(session.scalars(select(AppliedChangeRow.idempotency_key).where(
            _of_tickets(AppliedChangeRow, chunk), AppliedChangeRow.state.in_(OPEN_INTENTS))).all())
        for chunk in chunks)
    profiles: list[tuple[type[Any], Any]] = [(CustomerRow, CustomerRow.customer_id),
                                             (RequesterRow, RequesterRow.requester_id)]
    for label, (model, column) in zip(("customer profiles", "requester digests"), profiles, strict=True):
        counts[label] = 0
        for platform, requester in requesters:
            matched = (model.platform == platform) & (column == requester)
            counts[label] += len(session.scalars(select(column).where(matched)).all())
            if not dry_run:
                session.execute(delete(model).where(matched))
    session.flush()
    return counts
