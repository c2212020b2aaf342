"""Durations as admins write them, and whole-word, accent-insensitive keyword matching."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plugin.durations import format_duration, parse_duration
from plugin.keywords import find_keywords, fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [("15m", timedelta(minutes=15)), ("4h", timedelta(hours=4)), ("2d", timedelta(days=2)),
     ("1h30m", timedelta(minutes=90)), ("1h 30m", timedelta(minutes=90)), ("90s", timedelta(seconds=90)),
     ("0", timedelta(0)), ("1.5h", timedelta(minutes=90))],
)
def test_parse_duration(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["15", "fifteen", "15 minutes", "h", "", "-5m", "4hh"])
def test_parse_duration_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="must be a duration"):
        parse_duration(text)


@given(st.integers(min_value=0, max_value=10_000_000))
def test_format_then_parse_round_trips(seconds: int) -> None:
    value = timedelta(seconds=seconds)
    assert parse_duration(format_duration(value).replace(" ", "")) == value


def test_keywords_are_whole_words() -> None:
    assert find_keywords("This issue persists", ["sue"]) == []
    assert find_keywords("I will sue you", ["sue"]) == ["sue"]
    assert find_keywords("legally speaking", ["legal"]) == []


def test_keywords_ignore_case_and_accents() -> None:
    text = "C'est INACCEPTABLE, mon Avocat ira au tribunal. Procès!"
    assert find_keywords(text, ["inacceptable", "avocat", "tribunal", "procès"]) == [
        "inacceptable", "avocat", "tribunal", "proces"]
    assert find_keywords("PROCES", ["procès"]) == ["proces"]


def test_phrases_match_across_spacing() -> None:
    assert find_keywords("we will take Legal\n action", ["legal action"]) == ["legal action"]
    assert find_keywords("legal actions", ["legal action"]) == []


def test_fold() -> None:
    assert fold("Œuvre Éléphant") == "oeuvre elephant"
