"""The learned mood: a linear model over the message's character and word n-grams, with weights shipped in the
package (`plugin/reading/model/mood.npz`, loaded from the installed package, never fetched).

Phrases that a lexicon lists fit the messages they were written on and miss the ways of saying the same thing
nobody wrote down; a model trained on a few thousand labeled messages in the six languages reads the mood of new
text better (docs/reading.md has the figures). The lexicon still finds the matters, the flags and the evidence;
this model says how the customer sounds.

Features, the same in training (`tests/benchmarks/train_mood.py`) and here:
- the text folded as the reader folds it (lower case, accents stripped) and split on white space;
- character n-grams of 2 to 5 characters of each word padded with a space on each side (" ça ", "nul!"), and the
  words of two or more letters with the pairs of neighbouring words;
- each of the two blocks weighted (1 + ln count) x idf over the features seen in training, and scaled to length 1.
The score of a mood is the dot product with its weights plus its intercept; the mood is the highest score.
"""

from __future__ import annotations

import io
import json
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from plugin.domain import Sentiment
from plugin.reading.text import Text

if TYPE_CHECKING:  # numpy itself is imported by the methods that use it: a process that never reads holds none of it
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.floating[Any]]

CHAR_SIZES = (2, 5)
_WORD = re.compile(r"\b\w\w+\b")
_SPACES = re.compile(r"\s+")
MOOD_WEIGHTS = "mood.npz"
_KEPT_WORDS = 65536  # words whose n-gram columns are kept (forgotten all at once past this)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_SPAN = 5  # words at most in a phrase of evidence
_EDGE = " .,;:!?()[]\"'«»“”"


def folded(text: str) -> str:
    """The text as the model sees it: folded as the reader folds it (`Text.folded`), white space made one space."""
    return _SPACES.sub(" ", Text.of(text).folded).strip()


@lru_cache(maxsize=65536)
def _grams(word: str) -> tuple[str, ...]:
    """The character n-grams of one word (padded): a word's grams are the same wherever it stands."""
    padded = f" {word} "
    out: list[str] = []
    low, high = CHAR_SIZES
    for n in range(low, high + 1):
        if len(padded) <= n:
            out.append(padded)
            break
        out.extend(padded[i:i + n] for i in range(len(padded) - n + 1))
    return tuple(out)


def char_features(text: str) -> Counter[str]:
    """The character block: each word's padded n-grams, counted over the message (`text` already folded)."""
    counts: Counter[str] = Counter()
    for word in text.split(" "):
        if word:
            counts.update(_grams(word))
    return counts


def word_features(text: str) -> Counter[str]:
    """The word block: words of two or more letters and each pair of neighbours (`text` already folded)."""
    words = _WORD.findall(text)
    counts = Counter(words)
    counts.update(f"{a} {b}" for a, b in pairwise(words))
    return counts


def features(text: str) -> tuple[Counter[str], Counter[str]]:
    """Both blocks of one message, as training and reading see them."""
    plain = folded(text)
    return char_features(plain), word_features(plain)


@dataclass(frozen=True)
class MoodGuess:
    """The model's mood and how sure it is (the probability of each mood, by the softmax of the scores)."""

    mood: Sentiment
    probabilities: dict[Sentiment, float]
    ranked: tuple[Sentiment, ...] = ()  # every mood, the most likely first (after the lean)
    matters: dict[str, float] = field(default_factory=dict)  # each matter's probability (its own logistic head)


