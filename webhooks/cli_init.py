"""`escalator init`: the setup questionnaire. It asks the escalation framework's five answers (company and product,
monthly volume, support structure, top categories, pain points), then the platform, hours, holidays and where alerts
go, and writes `escalator.yaml` (plugin/setup.py turns the answers into it). Interactive by default;
`--non-interactive` takes the answers from flags and `--answers FILE`. See docs/init.md.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import click
import yaml

from plugin import setup as core
from plugin.config import ConfigError, load_config

T = TypeVar("T")

# The answers file's keys, in the order the questions come; each flag fills the key of the same name.
ANSWER_KEYS = ("company", "product", "industry", "monthly_tickets", "structure", "team_size", "categories",
               "pain_points", "platform", "zendesk_subdomain", "freshdesk_domain", "timezone", "business_hours",
               "holidays", "alerts", "smtp", "alert_from")
REQUIRED = ("company", "product", "monthly_tickets", "structure", "categories", "pain_points")
DEFAULTS: dict[str, Any] = {"industry": "Software as a service", "platform": "zendesk", "timezone": "UTC",
                            "business_hours": "mon-fri 09:00-17:00", "holidays": "none", "smtp": "",
                            "alert_from": ""}


class Asker:
    """Where each answer comes from: the given value (flag or answers file) or, interactively, the prompt with the
    given value or the default offered."""

    def __init__(self, given: Mapping[str, Any], interactive: bool) -> None:
        self.given = given
        self.interactive = interactive

    def ask(self, key: str, question: str, parse: Callable[[Any], T], default: Any = None, *,
            example: str = "") -> T:
        value = self.given.get(key, default if default is not None else DEFAULTS.get(key))
        if not self.interactive:
            try:
                return parse(value)
            except ValueError as exc:
                raise click.UsageError(f"{key}: {exc}") from None
        if example:
            click.echo(click.style(f"  e.g. {example}", dim=True))

        def proc(text: str) -> T:
            try:
                return parse(text)
            except ValueError as exc:
                raise click.BadParameter(str(exc)) from None

        shown = _shown(value)
        result: T = click.prompt(question, default=shown if shown else "", show_default=bool(shown),
                                 value_proc=proc)
        return result


def _shown(value: Any) -> str:
    """A given answer as the prompt offers it back."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_shown(v) for v in value)
    if isinstance(value, Mapping):
        if {"name", "tier"} <= set(value):
            return f"{value['name']} -> {value['tier']}"
        return "; ".join(f"{k} {_shown(v)}" for k, v in value.items())
    return str(value)


def _categories_text(categories: tuple[core.Category, ...]) -> str:
    return ", ".join(f"{c.name} -> {c.tier}" for c in categories)


def collect(given: Mapping[str, Any], interactive: bool) -> core.Answers:
    """Every answer, asked or taken from `given`, parsed."""
    if not interactive:
        missing = [k for k in REQUIRED if given.get(k) in (None, "")]
        if missing:
            raise click.UsageError(
                f"--non-interactive needs the framework's answers: missing {', '.join(missing)} (give them as "
                f"flags, e.g. --{missing[0].replace('_', '-')}, or in --answers FILE; see docs/init.md)")
    ask = Asker(given, interactive).ask
    say = click.echo if interactive else (lambda *_a, **_k: None)

    say("The escalation framework designs your workflow from five answers; then a few about your setup.\n")
    say("1/5 Company and product")
    company = ask("company", "Company name", lambda v: core.parse_text(v, "the company's name"),
                  example="Fernwood Analytics")
    product = ask("product", "Product or service you support", lambda v: core.parse_text(v, "the product"),
                  example="Fernwood Cloud, a data-pipeline service")
    industry = ask("industry", "Industry", lambda v: core.parse_text(v, "the industry"))
    say("2/5 Monthly ticket volume")
    volume = ask("monthly_tickets", "Tickets a month", core.parse_volume, example="4500, or 4.5k")
    say("3/5 Current support structure (tiers or team setup)")
    tiers = ask("structure", "Tiers, Tier 1 first (or their number)", core.parse_structure,
                example="Frontline, Product specialists, Engineering  |  3  (the framework's names: "
                        + ", ".join(core.FRAMEWORK_TIERS) + ")")
    team_size = ask("team_size", "People answering tickets", _positive, default=core.default_team_size(volume))
    say("4/5 Top five ticket categories, each with the tier that owns it (left out: the usual owner)")
    categories = ask("categories", "Categories", lambda v: core.parse_categories(v, tiers),
                     example="password resets -> 1, billing disputes -> 2, integrations -> 3, bug reports, "
                             "data exports")
    say("  " + ", ".join(f"{c.name}: Tier {c.tier} ({tiers[c.tier - 1]}), tag {c.tag}" for c in categories))
    say("5/5 Current pain points (numbers or names, comma-separated; none for none)")
    for number, info in enumerate(core.PAIN_POINTS.values(), start=1):
        say(f"  {number}. {info.label} ({info.key})")
    pains = ask("pain_points", "Pain points", core.parse_pain_points, example="1, 2, 4")
    say("Your setup")
    platform = ask("platform", "Helpdesk: zendesk, freshdesk or both", core.parse_platform)
    subdomain = domain = ""
    if platform in ("zendesk", "both"):
        subdomain = ask("zendesk_subdomain", "Zendesk subdomain (acme for acme.zendesk.com)", _name,
                        default=core.default_domain(company))
    if platform in ("freshdesk", "both"):
        domain = ask("freshdesk_domain", "Freshdesk domain (acme for acme.freshdesk.com)", _name,
                     default=core.default_domain(company))
    timezone = ask("timezone", "Time zone", core.parse_timezone, example="Europe/Paris, America/New_York")
    hours = ask("business_hours", "Business hours", core.parse_hours,
                example="mon-fri 09:00-17:00  |  mon-fri 09:00-12:30,13:30-18:00; sat 10:00-14:00  |  24/7")
    holidays = ask("holidays", "Public holidays of (country code, region optional; none)", core.parse_holidays,
                   example="FR, US/CA, DE-BY")
    alerts = _alerts(given, interactive, ask, say)
    return core.Answers(company=company, product=product, industry=industry, monthly_tickets=volume,
                        tiers=tiers, team_size=team_size, categories=categories, pain_points=pains,
                        platform=platform, zendesk_subdomain=subdomain, freshdesk_domain=domain, timezone=timezone,
                        hours=hours, holidays=holidays, alerts=alerts)


