"""What the Freshdesk sandbox accepts in a ticket: the numeric codes (status, priority, source), the fields a create
or an update may carry, and their checks, each refusal shaped as Freshdesk's (field, message, code). Pure."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from adapters.sandbox.freshdesk.errors import Invalid, one_of
from adapters.sandbox.rendering import plain_text

STATUS_NAMES = {2: "Open", 3: "Pending", 4: "Resolved", 5: "Closed", 6: "Waiting on Customer",
                7: "Waiting on Third Party"}
PRIORITY_NAMES = {1: "Low", 2: "Medium", 3: "High", 4: "Urgent"}
SOURCE_NAMES = {1: "Email", 2: "Portal", 3: "Phone", 4: "Forum", 5: "Twitter", 6: "Facebook", 7: "Chat",
                8: "Mobihelp", 9: "Feedback Widget", 10: "Outbound Email", 11: "Ecommerce", 12: "Bot"}
UNCHANGEABLE_SOURCES = (5, 6)  # Twitter and Facebook tickets keep their source
TICKET_TYPES = ("Question", "Incident", "Problem", "Feature Request", "Refund")
TAG_MAX_LENGTH = 32
COMMON_FIELDS = ("name", "requester_id", "email", "phone", "twitter_id", "facebook_id", "unique_external_id",
                 "subject", "type", "status", "priority", "description", "responder_id", "cc_emails", "custom_fields",
                 "due_by", "fr_due_by", "email_config_id", "group_id", "parent_id", "product_id", "source", "tags",
                 "company_id", "internal_agent_id", "internal_group_id")
CREATE_FIELDS = frozenset(COMMON_FIELDS)
UPDATE_FIELDS = frozenset(COMMON_FIELDS) - {"cc_emails"}
ID_FIELDS = ("requester_id", "responder_id", "group_id", "company_id", "product_id", "email_config_id", "parent_id",
             "internal_agent_id", "internal_group_id")


def text_of(body_html: str) -> str:
    """The plain text Freshdesk keeps beside an HTML body (body_text, description_text): no comment, tag or
    attribute."""
    return plain_text(body_html)


def _positive_int(field: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(field, f"Value set is of type {type(value).__name__}.It should be a/an Positive Integer",
                      "datatype_mismatch")
    if value < 1:
        raise Invalid(field, "It should be a/an Positive Integer", "invalid_value")


def check_ticket_fields(data: Mapping[str, Any], allowed: frozenset[str], statuses: Mapping[int, str],
                        exists: Callable[[str, int], bool], *, updating: bool) -> None:
    """Refuse, as Freshdesk does, what the body of a ticket create or update may not say."""
    for key in data:
        if key not in allowed:
            raise Invalid(key, "Unexpected/invalid field in request", "invalid_field")
    for field in ID_FIELDS:
        value = data.get(field)
        if value is None:
            continue
        _positive_int(field, value)
        if not exists(field, value):
            raise Invalid(field, f"There is no {field.removesuffix('_id')} matching the given {field}",
                          "invalid_value")
    for field, choices in (("status", statuses), ("priority", PRIORITY_NAMES), ("source", SOURCE_NAMES)):
        if field in data:
            value = data[field]
            if isinstance(value, bool) or not isinstance(value, int) or value not in choices:
                raise one_of(field, ",".join(str(c) for c in choices))
    if updating and data.get("source") in UNCHANGEABLE_SOURCES:
        raise Invalid("source", "The source of a Twitter or Facebook ticket cannot be changed", "invalid_value")
    if data.get("type") is not None and data["type"] not in TICKET_TYPES:
        raise one_of("type", ",".join(TICKET_TYPES))
    if "tags" in data:
        check_tags(data["tags"])
    if "custom_fields" in data and not isinstance(data["custom_fields"], dict):
        raise Invalid("custom_fields", "Value set is of type String.It should be a/an key/value pair",
                      "datatype_mismatch")
    for field in ("subject", "description", "email", "name"):
        if data.get(field) is not None and not isinstance(data[field], str):
            raise Invalid(field, f"Value set is of type {type(data[field]).__name__}.It should be a/an String",
                          "datatype_mismatch")


def check_tags(tags: Any) -> None:
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise Invalid("tags", "Value set is of type String.It should be a/an Array", "datatype_mismatch")
    for tag in tags:
        if "," in tag:
            raise Invalid("tags", "special_chars_present: a tag cannot hold a comma", "invalid_value")
        if len(tag) > TAG_MAX_LENGTH:
            raise Invalid("tags", f"It should only contain elements that have maximum of {TAG_MAX_LENGTH} "
                                  "characters", "invalid_value")


def clean_tags(tags: list[str]) -> list[str]:
    """Freshdesk drops blank tags and repeats, keeping the order given."""
    out: list[str] = []
    for tag in (t.strip() for t in tags):
        if tag and tag not in out:
            out.append(tag)
    return out
