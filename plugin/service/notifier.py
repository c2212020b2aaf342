"""Sends the notifications decisions queued: alerts to roles through apprise URLs (email, Slack, Twilio SMS,
PagerDuty, Opsgenie, JSON webhooks), and the customer's notice when it goes by email. (A customer's notice as a
public reply on the ticket is a helpdesk write: the ticket pipeline makes it, in the decision's own write.)

The notifications table is an outbox: a decision's record queues rows in its own transaction, once the decision's
write is known to have landed (deduplicated per ticket, role and reason over the configured period); this sends what
is due, records each channel that took it as soon as it did, and retries a failed send, on the channels that have
not taken it yet, until it fails for good: it is then marked failed (or partial, when some channels took it) and
written to the dead letters. A sender claims a row (state sending, with its process as owner): a sender that dies
is recognised by recovery and its rows are due again at once. Each pass ends by scheduling the next one at the
exact time the next notification falls due (a retry, or business hours opening).

Channels are named without their secrets (plugin/service/channels.py) and messages go out through
plugin/service/delivery.py.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from plugin.config import EscalatorConfig
from plugin.ports import Helpdesks
from plugin.reminders import REMINDER_SUFFIX
from plugin.service.channels import acknowledges_itself, channel_label, protect_logs, scrub, with_identity
from plugin.service.delivery import Deliver, apprise_deliver, email_server, send_report_email
from plugin.service.metrics import Metrics
from plugin.service.owners import process_identity
from plugin.store import Store
from plugin.store import repository as repo

if TYPE_CHECKING:
    from plugin.store.models import NotificationRow

log = logging.getLogger(__name__)


CLAIM_LEASE = timedelta(minutes=2)  # a sender of another host that died frees its claims after this


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    suppressed: int = 0
    shadow: int = 0  # shadow mode: kept, not sent
    details: list[str] = field(default_factory=list)


@dataclass
class Attempt:
    """One sending attempt of one notification: the channels that took it now, those that did not, and errors
    that are not about a channel (a missing report, a helpdesk error on the customer's reply)."""

    ok: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


OnDelivered = Callable[[str], None]


class Notifier:
    def __init__(self, config: EscalatorConfig, deliver: Deliver = apprise_deliver) -> None:
        self.config = config
        self.deliver = deliver
        protect_logs(config)
        self._outbox: Outbox | None = None

    def connect(self, outbox: Outbox) -> Notifier:
        """Give the notifier the store, clock and queue it sends from (the wiring does this once)."""
        self._outbox = outbox
        return self

    @property
    def outbox(self) -> Outbox:
        if self._outbox is None:
            raise RuntimeError("the notifier is not connected to an outbox (see Notifier.connect)")
        return self._outbox

    def channels(self, role: str) -> list[str]:
        return [secret.get_secret_value() for secret in self.config.notifications.channels.get(role, [])]

    def labelled(self, role: str) -> list[tuple[str, str]]:
        """(label, URL) of each channel of `role`."""
        return [(channel_label(role, i, url), url) for i, url in enumerate(self.channels(role), start=1)]

    def _each_channel(self, role: str, send: Callable[[str], bool], skip: Collection[str],
                      on_delivered: OnDelivered | None) -> tuple[list[str], list[str]]:
        ok: list[str] = []
        failed: list[str] = []
        for label, url in self.labelled(role):
            if label in skip:
                continue  # it took this notification on an earlier attempt
            try:
                delivered = send(url)
            except Exception as exc:  # a broken channel must not stop the others
                log.warning("notification to %s failed: %s", label, type(exc).__name__)
                delivered = False
            if delivered:
                ok.append(label)
                if on_delivered is not None:
                    on_delivered(label)
            else:
                log.warning("notification to %s was not accepted", label)
                failed.append(label)
        return ok, failed

    def send_to_role(self, role: str, title: str, body: str, attachments: Sequence[str] = (), *, html: bool = False,
                     skip: Collection[str] = (), on_delivered: OnDelivered | None = None
                     ) -> tuple[list[str], list[str]]:
        """Send to every channel of `role` but those in `skip`; (labels of the channels that took it, of those
        that did not). `on_delivered` is told of each success at once, so a crash does not forget it."""
        return self._each_channel(role, lambda url: self.deliver(url, title, body, attachments, html), skip,
                                  on_delivered)

    # -- the outbox

    def send_pending(self, limit: int = 100, ids: Collection[int] | None = None) -> SendReport:
        """Send the due notifications (only `ids`, when given), then schedule the next pass for when the next one
        falls due."""
        box = self.outbox
        report = SendReport()
        taken = 0
        while taken < limit:
            with box.store.session() as session:
                claimed = repo.claim_next_notification(session, box.clock(), CLAIM_LEASE, owner=process_identity(),
                                                       ids=ids)
                row = None if claimed is None else _Pending.of(claimed)
            if row is None:
                break
            taken += 1
            outcome = self._send_one(row)
            setattr(report, outcome, getattr(report, outcome) + 1)
            report.details.append(f"{row.role} #{row.ticket_id}: {outcome}")
        if ids is None and taken == limit:
            box.enqueue()  # more are due than one pass takes
        self.schedule_next()
        return report

    def schedule_next(self) -> datetime | None:
        """Queue a sending pass for the moment the next notification falls due (its retry time, or the opening of
        business hours it waits for)."""
        box = self.outbox
        now = box.clock()
        with box.store.session() as session:
            due = repo.next_notification_due(session, now)
        if due is not None:
            box.schedule(due)
        return due

    def _send_one(self, row: _Pending) -> str:
        """Send one notification this process has claimed; how it went (sent, suppressed, failed, shadow)."""
        box = self.outbox
        if self.config.mode == "shadow":  # kept as it would have gone out; no channel is called
            with box.store.session() as session:
                repo.mark_notification_shadow(session, row.id, box.clock())
            if box.metrics is not None:
                box.metrics.notifications.labels(row.role, "shadow").inc()
            return "shadow"
        already = list(row.channels_ok)
        took = list(already)

        def delivered(label: str) -> None:
            took.append(label)
            with box.store.session() as session:
                repo.note_channel_delivered(session, row.id, label)

        attempt = Attempt()
        try:
            if row.role == "customer":
                attempt = self._notify_customer(row, already, delivered)
            elif row.kind == "weekly_report":
                attempt = self._send_report(row.role, row.title, row.dedupe_key.split(":", 1)[1], already,
                                            delivered)
            else:
                identity = alert_identity(row.platform, row.id)
                skip = list(already)
                if row.kind.endswith(REMINDER_SUFFIX):  # PagerDuty and Opsgenie remind by their own policy
                    skip += [label for label, url in self.labelled(row.role) if acknowledges_itself(url)]
                to_try = [label for label, _url in self.labelled(row.role) if label not in skip]

                def delivered_before_the_last(label: str) -> None:
                    # the last channel's success is recorded with the outcome, one transaction later at once
                    if label != to_try[-1]:
                        delivered(label)

                attempt.ok, attempt.failed = self._each_channel(
                    row.role, lambda url: self.deliver(with_identity(url, identity), row.title, row.body, (), False),
                    skip, delivered_before_the_last)
        except Exception as exc:
            log.warning("notification #%s to %s failed: %s", row.id, row.role, type(exc).__name__)
            attempt.errors.append(scrub(f"{type(exc).__name__}: {exc}"))
        took = list(dict.fromkeys(took + attempt.ok))  # every channel that has it, whatever went wrong after
        now = box.clock()
        with box.store.session() as session:
            if not attempt.failed and not attempt.errors:
                if took:
                    repo.mark_notification_sent(session, row.id, now, took, [])
                    outcome = "sent"
                else:
                    repo.mark_notification_failed(session, row.id, now, f"no channel configured for role {row.role}",
                                                  final=True, suppressed=True)
                    outcome = "suppressed"
            else:
                error = "; ".join([*(f"not delivered to {label}" for label in attempt.failed), *attempt.errors])
                final = row.attempts + 1 > self.config.notifications.retries
                delay = self.config.notifications.retry_delay * (row.attempts + 1)
                repo.mark_notification_failed(session, row.id, now, error, final=final, retry_at=now + delay,
                                              channels_ok=took, channels_failed=attempt.failed)
                outcome = "failed"
                if final:
                    repo.add_dead_letter(session, "send_notification", [row.id, row.role], error, row.attempts + 1,
                                         now, platform=row.platform, ticket_id=row.ticket_id)
        if box.metrics is not None:
            box.metrics.notifications.labels(row.role, {"suppressed": "no_channel"}.get(outcome, outcome)).inc()
        return outcome

    def _notify_customer(self, row: _Pending, skip: Collection[str], delivered: OnDelivered) -> Attempt:
        """The customer's notice by email (customer_notice: email), to the requester's address. A notice as a
        public reply is not sent from here: the pipeline writes it with the decision."""
        attempt = Attempt()
        if self.config.notifications.customer_notice != "email":
            attempt.errors.append("customer notices go out as public replies, written by the ticket pipeline")
            return attempt
        adapter = self.outbox.helpdesks.get(row.platform)
        ticket = adapter.get_ticket(row.ticket_id)
        customer = adapter.get_customer(ticket.requester_id) if ticket.requester_id else None
        if customer is None or not customer.email:
            attempt.errors.append("the requester has no email address")
            return attempt
        email = customer.email
        attempt.ok, attempt.failed = self._each_channel(
            "customer", lambda url: self.deliver(f"{url}{'&' if '?' in url else '?'}to={email}", row.title,
                                                 row.body, (), False), skip, delivered)
        return attempt

    def _send_report(self, role: str, title: str, week: str, skip: Collection[str], delivered: OnDelivered
                     ) -> Attempt:
        """The weekly report: to an email channel, our own multipart email (the plain-text rendering, the HTML,
        the chart inline); to any other channel, the HTML through apprise with the chart attached."""
        import base64
        import tempfile
        from pathlib import Path

        with self.outbox.store.session() as session:
            report = repo.get_report(session, "weekly", week)
            if report is None:
                return Attempt(errors=[f"no saved report for {week}"])
            content = dict(report.content)
            html_body = report.html
        chart = base64.b64decode(content["chart_png"]) if content.get("chart_png") else None
        text = str(content.get("text") or "")
        email_html = str(content.get("html_email") or html_body)
        attempt = Attempt()
        with tempfile.TemporaryDirectory() as folder:
            attachments = []
            if chart:
                path = Path(folder) / f"escalations-{week}.png"
                path.write_bytes(chart)
                attachments.append(str(path))

            def send(url: str) -> bool:
                server = email_server(url)
                if server is not None:
                    return send_report_email(server, title, email_html, text, chart)
                return self.deliver(url, title, html_body, attachments, True)

            attempt.ok, attempt.failed = self._each_channel(role, send, skip, delivered)
        return attempt


def alert_identity(platform: str, notification_id: int) -> str:
    """The identity an alert carries on every channel and every attempt (see channels.with_identity)."""
    return f"escalator-{platform}-{notification_id}"


@dataclass
class Outbox:
    """Where the notifier sends from: the store holding the outbox, the clock, the helpdesks (the requester's email
    address), how to queue a sending pass now or at a time, and the metrics."""

    store: Store
    clock: Callable[[], datetime]
    helpdesks: Helpdesks
    enqueue: Callable[[], None]
    schedule: Callable[[datetime], object]
    metrics: Metrics | None = None


@dataclass(frozen=True)
class _Pending:
    """What a pass needs of a row it claimed."""

    id: int
    platform: str
    ticket_id: str
    role: str
    kind: str
    title: str
    body: str
    attempts: int
    dedupe_key: str
    channels_ok: tuple[str, ...]

    @classmethod
    def of(cls, row: NotificationRow) -> _Pending:
        return cls(row.id, row.platform, row.ticket_id, row.role, row.kind, row.title, row.body, row.attempts,
                   row.dedupe_key, tuple(row.channels_ok or ()))


def describe_channels(config: EscalatorConfig) -> dict[str, Any]:
    """Role -> channel labels, for `describe` and `notify test`: never the secrets themselves."""
    return {role: [channel_label(role, i, s.get_secret_value()) for i, s in enumerate(urls, start=1)]
            for role, urls in config.notifications.channels.items()}