def _alerts(given: Mapping[str, Any], interactive: bool, ask: Callable[..., Any],
            say: Callable[..., None]) -> dict[str, tuple[str, ...]]:
    raw = given.get("alerts") or {}
    if not isinstance(raw, Mapping):
        raise click.UsageError("alerts: a mapping of role -> addresses, e.g. {support_manager: lead@acme.com}")
    addresses: dict[str, tuple[str, ...]] = {}
    if interactive:
        say("Where alerts go: emails or chat webhook URLs (Slack, Teams, Discord, any https URL), comma-separated; "
            "blank for none yet")
        roles = [*core.ALERT_ROLES, *(r for r in raw if r not in core.ALERT_ROLES)]
        for role in roles:
            say(f"  {role}: {core.ALERT_HELP.get(role, 'alerts to this role')}")
            found = Asker({role: raw.get(role)}, True).ask(role, f"Alerts for {role}", core.parse_addresses)
            if found:
                addresses[role] = found
    else:
        try:
            addresses = {str(role): core.parse_addresses(value) for role, value in raw.items()}
        except ValueError as exc:
            raise click.UsageError(f"alerts: {exc}") from None
        addresses = {role: found for role, found in addresses.items() if found}
    smtp = sender = ""
    if any("@" in a and "://" not in a for found in addresses.values() for a in found):
        smtp = ask("smtp", "SMTP relay for the emails (host[:port]; blank: smtp.<the address's domain>:587)", str)
        sender = ask("alert_from", "Emails sent from (blank: escalator@<the address's domain>)", str)
    try:
        return core.parse_alerts(addresses, smtp, sender)
    except ValueError as exc:
        raise click.UsageError(f"alerts: {exc}") from None


def _positive(value: Any) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValueError(f"a number of people, like 12; got {value!r}") from None
    if number < 1:
        raise ValueError("at least one person")
    return number


def _name(value: Any) -> str:
    text = str(value or "").strip().lower()
    if not text or not all(c.isalnum() or c == "-" for c in text):
        raise ValueError(f"letters, digits and - only (acme for acme.zendesk.com); got {value!r}")
    return text


