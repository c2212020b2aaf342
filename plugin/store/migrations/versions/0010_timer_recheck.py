"""When the sweep queued a due timer's check for the workers, the time it looks at the timer again
(`timers.recheck_at`, plugin.service.sweep): until then later sweeps leave the check to its worker. Timers armed
before this have none (never queued by a sweep).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 22:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("timers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recheck_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("timers", schema=None) as batch_op:
        batch_op.drop_column("recheck_at")
