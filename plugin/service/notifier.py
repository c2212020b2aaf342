"""Sends the notifications decisions queued: alerts to roles through apprise URLs (email, Slack, Twilio SMS,
PagerDuty, Opsgenie, JSON webhooks), and the customer's notice as a public reply on the ticket (or an email).

The notifications table is an outbox: a decision queues rows in its own transaction (deduplicated per ticket, role
and reason over the configured period); this sends what is due, records each channel that took it as soon as it
did, and retries a failed send, on the channels that have not taken it yet, until it fails for good: it is then
marked failed (or partial, when some channels took it) and written to the dead letters. Each pass ends by
scheduling the next one at the exact time the next notification falls due (a retry, or business hours opening).

Channel URLs carry credentials (the whole URL is the key for pagerduty://, opsgenie://, slack://, tgram://...):
what we log, print or store names a channel by its role and position, plus the server for the email and webhook
schemes, never more (`channel_label`). Every secret of the configuration is also scrubbed from the log records of
apprise, urllib3 and our own modules (`protect_logs`), because apprise logs keys and tokens at warning and debug.
"""

from __future__ import annotations

import hashlib
import logging
import re
import smtplib
import ssl
import threading
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, unquote

import apprise
from pydantic import BaseModel, SecretStr

from adapters.base import ApplyRequest
from plugin.config import EscalatorConfig
from plugin.domain import TicketChanges, is_ours

if TYPE_CHECKING:
    from plugin.service.bootstrap import Services
    from plugin.store.models import NotificationRow

log = logging.getLogger(__name__)


CLAIM_LEASE = timedelta(minutes=5)
CHART_CID = "weekly-chart"
# Schemes whose host is a server name (an SMTP relay, a webhook receiver), fit to show; for every other scheme the
# host is itself a key or a token (opsgenie://KEY, pagerduty://KEY@KEY, tgram://BOTTOKEN, slack://T/B/X).
SERVER_SCHEMES = frozenset({"mailto", "mailtos", "json", "jsons", "xml", "xmls", "form", "forms"})
_HOST = re.compile(r"^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$")
_SPLIT = re.compile(r"[/@?&=#:,]")


# ---------------------------------------------------------------- naming channels without their secrets


def redact(url: str) -> str:
    """A channel URL fit for a log line or a message: the scheme, plus the server for the email and webhook
    schemes (never user, password, path or query); `scheme://***` for the schemes whose host is a key."""
    scheme, sep, rest = url.partition("://")
    scheme = scheme.lower() if sep and scheme.isalnum() else "?"
    if scheme in SERVER_SCHEMES:
        host = re.split(r"[/?#]", rest, maxsplit=1)[0].rpartition("@")[2]
        if _HOST.match(host):
            return f"{scheme}://{host}"
    return f"{scheme}://***"


def channel_label(role: str, index: int, url: str) -> str:
    """How a channel is named everywhere (logs, CLI output, the notifications and dead-letter tables): its redacted
    URL, its role and its 1-based position in the role's list, e.g. "slack://*** (team_lead #2)"."""
    return f"{redact(url)} ({role} #{index})"


# Query parameters of channel URLs that name recipients or settings, not credentials.
PLAIN_PARAMETERS = frozenset({"to", "from", "cc", "bcc", "reply", "name", "smtp", "mode", "format", "method",
                              "overflow", "region", "priority", "batch", "action", "tags", "lang", "verify", "cto",
                              "rto", "retry", "wait", "optional"})


