"""Lost answers (issue 9): the sandbox applies a write and holds its answer past the client's timeout (2 s, held
4 s): the update carrying the internal note, the public reply, update_many (the sweep's bulk write for a ticket whose
threshold timer fell due) and the task ticket's create. The note, the reply, the task ticket and every alert of the
decision land exactly once, within 30 s. On both helpdesks, in full: each is one ticket (on Freshdesk, which has no
bulk update, update_many is the sweep's own PUT of a due ticket)."""

from __future__ import annotations

from pathlib import Path

import pytest
from scenarios import LOST_ANSWER_KINDS, lost_answer
from world import Backend

pytestmark = pytest.mark.faults


@pytest.mark.timeout(300)
@pytest.mark.parametrize("kind", LOST_ANSWER_KINDS)
def test_a_write_whose_answer_is_lost_is_done_once_with_everything_it_causes(tmp_path: Path, fault_backend: Backend,
                                                                             fault_platform: str, kind: str) -> None:
    result = lost_answer(tmp_path, fault_backend, kind, platform=fault_platform)
    assert not result.broken(), result.report()
