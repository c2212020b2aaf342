"""Which language a message is written in, from its most frequent small words (articles, pronouns, auxiliaries).

The requester's locale is a hint: it is kept unless the text clearly says otherwise, since many messages mix in
English (error logs, product names) and short ones carry few words to count.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from operator import methodcaller

from plugin.reading.text import Text

_STRIP = methodcaller("strip", ".,;:!?()[]\"'«»“”¿¡")  # a word as the stopword lists write it


@dataclass(frozen=True)
class Detected:
    language: str
    also: tuple[str, ...]  # other languages with a fair share of the small words (a mixed message)
    counts: Mapping[str, int]


@lru_cache(maxsize=8)
def _index(stopwords: tuple[tuple[str, frozenset[str]], ...]) -> dict[str, tuple[str, ...]]:
    """Each small word and the languages it belongs to."""
    index: dict[str, tuple[str, ...]] = {}
    for lang, known in stopwords:
        for word in known:
            index[word] = (*index.get(word, ()), lang)
    return index


def detect(text: Text, stopwords: Mapping[str, frozenset[str]], hint: str | None = None,
           default: str = "en") -> Detected:
    """The main language of `text` among those `stopwords` covers.

    The hint wins unless the text disagrees: two small words or more of another language and none of the hinted
    one, or three or more and not half as many of the hinted one.
    """
    counts = dict.fromkeys(stopwords, 0)
    index = _index(tuple(stopwords.items()))
    for langs in filter(None, map(index.get, map(_STRIP, text.folded.split()))):
        for lang in langs:
            counts[lang] += 1
    best = max(counts, key=lambda lang: (counts[lang], lang == hint, lang == default))
    top = counts[best]
    hint = hint if hint in stopwords else None
    disagrees = hint is not None and ((counts[hint] == 0 and top >= 2) or (top >= 3 and counts[hint] * 2 < top))
    if hint is not None and not disagrees:
        best = hint
    elif top < 2:
        best = hint or default
    also = tuple(lang for lang, n in counts.items() if lang != best and n >= 2 and n * 5 >= top * 2)
    return Detected(best, also, counts)
