"""SLA policies and handoff targets: the SLA basis history (policy, priority, schedule from a moment on), and on each
escalation the receiving tier's first action and whether it met the tier's response target.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ticket_sla_history",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("platform", sa.String(32), nullable=False),
        sa.Column("ticket_id", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("policy", sa.String(64), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("schedule", sa.String(64), nullable=True),
    )
    op.create_index("ix_sla_history_ticket", "ticket_sla_history", ["platform", "ticket_id", "at"])
    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("first_action_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("target_met", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.drop_column("target_met")
        batch_op.drop_column("first_action_at")
    op.drop_index("ix_sla_history_ticket", table_name="ticket_sla_history")
    op.drop_table("ticket_sla_history")
