"""Alembic environment: runs on the connection the Store hands over (see Store.upgrade)."""

from __future__ import annotations

from alembic import context

from plugin.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - alembic's own CLI is not how this project runs migrations
    raise RuntimeError("run migrations through `escalator db upgrade` (Store.upgrade)")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  compare_type=True)
with context.begin_transaction():
    context.run_migrations()
