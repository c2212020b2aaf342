"""Freshdesk's ticket filter language (`GET /api/v2/search/tickets?query="..."`), for the sandbox: terms
`field:value`, `field:'text'`, `field:null`, `field:>value` (at least) and `field:<value` (at most), joined by AND
and OR (AND binds tighter) and grouped with parentheses; the whole query inside double quotes, at most 512 characters.
Fields: agent_id, group_id, priority, status, tag, type, due_by, fr_due_by, created_at, updated_at (dates as
YYYY-MM-DD) and custom fields (cf_...). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from adapters.sandbox.freshdesk.errors import Invalid

MAX_QUERY = 512
_TOKEN = re.compile(r"\s*(?:(\()|(\))|(AND|OR)\b|([a-z_][a-z0-9_]*):([<>]?)('(?:[^'\\]|\\.)*'|[^\s()]+))", re.I)
_NUMBERS = {"agent_id": "responder_id", "group_id": "group_id", "priority": "priority", "status": "status"}
_DATES = ("due_by", "fr_due_by", "created_at", "updated_at")

Matcher = Callable[[Mapping[str, Any]], bool]


def _refuse(message: str) -> Invalid:
    return Invalid("query", message, "invalid_value")


def compile_query(raw: str) -> Matcher:
    """A predicate over ticket JSON, or Invalid (400) naming what is wrong with the query."""
    if len(raw) < 2 or not (raw.startswith('"') and raw.endswith('"')):
        raise _refuse("The query must be enclosed in double quotes")
    text = raw[1:-1]
    if len(text) > MAX_QUERY:
        raise _refuse(f"The query may be at most {MAX_QUERY} characters long")
    tokens: list[tuple[str, ...]] = []
    position = 0
    while position < len(text.rstrip()):
        match = _TOKEN.match(text, position)
        if match is None:
            raise _refuse(f"Cannot read the query from {text[position:][:20]!r}")
        opening, closing, joiner, field, operator, value = match.groups()
        tokens.append(("(",) if opening else (")",) if closing else ("op", joiner.upper()) if joiner
                      else ("term", field, operator, value))
        position = match.end()
    matcher, rest = _expression(tokens)
    if rest:
        raise _refuse("Unbalanced parentheses or a dangling operator in the query")
    return matcher


def _expression(tokens: list[tuple[str, ...]]) -> tuple[Matcher, list[tuple[str, ...]]]:
    alternatives: list[Matcher] = []
    while True:
        conjunction: list[Matcher] = []
        while True:
            term, tokens = _term(tokens)
            conjunction.append(term)
            if tokens[:1] != [("op", "AND")]:
                break
            tokens = tokens[1:]
        alternatives.append(_all(tuple(conjunction)))
        if tokens[:1] != [("op", "OR")]:
            return _any(tuple(alternatives)), tokens
        tokens = tokens[1:]


def _all(matchers: tuple[Matcher, ...]) -> Matcher:
    return lambda t: all(m(t) for m in matchers)


def _any(matchers: tuple[Matcher, ...]) -> Matcher:
    return lambda t: any(m(t) for m in matchers)


def _term(tokens: list[tuple[str, ...]]) -> tuple[Matcher, list[tuple[str, ...]]]:
    if not tokens:
        raise _refuse("The query ends too early")
    head = tokens[0]
    if head == ("(",):
        inner, rest = _expression(tokens[1:])
        if rest[:1] != [(")",)]:
            raise _refuse("Unbalanced parentheses in the query")
        return inner, rest[1:]
    if head[0] != "term":
        raise _refuse("A condition is expected where the query has an operator or a parenthesis")
    return _condition(head[1], head[2], head[3]), tokens[1:]


def _condition(field: str, operator: str, raw: str) -> Matcher:
    quoted = raw.startswith("'")
    value: Any = None if raw == "null" and not quoted else raw[1:-1].replace("\\'", "'") if quoted else raw
    if field == "tag":
        return lambda t: (not t.get("tags")) if value is None else value in (t.get("tags") or [])
    if field == "type":
        return lambda t: t.get("type") == value
    if field in _NUMBERS or field in _DATES:
        key = _NUMBERS.get(field, field)

        def actual(t: Mapping[str, Any]) -> Any:
            found = t.get(key)
            return str(found)[:10] if field in _DATES and found is not None else found

        wanted: Any = value
        if field in _NUMBERS and value is not None:
            if not str(value).isdigit():
                raise _refuse(f"{field} must be a number, got {value!r}")
            wanted = int(value)
        return _compare(actual, operator, wanted)
    if field.startswith("cf_"):
        return _compare(lambda t: (t.get("custom_fields") or {}).get(field), operator, value, loose=True)
    raise _refuse(f"{field} is not a field tickets can be filtered by")


def _compare(actual: Callable[[Mapping[str, Any]], Any], operator: str, wanted: Any, loose: bool = False) -> Matcher:
    def holds(ticket: Mapping[str, Any]) -> bool:
        found = actual(ticket)
        if wanted is None or found is None:
            return operator == "" and found is None and wanted is None
        if loose:
            found, target = str(found).lower(), str(wanted).lower()
        else:
            target = wanted
        if operator == ">":
            return bool(found >= target)
        if operator == "<":
            return bool(found <= target)
        return bool(found == target)

    return holds
