"""Every tag the product writes or documents fits Freshdesk's 32-character limit: the tags of the default
configuration and of the example configurations in docs/, the tags written by code, and every tag-like token the docs
show. With Freshdesk configured, a setting that would make a longer tag is refused with its path; the older, longer
manual reason tags are still read."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from adapters.freshdesk import task_tag
from plugin.config import (
    FRESHDESK_TAG_LIMIT,
    MANUAL_REASONS,
    ConfigError,
    EscalatorConfig,
    load_config,
    product_tags,
)
from plugin.domain import Status, Ticket
from plugin.facts import manual_request
from webhooks.cli import main

DOCS = Path(__file__).resolve().parents[2] / "docs"
FRESHDESK = {"freshdesk": {"domain": "acme"}}
WRITTEN_BY_CODE = ("senior_agent_requested",)  # plugin/engine.py: a senior agent asked for where none is configured


def _yaml_blocks() -> list[tuple[str, dict[str, Any]]]:
    blocks = []
    for page in sorted(DOCS.glob("*.md")):
        for i, text in enumerate(re.findall(r"```yaml\n(.*?)```", page.read_text(encoding="utf-8"), re.S)):
            try:
                data = yaml.safe_load(text)
            except yaml.YAMLError:
                continue
            if isinstance(data, dict):
                blocks.append((f"{page.name}#{i}", data))
    return blocks


def _example_configs() -> list[tuple[str, EscalatorConfig]]:
    """The configurations docs/ shows that load on their own (some blocks are fragments needing more)."""
    out = []
    for name, data in _yaml_blocks():
        try:
            out.append((name, load_config(data={**data, **FRESHDESK}, environ={})))
        except ConfigError:
            continue
    return out


def test_every_tag_of_the_default_configuration_fits() -> None:
    config = load_config(data=FRESHDESK, environ={})
    tags = [tag for _, tag in product_tags(config)]
    assert {"escalated", "tier_4", "escalate_tier_4", "esc_reason_manager_requested", "escalation_task",
            "escalator_ack", "incident_confirmed", "legal_review", "sla_at_risk"} <= set(tags)
    assert {f"esc_reason_{reason}" for reason in MANUAL_REASONS} <= set(tags)
    tags += [*WRITTEN_BY_CODE, task_tag("freshdesk:1007:any-idempotency-key")]
    too_long = [t for t in tags if len(t) > FRESHDESK_TAG_LIMIT]
    assert not too_long


def test_the_example_configurations_in_the_docs_write_short_tags() -> None:
    examples = _example_configs()
    assert len(examples) >= 3  # the docs do show whole configurations: this test reads them
    too_long = [(name, tag) for name, config in examples for _, tag in product_tags(config)
                if len(tag) > FRESHDESK_TAG_LIMIT]
    assert not too_long


# A token that looks like a tag: lowercase words joined by "_", maybe with a placeholder (`escalate_tier_<N>`); not
# part of a path, a file name or a dotted setting.
_TAG_LIKE = re.compile(r"(?<![\w/.<>-])[a-z0-9<>A-Z]*[a-z0-9>]_[a-z0-9_<>A-Z]*(?![\w/.<>-])")
_LONGEST_REASON = max(MANUAL_REASONS, key=len)


def _expanded(token: str) -> str:
    return re.sub(r"<(?:n|N)>", "9", token).replace("<reason>", _LONGEST_REASON)


def test_every_tag_like_token_in_the_docs_fits() -> None:
    tokens = {(page.name, _expanded(token)) for page in DOCS.glob("*.md")
              for token in _TAG_LIKE.findall(page.read_text(encoding="utf-8"))}
    assert ("rules.md", "esc_reason_manager_requested") in tokens and ("rules.md", "escalate_tier_9") in tokens
    too_long = sorted((page, token) for page, token in tokens if len(token) > FRESHDESK_TAG_LIMIT)
    assert not too_long


@pytest.mark.parametrize(("settings", "path", "words"), [
    ({"workflow": {"manual_reason_prefix": "escalation_reason_"}}, "workflow.manual_reason_prefix",
     "'escalation_reason_manager_requested' (35 characters)"),
    ({"workflow": {"tier_tag_prefix": "customer_support_escalation_tier_"}}, "workflow.tier_tag_prefix",
     "at most 31 characters"),
    ({"workflow": {"escalated_tag": "escalated_by_the_helpdesk_escalator"}}, "workflow.escalated_tag",
     "has 35 characters"),
    ({"notifications": {"ack_tag": "alert_acknowledged_by_the_on_call_engineer"}}, "notifications.ack_tag",
     "refuses tags over 32"),
    ({"extra_rules": [{"name": "vip_watch", "all": [{"field": "customer_tier", "operator": "is", "value": "vip"}],
                       "actions": [{"action": "add_tags", "value": ["ok", "vip_customer_needs_the_fast_track_now"]}]}]},
     "extra_rules[0].actions[0].value", "'vip_customer_needs_the_fast_track_now'"),
])
def test_a_tag_too_long_for_freshdesk_is_refused_with_its_setting(settings: dict[str, Any], path: str,
                                                                  words: str) -> None:
    load_config(data=settings, environ={})  # Zendesk only: no limit of 32
    with pytest.raises(ConfigError) as caught:
        load_config(data={**settings, **FRESHDESK}, environ={})
    [problem] = caught.value.problems
    assert problem.startswith(f"{path}: ") and words in problem and "Freshdesk" in problem


def test_check_config_refuses_it_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "escalator.yaml"
    path.write_text("freshdesk: {domain: acme}\nworkflow: {manual_reason_prefix: escalation_reason_}\n")
    result = CliRunner().invoke(main, ["check-config", "--config", str(path)])
    assert result.exit_code == 1
    assert "workflow.manual_reason_prefix" in result.output and "at most 15 characters" in result.output
    path.write_text("freshdesk: {domain: acme}\nworkflow: {manual_reason_prefix: why_}\n")
    assert CliRunner().invoke(main, ["check-config", "--config", str(path)]).exit_code == 0


NOW = datetime(2026, 3, 2, 10, tzinfo=UTC)


def _ticket(*tags: str) -> Ticket:
    return Ticket(platform="zendesk", id="1007", subject="Refund", status=Status.OPEN, created_at=NOW,
                  updated_at=NOW, tags=frozenset(tags))


@pytest.mark.parametrize(("tags", "reason"), [
    (("escalate_tier_3", "esc_reason_manager_requested"), "manager_requested"),
    (("escalate_tier_3", "escalation_reason_manager_requested"), "manager_requested"),  # an old macro still works
    (("escalate_tier_3", "escalation_reason_pr_risk", "billing"), "pr_risk"),
    (("escalate_tier_3", "esc_reason_"), None),  # a prefix alone gives no reason
    (("escalate_tier_3",), None),
])
def test_reason_tags_old_and_new_are_read(tags: tuple[str, ...], reason: str | None) -> None:
    request = manual_request(_ticket(*tags), load_config(data={}, environ={}))
    assert request is not None and (request.tier, request.reason) == (3, reason)


def test_a_configured_prefix_is_read_and_the_old_one_too() -> None:
    config = load_config(data={"workflow": {"manual_reason_prefix": "why_"}}, environ={})
    assert manual_request(_ticket("escalate_tier_2", "why_pr_risk"), config).reason == "pr_risk"  # type: ignore[union-attr]
    assert manual_request(_ticket("escalate_tier_2", "escalation_reason_pr_risk"), config  # type: ignore[union-attr]
                          ).reason == "pr_risk"
