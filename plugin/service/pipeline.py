"""The ticket pipeline: the one road by which anything reaches a helpdesk, whatever started it (a webhook, a timer,
the sweep, reconcile, recovery) and for one ticket or many (one is the batch of one, not a second path).

Per ticket: take its lease with its unfinished events and open intents (one transaction); read it (one read: with
its comments when there is one ticket or an intent to check, in bulk otherwise); take the read in (the mirror, the
history, the cached customer); then either resume the ticket's open intent (plugin/ledger.py says what of it is
still missing, from the ticket as just read) or decide afresh and keep the decision as a new intent before writing
anything; write what is missing (many tickets in the platform's bulk call); record everything the decision causes in
one transaction (mirror, history, intent recorded, notifications, next timer, events done). The customer's
acknowledgment is a public reply in the decision's own write, with its own marker. Alerts are queued by that record,
so they leave only once the write is known to have landed, whether the answer said so or the read-back of a retry
did.

The pipeline never raises a helpdesk error: each ticket's `Outcome` says what happened and, when the work must be
tried again, when (`retry_in`: the platform's Retry-After to the second, or a short backoff after a lost answer,
which the next attempt resolves by reading the ticket back). Its callers decide how to queue that.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from plugin.budget import FINISHING, ROUTINE, URGENT, urgency, urgent_work
from plugin.calendar import calendar_for
from plugin.config import EscalatorConfig
from plugin.customers import classify
from plugin.domain import (
    ClockKind,
    ClockState,
    Customer,
    Decision,
    Notification,
    Priority,
    Ticket,
    TicketEvent,
    TicketHistory,
    TicketSummary,
)
from plugin.facts import with_read_names
from plugin.kept import KeptTicket, after_our_write, brought_up_to_date, settle_for
from plugin.ledger import Intent, decision_key, is_stale, landed, still_to_write, write_version
from plugin.lifecycles import IntentState
from plugin.policies import policy_named
from plugin.ports import (
    ApplyRequest,
    ApplyResult,
    ConflictError,
    Decider,
    DecisionRecord,
    Held,
    HelpdeskAdapter,
    HelpdeskError,
    Helpdesks,
    InboxEvent,
    NotFoundError,
    PermanentError,
    Resolution,
    RetryAfterError,
    TicketStore,
    WorkQueue,
)
from plugin.service.channels import scrub
from plugin.service.echoes import already_known
from plugin.service.metrics import Metrics
from plugin.service.owners import LeaseKeeper, lease_owner

log = logging.getLogger(__name__)

CONFLICT_ROUNDS = 3
RETRY_BACKOFF_CAP = timedelta(seconds=30)  # the longest wait between two attempts after an error
GIVEN_UP_EVERY = timedelta(minutes=5)  # how often work past its retries is tried again (by the sweep)


def spends_an_attempt(error: BaseException | None) -> bool:
    """Whether a failed run counts toward the attempts that lead to a dead letter: not a rate limit, which is
    waited out (Retry-After) and never given up on."""
    return not isinstance(error, RetryAfterError)


@dataclass(frozen=True)
class Outcome:
    """What became of one ticket in one run.

    status: decided (nothing to write) | applied (written and recorded) | resumed (an earlier attempt's intent
    finished and recorded) | coalesced (its events were taken by an earlier run) | ours (only our own writes came
    back) | gone (the ticket no longer exists) | busy (another worker holds it) | retry (try again in `retry_in`
    seconds) | refused (the helpdesk refused the write for good; a dead letter says why)."""

    platform: str
    ticket_id: str
    status: str
    decision: Decision | None = None
    write_requests: int = 0
    error: HelpdeskError | None = None
    retry_in: float | None = None
    attempts: int = 0

    @property
    def finished(self) -> bool:
        return self.status not in ("busy", "retry")


@dataclass
class _Work:
    """One ticket's way through a run."""

    ticket_id: str
    lock_key: str
    events: list[InboxEvent]
    intents: list[Intent]
    ticket: Ticket | None = None
    customer: Customer | None = None
    history: TicketHistory = field(default_factory=TicketHistory)
    intent: Intent | None = None
    resumed: bool = False
    decision: Decision | None = None
    request: ApplyRequest | None = None
    rounds: int = 0
    attempts: int = 0
    owner: str = ""
    held: Held | None = None
    kept: KeptTicket | None = None
    read_at: datetime | None = None  # when the API last gave the ticket whole (None: just now)
    related: tuple[TicketSummary, ...] | None = None  # the requester's recent tickets, read with the ticket
    settle_in: float | None = None  # seconds to wait for the rest of an update's webhooks (plugin.kept.settle_for)

    @property
    def event_ids(self) -> tuple[int, ...]:
        return tuple(e.id for e in self.events)

    @property
    def event_values(self) -> list[TicketEvent]:
        return [e.event for e in self.events if e.event is not None]


