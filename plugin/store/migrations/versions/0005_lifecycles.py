"""Lifecycles as state columns (plugin/lifecycles.py): the inbox event's state and the process working on it, the
write intent's state with the ticket version it was decided on and the parts confirmed landed, the sender holding a
notification, and a not-before time on unfinished work so a restart or a sweep honours a Retry-After.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 13:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("state", sa.String(16), nullable=False, server_default="received"))
        batch_op.add_column(sa.Column("owner", sa.String(160), nullable=True))
        batch_op.add_column(sa.Column("not_before", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index("ix_inbox_state", ["state", "received_at"], unique=False)
    op.execute("UPDATE inbox SET state = 'done' WHERE processed_at IS NOT NULL")

    with op.batch_alter_table("applied_changes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("state", sa.String(16), nullable=False, server_default="recorded"))
        batch_op.add_column(sa.Column("version", sa.String(64), nullable=True))
        batch_op.add_column(sa.Column("landed", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("last_error", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("not_before", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index("ix_applied_changes_open", ["state", "platform", "ticket_id"], unique=False)
    # An intent left pending by the old code is one whose write may or may not have landed: "writing".
    op.execute("UPDATE applied_changes SET state = 'writing' WHERE outcome = 'pending'")
    op.execute("UPDATE applied_changes SET state = 'abandoned' WHERE outcome = 'not applied'")

    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner", sa.String(160), nullable=True))
    with op.batch_alter_table("ticket_locks", schema=None) as batch_op:  # owners name their host and process
        batch_op.alter_column("owner", type_=sa.String(160), existing_type=sa.String(64), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("ticket_locks", schema=None) as batch_op:
        batch_op.alter_column("owner", type_=sa.String(64), existing_type=sa.String(160), existing_nullable=False)
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_column("owner")
    with op.batch_alter_table("applied_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_applied_changes_open")
        for column in ("not_before", "last_error", "attempts", "landed", "version", "state"):
            batch_op.drop_column(column)
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.drop_index("ix_inbox_state")
        for column in ("not_before", "owner", "state"):
            batch_op.drop_column(column)
