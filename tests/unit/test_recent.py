"""The requester's recent tickets: whatever order the server gives, the tickets of the window come back newest
first, capped; given newest first, reading stops at the first ticket older than the window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from adapters.recent import newest_in_window

SINCE = datetime(2026, 11, 1, tzinfo=UTC)
days = st.lists(st.integers(min_value=-60, max_value=30), max_size=40)


def tickets(offsets: list[int]) -> list[dict[str, Any]]:
    return [{"id": i, "at": SINCE + timedelta(days=d)} for i, d in enumerate(offsets)]


def expected(items: list[dict[str, Any]], limit: int) -> list[Any]:
    return sorted((t["at"] for t in items if t["at"] >= SINCE), reverse=True)


@given(days, st.booleans(), st.integers(min_value=1, max_value=50))
def test_the_window_newest_first_in_any_order(offsets: list[int], newest_first: bool, limit: int) -> None:
    items = sorted(tickets(offsets), key=lambda t: t["at"], reverse=newest_first)
    found = [t["at"] for t in newest_in_window(items, SINCE, lambda t: t["at"], limit)]
    assert found == sorted(found, reverse=True) and all(at >= SINCE for at in found)
    in_window = expected(items, limit)
    if len(in_window) <= limit:
        assert found == in_window
    else:
        assert len(found) == limit
        if newest_first:
            assert found == in_window[:limit]  # the most recent ones


def test_newest_first_stops_reading_at_the_first_old_ticket() -> None:
    items = sorted(tickets([5, 3, 1, -1, -2, -3, -4]), key=lambda t: t["at"], reverse=True)
    given_out: list[int] = []

    def served() -> Iterator[dict[str, Any]]:
        for item in items:
            given_out.append(item["id"])
            yield item

    found = newest_in_window(served(), SINCE, lambda t: t["at"], 100)
    assert [t["id"] for t in found] == [0, 1, 2] and len(given_out) == 4


def test_one_old_ticket_first_does_not_stop_a_server_that_ignores_the_order() -> None:
    items = tickets([-30, 2, 1])  # oldest first, one old then recent
    assert [t["id"] for t in newest_in_window(items, SINCE, lambda t: t["at"], 100)] == [1, 2]
