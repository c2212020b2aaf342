"""The fault suite's own instruments, checked first: the sandbox's fault switches do what the scenarios rely on
(a lost answer lands the write and answers late, per kind of write; slow answers; webhooks resent until a 2xx,
redelivered out of order), and the counting finds a duplicate, a missing alert, churn and an early retry."""

from __future__ import annotations

import http.server
import itertools
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests
import world
from effects import EffectLog, Expected, count, percentile, tally
from receivers import Alert, AlertReceivers
from scenarios import Result, retry_after_check
from world import FreshdeskFaultDeliverer

from adapters.freshdesk import task_tag
from adapters.markers import reply_html
from adapters.sandbox import Sandbox
from adapters.sandbox.faults import SLOW, RequestRecord, write_kind
from adapters.sandbox.freshdesk import FreshdeskSandbox

pytestmark = pytest.mark.faults


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(job_delay=0.01) as server:
        server.state.add_user("Bot", server.email, role="admin")
        yield server


def _auth(sandbox: Sandbox) -> tuple[str, str]:
    return f"{sandbox.email}/token", sandbox.token


def _customer_ticket(sandbox: Sandbox) -> dict[str, Any]:
    customer = sandbox.state.add_user("Ann", "ann@example.com")
    return sandbox.state.create_ticket(requester_id=customer["id"], subject="Help", description="Broken.")


def test_write_kinds_are_told_apart() -> None:
    note = {"ticket": {"comment": {"body": "x", "public": False}, "tags": ["a"]}}
    assert write_kind("PUT", "/api/v2/tickets/7", note) == "update"
    assert write_kind("PUT", "/api/v2/tickets/7", {"ticket": {"tags": ["a"]}}) == "update"
    assert write_kind("PUT", "/api/v2/tickets/7", {"ticket": {"comment": {"body": "x"}}}) == "reply"  # public default
    assert write_kind("PUT", "/api/v2/tickets/update_many", {"tickets": []}) == "update_many"
    assert write_kind("POST", "/api/v2/tickets", {"ticket": {}}) == "create"
    assert write_kind("GET", "/api/v2/tickets/7", None) is None


def test_a_held_answer_lands_the_write_and_answers_after_the_client_gave_up(sandbox: Sandbox) -> None:
    ticket = _customer_ticket(sandbox)
    sandbox.hold_answer("reply", 1.5)
    url = f"{sandbox.url}/api/v2/tickets/{ticket['id']}.json"
    # an internal note is not a reply: answered at once
    requests.put(url, json={"ticket": {"comment": {"body": "note", "public": False}}}, auth=_auth(sandbox), timeout=5)
    started = time.monotonic()
    with pytest.raises(requests.Timeout):
        requests.put(url, json={"ticket": {"comment": {"body": "reply", "public": True}}}, auth=_auth(sandbox),
                     timeout=0.5)
    assert time.monotonic() - started < 1.4
    assert [c["body"] for c in sandbox.state.comments[ticket["id"]]][-1] == "reply"  # it landed
    assert sandbox.faults.holds_left() == 0
    time.sleep(1.2)  # the held answer is recorded once it leaves
    held = [r for r in sandbox.recorded("PUT") if r.held]
    assert len(held) == 1 and held[0].held == 1.5 and held[0].at - held[0].started >= 1.5


def test_slow_answers_are_processed_then_answered_late(sandbox: Sandbox) -> None:
    ticket = _customer_ticket(sandbox)
    sandbox.fail_share(1.0, (SLOW,), slow=(0.3, 0.3))
    started = time.monotonic()
    reply = requests.get(f"{sandbox.url}/api/v2/tickets/{ticket['id']}.json", auth=_auth(sandbox), timeout=5)
    assert reply.status_code == 200 and time.monotonic() - started >= 0.3
    sandbox.fail_share(0.5, (429,), retry_after=(2, 3), seed=1)
    statuses = [requests.get(f"{sandbox.url}/api/v2/tickets/{ticket['id']}.json", auth=_auth(sandbox),
                             timeout=5) for _ in range(20)]
    refused = [r for r in statuses if r.status_code == 429]
    assert refused and {r.headers["Retry-After"] for r in refused} <= {"2", "3"}
    assert all(r.retry_after in (2, 3) for r in sandbox.recorded() if r.status == 429)


