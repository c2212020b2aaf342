"""The reader: what a customer's message says about their mood and what it is about, with the phrases that
decided it.

Mood is one of calm, frustrated, angry, threatening (the most severe that fits). Words that describe the fault
("error", "crash", "down", "failed") are not mood: only cues of emotion, impatience and threat count. Matters are
legal, regulatory, media, outage, security, billing and churn; two flags say whether the customer asks for a
manager and whether they say they contacted us before.

Pure and fast: the lexicons are compiled once when the reader is built; a reading does no I/O.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from plugin.domain import Sentiment
from plugin.keywords import fold
from plugin.reading.language import detect
from plugin.reading.lexicon import LANGUAGES, MATTERS, Lexicon, common_cues, is_pair, load
from plugin.reading.mood_model import MoodModel, shipped_mood_model
from plugin.reading.patterns import CueSet, Hit
from plugin.reading.scope import after_condition, conditional, intended, negated, said_with, told_as_done
from plugin.reading.text import Text

# What a negation before the cue cancels. Not billing ("still no refund" is about billing), nor a repeat claim
# ("haven't heard back"), nor what softens a message.
_NEGATABLE = frozenset({"regulator", "redress", "platform", "lawyer", "press", "legal", "regulatory", "media", "outage",
                        "security", "churn", "anger", "frustration", "manager", "threat:legal", "threat:regulatory",
                        "threat:media", "threat:churn", "threat:billing", "threat"})
# Where a negation stops reaching ("no warning and no cancel button"), in the six languages.
_CONJUNCTIONS = frozenset("and but or et mais ou und aber oder sondern y pero sino e mas ma però o".split())
ANGER_WEIGHT = 2  # one anger cue makes a message angry; a frustration cue weighs 1
REPEAT_WEIGHT = 1  # saying they asked before weighs as a frustration cue (a "no rush" still outweighs it)
# Names that are a matter by themselves and a threat in a conditional sentence ("if ..., my lawyer", "sinon la
# presse"): a lawyer, a law firm or a court ("Our lawyer sent us the court order" is legal, not a threat); the press
# or a journalist ("I'm a reporter with The Register" is media, not a threat).
_NAMED = {"lawyer": "legal", "press": "media"}
_COUNTERED_AS = {"lawyer": "legal", "press": "media", "platform": "media", "regulator": "regulatory",
                 "redress": "regulatory"}
# The categories that feed a threat's matter: replacing the built-in `threat:legal` cues drops these too.
_FAMILY = {"lawyer": "threat:legal", "legal": "threat:legal", "press": "threat:media", "platform": "threat:media",
           "media": "threat:media", "regulator": "threat:regulatory", "redress": "threat:regulatory",
           "regulatory": "threat:regulatory"}
ANGRY_AT = 2
# Without a locale, a message with fewer small words of one language than this is read with every lexicon (an English
# message with two of its own small words is English: "Our antivirus flags your installer" is not read as French).
_SURE_AT = 2
FRUSTRATED_AT = 1


# The kinds of evidence behind each mood; "mood" is the learned model's phrase when no cue of the lexicon says it.
_MOOD_KINDS: dict[Sentiment, tuple[str, ...]] = {
    Sentiment.THREATENING: ("threat:legal", "threat:regulatory", "threat:media", "threat:churn", "threat:billing",
                            "threat", "anger", "sarcasm", "shouting", "mood"),
    Sentiment.ANGRY: ("anger", "sarcasm", "shouting", "mood"),
    Sentiment.FRUSTRATED: ("frustration", "anger", "shouting", "repeat", "mood"),
}
# How far the learned mood leans towards the lexicon's: the lexicon's mood gets e^1.5 (about 4.5) times its odds.
# The model is sure of itself on whole messages and unsure on one short line, where a phrase the lexicon lists
# ("Il mio avvocato vi contatterà", "Thanks for nothing") settles it. Chosen on held-out sets (docs/reading.md).
LEXICON_WEIGHT = 1.5
# How sure the model must be of a matter the lexicon did not find, each matter by its own logistic head; a matter
# not named here is never added by the model. `tests/benchmarks/train_mood.py --cross` reads every labeled set with
# a model that never saw it and prints, for each matter and threshold, how many matters the model adds and how many
# of those are right; the threshold is the lowest at which they are right as often as the lexicon's own (billing:
# 51 of 59 at 0.7, where the lexicon is right 82 % of the time; churn: 9 of 9 at 0.95). The threat and incident
# matters (legal, regulatory, media, outage, security) are not added, whatever their heads say: each escalates a
# ticket by itself (Tier 4, or Critical and a page), the heads add one to two points of recall at the thresholds
# where they are as precise as the lexicon, and those figures come from sets where each matter is one message in
# seven, where a real queue of password questions and how-tos has far fewer: "Password / How do I change my
# password?" is security to its head (85 %).
MATTER_AT: Mapping[str, float] = {"billing": 0.7, "churn": 0.95}
_SEVERITY = {Sentiment.CALM: 0, Sentiment.FRUSTRATED: 1, Sentiment.ANGRY: 2, Sentiment.THREATENING: 3}


@dataclass(frozen=True)
class Evidence:
    """A phrase as the customer wrote it, and what it is evidence of (a matter, a mood cue, a flag)."""

    kind: str
    phrase: str


@dataclass(frozen=True)
class Reading:
    mood: Sentiment
    matters: tuple[str, ...]
    language: str
    requests_manager: bool = False
    repeat_claim: bool = False
    evidence: tuple[Evidence, ...] = ()
    phrase_mood: Sentiment | None = None  # the lexicon's own mood, when a learned model gave `mood`

    @property
    def lexicon_mood(self) -> Sentiment:
        """The mood the phrases alone give (`reading.mood: lexicon`)."""
        return self.phrase_mood or self.mood

    def phrases(self, *kinds: str) -> tuple[str, ...]:
        """The phrases behind these kinds, each once, in the order the customer wrote them. A matter's phrases
        include its threats (`legal` also returns what `threat:legal` found)."""
        wanted = set(kinds) | {f"threat:{k}" for k in kinds if k in MATTERS}
        seen: dict[str, None] = {}
        for item in self.evidence:
            if item.kind in wanted:
                seen.setdefault(item.phrase, None)
        return tuple(seen)

    @cached_property
    def mood_evidence(self) -> tuple[str, ...]:
        """The phrases behind the mood (worked out once per reading: a reading is kept and asked again)."""
        kinds = _MOOD_KINDS.get(self.mood, ())
        return self.phrases(*kinds)

    def as_json(self) -> dict[str, Any]:
        return {"mood": self.mood.value, "matters": list(self.matters), "lang": self.language,
                "requests_manager": self.requests_manager, "repeat_claim": self.repeat_claim,
                "evidence": [{"kind": e.kind, "phrase": e.phrase} for e in self.evidence]}


@dataclass(frozen=True)
class _Scope:
    """The small words of a language that negate a cue, that turn a negation into emphasis, and that a negation
    reaches across."""

    negators: frozenset[str]
    intensifiers: frozenset[str]
    bridges: frozenset[str]

    @classmethod
    def union(cls, scopes: Sequence[_Scope]) -> _Scope:
        return cls(frozenset().union(*(s.negators for s in scopes)),
                   frozenset().union(*(s.intensifiers for s in scopes)),
                   frozenset().union(*(s.bridges for s in scopes)))

    def negates(self, message: Text, hit: Hit) -> bool:
        return negated(message, hit, self.negators, self.intensifiers, _CONJUNCTIONS, self.bridges)


@dataclass(frozen=True)
class CustomCues:
    """An admin's own phrases by reading category, and the categories whose built-in cues they replace."""

    cues: CueSet
    replaced: frozenset[str] = field(default_factory=frozenset)


