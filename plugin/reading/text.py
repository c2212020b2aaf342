"""The text as the reader sees it: folded (lower case, no accents) with a way back to the words as written, cut
into sentences and clauses, with the shouted words (ALL CAPS) counted outside pasted logs.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

from plugin.keywords import fold

_WORD = re.compile(r"\w+")
# A stretch of text a cue can match within: words, spaces, hyphens, apostrophes, slashes, quotes and the dots inside
# a name ("consumidor.gov") and the commas inside a number ("2,300"); a line break or other punctuation ends it.
_SEGMENT = re.compile(r"(?:[\w \t\-'/\"«»“”]|\.(?=\w)|(?<=\d),(?=\d))+")
# The dot of an abbreviation before a number ("Art. 15 DSGVO", "n. 2024/1187", "Nr. 4471") is read as a space (the
# same length, so offsets hold), so it neither ends a sentence nor keeps a cue from matching across it.
_ABBREVIATION = re.compile(r"\b(art|nr|no|n|abs|num|ref|vol|par|p)\.(?=\s*\d)")
_SHORT = 3  # words shorter than this are indexed whole, not by their beginnings
_SENTENCE_END = re.compile(r"[.!?;\n]+")
_CLAUSE_END = re.compile(r"[.!?;:,()\n\"«»“”]+|\s[-–—]\s")
# A line of a pasted log or trace: a timestamp, a log level, a key=value pair, a stack frame or an HTTP verb.
_LOG_LINE = re.compile(
    r"^\s*(?:\[?\d{1,4}[-:/.]\d{1,2}|\[[^\]]*\]|at\s+[\w.$]+\(|\S+\.\S+:\d+|(?:GET|POST|PUT|PATCH|DELETE)\s+/)"
    r"|\b(?:ERROR|WARN|WARNING|FATAL|INFO|DEBUG|TRACE|CRITICAL|PANIC)\b[:\] ]|\w+=\S|->|\{\"",
)
_CAPS_WORD = re.compile(r"(?<![\w\-])[^\W\d_]{4,}(?![\w\-])")
# Four letters in a row none of which is a small letter of the Latin-1 range: every shouted word holds such a run.
_UPPER_RUN = re.compile(r"[^\W\d_a-zß-öø-ÿ]{4}")
_VOWELS = frozenset("AEIOUYÄÖÜÀÂÉÈÊËÎÏÔÙÛÁÍÓÚÃÕ")
# Where a forwarded or quoted message begins (in folded text): what follows is someone else's words, not the
# customer's ("Your invoice is overdue - final notice" in a phishing mail the customer forwards to ask about it).
_QUOTE_HEADER = re.compile(
    r"^[ \t>]*(?:-{2,}[ \t]*(?:forwarded message|original message|message transfere|message d'origine|"
    r"weitergeleitete nachricht|ursprungliche nachricht|mensaje reenviado|mensaje original|messaggio inoltrato|"
    r"messaggio originale|mensagem encaminhada|mensagem original)|begin forwarded message|debut du message reexpedie|"
    r"(?:on|le|am|el|il|em) [^\n]{4,100} (?:wrote|a ecrit|schrieb|escribio|ha scritto|escreveu)[ \t]*:)",
    re.MULTILINE)
_QUOTED_LINE = re.compile(r"^[ \t]*>[^\n]*", re.MULTILINE)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """One character as `plugin.keywords.fold` folds it (folding a text character by character gives the same)."""
    decomposed = unicodedata.normalize("NFKD", ch.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("œ", "oe").replace("æ", "ae").replace("’", "'")


_FOLDED: dict[int, str] = {}  # each character met so far, folded (see `_fold_char`), for `str.translate`
_KEPT_CHARACTERS = 1 << 16


def _fold(text: str) -> str:
    """`text` folded character by character: "".join(map(_fold_char, text)), by one `str.translate`."""
    global _FOLDED
    table = _FOLDED
    new = {ord(ch) for ch in set(text)} - table.keys()
    if new:
        if len(table) + len(new) > _KEPT_CHARACTERS:  # a new table: a reading in another thread keeps its own
            table = _FOLDED = {}
            new = {ord(ch) for ch in set(text)}
        table.update((code, _fold_char(chr(code))) for code in new)
    return text.translate(table)


@dataclass(frozen=True)
class Text:
    """One message: `original` as written, `folded` for matching (see `plugin.keywords.fold`)."""

    original: str
    folded: str

    @classmethod
    def of(cls, text: str) -> Text:
        folded = text.lower() if text.isascii() else _fold(text)
        if "." in folded:
            folded = _ABBREVIATION.sub(r"\1 ", folded)
        return cls(text, folded)

    @cached_property
    def _offsets(self) -> list[int] | None:
        """For each folded character, the index of the original character it came from (None: the same index)."""
        if len(self.folded) == len(self.original):
            return None
        offsets: list[int] = []
        for index, ch in enumerate(self.original):
            offsets.extend([index] * len(_fold_char(ch)))
        offsets.append(len(self.original))
        return offsets

    def as_written(self, start: int, end: int) -> str:
        """The original words behind folded[start:end]."""
        offsets = self._offsets
        if offsets is None:
            return self.original[start:end]
        return self.original[offsets[min(start, len(offsets) - 1)]:offsets[min(end, len(offsets) - 1)]]

    @cached_property
    def segments(self) -> tuple[tuple[int, int, frozenset[str]], ...]:
        """The stretches of the folded text a cue can match within (see `_SEGMENT`), each with its words."""
        out = []
        folded = self.folded
        for match in _SEGMENT.finditer(folded):
            start, end = match.span()
            words = frozenset(_WORD.findall(folded, start, end))
            if words:
                out.append((start, end, words))
        return tuple(out)

    @cached_property
    def quoted(self) -> tuple[tuple[int, int], ...]:
        """The spans of the folded text that quote or forward someone else's message: lines that begin with ">",
        and everything from a forward or reply header ("---------- Forwarded message", "On ... wrote:") on."""
        spans = [m.span() for m in _QUOTED_LINE.finditer(self.folded)]
        header = _QUOTE_HEADER.search(self.folded)
        if header:
            spans.append((header.start(), len(self.folded)))
        return tuple(spans)

    def is_quoted(self, start: int) -> bool:
        return any(begin <= start < end for begin, end in self.quoted)

    def sentence_around(self, start: int, end: int) -> tuple[int, int]:
        """The bounds of the sentence holding folded[start:end]."""
        return self._sentence_ends.around(start, end)

    def clause_before(self, start: int) -> str:
        """The folded text from the start of the clause that holds `start`, up to `start`."""
        begin, _ = self._clause_ends.around(start, start)
        return self.folded[begin:start]

    def clause_after(self, end: int) -> str:
        _, finish = self._clause_ends.around(end, end)
        return self.folded[end:finish]

    @cached_property
    def _sentence_ends(self) -> _Ends:
        return _Ends(self.folded, _SENTENCE_END)

    @cached_property
    def _clause_ends(self) -> _Ends:
        return _Ends(self.folded, _CLAUSE_END)

    @cached_property
    def shouted(self) -> tuple[str, ...]:
        """Words of four letters or more written in capitals, outside lines that look like a pasted log."""
        if not _UPPER_RUN.search(self.original) or not any(
                w.isupper() and _spoken(w) for w in _CAPS_WORD.findall(self.original)):
            return ()  # most messages: no four letters in a row that could be capitals, or only acronyms
        out: list[str] = []
        for line in self.original.splitlines():
            if not any(c.isupper() for c in line) or _LOG_LINE.search(line) or line.lstrip().startswith(">"):
                continue
            if ("--" in line or line.rstrip().endswith(":") or "orward" in line) and _QUOTE_HEADER.match(fold(line)):
                break  # a forwarded or quoted message begins
            out.extend(w for w in _CAPS_WORD.findall(line) if w.isupper() and _spoken(w))
        return tuple(out)


def _spoken(word: str) -> bool:
    """A word in capitals that is shouted, not an acronym ("GDPR", "DSGVO", "HTTP"): two vowels or more, and at
    least one letter in three a vowel."""
    vowels = sum(ch in _VOWELS for ch in word)
    return vowels >= 2 and vowels * 3 >= len(word)


def beginnings(word: str) -> frozenset[str]:
    """A word's beginnings of 3 to 8 characters, or the word whole when shorter than 3: what cues are indexed by."""
    if len(word) < _SHORT:
        return frozenset((word,))
    return frozenset(word[:n] for n in range(_SHORT, min(len(word), 8) + 1))


def _bounds(text: str, ends: re.Pattern[str], start: int, end: int) -> tuple[int, int]:
    begin = 0
    for match in ends.finditer(text, 0, start):
        begin = match.end()
    after = ends.search(text, end)
    return begin, after.start() if after else len(text)


class _Ends:
    """Where sentences or clauses end in a text, found once: the bounds around a stretch by bisection, as `_bounds`
    gives them (which it still does where an end straddles the stretch's edge)."""

    def __init__(self, text: str, ends: re.Pattern[str]) -> None:
        self._text, self._pattern = text, ends
        spans = [match.span() for match in ends.finditer(text)]
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]

    def around(self, start: int, end: int) -> tuple[int, int]:
        starts, ends = self._starts, self._ends
        before = bisect_right(ends, start)  # the ends that finish by `start`
        after = bisect_left(starts, end)  # the first that begins at `end` or later
        straddles = (before < len(starts) and starts[before] < start) or (after and ends[after - 1] > end)
        if straddles:
            return _bounds(self._text, self._pattern, start, end)
        return (ends[before - 1] if before else 0), (starts[after] if after < len(starts) else len(self._text))
