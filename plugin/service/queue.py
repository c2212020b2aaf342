"""The job queue: huey on SQLite by default, Redis (`redis://`) or PostgreSQL (`postgresql://`) by URL.

With no `queue.url`, the queue follows the database: a SQLite file beside a SQLite database, or the same
PostgreSQL database.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from huey import Huey, PostgresHuey, RedisHuey, SqliteHuey

from plugin.config import EscalatorConfig

QUEUE_NAME = "escalator"


def queue_url(config: EscalatorConfig) -> str:
    """The queue's URL, derived from the database's when not set."""
    if config.queue.url:
        return config.queue.url
    database = config.database.url
    if database.startswith("sqlite"):
        path = database.split("///", 1)[1] if "///" in database else "escalator.db"
        if not path or path == ":memory:":
            return "sqlite:///escalator-queue.db"
        file = Path(path)
        return f"sqlite:///{file.with_name(file.stem + '-queue' + (file.suffix or '.db'))}"
    return database


def _postgres_dsn(url: str) -> str:
    scheme, rest = url.split("://", 1)
    return "postgresql://" + rest if "+" in scheme else url


def make_huey(config: EscalatorConfig, *, name: str = QUEUE_NAME) -> Huey:
    """A huey instance for the configured queue. Results are not stored: tasks report through the store."""
    url = queue_url(config)
    scheme = urlsplit(url).scheme.split("+")[0]
    common = {"results": False, "utc": True}
    if scheme == "sqlite":
        filename = url.split("///", 1)[1]
        Path(filename).parent.mkdir(parents=True, exist_ok=True)
        return SqliteHuey(name, filename=filename, **common)
    if scheme in ("redis", "rediss", "unix"):
        return RedisHuey(name, url=url, blocking=True, read_timeout=1, **common)
    if scheme in ("postgresql", "postgres"):
        return PostgresHuey(name, dsn=_postgres_dsn(url), **common)
    raise ValueError(f"queue.url: unsupported scheme {scheme!r}; use sqlite:///FILE, redis://HOST or postgresql://...")