def url_secrets(url: str) -> set[str]:
    """The parts of a channel URL that must never be logged, raw and percent-decoded: the URL itself; its user and
    password; for the schemes whose host is a key, the host and every piece of the path; for the email and webhook
    schemes, each path segment; and every query value but the recipients and settings (PLAIN_PARAMETERS)."""
    scheme, _, rest = url.partition("://")
    server = scheme.lower() in SERVER_SCHEMES
    netloc = re.split(r"[/?#]", rest, maxsplit=1)[0]
    tail = rest[len(netloc):]
    userinfo, _, host = netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    path, _, query = tail.partition("#")[0].partition("?")
    exact = {url}  # kept whatever their length
    if len(password) >= 3:
        exact |= {userinfo, password}
    pieces = [segment for segment in path.split("/") if segment]
    if not server:
        pieces += [user, host]
    elif not _HOST.match(host) and len(host) >= 3:  # not a server name: a password with an unencoded "/", say
        exact.add(host)
    found = set(exact)
    for piece in pieces:
        found.update([piece, *_SPLIT.split(piece)] if not server else [piece])
    found.update(value for key, value in parse_qsl(query, keep_blank_values=False)
                 if key.lower() not in PLAIN_PARAMETERS)
    exact |= {unquote(s) for s in exact}
    return {s for s in found | {unquote(s) for s in found} if s and (s in exact or len(s) >= 6)}


def config_secrets(config: EscalatorConfig) -> set[str]:
    """Every credential of the configuration: each SecretStr (channel URLs broken into their secret parts), and the
    passwords in the database and queue URLs."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, SecretStr):
            secret = value.get_secret_value()
            if "://" in secret:
                found.update(url_secrets(secret))
            elif len(secret) >= 4:
                found.add(secret)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                walk(getattr(value, name, None))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple | set | frozenset):
            for item in value:
                walk(item)

    walk(config)
    for url in (config.database.url, config.queue.url or ""):
        userinfo = url.partition("://")[2].split("/", 1)[0].rpartition("@")[0]
        password = userinfo.partition(":")[2]
        if len(password) >= 3:
            found |= {password, unquote(password)}
    return found


class SecretFilter(logging.Filter):
    """Replaces every known secret with *** in a log record's message, arguments, traceback and stack."""

    def __init__(self) -> None:
        super().__init__("escalator-secrets")
        self._secrets: tuple[str, ...] = ()
        self._lock = threading.Lock()

    def add(self, secrets: Iterable[str]) -> None:
        with self._lock:
            merged = set(self._secrets) | {s for s in secrets if s}
            self._secrets = tuple(sorted(merged, key=lambda s: (-len(s), s)))

    def scrub(self, text: str) -> str:
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, "***")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: keep only its format string, scrubbed
            message = str(record.msg)
        scrubbed = self.scrub(message)
        if scrubbed != message or record.args:
            record.msg, record.args = scrubbed, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = self.scrub(record.stack_info)
        return True


SECRET_FILTER = SecretFilter()
# The loggers that may see a channel's secrets: apprise (keys and tokens at warning and debug), urllib3 (request
# paths at debug, e.g. Telegram's /bot<TOKEN>/), requests, and ours. A filter on a logger sees only the records
# created on that very logger, so each is named.
PROTECTED_LOGGERS = ("apprise", "urllib3", "urllib3.connectionpool", "urllib3.connection", "urllib3.util.retry",
                     "requests", "huey", "huey.consumer", __name__, "plugin.service.tasks", "plugin.service.jobs",
                     "plugin.service.sweep", "plugin.service.processing", "webhooks.cli")


def protect_logs(config: EscalatorConfig | None = None, handlers: Iterable[logging.Handler] = ()) -> SecretFilter:
    """Scrub the configuration's secrets from what the protected loggers (and `handlers`, e.g. the CLI's) emit.
    Idempotent; the Notifier calls it, so an app that embeds the escalator is covered too."""
    if config is not None:
        SECRET_FILTER.add(config_secrets(config))
    for name in PROTECTED_LOGGERS:
        logger = logging.getLogger(name)
        if SECRET_FILTER not in logger.filters:
            logger.addFilter(SECRET_FILTER)
    for handler in handlers:
        if SECRET_FILTER not in handler.filters:
            handler.addFilter(SECRET_FILTER)
    return SECRET_FILTER


def scrub(text: str) -> str:
    """`text` with every known secret replaced by ***: for error messages we store or print."""
    return SECRET_FILTER.scrub(text)


