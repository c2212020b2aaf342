"""Naming notification channels without their secrets, and scrubbing secrets from logs and stored errors.

Channel URLs carry credentials (the whole URL is the key for pagerduty://, opsgenie://, slack://, tgram://...):
what we log, print or store names a channel by its role and position, plus the server for the email and webhook
schemes, never more (`channel_label`). Every secret of the configuration is also scrubbed from the log records of
apprise, urllib3 and our own modules (`protect_logs`), because apprise logs keys and tokens at warning and debug.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl, unquote

from pydantic import BaseModel, SecretStr

from plugin.config import EscalatorConfig

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


# How each kind of channel carries an alert's identity, so a receiver that saw it already drops a second delivery
# (one after a sender died between the channel's acceptance and our record of it): PagerDuty's dedup key,
# Opsgenie's alias, a header on emails and webhooks.
IDENTITY_PARAMETERS = {"pagerduty": "dedup", "opsgenie": "alias"}
HEADER_SCHEMES = frozenset({"mailto", "mailtos", "json", "jsons", "xml", "xmls", "form", "forms"})
IDENTITY_HEADER = "X-Escalator-Alert"


# Channels with an acknowledgment of their own: they re-notify and escalate by their own policy until someone
# acknowledges there, so our reminders (repeats of an alert) are not sent to them.
OWN_ACKNOWLEDGMENT = frozenset({"pagerduty", "opsgenie"})


def acknowledges_itself(url: str) -> bool:
    return url.partition("://")[0].lower() in OWN_ACKNOWLEDGMENT


def with_identity(url: str, identity: str) -> str:
    """The channel URL with the alert's identity added where the channel takes one (unchanged otherwise, or when
    the admin set it already)."""
    scheme = url.partition("://")[0].lower()
    if scheme in IDENTITY_PARAMETERS:
        name = IDENTITY_PARAMETERS[scheme]
    elif scheme in HEADER_SCHEMES:
        name = f"+{IDENTITY_HEADER}"
    else:
        return url
    if re.search(rf"[?&]{re.escape(name)}=", url):
        return url
    return f"{url}{'&' if '?' in url else '?'}{name}={identity}"


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
