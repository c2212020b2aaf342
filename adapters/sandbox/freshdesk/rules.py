"""Freshdesk's automation rules, as far as the sandbox runs them: the checks on a rule's body (`POST`/`PUT
/api/v2/automations/{type}/rules`) and whether a rule fires on a ticket change, with the `{{triggered_event}}` it
fires for. Types: 1 ticket creation (fires on every new ticket), 4 ticket updates (fires when the performer and one
of the events match), 3 hourly triggers (stored, never run). Conditions: ticket fields with is, is_not, in, not_in,
contains and does_not_contain; condition sets joined by the rule's `operator` ("condition_set_1 or ..." for any).
Actions other than trigger_webhook are stored and not run. Pure.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlparse

from adapters.sandbox.freshdesk.errors import Invalid

REQUEST_TYPES = ("GET", "POST", "PUT", "PATCH", "DELETE")
CONTENT_TYPES = ("JSON", "XML", "X-FORM-URLENCODED")
OPERATORS = ("is", "is_not", "in", "not_in", "contains", "does_not_contain")
FIELD_EVENTS = {"status": "status", "priority": "priority", "group_id": "group_id", "responder_id": "responder_id",
                "ticket_type": "type"}
OTHER_EVENTS = ("note_type", "reply_sent", "ticket_action", "customer_feedback")
PERFORMERS = {1: ("agent",), 2: ("requester",), 3: ("agent", "requester"), 4: ("system",)}
ANY = ("--", "", None)


def check_rule(automation_type: int, data: Mapping[str, Any]) -> None:
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        raise Invalid("name", "Mandatory attribute missing", "missing_field")
    conditions = data.get("conditions")
    if automation_type in (1, 4) and (not isinstance(conditions, list) or not conditions):
        raise Invalid("conditions", "Mandatory attribute missing: at least one condition", "missing_field")
    for number, group in enumerate(conditions or []):
        if not isinstance(group, Mapping) or group.get("match_type") not in ("all", "any"):
            raise Invalid(f"conditions[{number}].match_type", "It should be one of these values: 'all,any'")
        for item in group.get("properties") or []:
            if not isinstance(item, Mapping) or not item.get("field_name"):
                raise Invalid(f"conditions[{number}].properties", "field_name is missing", "missing_field")
            if item.get("operator") not in OPERATORS:
                raise Invalid(f"conditions[{number}].properties.operator",
                              f"It should be one of these values: '{','.join(OPERATORS)}'")
    if automation_type == 4:
        performer = data.get("performer")
        if not isinstance(performer, Mapping) or _int(performer.get("type")) not in PERFORMERS:
            raise Invalid("performer.type", "It should be one of these values: '1,2,3,4'", "missing_field")
        events = data.get("events")
        if not isinstance(events, list) or not events:
            raise Invalid("events", "Mandatory attribute missing", "missing_field")
        for event in events:
            name = event.get("field_name") if isinstance(event, Mapping) else None
            if name not in FIELD_EVENTS and name not in OTHER_EVENTS:
                raise Invalid("events.field_name", f"{name!r} is not an event a rule can listen to")
    else:
        for key in ("performer", "events"):
            if data.get(key):
                raise Invalid(key, "Only ticket update rules (type 4) take this", "invalid_field")
    actions = data.get("actions")
    if not isinstance(actions, list) or not actions:
        raise Invalid("actions", "Mandatory attribute missing", "missing_field")
    for action in actions:
        if not isinstance(action, Mapping) or not action.get("field_name"):
            raise Invalid("actions.field_name", "Mandatory attribute missing", "missing_field")
        if action["field_name"] == "trigger_webhook":
            _check_webhook(action)


def _int(value: Any) -> int | None:
    text = str(value).strip() if value is not None else ""
    return int(text) if text.isdigit() else None


def _check_webhook(action: Mapping[str, Any]) -> None:
    if action.get("request_type") not in REQUEST_TYPES:
        raise Invalid("actions.request_type", f"It should be one of these values: '{','.join(REQUEST_TYPES)}'")
    url = urlparse(str(action.get("url") or ""))
    if url.scheme not in ("http", "https") or not url.netloc:
        raise Invalid("actions.url", "It should be a valid URL", "invalid_value")
    if action.get("request_type") in ("GET", "DELETE"):
        return
    if action.get("content_type") not in CONTENT_TYPES:
        raise Invalid("actions.content_type", f"It should be one of these values: '{','.join(CONTENT_TYPES)}'")
    layout = _int(action.get("content_layout"))
    content = action.get("content")
    if layout == 1:
        if not isinstance(content, list) or not all(isinstance(c, str) for c in content):
            raise Invalid("actions.content", "The simple layout takes a list of placeholders", "datatype_mismatch")
    elif layout == 2:
        if action["content_type"] == "JSON":
            try:
                parsed = json.loads(str(content))
            except ValueError:
                parsed = None
            if not isinstance(parsed, dict):
                raise Invalid("actions.content", "JSON content must be a JSON object", "invalid_value")
    else:
        raise Invalid("actions.content_layout", "It should be one of these values: '1,2'")
    headers = action.get("custom_headers") or {}
    if not isinstance(headers, Mapping) or not all(isinstance(k, str) and isinstance(v, str)
                                                   for k, v in headers.items()):
        raise Invalid("actions.custom_headers", "It should be a/an key/value pair of strings", "datatype_mismatch")


def _holds(item: Mapping[str, Any], ticket: Mapping[str, Any]) -> bool:
    name = str(item["field_name"])
    actual = ticket.get({"ticket_type": "type", "agent": "responder_id", "group": "group_id"}.get(name, name))
    operator, wanted = item["operator"], item.get("value")
    values = [str(v) for v in wanted] if isinstance(wanted, list) else [str(wanted)]
    if isinstance(actual, list):  # tags
        found = bool({str(a) for a in actual} & set(values))
    elif operator in ("contains", "does_not_contain"):
        found = any(v.lower() in str(actual or "").lower() for v in values)
    else:
        found = str(actual) in values
    return found if operator in ("is", "in", "contains") else not found


def conditions_hold(rule: Mapping[str, Any], ticket: Mapping[str, Any]) -> bool:
    results = []
    for group in rule.get("conditions") or []:
        checks = [_holds(item, ticket) for item in group.get("properties") or []]
        results.append(all(checks) if group.get("match_type") == "all" else any(checks))
    if not results:
        return True
    return any(results) if " or " in str(rule.get("operator") or "").lower() else all(results)


def triggered_event(rule: Mapping[str, Any], change: Any) -> str | None:
    """The `{{triggered_event}}` text when `rule` fires on `change` (a state.Change), else None."""
    if not rule.get("active", True) or not conditions_hold(rule, change.after):
        return None
    if rule["automation_type_id"] == 1:
        return "{ticket_action:created}" if change.before is None else None
    if rule["automation_type_id"] != 4 or change.before is None:
        return None
    performer = rule.get("performer") or {}
    kinds = PERFORMERS.get(_int(performer.get("type")) or 0, ())
    members = [str(m) for m in performer.get("members") or []]
    if change.performer not in kinds or (members and change.performer == "agent"
                                         and str(change.performer_id) not in members):
        return None
    kind = (change.conversation or {}).get("kind")
    for event in rule.get("events") or []:
        name = event.get("field_name")
        if name in FIELD_EVENTS:
            key = FIELD_EVENTS[name]
            old, new = change.before.get(key), change.after.get(key)
            if old != new and (event.get("from") in ANY or str(event["from"]) == str(old)) and (
                    event.get("to") in ANY or str(event["to"]) == str(new)):
                return f"{{{name}:{{from:{_plain(old)},to:{_plain(new)}}}}}"
        elif name == "note_type" and kind == "note":
            wanted, private = event.get("value"), change.conversation.get("private")
            if wanted in ANY or wanted == ("private" if private else "public"):
                return f"{{note_type:{'private' if private else 'public'}}}"
        elif name == "reply_sent" and kind in ("reply", "incoming"):
            return "{reply_sent:sent}"
    return None


def _plain(value: Any) -> str:
    return "" if value is None else str(value)