@lru_cache(maxsize=32)
def _custom(phrases: tuple[tuple[str, tuple[str, ...]], ...], replaced: frozenset[str]) -> CustomCues:
    literal = {category: [_literal(p) for p in words] for category, words in phrases}
    return CustomCues(CueSet({c: [p for p in words if p] for c, words in literal.items()}), replaced)


def _literal(phrase: str) -> str:
    """An admin's phrase as a cue that matches exactly those words (no pattern syntax)."""
    words = "".join(ch if ch.isalnum() or ch in " '" else " " for ch in fold(phrase))
    return " ".join(words.split())


def custom_cues(phrases: Mapping[str, Iterable[str]], replaced: Iterable[str] = ()) -> CustomCues:
    """Cues from plain phrases (matched as whole words, ignoring case and accents), cached by content."""
    key = tuple(sorted((c, tuple(words)) for c, words in phrases.items()))
    return _custom(key, frozenset(replaced))


class Reader:
    """Reads messages in English, French, German, Spanish, Portuguese and Italian."""

    def __init__(self, languages: Sequence[str] = LANGUAGES,
                 mood_model: MoodModel | Callable[[], MoodModel] | None = None,
                 matter_at: Mapping[str, float] = MATTER_AT) -> None:
        """`mood_model` gives the mood when set (the lexicon still finds the matters, flags and evidence); without
        one the mood is the lexicon's. A callable is called once, at the first reading that needs the model.
        `matter_at`: how sure the model must be to add each matter the lexicon did not find."""
        self._mood_model = mood_model
        self._matter_at = dict(matter_at)
        self._lexicons: dict[str, Lexicon] = {lang: load(lang) for lang in languages}
        # Cues are indexed by their rarest word: "the", "you" or "pas" would make every message try them.
        frequent = frozenset().union(*(lex.stopwords | lex.bridges | lex.negators for lex in self._lexicons.values()))
        # Each language's cues are translated when a message in it first comes, and each cue is compiled when its
        # anchor first shows up: a (re)starting process is ready in a fraction of a second, not several seconds.
        self._frequent = frequent
        self._cue_sets: dict[str, CueSet] = {}
        self._joined_sets: dict[tuple[str, ...], CueSet] = {}  # a few: the languages messages come in, with English
        self._building = threading.Lock()
        self._common = CueSet(common_cues(), frequent, lazy=True)
        # Only the small words that belong to one language tell languages apart ("de", "no", "que" do not).
        counts: dict[str, int] = {}
        for lex in self._lexicons.values():
            for word in lex.stopwords:
                counts[word] = counts.get(word, 0) + 1
        self._scopes = {lang: _Scope(lex.negators, lex.intensifiers, lex.bridges)
                        for lang, lex in self._lexicons.items()}
        self._stopwords = {lang: frozenset(w for w in lex.stopwords if counts[w] == 1)
                           for lang, lex in self._lexicons.items()}

    @property
    def mood_model(self) -> MoodModel | None:
        """The learned mood model (loaded now if it was given as a loader), or None for the lexicon alone."""
        model = self._mood_model
        if model is None or not callable(model):
            return model
        with self._building:
            if callable(self._mood_model):
                self._mood_model = self._mood_model()
            return self._mood_model

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._lexicons)

    def _cues(self, language: str) -> CueSet:
        found = self._cue_sets.get(language)
        if found is None:
            with self._building:
                found = self._cue_sets.get(language)
                if found is None:
                    found = CueSet(self._lexicons[language].cues, self._frequent, lazy=True)
                    self._cue_sets[language] = found
        return found

    def _joined(self, languages: tuple[str, ...]) -> CueSet:
        """The shared cues and those of `languages`, as one set: a message is read once, not once per language."""
        found = self._joined_sets.get(languages)
        if found is None:
            sets = [self._common, *(self._cues(lang) for lang in languages)]
            with self._building:
                found = self._joined_sets.get(languages)
                if found is None:
                    found = self._joined_sets[languages] = CueSet.joined(sets)
        return found

    def compile_all(self) -> int:
        """Translate and compile every built-in cue now (otherwise done at first use); the number compiled."""
        every = [*(self._cues(lang) for lang in self._lexicons), self._common]
        for cues in every:
            cues.compile_all()
        return sum(len(c) for c in every)

    def read(self, text: str, language: str | None = None, custom: CustomCues | None = None) -> Reading:
        """Read one message. `language` is the requester's locale or language code if known (a hint)."""
        message = Text.of(text)
        hint = language.replace("_", "-").split("-")[0].lower() if language else None
        detected = detect(message, self._stopwords, hint)
        if hint is None and max(detected.counts.values(), default=0) < _SURE_AT:
            languages = list(self._lexicons)  # too few words to tell: every lexicon reads it
        else:
            languages = list(dict.fromkeys([detected.language, *detected.also, "en"]))
        languages = [lang for lang in languages if lang in self._lexicons]
        confident = hint is not None or max(detected.counts.values(), default=0) >= 2
        written = [lang for lang in (detected.language, *detected.also) if lang in self._lexicons]
        # A cue is negated by the negations of its own language (English "no" is Portuguese "in the"); the shared
        # names and the team's phrases by those of the languages the message is written in, when that is clear.
        shared = self._shared_scope(tuple(written) if confident else ())
        common, *each = self._joined(tuple(languages)).find_parts(message)
        found: list[tuple[_Scope, list[Hit]]] = [(shared, common)]
        found += [(self._scopes[lang], hits) for lang, hits in zip(languages, each, strict=True)]
        replaced: frozenset[str] | set[str] = frozenset()
        if custom is not None:
            replaced = custom.replaced | {c for c in _FAMILY for r in custom.replaced if _FAMILY[c] == r}
            found = [(scope, [h for h in hits if h.category not in replaced]) for scope, hits in found]
            found.append((shared, custom.cues.find(message)))
        quoted = message.quoted
        kept = [h for scope, hits in found for h in hits
                if (h.category not in _NEGATABLE or not scope.negates(message, h))
                and not (quoted and message.is_quoted(h.start))]
        said_in = [*written, "en"] if confident else languages  # whose "if" words count
        # Complaint words are word beginnings: only the languages the message is written in lodge a complaint with
        # them (English "inform" and "report" begin Spanish "información", "reporte": no complaint there).
        complained_in = written if confident else languages
        kept = _merged(message, _without_countered(kept))
        kept.sort(key=lambda h: (h.start, -h.end))
        reading = _decide(message, kept, detected.language, self._sentence_words(tuple(said_in), tuple(complained_in)))
        if self._mood_model is None:
            return reading
        team = custom is not None and any(h.category in _TEAM_MOOD or h.category.startswith("threat")
                                          for h in found[-1][1] if h in kept)
        # Where the lexicon saw a matter's words and ruled them out (negated, quoted, countered: "I don't want to
        # cancel", "a power outage at the office"), or the team replaced its cues, the model does not add it back.
        ruled_out = {m for _, hits in found for h in hits for m in [_matter_of(h.category)] if m} - set(reading.matters)
        ruled_out |= {m for c in replaced for m in [_matter_of(c)] if m}
        return self._learned(message, reading, team, frozenset(ruled_out))

    def _learned(self, message: Text, reading: Reading, team: bool, ruled_out: frozenset[str]) -> Reading:
        """The reading with the learned model's mood, leaning towards the lexicon's (`LEXICON_WEIGHT`). The team's
        own words of anger, frustration or threat
        (config `keywords`) still raise it to the lexicon's mood; when no cue of the lexicon stands behind the
        mood, the words that weighed most for it are its evidence."""
        model = self.mood_model
        assert model is not None
        guess = model.guess(message.original, message.folded, lean=(reading.mood, LEXICON_WEIGHT))
        # A matter the model is sure of (`MATTER_AT`) and the lexicon missed is added, with the words that weighed most
        # for it, unless the lexicon saw its words and ruled them out.
        added = [m for m, p in guess.matters.items() if m in self._matter_at and p >= self._matter_at[m]
                 and m not in reading.matters and m not in ruled_out]
        matters = set(reading.matters) | set(added)
        # A threat is a threat of something: the model's "threatening" stands only when the lexicon read a threat or
        # a matter one can threaten with; "We need this fixed by Friday, our audit depends on it" is a deadline.
        threat_named = reading.mood == Sentiment.THREATENING or bool(_THREAT_MATTERS & matters)
        mood = next(m for m in guess.ranked if m != Sentiment.THREATENING or threat_named)
        if team and _SEVERITY[reading.mood] > _SEVERITY[mood]:
            mood = reading.mood
        evidence = reading.evidence
        for matter in added:
            evidence += tuple(Evidence(matter, p) for p in model.telling_matter(message.original, matter))
        kinds = _MOOD_KINDS.get(mood, ())
        if kinds and not any(e.kind in kinds for e in evidence):
            evidence += tuple(Evidence("mood", p) for p in model.telling_words(message.original, mood))
        return Reading(mood, tuple(m for m in MATTERS if m in matters), reading.language, reading.requests_manager,
                       reading.repeat_claim, evidence, phrase_mood=reading.mood)

    @lru_cache(maxsize=64)  # noqa: B019 - one reader lives for the process; the key is a few language codes
    def _shared_scope(self, languages: tuple[str, ...]) -> _Scope:
        return _Scope.union([self._scopes[lang] for lang in languages])

    @lru_cache(maxsize=64)  # noqa: B019 - one reader lives for the process; the key is a few language codes
    def _sentence_words(self, languages: tuple[str, ...], complained_in: tuple[str, ...]) -> _SentenceWords:
        lexicons = [self._lexicons[lang] for lang in languages if lang in self._lexicons]
        complaining = [self._lexicons[lang] for lang in complained_in if lang in self._lexicons]
        return _SentenceWords(
            conditions=frozenset().union(*(lex.conditions for lex in lexicons)),
            complaints=tuple(sorted({c for lex in complaining for c in lex.complaints})),
            intents=frozenset().union(*(lex.intents for lex in lexicons)),
            future_endings=tuple(sorted({e for lex in lexicons for e in lex.future_endings})),
            done=tuple(sorted({d for lex in lexicons for d in lex.done})),
            contacts=tuple(sorted({c for lex in lexicons for c in lex.contacts})),
            sequels=tuple(sorted({q for lex in lexicons for q in lex.sequels})))


