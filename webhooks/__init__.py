"""The outermost layer: the Flask extension and app factory, the CLI and the consumer start-up.

Nothing in `plugin/` or `adapters/` imports this package. `Escalator` and `create_app` are imported lazily so the
command line starts fast.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Escalator", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "Escalator":
        from webhooks.extension import Escalator

        return Escalator
    if name == "create_app":
        from webhooks.app import create_app

        return create_app
    raise AttributeError(name)