class _Endpoint:
    """A webhook endpoint that answers 503 until it is told to come up, and keeps what it took."""

    def __init__(self) -> None:
        self.up = False
        self.taken: list[tuple[str, float]] = []
        endpoint = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if endpoint.up:  # Freshdesk's webhooks carry no invocation id: their body tells them apart
                    invocation = self.headers.get("X-Zendesk-Webhook-Invocation-Id") or body.decode()
                    endpoint.taken.append((invocation, time.monotonic()))
                self.send_response(200 if endpoint.up else 503)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                return

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_webhooks_are_resent_until_they_get_a_2xx() -> None:
    endpoint = _Endpoint()
    try:
        with Sandbox(webhook_retry_delay=0.05, webhook_resend_for=30, webhook_resend_interval=0.1) as sandbox:
            sandbox.subscribe(endpoint.url)
            _customer_ticket(sandbox)
            time.sleep(1.0)  # past the quick retries: a plain sandbox would have given up by now
            assert not endpoint.taken
            endpoint.up = True
            assert sandbox.flush_webhooks(10)
            [invocation] = sandbox.invocations
            assert invocation.delivered and invocation.attempts > 4
            assert [i for i, _ in endpoint.taken] == [invocation.invocation_id]
    finally:
        endpoint.close()


def test_redelivery_sends_every_webhook_three_times_out_of_order() -> None:
    endpoint = _Endpoint()
    endpoint.up = True
    try:
        with Sandbox(webhook_workers=4) as sandbox:
            sandbox.subscribe(endpoint.url)
            sandbox.redeliver(3, 0.5, seed=3)
            for _ in range(6):
                _customer_ticket(sandbox)
            assert sandbox.flush_webhooks(10)
            ids = [i.invocation_id for i in sandbox.invocations]
            taken = [i for i, _ in sorted(endpoint.taken, key=lambda pair: pair[1])]
            assert sorted(taken) == sorted(ids * 3)
            firsts = list(dict.fromkeys(taken))
            assert firsts != ids, "copies should arrive out of order"
    finally:
        endpoint.close()


def test_request_subjects() -> None:
    def record(method: str, path: str, body: bytes = b"", query: str = "") -> RequestRecord:
        return RequestRecord(method, path, 200, 0.0, len(body), body, query)

    assert record("GET", "/api/v2/tickets/12/comments").subjects == {"ticket:12"}
    assert record("PUT", "/api/v2/tickets/update_many", b'{"tickets": [{"id": 3}, {"id": 4}]}').subjects == {
        "ticket:3", "ticket:4"}
    assert record("GET", "/api/v2/tickets/show_many", query="ids=5,6").subjects == {"ticket:5", "ticket:6"}
    assert record("POST", "/api/v2/tickets", b'{"ticket": {"external_id": "escalator-task-k"}}').subjects == {
        "external:escalator-task-k"}
    assert record("GET", "/api/v2/tickets", query="external_id=escalator-task-k").subjects == {
        "external:escalator-task-k"}
    assert record("GET", "/api/v2/users/9").subjects == {"GET /api/v2/users/9"}


def test_retry_after_is_judged_per_ticket() -> None:
    def at(started: float, path: str, status: int = 200, retry_after: float | None = None) -> RequestRecord:
        return RequestRecord("GET", path, status, started + 0.01, 0, b"", "", started, retry_after)

    records = [
        at(0.0, "/api/v2/tickets/1", 429, 2), at(2.5, "/api/v2/tickets/1"),  # honoured
        at(0.0, "/api/v2/tickets/2", 429, 2), at(1.0, "/api/v2/tickets/2/comments"),  # early
        at(0.0, "/api/v2/tickets/3", 429, 1), at(3.5, "/api/v2/tickets/3"),  # late
        at(0.0, "/api/v2/tickets/4", 429, 1),  # never asked again
        at(0.0, "/api/v2/users/5", 429, 1), at(0.1, "/api/v2/users/5"),  # not about a ticket
    ]
    check = retry_after_check(records)
    assert (check.honoured, len(check.early), len(check.late), check.unfollowed, check.not_about_a_ticket) == (
        1, 1, 1, 1, 1)