def _urgent(item: _Work) -> bool:
    """Whether a ticket's run is urgent work for the API budget: held at P0, or an event says it is P0 now."""
    if item.held is not None and item.held.priority == Priority.CRITICAL:
        return True
    return any(event.priority == Priority.CRITICAL for event in item.event_values)


@dataclass
class Pipeline:
    store: TicketStore
    helpdesks: Helpdesks
    queue: WorkQueue
    engine: Decider
    config: EscalatorConfig
    clock: Callable[[], datetime]
    metrics: Metrics | None = None
    owner: Callable[[], str] = lease_owner
    keeper: LeaseKeeper | None = None

    @property
    def lease(self) -> timedelta:
        return self.config.queue.lock_lease

    # ---------------------------------------------------------------- the run

    def run(self, platform: str, ticket_ids: Sequence[str], cause: str = "event") -> list[Outcome]:
        """Decide about these tickets of `platform` now and carry the decisions out."""
        ids = list(dict.fromkeys(str(t) for t in ticket_ids))
        now = self.clock()
        owner = self.owner()
        outcomes: dict[str, Outcome] = {}
        held: list[_Work] = []
        if self.keeper is not None:
            self.keeper.ensure_running()
        try:
            for ticket_id in ids:
                key = f"{platform}:{ticket_id}"
                taken = self.store.take(key, platform, ticket_id, owner, now, self.lease)
                if taken is not None:
                    held.append(_Work(ticket_id, key, taken.events, taken.intents, owner=owner, held=taken.held,
                                      kept=taken.kept))
                else:
                    outcomes[ticket_id] = Outcome(platform, ticket_id, "busy", retry_in=1.0)
            work = self._sort(platform, held, cause, now, outcomes)
            if work:
                # a clock's check (a warning, a breach) and a ticket at urgent priority may spend the API budget's
                # urgent reserve: a burst of routine work never holds up a P0
                with urgent_work(URGENT if cause == "timer" or any(_urgent(w) for w in work) else ROUTINE):
                    self._carry_out(platform, work, cause, now, outcomes)
        except BaseException:
            # the events this run took go back to the inbox for the next one (a crash leaves them to recovery)
            self.store.release_events(platform, [w.ticket_id for w in held], owner)
            raise
        finally:
            for item in held:
                try:
                    self.store.release(item.lock_key, owner)
                except Exception:  # the lease expires on its own; never hide the run's own outcome
                    log.warning("could not release %s", item.lock_key, exc_info=True)
        return [outcomes[t] for t in ids]

    def _sort(self, platform: str, held: list[_Work], cause: str, now: datetime, outcomes: dict[str, Outcome]
              ) -> list[_Work]:
        """The tickets taken that need a read; the others (nothing left to do, only our own changes) end here."""
        work = []
        for item in held:
            item.attempts = max([*(e.attempts for e in item.events), *(i.attempts + 1 for i in item.intents), 1])
            if cause in ("event", "recovery") and not item.events and not item.intents:
                outcomes[item.ticket_id] = Outcome(platform, item.ticket_id, "coalesced")
            elif (cause == "event" and not item.intents and item.events
                  and all(e.event is not None and (e.event.from_us or already_known(e.event, item.held))
                          for e in item.events)):
                # only our own writes came back (plugin.service.echoes): deciding again would change nothing, so
                # spare the read; what they show is taken into the kept ticket (plugin.kept)
                self.store.finish_echoes(platform, item.ticket_id, item.events, now)
                outcomes[item.ticket_id] = Outcome(platform, item.ticket_id, "ours")
            else:
                work.append(item)
        return work

    def _carry_out(self, platform: str, work: list[_Work], cause: str, now: datetime,
                   outcomes: dict[str, Outcome]) -> None:
        adapter = self.helpdesks.get(platform)
        pending = work
        while pending:
            try:
                tickets = self._read(adapter, pending, cause, now)
            except HelpdeskError as exc:
                for item in pending:
                    outcomes[item.ticket_id] = self._failed(platform, item, exc, now)
                return
            to_write: list[_Work] = []
            for item in pending:
                if item.settle_in is not None:
                    # the rest of the update's webhooks are still coming: decided with them, a moment later
                    self.store.release_events(platform, [item.ticket_id], item.owner, counted=False)
                    outcomes[item.ticket_id] = Outcome(platform, item.ticket_id, "busy", retry_in=item.settle_in)
                    continue
                ticket = tickets.get(item.ticket_id)
                try:
                    if ticket is None:
                        outcomes[item.ticket_id] = self._gone(platform, item, now)
                    elif self._plan(adapter, item, ticket, now):
                        to_write.append(item)
                    else:
                        outcomes[item.ticket_id] = self._record(platform, item, now, None)
                except HelpdeskError as exc:
                    outcomes[item.ticket_id] = self._failed(platform, item, exc, now)
            pending = []
            if not to_write:
                return
            # a decision already read and made is finished before new work starts: its writes may spend half the
            # urgent reserve (a P0's run all of it), so a write held back for budget never costs its reads again
            with urgent_work(max(urgency(), FINISHING)):
                results = adapter.apply_many([item.request for item in to_write if item.request is not None])
            for item, result in zip(to_write, results, strict=True):
                if result.ok:
                    outcomes[item.ticket_id] = self._record(platform, item, now, result)
                elif isinstance(result.error, ConflictError) and item.rounds + 1 < CONFLICT_ROUNDS:
                    assert item.intent is not None
                    item.intents = [self._note_attempt(item.intent, result)]
                    item.rounds += 1
                    self._count_retry("conflict")
                    pending.append(item)  # read again: the ledger tells what of it landed, else decide again
                else:
                    outcomes[item.ticket_id] = self._write_failed(platform, item, result, now)

    # ---------------------------------------------------------------- read

    def _read(self, adapter: HelpdeskAdapter, work: list[_Work], cause: str, now: datetime) -> dict[str, Ticket]:
        """The tickets, in one read: brought up to date from what we kept when the events carry them whole
        (plugin.kept: no read, or the comments alone); else each with its comments when there is one ticket or an
        intent to check against the ticket, in the platform's bulk read otherwise (the content triggers then wait
        for a full read)."""
        found: dict[str, Ticket] = {}
        rest = []
        for item in work:
            ticket = self._from_events(adapter, item, cause, now) if cause in ("event", "followup") else None
            if ticket is not None:
                found[item.ticket_id] = ticket
            elif item.settle_in is None:
                item.read_at = None
                rest.append(item)
        full = [w for w in rest if len(work) == 1 or w.intents]
        whole = {w.ticket_id for w in full}
        bulk = [w.ticket_id for w in rest if w.ticket_id not in whole]
        for item in full:
            try:
                found[item.ticket_id] = self._read_whole(adapter, item, now)
            except NotFoundError:
                continue
        if bulk:
            found.update({t.id: replace(t, comments_loaded=False) for t in adapter.get_tickets(bulk)})
        return found

    def _read_whole(self, adapter: HelpdeskAdapter, item: _Work, now: datetime) -> Ticket:
        """The ticket with its comments; a ticket never seen whose requester an event names comes with its
        requester's recent tickets, which a first decision reads anyway (in fewer requests where the platform
        allows: HelpdeskAdapter.read_first)."""
        requester = next((e.requester_id for e in reversed(item.event_values) if e.requester_id), None)
        if item.held is not None or item.intents or requester is None:
            return adapter.get_ticket(item.ticket_id)
        try:
            first = adapter.read_first(item.ticket_id, requester, now - self.config.thresholds.repeat_contact_window)
        except NotFoundError:  # the requester is gone: the ticket alone says whether it is too
            return adapter.get_ticket(item.ticket_id)
        if first.related is not None and first.ticket.requester_id == requester:
            item.related = first.related
        return first.ticket

    def _from_events(self, adapter: HelpdeskAdapter, item: _Work, cause: str, now: datetime) -> Ticket | None:
        """The ticket from what we kept and the events that carry it (plugin.kept), reading its comments alone when
        a comment came; None when it must be read whole. A ticket with an intent open is always read: the ledger
        checks what of it landed against the ticket itself."""
        if item.intents or item.kept is None or not adapter.events_stand_in_for_reads:
            return None
        # what our last finished decision knew (our write's answer included: Zendesk gives no other update times)
        held = item.held
        written = held.written_at | ({held.updated_at} if held.updated_at else set()) if held else frozenset()
        up = brought_up_to_date(item.kept, item.event_values, written, now)
        if up is None:
            return None
        item.settle_in = settle_for(up, [e.received_at for e in item.events], now)
        if item.settle_in is not None:
            return None
        ticket = up.ticket
        if up.needs_comments:
            try:
                ticket = replace(ticket, comments=adapter.get_comments(item.ticket_id), comments_loaded=True)
            except NotFoundError:
                return None  # read whole: the read says it is gone
        item.read_at = item.kept.read_at
        if self.metrics is not None:
            self.metrics.reads_spared.labels(ticket.platform, "comments" if up.needs_comments else "all").inc()
        return ticket

    def _observe(self, adapter: HelpdeskAdapter, item: _Work, ticket: Ticket, now: datetime) -> None:
        """Take the read in: the mirror and history, the customer (cached, else read), the requester's other
        tickets on a first decision."""
        seen = self.store.observe(ticket, item.event_values, now, read_at=item.read_at, keep=self._keeps(item))
        customer = seen.customer
        if customer is None and ticket.requester_id:
            try:
                customer = adapter.get_customer(ticket.requester_id)
            except NotFoundError:
                customer = None
            if customer is not None:
                profile = classify(with_read_names(ticket, customer, self.config)[1], self.config)
                self.store.cache_customer(ticket.platform, customer, profile.tier.value, profile.lifetime_value, now,
                                          self.config.customers.cache_ttl)
        related: tuple[TicketSummary, ...] = ()
        if seen.first_decision and ticket.requester_id and ticket.comments_loaded:
            if item.related is not None:
                related = item.related
            else:
                since = now - self.config.thresholds.repeat_contact_window
                related = tuple(adapter.requester_tickets(ticket.requester_id, since))
        item.ticket, item.customer = seen.ticket, customer
        item.history = replace(seen.history, related_tickets=related)

    # ---------------------------------------------------------------- plan: resume or decide

    def _plan(self, adapter: HelpdeskAdapter, item: _Work, ticket: Ticket, now: datetime) -> bool:
        """Set what to write for the ticket; False when there is nothing to write (only a record to make)."""
        self._observe(adapter, item, ticket, now)
        ticket = item.ticket or ticket
        item.request = None
        # Intents left by an older attempt: each is finished (recorded) if it landed, else dropped, before the
        # newest is resumed. Only the newest can be mid-write: the pipeline never decides with one open.
        while len(item.intents) > 1:
            older = item.intents.pop(0)
            if still_to_write(ticket, older).is_empty:
                self._record_intent(ticket.platform, older, ticket, now)
            else:
                self.store.move_intent(older.key, IntentState.ABANDONED, error="superseded by a later intent")
        intent = item.intents[0] if item.intents else None
        if intent is not None and intent.state != IntentState.LANDED and is_stale(ticket, intent):
            self.store.move_intent(intent.key, IntentState.ABANDONED,
                                   error="the ticket changed before any of it landed; decided again")
            item.intents, intent = [], None
        item.resumed = intent is not None
        if intent is None:
            decision = self.engine.decide(ticket, item.customer, item.history, now)
            item.decision = decision
            if decision.changes.is_empty:
                return False
            # kept before anything is written; the write follows at once, so it is kept as being written
            intent = Intent(key=decision_key(ticket.platform, decision, item.rounds), platform=ticket.platform,
                            ticket_id=ticket.id, decision=decision, decided_at=now, version=ticket.version,
                            state=IntentState.WRITING)
            self.store.save_intent(intent)
            item.intents = [intent]
        item.intent, item.decision = intent, intent.decision
        if not item.resumed:  # decided just now: nothing of it can be on the ticket yet
            item.request = ApplyRequest(ticket, intent.changes, intent.key)
            return True
        if intent.state == IntentState.LANDED:
            return False
        remaining = still_to_write(ticket, intent)
        if remaining.is_empty:
            item.intent = self.store.move_intent(intent.key, IntentState.LANDED, landed=landed(ticket, intent))
            return False
        if intent.state == IntentState.DECIDED:
            item.intent = self.store.move_intent(intent.key, IntentState.WRITING)
        item.request = ApplyRequest(replace(ticket, version=write_version(ticket, intent)), remaining, intent.key)
        return True

    # ---------------------------------------------------------------- record

    def _record(self, platform: str, item: _Work, now: datetime, result: ApplyResult | None) -> Outcome:
        ticket = item.ticket
        assert ticket is not None
        assert item.decision is not None
        intent = item.intent
        writes = result.write_requests if result is not None else 0
        # the answer says it landed: the intent is recorded straight from writing
        if intent is not None and result is not None and self.metrics is not None:
            self.metrics.writes.labels(platform, "ok").inc(max(writes, 1))
        after = None
        if result is not None and intent is not None and item.request is not None and self._keeps(item):
            after = after_our_write(ticket, item.request.changes, intent.key, result.ticket, result.written_at)
        self._commit(platform, ticket, item.decision, now, intent.key if intent else None, writes, item.event_ids,
                     result, after)
        if item.resumed:
            # an earlier attempt's decision is finished; the events this run took may say more: decide again
            self.queue.enqueue_process(platform, item.ticket_id, cause="followup")
        status = "decided" if intent is None else ("resumed" if item.resumed else "applied")
        return Outcome(platform, item.ticket_id, status, item.decision, writes, attempts=item.attempts)

    def _record_intent(self, platform: str, intent: Intent, ticket: Ticket, now: datetime) -> None:
        if intent.state != IntentState.LANDED:
            self.store.move_intent(intent.key, IntentState.LANDED, landed=landed(ticket, intent))
        self._commit(platform, ticket, intent.decision, now, intent.key, 0, (), None)

    @staticmethod
    def _keeps(item: _Work) -> bool:
        """Whether the ticket is kept (plugin.kept): its platform's webhooks carry it (a snapshot came), or one is
        kept already. Freshdesk's and the Zendesk trigger's webhooks never carry it: nothing is kept for them."""
        return item.kept is not None or any(e.snapshot is not None for e in item.event_values)

    def _commit(self, platform: str, ticket: Ticket, decision: Decision, now: datetime, key: str | None,
                writes: int, event_ids: tuple[int, ...], result: ApplyResult | None,
                after: Ticket | None = None) -> None:
        notifications = tuple((n, self._not_before(n, now)) for n in decision.notifications)
        recorded = self.store.record(DecisionRecord(
            platform=platform, ticket=ticket, decision=decision, now=now, intent_key=key, write_requests=writes,
            event_ids=event_ids, notifications=notifications, dedupe_period=self.config.notifications.dedupe_period,
            updated_at=result.ticket.updated_at if result is not None and result.ticket is not None else None,
            written=result.ticket if result is not None else None,
            written_at=result.written_at if result is not None else (),
            resolution=self._resolution(ticket, decision, now), after_write=after))
        if recorded.timer is not None:
            self.queue.schedule_timer(platform, ticket.id, recorded.timer.version, recorded.timer.due_at)
        if recorded.notifications_queued:
            self.queue.enqueue_notifications()
        if self.metrics is not None:
            self.metrics.decisions.labels(platform, "changes" if decision.has_effects else "none").inc()
            for entry in decision.escalations:
                self.metrics.escalations.labels(platform, entry.rule, str(entry.to_tier)).inc()

    def _not_before(self, notification: Notification, now: datetime) -> datetime | None:
        """Alerts to people wait for business hours unless urgent (pages) or configured otherwise."""
        if notification.urgent or notification.role == "customer" or \
                not self.config.notifications.respect_business_hours:
            return None
        schedule = notification.schedule if notification.schedule in self.config.schedules else None
        opens = calendar_for(self.config, business_hours=True, schedule=schedule).next_open(now)
        return opens if opens > now else None

    def _resolution(self, ticket: Ticket, decision: Decision, now: datetime) -> Resolution | None:
        if not ticket.status.is_done:
            return None
        solved_at = min(ticket.updated_at, now)
        basis = decision.sla_basis
        schedule = basis.schedule if basis is not None and basis.schedule in self.config.schedules else None
        business = calendar_for(self.config, business_hours=True, schedule=schedule).elapsed(ticket.created_at,
                                                                                            solved_at)
        late: dict[ClockKind, bool] = {}
        breach_at = policy_named(self.config, basis.policy).breach_at if basis is not None else \
            self.config.sla.breach_at
        for clock in decision.clocks:
            late[clock.kind] = clock.state == ClockState.BREACHED or clock.share_elapsed >= breach_at
        return Resolution(solved_at, (solved_at - ticket.created_at).total_seconds(), business.total_seconds(),
                          late.get(ClockKind.FIRST_RESPONSE), late.get(ClockKind.RESOLUTION))

    # ---------------------------------------------------------------- failures

    def _note_attempt(self, intent: Intent, result: ApplyResult) -> Intent:
        """The write's error on its intent; a rate limit does not spend one of its attempts (it is waited out)."""
        error = scrub(f"{type(result.error).__name__}: {result.error}")
        return self.store.move_intent(intent.key, IntentState.WRITING, landed=result.landed, error=error,
                                      counted=spends_an_attempt(result.error))

    def _write_failed(self, platform: str, item: _Work, result: ApplyResult, now: datetime) -> Outcome:
        assert item.intent is not None
        assert result.error is not None
        self._note_attempt(item.intent, result)
        error = result.error
        if isinstance(error, PermanentError | NotFoundError):
            return self._refused(platform, item, error, result, now)
        return self._failed(platform, item, error, now)

    def _refused(self, platform: str, item: _Work, error: HelpdeskError, result: ApplyResult,
                 now: datetime) -> Outcome:
        """The helpdesk refused the write for good. Nothing of it landed: the intent is abandoned. Part of it
        landed: what landed is recorded (with its alerts) and the refused rest is reported. A dead letter either
        way, so an admin sees it and can retry once the cause (a group that does not exist, say) is fixed."""
        intent = item.intent
        assert intent is not None
        assert item.ticket is not None
        assert item.decision is not None
        parts = intent.landed | result.landed
        message = scrub(f"{type(error).__name__}: {error}")
        if parts:
            self.store.move_intent(intent.key, IntentState.LANDED, landed=parts)
            self._commit(platform, item.ticket, item.decision, now, intent.key, result.write_requests,
                         item.event_ids, None)
            message += f" (landed: {', '.join(sorted(parts))}; the rest was not written)"
        else:
            self.store.move_intent(intent.key, IntentState.ABANDONED, error=message)
            self.store.finish_events(item.event_ids, now)
        self.store.add_dead_letter("process_ticket", [platform, item.ticket_id, "event"], message, item.attempts,
                                   now, platform=platform, ticket_id=item.ticket_id)
        log.warning("the helpdesk refused the write for %s/%s: %s", platform, item.ticket_id, message)
        return Outcome(platform, item.ticket_id, "refused", item.decision, result.write_requests, error=error,
                       attempts=item.attempts)

    def _failed(self, platform: str, item: _Work, error: HelpdeskError, now: datetime) -> Outcome:
        """Try again later: at the platform's Retry-After, else after a backoff. Until then the sweep leaves it.
        The delay counts from the failure's answer, not from the run's start (reads and writes before it take time:
        a hold counted from the start would let a new webhook's run ask about the ticket before Retry-After)."""
        now = max(now, self.clock())
        if isinstance(error, RetryAfterError):
            delay = max(error.retry_after, 0.0)
            self._count_retry("rate_limited")
            # nothing about this ticket before then, whatever asks (a new webhook, the sweep): the lease is kept
            self.store.hold(item.lock_key, item.owner, now + timedelta(seconds=delay))
        elif isinstance(error, PermanentError):  # a read refused (credentials?): not soon, and a dead letter
            delay = GIVEN_UP_EVERY.total_seconds()
            self._count_retry("error")
        else:
            backoff = self.config.queue.retry_delay * (2 ** min(item.attempts - 1, 16))
            delay = min(backoff, RETRY_BACKOFF_CAP).total_seconds()
            self._count_retry("conflict" if isinstance(error, ConflictError) else "error")
        self.store.defer(platform, item.ticket_id, now + timedelta(seconds=delay))
        self.store.release_events(platform, [item.ticket_id], item.owner, counted=spends_an_attempt(error))
        return Outcome(platform, item.ticket_id, "retry", item.decision, error=error, retry_in=delay,
                       attempts=item.attempts)

    def _gone(self, platform: str, item: _Work, now: datetime) -> Outcome:
        for intent in item.intents:
            self.store.move_intent(intent.key, IntentState.ABANDONED, error="the ticket no longer exists")
        self.store.finish_events(item.event_ids, now)
        return Outcome(platform, item.ticket_id, "gone")

    def _count_retry(self, why: str) -> None:
        if self.metrics is not None:
            self.metrics.retries.labels(why).inc()

