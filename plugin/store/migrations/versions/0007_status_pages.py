"""The status pages' read models and the history's erasure: each ticket's At risk order (`risk_at`) and helpdesk
link, the decision's tier, mode and rules (the Decisions page's filters), the alerts a decision queued, the last
run of each periodic job, requester digests for `escalator forget`, and a text-removed mark on every table that
holds notes or customer text (`history.retention`). Existing rows are filled in from what they already hold.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-12 10:00:00
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

BATCH = 2000
DONE = ("solved", "closed")


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _stored(value: Any, dialect: str) -> Any:
    """A datetime as the UTCDateTime column type stores it (naive UTC on SQLite)."""
    if value is None:
        return None
    return value.replace(tzinfo=None) if dialect == "sqlite" else value


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("risk_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("url", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("text_removed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index("ix_tickets_risk_at", ["risk_at", "id"], unique=False)
        batch_op.create_index("ix_tickets_status", ["status", "risk_at"], unique=False)
        batch_op.create_index("ix_tickets_requester", ["platform", "requester_id"], unique=False)
        batch_op.create_index("ix_tickets_text_removed", ["text_removed_at", "solved_at"], unique=False)
    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("text_removed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index("ix_escalations_text_removed", ["text_removed_at", "at"], unique=False)
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("text_removed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index("ix_inbox_text_removed", ["text_removed_at", "received_at"], unique=False)
    with op.batch_alter_table("applied_changes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("tier", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("mode", sa.String(16), nullable=False, server_default="live"))
        batch_op.add_column(sa.Column("text_removed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index("ix_applied_changes_decided_at", ["decided_at"], unique=False)
        batch_op.create_index("ix_applied_changes_ticket", ["platform", "ticket_id", "decided_at"], unique=False)
        batch_op.create_index("ix_applied_changes_tier", ["tier", "decided_at"], unique=False)
        batch_op.create_index("ix_applied_changes_text_removed", ["text_removed_at", "decided_at"], unique=False)
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("decision_key", sa.String(64), nullable=True))
        batch_op.add_column(sa.Column("text_removed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index("ix_notifications_decision", ["decision_key"], unique=False)
        batch_op.create_index("ix_notifications_text_removed", ["text_removed_at", "created_at"], unique=False)
    op.create_table(
        "decision_rules",
        sa.Column("decision_key", sa.String(64), nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("decision_key", "rule"),
    )
    op.create_index("ix_decision_rules_rule", "decision_rules", ["rule", "decided_at"], unique=False)
    op.create_table(
        "job_runs",
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("runs", sa.Integer(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "requesters",
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("requester_id", sa.String(64), nullable=False),
        sa.Column("email_digest", sa.String(64), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("platform", "requester_id"),
    )
    op.create_index("ix_requesters_email", "requesters", ["email_digest"], unique=False)
    _fill_decisions()
    _fill_risk()


def _fill_decisions() -> None:
    """Each recorded decision's tier and rules, from the decision it keeps."""
    bind = op.get_bind()
    changes = sa.table("applied_changes", sa.column("idempotency_key", sa.String), sa.column("decided_at"),
                       sa.column("changes"), sa.column("tier", sa.Integer))
    rules = sa.table("decision_rules", sa.column("decision_key", sa.String), sa.column("rule", sa.String),
                     sa.column("decided_at"))
    last = ""
    while True:
        rows = bind.execute(sa.select(changes.c.idempotency_key, changes.c.decided_at, changes.c.changes)
                            .where(changes.c.idempotency_key > last).order_by(changes.c.idempotency_key)
                            .limit(BATCH)).all()
        if not rows:
            return
        found = []
        for key, decided_at, data in rows:
            data = _json(data) or {}
            names = {r.get("rule") for r in data.get("reasons") or () if isinstance(r, dict)}
            names |= {e.get("rule") for e in data.get("escalations") or () if isinstance(e, dict)}
            names |= {str(k)[len("rule:"):].split("[", 1)[0] for k in data.get("fired") or ()
                      if str(k).startswith("rule:")}
            found += [{"decision_key": key, "rule": str(name)[:64], "decided_at": decided_at}
                      for name in sorted(n for n in names if n)]
            if data.get("tier") is not None:
                bind.execute(changes.update().where(changes.c.idempotency_key == key).values(tier=int(data["tier"])))
        if found:
            bind.execute(rules.insert(), found)
        last = rows[-1][0]


def _fill_risk() -> None:
    """Each open ticket's At risk order, from the clocks and the next check its last decision kept."""
    bind = op.get_bind()
    dialect = bind.dialect.name
    tickets = sa.table("tickets", sa.column("id", sa.Integer), sa.column("status", sa.String),
                       sa.column("clocks"), sa.column("next_check_at"), sa.column("risk_at"))
    last = 0
    while True:
        rows = bind.execute(sa.select(tickets.c.id, tickets.c.clocks, tickets.c.next_check_at)
                            .where(tickets.c.id > last, tickets.c.status.not_in(DONE))
                            .order_by(tickets.c.id).limit(BATCH)).all()
        if not rows:
            return
        for ticket_id, clocks, next_check in rows:
            moments = [_moment(c.get("due_at")) for c in _json(clocks) or () if isinstance(c, dict)
                       and c.get("state") != "fulfilled" and c.get("running")]
            if next_check is not None:
                moments.append(_moment(next_check) if isinstance(next_check, str) else
                               next_check.replace(tzinfo=UTC) if next_check.tzinfo is None else next_check)
            known = [m for m in moments if m is not None]
            if known:
                bind.execute(tickets.update().where(tickets.c.id == ticket_id)
                             .values(risk_at=_stored(min(known), dialect)))
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_index("ix_requesters_email", table_name="requesters")
    op.drop_table("requesters")
    op.drop_table("job_runs")
    op.drop_index("ix_decision_rules_rule", table_name="decision_rules")
    op.drop_table("decision_rules")
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_index("ix_notifications_text_removed")
        batch_op.drop_index("ix_notifications_decision")
        batch_op.drop_column("text_removed_at")
        batch_op.drop_column("decision_key")
    with op.batch_alter_table("applied_changes", schema=None) as batch_op:
        for index in ("ix_applied_changes_text_removed", "ix_applied_changes_tier", "ix_applied_changes_ticket",
                      "ix_applied_changes_decided_at"):
            batch_op.drop_index(index)
        for column in ("text_removed_at", "mode", "tier"):
            batch_op.drop_column(column)
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.drop_index("ix_inbox_text_removed")
        batch_op.drop_column("text_removed_at")
    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.drop_index("ix_escalations_text_removed")
        batch_op.drop_column("text_removed_at")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        for index in ("ix_tickets_text_removed", "ix_tickets_requester", "ix_tickets_status", "ix_tickets_risk_at"):
            batch_op.drop_index(index)
        for column in ("text_removed_at", "url", "risk_at"):
            batch_op.drop_column(column)
