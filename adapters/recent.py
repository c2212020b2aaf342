"""The requester's recent tickets, as a first decision reads them to find repeat contacts: newest first, only as
far back as the window, and at most REQUESTER_TICKETS_READ of them (a requester with more in the window is an
integration or a mailing list; reading thousands of tickets for every first decision would stall the queue).

Both helpdesks are asked for the list newest first; a server that ignores the order is read to the end, since
stopping at its first old ticket would miss every recent one after it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

REQUESTER_TICKETS_READ = 100  # one page on either platform (per_page=100)


def newest_in_window(items: Iterable[dict[str, Any]], since: datetime, created: Callable[[dict[str, Any]], datetime],
                     limit: int | None = None) -> list[dict[str, Any]]:
    """The items created at or after `since`, newest first, at most `limit` (REQUESTER_TICKETS_READ by default);
    `items` is consumed only as far as needed."""
    limit = REQUESTER_TICKETS_READ if limit is None else limit
    found: list[tuple[datetime, dict[str, Any]]] = []
    fell = rose = False  # the order shows once a ticket is strictly older (or newer) than the one before
    previous: datetime | None = None
    for item in items:
        at = created(item)
        if previous is not None:
            fell, rose = fell or at < previous, rose or at > previous
        previous = at
        if at >= since:
            found.append((at, item))
            if len(found) >= limit:
                break
        elif fell and not rose:
            break
    return [item for _, item in sorted(found, key=lambda pair: pair[0], reverse=True)]
