"""`escalator simulate`: what the rules would have done to the tickets of a past period, read through the helpdesk
port and replayed by the pure core (plugin/replay/). Reads only: nothing is written to the helpdesk, nothing is
stored, nothing is sent.

It reads the incremental export of the period (as backfill and reconcile do), the requesters in batches, and each
ticket's timeline (Zendesk: its audits; Freshdesk: its conversations), then replays each ticket at every change and
at every threshold crossing in between, up to `until`. The requester's other tickets for the repeat-contact rule are
those of the export (a contact before the period is not seen).

Timelines are read a few at a time ahead of the replay (`readers`), and a read the helpdesk rate-limits waits out its
Retry-After and is asked again (a month of tickets is thousands of reads: on Freshdesk's 200 credits a minute the
replay waits for the budget rather than losing tickets); a read that fails otherwise is tried twice more before the
ticket is reported as unread (a refusal such as a 404 at once).
"""

from __future__ import annotations

import itertools
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime

from plugin.config import EscalatorConfig
from plugin.domain import Ticket, TicketSummary
from plugin.engine import Engine
from plugin.ports import Decider, HelpdeskAdapter, HelpdeskError, RetryAfterError, TransientError
from plugin.replay.actual import what_happened
from plugin.replay.memo import RememberingAnalyzer
from plugin.replay.report import SimulationReport, TicketReport, ticket_report
from plugin.replay.run import replay_ticket
from plugin.replay.timeline import ALL_CHANGES, TicketTimeline
from plugin.sentiment import default_analyzer

Progress = Callable[[int, int], None]  # (tickets done, tickets in all)
MAX_PAGES = 10_000
READERS = 4  # timelines read at once, ahead of the replay
RATE_LIMIT_WAITS = 30  # a read rate-limited more often than this in a row is reported unread
FAILED_READ_TRIES = 3
Sleep = Callable[[float], None]


def patient_timeline(adapter: HelpdeskAdapter, ticket: Ticket, sleep: Sleep = time.sleep) -> TicketTimeline:
    """The ticket's timeline, waiting out rate limits and trying a read that failed for a passing reason (5xx, a
    timeout) again 1 s, then 2 s later; any other refusal (a 4xx) is final."""
    waits = failures = 0
    while True:
        try:
            return adapter.ticket_timeline(ticket)
        except RetryAfterError as exc:
            waits += 1
            if waits > RATE_LIMIT_WAITS:
                raise
            sleep(max(exc.retry_after, 0.0))
        except TransientError:
            failures += 1
            if failures >= FAILED_READ_TRIES:
                raise
            sleep(float(failures))


def read_ahead(adapter: HelpdeskAdapter, tickets: Sequence[Ticket], readers: int, sleep: Sleep = time.sleep
               ) -> Iterator[tuple[Ticket, TicketTimeline | HelpdeskError]]:
    """Each ticket with its timeline (or the error that kept it unread), in the tickets' order, `readers` reads at
    a time and at most a few dozen ahead of the consumer."""

    def read(ticket: Ticket) -> TicketTimeline | HelpdeskError:
        try:
            return patient_timeline(adapter, ticket, sleep)
        except HelpdeskError as exc:
            return exc

    if readers <= 1:
        yield from ((ticket, read(ticket)) for ticket in tickets)
        return
    pending = iter(tickets)
    with ThreadPoolExecutor(readers, thread_name_prefix="simulate-read") as pool:
        window: deque[tuple[Ticket, Future[TicketTimeline | HelpdeskError]]] = deque(
            (ticket, pool.submit(read, ticket)) for ticket in itertools.islice(pending, readers * 8))
        while window:
            ticket, reading = window.popleft()
            following = next(pending, None)
            if following is not None:
                window.append((following, pool.submit(read, following)))
            yield ticket, reading.result()


