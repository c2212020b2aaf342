"""`escalator init`: the setup questionnaire writes a configuration check-config accepts, whose describe shows the
organization profile; the interactive run (through a pseudo-terminal) writes the same bytes as the non-interactive
one; a second run over an existing file shows the difference and asks (or refuses)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from plugin import setup as core
from plugin.config import load_config, read_yaml
from plugin.describe import describe
from webhooks.cli import main
from webhooks.cli_init import init

ROOT = Path(__file__).resolve().parents[2]

# A made-up company's five answers, then its setup.
FLAGS = ["--company", "Fernwood Analytics", "--product", "Fernwood Cloud, a data-pipeline service",
         "--volume", "4500", "--structure", "Frontline, Product specialists, Engineering",
         "--categories", "password resets -> 1, billing disputes -> 2, integrations -> 3, data sync errors, "
                         "refund requests -> Product specialists",
         "--pain-points", "slow_first_response, bounced_between_teams, escalations_without_context, alert_floods, "
                          "repeat_contacts",
         "--platform", "zendesk", "--timezone", "Europe/Dublin", "--hours", "mon-fri 09:00-17:30", "--holidays", "IE",
         "--alert", "support_manager=ops@fernwood.example",
         "--alert", "on_call=https://hooks.slack.com/services/T1/B2/C3"]
PAINS = ("slow_first_response", "bounced_between_teams", "escalations_without_context", "alert_floods",
         "repeat_contacts")


def run_init(*args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(init, list(args), input=input, catch_exceptions=False)


def test_init_is_a_command_of_escalator(tmp_path: Path) -> None:
    path = tmp_path / "escalator.yaml"
    result = CliRunner().invoke(main, ["init", "--non-interactive", "-c", str(path), *FLAGS], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert load_config(path, environ={}).organization.name == "Fernwood Analytics"


def test_non_interactive_writes_what_check_config_accepts_and_describe_shows_the_profile(tmp_path: Path) -> None:
    path = tmp_path / "escalator.yaml"
    result = run_init("--non-interactive", "-c", str(path), *FLAGS)
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output

    check = CliRunner().invoke(main, ["check-config", "--config", str(path)], catch_exceptions=False)
    assert check.exit_code == 0, check.output
    assert "3 tiers" in check.output and "platforms: zendesk" in check.output

    config = load_config(path, environ={})
    assert read_yaml(path)["organization"]["pain_points"] == list(PAINS)
    text = describe(config)
    profile = text.split("## 1. Organization profile")[1].split("## 2.")[0]
    assert "- Company: Fernwood Analytics; product: Fernwood Cloud, a data-pipeline service" in profile
    assert "about 4500 tickets a month" in profile
    assert "Support structure: 3 tiers: Frontline, Product specialists, Engineering." in profile
    tiers = text.split("## 2. Tier structure")[1].split("## 3.")[0]
    assert "| 1 | Frontline | password resets |" in tiers
    assert "| 2 | Product specialists | billing disputes, refund requests |" in tiers
    assert "| 3 | Engineering | integrations, data sync errors |" in tiers
    # every category with its owner and what routes it; the guessed owner of "data sync errors" is Engineering
    assert "| password resets | Tier 1 (Frontline) | stays at Tier 1, where new tickets start |" in profile
    assert "| billing disputes | Tier 2 (Product specialists) | rule `route_billing_disputes` (tag " \
           "`billing_disputes`) |" in profile
    assert "| refund requests | Tier 2 (Product specialists) | rule `route_refund_requests`" in profile
    assert "| integrations | Tier 3 (Engineering) | rule `route_integrations`" in profile
    assert "| data sync errors | Tier 3 (Engineering) | rule `route_data_sync_errors`" in profile
    # one line per pain point, each naming the rule (or the settings) that addresses it, each rule in the config
    pains = profile.split("### Pain points and the rules addressing them")[1].strip().splitlines()
    assert len(pains) == len(PAINS)
    rules = {rule.name: rule for rule in config.all_rules}
    for line, key in zip(pains, PAINS, strict=True):
        info = core.PAIN_POINTS[key]
        assert line.startswith(f"- **{info.label}** (")
        if info.rule is None:
            assert "(settings only)" in line
        else:
            assert f"(rule `{info.rule}`)" in line and info.rule in rules
    # the routing rules do what the categories say
    route = rules["route_billing_disputes"]
    assert route.all[0].field == "tags" and route.all[0].expected == frozenset({"billing_disputes"})
    assert route.actions[0].action == "escalate" and route.actions[0].value == 2
    assert "route_password_resets" not in rules  # Tier 1 owns it: nothing to route
    assert [t.name for t in config.tiers] == ["Frontline", "Product specialists", "Engineering"]
    assert config.organization.timezone == "Europe/Dublin"
    assert config.schedules["default"].holidays is not None
    assert config.schedules["default"].holidays.country == "IE"
    assert config.zendesk.subdomain == "fernwoodanalytics"
    channels = {role: [u.get_secret_value() for u in urls] for role, urls in config.notifications.channels.items()}
    assert channels == {
        "support_manager": ["mailtos://smtp.fernwood.example:587?from=escalator@fernwood.example&to="
                            "ops@fernwood.example"],
        "on_call": ["https://hooks.slack.com/services/T1/B2/C3"]}


def test_each_pain_point_is_explained_by_a_comment_next_to_what_it_turns_on() -> None:
    text = core.build(_answers(PAINS)).text
    lines = text.splitlines()

    def comment_before(key: str) -> str:
        index = next(i for i, line in enumerate(lines) if line.strip().startswith(key))
        block = []
        for line in reversed(lines[:index]):
            if not line.strip().startswith("#"):
                break
            block.insert(0, line.strip().lstrip("# "))
        return " ".join(block)

    assert 'Pain point "Slow first response"' in comment_before("warning_at:")
    assert 'Pain point "Customers writing in again about the same issue"' in comment_before("repeat_contact:")
    assert 'Pain point "Alert floods"' in comment_before("unassigned_business_time:")
    assert '"Alert floods"' in comment_before("dedupe_period:")
    assert 'Pain point "Customers bounced between teams"' in comment_before("tiers:")
    assert 'Pain point "Escalations without context"' in comment_before("tiers:")
    for key in PAINS:
        rule = core.PAIN_POINTS[key].rule
        if rule is not None:
            assert comment_before(f"- name: {rule}").startswith(f'Pain point "{core.PAIN_POINTS[key].label}"')


@pytest.mark.parametrize("key", list(core.PAIN_POINTS))
def test_each_pain_point_changes_the_settings_it_names(key: str) -> None:
    without = load_config(data=core.build(_answers(())).data, environ={})
    with_it = load_config(data=core.build(_answers((key,))).data, environ={})
    changed = {
        "slow_first_response": lambda c: c.sla.warning_at,
        "bounced_between_teams": lambda c: [t.response_target for t in c.tiers],
        "escalations_without_context": lambda c: [t.requires for t in c.tiers],
        "alert_floods": lambda c: (c.notifications.dedupe_period, c.thresholds.unassigned_business_time),
        "repeat_contacts": lambda c: c.thresholds.repeat_contact,
        "unassigned_tickets": lambda c: c.thresholds.unassigned_after,
    }[key]
    assert changed(without) != changed(with_it)
    rule = core.PAIN_POINTS[key].rule
    names = {r.name for r in with_it.all_rules}
    assert rule is None or (rule in names and rule not in {r.name for r in without.all_rules})
    if key == "slow_first_response":
        assert with_it.sla.warning_at == [0.5, 0.8]
    if key == "bounced_between_teams":
        assert all(t.response_target.total_seconds() > 0 for t in with_it.tiers)
        assert without.tiers[-1].response_target.total_seconds() == 0  # the management tier: immediate


def test_thresholds_scale_with_the_volume() -> None:
    def figures(volume: int) -> tuple[float, float, float]:
        c = load_config(data=core.build(_answers((), volume=volume)).data, environ={})
        return (c.thresholds.unassigned_after.total_seconds() / 3600,
                c.thresholds.repeat_contact_window.days, c.notifications.dedupe_period.total_seconds() / 3600)

    assert figures(300) == (4, 30, 12)
    assert figures(4500) == (2, 30, 24)
    assert figures(12000) == (1, 14, 24)
    assert figures(80000) == (0.5, 7, 48)


def test_the_answers_file_and_the_flags_write_the_same_file(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({
        "company": "Fernwood Analytics", "product": "Fernwood Cloud, a data-pipeline service",
        "monthly_tickets": "4.5k", "structure": ["Frontline", "Product specialists", "Engineering"],
        "categories": [{"name": "password resets", "tier": 1}, "billing disputes -> 2", "integrations -> 3",
                       "data sync errors", {"name": "refund requests", "tier": "Product specialists"}],
        "pain_points": list(PAINS), "platform": "zendesk", "timezone": "Europe/Dublin",
        "business_hours": {d: ["09:00-17:30"] for d in ("mon", "tue", "wed", "thu", "fri")}, "holidays": "IE",
        "alerts": {"support_manager": ["ops@fernwood.example"],
                   "on_call": "https://hooks.slack.com/services/T1/B2/C3"}}), encoding="utf-8")
    by_file, by_flags = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert run_init("--non-interactive", "--answers", str(answers), "-c", str(by_file)).exit_code == 0
    assert run_init("--non-interactive", "-c", str(by_flags), *FLAGS).exit_code == 0
    assert by_file.read_bytes() == by_flags.read_bytes()


def test_a_second_run_shows_the_difference_and_asks(tmp_path: Path) -> None:
    path = tmp_path / "escalator.yaml"
    assert run_init("--non-interactive", "-c", str(path), *FLAGS).exit_code == 0
    first = path.read_bytes()

    same = run_init("--non-interactive", "-c", str(path), *FLAGS)
    assert same.exit_code == 0 and "unchanged" in same.output

    other = [*FLAGS, "--volume", "30000"]
    refused = run_init("--non-interactive", "-c", str(path), *other)
    assert refused.exit_code == 1
    assert "--force" in refused.output
    assert "-  unassigned_after: 2h" in refused.output and "+  unassigned_after: 30m" in refused.output
    assert path.read_bytes() == first

    prompts = 19  # every answer given by a flag: Enter accepts it
    kept = run_init("-c", str(path), *other, input="\n" * prompts + "n\n")
    assert "Overwrite" in kept.output and "Nothing written." in kept.output
    assert path.read_bytes() == first

    taken = run_init("-c", str(path), *other, input="\n" * prompts + "y\n")
    assert taken.exit_code == 0 and "Wrote" in taken.output
    assert load_config(path, environ={}).organization.monthly_tickets == 30000

    forced = run_init("--non-interactive", "--force", "-c", str(path), *FLAGS)
    assert forced.exit_code == 0
    assert path.read_bytes() == first


def test_missing_or_wrong_answers_are_named(tmp_path: Path) -> None:
    path = tmp_path / "escalator.yaml"
    missing = CliRunner().invoke(init, ["--non-interactive", "-c", str(path), "--company", "Fernwood"])
    assert missing.exit_code == 2
    assert "missing product, monthly_tickets, structure, categories, pain_points" in missing.output
    wrong = CliRunner().invoke(init, ["--non-interactive", "-c", str(path), *FLAGS, "--pain-points", "slow tea"])
    assert wrong.exit_code == 2 and "unknown pain point 'slow tea'" in wrong.output
    past = CliRunner().invoke(init, ["--non-interactive", "-c", str(path), *FLAGS, "--categories", "legal -> 4"])
    assert past.exit_code == 2 and "there is no Tier 4" in past.output
    assert not path.exists()


def test_the_readers_take_answers_as_people_type_them() -> None:
    assert core.parse_volume("about 4,500 a month") == 4500
    assert core.parse_volume("4.5k") == 4500
    assert core.parse_structure("3") == ("Frontline", "Technical/Specialist", "Senior/Engineering")
    assert core.parse_structure("4 tiers") == core.FRAMEWORK_TIERS
    assert core.parse_structure("L1: Helpdesk > L2: Product > L3: Dev") == ("Helpdesk", "Product", "Dev")
    tiers = core.FRAMEWORK_TIERS
    cats = core.parse_categories("password resets, billing disputes, integrations, legal threats, Ünïcode bugs",
                                 tiers)
    assert [(c.tier, c.tag) for c in cats] == [(1, "password_resets"), (2, "billing_disputes"), (3, "integrations"),
                                               (4, "legal_threats"), (3, "unicode_bugs")]
    assert core.parse_categories("integrations", tiers[:2])[0].tier == 2  # capped at the last tier
    assert core.parse_hours("mon-fri 09:00-12:30,13:30-18:00; sat 10:00-14:00")["sat"] == ("10:00-14:00",)
    assert core.parse_hours("24/7")["sun"] == ("00:00-24:00",)
    assert core.parse_holidays("us/ca") == ("US", "CA")
    assert core.parse_pain_points("1, alert floods, 1") == ("slow_first_response", "alert_floods")
    with pytest.raises(ValueError, match="IANA"):
        core.parse_timezone("Mars/Olympus")
    with pytest.raises(ValueError, match="neither an email"):
        core.parse_addresses("not-an-address")


def test_existing_configs_without_a_profile_still_load_and_describe() -> None:
    config = load_config(data={"organization": {"name": "Acme"}}, environ={})
    assert config.organization.categories == [] and config.organization.pain_points == []
    text = describe(config)
    assert "### Top ticket categories" not in text and "### Pain points" not in text


def _answers(pains: tuple[str, ...], volume: int = 4500) -> core.Answers:
    tiers = ("Frontline", "Product specialists", "Engineering", "Management")
    return core.Answers(company="Fernwood Analytics", product="Fernwood Cloud", monthly_tickets=volume, tiers=tiers,
                        categories=core.parse_categories("password resets -> 1, billing disputes -> 2", tiers),
                        pain_points=pains)


# ------------------------------------------------------------------------------------- through a pseudo-terminal

# (the prompt's words, what the admin types); "" accepts the default offered
DIALOGUE = [
    ("Company name", "Fernwood Analytics"),
    ("Product or service", "Fernwood Cloud, a data-pipeline service"),
    ("Industry", ""),
    ("Tickets a month", "lots"),  # refused, asked again
    ("Tickets a month", "4500"),
    ("Tiers, Tier 1 first", "Frontline, Product specialists, Engineering"),
    ("People answering tickets", ""),
    ("Categories", "password resets -> 1, billing disputes -> 2, integrations -> 3, data sync errors, "
                   "refund requests -> Product specialists"),
    ("Pain points", "1, 2, 3, 4, 5"),
    ("Helpdesk: zendesk, freshdesk or both", ""),
    ("Zendesk subdomain", ""),
    ("Time zone", "Europe/Dublin"),
    ("Business hours", "mon-fri 09:00-17:30"),
    ("Public holidays", "IE"),
    ("Alerts for support_manager", "ops@fernwood.example"),
    ("Alerts for team_lead", ""),
    ("Alerts for on_call", "https://hooks.slack.com/services/T1/B2/C3"),
    ("Alerts for account_manager", ""),
    ("SMTP relay", ""),
    ("Emails sent from", ""),
]


def test_an_interactive_run_in_a_terminal_writes_the_same_file(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    expected = tmp_path / "flags.yaml"
    assert run_init("--non-interactive", "-c", str(expected), *FLAGS).exit_code == 0

    path = tmp_path / "escalator.yaml"
    env = {**os.environ, "TERM": "dumb", "PYTHONPATH": str(ROOT), "COLUMNS": "200"}
    child = pexpect.spawn(sys.executable, ["-c", "from webhooks.cli_init import init; init()", "-c", str(path)],
                          cwd=str(tmp_path), env=env, encoding="utf-8", timeout=30, dimensions=(50, 200))
    try:
        for prompt, answer in DIALOGUE:
            child.expect_exact(prompt)
            child.expect(r": $")
            child.sendline(answer)
            if answer == "lots":
                child.expect_exact("Error: the monthly ticket volume is a number of tickets")
        child.expect_exact(f"Wrote {path}")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    assert path.read_bytes() == expected.read_bytes()
