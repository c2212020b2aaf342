"""The one small interface every helpdesk adapter implements, and the typed errors adapters raise.

The service layer talks to a platform only through `HelpdeskAdapter`; a third party adds a platform by
implementing it and registering the class under the entry-point group `helpdesk_escalator.adapters`.
Like gidgethub's `sansio`, parsing and verifying a webhook is pure (headers and raw bytes in, events out); the
read and write methods do the I/O.
"""

from __future__ import annotations

import abc
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from plugin.domain import MARKER_PREFIX, Customer, TaskTicket, Ticket, TicketChanges, TicketEvent, TicketSummary

if TYPE_CHECKING:
    from plugin.config import EscalatorConfig


# ---------------------------------------------------------------- webhook errors (inbound, no network)


class WebhookError(Exception):
    """A webhook we refuse. `code` is machine-readable, `http_status` what the receiver answers."""

    code: ClassVar[str] = "bad_webhook"
    http_status: ClassVar[int] = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class MissingSignatureError(WebhookError):
    code = "missing_signature"
    http_status = 401


class BadSignatureError(WebhookError):
    code = "bad_signature"
    http_status = 401


class StaleTimestampError(WebhookError):
    code = "stale_timestamp"
    http_status = 401


class NotJsonError(WebhookError):
    code = "not_json"
    http_status = 400


class UnknownEventError(WebhookError):
    code = "unknown_event"
    http_status = 400


class MissingFieldError(WebhookError):
    code = "missing_field"
    http_status = 400


class InvalidFieldError(WebhookError):
    code = "invalid_field"
    http_status = 400


def load_json_object(body: bytes) -> dict[str, Any]:
    """The body as a JSON object, or the typed error that says why not (for every adapter's parse_webhook)."""
    import json

    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise NotJsonError(f"body is not JSON: {exc}") from None
    except RecursionError:
        raise NotJsonError("body is not JSON we accept: it is nested too deeply to parse") from None
    if not isinstance(data, dict):
        raise InvalidFieldError(f"body must be a JSON object, got {type(data).__name__}")
    return data


def is_ascii_digits(text: str) -> bool:
    """True for "123", false for "", "²" or Arabic-Indic digits (which str.isdigit accepts)."""
    return text.isascii() and text.isdigit()


# ---------------------------------------------------------------- API errors (outbound)


class HelpdeskError(Exception):
    """A call to the platform failed. Messages never carry credentials."""

    retryable: ClassVar[bool] = False


class RetryAfterError(HelpdeskError):
    """The platform rate-limited us: re-queue the work `retry_after` seconds from now; never sleep a worker."""

    retryable = True

    def __init__(self, retry_after: float, message: str = "") -> None:
        super().__init__(message or f"rate limited; retry after {retry_after:g}s")
        self.retry_after = retry_after


class TransientError(HelpdeskError):
    """5xx, timeout or connection error that survived the adapter's own bounded retries."""

    retryable = True


class ConflictError(HelpdeskError):
    """The ticket changed since we read it (Zendesk 409 on safe_update, Freshdesk tags moved): re-read, re-decide."""

    retryable = True


class NotFoundError(HelpdeskError):
    """The ticket, user or organization does not exist (or was deleted)."""


class PermanentError(HelpdeskError):
    """Bad credentials, validation failure, forbidden: retrying will not help."""


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class ApplyResult:
    ticket_id: str
    ok: bool
    ticket: Ticket | None = None  # the ticket after the write, when the platform returns it
    error: HelpdeskError | None = None
    write_requests: int = 0
    note_already_present: bool = False


@dataclass(frozen=True)
class ApplyRequest:
    """One ticket's changes, the version they were decided on, and the key that makes a retry harmless."""

    ticket: Ticket
    changes: TicketChanges
    idempotency_key: str


@dataclass(frozen=True)
class SatisfactionRating:
    ticket_id: str
    score: str  # "good" / "bad" (Zendesk) or a number as text (Freshdesk)
    positive: bool
    created_at: datetime


@dataclass(frozen=True)
class InstallResult:
    webhook_id: str
    rule_ids: tuple[str, ...]
    created: bool
    details: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ExportPage:
    tickets: tuple[Ticket, ...]
    cursor: str | None
    end_of_stream: bool


