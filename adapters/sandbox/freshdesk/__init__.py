"""A local Freshdesk-compatible server (API v2): in-memory contacts, agents, companies, groups, tickets with
conversations, satisfaction ratings, SLA policies with Freshdesk's due times, business hours and automation rules
whose "Trigger webhook" actions are delivered, retried and recorded; HTTP basic auth with the API key, Freshdesk's
error bodies, pagination, rate-limit headers and 429s, and the fault switches of the Zendesk sandbox.

It lets the real Freshdesk adapter run over HTTP without an account: in tests, for `escalator import freshdesk`, and
for admins trying the product (`python -m adapters.sandbox.freshdesk`). See docs/sandbox.md.
"""

from adapters.sandbox.freshdesk.server import DEFAULT_AGENT_EMAIL, DEFAULT_API_KEY, FreshdeskSandbox
from adapters.sandbox.freshdesk.state import FreshdeskState

__all__ = ["DEFAULT_AGENT_EMAIL", "DEFAULT_API_KEY", "FreshdeskSandbox", "FreshdeskState"]
