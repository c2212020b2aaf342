"""The job queue: huey on SQLite by default, Redis (`redis://`) or PostgreSQL (`postgresql://`) by URL.

With no `queue.url`, the queue follows the database: a SQLite file beside a SQLite database, or the same
PostgreSQL database. Every backend keeps a priority queue (a busy queue runs a retry promised a time, then fresh
events, before clock checks: plugin/service/tasks.py); on Redis that is a sorted set, and a queue left as a list by
an earlier version is moved into it when the service starts.
"""

from __future__ import annotations

import struct
from pathlib import Path
from urllib.parse import urlsplit

from huey import Huey, PostgresHuey, PriorityRedisHuey, SqliteHuey

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
        huey = PriorityRedisHuey(name, url=url, blocking=True, read_timeout=1, **common)
        _list_to_sorted_set(huey)
        return huey
    if scheme in ("postgresql", "postgres"):
        return PostgresHuey(name, dsn=_postgres_dsn(url), **common)
    raise ValueError(f"queue.url: unsupported scheme {scheme!r}; use sqlite:///FILE, redis://HOST or postgresql://...")


def _list_to_sorted_set(huey: Huey) -> None:
    """Move the tasks an earlier version queued in a Redis list into the sorted set the priority queue reads, in
    their order and ahead of newer tasks (a list under the key would make every read fail with WRONGTYPE). Safe to
    run by several starting processes at once, and again after a crash half way: the same task gets the same
    member."""
    storage = huey.storage
    conn, key = storage.conn, storage.queue_key
    legacy = f"{key}:legacy-list"
    if conn.type(key) in (b"list", "list"):
        conn.renamenx(key, legacy)
    items = conn.lrange(legacy, 0, -1)  # the list was pushed on the left and popped on the right: oldest last
    if not items:
        return
    with conn.pipeline(transaction=True) as moving:
        for index, data in enumerate(reversed(items)):
            moving.zadd(key, {struct.pack(">Q", index) + data: 0})
        moving.delete(legacy)
        moving.execute()
