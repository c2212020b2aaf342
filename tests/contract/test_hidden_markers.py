"""A public reply's hidden marker, as each adapter writes it and finds it again: whichever carrier a platform keeps
(an HTML comment, a `title` attribute, Zendesk's comment metadata), the comment read back carries the reference in
`Comment.body` for the ledger, and the text the customer reads carries none."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.freshdesk import FreshdeskAdapter
from adapters.markers import references_in_html, reply_html, with_hidden_references
from adapters.zendesk_mapping import comments_from_json
from plugin.domain import is_ours
from plugin.ledger import note_marker, references, reply_reference

REF = reply_reference("k-9")
HTML = reply_html("Hello Dana,\nWe are on it <3 & more.", REF)
NOW = "2026-11-23T10:00:00Z"


def test_the_reply_html_keeps_the_text_and_hides_the_reference_twice() -> None:
    assert HTML.startswith("Hello Dana,<br>We are on it &lt;3 &amp; more.")
    assert "[escalator-ref" not in HTML
    assert HTML.count(REF) == 2  # an HTML comment and a title attribute
    assert references_in_html(HTML) == [REF]


@pytest.mark.parametrize("kept", [
    '<p>Hi</p><!-- escalator-ref:k-9:reply -->',  # a platform that keeps comments
    "<p>Hi</p><span title=\"escalator-ref:k-9:reply\"></span>",  # one that strips them (Freshdesk's sanitizer)
    "<p>Hi</p><span title='escalator-ref:k-9:reply'></span>",
    '<div><p>Hi</p><span TITLE = "escalator-ref:k-9:reply"></span></div>',
])
def test_either_carrier_alone_is_enough(kept: str) -> None:
    assert references_in_html(kept) == [REF]


def test_nothing_hidden_means_nothing_found() -> None:
    assert references_in_html("<p>Hi <!-- a comment --> <span title=\"hello\">x</span></p>") == []
    assert with_hidden_references("Hi", []) == "Hi"


def test_a_reference_already_shown_is_not_added_twice() -> None:
    body = with_hidden_references(f"Hi\n\n[{REF}]", [REF])
    assert body == f"Hi\n\n[{REF}]"


def zendesk_comment(**fields: Any) -> dict[str, Any]:
    return {"id": 5, "author_id": 1, "public": True, "created_at": NOW, **fields}


@pytest.mark.parametrize("stored", [
    {"plain_body": "Hello Dana", "html_body": HTML},
    {"plain_body": "Hello Dana", "html_body": "<div class=\"zd-comment\"><p>Hello Dana</p></div>",
     "metadata": {"system": {}, "custom": {"escalator": {"key": "k-9", "part": "reply"}}}},
])
def test_zendesk_finds_the_reply_in_the_html_or_the_metadata(stored: dict[str, Any]) -> None:
    [comment] = comments_from_json([zendesk_comment(**stored)], {"1": {"role": "admin"}})
    assert comment.body.startswith("Hello Dana")
    assert references(comment.body) == {REF} and is_ours(comment.body)


def test_zendesk_metadata_without_a_part_is_the_note() -> None:
    [comment] = comments_from_json([zendesk_comment(
        public=False, plain_body=f"Escalated\n\n{note_marker('k-9')}",
        metadata={"custom": {"escalator": {"key": "k-9"}}})], {})
    assert references(comment.body) == {"escalator-ref:k-9"}


def test_zendesk_a_customers_comment_stays_as_written() -> None:
    [comment] = comments_from_json([zendesk_comment(plain_body="Any news?", html_body="<p>Any news?</p>",
                                                    metadata={"system": {}, "custom": {}})], {})
    assert comment.body == "Any news?" and not is_ours(comment.body)


def test_freshdesk_finds_the_reply_in_the_html_body_not_in_body_text() -> None:
    sanitized = HTML.replace(f"<!-- {REF} -->", "")  # Freshdesk's sanitizer drops the comment
    comment = FreshdeskAdapter._comment({"id": 3, "body": sanitized, "body_text": "Hello Dana,\nWe are on it <3",
                                         "private": False, "incoming": False, "user_id": 1,
                                         "created_at": NOW})
    assert comment.body.startswith("Hello Dana,\nWe are on it <3")
    assert references(comment.body) == {REF} and comment.by_agent


def test_a_freshdesk_reply_written_by_an_earlier_version_is_read_as_before() -> None:
    legacy = "We are on it.<br><br>[escalator-ref:k-9:reply]"
    comment = FreshdeskAdapter._comment({"id": 3, "body": legacy, "body_text": "We are on it.\n\n"
                                         "[escalator-ref:k-9:reply]", "created_at": NOW})
    assert comment.body == "We are on it.\n\n[escalator-ref:k-9:reply]"
    assert references(comment.body) == {REF}

