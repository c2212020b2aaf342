"""The checks Freshdesk makes on an SLA policy (`POST`/`PUT /api/v2/sla_policies`), as the sandbox makes them:
a name; targets for all four priorities (`priority_4` .. `priority_1`), each with `respond_within` and
`resolve_within` in seconds (multiples of 60, at least 900), `business_hours` and `escalation_enabled`; at least one
`applicable_to` list unless the policy is the default one (of which there is one); resolution escalation levels that
follow each other. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from adapters.sandbox.freshdesk.errors import Invalid

PRIORITY_KEYS = ("priority_4", "priority_3", "priority_2", "priority_1")
APPLICABLE_KEYS = ("company_ids", "group_ids", "sources", "ticket_types", "product_ids")
MIN_TARGET = 900


def _seconds(field: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(field, "It should be a/an Positive Integer", "datatype_mismatch")
    if value % 60 or value < MIN_TARGET:
        raise Invalid(field, f"It should be a multiple of 60 and at least {MIN_TARGET}", "invalid_value")


def check_sla_policy(data: Mapping[str, Any], *, default_exists: bool, updating: bool = False) -> None:
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        raise Invalid("name", "Mandatory attribute missing", "missing_field")
    targets = data.get("sla_target")
    if not isinstance(targets, Mapping):
        raise Invalid("sla_target", "Mandatory attribute missing", "missing_field")
    for key in PRIORITY_KEYS:
        target = targets.get(key)
        if not isinstance(target, Mapping):
            raise Invalid(f"sla_target.{key}", "Mandatory attribute missing", "missing_field")
        for name in ("respond_within", "resolve_within"):
            if name not in target:
                raise Invalid(f"sla_target.{key}.{name}", "Mandatory attribute missing", "missing_field")
            _seconds(f"sla_target.{key}.{name}", target[name])
        for flag in ("business_hours", "escalation_enabled"):
            if not isinstance(target.get(flag), bool):
                raise Invalid(f"sla_target.{key}.{flag}", "It should be a/an Boolean", "datatype_mismatch")
    extra = set(targets) - set(PRIORITY_KEYS)
    if extra:
        raise Invalid(f"sla_target.{sorted(extra)[0]}", "Unexpected/invalid field in request", "invalid_field")
    applicable = data.get("applicable_to") or {}
    if not isinstance(applicable, Mapping) or set(applicable) - set(APPLICABLE_KEYS):
        raise Invalid("applicable_to", f"It should only contain {', '.join(APPLICABLE_KEYS)}", "invalid_field")
    if data.get("is_default"):
        if default_exists and not updating:
            raise Invalid("is_default", "There is a default SLA policy already", "invalid_value")
    elif not any(applicable.get(key) for key in APPLICABLE_KEYS):
        raise Invalid("applicable_to", "Mandatory attribute missing: one of its lists", "missing_field")
    position = data.get("position")
    if position is not None and (isinstance(position, bool) or not isinstance(position, int) or position < 1):
        raise Invalid("position", "It should be a/an Positive Integer", "invalid_value")
    resolution = ((data.get("escalation") or {}).get("resolution") or {})
    levels = sorted(resolution)
    if levels and levels != [f"level_{n}" for n in range(1, len(levels) + 1)]:
        raise Invalid("escalation.resolution", "Levels must follow each other from level_1", "invalid_value")
