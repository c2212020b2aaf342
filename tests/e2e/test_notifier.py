"""The notification outbox, through real apprise to local servers (an HTTP endpoint for json://, aiosmtpd for
mailto://, and a local HTTPS proxy that refuses every tunnel, so the hosted services fail without leaving the
machine): dedupe within the period, retries, a send that fails for good goes to the dead letters, a retry sends
only to the channels that have not taken it, each claim's lease starts when it is taken, every pass schedules the
next one, alerts wait for business hours but pages do not, and no credential ever reaches a log record, the CLI's
output or a stored column."""

from __future__ import annotations

import http.server
import json
import logging
import socketserver
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from sqlalchemy import select
from test_notifications import Mailbox, smtp_server

from plugin.config import load_config
from plugin.domain import Notification
from plugin.service.channels import redact, url_secrets, with_identity
from plugin.service.notifier import CLAIM_LEASE
from plugin.store import repository as repo
from plugin.store.models import DeadLetterRow, NotificationRow
from webhooks.bootstrap import Services, bootstrap
from webhooks.cli import main


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class Endpoint:
    """A json:// receiver: records what it accepts; answers 500 while `fail` is above zero (counting down)."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.identities: list[str | None] = []  # the X-Escalator-Alert header of every request
        self.attempts = 0
        self.fail = 0
        self.on_request: Callable[[dict[str, Any]], None] | None = None
        self.port = 0


@pytest.fixture
def endpoint() -> Iterator[Endpoint]:
    state = Endpoint()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            state.attempts += 1
            state.identities.append(self.headers.get("X-Escalator-Alert"))
            if state.on_request is not None:
                state.on_request(body)
            if state.fail:
                state.fail -= 1
                self.send_response(500)
            else:
                state.received.append(body)
                self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = server.server_port
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, int]]:
    with smtp_server() as server:
        yield server


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """HTTPS goes through a local proxy that records each CONNECT target and refuses it: PagerDuty, Opsgenie,
    Telegram and Slack fail at once, offline, and we still see which service apprise tried to reach."""
    targets: list[str] = []

    class Handler(socketserver.StreamRequestHandler):
        def handle(self) -> None:
            line = self.rfile.readline().decode("latin-1").split()
            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                pass
            if len(line) >= 2:
                targets.append(line[1])
            self.wfile.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    for name in ("HTTPS_PROXY", "https_proxy"):
        monkeypatch.setenv(name, f"http://127.0.0.1:{server.server_address[1]}")
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(name, "127.0.0.1,localhost")
    try:
        yield targets
    finally:
        server.shutdown()
        server.server_close()


def config_data(tmp_path: Path, channels: dict[str, list[str]], **notifications: Any) -> dict[str, Any]:
    return {
        "database": {"url": f"sqlite:///{tmp_path / 'db.sqlite'}"},
        "queue": {"url": f"sqlite:///{tmp_path / 'queue.sqlite'}"},
        "notifications": {"channels": channels, "retries": 2, "retry_delay": "1m", **notifications},
    }


def services(tmp_path: Path, clock: FakeClock, channels: dict[str, list[str]], **notifications: Any) -> Services:
    svc = bootstrap(load_config(data=config_data(tmp_path, channels, **notifications)), clock=clock)
    svc.huey.flush()
    return svc


def alert(key: str = "rule:unassigned_alert", role: str = "support_manager", ticket: str = "42",
          urgent: bool = False) -> Notification:
    return Notification(role=role, kind="unassigned_alert", ticket_id=ticket, dedupe_key=key,
                        title=f"[P3] Manager alert: ticket #{ticket}", body="Unassigned for 2h 5m", urgent=urgent)


def queue(svc: Services, notification: Notification, not_before: datetime | None = None) -> bool:
    with svc.store.session() as session:
        return repo.queue_notification(session, "zendesk", notification, svc.clock(),
                                       svc.config.notifications.dedupe_period, not_before=not_before)


def rows(svc: Services) -> list[NotificationRow]:
    with svc.store.session() as session:
        return list(session.scalars(select(NotificationRow).order_by(NotificationRow.id)))


def mail_url(port: int, to: str = "boss@acme.example", login: str = "") -> str:
    return f"mailto://{login}127.0.0.1:{port}?from=escalator@acme.example&to={to}"


def test_retries_then_dead_letters_without_leaking_the_url(tmp_path: Path, endpoint: Endpoint,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    url = f"json://bob:hunter2secret@127.0.0.1:{endpoint.port}/hooks/T0KENPATHSECRET?token=qu3rySECRET"
    clock = FakeClock(datetime(2026, 11, 23, 10, tzinfo=UTC))
    svc = services(tmp_path, clock, {"support_manager": [url]})
    endpoint.fail = 100
    assert queue(svc, alert())
    for _ in range(3):  # first try + 2 retries, each after its delay
        assert svc.send_pending().failed == 1
        assert svc.send_pending().failed == 0  # not due again before its retry delay
        clock.now += timedelta(minutes=5)
    assert svc.send_pending().failed == 0  # given up
    assert endpoint.attempts == 3 and endpoint.received == []
    [row] = rows(svc)
    assert row.status == "failed" and row.attempts == 3
    assert row.channels_failed == [f"json://127.0.0.1:{endpoint.port} (support_manager #1)"]
    with svc.store.session() as session:
        [dead] = repo.list_dead_letters(session)
        assert dead.task == "send_notification" and dead.ticket_id == "42" and dead.args == [row.id, "support_manager"]
        stored = f"{dead.error} {row.last_error} {row.channels_failed} {row.channels_ok}"
    for secret in ("hunter2secret", "T0KENPATHSECRET", "qu3rySECRET", "bob:hunter2"):
        assert secret not in stored
        assert secret not in caplog.text
        assert all(secret not in r.getMessage() for r in caplog.records)


def test_a_retry_that_succeeds_sends_once_and_a_duplicate_is_not_queued(tmp_path: Path, endpoint: Endpoint) -> None:
    clock = FakeClock(datetime(2026, 11, 23, 10, tzinfo=UTC))
    svc = services(tmp_path, clock, {"support_manager": [f"json://127.0.0.1:{endpoint.port}/alert"]})
    endpoint.fail = 1
    queue(svc, alert())
    assert svc.send_pending().failed == 1
    clock.now += timedelta(minutes=2)
    assert svc.send_pending().sent == 1
    assert svc.send_pending().sent == 0
    assert not queue(svc, alert())  # the same alert for the same ticket within 24h
    clock.now += timedelta(hours=25)
    assert queue(svc, alert())  # a day later it may go out again
    assert len(endpoint.received) == 1 and endpoint.received[0]["title"] == "[P3] Manager alert: ticket #42"
    # both attempts carried the alert's one identity, so a receiver can drop a second delivery of it
    [identity] = set(endpoint.identities)
    assert identity is not None and identity.startswith("escalator-zendesk-")


def test_each_kind_of_channel_carries_the_alerts_identity_its_own_way() -> None:
    assert with_identity("pagerduty://KEY@KEY", "escalator-zendesk-7") == "pagerduty://KEY@KEY?dedup=escalator-zendesk-7"
    assert with_identity("opsgenie://KEY?region=eu", "i") == "opsgenie://KEY?region=eu&alias=i"
    assert with_identity("mailtos://u:p@smtp.acme.com?to=a@b.c", "i").endswith("&+X-Escalator-Alert=i")
    assert with_identity("json://hooks.acme.com/a", "i") == "json://hooks.acme.com/a?+X-Escalator-Alert=i"
    assert with_identity("opsgenie://KEY?alias=mine", "i") == "opsgenie://KEY?alias=mine"  # the admin's own stands
    assert with_identity("slack://T/B/X", "i") == "slack://T/B/X"  # no way to carry it: unchanged


def test_a_retry_goes_only_to_the_channels_that_have_not_taken_it(tmp_path: Path, endpoint: Endpoint,
                                                                  smtp: tuple[Mailbox, int]) -> None:
    mailbox, port = smtp
    clock = FakeClock(datetime(2026, 11, 23, 10, tzinfo=UTC))
    hook = f"json://127.0.0.1:{endpoint.port}/alert"
    svc = services(tmp_path, clock, {"support_manager": [mail_url(port), hook]}, retries=3)
    mail_label, hook_label = (f"mailto://127.0.0.1:{port} (support_manager #1)",
                              f"json://127.0.0.1:{endpoint.port} (support_manager #2)")
    endpoint.fail = 2
    queue(svc, alert())
    for _ in range(2):
        assert svc.send_pending().failed == 1
        [row] = rows(svc)
        assert row.status == "pending" and row.channels_ok == [mail_label] and row.channels_failed == [hook_label]
        clock.now += timedelta(minutes=10)
    assert svc.send_pending().sent == 1
    [row] = rows(svc)
    assert row.status == "sent" and row.channels_ok == [mail_label, hook_label] and row.channels_failed == []
    assert len(mailbox.messages) == 1  # the email went out once, on the first attempt
    assert endpoint.attempts == 3 and len(endpoint.received) == 1


def test_a_channel_that_fails_for_good_leaves_a_partial_send_in_the_dead_letters(
        tmp_path: Path, endpoint: Endpoint, smtp: tuple[Mailbox, int]) -> None:
    mailbox, port = smtp
    clock = FakeClock(datetime(2026, 11, 23, 10, tzinfo=UTC))
    svc = services(tmp_path, clock, {"support_manager": [mail_url(port), f"json://127.0.0.1:{endpoint.port}/a"]})
    endpoint.fail = 100
    queue(svc, alert())
    for _ in range(3):
        svc.send_pending()
        clock.now += timedelta(minutes=10)
    [row] = rows(svc)
    assert row.status == "partial" and row.attempts == 3
    assert not queue(svc, alert())  # the manager's inbox got it: it is not queued again within the period
    with svc.store.session() as session:
        [dead] = repo.list_dead_letters(session)
        assert "not delivered to json://127.0.0.1" in dead.error
    # retrying the dead letter sends to the failed channel only
    endpoint.fail = 0
    svc.tasks.replay(dead.task, list(dead.args))
    assert svc.send_pending().sent == 1
    assert len(mailbox.messages) == 1 and len(endpoint.received) == 1
    assert rows(svc)[0].status == "sent"


def test_each_claim_lease_starts_when_the_notification_is_claimed(tmp_path: Path, endpoint: Endpoint) -> None:
    clock = FakeClock(datetime(2026, 11, 23, 10, tzinfo=UTC))
    svc = services(tmp_path, clock, {"support_manager": [f"json://127.0.0.1:{endpoint.port}/a"]})
    queue(svc, alert(ticket="1"))
    queue(svc, alert(ticket="2"))
    seen_due: list[list[str]] = []

    def slow_channel(body: dict[str, Any]) -> None:
        if "#1" in body["title"]:
            clock.now += timedelta(minutes=6)  # the first send outlasts a lease
        else:  # while #2 is being sent, no other sender may see it as due
            with svc.store.session() as session:
                seen_due.append([r.ticket_id for r in repo.pending_notifications(session, clock.now)])

    endpoint.on_request = slow_channel
    assert svc.send_pending().sent == 2
    assert seen_due == [[]]
    assert len(endpoint.received) == 2


def test_every_pass_schedules_the_next_one_when_a_notification_falls_due(tmp_path: Path, endpoint: Endpoint
                                                                          ) -> None:
    start = datetime(2026, 11, 23, 10, tzinfo=UTC)
    clock = FakeClock(start)
    svc = services(tmp_path, clock, {"support_manager": [f"json://127.0.0.1:{endpoint.port}/a"]})
    queue(svc, alert(), not_before=start + timedelta(hours=8))
    before = datetime.now(UTC)
    assert svc.send_pending().sent == 0
    [eta] = passes(svc)
    assert before + timedelta(hours=8) <= eta <= datetime.now(UTC) + timedelta(hours=8, seconds=1)
    svc.send_pending()
    assert len(passes(svc)) == 1  # already scheduled for that time: not queued twice
    # a failed send schedules its retry at its retry time
    endpoint.fail = 1
    queue(svc, alert(key="other"))
    before = datetime.now(UTC)
    assert svc.send_pending().failed == 1
    first = passes(svc)[0]
    assert before + timedelta(minutes=1) <= first <= datetime.now(UTC) + timedelta(minutes=1, seconds=1)


def passes(svc: Services) -> list[datetime]:
    """When the queued sending passes will run (huey keeps a delayed task in the queue with its eta until a
    consumer moves it to its schedule)."""
    tasks = [*svc.huey.pending(), *svc.huey.scheduled()]
    return sorted(t.eta.replace(tzinfo=UTC) for t in tasks if t.name.endswith("send_notifications") and t.eta)


def test_the_minute_sweep_sends_what_is_due(tmp_path: Path, endpoint: Endpoint) -> None:
    """The safety net: a due notification whose sending pass was lost goes out with the next sweep."""
    clock = FakeClock(datetime(2026, 11, 23, 10, tzinfo=UTC))
    svc = services(tmp_path, clock, {"support_manager": [f"json://127.0.0.1:{endpoint.port}/a"]})
    queue(svc, alert(), not_before=clock.now + timedelta(minutes=30))
    svc.huey.flush()  # no pass queued for it
    assert svc.sweep().notifications_sent == 0
    clock.now += timedelta(minutes=31)
    report = svc.sweep()
    assert report.notifications_sent == 1 and "sent 1 due notification(s), 0 failed" in report.lines()
    assert len(endpoint.received) == 1 and rows(svc)[0].status == "sent"


def test_pages_to_opsgenie_create_an_alert(tmp_path: Path, proxy: list[str]) -> None:
    """apprise's Opsgenie default maps an "info" message to a note on an existing alert, and sends nothing at all
    when there is none: alerts go out as warnings, which create one."""
    clock = FakeClock(datetime(2026, 11, 23, 10, tzinfo=UTC))
    svc = services(tmp_path, clock, {"on_call": ["opsgenie://0psg3nieKEYsecret0001"]})
    queue(svc, alert(role="on_call", urgent=True))
    assert svc.send_pending().failed == 1  # the proxy refuses the tunnel
    assert proxy == ["api.opsgenie.com:443"]


SECRETS = ("PDINTEGRATIONKEY0001", "PDAPIKEY0000000001", "0psg3nieKEYsecret0001", "123456789:AAHtelegramBOT01",
           "AAHtelegramBOT01", "T1AAAAAAA", "B1BBBBBBB", "SLACKTOKEN0000000001", "T2CCCCCCC", "SLACKMALFORMED00001",
           "SMTPPASSWORD0001", "bob:SMTP")


def leaky_channels(smtp_port: int) -> list[str]:
    return [
        "pagerduty://PDINTEGRATIONKEY0001@PDAPIKEY0000000001",
        "opsgenie://0psg3nieKEYsecret0001",
        "tgram://123456789:AAHtelegramBOT01/987654",
        "slack://T1AAAAAAA/B1BBBBBBB/SLACKTOKEN0000000001",
        "slack://T2CCCCCCC/SLACKMALFORMED00001",  # malformed: apprise logs it at error
        mail_url(smtp_port, login="bob:SMTPPASSWORD0001@"),  # aiosmtpd offers no AUTH: the login fails
    ]


def test_no_secret_reaches_a_log_record_the_cli_or_a_stored_column(
        tmp_path: Path, proxy: list[str], smtp: tuple[Mailbox, int], caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("apprise", "urllib3", "requests"):
        caplog.set_level(logging.DEBUG, logger=name)
    channels = leaky_channels(smtp[1])
    clock = FakeClock(datetime(2026, 11, 23, 10, tzinfo=UTC))
    svc = services(tmp_path, clock, {"on_call": channels})
    queue(svc, alert(role="on_call", urgent=True))
    for _ in range(3):
        assert svc.send_pending().failed == 1
        clock.now += timedelta(minutes=10)
    assert {"events.pagerduty.com:443", "api.opsgenie.com:443", "api.telegram.org:443", "hooks.slack.com:443"} <= \
        set(proxy)  # each hosted service was really tried
    path = tmp_path / "escalator.yaml"
    path.write_text(yaml.safe_dump(config_data(tmp_path, {"on_call": channels})), encoding="utf-8")
    result = CliRunner().invoke(main, ["--log-level", "debug", "notify", "test", "on_call", "--config", str(path)])
    assert result.exit_code == 1
    assert "failed  pagerduty://*** (on_call #1)" in result.output
    assert f"failed  mailto://127.0.0.1:{smtp[1]} (on_call #6)" in result.output
    listed = CliRunner().invoke(main, ["dead-letters", "list", "--config", str(path)])
    assert "send_notification" in listed.output
    with svc.store.session() as session:
        [row] = session.scalars(select(NotificationRow))
        [dead] = session.scalars(select(DeadLetterRow))
        stored = json.dumps([row.last_error, row.channels_ok, row.channels_failed, dead.error, dead.args])
    assert row.status == "failed" and len(row.channels_failed) == 6
    records = [f"{r.getMessage()} {r.exc_text or ''}" for r in caplog.records]
    assert any("Pager Duty" in r for r in records)  # apprise's own lines were captured, scrubbed
    for secret in SECRETS:
        assert secret not in stored, secret
        assert secret not in result.output + listed.output, secret
        assert secret not in caplog.text, secret
        assert not [r for r in records if secret in r], secret


def test_redacted_channels_name_a_server_only_where_the_host_is_one() -> None:
    assert redact("mailtos://user:pass@smtp.acme.com:587?to=a@b.example") == "mailtos://smtp.acme.com:587"
    assert redact("json://u:p@hooks.acme.com/path/SECRET?token=x") == "json://hooks.acme.com"
    assert redact("json://u:pa/ss@hooks.acme.com") == "json://***"  # an unencoded / in the password
    for url in ("opsgenie://KEY", "pagerduty://KEY@KEY", "tgram://1:TOKEN/2", "slack://T/B/X", "twilio://S:T@+1/+2"):
        assert redact(url).endswith("://***"), url


def test_the_log_filter_scrubs_credentials_but_not_servers_or_recipients() -> None:
    secrets = url_secrets("mailtos://escalator:s3cretPASS@smtp.acme.com:587?from=escalator@acme.example"
                          "&to=lead@acme.example&pass=an0therPASS") | url_secrets("tgram://123:ABCtokenXYZ/42")
    assert {"s3cretPASS", "an0therPASS", "escalator:s3cretPASS", "123:ABCtokenXYZ", "ABCtokenXYZ"} <= secrets
    assert not {"smtp.acme.com", "escalator", "escalator@acme.example", "lead@acme.example", "587"} & secrets
    # a bare user (an email address's local part) is no credential, however short
    assert url_secrets("mailto://a@b.example?to=m@x.example") == {"mailto://a@b.example?to=m@x.example"}


def test_alerts_wait_for_business_hours_but_pages_do_not(tmp_path: Path) -> None:
    saturday = datetime(2026, 11, 28, 22, tzinfo=UTC)
    svc = services(tmp_path, FakeClock(saturday), {})
    opens = datetime(2026, 11, 30, 9, tzinfo=UTC)  # default schedule: Mon-Fri 09:00-17:00
    def not_before(role: str, urgent: bool) -> datetime | None:
        return svc.pipeline._not_before(Notification(role, "k", "1", "d", "t", "b", urgent=urgent), saturday)

    assert not_before("support_manager", False) == opens
    assert not_before("on_call", True) is None
    assert not_before("customer", False) is None


class Died(BaseException):
    """The process ends here (nothing after it runs)."""


def test_a_channel_that_took_it_before_the_process_died_is_not_sent_it_again(
        tmp_path: Path, endpoint: Endpoint, smtp: tuple[Mailbox, int], monkeypatch: pytest.MonkeyPatch) -> None:
    mailbox, port = smtp
    clock = FakeClock(datetime(2026, 11, 23, 10, tzinfo=UTC))
    hook = f"json://127.0.0.1:{endpoint.port}/alert"
    svc = services(tmp_path, clock, {"support_manager": [mail_url(port), hook]})
    sent = svc.notifier.deliver

    def dies_before_the_hook(url: str, *args: Any) -> bool:
        if url.startswith("json://"):
            raise Died()
        return sent(url, *args)

    queue(svc, alert())
    monkeypatch.setattr(svc.notifier, "deliver", dies_before_the_hook)
    with pytest.raises(Died):
        svc.send_pending()
    monkeypatch.setattr(svc.notifier, "deliver", sent)
    clock.now += CLAIM_LEASE + timedelta(seconds=1)  # the dead sender's claim runs out
    assert svc.send_pending().sent == 1
    assert len(mailbox.messages) == 1 and len(endpoint.received) == 1  # the email was recorded at once


def test_the_last_channels_success_is_recorded_with_the_outcome_not_on_its_own(
        tmp_path: Path, endpoint: Endpoint, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = FakeClock(datetime(2026, 11, 23, 10, tzinfo=UTC))
    svc = services(tmp_path, clock, {"support_manager": [f"json://127.0.0.1:{endpoint.port}/alert"]})
    notes: list[str] = []
    record = repo.note_channel_delivered
    monkeypatch.setattr(repo, "note_channel_delivered", lambda s, i, label: (notes.append(label), record(s, i, label)))
    queue(svc, alert())
    assert svc.send_pending().sent == 1
    assert notes == []  # one transaction fewer per alert: its one channel is in the "sent" update
    [row] = rows(svc)
    assert row.channels_ok == [f"json://127.0.0.1:{endpoint.port} (support_manager #1)"]
