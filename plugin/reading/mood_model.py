"""The learned mood: a linear model over the message's character and word n-grams, with weights shipped in the
package (`plugin/reading/model/mood.npz`, loaded from the installed package, never fetched).

Phrases that a lexicon lists fit the messages they were written on and miss the ways of saying the same thing
nobody wrote down; a model trained on a few thousand labeled messages in the six languages reads the mood of new
text better (docs/reading.md has the figures). The lexicon still finds the matters, the flags and the evidence;
this model says how the customer sounds.

Features, the same in training (`tests/benchmarks/train_mood.py`) and here:
- the text folded as the reader folds it (lower case, accents stripped) and split on white space into tokens;
- the character block: each token's character n-grams of 2 to 5 characters, the token padded with a space on each
  side (" ça ", "nul!"), each weighted by its idf; a token's vector counts (1 + ln count) times over the message, and
  the block is divided by the root of the sum of the squared lengths of those terms. A token's share of the score is
  the same wherever it stands, so it is worked out once per token, not once per message;
- the word block: the words of two or more letters and the pairs of neighbouring words, weighted (1 + ln count) x idf
  over the features seen in training and scaled to length 1.
The score of a mood is the dot product with its weights plus its intercept; the mood is the highest score.
"""

from __future__ import annotations

import io
import json
import math
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
    IntArray = npt.NDArray[np.int64]

CHAR_SIZES = (2, 5)
_WORD = re.compile(r"\b\w\w+\b")
_SPACES = re.compile(r"\s+")
MOOD_WEIGHTS = "mood.npz"
_KEPT_TOKENS = 32768  # tokens whose character-block vectors are kept (forgotten all at once past this)
_FRESH_TOKENS = 64  # tokens worked out before they are merged into the sorted table
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_SPAN = 5  # words at most in a phrase of evidence
_EDGE = " .,;:!?()[]\"'«»“”"


def folded(text: str) -> str:
    """The text as the model sees it: folded as the reader folds it (`Text.folded`), white space made one space."""
    return _SPACES.sub(" ", Text.of(text).folded).strip()


@lru_cache(maxsize=65536)
def grams(word: str) -> tuple[str, ...]:
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


def tokens(text: str) -> Counter[str]:
    """The tokens of a message (`text` already folded) and how often each occurs: what the character block reads."""
    return Counter(word for word in text.split(" ") if word)


def word_features(text: str) -> Counter[str]:
    """The word block: words of two or more letters and each pair of neighbours (`text` already folded)."""
    words = _WORD.findall(text)
    counts = Counter(words)
    counts.update(f"{a} {b}" for a, b in pairwise(words))
    return counts


