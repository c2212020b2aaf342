"""Keyword and phrase matching: whole words, ignoring case and accents ("Inacceptable" matches "inacceptable",
"procès" matches "proces", "sue" does not match "issue")."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping the text's length in words (é -> e, ß -> ss, œ -> oe)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("œ", "oe").replace("æ", "ae").replace("’", "'")


@lru_cache(maxsize=256)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    alternatives = []
    for word in sorted({fold(w).strip() for w in words if w.strip()}, key=len, reverse=True):
        # Words inside a phrase may be separated by any run of spaces or punctuation-free whitespace.
        parts = [re.escape(p) for p in word.split()]
        alternatives.append(r"\s+".join(parts))
    if not alternatives:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])")


def find_keywords(text: str, words: Iterable[str]) -> list[str]:
    """The configured words found in `text`, in folded form, each once, in order of first appearance."""
    pattern = _pattern(tuple(words))
    if pattern is None or not text:
        return []
    seen: dict[str, None] = {}
    for match in pattern.finditer(fold(text)):
        seen.setdefault(re.sub(r"\s+", " ", match.group(0)), None)
    return list(seen)
