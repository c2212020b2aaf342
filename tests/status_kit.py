"""A store with a story to show, for the status pages' tests: tickets observed and decided through the SQL unit of
work (the pipeline's own store calls), their alerts in several delivery states, a shadow decision, a dead letter and
job runs. The texts carry markers (`ZQX...`) a test can look for, in the pages and in a full scan of the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from plugin.domain import (
    ClockKind,
    ClockState,
    ClockStatus,
    Customer,
    Decision,
    EscalationEntry,
    EventKind,
    Notification,
    Priority,
    Reason,
    Status,
    Ticket,
    TicketChanges,
    TicketEvent,
)
from plugin.ledger import Intent
from plugin.lifecycles import IntentState
from plugin.ports import DecisionRecord
from plugin.store import Store
from plugin.store import repository as repo
from plugin.store.job_runs import note_run
from plugin.store.models import AppliedChangeRow, NotificationRow
from plugin.store.ticket_store import SqlTicketStore

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # a Wednesday
DANA_EMAIL = "dana.zqxmarker@example.com"
DANA_NAME = "Dana ZQXScully"
LEGAL_SUBJECT = "Charged twice ZQXSUBJECT for November"
LEGAL_PHRASE = "my ZQXLAWYER will take legal action"


def clock(kind: ClockKind, target: timedelta, elapsed: timedelta, *, running: bool = True,
          state: ClockState | None = None, business: bool = False, fulfilled_at: datetime | None = None
          ) -> ClockStatus:
    share = elapsed / target
    if state is None:
        state = ClockState.BREACHED if share >= 1 else ClockState.WARNING if share >= 0.8 else ClockState.OK
    due = NOW + (target - elapsed) if running and fulfilled_at is None else None
    return ClockStatus(kind=kind, target=target, elapsed=elapsed, paused_for=timedelta(0), due_at=due, state=state,
                       running=running, business_time=business, fulfilled_at=fulfilled_at)


@dataclass
class Seeded:
    store: Store
    legal_key: str = "key-legal-1"
    shadow_key: str = "key-shadow-1"
    dead_letter_id: int = 0


def make_ticket(ticket_id: str, subject: str, *, requester: str, created: datetime, status: Status = Status.OPEN,
            priority: Priority = Priority.HIGH) -> Ticket:
    return Ticket(platform="zendesk", id=ticket_id, subject=subject, status=status, created_at=created,
                  updated_at=created, priority=priority, requester_id=requester, version="v1",
                  url=f"https://acme.zendesk.com/agent/tickets/{ticket_id}",
                  description=LEGAL_PHRASE if ticket_id == "101" else "")


def decide(tickets: SqlTicketStore, ticket: Ticket, decision: Decision, key: str | None, *, now: datetime,
            mode: str = "live", event_ids: tuple[int, ...] = ()) -> None:
    if key is not None:
        tickets.save_intent(Intent(key=key, platform="zendesk", ticket_id=ticket.id, decision=decision,
                                   decided_at=now, version="v1"))
        tickets.move_intent(key, IntentState.WRITING)
        tickets.move_intent(key, IntentState.LANDED)
        if mode != "live":
            with tickets.store.session() as session:
                row = session.get(AppliedChangeRow, key)
                assert row is not None
                row.mode = mode
    tickets.record(DecisionRecord(platform="zendesk", ticket=ticket, decision=decision, now=now, intent_key=key,
                                  write_requests=1 if key else 0, event_ids=event_ids,
                                  notifications=tuple((n, None) for n in decision.notifications)))


def seed(store: Store) -> Seeded:
    tickets = SqlTicketStore(store)
    seeded = Seeded(store)
    created = NOW - timedelta(minutes=50)
    # 101: Dana's legal threat, escalated to Tier 4 by a rule, its alert sent, 80 % of its first response gone.
    legal = make_ticket("101", LEGAL_SUBJECT, requester="501", created=created)
    tickets.add_event(TicketEvent(platform="zendesk", delivery_id="dlv-101", ticket_id="101",
                                  kind=EventKind.CREATED, changes={"subject": LEGAL_SUBJECT,
                                                                   "requester_email": DANA_EMAIL}), created)
    run = tickets.take("zendesk:101", "zendesk", "101", "host/1/1#t", created, timedelta(seconds=15))
    assert run is not None
    [taken] = run.events
    tickets.observe(legal, [], created)
    tickets.cache_customer("zendesk", Customer(id="501", name=DANA_NAME, email=DANA_EMAIL), "standard", None,
                           created, timedelta(hours=1))
    legal_reason = Reason("legal_keywords", f'Legal threat language: "{LEGAL_PHRASE}"',
                          {"keywords": [LEGAL_PHRASE], "matter": "legal"})
    note = (f"ESCALATION TO TIER 4 (Management/Executive)\nCustomer: {DANA_NAME} <{DANA_EMAIL}>\n"
            f"Summary: {LEGAL_SUBJECT}. {LEGAL_PHRASE}.")
    decide(tickets, legal, Decision(
        ticket_id="101", at=created, tier=4, priority=Priority.HIGH,
        changes=TicketChanges(priority=Priority.HIGH, add_tags=frozenset({"legal_review", "tier_4"}),
                              internal_note=note, public_reply=f"Hello {DANA_NAME}, we have escalated your request."),
        reasons=(legal_reason,), fired=frozenset({"legal_keywords", "rule:legal_threat"}),
        escalations=(EscalationEntry("101", created, 1, 4, "legal_threat", legal_reason.summary,
                                     {"legal_keywords": dict(legal_reason.figures), "routing": "legal"},
                                     "rule:legal_threat", note),),
        notifications=(Notification("support_manager", "legal_threat", "101", "legal_keywords",
                                    f"[P1] Manager alert: ticket #101 - {LEGAL_SUBJECT}", f"{DANA_NAME}: {note}"),),
        clocks=(clock(ClockKind.FIRST_RESPONSE, timedelta(hours=1), timedelta(minutes=50)),
                clock(ClockKind.RESOLUTION, timedelta(hours=8), timedelta(minutes=50))),
        next_check_at=NOW + timedelta(minutes=10)), seeded.legal_key, now=created, event_ids=(taken.id,))
    with store.session() as session:
        for row in session.query(NotificationRow).filter(NotificationRow.ticket_id == "101"):
            repo.mark_notification_sent(session, row.id, created + timedelta(seconds=2), ["mailto://manager"], [])
    # 102: Hank's outage, breached 10 minutes ago, decided in shadow mode; its page failed for good.
    outage = make_ticket("102", "Production down ZQXHANK", requester="502", created=NOW - timedelta(minutes=25),
                     priority=Priority.CRITICAL)
    tickets.observe(outage, [], outage.created_at)
    tickets.cache_customer("zendesk", Customer(id="502", name="Hank Scorpio", email="hank@globex.example"), "vip",
                           185000.0, outage.created_at, timedelta(hours=1))
    page = Reason("incident_page", 'Page on-call, outage: "production down"', {"keywords": ["production down"]})
    decide(tickets, outage, Decision(
        ticket_id="102", at=NOW - timedelta(minutes=5), tier=3, priority=Priority.CRITICAL,
        changes=TicketChanges(add_tags=frozenset({"incident"}), internal_note="Outage: paging on-call."),
        reasons=(page,), fired=frozenset({"incident_page:read", "rule:incident_page"}),
        notifications=(Notification("on_call", "incident_page", "102", "incident_page", "[P0] PAGE ticket #102",
                                    "Production down", urgent=True),),
        clocks=(clock(ClockKind.FIRST_RESPONSE, timedelta(minutes=15), timedelta(minutes=25)),),
        next_check_at=None), seeded.shadow_key, now=NOW - timedelta(minutes=5), mode="shadow")
    with store.session() as session:
        for row in session.query(NotificationRow).filter(NotificationRow.ticket_id == "102"):
            repo.mark_notification_failed(session, row.id, NOW, "pagerduty: 503", final=True,
                                          channels_failed=["pagerduty://on-call"])
    # 103: a calm question, all clocks paused (pending); 104: solved, off the At risk page.
    calm = make_ticket("103", "How do I change my password?", requester="503", created=NOW - timedelta(hours=3),
                   status=Status.PENDING, priority=Priority.LOW)
    tickets.observe(calm, [], calm.created_at)
    decide(tickets, calm, Decision(ticket_id="103", at=calm.created_at, tier=1, clocks=(
        clock(ClockKind.FIRST_RESPONSE, timedelta(hours=8), timedelta(hours=1), running=False,
              state=ClockState.PAUSED),)), None, now=calm.created_at)
    solved = make_ticket("104", "Thanks, all good", requester="503", created=NOW - timedelta(days=1),
                     status=Status.SOLVED, priority=Priority.LOW)
    tickets.observe(solved, [], NOW - timedelta(hours=2))
    tickets.add_dead_letter("process_ticket", ["zendesk", "101", "event"], "PermanentError: group 9 does not exist",
                            9, NOW - timedelta(minutes=1), platform="zendesk", ticket_id="101")
    with store.session() as session:
        seeded.dead_letter_id = repo.list_dead_letters(session)[0].id
        note_run(session, "sweep", NOW - timedelta(seconds=40), NOW - timedelta(seconds=39), True,
                 "re-queued 0 ticket(s); 1 ticket(s) due for a threshold check")
        repo.arm_timer(session, "zendesk", "101", NOW - timedelta(seconds=30), "threshold", NOW - timedelta(hours=1))
    return seeded
