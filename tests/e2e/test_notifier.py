"""The notification outbox: dedupe within the period, retries, a send that fails for good goes to the dead letters,
alerts wait for business hours but pages do not, and channel URLs never reach a log line."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from plugin.config import load_config
from plugin.domain import Notification
from plugin.service.bootstrap import Services, bootstrap
from plugin.service.notifier import Notifier
from plugin.service.processing import not_before_for
from plugin.store import repository as repo

SECRET_URL = "mailtos://user:hunter2@smtp.example.com?to=boss@example.com"


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class Channel:
    """Stands in for apprise: records deliveries; fails while `failing` is set."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []
        self.failing = False

    def __call__(self, url: str, title: str, body: str, attachments: Sequence[str], html: bool) -> bool:
        if self.failing:
            raise ConnectionError("smtp down")
        self.sent.append((url, title))
        return True


def services(tmp_path: Path, channel: Channel, clock: FakeClock) -> Services:
    config = load_config(data={
        "database": {"url": f"sqlite:///{tmp_path / 'db.sqlite'}"},
        "queue": {"url": f"sqlite:///{tmp_path / 'queue.sqlite'}"},
        "notifications": {"channels": {"support_manager": [SECRET_URL]}, "retries": 2, "retry_delay": "1m"},
    })
    return bootstrap(config, clock=clock, notifier=Notifier(config, deliver=channel))


def alert(key: str = "rule:unassigned_alert") -> Notification:
    return Notification(role="support_manager", kind="unassigned_alert", ticket_id="42", dedupe_key=key,
                        title="[P3] Manager alert: ticket #42", body="Unassigned for 2h 5m")


def queue(svc: Services, notification: Notification) -> bool:
    with svc.store.session() as session:
        return repo.queue_notification(session, "zendesk", notification, svc.clock(),
                                       svc.config.notifications.dedupe_period)


def test_retries_then_dead_letters_without_leaking_the_url(tmp_path: Path, caplog: pytest.LogCaptureFixture
                                                           ) -> None:
    caplog.set_level("DEBUG")
    channel, clock = Channel(), FakeClock(datetime(2026, 11, 23, 10, tzinfo=UTC))
    svc = services(tmp_path, channel, clock)
    channel.failing = True
    assert queue(svc, alert())
    for _ in range(3):  # first try + 2 retries, each after its delay
        report = svc.notifier.send_pending(svc)
        assert report.failed == 1
        assert svc.notifier.send_pending(svc).failed == 0  # not due again before its retry delay
        clock.now += timedelta(minutes=5)
    assert svc.notifier.send_pending(svc).failed == 0  # given up
    with svc.store.session() as session:
        [dead] = repo.list_dead_letters(session)
        assert dead.task == "send_notification" and dead.ticket_id == "42"
        assert "hunter2" not in dead.error
    assert channel.sent == []
    assert "hunter2" not in caplog.text and "user:" not in caplog.text


def test_a_retry_that_succeeds_sends_once_and_a_duplicate_is_not_queued(tmp_path: Path) -> None:
    channel, clock = Channel(), FakeClock(datetime(2026, 11, 23, 10, tzinfo=UTC))
    svc = services(tmp_path, channel, clock)
    channel.failing = True
    queue(svc, alert())
    svc.notifier.send_pending(svc)
    channel.failing = False
    clock.now += timedelta(minutes=2)
    assert svc.notifier.send_pending(svc).sent == 1
    assert svc.notifier.send_pending(svc).sent == 0
    assert not queue(svc, alert())  # the same alert for the same ticket within 24h
    clock.now += timedelta(hours=25)
    assert queue(svc, alert())  # a day later it may go out again
    assert len(channel.sent) == 1


def test_alerts_wait_for_business_hours_but_pages_do_not(tmp_path: Path) -> None:
    saturday = datetime(2026, 11, 28, 22, tzinfo=UTC)
    svc = services(tmp_path, Channel(), FakeClock(saturday))
    opens = datetime(2026, 11, 30, 9, tzinfo=UTC)  # default schedule: Mon-Fri 09:00-17:00
    assert not_before_for(svc, "support_manager", False, saturday) == opens
    assert not_before_for(svc, "on_call", True, saturday) is None
    assert not_before_for(svc, "customer", False, saturday) is None
