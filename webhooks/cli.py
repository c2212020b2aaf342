"""The `escalator` command line: the entry point admins use to check, describe, run and operate the service."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from plugin.config import ConfigError, EscalatorConfig, load_config

CONFIG_HELP = "Configuration file (default: $ESCALATOR_CONFIG, else ./escalator.yaml, else the built-in defaults)."


def config_option(func: click.decorators.FC) -> click.decorators.FC:
    return click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
                        default=None, help=CONFIG_HELP)(func)


def load_or_exit(config_path: Path | None) -> EscalatorConfig:
    """Load the configuration, or print every problem and exit 1."""
    try:
        return load_config(config_path)
    except ConfigError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="helpdesk-escalator")
def main() -> None:
    """helpdesk-escalator: escalation rules and exact SLA clocks for Zendesk and Freshdesk."""


@main.command("check-config")
@config_option
def check_config(config_path: Path | None) -> None:
    """Validate the configuration and print every problem (exit 1 if there is any)."""
    config = load_or_exit(config_path)
    platforms = ", ".join(config.platforms()) or "none yet (add a zendesk: or freshdesk: section)"
    click.echo(f"Configuration OK: {config.tier_count} tiers, {len(config.all_rules)} rules, "
               f"{len(config.schedules)} schedule(s), platforms: {platforms}.")


@main.command()
@config_option
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the document to this file instead of the terminal.")
def describe(config_path: Path | None, out: Path | None) -> None:
    """Print the team's Escalation Workflow Design document, generated from the live configuration."""
    from plugin.describe import describe as render

    text = render(load_or_exit(config_path))
    if out is None:
        click.echo(text)
    else:
        out.write_text(text, encoding="utf-8")
        click.echo(f"Wrote {out}")


if __name__ == "__main__":  # pragma: no cover
    main()
