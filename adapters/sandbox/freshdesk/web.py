"""What the Freshdesk sandbox's routes share: reading a JSON body, numeric, date and `include` query parameters
(each refusal Freshdesk-shaped), and `page`/`per_page` pagination with the next page in a `link` header."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from flask import Response, jsonify, request

from adapters.sandbox.freshdesk.errors import Invalid, RequestRefused
from adapters.sandbox.freshdesk.state import parse_stamp

DEFAULT_PER_PAGE = 30
MAX_PER_PAGE = 100


def body() -> dict[str, Any]:
    if not request.data:
        return {}
    try:
        data = json.loads(request.data)
    except ValueError:
        raise RequestRefused(400, "invalid_json", "Request body has invalid json format") from None
    if not isinstance(data, dict):
        raise RequestRefused(400, "invalid_json", "Request body must be a JSON object")
    return data


def int_arg(name: str, default: int | None = None) -> int | None:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise Invalid(name, "It should be a/an Positive Integer", "datatype_mismatch")
    return int(raw)


def time_arg(name: str) -> str | None:
    """A date-time query parameter (ISO 8601, or a bare date) as a UTC stamp for comparison."""
    raw = request.args.get(name)
    if raw is None:
        return None
    text = raw.strip()
    try:
        moment = parse_stamp(text if "T" in text else f"{text}T00:00:00Z")
    except ValueError:
        raise Invalid(name, "It should be in the 'valid date time' format", "invalid_value") from None
    if moment.tzinfo is None:
        raise Invalid(name, "It should be in the 'valid date time' format", "invalid_value")
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def includes(allowed: Sequence[str]) -> list[str]:
    wanted = [part.strip() for part in request.args.get("include", "").split(",") if part.strip()]
    for item in wanted:
        if item not in allowed:
            raise Invalid("include", f"It should be one of these values: '{','.join(allowed)}'")
    return wanted


def page(items: Sequence[Any], *, max_page: int | None = None) -> Response:
    """One page of a list (`per_page` 1-100, default 30; `page` from 1) with the next page in a `link` header."""
    size = int_arg("per_page", DEFAULT_PER_PAGE) or DEFAULT_PER_PAGE
    if size > MAX_PER_PAGE:
        raise Invalid("per_page", f"It should be a Number between 1 to {MAX_PER_PAGE}", "invalid_value")
    number = int_arg("page", 1) or 1
    if max_page is not None and number > max_page:
        raise Invalid("page", f"It should be a Number between 1 to {max_page}", "invalid_value")
    response = jsonify(list(items[(number - 1) * size: number * size]))
    if number * size < len(items) and (max_page is None or number < max_page):
        query = urlencode({**request.args.to_dict(), "page": number + 1})
        response.headers["Link"] = f'<{request.base_url}?{query}>; rel="next"'
    return response


def created(data: Any, location: str) -> tuple[Response, int]:
    response = jsonify(data)
    response.headers["Location"] = f"{request.host_url.rstrip('/')}{location}"
    return response, 201
