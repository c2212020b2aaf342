"""The API budget at the door of every HTTP request an adapter makes: a requests transport adapter that asks the
budget (plugin.ports.ApiBudget) before it sends, and tells it the platform's rate-limit headers after. When the
budget is spent the request is not sent: a RetryAfterError says when to try again, which the pipeline and the jobs
already wait out without spending an attempt (as for a 429, which this is here to prevent).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import requests
from requests.adapters import BaseAdapter

from plugin.ports import ApiBudget, RetryAfterError

log = logging.getLogger(__name__)
Cost = Callable[[requests.PreparedRequest], int]


def one_request(request: requests.PreparedRequest) -> int:
    return 1


def header_int(headers: Any, *names: str) -> int | None:
    """The first of `names` that holds a whole number (headers are case-insensitive in requests)."""
    for name in names:
        value = headers.get(name)
        if value is not None and str(value).strip().isdigit():
            return int(str(value).strip())
    return None


class BudgetGate(BaseAdapter):
    """Wraps the transport adapter `inner`: budget first, then the request, then the headers to the budget."""

    def __init__(self, inner: BaseAdapter, budget: ApiBudget, platform: str, cost: Cost = one_request) -> None:
        super().__init__()
        self.inner, self.budget, self.platform, self.cost = inner, budget, platform, cost

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        cost = self.cost(request)
        try:
            wait = self.budget.take(self.platform, cost)
        except Exception:  # the budget's store away: the request goes (a 429 is still waited out), work goes on
            log.warning("%s API budget unavailable; request sent without it", self.platform, exc_info=True)
            wait = 0.0
        if wait > 0:
            raise RetryAfterError(wait, f"{self.platform} API budget: the escalator's share of this minute is "
                                        f"spent; the next request goes in {wait:.1f}s")
        response = self.inner.send(request, *args, **kwargs)
        headers = response.headers
        reset = header_int(headers, "ratelimit-reset", "rate-limit-reset")
        try:  # never fail a request that was made: a write that landed must be reported as landed
            self.budget.observe(self.platform,
                                header_int(headers, "X-RateLimit-Total", "ratelimit-limit", "rate-limit",
                                           "X-Rate-Limit"),
                                header_int(headers, "X-RateLimit-Remaining", "ratelimit-remaining",
                                           "rate-limit-remaining", "X-Rate-Limit-Remaining"),
                                float(reset) if reset is not None else None)
        except Exception:
            log.warning("%s API budget: could not note the rate-limit headers", self.platform, exc_info=True)
        return response

    def close(self) -> None:
        self.inner.close()


def gate_session(session: requests.Session, budget: ApiBudget, platform: str, cost: Cost = one_request) -> None:
    """Put every transport adapter of `session` behind the budget (once: a gated one is left as it is)."""
    for prefix, adapter in list(session.adapters.items()):
        if not isinstance(adapter, BudgetGate):
            session.adapters[prefix] = BudgetGate(adapter, budget, platform, cost)
