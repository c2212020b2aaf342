"""`escalator describe`: the documentation templates and the escalation task as the configuration sets them."""

from __future__ import annotations

from plugin.config import load_config
from plugin.describe import describe


def test_describe_says_what_each_template_is_for_and_who_sees_it() -> None:
    text = describe(load_config(data={}))
    section = text.split("## 5. Documentation templates")[1].split("## 6.")[0]
    assert "| `handoff_note` | on escalation | agents of the receiving tier (internal note) |" in section
    assert "| `resolution_followup` | an escalated ticket is solved | the customer" in section
    assert section.count("\n| `") == 5
    assert "the ticket is reassigned to the receiving tier's group" in section
    assert "once an escalated ticket is solved: yes." in section


def test_describe_follows_the_escalation_task_setting() -> None:
    config = load_config(data={"workflow": {"escalation_task": "task_ticket"},
                               "notifications": {"resolution_followup": False}})
    section = describe(config).split("## 5. Documentation templates")[1].split("## 6.")[0]
    assert "gets a linked ticket of type task" in section
    assert "once an escalated ticket is solved: no." in section