def test_counting_finds_what_is_missing_doubled_or_excused(sandbox: Sandbox) -> None:
    bot = next(u["id"] for u in sandbox.state.users.values() if u["email"] == sandbox.email)
    receivers = AlertReceivers()
    log = EffectLog(receivers)
    log.attach(sandbox, bot_id=bot)
    ticket = _customer_ticket(sandbox)
    tid = ticket["id"]
    state = sandbox.state
    state.update_ticket(tid, {"additional_tags": ["escalated", "tier_4"], "comment": {
        "body": "Why\n[escalator-ref:k1]", "public": False}}, actor_id=bot)
    state.update_ticket(tid, {"comment": {"body": "Sorry\n[escalator-ref:k1]", "public": False}}, actor_id=bot)
    state.update_ticket(tid, {"comment": {"html_body": reply_html("We are on it", "escalator-ref:k2:reply"),
                                          "public": True}}, actor_id=bot)
    state.update_ticket(tid, {"remove_tags": ["tier_4"]}, actor_id=bot)
    state.update_ticket(tid, {"additional_tags": ["tier_4"]}, actor_id=bot)
    state.update_ticket(tid, {"additional_tags": ["tier_4"]}, actor_id=bot)  # changes nothing
    receivers.alerts += [
        Alert("json", "support_manager", f"Alert: ticket #{tid}", "", 0.1, 0.2),  # answered well before the kill
        Alert("json", "support_manager", f"Alert: ticket #{tid}", "", 5.0, 5.1),  # so this is a duplicate
        Alert("json", "tier_4_team", f"Handoff: ticket #{tid}", "", 1.0, None),  # in flight at the kill at 1.5
        Alert("json", "tier_4_team", f"Handoff: ticket #{tid}", "", 3.0, 3.1),  # excused
        Alert("json", "on_call", f"Page: ticket #{tid}", "", 1.0, 1.1),  # not concerned
    ]
    expected = {tid: Expected(roles=frozenset({"support_manager", "tier_4_team", "account_manager"}))}
    [counted] = count(expected, log, kills=[1.5]).values()
    figures = tally([counted])
    assert (figures.lost, figures.notes_twice, figures.replies_missing, figures.replies_twice) == (0, 1, 0, 0)
    assert (figures.alerts_twice, figures.alerts_excused, figures.alerts_unexpected) == (1, 1, 1)
    assert figures.alerts_missing == 2  # the account manager's, and the support manager's email
    assert figures.tag_churn == 2 and figures.empty_writes == 1
    assert not figures.exactly_once
    assert percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95) == 10 and percentile([3.0], 0.5) == 3.0


def test_a_reminder_is_an_effect_of_its_own_counted_once(sandbox: Sandbox) -> None:
    """The product re-pages an alert nobody acknowledged: a reminder is not a second copy of its alert, but two
    copies of one reminder are, and a reminder of an alert that never came is not expected."""
    receivers = AlertReceivers()
    log = EffectLog(receivers)
    tid = _customer_ticket(sandbox)["id"]
    receivers.alerts += [
        Alert("json", "on_call", f"Page: ticket #{tid}", "", 1.0, 1.1),
        Alert("json", "on_call", f"[Reminder 1/3] Page: ticket #{tid}", "", 301.0, 301.1),
        Alert("json", "on_call", f"[Reminder 2/3] Page: ticket #{tid}", "", 601.0, 601.1),
        Alert("json", "on_call", f"[Reminder 2/3] Page: ticket #{tid}", "", 602.0, 602.1),  # twice
        Alert("email", "on_call", f"[Reminder 1/3] Page: ticket #{tid}", "", 301.0, 301.1),  # no first by email
    ]
    expected = {tid: Expected(roles=frozenset({"on_call"}))}
    [counted] = count(expected, log).values()
    figures = tally([counted])
    assert figures.reminders == 3
    assert figures.alerts_twice == 1
    assert figures.alerts_unexpected == 1
    assert counted.alert_copies(("on_call", "json")) == 1


