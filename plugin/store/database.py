"""The store: an SQLAlchemy engine on SQLite (WAL) or PostgreSQL, migrations on start, one transaction per unit of
work."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from plugin.config import EscalatorConfig
from plugin.store.turns import WriteTurns

MIGRATIONS = Path(__file__).with_name("migrations")
MIGRATION_LOCK_KEY = 0x6573_6361_6C61  # "escala": the advisory lock that serialises migrations on PostgreSQL
BUSY_TIMEOUT = 10.0  # seconds an SQLite connection waits for the write lock before "database is locked"
UPGRADE_WAIT = timedelta(minutes=2)  # how long a starting process waits for another's migration on SQLite


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin_immediate(connection: Any) -> None:
    # SQLite: take the write lock at BEGIN, so two writers queue on busy_timeout instead of failing mid-way.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


class Store:
    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        parsed = make_url(url)
        self.dialect = parsed.get_backend_name()
        options: dict[str, Any] = {"echo": echo, "future": True}
        if self.dialect == "sqlite":
            database = parsed.database
            if database and database != ":memory:":
                Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            options["connect_args"] = {"check_same_thread": False, "timeout": BUSY_TIMEOUT, "isolation_level": None}
        else:
            options.update(pool_pre_ping=True, pool_size=10, max_overflow=10)
        self.engine: Engine = create_engine(url, **options)
        if self.dialect == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _begin_immediate)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # SQLite: this process's transactions queue for the write lock in order (see turns.py)
        self.turns: WriteTurns | None = WriteTurns(BUSY_TIMEOUT) if self.dialect == "sqlite" else None

    @classmethod
    def from_config(cls, config: EscalatorConfig) -> Store:
        return cls(config.database.url)

    def upgrade(self) -> None:
        """Apply every migration not yet applied (a no-op when up to date). On SQLite, processes starting at once
        queue on the file's write lock; one that waited past the busy timeout (a slow disk, a busy machine) tries
        again, for up to UPGRADE_WAIT, and then finds nothing left to do."""
        deadline = time.monotonic() + UPGRADE_WAIT.total_seconds()
        while True:
            try:
                self._upgrade()
                return
            except OperationalError as exc:
                if self.dialect != "sqlite" or "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def _upgrade(self) -> None:
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                # Several hosts starting at once: one migrates, the others wait for it and then find nothing to do.
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def ping(self) -> bool:
        try:
            with self.write_turn(), self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True
        except Exception:
            return False

    @contextmanager
    def write_turn(self) -> Iterator[None]:
        """This thread's turn at the write lock for the block: on SQLite, in the order the threads asked (every
        transaction there takes the lock at BEGIN); nothing to wait for on PostgreSQL."""
        if self.turns is None:
            yield
            return
        with self.turns.turn():
            yield

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self.write_turn():
            session = self._sessions()
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
            finally:
                session.close()

    def dispose(self) -> None:
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Store({make_url(self.url).render_as_string(hide_password=True)!r})"
