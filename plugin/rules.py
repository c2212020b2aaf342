"""Admin rules in the all/any shape of helpdesk triggers: conditions over the facts and the triggers that fired.

`evaluate(rule, ...)` says whether a rule holds now and which trigger reasons made it hold. A rule acts once per
ticket; where it rests on an SLA trigger it acts once per clock and threshold: one key per instance is recorded
(`rule:sla_breach[sla_breached:first_response]`), and the rule acts again only for an instance not acted on yet.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from plugin.conditions import Subject, compare, ranked, subject_value
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


class FieldValues:
    """The value of each field a condition reads, for one ticket's facts at one priority, computed at its first read
    and kept: the rules of one look at a ticket read the same few fields many times."""

    __slots__ = ("_facts", "_priority", "_subject", "_values")

    def __init__(self, facts: Facts, priority: Priority) -> None:
        self._facts = facts
        self._priority = priority
        self._subject: Subject | None = None
        self._values: dict[str, Any] = {}

    def get(self, field: str) -> Any:
        try:
            return self._values[field]
        except KeyError:
            value = self._values[field] = self._compute(field)
            return value

    def _compute(self, field: str) -> Any:
        facts = self._facts
        if field not in _OWN_FIELDS:
            if self._subject is None:
                self._subject = Subject(facts.ticket, facts.customer, facts.profile, facts.tier, self._priority,
                                        facts.revenue)
            return subject_value(field, self._subject)
        if field == "sla_elapsed":
            return facts.max_sla_share
        if field == "sla_state":
            return {c.status.state for c in facts.clocks}
        if field == "sentiment":
            return facts.sentiment.level
        if field == "sentiment_score":
            return facts.sentiment.score
        if field == "contact_count":
            return facts.contact_count
        return facts.unassigned_for


def _expected(condition: Condition) -> Any:
    """The condition's value in the type of the field it compares against (coerced when the config was loaded);
    customer tiers and sentiments compare by rank."""
    expected = condition.expected
    if condition.field == "sentiment":
        return _SENTIMENT_ORDER.index(expected)
    return ranked(condition.field, expected)


@dataclass(frozen=True)
class _Check:
    """A condition as it is tested: the trigger it asks about, or the field, operator and ranked expected value."""

    condition: Condition
    field: str
    operator: str
    trigger: str | None  # a trigger condition's trigger name
    wants_fired: bool
    expected: Any

    def holds(self, values: FieldValues, fired: Mapping[str, Sequence[Reason]]) -> bool:
        if self.trigger is not None:
            return (self.trigger in fired) == self.wants_fired
        actual = values.get(self.field)
        if self.field == "sentiment":
            actual = _SENTIMENT_ORDER.index(actual)
        return compare(ranked(self.field, actual), self.operator, self.expected)


def _check(condition: Condition) -> _Check:
    if condition.field == "trigger":
        return _Check(condition, condition.field, condition.operator, str(condition.value),
                      condition.operator in ("fired", "is"), None)
    return _Check(condition, condition.field, condition.operator, None, False, _expected(condition))


_COMPILED: dict[int, tuple[RuleConfig, tuple[_Check, ...], tuple[_Check, ...]]] = {}


def _compiled(rule: RuleConfig) -> tuple[tuple[_Check, ...], tuple[_Check, ...]]:
    """The rule's `all` and `any` conditions as checks, built once per rule (a configuration's rules are values)."""
    cached = _COMPILED.get(id(rule))
    if cached is None or cached[0] is not rule:
        if len(_COMPILED) > 4096:
            _COMPILED.clear()
        cached = _COMPILED[id(rule)] = (rule, tuple(map(_check, rule.all)), tuple(map(_check, rule.any)))
    return cached[1], cached[2]


def holds(condition: Condition, facts: Facts, priority: Priority, fired: Mapping[str, Sequence[Reason]]) -> bool:
    return _check(condition).holds(FieldValues(facts, priority), fired)


@dataclass(frozen=True)
class CompiledRule:
    """An enabled rule as it is evaluated, built once per configuration (`compile_rules`): its checks in the order
    written, and the cheap test first: the triggers that must have fired for it to hold at all."""

    rule: RuleConfig
    all_checks: tuple[_Check, ...]
    any_checks: tuple[_Check, ...]
    needs_all: tuple[str, ...]  # triggers that must all have fired (the `all` trigger conditions)
    needs_any: frozenset[str] | None  # one of them must have fired (the `any` conditions are all `trigger fired`)
    fields_first: tuple[_Check, ...]  # the `all` checks that are not a trigger having fired
    base: str  # the rule's own key, `rule:<name>`

    def evaluate(self, facts: Facts, priority: Priority, fired: Mapping[str, Sequence[Reason]],
                 values: FieldValues) -> RuleMatch | None:
        for name in self.needs_all:
            if name not in fired:
                return None
        if self.needs_any is not None and self.needs_any.isdisjoint(fired):
            return None
        for check in self.fields_first:
            if not check.holds(values, fired):
                return None
        return _matched(self.rule, self.all_checks, self.any_checks, facts, priority, fired, values,
                        self.needs_all, self.base)


def compile_rules(rules: Sequence[RuleConfig]) -> tuple[CompiledRule, ...]:
    """The enabled rules, in order, ready to evaluate (see `CompiledRule`)."""
    out = []
    for rule in rules:
        if not rule.enabled:
            continue
        all_checks, any_checks = _compiled(rule)
        wanted = [c for c in all_checks if c.trigger is not None and c.wants_fired]
        any_triggers = all(c.trigger is not None and c.wants_fired for c in any_checks)
        out.append(CompiledRule(
            rule, all_checks, any_checks, tuple(c.trigger for c in wanted if c.trigger is not None),
            frozenset(c.trigger for c in any_checks if c.trigger is not None) if any_checks and any_triggers
            else None,
            tuple(c for c in all_checks if not (c.trigger is not None and c.wants_fired)), f"rule:{rule.name}"))
    return tuple(out)


def evaluate(
    rule: RuleConfig, facts: Facts, priority: Priority, fired: Mapping[str, Sequence[Reason]],
    values: FieldValues | None = None,
) -> RuleMatch | None:
    """The match if the rule's conditions hold now: all of `all`, and at least one of `any` (when given).
    `values`: the field values of (facts, priority) already read by other rules, to share."""
    if not rule.enabled:
        return None
    all_checks, any_checks = _compiled(rule)
    if values is None:
        values = FieldValues(facts, priority)
    for check in all_checks:
        if not check.holds(values, fired):
            return None
    return _matched(rule, all_checks, any_checks, facts, priority, fired, values)


def _matched(rule: RuleConfig, all_checks: tuple[_Check, ...], any_checks: tuple[_Check, ...], facts: Facts,
             priority: Priority, fired: Mapping[str, Sequence[Reason]], values: FieldValues,
             all_referenced: Sequence[str] | None = None, base: str | None = None) -> RuleMatch | None:
    """The match of a rule whose `all` checks hold, if one of its `any` checks holds (when it has any).
    `all_referenced`, `base`: the triggers its `all` checks want fired and its own key, when compiled already."""
    any_hits = [c for c in any_checks if c.holds(values, fired)]
    if any_checks and not any_hits:
        return None
    if all_referenced is None:
        all_referenced = [c.trigger for c in all_checks if c.trigger is not None and c.wants_fired]
    referenced = [*all_referenced, *(c.trigger for c in any_hits if c.trigger is not None and c.wants_fired)]
    reasons = tuple(r for name in referenced for r in fired.get(name, ()))
    instances = sorted({r.key for r in reasons if r.key != r.rule})
    if base is None:
        base = f"rule:{rule.name}"
    key = base + (f"[{'|'.join(instances)}]" if instances else "")
    keys = tuple(f"{base}[{instance}]" for instance in instances) or (base,)
    if not reasons:
        held = [c.condition for c in (*all_checks, *any_hits)]
        reasons = (Reason(rule.name, _describe_conditions(held, facts, priority, values),
                          _figures(held, facts, priority, values)),)
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


def _figures(conditions: Sequence[Condition], facts: Facts, priority: Priority,
             values: FieldValues | None = None) -> dict[str, Any]:
    values = values or FieldValues(facts, priority)
    return {
        f"trigger:{c.value}" if c.field == "trigger" else c.field:
            c.operator in ("fired", "is") if c.field == "trigger" else _jsonable(values.get(c.field))
        for c in conditions
    }


def _describe_conditions(conditions: Sequence[Condition], facts: Facts, priority: Priority,
                         values: FieldValues | None = None) -> str:
    """"priority High (P1), at least high; SLA elapsed 83%, at least 80%; status open, is not solved"."""
    values = values or FieldValues(facts, priority)
    parts = []
    for condition in conditions:
        if condition.field == "trigger":  # only a trigger that must not fire leaves the match without a reason
            fired = condition.operator in ("fired", "is")
            parts.append(f"trigger {condition.value} {'fired' if fired else 'not fired'}")
            continue
        actual = values.get(condition.field)
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