@dataclass(frozen=True)
class _SentenceWords:
    """The small words of the message's languages that say how a name in a sentence is meant: under a condition,
    as a complaint, as an act announced, or as an act already done."""

    conditions: frozenset[str]
    complaints: tuple[str, ...]
    intents: frozenset[str]
    future_endings: tuple[str, ...]
    done: tuple[str, ...]
    contacts: tuple[str, ...] = ()
    sequels: tuple[str, ...] = ()

    def conditional(self, message: Text, hit: Hit) -> bool:
        """A condition in the sentence ("if ..., my lawyer"), or in the one before when this one continues it ("You
        have until Friday. After that it goes to my lawyer")."""
        return (conditional(message, hit, self.conditions)
                or (bool(self.sequels) and after_condition(message, hit, self.conditions, self.sequels)))

    def announced(self, message: Text, hit: Hit) -> bool:
        """A word of intent or of the future in the sentence ("I'll post it", "je publierai")."""
        return intended(message, hit, self.intents, self.future_endings)

    def threatened(self, message: Text, hit: Hit) -> bool:
        """Under a condition ("if ..., the video goes on TikTok") or announced ("my lawyer will call")."""
        return self.conditional(message, hit) or intended(message, hit, self.intents, self.future_endings)


def _merged(message: Text, hits: list[Hit]) -> list[Hit]:
    """Hits of one category that overlap, as one: "Toujours pas de réponse" rather than "Toujours pas" and "pas de
    réponse", "my lawyer will" rather than also "my lawyer"."""
    out: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.category, h.start)):
        last = out[-1] if out else None
        if last is not None and last.category == hit.category and hit.start < last.end:
            end = max(last.end, hit.end)
            out[-1] = Hit(last.category, last.start, end, message.as_written(last.start, end), last.cue)
        else:
            out.append(hit)
    return out


