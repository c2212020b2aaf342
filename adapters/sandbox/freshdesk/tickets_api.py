"""The Freshdesk sandbox's ticket routes: view (with `include=requester,company,stats,conversations`), list (filters,
`updated_since`, order, the last-30-days default, the page cap), create (child tickets with `parent_id`), update,
delete, associated tickets, the filter search, conversations, notes, replies and satisfaction ratings. Writes made
through the API are the API key's agent's."""

from __future__ import annotations

import copy
from datetime import timedelta
from typing import Any

from flask import Flask, Response, jsonify, request

from adapters.sandbox.freshdesk.errors import Invalid, RequestRefused
from adapters.sandbox.freshdesk.search import compile_query
from adapters.sandbox.freshdesk.state import FreshdeskState, stamp
from adapters.sandbox.freshdesk.web import body, created, includes, int_arg, page, time_arg

SEARCH_PAGE, SEARCH_PAGES = 30, 10
LIST_FILTERS = ("new_and_my_open", "watching", "spam", "deleted")
ORDER_BY = ("created_at", "due_by", "updated_at", "status")
NOTE_FIELDS = frozenset({"body", "structured_body", "private", "incoming", "notify_emails", "user_id"})
REPLY_FIELDS = frozenset({"body", "structured_body", "from_email", "user_id", "cc_emails", "bcc_emails"})
ASSOCIATED_FIELDS = ("id", "group_id", "priority", "requester_id", "responder_id", "source", "company_id", "status",
                     "subject", "product_id", "type", "due_by", "fr_due_by", "is_escalated", "created_at",
                     "updated_at")


