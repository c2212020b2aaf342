"""A sentiment analyser that remembers what it read: a replay decides many times on the same customer words (every
change and every threshold of a ticket re-reads them), and reading them again gives the same answer."""

from __future__ import annotations

from typing import Any

from plugin.reading import CustomCues, Reading
from plugin.sentiment import SentimentAnalyzer

MAX_READINGS = 50_000


class RememberingAnalyzer:
    def __init__(self, analyzer: SentimentAnalyzer) -> None:
        self.analyzer = analyzer
        self._readings: dict[tuple[str, str | None, int], Reading] = {}
        self._scores: dict[tuple[str, str], float | None] = {}

    def read(self, text: str, language: str | None = None, custom: CustomCues | None = None) -> Reading:
        key = (text, language, id(custom))
        found = self._readings.get(key)
        if found is None:
            if len(self._readings) >= MAX_READINGS:
                self._readings.clear()
            found = self._readings[key] = self.analyzer.read(text, language, custom)
        return found

    def score(self, text: str, language: str) -> float | None:
        key = (text, language)
        if key not in self._scores:
            if len(self._scores) >= MAX_READINGS:
                self._scores.clear()
            self._scores[key] = self.analyzer.score(text, language)
        return self._scores[key]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.analyzer, name)
