"""The inbox's indexes for cleanup and retention hold only the rows those jobs look for: processed events
(`ix_inbox_processed`, was `ix_inbox_unprocessed` over every row) and done events whose text is still there
(`ix_inbox_text_kept`, was `ix_inbox_text_removed` over every row). A webhook's INSERT then writes neither: two
index pages fewer on the request path; the worker's UPDATE that finishes an event adds it to them.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 00:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

PROCESSED = "processed_at IS NOT NULL"
TEXT_KEPT = "text_removed_at IS NULL AND state = 'done'"


def upgrade() -> None:
    op.drop_index("ix_inbox_unprocessed", table_name="inbox")
    op.drop_index("ix_inbox_text_removed", table_name="inbox")
    op.create_index("ix_inbox_processed", "inbox", ["processed_at"], postgresql_where=sa.text(PROCESSED),
                    sqlite_where=sa.text(PROCESSED))
    op.create_index("ix_inbox_text_kept", "inbox", ["received_at"], postgresql_where=sa.text(TEXT_KEPT),
                    sqlite_where=sa.text(TEXT_KEPT))


def downgrade() -> None:
    op.drop_index("ix_inbox_text_kept", table_name="inbox")
    op.drop_index("ix_inbox_processed", table_name="inbox")
    op.create_index("ix_inbox_text_removed", "inbox", ["text_removed_at", "received_at"])
    op.create_index("ix_inbox_unprocessed", "inbox", ["processed_at", "received_at"])
