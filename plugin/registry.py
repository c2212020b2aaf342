"""Finds helpdesk adapters by name through Python entry points (group `helpdesk_escalator.adapters`), so a
third-party package adds a platform by declaring an entry point, without touching this repository."""

from __future__ import annotations

from importlib.metadata import EntryPoint, entry_points

from plugin.ports import HelpdeskAdapter

GROUP = "helpdesk_escalator.adapters"


class UnknownPlatformError(LookupError):
    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"no helpdesk adapter named {name!r}; installed: {', '.join(known) or 'none'}")
        self.name = name


def _entry_points() -> dict[str, EntryPoint]:
    return {ep.name: ep for ep in entry_points(group=GROUP)}


def available() -> list[str]:
    """The names of every installed adapter."""
    return sorted(_entry_points())


def adapter_class(name: str) -> type[HelpdeskAdapter]:
    """The adapter class registered under `name`."""
    found = _entry_points().get(name)
    if found is None:
        raise UnknownPlatformError(name, available())
    cls = found.load()
    if not (isinstance(cls, type) and issubclass(cls, HelpdeskAdapter)):
        raise TypeError(f"entry point {name!r} ({found.value}) is not a HelpdeskAdapter subclass")
    return cls
