"""The ticket of each ticket's last run, whole, for the webhooks that bring it up to date instead of a read
(`kept_tickets`, plugin.kept). Starts empty: every ticket is read whole once more.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 00:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kept_tickets",
        sa.Column("platform", sa.String(32), primary_key=True),
        sa.Column("ticket_id", sa.String(64), primary_key=True),
        sa.Column("requester_id", sa.String(64), nullable=True),
        sa.Column("ticket", sa.JSON(), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("kept_tickets")
