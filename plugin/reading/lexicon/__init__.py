"""The reader's knowledge of each language: cue phrases by category, and the small words that detect the
language, negate, intensify and state a condition. One module per language; `common` holds the names that are
the same in every language (regulators, review sites, social networks).

Categories of cues:

- matters: `legal`, `regulatory`, `media`, `outage`, `security`, `billing`, `churn`;
- threats (the mood is threatening, and the matter after the colon is raised): `threat:legal`,
  `threat:regulatory`, `threat:media`, `threat:churn`, `threat:billing` (a chargeback), `threat` (any other
  ultimatum: the police, "last warning");
- mood: `anger` (insults, outrage, contempt), `frustration` (impatience, weariness, "still not fixed"), `calm`
  (what softens a message: "no rush", "not urgent"), `sarcasm` (praise that is anger in a message already upset:
  "well done", "bravo", "Glückwunsch", "enhorabuena");
- flags: `manager` (asks for a manager or someone senior), `repeat` (says they contacted us before);
- names: `regulator` (CNIL, FTC, BaFin...), a threat when its sentence complains or states a condition, nothing
  otherwise (a firm follows its regulator's rules); `redress` (an ombudsman, a consumer office or association, a
  mediator), the same threat, and the regulatory matter by itself (named about the customer's own case);
  `platform` (TikTok, social media, review sites...), a threat in a conditional sentence, nothing otherwise;
  `lawyer` (my lawyer, a law firm, a court) and `press` (a journalist, the newspapers), the matter (`legal`,
  `media`) by themselves and a threat in a conditional sentence; `pressure` (a renewal coming, a contract ending),
  which turns the message's churn cues into threats; `nth` (an ordinal time: "for the third time", "das vierte
  Mal"), a repeat claim when its sentence also says the customer wrote, called or asked;
- pairs: `pair:<matter>:<n>a` and `pair:<matter>:<n>b` are the two halves of a family told by a subject and an
  effect at any distance within one sentence (`pair:outage:1a` "every one of our agents", `pair:outage:1b` "can't
  log in"; `pair:security:1a` "someone", `pair:security:1b` "changed my password"): the matter when both halves of
  one pair stand in the same sentence, nothing otherwise;
- counter-cues: `not:<category>` cancel a hit of that category they overlap ("slow but up" is no outage, "my boss
  is furious" not the writer's anger, "a complaint with the BBB" no contact with us).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import import_module

LANGUAGES = ("en", "fr", "de", "es", "pt", "it")
MATTERS = ("legal", "regulatory", "media", "outage", "security", "billing", "churn")
THREATS = ("threat:legal", "threat:regulatory", "threat:media", "threat:churn", "threat:billing", "threat")
MOOD_CUES = ("anger", "frustration", "calm", "sarcasm")
FLAGS = ("manager", "repeat")
# A regulator's name: a threat only in a sentence that complains or states a condition; a platform's name ("if ...,
# the video goes on TikTok") only in a conditional sentence; pressure (a renewal, an ultimatum) turns a churn cue
# anywhere in the message into a threat.
NAMES = ("regulator", "redress", "platform", "pressure", "lawyer", "press", "nth")
COUNTERS = ("not:outage", "not:security", "not:billing", "not:churn", "not:legal", "not:media", "not:anger",
            "not:regulatory", "not:repeat", "not:manager", "not:frustration", "not:threat")
CATEGORIES = (*MATTERS, *THREATS, *MOOD_CUES, *FLAGS, *NAMES, *COUNTERS)
_PAIR = re.compile(r"pair:(" + "|".join(MATTERS) + r"):\d+[ab]")


def is_pair(category: str) -> bool:
    """A half of a subject-and-effect pair (`pair:outage:1a`)."""
    return _PAIR.fullmatch(category) is not None


@dataclass(frozen=True)
class Lexicon:
    language: str
    stopwords: frozenset[str]
    negators: frozenset[str]
    intensifiers: frozenset[str]
    conditions: frozenset[str]
    bridges: frozenset[str]  # small words a negation reaches across ("not going to cancel", "pas de", "kein")
    complaints: tuple[str, ...]  # beginnings of the words that lodge a complaint ("complain", "plainte", "beschwer")
    cues: Mapping[str, Sequence[str]]
    intents: frozenset[str] = frozenset()  # words that announce an act ("will", "going", "vais", "werde", "voy")
    future_endings: tuple[str, ...] = ()  # endings of future-tense verbs ("-rai", "-arei"), words of 5 letters or more
    done: tuple[str, ...] = ()  # beginnings of the words that tell a publication already made ("posted", "publie")
    contacts: tuple[str, ...] = ()  # beginnings of the words that tell a contact ("writ", "email", "schreib", "ecri")
    sequels: tuple[str, ...] = ()  # a sentence's first words that continue the one before ("after that", "sonst")


def load(language: str) -> Lexicon:
    """The lexicon of one language (a module of this package, so it ships with the installed package)."""
    module = import_module(f"plugin.reading.lexicon.{language}")
    unknown = {c for c in module.CUES if c not in CATEGORIES and not is_pair(c)}
    if unknown:
        raise ValueError(f"lexicon {language}: unknown categories {sorted(unknown)}")
    return Lexicon(language, frozenset(module.STOPWORDS.split()), frozenset(module.NEGATORS.split()),
                   frozenset(module.INTENSIFIERS.split()), frozenset(module.CONDITIONS.split()), frozenset(module.BRIDGES.split()),
                   tuple(module.COMPLAINTS.split()),
                   module.CUES, frozenset(module.INTENTS.split()), tuple(module.FUTURE_ENDINGS.split()),
                   tuple(module.DONE.split()), tuple(getattr(module, "CONTACTS", "").split()),
                   tuple(w.replace("_", " ") for w in getattr(module, "SEQUELS", "").split()))


def common_cues() -> Mapping[str, Sequence[str]]:
    module = import_module("plugin.reading.lexicon.common")
    cues: Mapping[str, Sequence[str]] = module.CUES
    return cues