def _read_answers(path: Path | None) -> dict[str, Any]:
    if path is None:
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise click.UsageError(f"cannot read the answers file {path}: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise click.UsageError(f"{path}: the answers file holds a mapping of answers (see docs/init.md)")
    unknown = sorted(set(data) - set(ANSWER_KEYS))
    if unknown:
        raise click.UsageError(f"{path}: unknown answer(s) {', '.join(unknown)}; known: {', '.join(ANSWER_KEYS)}")
    return data


def _alert_flags(values: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in values:
        role, sep, addresses = item.partition("=")
        if not sep or not role.strip():
            raise click.UsageError(f"--alert takes ROLE=ADDRESSES (support_manager=lead@acme.com); got {item!r}")
        out[role.strip()] = ",".join(filter(None, [out.get(role.strip(), ""), addresses]))
    return out


@click.command("init")
@click.option("--config", "-c", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("escalator.yaml"), show_default=True, help="The configuration file to write.")
@click.option("--non-interactive", is_flag=True, help="Ask nothing: take the answers from the flags and --answers "
                                                      "(the five framework answers are required).")
@click.option("--answers", "answers_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="A YAML file of answers (keys: " + ", ".join(ANSWER_KEYS) + "); flags override it.")
@click.option("--force", is_flag=True, help="Overwrite an existing file without asking (non-interactive runs "
                                            "refuse to overwrite without it).")
@click.option("--company", default=None, help="Company name.")
@click.option("--product", default=None, help="The product or service supported.")
@click.option("--industry", default=None, help="Industry (default: Software as a service).")
@click.option("--volume", "monthly_tickets", default=None, help="Tickets a month (4500, 4.5k).")
@click.option("--structure", default=None, help='Tier names, Tier 1 first ("Frontline, Specialists, Engineering"), '
                                                "or their number.")
@click.option("--team-size", default=None, help="People answering tickets (default: volume / 250).")
@click.option("--categories", default=None, help='Top categories with their tier: "password resets -> 1, billing '
                                                 'disputes -> 2, integrations -> 3".')
@click.option("--pain-points", default=None, help="Pain points, comma-separated: " + ", ".join(core.PAIN_POINTS)
              + " (or none).")
@click.option("--platform", default=None, help="zendesk, freshdesk or both (default: zendesk).")
@click.option("--zendesk-subdomain", default=None, help="acme for acme.zendesk.com (default: from the company).")
@click.option("--freshdesk-domain", default=None, help="acme for acme.freshdesk.com (default: from the company).")
@click.option("--timezone", default=None, help="IANA time zone (default: UTC).")
@click.option("--hours", "business_hours", default=None, help='Business hours: "mon-fri 09:00-17:00" (default), '
                                                              '"mon-fri 09:00-12:30,13:30-18:00; sat 10:00-14:00", '
                                                              "24/7.")
@click.option("--holidays", default=None, help="Public holidays' country (FR, US/CA) or none (default).")
@click.option("--alert", "alert_flags", multiple=True, metavar="ROLE=ADDRESSES",
              help="Where a role's alerts go: emails or chat webhook URLs, comma-separated (repeatable).")
@click.option("--smtp", default=None, help="SMTP relay for email alerts, host[:port] (default: smtp.<domain>:587).")
@click.option("--alert-from", default=None, help="Sender of email alerts (default: escalator@<domain>).")
def init(config_path: Path, non_interactive: bool, answers_path: Path | None, force: bool,
         alert_flags: tuple[str, ...], **flags: str | None) -> None:
    """Write escalator.yaml from the setup questionnaire (the framework's five answers, then platform, hours,
    holidays and alert addresses). Run again over an existing file: shows the difference and asks."""
    given = _read_answers(answers_path)
    given.update({key: value for key, value in flags.items() if value is not None})
    if alert_flags:
        given["alerts"] = {**(given.get("alerts") or {}), **_alert_flags(alert_flags)}
    interactive = not non_interactive
    answers = collect(given, interactive)
    setup = core.build(answers)
    try:
        config = load_config(data=setup.data, environ={})
    except ConfigError as exc:  # a bug of the builder, or an answer no parser caught: write nothing
        click.echo(f"the answers make an invalid configuration, nothing written:\n{exc}", err=True)
        sys.exit(1)
    old = config_path.read_text(encoding="utf-8") if config_path.exists() else None
    if old == setup.text:
        click.echo(f"{config_path} already holds these answers: unchanged.")
        return
    if old is not None:
        diff = difflib.unified_diff(old.splitlines(keepends=True), setup.text.splitlines(keepends=True),
                                    fromfile=f"{config_path} (now)", tofile=f"{config_path} (from the answers)")
        click.echo("".join(diff), nl=False)
        if not force:
            if not interactive:
                click.echo(f"{config_path} exists: not overwritten (add --force to replace it).", err=True)
                sys.exit(1)
            if not click.confirm(f"Overwrite {config_path}?", default=False):
                click.echo("Nothing written.")
                return
    config_path.parent.mkdir(parents=True, exist_ok=True)
    config_path.write_text(setup.text, encoding="utf-8")
    routed = sum(1 for c in answers.categories if c.tier > 1)
    click.echo(f"Wrote {config_path}: {config.tier_count} tiers, {len(answers.categories)} categories "
               f"({routed} routed by a rule), {len(answers.pain_points)} pain point(s) addressed, "
               f"{len(config.extra_rules)} rule(s) of your own.")
    click.echo(f"Next: escalator check-config --config {config_path}; escalator describe --config {config_path}.")
