"""The little language the lexicons are written in, compiled once into regular expressions over folded text.

A cue is a phrase of words separated by spaces, matched as whole words ignoring case and accents:

- `word*` ends with any letters (`furious*` matches "furious" and "furiously"); `#` is a number; `?` makes the
  letter before it optional (`refunds?`); `[sz]` is one of these letters (`authori[sz]ed`);
- `(a|b c|d)` is one of several words or phrases, `(...)?` an optional one; a group written against the next
  word or group (`(the )?court`) is the same as with a space between;
- `..` stands for up to three other words of the same clause, `...` for up to six (`... ..` for up to nine);
- an apostrophe may be left out by the writer ("can't" also matches "cant"); a space also matches a hyphen.

Each cue is indexed by one word it cannot match without (its anchor: the word whole when the cue writes it plainly,
its beginning when the word is a pattern), and knows the anchors of the other words it needs: reading a message only
tries a cue on the stretches of text that hold one of each.
That keeps a reading well under a millisecond.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from plugin.keywords import fold
from plugin.reading.text import Text, beginnings

# Between two words: spaces, tabs, hyphens, quotes ("showing "503"), nothing before an apostrophe ("i'll"); never a
# line break, so a cue stays within a line.
_SEP = r"(?:[ \t\-\"«»“”]+|(?='))"
_GAP_WORD = r"[\w'/\"«»“”]+(?:\.\w+|(?<=\d),\d+)*"  # a word, a name with dots in it ("www.example.fr"), "2,300"
_ANCHOR_MIN, _ANCHOR_MAX = 3, 8
_GLUED = re.compile(r"\)(\??)(?=[\w(#'])")
WHOLE = "="  # an anchor that is a whole word, not a word's beginning
_KEPT_WORDS = 16384  # words whose cues each cue set remembers (forgotten all at once past this)


class PatternError(ValueError):
    """A cue that is not valid in the lexicon language, with the cue quoted."""


@dataclass(frozen=True)
class _Item:
    regex: str
    optional: bool = False
    gap: int = 0  # > 0: a gap of up to this many words, no regex of its own
    anchors: frozenset[str] | None = None  # the word beginnings one of which the item needs; None: unanchorable


def _split(text: str, sep: str) -> list[str]:
    """`text` split on `sep` outside parentheses."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise PatternError(f"unbalanced parentheses in {text!r}")
        if ch == sep and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    if depth:
        raise PatternError(f"unbalanced parentheses in {text!r}")
    parts.append("".join(current))
    return parts


def _word(token: str) -> _Item:
    regex: list[str] = []
    literal: list[str] = []
    open_prefix = True
    in_class = False
    for ch in token:
        if in_class:
            regex[-1] += re.escape(ch) if ch != "]" else "]"
            in_class = ch != "]"
        elif ch == "[":
            regex.append("[")
            in_class, open_prefix = True, False
        elif ch == "?" and regex:
            regex.append("?")
            if open_prefix and literal:
                literal.pop()
            open_prefix = False
        elif ch == "*":
            regex.append(r"\w*")
            open_prefix = False
        elif ch == "#":
            regex.append(r"\d+")
            open_prefix = False
        elif ch == "'":
            regex.append("'?")
            open_prefix = False
        else:
            regex.append(re.escape(ch))
            if open_prefix:
                literal.append(ch)
    word = "".join(literal)
    prefix = word[:_ANCHOR_MAX]
    anchors: frozenset[str] | None = None
    if open_prefix and word.isalnum():
        anchors = frozenset({WHOLE + word})  # a plain word: the text must hold it whole ("will", not "willing")
    elif len(prefix) >= _ANCHOR_MIN and prefix.isalnum():
        anchors = frozenset({prefix})
    return _Item("".join(regex), anchors=anchors)


def _group(token: str, common: frozenset[str]) -> _Item:
    optional = token.endswith("?")
    body = token[1:-2] if optional else token[1:-1]
    alternatives = [_sequence(alt.strip(), common)[:2] for alt in _split(body, "|")]
    anchors: set[str] | None = set()
    for _, alt_anchors in alternatives:
        if alt_anchors is None or anchors is None:
            anchors = None
        else:
            anchors |= alt_anchors
    regex = "(?:" + "|".join(rx for rx, _ in alternatives) + ")"
    return _Item(regex, optional, anchors=frozenset(anchors) if anchors is not None else None)


