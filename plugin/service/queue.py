"""The job queue: huey on SQLite by default, Redis (`redis://`) or PostgreSQL (`postgresql://`) by URL.

With no `queue.url`, the queue follows the database: a SQLite file beside a SQLite database, or the same
PostgreSQL database. Every backend keeps a priority queue (a busy queue runs a retry promised a time, then fresh
events, before clock checks: plugin/service/tasks.py); on Redis that is a sorted set, and a queue left as a list by
an earlier version is moved into it when the service starts.

On Redis the queue's name carries a tag of the database it serves (a hash of its URL, without the password), so two
installs that share a Redis database (staging and production, two test runs) never take each other's tasks.
"""

from __future__ import annotations

import hashlib
import re
import struct
from pathlib import Path
from urllib.parse import urlsplit

from huey import Huey, PostgresHuey, PriorityRedisHuey, SqliteHuey
from sqlalchemy.engine import make_url

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
        huey = PriorityRedisHuey(f"{name}-{database_tag(config)}", url=url, blocking=True, read_timeout=1, **common)
        _take_up_earlier_queue(huey, name)
        return huey
    if scheme in ("postgresql", "postgres"):
        return PostgresHuey(name, dsn=_postgres_dsn(url), **common)
    raise ValueError(f"queue.url: unsupported scheme {scheme!r}; use sqlite:///FILE, redis://HOST or postgresql://...")


def database_tag(config: EscalatorConfig) -> str:
    """A short tag of the database the service keeps its state in (its URL without the password)."""
    shown = make_url(config.database.url).render_as_string(hide_password=True)
    return hashlib.sha256(shown.encode()).hexdigest()[:10]


def _take_up_earlier_queue(huey: Huey, plain_name: str) -> None:
    """Move what an earlier version queued into this queue, in order and ahead of newer tasks: its tasks, in a
    Redis list under the queue's plain name (or this one's), and its scheduled tasks. Safe to run by several
    starting processes at once, and again after a crash half way: the same task gets the same member."""
    storage = huey.storage
    conn = storage.conn
    plain = re.sub("[^a-z0-9]", "", plain_name)
    legacy = f"{storage.queue_key}:legacy-list"
    for source in (f"huey.redis.{plain}", storage.queue_key):
        if conn.type(source) in (b"list", "list"):
            conn.renamenx(source, legacy)
        items = conn.lrange(legacy, 0, -1)  # the list was pushed on the left and popped on the right: oldest last
        if not items:
            continue
        with conn.pipeline(transaction=True) as moving:
            for index, data in enumerate(reversed(items)):
                moving.zadd(storage.queue_key, {struct.pack(">Q", index) + data: 0})
            moving.delete(legacy)
            moving.execute()
    earlier_schedule = f"huey.schedule.{plain}"
    if earlier_schedule != storage.schedule_key and conn.exists(earlier_schedule):
        with conn.pipeline(transaction=True) as moving:
            moving.zunionstore(storage.schedule_key, [storage.schedule_key, earlier_schedule], aggregate="MIN")
            moving.delete(earlier_schedule)
            moving.execute()
