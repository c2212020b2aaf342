"""`python -m adapters.sandbox.freshdesk --port 8124 [--seed demo] [--history 30d --tickets 2000]`: run the
Freshdesk-compatible sandbox on its own (optionally with a generated month of history, for `escalator simulate`) and
print the configuration that points the escalator at it."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from adapters.sandbox.__main__ import history_days
from adapters.sandbox.freshdesk.history_play import play_freshdesk
from adapters.sandbox.freshdesk.seed import seed_demo
from adapters.sandbox.freshdesk.server import FreshdeskSandbox
from adapters.sandbox.history import plan_history


def main() -> None:
    parser = argparse.ArgumentParser(description="A local Freshdesk-compatible API for trying helpdesk-escalator.")
    parser.add_argument("--port", type=int, default=8124)
    parser.add_argument("--seed", choices=["none", "demo"], default="none")
    parser.add_argument("--rate-limit", type=int, default=None, help="API credits a minute (default: no limit)")
    parser.add_argument("--history", default=None, metavar="PERIOD",
                        help="seed a generated history of this period before now, e.g. 30d (for escalator simulate)")
    parser.add_argument("--tickets", type=int, default=2000, help="tickets in the generated history (default 2000)")
    parser.add_argument("--history-seed", type=int, default=7, help="the generator's seed (same seed, same history)")
    args = parser.parse_args()
    sandbox = FreshdeskSandbox(port=args.port, rate_limit=args.rate_limit).start()
    if args.seed == "demo":
        seed_demo(sandbox.state)
    if args.history:
        history = plan_history(seed=args.history_seed, tickets=args.tickets, until=datetime.now(UTC),
                               days=history_days(args.history))
        play_freshdesk(sandbox.state, history)
        groups = history.ids["groups"]
        print(f"Seeded {len(history.tickets)} tickets over {args.history}; tier groups "
              f"{', '.join(map(str, groups))} (Frontline, Technical, Engineering, Management)")
    print(f"Freshdesk sandbox on {sandbox.url}\n"
          f"  API key: {sandbox.api_key}   (a sandbox-only fake, not a secret)\n"
          f"In escalator.yaml: freshdesk: {{domain: {sandbox.state.domain}, base_url: {sandbox.url}, "
          f"agent_email: {sandbox.agent_email}}}\n"
          f"and ESCALATOR_FRESHDESK__API_KEY={sandbox.api_key}. Then `escalator install freshdesk --url ...` creates"
          f" the webhook rules here. Ctrl+C stops it.", flush=True)
    sandbox.serve_until_stopped()


if __name__ == "__main__":
    main()
