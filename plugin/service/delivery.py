"""Delivering one message to one channel: apprise for every channel URL, and the weekly report's email built by us
(our plain-text part, the chart inline) for mailto channels, on apprise's parsing of the URL."""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Callable, Sequence
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid
from typing import Any

import apprise

from plugin.service.channels import redact

CHART_CID = "weekly-chart"

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
