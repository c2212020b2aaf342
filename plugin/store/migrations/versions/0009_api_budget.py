"""The helpdesk accounts' API budget, shared by every process (`api_budget`, plugin.service.budget).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 21:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_budget",
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("window_start", sa.Float(), nullable=False),
        sa.Column("used", sa.Integer(), nullable=False),
        sa.Column("limit", sa.Integer(), nullable=False),
        sa.Column("remaining", sa.Integer(), nullable=True),
        sa.Column("remaining_until", sa.Float(), nullable=True),
        sa.Column("waits", sa.Integer(), nullable=False),
        sa.Column("waiting", sa.Integer(), nullable=False),
        sa.Column("waiting_window", sa.Float(), nullable=False),
        sa.Column("reported_at", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("platform"),
    )


def downgrade() -> None:
    op.drop_table("api_budget")
