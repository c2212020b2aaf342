"""The lifecycle tables: the legal moves of an inbox event, an intent, a notification and a timer; anything else
is refused."""

from __future__ import annotations

import itertools

import pytest

from plugin.lifecycles import (
    EventState,
    IllegalMove,
    IntentState,
    NotificationState,
    TimerState,
    can_move,
    is_final,
    move,
    sources_of,
)

LEGAL = {
    EventState: {("received", "processing"), ("received", "done"), ("processing", "done"),
                 ("processing", "received"), ("processing", "processing")},
    IntentState: {("decided", "writing"), ("decided", "landed"), ("decided", "abandoned"), ("writing", "landed"),
                  ("writing", "writing"),
                  ("writing", "abandoned"), ("writing", "recorded"), ("landed", "recorded")},
    NotificationState: {("pending", "sending"), ("sending", "sent"), ("sending", "partial"), ("sending", "failed"),
                        ("sending", "suppressed"), ("sending", "shadow"), ("sending", "pending"),
                        ("partial", "pending"),
                        ("failed", "pending")},
    TimerState: {("armed", "fired"), ("armed", "superseded")},
}


@pytest.mark.parametrize("lifecycle", list(LEGAL), ids=lambda c: c.__name__)
def test_exactly_the_listed_moves_are_legal(lifecycle: type) -> None:
    for source, target in itertools.product(list(lifecycle), repeat=2):
        legal = (source.value, target.value) in LEGAL[lifecycle]
        assert can_move(source, target) is legal, (source, target)
        if legal:
            assert move(source, target) is target
            assert source in sources_of(target)
        else:
            with pytest.raises(IllegalMove, match=f"{source.value} -> {target.value}"):
                move(source, target)


def test_the_ends_are_final() -> None:
    assert is_final(IntentState.RECORDED) and is_final(IntentState.ABANDONED)
    assert is_final(EventState.DONE) and is_final(TimerState.FIRED) and is_final(NotificationState.SENT)
    assert not is_final(IntentState.WRITING)
    # a recorded intent can never be written or recorded again
    assert sources_of(IntentState.RECORDED) == {IntentState.WRITING, IntentState.LANDED}
    assert not can_move(IntentState.RECORDED, IntentState.RECORDED)