# ---------------------------------------------------------------- the interface


NOTE_MARKER_PREFIX = MARKER_PREFIX


def task_external_id(idempotency_key: str) -> str:
    """The external id a linked task ticket carries, so a retry finds it instead of creating a second one."""
    return f"escalator-task-{idempotency_key}"


def task_link(task_id: str, url: str) -> str:
    """The line the internal note on the customer's ticket gets when a linked task ticket was created for it."""
    return f"Escalation task: #{task_id} {url}"


def note_marker(idempotency_key: str) -> str:
    """The reference line appended to every note we write; finding it on the ticket means 'already written'."""
    return f"[{NOTE_MARKER_PREFIX}{idempotency_key}]"


def reply_marker(idempotency_key: str) -> str:
    """The reference line of the public reply a decision writes: its own, so that a note that landed never makes a
    reply that did not land look done (each comment is checked on its own)."""
    return f"[{NOTE_MARKER_PREFIX}{idempotency_key}:reply]"


class HelpdeskAdapter(abc.ABC):
    """What the service layer needs from a helpdesk platform."""

    name: ClassVar[str]

    @classmethod
    @abc.abstractmethod
    def from_config(cls, config: EscalatorConfig, **options: Any) -> HelpdeskAdapter:
        """Build the adapter from the `<name>:` section of the configuration."""

    # inbound: pure
    @abc.abstractmethod
    def parse_webhook(self, headers: Mapping[str, str], body: bytes, *, now: datetime) -> list[TicketEvent]:
        """Authenticate on the raw bytes, then parse. Raises only `WebhookError` subclasses."""

    # read
    @abc.abstractmethod
    def get_ticket(self, ticket_id: str) -> Ticket:
        """One ticket with its comments."""

    @abc.abstractmethod
    def get_tickets(self, ticket_ids: Sequence[str]) -> list[Ticket]:
        """Many tickets in as few calls as the platform allows; comments not included."""

    @abc.abstractmethod
    def get_customer(self, requester_id: str) -> Customer:
        """The requester with their organization's fields and tags merged in."""

    @abc.abstractmethod
    def requester_tickets(self, requester_id: str, since: datetime) -> list[TicketSummary]:
        """The requester's tickets created since `since` (for the repeat-contact rule)."""

    @abc.abstractmethod
    def open_tickets(self) -> Iterator[Ticket]:
        """Every ticket not solved or closed, for sweeps; comments not included."""

    @abc.abstractmethod
    def export_tickets(self, since: datetime, cursor: str | None = None) -> ExportPage:
        """One page of the incremental export, for backfill."""

    @abc.abstractmethod
    def satisfaction_ratings(self, since: datetime) -> Iterator[SatisfactionRating]:
        """Satisfaction ratings received since `since`."""

    # write
    @abc.abstractmethod
    def apply(self, request: ApplyRequest) -> ApplyResult:
        """Write one decision. Raises `RetryAfterError`, `ConflictError`, `TransientError`, `PermanentError`."""

    def apply_many(self, requests: Sequence[ApplyRequest]) -> list[ApplyResult]:
        """Write many decisions; adapters override this where the platform has a bulk call."""
        return [self.apply(r) for r in requests]

    def create_task_ticket(self, parent: Ticket, task: TaskTicket, idempotency_key: str) -> str:
        """Create the linked task ticket for `task` once and return its id: a second call with the same key finds
        the first ticket (by its external id, or however the platform allows) and creates nothing. `apply` calls
        this when `changes.task` is set, and links the task in the internal note it writes on `parent`."""
        raise PermanentError(f"{self.name}: linked task tickets are not supported; set workflow.escalation_task "
                             f"to reassign")

    # install
    @abc.abstractmethod
    def install(self, callback_url: str, secret: str) -> InstallResult:
        """Create or update the webhook and the rule that sends ticket events to `callback_url`."""

    def group_for_tier(self, config: EscalatorConfig, tier: int) -> str | None:
        if 1 <= tier <= len(config.tiers):
            return config.tiers[tier - 1].groups.get(self.name)
        return None
