"""The escalation history as a file: `escalator history export` and the Decisions page's download.

One record per stored escalation, oldest first, streamed from the database a batch at a time (an export of a million
rows holds a batch in memory, not the million). Times are ISO 8601 in UTC; `figures` is the stored JSON object as
one compact JSON text (keys sorted); an empty cell is a value the store does not hold (None). CSV and JSON carry
the same records: the CSV's rows read back with `csv.DictReader` equal `history_record` of the stored rows.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from plugin.store.models import EscalationRow

COLUMNS = ("id", "platform", "ticket_id", "at", "earliest_at", "from_tier", "to_tier", "rule", "actor",
           "priority_before", "priority_after", "reason", "note", "figures", "text_removed_at")
FORMATS = ("csv", "json")


@dataclass(frozen=True)
class HistoryFilter:
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    rule: str | None = None
    tier: int | None = None  # the tier escalated to
    platform: str | None = None


def _moment(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def history_record(row: EscalationRow) -> dict[str, Any]:
    """One stored escalation as the export writes it (every value a str, an int or None)."""
    return {
        "id": row.id, "platform": row.platform, "ticket_id": row.ticket_id, "at": _moment(row.at),
        "earliest_at": _moment(row.earliest_at), "from_tier": row.from_tier, "to_tier": row.to_tier,
        "rule": row.rule, "actor": row.actor, "priority_before": row.priority_before,
        "priority_after": row.priority_after, "reason": row.reason, "note": row.note,
        "figures": json.dumps(row.figures or {}, sort_keys=True, separators=(",", ":"), ensure_ascii=False),
        "text_removed_at": _moment(row.text_removed_at),
    }


def history_rows(session: Session, chosen: HistoryFilter, *, batch: int = 1000) -> Iterator[dict[str, Any]]:
    query = select(EscalationRow)
    if chosen.since is not None:
        query = query.where(EscalationRow.at >= chosen.since)
    if chosen.until is not None:
        query = query.where(EscalationRow.at < chosen.until)
    if chosen.rule:
        query = query.where(EscalationRow.rule == chosen.rule)
    if chosen.tier is not None:
        query = query.where(EscalationRow.to_tier == chosen.tier)
    if chosen.platform:
        query = query.where(EscalationRow.platform == chosen.platform)
    query = query.order_by(EscalationRow.at, EscalationRow.id).execution_options(yield_per=batch)
    for row in session.scalars(query):
        yield history_record(row)
        session.expunge(row)


def csv_chunks(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The CSV text, a header and then a line per record, as it is produced (for a streamed download)."""
    buffer = _Buffer()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n", extrasaction="raise")
    writer.writeheader()
    yield buffer.take()
    for record in records:
        writer.writerow({k: "" if v is None else v for k, v in record.items()})
        yield buffer.take()


def json_chunks(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """One JSON array of the records, written as it is produced."""
    yield "["
    for number, record in enumerate(records):
        yield ("," if number else "") + "\n" + json.dumps(record, ensure_ascii=False)
    yield "\n]\n"


def write_history(records: Iterable[dict[str, Any]], out: TextIO, fmt: str) -> int:
    """Write the records in `fmt` (csv or json); returns how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use csv or json")
    counted = _Counted(records)
    for chunk in (csv_chunks if fmt == "csv" else json_chunks)(counted):
        out.write(chunk)
    return counted.count


class _Buffer:
    """A file-like target for csv.writer whose text is taken out after each row."""

    def __init__(self) -> None:
        self._parts: list[str] = []

    def write(self, text: str) -> int:
        self._parts.append(text)
        return len(text)

    def take(self) -> str:
        text = "".join(self._parts)
        self._parts.clear()
        return text


class _Counted:
    def __init__(self, records: Iterable[dict[str, Any]]) -> None:
        self._records = records
        self.count = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for record in self._records:
            self.count += 1
            yield record
