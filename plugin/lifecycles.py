"""The lifecycles of what the service keeps, as explicit state tables: an inbox event, a write intent, a
notification and a timer. Each is an enum of states and a table of legal moves; the stores persist the state and
refuse a move the table does not allow (`IllegalMove`), so a bug that would, say, send a notification twice or
record an intent that never landed shows up as an error instead of a silent second effect.

    inbox event   received -> processing -> done          (processing -> received: its worker gave up or died;
                  processing -> processing: taken over by the worker that now holds the ticket's lease)
    intent        decided -> writing -> landed -> recorded  (decided/writing -> abandoned: nothing of it landed;
                  writing -> writing: another attempt, its error and the parts it confirmed noted)
    notification  pending -> sending -> sent | partial | failed | suppressed   (sending -> pending: a retry;
                  failed/partial -> pending: an admin's retry of the dead letter)
    timer         armed -> fired | superseded
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TypeVar


class IllegalMove(RuntimeError):
    """A state change the lifecycle's table does not allow."""

    def __init__(self, what: str, source: str, target: str) -> None:
        super().__init__(f"{what}: {source} -> {target} is not a legal move")
        self.what, self.source, self.target = what, source, target


class EventState(enum.StrEnum):
    RECEIVED = "received"
    PROCESSING = "processing"
    DONE = "done"


class IntentState(enum.StrEnum):
    DECIDED = "decided"  # kept before any write: the one thing a retry or a recovery resumes from
    WRITING = "writing"  # a write is under way or its answer was lost: only a read-back can tell what landed
    LANDED = "landed"  # everything of the decision is on the helpdesk; its record is not written yet
    RECORDED = "recorded"  # history, notifications and timer recorded with it: done
    ABANDONED = "abandoned"  # nothing of it landed and it will never be written (stale, or refused for good)


class NotificationState(enum.StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    PARTIAL = "partial"  # some channels took it, the others failed for good
    FAILED = "failed"
    SUPPRESSED = "suppressed"  # no channel configured for the role
    SHADOW = "shadow"  # shadow mode: kept with what would have been sent, never sent


class TimerState(enum.StrEnum):
    ARMED = "armed"
    FIRED = "fired"
    SUPERSEDED = "superseded"


S = TypeVar("S", bound=enum.StrEnum)

EVENT_MOVES: Mapping[EventState, frozenset[EventState]] = {
    EventState.RECEIVED: frozenset({EventState.PROCESSING, EventState.DONE}),
    EventState.PROCESSING: frozenset({EventState.DONE, EventState.RECEIVED, EventState.PROCESSING}),
    EventState.DONE: frozenset(),
}
INTENT_MOVES: Mapping[IntentState, frozenset[IntentState]] = {
    IntentState.DECIDED: frozenset({IntentState.WRITING, IntentState.LANDED, IntentState.ABANDONED}),
    IntentState.WRITING: frozenset({IntentState.WRITING, IntentState.LANDED, IntentState.ABANDONED,
                                    IntentState.RECORDED}),
    IntentState.LANDED: frozenset({IntentState.RECORDED}),
    IntentState.RECORDED: frozenset(),
    IntentState.ABANDONED: frozenset(),
}
NOTIFICATION_MOVES: Mapping[NotificationState, frozenset[NotificationState]] = {
    NotificationState.PENDING: frozenset({NotificationState.SENDING}),
    NotificationState.SENDING: frozenset({NotificationState.SENT, NotificationState.PARTIAL, NotificationState.FAILED,
                                          NotificationState.SUPPRESSED, NotificationState.SHADOW,
                                          NotificationState.PENDING}),
    NotificationState.SENT: frozenset(),
    NotificationState.PARTIAL: frozenset({NotificationState.PENDING}),
    NotificationState.FAILED: frozenset({NotificationState.PENDING}),
    NotificationState.SUPPRESSED: frozenset(),
    NotificationState.SHADOW: frozenset(),
}
TIMER_MOVES: Mapping[TimerState, frozenset[TimerState]] = {
    TimerState.ARMED: frozenset({TimerState.FIRED, TimerState.SUPERSEDED}),
    TimerState.FIRED: frozenset(),
    TimerState.SUPERSEDED: frozenset(),
}

_TABLES: dict[type[enum.StrEnum], tuple[str, Mapping[object, frozenset[object]]]] = {
    EventState: ("inbox event", EVENT_MOVES),  # type: ignore[dict-item]
    IntentState: ("intent", INTENT_MOVES),  # type: ignore[dict-item]
    NotificationState: ("notification", NOTIFICATION_MOVES),  # type: ignore[dict-item]
    TimerState: ("timer", TIMER_MOVES),  # type: ignore[dict-item]
}


def can_move(source: S, target: S) -> bool:
    _, moves = _TABLES[type(source)]
    return target in moves[source]


def move(source: S, target: S) -> S:
    """`target`, if the lifecycle allows moving there from `source`; else IllegalMove."""
    what, moves = _TABLES[type(source)]
    if target not in moves[source]:
        raise IllegalMove(what, source.value, target.value)
    return target


def sources_of(target: S) -> frozenset[S]:
    """Every state from which `target` may be reached: what a store's conditional UPDATE ... WHERE state IN (...)
    allows, so the database itself refuses an illegal move made by a racing process."""
    _, moves = _TABLES[type(target)]
    return frozenset(state for state, targets in moves.items() if target in targets)  # type: ignore[misc]


def is_final(state: enum.StrEnum) -> bool:
    _, moves = _TABLES[type(state)]
    return not moves[state]
