"""Persistence of the running service: SQLAlchemy 2 models, Alembic migrations, the queries (`repository`)."""

from plugin.store.database import Store

__all__ = ["Store"]
