"""Customers that came along with a ticket read (Zendesk's `include=users,organizations` sideload), kept for the
few seconds between the ticket read and the pipeline asking for the customer, so that a customer the store does
not hold yet costs no read of its own. Bounded, and a customer is handed out once and only while fresh."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from plugin.domain import Customer

FRESH_FOR = 30.0  # seconds: a ticket read and the customer lookup of the same decision
KEEP = 256  # customers at most: the tickets a batch reads at once, with room


class Sideloaded:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._items: OrderedDict[str, tuple[float, Customer]] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, requester_id: str, customer: Customer) -> None:
        with self._lock:
            self._items[requester_id] = (self._clock(), customer)
            self._items.move_to_end(requester_id)
            while len(self._items) > KEEP:
                self._items.popitem(last=False)

    def take(self, requester_id: str) -> Customer | None:
        with self._lock:
            found = self._items.pop(requester_id, None)
        if found is None or self._clock() - found[0] > FRESH_FOR:
            return None
        return found[1]
