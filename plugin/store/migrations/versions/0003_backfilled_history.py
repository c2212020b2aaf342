"""Backfilled history: an escalation known only within an interval, and agent replies that may be unknown.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("earliest_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.alter_column("agent_public_replies", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    op.execute("UPDATE tickets SET agent_public_replies = 0 WHERE agent_public_replies IS NULL")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.alter_column("agent_public_replies", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.drop_column("earliest_at")
