"""How the reader finds its cues quickly without finding anything else: a cue is tried only where each of its words
stands (whole words as whole words), several languages' cues are read in one pass and each hit still says which
language found it, and the bounds of sentences and clauses found by bisection are the bounds a scan finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plugin.reading.patterns import CueSet
from plugin.reading.text import _CLAUSE_END, _SENTENCE_END, Text, _bounds


def _compiled(cues: CueSet) -> set[str]:
    """The patterns whose regular expression was compiled (a lazy cue compiles the first time it is tried)."""
    return {cue.pattern for cue in cues._cues if "regex" in cue.__dict__}


def test_a_cue_is_tried_only_on_a_stretch_holding_each_of_its_words() -> None:
    cues = CueSet({"legal": ["take legal action", "small claims court"]}, lazy=True)
    assert cues.find(Text.of("Our legal team will action it. The court is small.")) == []
    assert _compiled(cues) == set()  # "take" missing, and "small claims court" lacks "claims": neither regex ran
    hits = cues.find(Text.of("We will take legal action, and then small claims court."))
    assert [h.phrase for h in hits] == ["take legal action", "small claims court"]


def test_a_plain_word_of_a_cue_is_looked_for_whole() -> None:
    cues = CueSet({"legal": ["will sue"]}, lazy=True)
    assert cues.find(Text.of("I am willing to buy suede shoes")) == []
    assert _compiled(cues) == set()  # "willing" and "suede" begin as the cue's words do
    assert [h.phrase for h in cues.find(Text.of("We WILL SUE."))] == ["WILL SUE"]


def test_a_pattern_word_is_still_found_by_its_beginning() -> None:
    cues = CueSet({"billing": ["refunds?", "overcharg*"]})
    found = cues.find(Text.of("Two refunds, and you overcharged me"))
    assert [h.phrase for h in found] == ["refunds", "overcharged"]


def test_sets_read_as_one_give_each_sets_hits_as_it_finds_them_alone() -> None:
    english = CueSet({"legal": ["my lawyer", "sue"], "anger": ["ridiculous"]})
    french = CueSet({"legal": ["mon avocat"], "anger": ["ridicule", "scandale*"]})
    common = CueSet({"legal": ["gdpr"]})
    text = Text.of("C'est ridicule, mon avocat vous écrira. Ridiculous: my lawyer will sue (GDPR).")
    parts = CueSet.joined([common, english, french]).find_parts(text)
    assert parts == [common.find(text), english.find(text), french.find(text)]
    assert [h.phrase for h in parts[2]] == ["ridicule", "mon avocat"]


_ALPHABET = "ab .!?;:,()\n\"«»-–— "


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_sentence_and_clause_bounds_by_bisection_are_those_a_scan_finds(text: str, one: int, other: int) -> None:
    start, end = sorted((min(one, len(text)), min(other, len(text))))
    message = Text(text, text)
    assert message.sentence_around(start, end) == _bounds(text, _SENTENCE_END, start, end)
    begin, _ = _bounds(text, _CLAUSE_END, start, start)
    assert message.clause_before(start) == text[begin:start]
    _, finish = _bounds(text, _CLAUSE_END, end, end)
    assert message.clause_after(end) == text[end:finish]
