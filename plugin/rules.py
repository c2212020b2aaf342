"""Admin rules in the all/any shape of helpdesk triggers: conditions over the facts and the triggers that fired.

`evaluate(rule, ...)` says whether a rule holds now and which trigger reasons made it hold. A rule acts once per
ticket; where it rests on an SLA trigger it acts once per clock and threshold: one key per instance is recorded
(`rule:sla_breach[sla_breached:first_response]`), and the rule acts again only for an instance not acted on yet.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from plugin.conditions import compare, ranked, subject_value
from plugin.config import Condition, RuleConfig
from plugin.domain import Priority, Reason, Sentiment
from plugin.facts import Facts

_SENTIMENT_ORDER = [Sentiment.CALM, Sentiment.FRUSTRATED, Sentiment.ANGRY, Sentiment.THREATENING]


@dataclass(frozen=True)
class RuleMatch:
    rule: RuleConfig
    reasons: tuple[Reason, ...]  # the trigger reasons the rule rests on (may be empty for plain field rules)
    key: str  # this firing as a whole (the notifications' dedupe key)
    summary: str
    # What the rule acts on, one key per trigger instance (`rule:sla_breach[sla_breached:resolution]`), or the
    # rule's own key (`rule:vip_fast_track`) when it rests on no instance: the rule acts when one of them is new.
    keys: tuple[str, ...] = ()

    def is_new(self, acted: AbstractSet[str]) -> bool:
        """True when at least one of the instances this match rests on has not been acted on yet.

        A combined key written before keys were kept per instance (`rule:x[a|b]`) counts for each of its parts.
        """
        return any(key not in acted and not _in_combined(key, acted) for key in self.keys or (self.key,))


def _in_combined(key: str, acted: AbstractSet[str]) -> bool:
    base, bracket, instance = key.partition("[")
    if not bracket:
        return False
    instance = instance[:-1]
    return any(k.startswith(base + "[") and instance in k[len(base) + 1:-1].split("|") for k in acted if "|" in k)


_OWN_FIELDS = ("sla_elapsed", "sla_state", "sentiment", "sentiment_score", "contact_count", "unassigned_for")


def _field_value(field: str, facts: Facts, priority: Priority) -> Any:
    if field not in _OWN_FIELDS:
        return subject_value(field, replace(facts.subject, priority=priority))
    values: dict[str, Any] = {
        "sla_elapsed": facts.max_sla_share,
        "sla_state": {c.status.state for c in facts.clocks},
        "sentiment": facts.sentiment.level,
        "sentiment_score": facts.sentiment.score,
        "contact_count": facts.contact_count,
        "unassigned_for": facts.unassigned_for,
    }
    return values[field]


def _expected(condition: Condition) -> Any:
    """The condition's value in the type of the field it compares against (coerced when the config was loaded);
    customer tiers and sentiments compare by rank."""
    expected = condition.expected
    if condition.field == "sentiment":
        return _SENTIMENT_ORDER.index(expected)
    return ranked(condition.field, expected)


def holds(condition: Condition, facts: Facts, priority: Priority, fired: Mapping[str, Sequence[Reason]]) -> bool:
    if condition.field == "trigger":
        name = str(condition.value)
        return (name in fired) == (condition.operator in ("fired", "is"))
    actual = _field_value(condition.field, facts, priority)
    if condition.field == "sentiment":
        actual = _SENTIMENT_ORDER.index(actual)
    return compare(ranked(condition.field, actual), condition.operator, _expected(condition))


def evaluate(
    rule: RuleConfig, facts: Facts, priority: Priority, fired: Mapping[str, Sequence[Reason]]
) -> RuleMatch | None:
    """The match if the rule's conditions hold now: all of `all`, and at least one of `any` (when given)."""
    if not rule.enabled:
        return None
    if not all(holds(c, facts, priority, fired) for c in rule.all):
        return None
    any_hits = [c for c in rule.any if holds(c, facts, priority, fired)]
    if rule.any and not any_hits:
        return None
    referenced = [str(c.value) for c in [*rule.all, *any_hits] if c.field == "trigger" and c.operator in
                  ("fired", "is")]
    reasons = tuple(r for name in referenced for r in fired.get(name, ()))
    instances = sorted({r.key for r in reasons if r.key != r.rule})
    base = f"rule:{rule.name}"
    key = base + (f"[{'|'.join(instances)}]" if instances else "")
    keys = tuple(f"{base}[{instance}]" for instance in instances) or (base,)
    if not reasons:
        held = [*rule.all, *any_hits]
        reasons = (Reason(rule.name, _describe_conditions(held, facts, priority), _figures(held, facts, priority)),)
    summary = "; ".join(r.summary for r in reasons)
    return RuleMatch(rule, reasons, key, summary, keys)


def _jsonable(value: Any) -> Any:
    if isinstance(value, Priority):
        return value.code
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, set | frozenset):
        return sorted(str(v) for v in value)
    if isinstance(value, str | int | bool) or value is None:
        return value
    return str(value)


def _figures(conditions: Sequence[Condition], facts: Facts, priority: Priority) -> dict[str, Any]:
    return {
        f"trigger:{c.value}" if c.field == "trigger" else c.field:
            c.operator in ("fired", "is") if c.field == "trigger" else _jsonable(_field_value(c.field, facts, priority))
        for c in conditions
    }


def _describe_conditions(conditions: Sequence[Condition], facts: Facts, priority: Priority) -> str:
    """"priority High (P1), at least high; SLA elapsed 83%, at least 80%; status open, is not solved"."""
    parts = []
    for condition in conditions:
        if condition.field == "trigger":  # only a trigger that must not fire leaves the match without a reason
            fired = condition.operator in ("fired", "is")
            parts.append(f"trigger {condition.value} {'fired' if fired else 'not fired'}")
            continue
        actual = _field_value(condition.field, facts, priority)
        expected = condition.value
        if isinstance(actual, Priority):
            shown = f"{actual.label} ({actual.code})"
        elif condition.field == "sla_elapsed":
            shown, expected = f"{actual:.0%}", f"{condition.expected:.0%}"
        elif isinstance(actual, float):
            shown = f"{actual:g}"
        elif isinstance(actual, timedelta):
            shown = str(actual)
        elif isinstance(actual, set | frozenset):
            shown = ", ".join(sorted(str(a) for a in actual))
        else:
            shown = str(actual)
        name = "SLA elapsed" if condition.field == "sla_elapsed" else condition.field.replace("_", " ")
        parts.append(f"{name} {shown}, {condition.operator.replace('_', ' ')} {expected}")
    return "; ".join(parts)
