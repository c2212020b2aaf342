"""The Freshdesk sandbox's refusals, each with the body Freshdesk gives it (shared/reference/freshdesk.md, "Errors"):

- a validation error (400, 409): `{"description": "Validation failed", "errors": [{"field", "message", "code"}]}`;
- a request error (401, 403, 405, 429): `{"code": ..., "message": ...}`, no field (Freshdesk's request_error view);
- a record that does not exist (404): no body at all (Freshdesk's `head :not_found`).
"""

from __future__ import annotations

from typing import Any


class FreshdeskError(Exception):
    """A refusal: its HTTP status and its JSON body (None: an empty body)."""

    status = 400

    def body(self) -> dict[str, Any] | None:
        raise NotImplementedError


class Invalid(FreshdeskError):
    """Validation failed on one field or more (400; 409 for a duplicate value)."""

    def __init__(self, field: str, message: str, code: str = "invalid_value", *, status: int = 400,
                 more: list[tuple[str, str, str]] | None = None) -> None:
        super().__init__(f"{field}: {message}")
        self.status = status
        self.errors = [(field, message, code), *(more or [])]

    def body(self) -> dict[str, Any]:
        return {"description": "Validation failed",
                "errors": [{"field": f, "message": m, "code": c} for f, m, c in self.errors]}


class RequestRefused(FreshdeskError):
    """A refusal of the request as a whole: bad credentials, no access, wrong method, rate limit."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message

    def body(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message}


class NotFound(FreshdeskError):
    status = 404

    def body(self) -> None:
        return None


def one_of(field: str, values: object) -> Invalid:
    return Invalid(field, f"It should be one of these values: '{values}'")
