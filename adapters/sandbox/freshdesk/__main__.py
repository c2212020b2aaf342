"""`python -m adapters.sandbox.freshdesk --port 8124 [--seed demo]`: run the Freshdesk-compatible sandbox on its own
and print the configuration that points the escalator at it."""

from __future__ import annotations

import argparse

from adapters.sandbox.freshdesk.seed import seed_demo
from adapters.sandbox.freshdesk.server import FreshdeskSandbox


def main() -> None:
    parser = argparse.ArgumentParser(description="A local Freshdesk-compatible API for trying helpdesk-escalator.")
    parser.add_argument("--port", type=int, default=8124)
    parser.add_argument("--seed", choices=["none", "demo"], default="none")
    parser.add_argument("--rate-limit", type=int, default=None, help="API credits a minute (default: no limit)")
    args = parser.parse_args()
    sandbox = FreshdeskSandbox(port=args.port, rate_limit=args.rate_limit).start()
    if args.seed == "demo":
        seed_demo(sandbox.state)
    print(f"Freshdesk sandbox on {sandbox.url}\n"
          f"  API key: {sandbox.api_key}   (a sandbox-only fake, not a secret)\n"
          f"In escalator.yaml: freshdesk: {{domain: {sandbox.state.domain}, base_url: {sandbox.url}, "
          f"agent_email: {sandbox.agent_email}}}\n"
          f"and ESCALATOR_FRESHDESK__API_KEY={sandbox.api_key}. Then `escalator install freshdesk --url ...` creates"
          f" the webhook rules here. Ctrl+C stops it.", flush=True)
    sandbox.serve_until_stopped()


if __name__ == "__main__":
    main()