def _sequence(text: str, common: frozenset[str] = frozenset()
              ) -> tuple[str, frozenset[str] | None, tuple[frozenset[str], ...]]:
    """The regex of a phrase, the anchors of its best mandatory item (None when none can anchor it): the item whose
    words are rarest (none of them `common`), then longest; and the anchors of each other mandatory item (a text
    without one of each cannot match)."""
    items: list[_Item] = []
    spaced = _GLUED.sub(r")\1 ", text.replace("-", " "))
    for token in (t for t in _split(spaced, " ") if t):
        if token in ("..", "..."):
            items.append(_Item("", gap=3 if token == ".." else 6))
        elif token.startswith("("):
            if not (token.endswith(")") or token.endswith(")?")):
                raise PatternError(f"text after a closing parenthesis in {text!r}")
            items.append(_group(token, common))
        else:
            items.append(_word(token))
    if not items or all(i.gap for i in items):
        raise PatternError(f"empty cue {text!r}")
    out, need_sep, gap = [], False, 0
    for item in items:
        if item.gap:
            gap += item.gap
            continue
        sep = "" if not need_sep else (_SEP if not gap else rf"(?:{_SEP}{_GAP_WORD}){{0,{gap}}}{_SEP}")
        if item.optional and need_sep:
            out.append(f"(?:{sep}{item.regex})?")
        elif item.optional:
            out.append(f"(?:{item.regex}{_SEP})?")
        else:
            out.append(sep + item.regex)
            need_sep = True
        gap = 0
    if gap and need_sep:  # a gap that ends a group's alternative ("none of our .. ") reaches into the next words
        out.append(rf"(?:{_SEP}{_GAP_WORD}){{0,{gap}}}")
    candidates = [i.anchors for i in items if not i.gap and not i.optional and i.anchors is not None]
    best = max(candidates, key=lambda a: (not {x.removeprefix(WHOLE) for x in a} & common, -len(a),
                                          min(len(x.removeprefix(WHOLE)) for x in a)), default=None)
    others = [a for a in candidates if a is not best]
    return "".join(out), best, tuple(dict.fromkeys(others))


@dataclass(frozen=True)
class Cue:
    """A cue of a lexicon. Its regular expression is compiled the first time a text holds its anchor: a process
    that starts (a restart after a crash included) does not spend seconds compiling a thousand cues up front."""

    category: str
    pattern: str  # as the lexicon writes it
    source: str  # the regular expression
    needs: tuple[frozenset[str], ...] = ()  # besides its anchor, the anchors of each other word it needs (one each)

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.pattern, self.source)


def _compiled(pattern: str, source: str) -> re.Pattern[str]:
    try:
        return re.compile(source)
    except re.error as exc:
        raise PatternError(f"cue {pattern!r} does not compile: {exc}") from None


@dataclass(frozen=True)
class Hit:
    """One cue found in a text: its category, where (in the folded text) and the words as the customer wrote them."""

    category: str
    start: int
    end: int
    phrase: str
    cue: str


def compile_cue(category: str, pattern: str, common: frozenset[str] = frozenset(), *, lazy: bool = False
                ) -> tuple[Cue, frozenset[str] | None]:
    """A cue translated, and the word beginnings to index it by (`common` words are the last choice). Its regular
    expression is compiled now (so an invalid cue of an admin's is refused at once), or with `lazy` (the built-in
    lexicons, whose every cue the tests compile) at its first use."""
    regex, anchors, needs = _sequence(fold(pattern).strip(), common)
    cue = Cue(category, pattern, regex + r"(?!\w)(?!-\w)", needs)
    if not lazy:
        _ = cue.regex
    return cue, anchors


def _free_on_the_left(folded: str, start: int) -> bool:
    """Not inside a word, nor joined to one by a hyphen ("down" is not found in "drop-down")."""
    if start == 0:
        return True
    before = folded[start - 1]
    if before.isalnum() or before == "_":
        return False
    return not (before == "-" and start >= 2 and (folded[start - 2].isalnum()))


