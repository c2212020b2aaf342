"""The Decisions read model: the recorded decisions (write intents), newest first, with the alerts each queued.

Filters: a rule the decision names (its reasons and escalations, kept in `decision_rules`), the tier it put the
ticket at, the platform, a period (a day in the viewer's zone), live or shadow. Each filter is served by an index
(`ix_decision_rules_rule`, `ix_applied_changes_tier`, `ix_applied_changes_decided_at`), and a page is read with
one row more than it shows to know whether another follows: no count over the whole history.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from plugin.store.models import AppliedChangeRow, DecisionRuleRow, NotificationRow


@dataclass(frozen=True)
class DecisionFilter:
    rule: str | None = None
    tier: int | None = None
    platform: str | None = None
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    mode: str | None = None  # "live" or "shadow"


@dataclass(frozen=True)
class DecisionItem:
    row: AppliedChangeRow
    alerts: list[NotificationRow] = field(default_factory=list)

    @property
    def data(self) -> dict[str, Any]:
        return dict(self.row.changes or {})


@dataclass(frozen=True)
class DecisionPage:
    items: list[DecisionItem]
    page: int
    has_more: bool


def _conditions(chosen: DecisionFilter, decided_at: Any) -> list[Any]:
    conditions: list[Any] = []
    if chosen.tier is not None:
        conditions.append(AppliedChangeRow.tier == chosen.tier)
    if chosen.platform:
        conditions.append(AppliedChangeRow.platform == chosen.platform)
    if chosen.mode:
        conditions.append(AppliedChangeRow.mode == chosen.mode)
    if chosen.since is not None:
        conditions.append(decided_at >= chosen.since)
    if chosen.until is not None:
        conditions.append(decided_at < chosen.until)
    return conditions


def recent_decisions(session: Session, chosen: DecisionFilter, *, page: int = 1, size: int = 50) -> DecisionPage:
    page = max(page, 1)
    if chosen.rule:
        # From the rule's index entries, newest first, to their decisions: never a scan of the other rules.
        query = (select(AppliedChangeRow)
                 .join(DecisionRuleRow, DecisionRuleRow.decision_key == AppliedChangeRow.idempotency_key)
                 .where(DecisionRuleRow.rule == chosen.rule, *_conditions(chosen, DecisionRuleRow.decided_at))
                 .order_by(DecisionRuleRow.decided_at.desc(), DecisionRuleRow.decision_key.desc()))
    else:
        query = (select(AppliedChangeRow).where(*_conditions(chosen, AppliedChangeRow.decided_at))
                 .order_by(AppliedChangeRow.decided_at.desc(), AppliedChangeRow.idempotency_key.desc()))
    rows = list(session.scalars(query.offset((page - 1) * size).limit(size + 1)))
    alerts = alerts_of(session, [r.idempotency_key for r in rows[:size]])
    items = [DecisionItem(row, alerts.get(row.idempotency_key, [])) for row in rows[:size]]
    return DecisionPage(items, page, len(rows) > size)


def alerts_of(session: Session, keys: Collection[str]) -> dict[str, list[NotificationRow]]:
    """The notifications each decision's record queued, by decision key."""
    if not keys:
        return {}
    out: dict[str, list[NotificationRow]] = {}
    for row in session.scalars(select(NotificationRow).where(NotificationRow.decision_key.in_(list(keys)))
                               .order_by(NotificationRow.created_at, NotificationRow.id)):
        out.setdefault(str(row.decision_key), []).append(row)
    return out



def rule_names(reasons: Collection[str], escalations: Collection[str], fired: Collection[str]) -> set[str]:
    """The rules a decision names: its reasons' (triggers or rules), its escalations', and every rule it matched
    (its fired keys "rule:<name>" and "rule:<name>[instance]")."""
    matched = {key[len("rule:"):].split("[", 1)[0] for key in fired if key.startswith("rule:")}
    return {name[:64] for name in (*reasons, *escalations, *matched) if name}
