"""Escalation timings on the mirror, so reports average plain columns on every database.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 02:26:55.595382
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:

    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("escalation_seconds", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("after_escalation_seconds", sa.Float(), nullable=True))


def downgrade() -> None:

    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_column("after_escalation_seconds")
        batch_op.drop_column("escalation_seconds")
