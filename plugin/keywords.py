"""Keyword and phrase matching: whole words, ignoring case and accents ("Inacceptable" matches "inacceptable",
"procès" matches "proces", "sue" does not match "issue").

A hyphenated compound is one word: "down" does not match "drop-down", nor "procès" "procès-verbal", nor "virus"
"anti-virus". The words of a phrase may be separated by spaces or hyphens: "ras le bol" matches "ras-le-bol".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping the text's length in words (é -> e, ß -> ss, œ -> oe)."""
    if text.isascii():
        return text.lower()  # nothing to decompose: the common case, kept fast
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("œ", "oe").replace("æ", "ae").replace("’", "'")


# Not inside a word, nor joined to one by a hyphen.
_BEFORE = r"(?<![\w])(?<![\w]-)"
_AFTER = r"(?![\w])(?!-[\w])"
_SEPARATOR = re.compile(r"\s*-\s*|\s+")


def _key(phrase: str) -> str:
    """A phrase with its words joined by one space, whatever separated them."""
    return " ".join(part for part in _SEPARATOR.split(phrase) if part)


@lru_cache(maxsize=256)
def _matcher(words: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, str]] | None:
    by_key: dict[str, str] = {}
    for word in words:
        folded = fold(word).strip()
        if folded:
            by_key.setdefault(_key(folded), re.sub(r"\s+", " ", folded))
    if not by_key:
        return None
    alternatives = [r"(?:\s+|\s*-\s*)".join(re.escape(p) for p in key.split(" "))
                    for key in sorted(by_key, key=len, reverse=True)]
    # Inside a lookahead, so matches may overlap: "take legal action" finds both "take legal" and "legal action".
    return re.compile(r"(?=" + _BEFORE + r"(" + "|".join(alternatives) + r")" + _AFTER + r")"), by_key


def find_keywords(text: str, words: Iterable[str]) -> list[str]:
    """The configured words found in `text`, in folded form, each once, in order of first appearance."""
    matcher = _matcher(tuple(words))
    if matcher is None or not text:
        return []
    pattern, by_key = matcher
    seen: dict[str, None] = {}
    for match in pattern.finditer(fold(text)):
        seen.setdefault(by_key[_key(match.group(1))], None)
    return list(seen)