def features(text: str) -> tuple[Counter[str], Counter[str]]:
    """What one message gives each block (its tokens, its words and pairs), as training and reading see it."""
    plain = folded(text)
    return tokens(plain), word_features(plain)


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
        heads = [coef] if matter_coef is None else [coef, matter_coef]
        intercepts = [intercept] if matter_intercept is None else [intercept, matter_intercept]
        weights = np.vstack(heads).T
        # One row per feature, a column per head (the moods, then the matters): a gather reads whole rows. A last row
        # of zeros, with an idf of 0, stands for every feature not seen in training.
        self._unknown = width
        self._coef_t = np.ascontiguousarray(np.vstack([weights, np.zeros((1, weights.shape[1]))]), dtype=np.float32)
        self._idf = np.concatenate([char_idf, word_idf, [0.0]]).astype(np.float32)
        self._intercept = np.concatenate(intercepts).astype(np.float32)
        # The word block looked up by hash: a word by its own, a pair of words by that of the pair as a tuple (so a
        # message's pairs are hashed without being joined into strings), searched in one sorted array.
        keys = np.array([hash(tuple(f.split(" "))) if " " in f else hash(f) for f in words], dtype=np.int64)
        order = np.argsort(keys, kind="stable")
        self._word_keys = keys[order]
        self._word_columns_by_key = (order + len(chars)).astype(np.int64)
        # Each token's character-block vector (its n-grams' weights times their idf, every head) and squared length,
        # by the token's hash: a sorted table, and the tokens worked out since it was last merged.
        self._token_table: tuple[IntArray, FloatArray] = (np.empty(0, np.int64), np.empty((0, weights.shape[1] + 1)))
        self._fresh_tokens: dict[int, FloatArray] = {}
        self._merging = threading.Lock()

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
        """The columns of a word's known n-grams (one per occurrence)."""
        import numpy as np

        index = self._chars
        return np.array([c for c in map(index.get, grams(word)) if c is not None], dtype=np.int64)

    def _token(self, token: str) -> FloatArray:
        """A token's character-block vector over the heads, and its squared length last."""
        import numpy as np

        columns = self._word_columns(token)
        found = np.zeros(self._coef_t.shape[1] + 1)
        if len(columns):
            found[:-1] = self._idf[columns].astype(np.float64) @ self._coef_t[columns].astype(np.float64)
            distinct, counts = np.unique(columns, return_counts=True)
            found[-1] = np.sum((counts * self._idf[distinct].astype(np.float64)) ** 2)
        return found

    def _token_rows(self, tokens: list[str], keys: IntArray) -> FloatArray:
        """The rows (see `_token`) of the tokens whose hashes are `keys`: looked up in the table of tokens seen
        before, the others worked out now and kept for the next messages."""
        import numpy as np

        table_keys, table_rows = self._token_table
        if len(table_keys):
            where = table_keys.searchsorted(keys)
            where[where == len(table_keys)] = 0
            rows = table_rows[where]
            missing = (table_keys[where] != keys).nonzero()[0]
        else:
            rows = np.empty((len(keys), self._coef_t.shape[1] + 1))
            missing = np.arange(len(keys))
        if len(missing):
            by_key = {hash(token): token for token in tokens}
            fresh = self._fresh_tokens
            for i in missing.tolist():
                key = int(keys[i])
                row = fresh.get(key)
                if row is None:
                    row = fresh[key] = self._token(by_key[key])
                rows[i] = row
            if len(fresh) >= _FRESH_TOKENS:
                self._keep_fresh_tokens()
        return rows

    def _keep_fresh_tokens(self) -> None:
        """Merge the tokens worked out lately into the table (the whole table replaced at once: a reading in another
        thread keeps the one it holds); past `_KEPT_TOKENS` the table starts again from the latest."""
        import numpy as np

        with self._merging:
            fresh, self._fresh_tokens = self._fresh_tokens, {}
            if not fresh:
                return
            keys, rows = self._token_table
            if len(keys) + len(fresh) > _KEPT_TOKENS:
                keys, rows = keys[:0], rows[:0]
            keys = np.concatenate([keys, np.fromiter(fresh, np.int64, len(fresh))])
            rows = np.vstack([rows, np.array(list(fresh.values()))])
            order = np.argsort(keys, kind="stable")
            self._token_table = (keys[order], rows[order])

    def scores(self, text: str, plain: str | None = None) -> FloatArray:
        """The raw score of each head (the moods in `classes` order, then the matters). `plain` is the text already
        folded, if at hand."""
        import numpy as np

        plain = Text.of(text).folded if plain is None else plain
        result: FloatArray = self._intercept.astype(np.float64)
        tokens = plain.split()
        if tokens:
            counted = Counter(tokens)
            keys = np.fromiter(map(hash, counted), np.int64, len(counted))
            rows = self._token_rows(tokens, keys)
            weights = np.log(np.fromiter(counted.values(), np.float64, len(counted))) + 1.0
            square = float(np.dot(weights * weights, rows[:, -1]))
            if square:
                result += weights @ rows[:, :-1] / math.sqrt(square)
        words = _WORD.findall(plain)
        if words and len(self._word_keys):
            named: Counter[str | tuple[str, str]] = Counter(words)
            named.update(pairwise(words))
            keys = np.fromiter(map(hash, named), np.int64, len(named))
            where = self._word_keys.searchsorted(keys)
            where[where == len(self._word_keys)] = 0  # past the last key: no such feature
            columns = np.where(self._word_keys[where] == keys, self._word_columns_by_key[where], self._unknown)
            values = (np.log(np.fromiter(named.values(), np.float64, len(named))) + 1.0) * self._idf[columns]
            square = float(np.dot(values, values))
            if square:
                result += values @ self._coef_t[columns] / math.sqrt(square)
        return result

    def guess(self, text: str, plain: str | None = None, lean: tuple[Sentiment, float] | None = None) -> MoodGuess:
        """The mood of `text`, and each matter's probability. `lean` = (mood, weight) adds `weight` to that mood's
        log-odds: another reader's opinion, as a product of experts (the probabilities are the model's own, before
        the lean). `plain` is the text already folded by the reader (`Text.folded`), if at hand."""
        every = self.scores(text, plain).tolist()
        scores = every[:len(self.classes)]
        top = max(scores)
        exp = [math.exp(score - top) for score in scores]
        total = sum(exp)
        if lean is not None and lean[0] in self.classes:
            scores[self.classes.index(lean[0])] += lean[1]
        order = sorted(range(len(scores)), key=lambda i: -scores[i])  # stable: a tie keeps the classes' order
        ranked = tuple(self.classes[i] for i in order)
        matters = {name: _sigmoid(score)
                   for name, score in zip(self.matter_names, every[len(self.classes):], strict=True)}
        return MoodGuess(ranked[0], {c: e / total for c, e in zip(self.classes, exp, strict=True)}, ranked, matters)

    def telling_words(self, text: str, mood: Sentiment, limit: int = 2) -> tuple[str, ...]:
        """The stretches of the message that weigh most towards `mood` against calm: the evidence of a mood no
        phrase of the lexicon stands behind."""
        if mood == Sentiment.CALM or mood not in self.classes or Sentiment.CALM not in self.classes:
            return ()
        return self._telling(text, {self.classes.index(mood): 1.0, self.classes.index(Sentiment.CALM): -1.0}, limit)

    def telling_matter(self, text: str, matter: str, limit: int = 2) -> tuple[str, ...]:
        """The stretches of the message that weigh most towards `matter`: the evidence of a matter the model found."""
        if matter not in self.matter_names:
            return ()
        return self._telling(text, {len(self.classes) + self.matter_names.index(matter): 1.0}, limit)

    def _telling(self, text: str, heads: dict[int, float], limit: int) -> tuple[str, ...]:
        """The stretches of `text`, as written (up to `_SPAN` words within a sentence), whose words weigh most by
        `heads` (a weight for some of the heads). A word weighs what its known n-grams and itself add to the score,
        before the message's scaling (the same for every word of it)."""
        import numpy as np

        by_head = np.zeros(self._coef_t.shape[1])
        for head, weight in heads.items():
            by_head[head] = weight
        spans: list[tuple[float, str]] = []
        for sentence in _SENTENCE.split(text):
            raw = sentence.split()
            if not raw:
                continue
            weighed = self._weights([Text.of(word).folded for word in raw], by_head)
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

    def _weights(self, words: list[str], by_head: FloatArray) -> list[float]:
        """What each folded word adds towards the heads weighted `by_head`: its known n-grams and itself, each by its
        idf."""
        import numpy as np

        rows = self._token_rows(words, np.fromiter(map(hash, words), np.int64, len(words)))
        index, unknown = self._words, self._unknown
        columns = np.fromiter((index.get(word.strip(_EDGE), unknown) for word in words), np.int64, len(words))
        weighed = rows[:, :-1] @ by_head + self._idf[columns] * (self._coef_t[columns] @ by_head)
        result: list[float] = weighed.tolist()
        return result


def _sigmoid(score: float) -> float:
    if score >= 0:
        return 1.0 / (1.0 + math.exp(-score))
    odds = math.exp(score)
    return odds / (1.0 + odds)


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