def exported(adapter: HelpdeskAdapter, since: datetime) -> list[Ticket]:
    """Every ticket the export says changed since `since`, once each (its latest state), oldest first."""
    found: dict[str, Ticket] = {}
    cursor: str | None = None
    for _ in range(MAX_PAGES):
        page = adapter.export_tickets(since, cursor)
        for ticket in page.tickets:
            known = found.get(ticket.id)
            if known is None or ticket.updated_at >= known.updated_at:
                found[ticket.id] = ticket
        if page.end_of_stream or not page.cursor or page.cursor == cursor:
            break
        cursor = page.cursor
    return sorted(found.values(), key=lambda t: (t.created_at, t.id))


def _related(tickets: Sequence[Ticket]) -> dict[str, tuple[TicketSummary, ...]]:
    by_requester: dict[str, list[TicketSummary]] = defaultdict(list)
    for ticket in tickets:
        if ticket.requester_id:
            by_requester[ticket.requester_id].append(
                TicketSummary(ticket.id, ticket.subject, ticket.created_at, ticket.status, ticket.tags))
    return {k: tuple(v) for k, v in by_requester.items()}


def replay_engine(config: EscalatorConfig) -> Engine:
    """The engine, with an analyser that reads each text once (a ticket's words are re-read at every decision)."""
    return Engine(config, analyzer=RememberingAnalyzer(default_analyzer()))


def simulate(adapter: HelpdeskAdapter, config: EscalatorConfig, since: datetime, until: datetime, *,
             ticket_ids: Sequence[str] | None = None, engine: Decider | None = None,
             progress: Progress | None = None, readers: int = READERS) -> SimulationReport:
    reports, errors, limits = [], [], {}
    for outcome in replay_tickets(adapter, config, since, until, ticket_ids=ticket_ids, engine=engine,
                                  progress=progress, readers=readers):
        if isinstance(outcome, str):
            errors.append(outcome)
            continue
        report, unseen = outcome
        reports.append(report)
        if unseen:
            limits[adapter.name] = unseen
    return SimulationReport(since, until, tuple(reports), limits, tuple(errors))


def replay_tickets(adapter: HelpdeskAdapter, config: EscalatorConfig, since: datetime, until: datetime, *,
                   ticket_ids: Sequence[str] | None = None, engine: Decider | None = None,
                   progress: Progress | None = None, readers: int = READERS
                   ) -> Iterator[tuple[TicketReport, str] | str]:
    """Each ticket's report and what its platform's history could not show ("" when it showed everything), or an
    error line for a ticket that could not be read."""
    decider = engine if engine is not None else replay_engine(config)
    analyzer = getattr(decider, "analyzer", None)
    tickets = [t for t in exported(adapter, since) if config.workflow.task_tag not in t.tags]
    if ticket_ids is not None:
        wanted = set(ticket_ids)
        tickets = [t for t in tickets if t.id in wanted]
        missing = wanted - {t.id for t in tickets}
        for ticket_id in sorted(missing):
            try:
                tickets.append(adapter.get_ticket(ticket_id))
            except HelpdeskError as exc:
                yield f"{adapter.name} #{ticket_id}: {exc}"
    customers = adapter.get_customers([t.requester_id for t in tickets if t.requester_id])
    related = _related(tickets)
    for done, (ticket, timeline) in enumerate(read_ahead(adapter, tickets, readers), start=1):
        if isinstance(timeline, HelpdeskError):
            yield f"{adapter.name} #{ticket.id}: {timeline}"
        else:
            customer = customers.get(ticket.requester_id or "")
            replayed = replay_ticket(timeline, customer, related.get(ticket.requester_id or "", ()), decider, config,
                                     until)
            actual = what_happened(timeline, customer, config, until, analyzer)
            unseen = sorted(ALL_CHANGES - timeline.sees)
            yield (ticket_report(adapter.name, ticket.subject, ticket.url, ticket.created_at, replayed, actual),
                   ("past values of " + ", ".join(unseen)) if unseen else "")
        if progress is not None:
            progress(done, len(tickets))
