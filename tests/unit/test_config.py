"""Configuration: defaults, YAML + environment loading, and every problem reported by its path."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from engine_kit import MONDAY_10, later, make_customer, make_ticket

from plugin.config import ConfigError, EscalatorConfig, SlaConfig, load_config, parse_share
from plugin.domain import ClockKind, CustomerTier, Priority, Status, TicketHistory
from plugin.engine import Engine


def test_defaults_reproduce_the_untuned_workflow() -> None:
    config = load_config(data={})
    assert [t.name for t in config.tiers] == [
        "Frontline", "Technical/Specialist", "Senior/Engineering", "Management/Executive"]
    assert [t.response_target for t in config.tiers] == [
        timedelta(hours=2), timedelta(hours=4), timedelta(hours=8), timedelta(0)]
    matrix = config.sla.matrix
    assert (matrix.critical.first_response, matrix.critical.resolution) == (timedelta(minutes=15), timedelta(hours=4))
    assert (matrix.high.first_response, matrix.high.resolution) == (timedelta(hours=1), timedelta(hours=8))
    assert (matrix.medium.first_response, matrix.medium.resolution) == (timedelta(hours=4), timedelta(hours=24))
    assert (matrix.low.first_response, matrix.low.resolution) == (timedelta(hours=8), timedelta(hours=48))
    assert matrix.critical.business_hours is False and matrix.high.business_hours is True
    assert config.sla.warning_at == [0.8] and config.sla.breach_at == 1.0
    assert config.sla.pause_statuses[ClockKind.RESOLUTION] == [Status.PENDING, Status.ON_HOLD]
    assert config.thresholds.revenue_impact == 1000 and config.thresholds.lifetime_value == 10000
    assert config.thresholds.unassigned_after == timedelta(hours=2) and config.thresholds.repeat_contact == 3
    assert config.priority.matrix[CustomerTier.VIP]["high"] == Priority.CRITICAL
    assert config.priority.matrix[CustomerTier.STANDARD]["low"] == Priority.LOW
    names = [r.name for r in config.rules]
    assert names[:3] == ["auto_escalate_sla", "sentiment_review", "vip_fast_track"]
    # The built-in cues live in the reader's lexicons; the team's keyword lists start empty and add to them.
    assert config.keywords.words("legal") == [] and config.keywords.replace == []
    assert config.reading.mood == "reader" and config.reading.incident_page == "always"


def test_partial_sla_matrix_keeps_other_defaults() -> None:
    config = load_config(data={"sla": {"matrix": {"critical": {"first_response": "10m"}}, "warning_at": ["50%", 0.8]}})
    assert config.sla.matrix.critical.first_response == timedelta(minutes=10)
    assert config.sla.matrix.critical.resolution == timedelta(hours=4)
    assert config.sla.matrix.low.resolution == timedelta(hours=48)
    assert config.sla.warning_at == [0.5, 0.8]


def test_three_mistakes_are_all_reported_with_their_paths(tmp_path: Path) -> None:
    path = tmp_path / "escalator.yaml"
    path.write_text(
        "sla:\n  matrix:\n    critical:\n      first_response: fifteen minutes\n"
        "thresholds:\n  revenue_impact: -5\n"
        "tierz: 3\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    problems = caught.value.problems
    assert len(problems) == 3
    assert 'sla.matrix.critical.first_response: must be a duration like "15m", "4h" or "2d"' in problems
    assert any(p.startswith("thresholds.revenue_impact:") for p in problems)
    assert any(p.startswith("tierz: unknown setting") for p in problems)


def test_rule_with_unknown_field_or_action_fails_with_its_path() -> None:
    rules = [{"name": "mine", "all": [{"field": "colour", "value": "red"}], "actions": [{"action": "explode"}]}]
    with pytest.raises(ConfigError) as caught:
        load_config(data={"extra_rules": rules})
    text = "\n".join(caught.value.problems)
    assert "extra_rules[0].all[0].field: got 'colour'" in text
    assert "extra_rules[0].actions[0].action: got 'explode'" in text


def test_unknown_trigger_and_bad_escalation_target_are_refused() -> None:
    rules = [{"name": "mine", "all": [{"field": "trigger", "operator": "fired", "value": "moon_phase"}],
              "actions": [{"action": "escalate", "value": 7}]}]
    with pytest.raises(ConfigError) as caught:
        load_config(data={"extra_rules": rules})
    assert "unknown trigger 'moon_phase'" in str(caught.value)


def test_escalation_past_the_last_tier_is_refused_for_a_three_tier_team() -> None:
    tiers = [{"name": "L1"}, {"name": "L2"}, {"name": "L3"}]
    rules = [{"name": "to_four", "all": [{"field": "priority", "value": "high"}],
              "actions": [{"action": "escalate", "value": 4}]}]
    with pytest.raises(ConfigError) as caught:
        load_config(data={"tiers": tiers, "extra_rules": rules})
    assert "only 3 tiers exist" in str(caught.value)
    assert load_config(data={"tiers": tiers}).tier_count == 3


def test_schedule_errors_name_the_interval_and_the_zone() -> None:
    data = {"schedules": {"default": {"timezone": "Mars/Olympus", "hours": {"mon": ["9:00-25:00"], "funday": []}}}}
    with pytest.raises(ConfigError) as caught:
        load_config(data=data)
    text = "\n".join(caught.value.problems)
    assert "schedules.default.timezone: unknown time zone 'Mars/Olympus'" in text
    assert "impossible time" in text
    assert "schedules.default.hours.funday" in text


def test_sla_schedule_must_exist() -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(data={"sla": {"schedule": "night"}})
    assert caught.value.problems == ["sla.schedule: names 'night', which is not among schedules (default)"]


def test_cross_section_mistakes_are_all_reported_beside_the_field_errors(tmp_path: Path) -> None:
    path = tmp_path / "escalator.yaml"
    path.write_text(
        "sla:\n  schedule: night\n  matrix:\n    high:\n      resolution: eight hours\n"
        "extra_rules:\n  - name: to_seven\n    all: [{field: priority, value: high}]\n"
        "    actions: [{action: escalate, value: 7}]\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.problems == [
        'sla.matrix.high.resolution: must be a duration like "15m", "4h" or "2d"',
        "sla.schedule: names 'night', which is not among schedules (default)",
        "extra_rules[0].actions[0].value: escalate to tier 7, but only 4 tiers exist",
    ]


def test_every_cross_section_mistake_is_reported_not_only_the_first() -> None:
    rules = [
        {"name": "to_seven", "all": [{"field": "priority", "value": "high"}],
         "actions": [{"action": "escalate", "value": 7}, {"action": "notify", "value": "tier_5_team"}]},
        {"name": "to_seven", "all": [{"field": "priority", "value": "high"}], "actions": [{"action": "escalate"}]},
        {"name": "vip_fast_track", "all": [{"field": "priority", "value": "high"}],
         "actions": [{"action": "notify", "value": "suport_manager"}]},
    ]
    with pytest.raises(ConfigError) as caught:
        load_config(data={"sla": {"schedule": "night"}, "extra_rules": rules})
    problems = [p.split(":")[0] for p in caught.value.problems]
    assert problems == ["sla.schedule", "extra_rules[1].name", "extra_rules[2].name", "extra_rules[0].actions[0].value",
                        "extra_rules[0].actions[1].value", "extra_rules[2].actions[0].value"]
    assert "repeats the rule name 'vip_fast_track'" in caught.value.problems[2]


def test_cross_checks_read_the_raw_values_when_a_section_is_wrong() -> None:
    data = {"tiers": [{"name": "L1"}, {"name": "L2", "response_target": "soon"}],
            "extra_rules": [{"name": "up", "all": [{"field": "priority", "value": "hgih"}],
                             "actions": [{"action": "escalate", "value": 3}]}]}
    with pytest.raises(ConfigError) as caught:
        load_config(data=data)
    assert caught.value.problems == [
        'tiers[1].response_target: must be a duration like "15m", "4h" or "2d"',
        "extra_rules[0].all[0].value: unknown priority 'hgih': use critical, high, medium or low",
        "extra_rules[0].actions[0].value: escalate to tier 3, but only 2 tiers exist",
    ]


def test_a_one_tier_team_keeps_the_default_rules_capped_at_its_tier() -> None:
    config = load_config(data={"tiers": [{"name": "Support"}]})
    auto = next(r for r in config.rules if r.name == "auto_escalate_sla")
    assert next(a.value for a in auto.actions if a.action == "escalate") == 1
    decision = Engine(config).decide(make_ticket(priority=Priority.HIGH, description="My lawyer will call."),
                                     make_customer(), TicketHistory(), later(MONDAY_10, minutes=50))
    assert decision.tier == 1 and decision.escalations == ()
    assert "legal_review" in decision.changes.add_tags


def test_a_one_tier_team_s_own_rule_past_its_tier_still_fails() -> None:
    rules = [{"name": "up", "all": [{"field": "priority", "value": "high"}],
              "actions": [{"action": "escalate", "value": 2}]}]
    with pytest.raises(ConfigError) as caught:
        load_config(data={"tiers": [{"name": "Support"}], "extra_rules": rules})
    assert caught.value.problems == ["extra_rules[0].actions[0].value: escalate to tier 2, but only 1 tier exists"]
    own_defaults = [{"name": "auto_escalate_sla", "all": [{"field": "priority", "value": "high"}],
                     "actions": [{"action": "escalate", "value": 2}]}]
    with pytest.raises(ConfigError, match=r"rules\[0\]\.actions\[0\]\.value: escalate to tier 2"):
        load_config(data={"tiers": [{"name": "Support"}], "rules": own_defaults})


def test_environment_overrides_the_file_and_secrets_stay_hidden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "escalator.yaml"
    path.write_text("zendesk:\n  subdomain: acme\n  api_token: from-file-token\n", encoding="utf-8")
    monkeypatch.setenv("ESCALATOR_ZENDESK__API_TOKEN", "from-env-s3cr3t")
    monkeypatch.setenv("ESCALATOR_CONFIG", str(path))
    config = load_config()
    assert config.zendesk.subdomain == "acme"
    assert config.zendesk.api_token is not None
    assert config.zendesk.api_token.get_secret_value() == "from-env-s3cr3t"
    assert "from-env-s3cr3t" not in repr(config) and "from-env-s3cr3t" not in config.model_dump_json()


def test_only_the_loader_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ESCALATOR_THRESHOLDS__UNASSIGNED_AFTER", "3h")
    monkeypatch.setenv("ESCALATOR_LOG_LEVEL", "debug")  # not a setting: left alone
    assert EscalatorConfig().thresholds.unassigned_after == EscalatorConfig.model_fields["thresholds"] \
        .default_factory().unassigned_after  # type: ignore[misc]  # a plain value: the environment is not read
    assert load_config(data={}).thresholds.unassigned_after.total_seconds() == 3 * 3600
    assert load_config(data={}, environ={}).thresholds.unassigned_after.total_seconds() != 3 * 3600
    listed = load_config(data={}, environ={"ESCALATOR_ZENDESK__SUBDOMAIN": "acme",
                                           "escalator_web__port": "9000"})  # names are case-insensitive
    assert (listed.zendesk.subdomain, listed.web.port) == ("acme", 9000)


def test_bad_value_from_the_environment_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ESCALATOR_THRESHOLDS__UNASSIGNED_AFTER", "soon")
    with pytest.raises(ConfigError, match="thresholds.unassigned_after: must be a duration"):
        load_config(data={})


def test_invalid_yaml_and_missing_file_are_clear(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("sla: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(bad)
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "missing.yaml")


def test_yaml_times_stay_text(tmp_path: Path) -> None:
    path = tmp_path / "escalator.yaml"
    path.write_text("schedules:\n  default:\n    hours:\n      mon: 12:30-18:00\n"
                    "      tue: [08:00-12:00, 13:00-17:00]\n",
                    encoding="utf-8")
    config = load_config(path)
    assert config.schedules["default"].hours["mon"] == ["12:30-18:00"]
    assert config.schedules["default"].hours["tue"] == ["08:00-12:00", "13:00-17:00"]


def test_config_is_immutable() -> None:
    config = EscalatorConfig()
    with pytest.raises(Exception, match="frozen"):
        config.thresholds.revenue_impact = 5  # type: ignore[misc]


@pytest.mark.parametrize(
    ("written", "share"),
    [(0.8, 0.8), ("0.8", 0.8), ("80%", 0.8), (80, 0.8), ("80", 0.8), (1.2, 1.2), ("1.2", 1.2), ("120%", 1.2),
     (1.5, 1.5), ("1.5", 1.5), (2, 0.02), ("2", 0.02), ("200%", 2.0), (0, 0.0), ("0", 0.0), (" 50 % ", 0.5)],
)
def test_a_share_means_the_same_written_as_a_number_or_as_text(written: object, share: float) -> None:
    assert parse_share(written) == pytest.approx(share)


@pytest.mark.parametrize("written", ["lots", "%", "nan", True, None, [0.8]])
def test_a_share_that_is_not_a_number_is_refused(written: object) -> None:
    with pytest.raises(ValueError, match="must be a share"):
        parse_share(written)


def test_breach_from_the_environment_is_read_like_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ESCALATOR_SLA__BREACH_AT", "1.2")
    assert load_config(data={}).sla.breach_at == 1.2
    assert load_config(data={"sla": {"breach_at": 1.2}}).sla.breach_at == 1.2


@pytest.mark.parametrize("breach", ["2", 0, 0.8, "0.5", "1.6"])
def test_breach_must_be_above_zero_and_above_every_warning(breach: object) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(data={"sla": {"breach_at": breach, "warning_at": [0.5, 0.8]}})
    [problem] = caught.value.problems
    assert problem.startswith("sla.breach_at: reads as ")
    assert "which is not above the last warning (80%)" in problem


def test_breach_above_zero_with_no_warning() -> None:
    with pytest.raises(ConfigError, match="sla.breach_at: reads as 0% of the target, which is not above 0"):
        load_config(data={"sla": {"breach_at": 0, "warning_at": []}})
    assert load_config(data={"sla": {"breach_at": "150%", "warning_at": []}}).sla.breach_at == 1.5


def test_shares_round_trip_through_a_dump() -> None:
    sla = load_config(data={"sla": {"breach_at": "200%", "warning_at": ["50%", 0.8]}}).sla
    dumped = sla.model_dump(mode="json")
    assert dumped["breach_at"] == "200%"
    again = SlaConfig.model_validate(dumped)
    assert (again.breach_at, again.warning_at) == (2.0, [0.5, 0.8])


def test_the_weekly_report_time_must_be_a_real_time_of_day() -> None:
    assert load_config(data={"reports": {"weekly_time": "23:59"}}).reports.weekly_time == "23:59"
    assert load_config(data={"reports": {"weekly_time": "7:30"}}).reports.weekly_time == "7:30"
    for wrong in ("25:99", "24:00", "09:60", "9h"):
        with pytest.raises(ConfigError, match="reports.weekly_time"):
            load_config(data={"reports": {"weekly_time": wrong}})