def _without_countered(hits: list[Hit]) -> list[Hit]:
    """Drop each hit that a counter-cue (`not:<category>`) overlaps: "slow but up" is not an outage."""
    counters = [h for h in hits if h.category.startswith("not:")]
    if not counters:
        return hits
    out = []
    for hit in hits:
        if hit.category.startswith("not:"):
            continue
        category = hit.category.split(":")[1] if is_pair(hit.category) else hit.category
        against = f"not:{_COUNTERED_AS.get(category, category.removeprefix('threat:'))}"
        if any(c.category == against and c.start < hit.end and hit.start < c.end for c in counters):
            continue
        out.append(hit)
    return out


def _decide(message: Text, hits: list[Hit], language: str, words: _SentenceWords) -> Reading:
    evidence: list[Evidence] = []
    matters: set[str] = set()
    threatening = False
    anger = frustration = calm = sarcasm = 0
    manager = repeat = False
    pressure = any(h.category in ("pressure", "threat") for h in hits)
    # A scam word about a phishing mail or a fake page ("Is this a scam?", "une arnaque", "Betrug") is no anger at us
    # when the message reads as a security report.
    reported = any(h.category == "security" or h.category.startswith("pair:security:") for h in hits)
    said = [(h.category.removeprefix("threat:"), h.start, h.end) for h in hits if h.category not in _COUNTERED_AS]
    halves: list[Hit] = []
    lodged = any(h.category in ("regulator", "redress") and told_as_done(message, h, words.done) for h in hits)
    for hit in hits:
        category = hit.category
        kind = category
        if category == "pressure":
            continue
        if category.startswith("pair:"):
            halves.append(hit)
            continue
        if category == "nth":  # "for the third time", "das vierte Mal": a repeat claim when they say they wrote
            if not said_with(message, hit, words.contacts):
                continue
            category = kind = "repeat"
        if category in _COUNTERED_AS and any(m == _COUNTERED_AS[category] and s < hit.end and hit.start < e
                                             for m, s, e in said):
            continue  # the name inside a phrase that already says it ("I will post this on Twitter")
        if category == "churn" and (pressure or words.conditional(message, hit)):
            kind = "threat:churn"  # "if this is not fixed by Friday, we cancel"; "our renewal is in 45 days"
        if category == "platform":
            if told_as_done(message, hit, words.done) and not words.announced(message, hit):
                kind = "media"  # "I've already tweeted about it, if you want to see": the matter, no longer a threat
            elif words.threatened(message, hit):
                kind = "threat:media"  # "if I get no apology, the video goes on TikTok"
            else:
                continue  # "our Twitter card preview", "the social media planner"
        if category in _NAMED:  # a lawyer or a court, the press: the matter, a threat when announced
            matter = _NAMED[category]
            kind = f"threat:{matter}" if words.threatened(message, hit) else matter
        if category in ("regulator", "redress"):
            if words.threatened(message, hit):
                kind = "threat:regulatory"
            elif said_with(message, hit, words.complaints) and _asks_how(message, hit):
                kind = "regulatory"  # "quelle est la procédure pour le saisir ?": a question about the way, no threat
            elif said_with(message, hit, words.complaints):  # "je signale à la DGCCRF"; "I complained to the ICO"
                # A complaint the message tells as already made, in this sentence or another ("I had turned to BaFin"
                # under a subject "Complaint - BaFin"), is the matter, not a threat.
                kind = "regulatory" if lodged else "threat:regulatory"
            elif category == "redress":
                kind = "regulatory"  # "The Financial Ombudsman upheld my complaint": the customer's own case
            else:
                continue  # "we follow the CNIL guidance", "Our FCA registration number": the customer's own compliance
        if (category in ("threat:regulatory", "threat:legal") and told_as_done(message, hit, words.done)
                and not words.threatened(message, hit)):
            # "Last month I filed a complaint with the FCC", "We have received a cease-and-desist letter", "Nous avons
            # reçu votre mise en demeure": an act done or received, the matter and no threat.
            kind = category.removeprefix("threat:")
        if category == "anger" and reported and _SCAM.search(fold(hit.phrase)):
            continue
        if kind.startswith("threat"):
            threatening = True
            matter = kind.partition(":")[2]
            if matter:
                matters.add(matter)
        elif kind in MATTERS:
            matters.add(kind)
        elif category == "anger":
            anger += 1
        elif category == "frustration":
            frustration += 1
        elif category == "calm":
            calm += 1
        elif category == "sarcasm":
            sarcasm += 1
        elif category == "manager":
            manager = True
        elif category == "repeat":
            repeat = True
        evidence.append(Evidence(kind, hit.phrase.strip()))
    for matter, pair in _paired(message, halves):
        matters.add(matter)
        evidence += [Evidence(matter, hit.phrase.strip()) for hit in pair]
    if repeat:
        frustration += REPEAT_WEIGHT  # asking again is impatience: "I called twice", "as I said in my last email"
    if sarcasm >= 2 or (sarcasm and (anger or frustration)):
        anger += 1  # "Another update that breaks everything. Well done." (praise alone stays praise)
    else:
        evidence = [e for e in evidence if e.kind != "sarcasm"]
    shouted = message.shouted
    score = ANGER_WEIGHT * anger
    if shouted and (anger or frustration):
        score += 1
        evidence += [Evidence("shouting", word) for word in shouted[:3]]
    if threatening:
        mood = Sentiment.THREATENING
    elif score >= ANGRY_AT:
        mood = Sentiment.ANGRY
    elif score + frustration - calm >= FRUSTRATED_AT:
        mood = Sentiment.FRUSTRATED
    else:
        mood = Sentiment.CALM
    ordered = tuple(m for m in MATTERS if m in matters)
    return Reading(mood, ordered, language, manager, repeat, _unique(evidence))


