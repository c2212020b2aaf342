"""How the customer sounds: a VADER compound score behind a small interface, plus keyword rules.

VADER is English-only; for other languages (by the requester's locale) the score is None and the keyword lists
(which exist per language) carry the signal alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from plugin.config import EscalatorConfig
from plugin.domain import Sentiment, Ticket
from plugin.keywords import find_keywords


class SentimentAnalyzer(Protocol):
    def score(self, text: str, language: str) -> float | None:
        """A compound score in [-1, 1], or None when the analyzer cannot read that language."""


# "sue" as a threat: after a subject and a modal ("I will sue", "we'll sue", "I'm going to sue", "threatening to
# sue") or before "your company". Elsewhere it is the first name ("Sue from accounting", "when will Sue call?").
_SUBJECT = r"(?:i|we|they)"
_SUE_LEAD = (
    rf"{_SUBJECT}\s+(?:will|would|could|can|shall|might|must)|{_SUBJECT}['’]ll"
    r"|(?:i\s+am|i['’]m|we\s+are|we['’]re|they\s+are|they['’]re)\s+(?:going\s+to|gonna)|gonna"
    r"|(?:intend|intends|plan|plans|planning|threaten|threatens|threatening|decided|want|wants)\s+to"
)
_SUE_THREAT = re.compile(
    rf"(?<![\w'’])(?:{_SUE_LEAD})\s+(sue)(?![\w'’])|(?<![\w'’])(sue)(?=\s+(?:this|your)\s+company(?!\w))",
    re.IGNORECASE,
)
_SUE_TOKEN = "suethreat"  # a token of our own: VADER scores single tokens, so the threat gets a word of its own


def mark_sue_threats(text: str) -> str:
    """The text with each threatening "sue" replaced by a token VADER scores as negative (keeping its case)."""

    def replace(match: re.Match[str]) -> str:
        index = 1 if match.group(1) is not None else 2
        word = match.group(index)
        token = _SUE_TOKEN.upper() if word.isupper() else _SUE_TOKEN
        start, end = match.span(index)
        return match.group(0)[: start - match.start()] + token + match.group(0)[end - match.start():]

    return _SUE_THREAT.sub(replace, text)


class VaderAnalyzer:
    """VADER (ships its lexicon; offline). Words it does not know are patched in for support language."""

    # "support" scores positive and dilutes every support message; legal words are missing from the lexicon.
    # Words that describe the problem rather than the mood ("down", "outage") are left alone on purpose. "sue" is
    # not patched (it is a first name): only its threatening phrasings are, through `mark_sue_threats`.
    _PATCH = {"lawyer": -2.5, "attorney": -2.0, "lawsuit": -3.0, _SUE_TOKEN: -2.5, "support": 0.0}

    def __init__(self) -> None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self._analyzer = SentimentIntensityAnalyzer()
        self._analyzer.lexicon.update(self._PATCH)

    def score(self, text: str, language: str) -> float | None:
        if not language.startswith("en") or not text.strip():
            return None
        return float(self._analyzer.polarity_scores(mark_sue_threats(text))["compound"])


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
