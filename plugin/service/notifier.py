"""Sends the notifications decisions queued: alerts to roles through apprise URLs (email, Slack, Twilio SMS,
PagerDuty, Opsgenie, JSON webhooks), and the customer's notice as a public reply on the ticket (or an email).

The notifications table is an outbox: a decision queues rows in its own transaction (deduplicated per ticket, role
and reason over the configured period); this sends what is due, records which channels took it, and retries a
failed send until it fails for good, when it is marked failed and written to the dead letters.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import apprise

from adapters.base import ApplyRequest
from plugin.config import EscalatorConfig
from plugin.domain import TicketChanges, is_ours

if TYPE_CHECKING:
    from plugin.service.bootstrap import Services

log = logging.getLogger(__name__)


CLAIM_LEASE = timedelta(minutes=5)


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    suppressed: int = 0
    details: list[str] = field(default_factory=list)


def redact(url: str) -> str:
    """A channel URL fit for a log line or a message: scheme and host only, never credentials or tokens."""
    scheme, _, rest = url.partition("://")
    host = rest.split("@")[-1].split("/")[0].split("?")[0]
    return f"{scheme}://{host or '...'}"


Deliver = Callable[[str, str, str, Sequence[str], bool], bool]


def apprise_deliver(url: str, title: str, body: str, attachments: Sequence[str] = (), html: bool = False) -> bool:
    """Send one message to one apprise URL; True when the channel accepted it."""
    client = apprise.Apprise()
    if not client.add(url):
        raise ValueError(f"not a valid notification URL: {redact(url)}")
    attach = apprise.AppriseAttachment(list(attachments)) if attachments else None
    body_format = apprise.NotifyFormat.HTML if html else apprise.NotifyFormat.TEXT
    return bool(client.notify(title=title, body=body, attach=attach, body_format=body_format))


class Notifier:
    def __init__(self, config: EscalatorConfig, deliver: Deliver = apprise_deliver) -> None:
        self.config = config
        self.deliver = deliver

    def channels(self, role: str) -> list[str]:
        return [secret.get_secret_value() for secret in self.config.notifications.channels.get(role, [])]

    def send_to_role(self, role: str, title: str, body: str, attachments: Sequence[str] = (), *, html: bool = False
                     ) -> tuple[list[str], list[str]]:
        """Send to every channel of `role`; (redacted channels that took it, redacted channels that failed)."""
        ok: list[str] = []
        failed: list[str] = []
        for url in self.channels(role):
            try:
                delivered = self.deliver(url, title, body, attachments, html)
            except Exception as exc:  # a broken channel must not stop the others
                log.warning("notification to %s failed: %s", redact(url), type(exc).__name__)
                delivered = False
            (ok if delivered else failed).append(redact(url))
        return ok, failed

    def send_pending(self, services: Services, limit: int = 100) -> SendReport:
        from plugin.store import repository as repo

        report = SendReport()
        now = services.clock()
        with services.store.session() as session:
            rows = [(r.id, r.platform, r.ticket_id, r.role, r.title, r.body, r.attempts, r.kind, r.dedupe_key)
                    for r in repo.pending_notifications(session, now, limit)]
        for row_id, platform, ticket_id, role, title, body, attempts, kind, dedupe_key in rows:
            with services.store.session() as session:
                if not repo.claim_notification(session, row_id, now, CLAIM_LEASE):
                    continue  # another sender has it
            try:
                if role == "customer":
                    ok, failed = self._notify_customer(services, platform, ticket_id, title, body)
                elif kind == "weekly_report":
                    ok, failed = self._send_report(services, role, title, dedupe_key.split(":", 1)[1])
                else:
                    ok, failed = self.send_to_role(role, title, body)
            except Exception as exc:
                ok, failed = [], [f"{type(exc).__name__}: {exc}"]
            with services.store.session() as session:
                if ok:
                    repo.mark_notification_sent(session, row_id, now, ok, failed)
                    report.sent += 1
                elif not failed:
                    repo.mark_notification_failed(session, row_id, now, f"no channel configured for role {role}",
                                                  final=True, suppressed=True)
                    report.suppressed += 1
                else:
                    final = attempts + 1 > self.config.notifications.retries
                    delay = self.config.notifications.retry_delay * (attempts + 1)
                    repo.mark_notification_failed(session, row_id, now, "; ".join(failed), final=final,
                                                  retry_at=now + delay)
                    report.failed += 1
                    if final:
                        repo.add_dead_letter(session, "send_notification", [row_id, role], "; ".join(failed),
                                             attempts + 1, now, platform=platform, ticket_id=ticket_id)
            services.metrics.notifications.labels(role, "sent" if ok else ("failed" if failed else "no_channel")
                                                  ).inc()
            report.details.append(f"{role} #{ticket_id}: {'sent' if ok else 'not sent'}")
        if report.failed:
            services.tasks.enqueue_notifications_later(self.config.notifications.retry_delay.total_seconds() + 0.5)
        return report

    def _notify_customer(self, services: Services, platform: str, ticket_id: str, title: str, body: str
                         ) -> tuple[list[str], list[str]]:
        notice = self.config.notifications.customer_notice
        adapter = services.adapters.get(platform)
        ticket = adapter.get_ticket(ticket_id)
        if notice == "email":
            customer = adapter.get_customer(ticket.requester_id) if ticket.requester_id else None
            if customer is None or not customer.email:
                return [], ["the requester has no email address"]
            return self.send_to_role_with_recipient("customer", customer.email, title, body)
        if any(c.public and c.by_agent and is_ours(c.body) and body.strip() in c.body for c in ticket.comments):
            return [f"{platform} reply (already on the ticket)"], []
        key = "notice-" + hashlib.sha256(f"{platform}/{ticket_id}/{body}".encode()).hexdigest()[:16]
        result = adapter.apply(ApplyRequest(ticket, TicketChanges(public_reply=body), key))
        return ([f"{platform} public reply"], []) if result.ok else ([], [str(result.error)])

    def _send_report(self, services: Services, role: str, title: str, week: str) -> tuple[list[str], list[str]]:
        """The weekly report as an HTML email (with a plain-text part) and the chart as a PNG attachment."""
        import base64
        import tempfile
        from pathlib import Path

        from plugin.store import repository as repo

        with services.store.session() as session:
            report = repo.get_report(session, "weekly", week)
            if report is None:
                return [], [f"no saved report for {week}"]
            html_body, chart = report.html, report.content.get("chart_png")
        with tempfile.TemporaryDirectory() as folder:
            attachments = []
            if chart:
                path = Path(folder) / f"escalations-{week}.png"
                path.write_bytes(base64.b64decode(chart))
                attachments.append(str(path))
            return self.send_to_role(role, title, html_body, attachments, html=True)

    def send_to_role_with_recipient(self, role: str, email: str, title: str, body: str
                                    ) -> tuple[list[str], list[str]]:
        ok: list[str] = []
        failed: list[str] = []
        for url in self.channels(role):
            joined = f"{url}{'&' if '?' in url else '?'}to={email}"
            try:
                delivered = self.deliver(joined, title, body, (), False)
            except Exception:
                delivered = False
            (ok if delivered else failed).append(redact(url))
        return ok, failed


def describe_channels(config: EscalatorConfig) -> dict[str, Any]:
    """Role -> redacted channels, for `describe` and `notify test`: never the secrets themselves."""
    return {role: [redact(s.get_secret_value()) for s in urls] for role, urls in config.notifications.channels.items()}
