"""Durations as admins write them, and whole-word, accent-insensitive keyword matching."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plugin.config import KeywordsConfig
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


# -- the default keyword lists: threats match, everyday words do not

DEFAULTS = KeywordsConfig()
THREATS = ("legal", "regulatory", "reputational")


def _threat_words(text: str) -> list[str]:
    return [w for category in THREATS for w in find_keywords(text, DEFAULTS.words(category))]


@pytest.mark.parametrize("text", [
    "Nothing happens when I press the Export button.",
    "Press Ctrl+S, then press Enter: nothing is saved.",
    "The media library does not show my uploaded images.",
    "Uploading media files fails above 10 MB.",
    "Sue from accounting asked me to send you the updated invoice.",
    "Hi, this is Sue. The export is empty.",
    "Our legal department needs a copy of the DPA, no rush.",
    "The tennis court booking page is blank.",
    # French
    "Le délai de réponse est trop court pour nous.",
    "Impossible de copier le lien dans le presse-papiers.",
    "Les médias importés ne s'affichent pas dans la bibliothèque de médias.",
    "Merci pour la poursuite du traitement de ma demande.",
    "Notre service juridique demande une copie du contrat.",
    "Ma plainte concerne la facture de novembre.",
])
def test_everyday_words_are_not_threats(text: str) -> None:
    assert _threat_words(text) == []


@pytest.mark.parametrize(("text", "word"), [
    ("I will sue you if this is not fixed.", "will sue"),
    ("I'll sue your company for this.", "i'll sue"),
    ("I am going to sue.", "going to sue"),
    ("We will sue the company.", "will sue"),
    ("My lawyer will call you tomorrow.", "lawyer"),
    ("Our attorney is reviewing the contract breach.", "attorney"),
    ("We are preparing legal action.", "legal action"),
    ("See you in court.", "in court"),
    ("I will take this to the press.", "the press"),
    ("I will go to the media with this.", "to the media"),
    ("A journalist friend is interested in this story.", "journalist"),
    ("I'm posting this on social media tonight.", "social media"),
    ("Expect a complaint to the Better Business Bureau.", "better business bureau"),
    ("This breaks GDPR.", "gdpr"),
    # French
    ("Mon avocat va vous contacter.", "avocat"),
    ("Je vais porter plainte.", "porter plainte"),
    ("Nous irons au tribunal.", "tribunal"),
    ("Nous engageons une action en justice.", "action en justice"),
    ("Je vais vous poursuivre en justice.", "vous poursuivre"),
    ("Nous allons poursuivre en justice votre société.", "poursuivre en justice"),
    ("Vous recevrez une mise en demeure.", "mise en demeure"),
    ("Je vais alerter la presse.", "la presse"),
    ("Je vais en parler aux médias.", "aux medias"),
    ("Un journaliste s'intéresse à votre service.", "journaliste"),
    ("Je publierai tout sur les réseaux sociaux.", "reseaux sociaux"),
    ("Je saisis la CNIL.", "cnil"),
])
def test_threats_still_match(text: str, word: str) -> None:
    assert word in _threat_words(text)
