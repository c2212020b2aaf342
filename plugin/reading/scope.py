"""How far a word reaches: a negation before a cue cancels it when only small words stand between them ("I do
not want to cancel my subscription", "n'est pas en panne", "not a security incident"), not when the negation has a
predicate of its own ("if this is not fixed today my lawyer will call"), and not when an intensifier turns it
into emphasis ("never been so angry", "jamais été aussi mal traitée"); a condition in the sentence turns a plain
statement into a threat ("if this is not fixed by Friday we will cancel").
"""

from __future__ import annotations

import re
from collections.abc import Set

from plugin.reading.patterns import Hit
from plugin.reading.text import Text

_TOKEN = re.compile(r"\w+(?:'\w+)?")
NEGATION_WINDOW = 4  # words before a cue that a negation may stand in
# The future tense of Spanish, Portuguese and Italian is marked by its accent, which folding drops: "pondrá",
# "demandaré", "entrarán", "contatterà", "pubblicherò" ("però" is "but").
_ACCENTED_END = re.compile(r"\w{2,}r[áéàò]n?\b")
_HESITATE = ("hesit", "n'hesit", "zoger", "esit", "dudar", "vacil")
# Cues that begin with their own negation ("toujours rien", "jamais", "aucune réponse"): a "ne" before them is the
# other half of the same negation, not a second one.
_SELF_NEGATED = frozenset("toujours jamais rien aucun aucune personne plus pas nunca nada nadie ningun ninguna "
                          "nie nichts kein keine niemand mai nessun nessuna nessuno niente nulla nunca nenhum "
                          "nenhuma ninguem".split())


def _is_negator(token: str, negators: Set[str]) -> bool:
    return token in negators or token.endswith("n't") or token.startswith("n'")


def negated(text: Text, hit: Hit, negators: Set[str], intensifiers: Set[str], conjunctions: Set[str],
            bridges: Set[str]) -> bool:
    """True when a negation stands in the few words before the hit, in the same clause (a conjunction ends it:
    "no warning and no cancel button"), with only `bridges` (auxiliaries, articles, "want to") and no intensifier
    between it and the hit."""
    tokens = _TOKEN.findall(text.clause_before(hit.start))
    for back in range(len(tokens) - 1, max(-1, len(tokens) - 1 - NEGATION_WINDOW), -1):
        if tokens[back] in conjunctions:
            tokens = tokens[back + 1:]
            break
    tokens = tokens[-NEGATION_WINDOW:]
    if text.folded[hit.start:hit.end].split(" ", 1)[0] in _SELF_NEGATED:
        return False  # "je n'ai toujours rien reçu": the cue carries the negation the "ne" goes with
    if any(token.startswith(_HESITATE) for token in tokens):
        return False  # "je n'hésiterai pas à saisir la justice": not hesitating is resolve, not negation
    for index, token in enumerate(tokens):
        if _is_negator(token, negators):
            between = tokens[index + 1:]
            if any(t in intensifiers for t in between):
                return False
            if all(t in bridges or _is_negator(t, negators) for t in between):
                return True
    return False


def said_with(text: Text, hit: Hit, beginnings: tuple[str, ...]) -> bool:
    """True when a word of the sentence holding the hit begins with one of `beginnings`."""
    start, end = text.sentence_around(hit.start, hit.end)
    return any(token.startswith(beginnings) for token in _TOKEN.findall(text.folded[start:end]))


# Verbs of asking and knowing after which "if" is "whether" ("let me know if", "m'indiquer si", "saber si",
# "dirmi se"): an indirect question, no condition. A pronoun or an elided one may stand between ("tell me if").
_ASKING = frozenset("know tell ask asking asked wonder wondering check checking confirm see advise clarify "
                    "asks savoir indiquer dire preciser confirmer verifier demander demande sais fragt "
                    "pregunta preguntan saber decir decirme indicar indicarme confirmar "
                    "comprobar preguntar pregunto sabe "
                    "chiede chiedono sapere dire dirmi dirci indicare indicarmi confermare verificare chiedo chiedere "
                    "pergunta perguntam informar informe dizer verificar perguntar pergunto".split())
_PRONOUNS = frozenset("me us moi nous me nos mi ci lo la le".split())
# "Until further notice": for now, no deadline (English alone has "until" among its condition words).
_FOR_NOW = ("until further notice", "until further instruction", "until further instructions")


def _asking(tokens: list[str], index: int) -> bool:
    back = [t.split("'", 1)[-1] for t in tokens[max(0, index - 2):index]]
    if back and back[-1] in _PRONOUNS:
        back = back[:-1]
    return bool(back) and back[-1] in _ASKING


def conditional(text: Text, hit: Hit, conditions: Set[str]) -> bool:
    """True when the sentence holding the hit states a condition ("if", "unless", "otherwise", "si", "wenn"), not
    when the word opens an indirect question ("could you tell me if", "m'indiquer si") or says "for now" ("until
    further notice")."""
    start, end = text.sentence_around(hit.start, hit.end)
    sentence = text.folded[start:end]
    tokens = _TOKEN.findall(sentence)
    for index, token in enumerate(tokens):
        if token not in conditions or _asking(tokens, index):
            continue
        if token == "until" and " ".join(tokens[index:index + 3]) in _FOR_NOW:
            continue
        return True
    return False


def after_condition(text: Text, hit: Hit, conditions: Set[str], sequels: tuple[str, ...]) -> bool:
    """True when the sentence holding the hit begins by continuing the one before ("After that it goes to my
    lawyer", "Danach übernimmt unser Anwalt") and that one states a condition or a deadline ("You have until
    Friday.")."""
    start, _ = text.sentence_around(hit.start, hit.end)
    tokens = _TOKEN.findall(text.folded[start:hit.start])
    if not tokens or not any(" ".join(tokens[:n]) in sequels for n in (1, 2, 3)):
        return False
    before = text.folded[:start].rstrip(" \t.!?;\n")
    if not before:
        return False
    begin, end = text.sentence_around(len(before) - 1, len(before))
    return any(token in conditions for token in _TOKEN.findall(text.folded[begin:end]))


def intended(text: Text, hit: Hit, intents: Set[str], endings: tuple[str, ...]) -> bool:
    """True when the sentence holding the hit announces an act: a word of intent or of the future ("will",
    "going", "vais", "werde", "voy"; "I'll"), or a verb in the future tense (`endings`, on words of 5 letters or
    more: "publierai", "processarei")."""
    start, end = text.sentence_around(hit.start, hit.end)
    for token in _TOKEN.findall(text.folded[start:end]):
        if token in intents or token.endswith("'ll") or (len(token) >= 5 and token.endswith(endings)):
            return True
    written = text.as_written(start, end)
    return not written.isascii() and any(word != "però" for word in _ACCENTED_END.findall(written.lower()))



def told_as_done(text: Text, hit: Hit, done: tuple[str, ...]) -> bool:
    """True when the sentence holding the hit tells of an act already done ("I've already tweeted about it",
    "j'ai laissé un avis"): one of the `done` words, whole, or as the beginning of a word when 5 letters or more."""
    start, end = text.sentence_around(hit.start, hit.end)
    long = tuple(d for d in done if len(d) >= 5)
    return any(token in done or token.startswith(long) for token in _TOKEN.findall(text.folded[start:end]))