def register(app: Flask, state: FreshdeskState, agent_id: int) -> None:
    def embedded(ticket: dict[str, Any], wanted: list[str]) -> dict[str, Any]:
        if "requester" in wanted:
            person = state.person(int(ticket["requester_id"]))
            ticket["requester"] = {k: person.get(k) for k in ("email", "id", "mobile", "name", "phone")}
        if "company" in wanted:
            company = state.companies.get(ticket.get("company_id") or -1)
            ticket["company"] = {"id": company["id"], "name": company["name"]} if company else {}
        if "stats" in wanted:
            ticket["stats"] = dict(state.stats[int(ticket["id"])])
        if "conversations" in wanted:
            ticket["conversations"] = [_conversation(c) for c in state.conversations[int(ticket["id"])][:10]]
        return ticket

    def writable(ticket_id: int) -> dict[str, Any]:
        return state.ticket(ticket_id)  # 404 for a missing or deleted ticket

    @app.get("/api/v2/tickets/<int:ticket_id>")
    def view_ticket(ticket_id: int) -> Response:
        wanted = includes(("conversations", "requester", "company", "stats"))
        return jsonify(embedded(state.ticket(ticket_id), wanted))

    @app.get("/api/v2/tickets")
    def list_tickets() -> Response:
        wanted = includes(("stats", "requester", "description"))
        chosen = request.args.get("filter")
        if chosen is not None and chosen not in LIST_FILTERS:
            raise Invalid("filter", f"It should be one of these values: '{','.join(LIST_FILTERS)}'")
        order_by = request.args.get("order_by", "created_at")
        order_type = request.args.get("order_type", "desc")
        if order_by not in ORDER_BY:
            raise Invalid("order_by", f"It should be one of these values: '{','.join(ORDER_BY)}'")
        if order_type not in ("asc", "desc"):
            raise Invalid("order_type", "It should be one of these values: 'asc,desc'")
        since = time_arg("updated_since")
        requester = int_arg("requester_id")
        company = int_arg("company_id")
        email = request.args.get("email")
        if email is not None:
            requester = state.user_by_email(email) or -1
        month_ago = stamp(state.clock() - timedelta(days=30))
        with state.lock:
            items = []
            for ticket in state.tickets.values():
                if chosen == "deleted":
                    if not ticket.get("deleted"):
                        continue
                elif ticket.get("deleted") or (ticket["spam"] != (chosen == "spam")):
                    continue
                if chosen == "new_and_my_open" and not (ticket["status"] == 2 and ticket["responder_id"] in (
                        None, agent_id)):
                    continue
                if since is not None and str(ticket["updated_at"]) < since:
                    continue
                if since is None and str(ticket["created_at"]) < str(month_ago):
                    continue  # List All Tickets gives the last 30 days unless updated_since says otherwise
                if requester is not None and ticket["requester_id"] != requester:
                    continue
                if company is not None and ticket["company_id"] != company:
                    continue
                items.append(copy.deepcopy(ticket))
        items.sort(key=lambda t: (str(t.get(order_by) or ""), t["id"]), reverse=order_type == "desc")
        for ticket in items:
            if "description" not in wanted:
                ticket.pop("description", None)
                ticket.pop("description_text", None)
            embedded(ticket, [w for w in wanted if w != "description"])
        return page(items, max_page=state.list_page_cap)

    @app.post("/api/v2/tickets")
    def create_ticket() -> tuple[Response, int]:
        ticket = state.create_ticket(body(), performer="agent", performer_id=agent_id)
        return created(ticket, f"/api/v2/tickets/{ticket['id']}")

    @app.put("/api/v2/tickets/<int:ticket_id>")
    def update_ticket(ticket_id: int) -> Response:
        data = body()
        writable(ticket_id)
        if not data:
            raise RequestRefused(400, "missing_params", "Mandatory parameters missing")
        return jsonify(state.update_ticket(ticket_id, data, performer="agent", performer_id=agent_id))

    @app.delete("/api/v2/tickets/<int:ticket_id>")
    def delete_ticket(ticket_id: int) -> tuple[str, int]:
        writable(ticket_id)
        with state.lock:
            state.tickets[ticket_id]["deleted"] = True
        return "", 204

    @app.get("/api/v2/tickets/<int:ticket_id>/associated_tickets")
    def associated(ticket_id: int) -> Response:
        ticket = state.ticket(ticket_id)
        linked = [state.tickets[i] for i in ticket.get("associated_tickets_list") or [] if i in state.tickets]
        return jsonify({"tickets": [{k: t.get(k) for k in ASSOCIATED_FIELDS} for t in linked]})

    @app.get("/api/v2/search/tickets")
    def search() -> Response:
        raw = request.args.get("query")
        if raw is None:
            raise Invalid("query", "Mandatory attribute missing", "missing_field")
        matches = compile_query(raw)
        number = int_arg("page", 1) or 1
        if number > SEARCH_PAGES:
            raise Invalid("page", f"It should be a Number between 1 to {SEARCH_PAGES}", "invalid_value")
        with state.lock:
            found = [copy.deepcopy(t) for t in state.tickets.values() if not t.get("deleted") and not t["spam"]
                     and state.searchable(t["id"]) and matches(t)]
        found.sort(key=lambda t: (str(t["created_at"]), t["id"]), reverse=True)
        start = (number - 1) * SEARCH_PAGE
        return jsonify({"total": len(found), "results": found[start:start + SEARCH_PAGE]})

    # ---------------------------------------------------------------- conversations

    @app.get("/api/v2/tickets/<int:ticket_id>/conversations")
    def conversations(ticket_id: int) -> Response:
        state.ticket(ticket_id)
        with state.lock:
            items = [_conversation(c) for c in state.conversations[ticket_id]]
        return page(items)

    def conversation_body(allowed: frozenset[str]) -> dict[str, Any]:
        data = body()
        for key in data:
            if key not in allowed:
                raise Invalid(key, "Unexpected/invalid field in request", "invalid_field")
        text = data.get("body")
        if not isinstance(text, str) or not text.strip():
            raise Invalid("body", "Mandatory attribute missing", "missing_field")
        user = data.get("user_id", agent_id)
        if isinstance(user, bool) or not isinstance(user, int) or not (user in state.agents or user in
                                                                        state.contacts):
            raise Invalid("user_id", "There is no contact matching the given user_id", "invalid_value")
        return data

    @app.post("/api/v2/tickets/<int:ticket_id>/notes")
    def note(ticket_id: int) -> tuple[Response, int]:
        writable(ticket_id)
        data = conversation_body(NOTE_FIELDS)
        for flag in ("private", "incoming"):
            if not isinstance(data.get(flag, False), bool):
                raise Invalid(flag, "Value set is of type String.It should be a/an Boolean", "datatype_mismatch")
        added = state.add_conversation(ticket_id, data["body"], kind="note", user_id=data.get("user_id", agent_id),
                                       private=data.get("private", True), notify_emails=data.get("notify_emails")
                                       or (), performer="agent")
        reply = {k: added[k] for k in ("body_text", "body", "id", "incoming", "private", "user_id", "support_email",
                                       "ticket_id", "notified_to", "attachments", "created_at", "updated_at")}
        reply["incoming"] = bool(data.get("incoming", False))
        return jsonify(reply), 201

    @app.post("/api/v2/tickets/<int:ticket_id>/reply")
    def reply(ticket_id: int) -> tuple[Response, int]:
        ticket = writable(ticket_id)
        data = conversation_body(REPLY_FIELDS)
        added = state.add_conversation(ticket_id, data["body"], kind="reply", user_id=data.get("user_id", agent_id),
                                       performer="agent")
        requester = state.person(int(ticket["requester_id"]))
        answer = {k: added[k] for k in ("body_text", "body", "id", "user_id", "ticket_id", "attachments",
                                        "created_at", "updated_at")}
        answer.update({"from_email": data.get("from_email") or f"support@{state.domain}.freshdesk.com",
                       "cc_emails": data.get("cc_emails") or [], "bcc_emails": data.get("bcc_emails") or [],
                       "replied_to": [requester.get("email")]})
        return jsonify(answer), 201

    # ---------------------------------------------------------------- satisfaction ratings

    @app.get("/api/v2/surveys/satisfaction_ratings")
    def ratings() -> Response:
        since = time_arg("created_since")
        user = int_arg("user_id")
        with state.lock:
            items = [copy.deepcopy(r) for r in state.ratings if (since is None or str(r["created_at"]) >= since)
                     and (user is None or r["user_id"] == user)]
        return page(items)

    @app.post("/api/v2/tickets/<int:ticket_id>/satisfaction_ratings")
    def rate(ticket_id: int) -> tuple[Response, int]:
        writable(ticket_id)
        data = body()
        scores = data.get("ratings")
        if not isinstance(scores, dict) or not isinstance(scores.get("default_question"), int):
            raise Invalid("ratings", "default_question is mandatory", "missing_field")
        others = {k: v for k, v in scores.items() if k != "default_question"}
        rating = state.add_rating(ticket_id, scores["default_question"], feedback=str(data.get("feedback") or ""),
                                  **others)
        return jsonify(rating), 201


def _conversation(item: dict[str, Any]) -> dict[str, Any]:
    shown = dict(item)
    shown.pop("notified_to", None)
    return shown
