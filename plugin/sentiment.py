"""How the customer sounds: a VADER compound score behind a small interface, plus keyword rules.

VADER is English-only; for other languages (by the requester's locale) the score is None and the keyword lists
(which exist per language) carry the signal alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from plugin.config import EscalatorConfig
from plugin.domain import Sentiment, Ticket
from plugin.keywords import find_keywords


class SentimentAnalyzer(Protocol):
    def score(self, text: str, language: str) -> float | None:
        """A compound score in [-1, 1], or None when the analyzer cannot read that language."""


class VaderAnalyzer:
    """VADER (ships its lexicon; offline). Words it does not know are patched in for support language."""

    # "support" scores positive and dilutes every support message; legal words are missing from the lexicon.
    # Words that describe the problem rather than the mood ("down", "outage") are left alone on purpose.
    _PATCH = {"lawyer": -2.5, "attorney": -2.0, "lawsuit": -3.0, "sue": -2.5, "support": 0.0}

    def __init__(self) -> None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self._analyzer = SentimentIntensityAnalyzer()
        self._analyzer.lexicon.update(self._PATCH)

    def score(self, text: str, language: str) -> float | None:
        if not language.startswith("en") or not text.strip():
            return None
        return float(self._analyzer.polarity_scores(text)["compound"])


@lru_cache(maxsize=1)
def default_analyzer() -> VaderAnalyzer:
    return VaderAnalyzer()


@dataclass(frozen=True)
class SentimentReading:
    level: Sentiment
    score: float | None
    frustration_words: tuple[str, ...]
    legal_words: tuple[str, ...]
    regulatory_words: tuple[str, ...]
    reputational_words: tuple[str, ...]
    language: str


def latest_customer_text(ticket: Ticket) -> str:
    """What the customer said most recently (last customer comment), or the description for a new ticket."""
    customer_comments = [c for c in ticket.comments if not c.by_agent]
    if customer_comments:
        return customer_comments[-1].body
    return f"{ticket.subject}\n{ticket.description}"


def read_sentiment(
    ticket: Ticket, config: EscalatorConfig, language: str, analyzer: SentimentAnalyzer | None = None
) -> SentimentReading:
    """Score the latest customer message; look for keywords in everything the customer wrote."""
    if not ticket.comments_loaded:
        return SentimentReading(Sentiment.CALM, None, (), (), (), (), language)
    analyzer = analyzer or default_analyzer()
    everything = ticket.customer_text
    score = analyzer.score(latest_customer_text(ticket), language)
    kw = config.keywords
    frustration = tuple(find_keywords(everything, kw.words("frustration")))
    legal = tuple(find_keywords(everything, kw.words("legal")))
    regulatory = tuple(find_keywords(everything, kw.words("regulatory")))
    reputational = tuple(find_keywords(everything, kw.words("reputational")))
    threshold = config.thresholds.sentiment
    if legal or regulatory or reputational:
        level = Sentiment.THREATENING
    elif score is not None and score < threshold:
        level = Sentiment.ANGRY
    elif frustration or (score is not None and score < threshold / 2):
        level = Sentiment.FRUSTRATED
    else:
        level = Sentiment.CALM
    return SentimentReading(level, score, frustration, legal, regulatory, reputational, language)