# ---------------------------------------------------------------- delivery


Deliver = Callable[[str, str, str, Sequence[str], bool], bool]


def apprise_deliver(url: str, title: str, body: str, attachments: Sequence[str] = (), html: bool = False) -> bool:
    """Send one message to one apprise URL; True when the channel accepted it.

    Alerts go out as apprise's "warning" type: with the "info" type, Opsgenie's default action map only adds a note
    to an existing alert ("nothing to map"), so a page would create nothing while reporting success.
    """
    client = apprise.Apprise()
    if not client.add(url):
        raise ValueError(f"not a valid notification URL: {redact(url)}")
    attach = apprise.AppriseAttachment(list(attachments)) if attachments else None
    body_format = apprise.NotifyFormat.HTML if html else apprise.NotifyFormat.TEXT
    kind = apprise.NotifyType.INFO if html else apprise.NotifyType.WARNING
    return bool(client.notify(title=title, body=body, attach=attach, body_format=body_format, notify_type=kind))


def email_server(url: str) -> Any | None:
    """apprise's parsed email channel (SMTP host, port, mode, login, from, recipients) for a mailto:// or
    mailtos:// URL (or one of its provider shortcuts); None for any other channel."""
    from apprise.plugins.email import NotifyEmail

    if url.partition("://")[0].lower() not in ("mailto", "mailtos"):
        return None
    server = apprise.Apprise.instantiate(url)
    return server if isinstance(server, NotifyEmail) else None