# The words of a scam or a fraud, in the six languages (word beginnings).
_SCAM = re.compile(r"\b(scam|arnaque|escroquerie|betrug|estafa|timo|golpe|truffa|fraud|fraude)")

# Words that ask for the way to do something, in a question ("how do I refer my case to the ombudsman?", "quelle est
# la procédure pour le saisir ?", "wie kann ich die Schlichtungsstelle anrufen?").
_HOW = frozenset("how procedure process comment quelle wie verfahren como procedimiento procedimento come "
                 "modalites".split())


def _asks_how(message: Text, hit: Hit) -> bool:
    start, end = message.sentence_around(hit.start, hit.end)
    if not message.folded[end:end + 2].lstrip().startswith("?"):
        return False
    return any(word in _HOW for word in message.folded[start:end].replace("'", " ").split())


def _paired(message: Text, halves: list[Hit]) -> list[tuple[str, tuple[Hit, Hit]]]:
    """The pairs whose two halves stand in one sentence ("every one of our agents" ... "can't log in"), each with the
    matter it tells."""
    out = []
    for effect in halves:
        if not effect.category.endswith("b"):
            continue
        wanted = effect.category[:-1] + "a"
        bounds = message.sentence_around(effect.start, effect.end)
        for subject in halves:
            if subject.category == wanted and message.sentence_around(subject.start, subject.end) == bounds:
                out.append((effect.category.split(":")[1], (subject, effect) if subject.start < effect.start
                            else (effect, subject)))
                break
    return out


def _unique(evidence: list[Evidence]) -> tuple[Evidence, ...]:
    return tuple(dict.fromkeys(evidence))


_TEAM_MOOD = frozenset({"anger", "frustration"})


def _matter_of(category: str) -> str | None:
    """The matter a cue's category speaks of ("threat:legal", "lawyer", "pair:outage:2a"), if any."""
    if category.startswith("pair:"):
        return category.split(":")[1]
    name = _COUNTERED_AS.get(category) or category.removeprefix("threat:")
    return name if name in MATTERS else None
_THREAT_MATTERS = frozenset({"legal", "regulatory", "media", "churn", "billing"})


@lru_cache(maxsize=1)
def default_reader() -> Reader:
    """The reader the engine uses: the lexicon with the shipped mood model."""
    # Loaded at the first reading: a process that never reads a customer (`escalator serve` takes webhooks in; the
    # workers decide) holds neither numpy nor the weights.
    return Reader(mood_model=shipped_mood_model)


@lru_cache(maxsize=1)
def lexicon_reader() -> Reader:
    """The lexicon alone (`reading.mood: lexicon`): mood from the phrases it lists."""
    return Reader()
