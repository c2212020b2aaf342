"""Adapters are found by name through entry points (group `helpdesk_escalator.adapters`), so a third-party package
adds a platform without touching this repository."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from adapters.base import HelpdeskAdapter
from adapters.freshdesk import FreshdeskAdapter
from adapters.zendesk import ZendeskAdapter
from plugin.registry import UnknownPlatformError, adapter_class, available

THIRD_PARTY = '''
"""A third-party helpdesk adapter, installed as its own distribution."""
from adapters.base import HelpdeskAdapter


class HappyFoxAdapter(HelpdeskAdapter):
    name = "happyfox"

    @classmethod
    def from_config(cls, config, **options):
        return cls()

    def parse_webhook(self, headers, body, *, now):
        return []

    def get_ticket(self, ticket_id): raise NotImplementedError
    def get_tickets(self, ticket_ids): return []
    def get_customer(self, requester_id): raise NotImplementedError
    def requester_tickets(self, requester_id, since): return []
    def open_tickets(self): return iter(())
    def export_tickets(self, since, cursor=None): raise NotImplementedError
    def satisfaction_ratings(self, since): return iter(())
    def apply(self, request): raise NotImplementedError
    def install(self, callback_url, secret): raise NotImplementedError


class NotAnAdapter:
    pass
'''


@pytest.fixture
def third_party(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "happyfox_escalator.py").write_text(THIRD_PARTY, encoding="utf-8")
    dist = tmp_path / "happyfox_escalator-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: happyfox-escalator\nVersion: 1.0\n",
                                   encoding="utf-8")
    (dist / "entry_points.txt").write_text(textwrap.dedent("""
        [helpdesk_escalator.adapters]
        happyfox = happyfox_escalator:HappyFoxAdapter
        broken = happyfox_escalator:NotAnAdapter
    """), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    sys.modules.pop("happyfox_escalator", None)


def test_the_bundled_adapters_are_registered() -> None:
    assert adapter_class("zendesk") is ZendeskAdapter
    assert adapter_class("freshdesk") is FreshdeskAdapter
    assert {"zendesk", "freshdesk"} <= set(available())


def test_a_third_party_adapter_is_found_by_name(third_party: Path) -> None:
    cls = adapter_class("happyfox")
    assert cls.__name__ == "HappyFoxAdapter" and issubclass(cls, HelpdeskAdapter)
    assert "happyfox" in available()


def test_an_entry_point_that_is_not_an_adapter_is_refused(third_party: Path) -> None:
    with pytest.raises(TypeError, match="not a HelpdeskAdapter"):
        adapter_class("broken")


def test_an_unknown_platform_names_the_installed_ones() -> None:
    with pytest.raises(UnknownPlatformError, match="no helpdesk adapter named 'jira'; installed: .*zendesk"):
        adapter_class("jira")