def send_report_email(server: Any, title: str, html: str, text: str, chart_png: bytes | None) -> bool:
    """The weekly report as a multipart/alternative email of our own: our plain-text rendering as the text part
    (apprise would derive it from the HTML), the HTML part with the chart inline (multipart/related, cid:).

    The channel's settings come from apprise's parsing of its URL, so every mailto:// form apprise accepts works
    here the same way; only the message is built, and sent with smtplib, by us.
    """
    message = EmailMessage()
    message["Subject"] = title
    message["From"] = formataddr((server.from_addr[0] or "", server.from_addr[1]))
    message["To"] = ", ".join(formataddr((name or "", address)) for name, address in server.targets)
    if server.cc:
        message["Cc"] = ", ".join(sorted(server.cc))
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=server.smtp_host or None)
    message["X-Application"] = "helpdesk-escalator"
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    if chart_png:
        html_part = message.get_body(preferencelist=("html",))
        assert isinstance(html_part, EmailMessage)
        html_part.add_related(chart_png, maintype="image", subtype="png", cid=f"<{CHART_CID}>",
                              disposition="inline", filename="escalations.png")
    recipients = [address for _, address in server.targets] + sorted(server.cc) + sorted(server.bcc)
    context = ssl.create_default_context()
    if not server.verify_certificate:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    timeout = server.socket_connect_timeout or 15
    smtp: smtplib.SMTP
    if server.secure_mode == "ssl":
        smtp = smtplib.SMTP_SSL(server.smtp_host, server.port, timeout=timeout, context=context)
    else:
        smtp = smtplib.SMTP(server.smtp_host, server.port, timeout=timeout)
    with smtp:
        if server.secure_mode == "starttls":
            smtp.starttls(context=context)
        if server.user and server.password:
            smtp.login(server.user, server.password)
        refused = smtp.send_message(message, from_addr=server.from_addr[1], to_addrs=recipients)
    return not refused


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    suppressed: int = 0
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

    def send_pending(self, services: Services, limit: int = 100, ids: Collection[int] | None = None) -> SendReport:
        """Send the due notifications (only `ids`, when given), then schedule the next pass for when the next one
        falls due."""
        from plugin.store import repository as repo

        report = SendReport()
        with services.store.session() as session:
            rows = [_Pending.of(r) for r in repo.pending_notifications(session, services.clock(), limit, ids=ids)]
        for row in rows:
            outcome = self._send_one(services, row)
            if outcome is not None:
                setattr(report, outcome, getattr(report, outcome) + 1)
                report.details.append(f"{row.role} #{row.ticket_id}: {outcome}")
        if ids is None and len(rows) == limit:
            services.tasks.enqueue_notifications()  # more are due than one pass takes
        self.schedule_next(services)
        return report

    def schedule_next(self, services: Services) -> datetime | None:
        """Queue a sending pass for the moment the next notification falls due (its retry time, or the opening of
        business hours it waits for)."""
        from plugin.store import repository as repo

        now = services.clock()
        with services.store.session() as session:
            due = repo.next_notification_due(session, now)
        if due is not None:
            services.tasks.schedule_notifications(due)
        return due

    def _send_one(self, services: Services, row: _Pending) -> str | None:
        from plugin.store import repository as repo

        with services.store.session() as session:
            if not repo.claim_notification(session, row.id, services.clock(), CLAIM_LEASE):
                return None  # another sender has it
        already = list(row.channels_ok)
        took = list(already)

        def delivered(label: str) -> None:
            took.append(label)
            with services.store.session() as session:
                repo.note_channel_delivered(session, row.id, label)

        attempt = Attempt()
        try:
            if row.role == "customer":
                attempt = self._notify_customer(services, row, already, delivered)
            elif row.kind == "weekly_report":
                attempt = self._send_report(services, row.role, row.title, row.dedupe_key.split(":", 1)[1],
                                            already, delivered)
            else:
                attempt.ok, attempt.failed = self.send_to_role(row.role, row.title, row.body, skip=already,
                                                               on_delivered=delivered)
        except Exception as exc:
            log.warning("notification #%s to %s failed: %s", row.id, row.role, type(exc).__name__)
            attempt.errors.append(scrub(f"{type(exc).__name__}: {exc}"))
        took = list(dict.fromkeys(took + attempt.ok))  # every channel that has it, whatever went wrong after
        now = services.clock()
        with services.store.session() as session:
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
        services.metrics.notifications.labels(row.role, {"suppressed": "no_channel"}.get(outcome, outcome)).inc()
        return outcome

    def _notify_customer(self, services: Services, row: _Pending, skip: Collection[str], delivered: OnDelivered
                         ) -> Attempt:
        notice = self.config.notifications.customer_notice
        adapter = services.adapters.get(row.platform)
        ticket = adapter.get_ticket(row.ticket_id)
        attempt = Attempt()
        if notice == "email":
            customer = adapter.get_customer(ticket.requester_id) if ticket.requester_id else None
            if customer is None or not customer.email:
                attempt.errors.append("the requester has no email address")
                return attempt
            email = customer.email
            attempt.ok, attempt.failed = self._each_channel(
                "customer", lambda url: self.deliver(f"{url}{'&' if '?' in url else '?'}to={email}", row.title,
                                                     row.body, (), False), skip, delivered)
            return attempt
        label = f"{row.platform} public reply"
        if label in skip:
            return attempt  # posted on an earlier attempt
        if any(c.public and c.by_agent and is_ours(c.body) and row.body.strip() in c.body for c in ticket.comments):
            attempt.ok.append(label)  # already on the ticket
            return attempt
        key = "notice-" + hashlib.sha256(f"{row.platform}/{row.ticket_id}/{row.body}".encode()).hexdigest()[:16]
        result = adapter.apply(ApplyRequest(ticket, TicketChanges(public_reply=row.body), key))
        if result.ok:
            attempt.ok.append(label)
        else:
            attempt.errors.append(scrub(str(result.error)))
        return attempt

    def _send_report(self, services: Services, role: str, title: str, week: str, skip: Collection[str],
                     delivered: OnDelivered) -> Attempt:
        """The weekly report: to an email channel, our own multipart email (the plain-text rendering, the HTML,
        the chart inline); to any other channel, the HTML through apprise with the chart attached."""
        import base64
        import tempfile
        from pathlib import Path

        from plugin.store import repository as repo

        with services.store.session() as session:
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


@dataclass(frozen=True)
class _Pending:
    """What a pass needs of a due row, read in one short transaction."""

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