class CueSet:
    """Many cues by category, indexed by anchor; `find` returns every hit in a text. Several sets joined into one
    (`joined`) read a text once and say which set each hit came from (`find_parts`)."""

    def __init__(self, lexicon: Mapping[str, Iterable[str]], common: frozenset[str] = frozenset(), *,
                 lazy: bool = False) -> None:
        cues: list[Cue] = []
        by_anchor: dict[str, list[int]] = {}
        always: list[int] = []
        for category, patterns in lexicon.items():
            for pattern in patterns:
                cue, anchors = compile_cue(category, pattern, common, lazy=lazy)
                index = len(cues)
                cues.append(cue)
                if anchors is None:
                    always.append(index)
                for anchor in anchors or ():
                    by_anchor.setdefault(anchor, []).append(index)
        self._index(cues, by_anchor, always, [0] * len(cues), 1)

    def _index(self, cues: list[Cue], by_anchor: dict[str, list[int]], always: list[int], parts: list[int],
               count: int) -> None:
        self._cues = cues
        self._by_anchor = by_anchor
        self._always = always
        self._parts = parts  # for each cue, the set it came from
        self._count = count  # how many sets were joined (`find_parts` gives a list for each)
        self._anchors = frozenset(by_anchor)
        self._needs = [cue.needs for cue in cues]
        self._needed = frozenset().union(*(need for cue in cues for need in cue.needs))
        self._words: dict[str, tuple[tuple[int, ...], frozenset[str]]] = {}

    @classmethod
    def joined(cls, sets: Sequence[CueSet]) -> CueSet:
        """One set of the cues of `sets`, whose `find_parts` gives one list of hits per set, in their order."""
        cues: list[Cue] = []
        by_anchor: dict[str, list[int]] = {}
        always: list[int] = []
        parts: list[int] = []
        for part, one in enumerate(sets):
            offset = len(cues)
            cues += one._cues
            parts += [part] * len(one._cues)
            always += [offset + i for i in one._always]
            for anchor, indices in one._by_anchor.items():
                by_anchor.setdefault(anchor, []).extend(offset + i for i in indices)
        out = cls.__new__(cls)
        out._index(cues, by_anchor, always, parts, len(sets))
        return out

    def __len__(self) -> int:
        return len(self._cues)

    def compile_all(self) -> None:
        """Compile every cue now (raises PatternError on the first that does not compile)."""
        for cue in self._cues:
            _ = cue.regex

    @property
    def unanchored(self) -> list[str]:
        return [self._cues[i].pattern for i in self._always]

    def _word(self, word: str) -> tuple[tuple[int, ...], frozenset[str]]:
        """The cues a word holds the anchor of, and the anchors it gives that other cues need; once per word."""
        starts = beginnings(word) | {WHOLE + word}
        by_anchor = self._by_anchor
        found = (tuple(sorted({i for anchor in starts & self._anchors for i in by_anchor[anchor]})),
                 starts & self._needed or _NOTHING)
        if len(self._words) >= _KEPT_WORDS:
            self._words = {}  # a reading in another thread keeps the dict it holds
        self._words[word] = found
        return found

    def find(self, text: Text) -> list[Hit]:
        """Every hit of every cue in `text`."""
        return [hit for part in self.find_parts(text) for hit in part]

    def find_parts(self, text: Text) -> list[list[Hit]]:
        """Every hit of every cue in `text`, one list for each set joined (see `joined`). A cue is tried only on the
        stretches of text (see `Text.segments`) that hold its anchor and an anchor of each other word it needs,
        since no cue reaches across a line break or punctuation."""
        found: list[list[Hit]] = [[] for _ in range(self._count)]
        always, cues, parts, needs = self._always, self._cues, self._parts, self._needs
        for start, end, words in text.segments:
            known = self._words
            candidates: set[int] = set(always)
            given: set[str] = set()
            for word in words:
                entry = known.get(word)
                triggered, gives = entry if entry is not None else self._word(word)
                if triggered:
                    candidates.update(triggered)
                if gives:
                    given |= gives
            for index in sorted(candidates):
                for need in needs[index]:
                    if need.isdisjoint(given):
                        break
                else:
                    found[parts[index]] += _found(cues[index], text, start, end)
        return found


_NOTHING: frozenset[str] = frozenset()


def _found(cue: Cue, text: Text, start: int, end: int) -> list[Hit]:
    """The hits of one cue in folded[start:end]."""
    hits = []
    folded = text.folded
    for match in cue.regex.finditer(folded, start, end):
        begin, finish = match.span()
        if finish > begin and _free_on_the_left(folded, begin):
            hits.append(Hit(cue.category, begin, finish, text.as_written(begin, finish), cue.pattern))
    return hits
