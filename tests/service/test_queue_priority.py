"""A busy queue runs a timed retry first, then fresh events, then a clock's checks, on every queue backend (SQLite,
Redis, PostgreSQL, for real); and a Redis queue an earlier version left as a list is taken up, in order."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import pytest
from huey import Huey, RedisHuey
from pipeline_kit import PLATFORM, Clock, config

from adapters.memory import MemoryStore
from plugin.ports import RetryAfterError
from plugin.service.metrics import Metrics
from plugin.service.pipeline import Outcome
from plugin.service.queue import make_huey
from plugin.service.tasks import TaskQueue


@pytest.fixture(params=["sqlite", "redis", "postgres"])
def queue_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'queue.db'}"
    if request.param == "redis":
        return str(request.getfixturevalue("redis_url"))
    return str(request.getfixturevalue("fresh_postgres_url"))


def taken_in_order(huey: Huey) -> list[tuple[str, str]]:
    """(ticket, cause) of each queued ticket task, in the order a worker takes them."""
    order = []
    while (task := huey.dequeue()) is not None:
        order.append((task.args[1], task.args[2]))
    return order


def test_a_timed_retry_then_fresh_events_then_the_clocks_checks(queue_url: str) -> None:
    huey = make_huey(config(queue={"url": queue_url}), name=f"priority-{time.monotonic_ns()}")
    huey.flush()
    tasks = TaskQueue(huey, config(), MemoryStore(), Clock(), Metrics())
    tasks.enqueue_process(PLATFORM, "1", cause="timer")  # a reminder's re-page falls due
    tasks.enqueue_process(PLATFORM, "2")  # a customer's new outage
    tasks._follow_up("process_ticket", [PLATFORM, "3", "event"],
                     Outcome(PLATFORM, "3", "retry", error=RetryAfterError(0.01), retry_in=0.01, attempts=1))
    deadline = time.monotonic() + 5
    while huey.pending_count() < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    tasks.enqueue_process(PLATFORM, "4", cause="recovery")  # what a dead process left
    assert taken_in_order(huey) == [("3", "event"), ("2", "event"), ("4", "recovery"), ("1", "timer")]


def test_a_redis_queue_left_as_a_list_is_taken_up_in_order(redis_url: str) -> None:
    name = f"legacy-{time.monotonic_ns()}"
    old = RedisHuey(name, url=redis_url, results=False, utc=True)  # what an earlier version queued in
    old.storage.enqueue(b"first")
    old.storage.enqueue(b"second")
    huey = make_huey(config(queue={"url": redis_url}), name=name)
    assert huey.storage.conn.type(huey.storage.queue_key) == b"zset"
    assert huey.storage.dequeue() == b"first"
    huey.storage.enqueue(b"third")  # a newer task queues behind the older ones
    assert [huey.storage.dequeue(), huey.storage.dequeue(), huey.storage.dequeue()] == [b"second", b"third", None]
    make_huey(config(queue={"url": redis_url}), name=name)  # a second start finds nothing to move
    huey.flush()


def test_two_installs_sharing_a_redis_database_never_take_each_others_tasks(redis_url: str, tmp_path: Path) -> None:
    name = f"shared-{time.monotonic_ns()}"
    staging = make_huey(config(queue={"url": redis_url}, database={"url": f"sqlite:///{tmp_path / 's.db'}"}),
                        name=name)
    production = make_huey(config(queue={"url": redis_url}, database={"url": f"sqlite:///{tmp_path / 'p.db'}"}),
                           name=name)
    staging.storage.enqueue(b"staging's")
    assert production.storage.dequeue() is None
    assert staging.storage.dequeue() == b"staging's"


def test_an_earlier_versions_scheduled_tasks_are_taken_up(redis_url: str) -> None:
    name = f"sched-{time.monotonic_ns()}"
    old = RedisHuey(name, url=redis_url, results=False, utc=True)
    old.storage.add_to_schedule(b"a timer", datetime(2026, 1, 1))
    huey = make_huey(config(queue={"url": redis_url}), name=name)
    assert huey.storage.read_schedule(datetime(2026, 1, 2)) == [b"a timer"]
    assert not huey.storage.conn.exists(old.storage.schedule_key)
    huey.flush()
