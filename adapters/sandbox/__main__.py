"""`python -m adapters.sandbox --port 8123 [--seed demo] [--history 30d --tickets 2000]`: run the Zendesk-compatible
sandbox on its own, optionally with a generated month of history (adapters/sandbox/history.py) for
`escalator simulate`."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from adapters.sandbox.history import plan_history
from adapters.sandbox.history_play import play_zendesk
from adapters.sandbox.server import Sandbox


def seed_demo(sandbox: Sandbox) -> None:
    state = sandbox.state
    state.add_user("Escalator Bot", sandbox.email, role="admin")
    for name in ("Frontline", "Technical/Specialist", "Senior/Engineering", "Management/Executive"):
        state.add_group(name)
    org = state.add_organization("Globex", organization_fields={"customer_tier": "vip", "lifetime_value": 48000})
    customer = state.add_user("Hank Scorpio", "hank@globex.example", organization_id=org["id"])
    state.create_ticket(requester_id=customer["id"], subject="Dashboard slow since this morning",
                        description="Our dashboards take a minute to load.", priority="normal")


def history_days(text: str) -> int:
    """Whole days of a period like 30d (at least 2: the generator leaves the last day quiet)."""
    from plugin.durations import parse_duration

    return max(2, round(parse_duration(text).total_seconds() / 86400))


def main() -> None:
    parser = argparse.ArgumentParser(description="A local Zendesk-compatible API for trying helpdesk-escalator.")
    parser.add_argument("--port", type=int, default=8123)
    parser.add_argument("--seed", choices=["none", "demo"], default="none")
    parser.add_argument("--history", default=None, metavar="PERIOD",
                        help="seed a generated history of this period before now, e.g. 30d (for escalator simulate)")
    parser.add_argument("--tickets", type=int, default=2000, help="tickets in the generated history (default 2000)")
    parser.add_argument("--history-seed", type=int, default=7, help="the generator's seed (same seed, same history)")
    args = parser.parse_args()
    sandbox = Sandbox(port=args.port).start()
    if args.seed == "demo":
        seed_demo(sandbox)
    if args.history:
        history = plan_history(seed=args.history_seed, tickets=args.tickets, until=datetime.now(UTC),
                               days=history_days(args.history))
        play_zendesk(sandbox.state, history, bot_email=sandbox.email)
        groups = history.ids["groups"]
        print(f"Seeded {len(history.tickets)} tickets over {args.history}; integration user {history.ids['bot']}; "
              f"tier groups {', '.join(map(str, groups))} (Frontline, Technical, Engineering, Management)")
    print(f"Zendesk sandbox on {sandbox.url}\n"
          f"  email: {sandbox.email}\n  token: {sandbox.token}   (a sandbox-only fake, not a secret)\n"
          f"In escalator.yaml: zendesk: {{subdomain: sandbox, base_url: {sandbox.url}, email: {sandbox.email}}}\n"
          f"and ESCALATOR_ZENDESK__API_TOKEN={sandbox.token}. Ctrl+C stops it.")
    sandbox.serve_until_stopped()


if __name__ == "__main__":
    main()