def test_a_timing_figure_fails_the_figures_at_its_limit_and_the_suite_at_its_bound() -> None:
    slow = Result("s", "sqlite")
    slow.timing("restart (s)", 14.0, "<= 10", False, "<= 60", True)
    slow.check("lost", 0, "0", True)
    assert [c.name for c in slow.failed()] == ["restart (s)"] and not slow.broken()
    assert "SLOW restart (s): 14 (must be <= 10; the suite's bound <= 60)" in slow.report().replace("14.00", "14")
    stuck = Result("s", "sqlite")
    stuck.timing("restart (s)", 130.0, "<= 10", False, "<= 60", False)
    stuck.check("lost", 2, "0", False)
    assert [c.name for c in stuck.broken()] == ["restart (s)", "lost"]


def test_a_clock_warning_note_is_a_later_effect_of_its_own(sandbox: Sandbox) -> None:
    """The SLA warning's note (a later decision, at 80 % of the target) is not a second escalation note; the same
    warning note twice is."""
    bot = next(u["id"] for u in sandbox.state.users.values() if u["email"] == sandbox.email)
    log = EffectLog(AlertReceivers())
    log.attach(sandbox, bot_id=bot)
    tid = _customer_ticket(sandbox)["id"]
    state = sandbox.state
    state.update_ticket(tid, {"comment": {"body": "ESCALATION TO TIER 4\n[escalator-ref:k1]", "public": False}},
                        actor_id=bot)
    warning = f"Escalator: sla_warning on ticket #{tid} (priority Urgent P1, Tier 4)\n[escalator-ref:k2]"
    state.update_ticket(tid, {"comment": {"body": warning, "public": False}}, actor_id=bot)
    expected = {tid: Expected(roles=frozenset())}
    figures = tally(count(expected, log).values())
    assert (figures.notes_twice, figures.follow_ups) == (0, 1)
    state.update_ticket(tid, {"comment": {"body": warning, "public": False}}, actor_id=bot)
    figures = tally(count(expected, log).values())
    assert figures.notes_twice == 1


# -- the Freshdesk sandbox's instruments


def test_freshdesk_effects_are_counted_as_zendesk_s() -> None:
    """On Freshdesk the note and the reply are conversations of their own (the reply's marker hidden in its HTML
    body), the task ticket a child ticket tagged `esc-task-...`, and a PUT replaces the whole tag list: the same
    figures come out of them, a second note, churn, an empty write and a clock's warning note included."""
    with FreshdeskSandbox() as freshdesk:
        state, bot = freshdesk.state, int(freshdesk.agent["id"])
        log = EffectLog(AlertReceivers())
        log.attach(freshdesk, bot_id=bot)
        customer = state.add_contact("Ann", "ann@example.com")
        tid = state.create_ticket({"requester_id": customer["id"], "subject": "Help", "description": "Broken.",
                                   "priority": 2, "status": 2, "source": 2})["id"]
        state.update_ticket(tid, {"tags": ["escalated", "tier_4"]}, performer_id=bot)
        state.add_conversation(tid, "<div>Why<br>[escalator-ref:k1]</div>", kind="note", user_id=bot, private=True)
        state.add_conversation(tid, reply_html("We are on it", "escalator-ref:k1:reply"), kind="reply", user_id=bot)
        assert "escalator-ref" not in " ".join(state.customer_view(tid))
        state.create_ticket({"email": freshdesk.agent_email, "subject": f"Task for #{tid}", "description": "Do it",
                             "priority": 4, "status": 2, "source": 2, "parent_id": tid,
                             "tags": [task_tag("k1")]}, performer="agent", performer_id=bot)
        state.update_ticket(tid, {"tags": ["escalated"]}, performer_id=bot)  # tier_4 taken off: churn
        state.update_ticket(tid, {"tags": ["escalated"]}, performer_id=bot)  # changes nothing
        expected = {tid: Expected(task=True, roles=frozenset())}
        figures = tally(count(expected, log).values())
        assert (figures.lost, figures.notes_twice, figures.replies_missing, figures.replies_twice) == (0, 0, 0, 0)
        assert (figures.tasks_missing, figures.tasks_twice, figures.tag_churn, figures.empty_writes) == (0, 0, 1, 1)
        warning = f"<div>Escalator: sla_warning on ticket #{tid}<br>[escalator-ref:k2]</div>"
        state.add_conversation(tid, warning, kind="note", user_id=bot, private=True)
        assert tally(count(expected, log).values()).follow_ups == 1
        state.add_conversation(tid, "<div>Why<br>[escalator-ref:k1]</div>", kind="note", user_id=bot, private=True)
        assert tally(count(expected, log).values()).notes_twice == 1


