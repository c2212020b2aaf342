"""`python -m adapters.sandbox --port 8123 [--seed demo]`: run the Zendesk-compatible sandbox on its own."""

from __future__ import annotations

import argparse

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


def main() -> None:
    parser = argparse.ArgumentParser(description="A local Zendesk-compatible API for trying helpdesk-escalator.")
    parser.add_argument("--port", type=int, default=8123)
    parser.add_argument("--seed", choices=["none", "demo"], default="none")
    args = parser.parse_args()
    sandbox = Sandbox(port=args.port).start()
    if args.seed == "demo":
        seed_demo(sandbox)
    print(f"Zendesk sandbox on {sandbox.url}\n"
          f"  email: {sandbox.email}\n  token: {sandbox.token}   (a sandbox-only fake, not a secret)\n"
          f"In escalator.yaml: zendesk: {{subdomain: sandbox, base_url: {sandbox.url}, email: {sandbox.email}}}\n"
          f"and ESCALATOR_ZENDESK__API_TOKEN={sandbox.token}. Ctrl+C stops it.")
    sandbox.serve_until_stopped()


if __name__ == "__main__":
    main()
