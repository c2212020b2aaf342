"""Real alert receivers on 127.0.0.1 for the fault suite: an HTTP endpoint that takes apprise's `json://` posts (one
path per role) and an SMTP server (aiosmtpd) that takes `mailto://` alerts (one address per role). Each records what
arrived, when (time.monotonic(), the clock the sandbox records with), and when its answer left; observers are told of
each alert before it is answered (the SIGKILL loop kills the service there, "during a notification")."""

from __future__ import annotations

import email
import email.policy
import http.server
import json
import re
import socket
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from aiosmtpd.controller import Controller

_TICKET = re.compile(r"#(\d+)")
_REMINDER = re.compile(r"^\[(Reminder \d+/\d+|Not acknowledged)\]")
EMAIL_DOMAIN = "alerts.example"


@dataclass
class Alert:
    channel: str  # "json" or "email"
    role: str
    title: str
    body: str
    at: float  # when it arrived
    answered: float | None = None  # when our answer left (None: it never did)

    @property
    def ticket_id(self) -> int | None:
        """The ticket an alert is about: the first "#ID" of its title, else of its body."""
        match = _TICKET.search(self.title) or _TICKET.search(self.body)
        return int(match.group(1)) if match else None

    @property
    def reminder(self) -> str:
        """A reminder's label ("Reminder 1/3", "Not acknowledged"): a repeat of an alert nobody acknowledged, an
        effect of its own; "" for the alert itself."""
        match = _REMINDER.match(self.title)
        return match.group(1) if match else ""


Observer = Callable[[Alert], None]


@dataclass
class AlertReceivers:
    alerts: list[Alert] = field(default_factory=list)
    observers: list[Observer] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._http: http.server.ThreadingHTTPServer | None = None
        self._smtp: Controller | None = None
        self.http_port = 0
        self.smtp_port = 0

    # -- recording

    def _arrived(self, alert: Alert) -> None:
        with self._lock:
            self.alerts.append(alert)
        for observer in list(self.observers):
            observer(alert)

    def snapshot(self) -> list[Alert]:
        with self._lock:
            return list(self.alerts)

    # -- the servers

    def start(self) -> AlertReceivers:
        receivers = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                data: Any = json.loads(self.rfile.read(length) or b"{}")
                alert = Alert("json", self.path.strip("/").split("/")[-1], str(data.get("title") or ""),
                              str(data.get("message") or ""), time.monotonic())
                receivers._arrived(alert)
                try:
                    self.send_response(200)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    self.wfile.flush()
                    alert.answered = time.monotonic()
                except OSError:
                    pass

            def log_message(self, *args: object) -> None:
                return

        self._http = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._http.daemon_threads = True
        self.http_port = self._http.server_port
        threading.Thread(target=self._http.serve_forever, name="alert-receiver", daemon=True).start()

        class Mail:
            async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
                message = email.message_from_bytes(envelope.content, policy=email.policy.default)
                body = message.get_body(("plain", "html"))
                text = body.get_content() if body is not None else ""
                alerts = [Alert("email", recipient.split("@")[0], str(message["Subject"] or ""), text,
                                time.monotonic()) for recipient in envelope.rcpt_tos]
                for alert in alerts:
                    receivers._arrived(alert)
                for alert in alerts:
                    alert.answered = time.monotonic()
                return "250 OK"

        with socket.socket() as probe:  # aiosmtpd checks its own start-up by connecting: it needs a real port
            probe.bind(("127.0.0.1", 0))
            self.smtp_port = probe.getsockname()[1]
        self._smtp = Controller(Mail(), hostname="127.0.0.1", port=self.smtp_port)
        self._smtp.start()
        return self

    def stop(self) -> None:
        if self._http is not None:
            self._http.shutdown()
            self._http.server_close()
        if self._smtp is not None:
            self._smtp.stop()

    def channels(self, roles: Sequence[str], email_roles: Sequence[str] = ()) -> dict[str, list[str]]:
        """Apprise URLs: a json:// endpoint for every role, and an email as well for each of `email_roles`."""
        out: dict[str, list[str]] = {role: [f"json://127.0.0.1:{self.http_port}/alerts/{role}"] for role in roles}
        for role in email_roles:
            out.setdefault(role, []).append(f"mailto://127.0.0.1:{self.smtp_port}?from=escalator@{EMAIL_DOMAIN}"
                                            f"&to={role}@{EMAIL_DOMAIN}")
        return out
