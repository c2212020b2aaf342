"""A local Zendesk-compatible server: in-memory tickets, users, organizations, groups, webhooks and triggers,
update_many with job statuses, safe_update conflicts, rate limits and faults on demand, signed webhook delivery.

It lets the real Zendesk adapter (zenpy over HTTP) run without an account: in tests, in `escalator demo`, and for
admins trying the product (`python -m adapters.sandbox`). See docs/sandbox.md.
"""

from adapters.sandbox.server import DEFAULT_EMAIL, DEFAULT_TOKEN, Sandbox
from adapters.sandbox.state import SandboxState

__all__ = ["DEFAULT_EMAIL", "DEFAULT_TOKEN", "Sandbox", "SandboxState"]
