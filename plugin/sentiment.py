"""How the customer sounds and what they write about, behind one small interface the engine is given.

The default analyser is the multilingual reader (`plugin.reading`): mood (calm, frustrated, angry, threatening;
from a learned model shipped with the package, or with `reading.mood: lexicon` from the curated phrases alone)
and matters (legal, regulatory, media, outage, security, billing, churn) in six languages, with the phrases that
decided them. The VADER compound score stays available for teams that keep the legacy rule "angry below -0.7"
(`reading.mood: vader`); VADER reads English only.

Mood is read from the customer's latest message (how they sound now); matters and the two flags (asks for a
manager, says they contacted us before) from everything the customer wrote on the ticket.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol, TypeVar

from plugin.config import EscalatorConfig
from plugin.domain import Sentiment, Ticket
from plugin.reading import CustomCues, Reader, Reading, custom_cues, default_reader

_K = TypeVar("_K")
_V = TypeVar("_V")


class SentimentAnalyzer(Protocol):
    def read(self, text: str, language: str | None = None, custom: CustomCues | None = None) -> Reading:
        """The mood, matters, flags and evidence of one message; `language` is a hint (the requester's locale)."""

    def score(self, text: str, language: str) -> float | None:
        """A compound score in [-1, 1], or None when the analyser cannot score that language."""


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


class ReadingAnalyzer:
    """The default analyser: the reader for mood and matters, VADER for the legacy score."""

    def __init__(self, reader: Reader | None = None, vader: VaderAnalyzer | None = None) -> None:
        self._reader = reader or default_reader()
        self._vader = vader or VaderAnalyzer()

    def read(self, text: str, language: str | None = None, custom: CustomCues | None = None) -> Reading:
        return self._reader.read(text, language, custom)

    def score(self, text: str, language: str) -> float | None:
        return self._vader.score(text, language)


MEMO_SIZE = 4096  # texts whose reading is kept (the oldest is forgotten first)


class MemoAnalyzer:
    """An analyser that reads each text once and keeps the answer: a ticket's mood does not change when a timer
    fires, so the decisions on one ticket at later moments (and the second look within one decision) reuse what
    was read. Keyed by the text itself, the language hint and the admin's cues (no ids, no clock); bounded to
    `size` texts; the wrapped analyser is pure, so a kept answer is the answer."""

    def __init__(self, analyzer: SentimentAnalyzer, size: int = MEMO_SIZE) -> None:
        self.analyzer = analyzer
        self.size = size
        self._readings: dict[tuple[str, str | None, CustomCues | None], Reading] = {}
        self._scores: dict[tuple[str, str], float | None] = {}
        self._lock = threading.Lock()

    def read(self, text: str, language: str | None = None, custom: CustomCues | None = None) -> Reading:
        key = (text, language, custom)
        found = self._readings.get(key)
        if found is None:
            found = self.analyzer.read(text, language, custom)
            with self._lock:
                _keep(self._readings, key, found, self.size)
        return found

    def score(self, text: str, language: str) -> float | None:
        key = (text, language)
        try:
            return self._scores[key]
        except KeyError:
            pass
        score = self.analyzer.score(text, language)
        with self._lock:
            _keep(self._scores, key, score, self.size)
        return score


def _keep(memo: dict[_K, _V], key: _K, value: _V, size: int) -> None:
    """Remember `value` under `key`, forgetting the oldest entry when `size` are kept."""
    if key not in memo and len(memo) >= size:
        memo.pop(next(iter(memo)), None)
    memo[key] = value


def remembering(analyzer: SentimentAnalyzer) -> MemoAnalyzer:
    """`analyzer` behind a memo (itself when it already is one: engines that share an analyser share its memo)."""
    return analyzer if isinstance(analyzer, MemoAnalyzer) else MemoAnalyzer(analyzer)


@lru_cache(maxsize=1)
def default_analyzer() -> ReadingAnalyzer:
    """Built once per process: the lexicons are compiled and VADER's lexicon loaded here, never while deciding."""
    return ReadingAnalyzer()


# The admin's keyword categories (config `keywords`) and the reading categories they add to.
KEYWORD_CATEGORIES: Mapping[str, str] = {
    "legal": "threat:legal", "regulatory": "threat:regulatory", "reputational": "threat:media",
    "frustration": "frustration", "anger": "anger", "security": "security", "outage": "outage",
    "billing": "billing", "churn": "churn",
}


_CUES: dict[int, tuple[EscalatorConfig, CustomCues | None]] = {}


def admin_cues(config: EscalatorConfig) -> CustomCues | None:
    """The admin's own words and phrases, by reading category; None when there are none and nothing is replaced.
    Built once per configuration."""
    cached = _CUES.get(id(config))
    if cached is None or cached[0] is not config:
        if len(_CUES) > 32:
            _CUES.clear()
        cached = _CUES[id(config)] = (config, _admin_cues(config))
    return cached[1]


def _admin_cues(config: EscalatorConfig) -> CustomCues | None:
    keywords = config.keywords
    phrases: dict[str, list[str]] = {}
    for category, target in KEYWORD_CATEGORIES.items():
        words = [w for lang_words in getattr(keywords, category).values() for w in lang_words]
        if words:
            phrases.setdefault(target, []).extend(words)
    replaced = {KEYWORD_CATEGORIES[c] for c in keywords.replace}
    if not phrases and not replaced:
        return None
    return custom_cues(phrases, replaced)


@dataclass(frozen=True)
class SentimentReading:
    """What the engine knows about the customer's words: the mood now and what the whole ticket is about."""

    level: Sentiment
    score: float | None  # VADER compound of the latest message (English; None elsewhere or when not computed)
    language: str
    latest: Reading  # the latest customer message: the mood and its evidence
    ticket: Reading  # everything the customer wrote: matters, flags and their evidence

    @property
    def matters(self) -> tuple[str, ...]:
        return self.ticket.matters

    def phrases(self, matter: str) -> tuple[str, ...]:
        """The customer's phrases behind a matter, threats included ("legal" shows "my lawyer will")."""
        return self.ticket.phrases(matter)

    @property
    def mood_evidence(self) -> tuple[str, ...]:
        return self.latest.mood_evidence

    @property
    def requests_manager(self) -> bool:
        return self.ticket.requests_manager

    @property
    def repeat_claim(self) -> bool:
        return self.ticket.repeat_claim


_EMPTY = Reading(Sentiment.CALM, (), "en")


def latest_customer_text(ticket: Ticket) -> str:
    """What the customer said most recently (last customer comment), or the subject and description of a new
    ticket."""
    customer_comments = [c for c in ticket.comments if not c.by_agent]
    if customer_comments:
        return customer_comments[-1].body
    return f"{ticket.subject}\n{ticket.description}"


def read_sentiment(
    ticket: Ticket, config: EscalatorConfig, language: str, analyzer: SentimentAnalyzer | None = None,
    *, locale: str | None = None,
) -> SentimentReading:
    """Read the latest customer message for the mood and everything the customer wrote for the matters.

    `locale` is the requester's (a hint the text may overrule); without one the language is read from the text
    alone, and `language` (the team's default) is only what an empty ticket is said to be in."""
    if not ticket.comments_loaded:
        return SentimentReading(Sentiment.CALM, None, language, _EMPTY, _EMPTY)
    analyzer = analyzer or default_analyzer()
    custom = admin_cues(config)
    latest_text = latest_customer_text(ticket)
    everything = ticket.customer_text
    latest = analyzer.read(latest_text, locale, custom)
    whole = latest if everything == latest_text else analyzer.read(everything, locale, custom)
    lexicon = config.reading.mood == "lexicon"
    level = latest.lexicon_mood if lexicon else latest.mood
    score: float | None = None
    if config.reading.mood == "vader":
        score = analyzer.score(latest_text, latest.language)
        threshold = config.thresholds.sentiment
        if score is not None and level != Sentiment.THREATENING:  # VADER reads English only: elsewhere the reader
            upset = level in (Sentiment.FRUSTRATED, Sentiment.ANGRY)
            level = Sentiment.ANGRY if score < threshold else \
                Sentiment.FRUSTRATED if score < threshold / 2 or upset else Sentiment.CALM
    if (whole.lexicon_mood if lexicon else whole.mood) == Sentiment.THREATENING:
        level = Sentiment.THREATENING  # a threat made earlier on the ticket still stands
    return SentimentReading(level, score, latest.language, latest, whole)
