"""The Freshdesk sandbox's account routes: contacts, companies, agents (`/agents/me` is the API key's agent),
groups, and the admin-only SLA policies, business hours and automation rules."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask, Response, jsonify, request

from adapters.sandbox.freshdesk.errors import NotFound
from adapters.sandbox.freshdesk.state import AUTOMATION_TYPES, FreshdeskState
from adapters.sandbox.freshdesk.web import body, created, int_arg, page, time_arg


def register(app: Flask, state: FreshdeskState, agent_id: int, admin_only: Callable[[], None]) -> None:
    def one(items: dict[int, dict[str, Any]], item_id: int) -> Response:
        with state.lock:
            if item_id not in items:
                raise NotFound()
            return jsonify(copy.deepcopy(items[item_id]))

    def listed(items: Iterable[dict[str, Any]]) -> Response:
        with state.lock:
            return page(sorted((copy.deepcopy(i) for i in items), key=lambda i: i["id"]))

    @app.get("/api/v2/contacts/<int:contact_id>")
    def contact(contact_id: int) -> Response:
        return one(state.contacts, contact_id)

    @app.get("/api/v2/contacts")
    def contacts() -> Response:
        email, company, since = request.args.get("email"), int_arg("company_id"), time_arg("_updated_since")
        return listed(c for c in list(state.contacts.values())
                      if (email is None or (c.get("email") or "").lower() == email.lower())
                      and (company is None or c["company_id"] == company)
                      and (since is None or str(c["updated_at"]) >= since))

    @app.get("/api/v2/companies/<int:company_id>")
    def company(company_id: int) -> Response:
        return one(state.companies, company_id)

    @app.get("/api/v2/companies")
    def companies() -> Response:
        return listed(list(state.companies.values()))

    @app.get("/api/v2/agents/me")
    def me() -> Response:
        return one(state.agents, agent_id)

    @app.get("/api/v2/agents/<int:agent_id_>")
    def agent(agent_id_: int) -> Response:
        return one(state.agents, agent_id_)

    @app.get("/api/v2/agents")
    def agents() -> Response:
        return listed(list(state.agents.values()))

    @app.get("/api/v2/groups/<int:group_id>")
    def group(group_id: int) -> Response:
        return one(state.groups, group_id)

    @app.get("/api/v2/groups")
    def groups() -> Response:
        return listed(list(state.groups.values()))

    # ---------------------------------------------------------------- admin

    @app.get("/api/v2/sla_policies")
    def sla_policies() -> Response:
        admin_only()
        with state.lock:
            return page(sorted((copy.deepcopy(p) for p in state.sla_policies.values()),
                               key=lambda p: (p["position"], p["id"])))

    @app.post("/api/v2/sla_policies")
    def create_sla_policy() -> tuple[Response, int]:
        admin_only()
        data = body()
        data.pop("is_default", None)  # the default policy comes with the account; the API cannot make another
        policy = state.add_sla_policy(data)
        return created(policy, f"/api/v2/sla_policies/{policy['id']}")

    @app.put("/api/v2/sla_policies/<int:policy_id>")
    def update_sla_policy(policy_id: int) -> Response:
        admin_only()
        return jsonify(state.update_sla_policy(policy_id, body()))

    @app.get("/api/v2/business_hours")
    def business_hours() -> Response:
        admin_only()
        return listed(list(state.business_hours.values()))

    @app.get("/api/v2/business_hours/<int:hours_id>")
    def business_hour(hours_id: int) -> Response:
        admin_only()
        return one(state.business_hours, hours_id)

    def rules_of(automation_type: int) -> dict[int, dict[str, Any]]:
        admin_only()
        if automation_type not in AUTOMATION_TYPES:
            raise NotFound()
        return state.rules[automation_type]

    @app.route("/api/v2/automations/<int:automation_type>/rules", methods=["GET", "POST"])
    def rules(automation_type: int) -> tuple[Response, int]:
        existing = rules_of(automation_type)
        if request.method == "POST":
            rule = state.add_rule(automation_type, body())
            return created(rule, f"/api/v2/automations/{automation_type}/rules/{rule['id']}")
        with state.lock:
            items = sorted((copy.deepcopy(r) for r in existing.values()), key=lambda r: (r["position"], r["id"]))
        return jsonify({"rules": items, "meta": {"count": len(items), "cascading_rules": True}}), 200

    @app.route("/api/v2/automations/<int:automation_type>/rules/<int:rule_id>", methods=["GET", "PUT", "DELETE"])
    def rule(automation_type: int, rule_id: int) -> tuple[Response | str, int]:
        existing = rules_of(automation_type)
        if request.method == "PUT":
            return jsonify(state.update_rule(automation_type, rule_id, body())), 200
        with state.lock:
            if rule_id not in existing:
                raise NotFound()
            if request.method == "DELETE":
                del existing[rule_id]
                return "", 204
            return jsonify(copy.deepcopy(existing[rule_id])), 200
