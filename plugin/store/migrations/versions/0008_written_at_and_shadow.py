"""The update times our own writes left on each ticket (`tickets.written_at`) and the update time our last finished
decision knew (`tickets.decided_updated_at`), so their webhooks coming back are known as ours without a read
(plugin.service.echoes); and, in shadow mode, what the escalator would have written on
it (`tickets.shadow`, plugin.service.shadow).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("written_at", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("decided_updated_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("shadow", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_column("shadow")
        batch_op.drop_column("decided_updated_at")
        batch_op.drop_column("written_at")