class MoodModel:
    """A trained mood model: read a message and say how its author sounds."""

    def __init__(self, classes: list[str], chars: list[str], char_idf: FloatArray, words: list[str],
                 word_idf: FloatArray, coef: FloatArray, intercept: FloatArray, about: dict[str, Any],
                 matter_coef: FloatArray | None = None, matter_intercept: FloatArray | None = None) -> None:
        import numpy as np

        width = len(chars) + len(words)
        matter_names = list(about.get("matters", ())) if matter_coef is not None else []
        if coef.shape != (len(classes), width) or (
                matter_coef is not None and matter_coef.shape != (len(matter_names), width)):
            raise ValueError(f"mood weights of shape {coef.shape} do not fit {width} features")
        self.classes = tuple(Sentiment(c) for c in classes)
        self.matter_names = tuple(matter_names)
        self.about = about
        self._chars = {feature: i for i, feature in enumerate(chars)}
        self._words = {feature: len(chars) + i for i, feature in enumerate(words)}
        self._word_offset = len(chars)
        self._idf = np.concatenate([char_idf, word_idf]).astype(np.float32)
        heads = [coef] if matter_coef is None else [coef, matter_coef]
        intercepts = [intercept] if matter_intercept is None else [intercept, matter_intercept]
        # One row per feature, a column per head (the moods, then the matters): a gather reads whole rows.
        self._coef_t = np.ascontiguousarray(np.vstack(heads).T, dtype=np.float32)
        self._intercept = np.concatenate(intercepts).astype(np.float32)
        self._columns: dict[str, npt.NDArray[np.int64]] = {}  # a word's known n-grams, as columns (the same everywhere)

    @classmethod
    def from_bytes(cls, data: bytes) -> MoodModel:
        import numpy as np

        with np.load(io.BytesIO(data), allow_pickle=False) as z:
            about = json.loads(bytes(z["about"]).decode("utf-8"))
            matters = ("matter_coef" in z.files)
            return cls(about["classes"], bytes(z["chars"]).decode("utf-8").split("\n"), z["char_idf"],
                       bytes(z["words"]).decode("utf-8").split("\n"), z["word_idf"], z["coef"], z["intercept"],
                       about, z["matter_coef"] if matters else None, z["matter_intercept"] if matters else None)

    def _word_columns(self, word: str) -> npt.NDArray[np.int64]:
        found = self._columns.get(word)
        if found is None:
            import numpy as np

            index = self._chars
            found = np.array([c for c in map(index.get, _grams(word)) if c is not None], dtype=np.int64)
            if len(self._columns) >= _KEPT_WORDS:
                self._columns.clear()
            self._columns[word] = found
        return found

    def scores(self, text: str, plain: str | None = None) -> FloatArray:
        """The raw score of each mood (in `classes` order). `plain` is the text already folded, if at hand."""
        import numpy as np

        plain = folded(text) if plain is None else _SPACES.sub(" ", plain).strip()
        words = plain.split(" ") if plain else []
        terms = _WORD.findall(plain)
        index = self._words
        named = [*terms, *(f"{a} {b}" for a, b in pairwise(terms))]
        found = [self._word_columns(w) for w in words]
        found.append(np.array([c for c in map(index.get, named) if c is not None], dtype=np.int64))
        every = np.sort(np.concatenate(found))
        if not len(every):
            return self._intercept.copy()
        # Each distinct column once, with how often it occurs (np.unique, without its overhead on small arrays).
        first = np.empty(len(every), dtype=bool)
        first[0] = True
        np.not_equal(every[1:], every[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        columns = every[starts]
        tf = np.diff(np.append(starts, len(every))).astype(np.float32)
        values = (np.log(tf) + 1.0) * self._idf[columns]
        # Each block (characters, words) is scaled to length 1 on its own; the word columns follow the characters'.
        split = int(np.searchsorted(columns, self._word_offset))
        for part in (values[:split], values[split:]):
            if len(part):
                part /= np.sqrt(np.dot(part, part))
        result: FloatArray = self._intercept + values @ self._coef_t[columns]
        return result

    def guess(self, text: str, plain: str | None = None, lean: tuple[Sentiment, float] | None = None) -> MoodGuess:
        """The mood of `text`, and each matter's probability. `lean` = (mood, weight) adds `weight` to that mood's
        log-odds: another reader's opinion, as a product of experts (the probabilities are the model's own, before
        the lean). `plain` is the text already folded by the reader (`Text.folded`), if at hand."""
        import numpy as np

        every = self.scores(text, plain).astype(np.float64)
        scores = every[:len(self.classes)]
        exp = np.exp(scores - scores.max())
        probabilities = exp / exp.sum()
        if lean is not None and lean[0] in self.classes:
            scores[self.classes.index(lean[0])] += lean[1]
        ranked = tuple(self.classes[i] for i in np.argsort(-scores, kind="stable"))
        matters = {name: float(1.0 / (1.0 + np.exp(-score)))
                   for name, score in zip(self.matter_names, every[len(self.classes):], strict=True)}
        return MoodGuess(ranked[0], {c: float(p) for c, p in zip(self.classes, probabilities, strict=True)}, ranked,
                         matters)

    def telling_words(self, text: str, mood: Sentiment, limit: int = 2) -> tuple[str, ...]:
        """The stretches of the message that weigh most towards `mood` against calm: the evidence of a mood no
        phrase of the lexicon stands behind."""
        if mood == Sentiment.CALM or mood not in self.classes or Sentiment.CALM not in self.classes:
            return ()
        weights = self._coef_t[:, self.classes.index(mood)] - self._coef_t[:, self.classes.index(Sentiment.CALM)]
        return self._telling(text, weights, limit)

    def telling_matter(self, text: str, matter: str, limit: int = 2) -> tuple[str, ...]:
        """The stretches of the message that weigh most towards `matter`: the evidence of a matter the model found."""
        if matter not in self.matter_names:
            return ()
        return self._telling(text, self._coef_t[:, len(self.classes) + self.matter_names.index(matter)], limit)

    def _telling(self, text: str, weights: FloatArray, limit: int) -> tuple[str, ...]:
        """The stretches of `text`, as written (up to `_SPAN` words within a sentence), whose words weigh most by
        `weights`. A word weighs what its known n-grams and itself add to the score, before the message's scaling
        (the same for every word of it)."""
        spans: list[tuple[float, str]] = []
        for sentence in _SENTENCE.split(text):
            raw = sentence.split()
            weighed = [self._weight(Text.of(word).folded, weights) for word in raw]
            best = (0.0, 0, 0)
            for i in range(len(raw)):
                total = 0.0
                for j in range(i, min(i + _SPAN, len(raw))):
                    total += weighed[j]
                    if total > best[0]:
                        best = (total, i, j + 1)
            phrase = " ".join(raw[best[1]:best[2]]).strip(_EDGE)
            if phrase:
                spans.append((best[0], phrase))
        spans.sort(key=lambda span: -span[0])
        return tuple(dict.fromkeys(phrase for _, phrase in spans[:limit]))

    def _weight(self, word: str, weights: FloatArray) -> float:
        """What one folded word adds towards a mood: its known n-grams and itself, each by its idf."""
        import numpy as np

        columns = self._word_columns(word).tolist()
        column = self._words.get(word.strip(_EDGE))
        if column is not None:
            columns.append(column)
        return float(np.dot(weights[columns], self._idf[columns])) if columns else 0.0


_LOADED: dict[str, MoodModel] = {}
_LOADING = threading.Lock()


def shipped_mood_model() -> MoodModel:
    """The model shipped with the package, loaded once per process (a few tenths of a second, at first use)."""
    found = _LOADED.get(MOOD_WEIGHTS)
    if found is None:
        with _LOADING:
            found = _LOADED.get(MOOD_WEIGHTS)
            if found is None:
                data = resources.files("plugin.reading").joinpath("model", MOOD_WEIGHTS).read_bytes()
                found = _LOADED[MOOD_WEIGHTS] = MoodModel.from_bytes(data)
    return found