def _freshdesk_world_sandbox(workers: int = 2) -> FreshdeskSandbox:
    freshdesk = FreshdeskSandbox()
    freshdesk.deliverer = FreshdeskFaultDeliverer(freshdesk, workers=workers)
    return freshdesk


def test_freshdesk_webhooks_are_retried_on_freshdesk_s_schedule_then_given_up(monkeypatch: pytest.MonkeyPatch
                                                                              ) -> None:
    monkeypatch.setattr(world, "FRESHDESK_RETRIES", (0.2, 0.6, 1.2))
    endpoint = _Endpoint()
    try:
        with _freshdesk_world_sandbox() as freshdesk:
            freshdesk.subscribe(endpoint.url, "s3cret")
            customer = freshdesk.state.add_contact("Ann", "ann@example.com")
            freshdesk.state.create_ticket({"requester_id": customer["id"], "subject": "Help", "description": "x",
                                           "priority": 2, "status": 2, "source": 2})
            assert freshdesk.flush_webhooks(10)
            [invocation] = freshdesk.invocations
            gaps = [later - earlier for earlier, later in itertools.pairwise(invocation.at)]
            assert invocation.attempts == 4 and not invocation.delivered and not endpoint.taken
            assert all(wanted <= gap < wanted + 0.5 for gap, wanted in zip(gaps, (0.2, 0.6, 1.2), strict=True))
    finally:
        endpoint.close()


def test_freshdesk_redelivery_sends_every_webhook_three_times_out_of_order_and_knows_our_own() -> None:
    endpoint = _Endpoint()
    endpoint.up = True
    try:
        with _freshdesk_world_sandbox(workers=4) as freshdesk:
            bot = int(freshdesk.agent["id"])
            freshdesk.deliverer.bot_id = bot
            freshdesk.subscribe(endpoint.url, "s3cret")
            freshdesk.deliverer.redeliver(3, 0.5, seed=3)
            customer = freshdesk.state.add_contact("Ann", "ann@example.com")
            tickets = [freshdesk.state.create_ticket({"requester_id": customer["id"], "subject": f"Help {i}",
                                                      "description": "x", "priority": 2, "status": 2, "source": 2})
                       for i in range(6)]
            freshdesk.state.update_ticket(tickets[0]["id"], {"priority": 4}, performer_id=bot)
            assert freshdesk.flush_webhooks(10)
            ids = [i.payload.decode() for i in freshdesk.invocations]
            assert len(set(ids)) == 7 and len(freshdesk.deliverer.ours) == 1
            taken = [i for i, _ in sorted(endpoint.taken, key=lambda pair: pair[1])]
            assert sorted(taken) == sorted(ids * 3)
            assert list(dict.fromkeys(taken)) != ids, "copies should arrive out of order"
    finally:
        endpoint.close()
