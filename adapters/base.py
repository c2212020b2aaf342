"""The helpdesk port as adapters see it, and the helpers every adapter's webhook parsing shares.

The port itself (`HelpdeskAdapter`, its request and result types, its typed errors) is defined in the core, in
`plugin.ports`, and re-exported here so an adapter (ours or a third party's) imports one module. Like gidgethub's
`sansio`, parsing and verifying a webhook is pure (headers and raw bytes in, events out); the read and write methods
do the I/O. A third party adds a platform by implementing `HelpdeskAdapter` and registering the class under the
entry-point group `helpdesk_escalator.adapters`.
"""

from __future__ import annotations

from typing import Any

import orjson

from plugin.domain import MARKER_PREFIX
from plugin.ledger import Part, note_marker, reply_marker, task_external_id, task_link, with_marker
from plugin.ports import (
    ApplyRequest,
    ApplyResult,
    BadSignatureError,
    ConflictError,
    ExportPage,
    HelpdeskAdapter,
    HelpdeskError,
    InstallResult,
    InvalidFieldError,
    MissingFieldError,
    MissingSignatureError,
    NotFoundError,
    NotJsonError,
    PermanentError,
    RetryAfterError,
    SatisfactionRating,
    SlaImport,
    StaleTimestampError,
    TransientError,
    UnknownEventError,
    WebhookError,
)

NOTE_MARKER_PREFIX = MARKER_PREFIX


def load_json_object(body: bytes) -> dict[str, Any]:
    """The body as a JSON object, or the typed error that says why not (for every adapter's parse_webhook). Parsed
    by orjson (strict RFC 8259: no NaN, integers within 64 bits, valid UTF-8), a few times faster than the standard
    library on the request path."""
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        if "depth" in str(exc):  # orjson's limit: 1024 levels of arrays and objects
            raise NotJsonError("body is not JSON we accept: it is nested too deeply to parse") from None
        raise NotJsonError(f"body is not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise InvalidFieldError(f"body must be a JSON object, got {type(data).__name__}")
    return data


def is_ascii_digits(text: str) -> bool:
    """True for "123", false for "", "²" or Arabic-Indic digits (which str.isdigit accepts)."""
    return text.isascii() and text.isdigit()


__all__ = [
    "NOTE_MARKER_PREFIX", "ApplyRequest", "ApplyResult", "BadSignatureError", "ConflictError", "ExportPage",
    "HelpdeskAdapter", "HelpdeskError", "InstallResult", "InvalidFieldError", "MissingFieldError",
    "MissingSignatureError", "NotFoundError", "NotJsonError", "Part", "PermanentError", "RetryAfterError",
    "SatisfactionRating", "SlaImport", "StaleTimestampError", "TransientError", "UnknownEventError", "WebhookError",
    "is_ascii_digits", "load_json_object", "note_marker", "reply_marker", "task_external_id", "task_link",
    "with_marker",
]
