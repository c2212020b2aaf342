"""The learned mood model: it scores a message exactly as training saw it, ships with the package and names the
data it was trained on, and the reader uses it with the lexicon: a lean towards the lexicon's mood, a threat only
of something, the team's own words, evidence for every upset mood, and `reading.mood: lexicon` to do without it."""

from __future__ import annotations

import importlib.util
import math
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from click.testing import CliRunner
from engine_kit import MONDAY_10, customer_comment, make_config, make_ticket

from plugin.domain import Sentiment
from plugin.reading import custom_cues, default_reader, mood_model
from plugin.reading.mood_model import MOOD_WEIGHTS, MoodModel, features, shipped_mood_model
from plugin.reading.reader import LEXICON_WEIGHT, MATTER_AT, Reader, lexicon_reader
from plugin.sentiment import read_sentiment
from webhooks.cli import main

ROOT = Path(__file__).resolve().parents[2]
MODEL = shipped_mood_model()


def _training() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_mood", ROOT / "tests" / "benchmarks" / "train_mood.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_mood", module)
    spec.loader.exec_module(module)
    return module


TRAINING = _training()


def shipped_bytes() -> bytes:
    from importlib import resources

    return resources.files("plugin.reading").joinpath("model", MOOD_WEIGHTS).read_bytes()

TEXTS = [
    "Hello, the CSV export adds an empty column at the end of each row since version 4.2.",
    "C'est une blague ?? Trois jours que ma commande est en préparation. Vous êtes d'une incompétence rare !!!",
    "Ich frage jetzt zum dritten Mal nach: wann wird der Fehler behoben? Seit Wochen dieselben Probleme.",
    "¿En serio? Qué vergüenza de empresa, sois unos ladrones. ladrones, LADRONES.",
    "ok",
    "",
    "   \n\n  ",
    "Buongiorno, da ieri la fattura non si scarica dal portale: errore 500. Grazie.",
    "Olá, já liguei três vezes e ninguém resolve. Estou cansado disto.",
    "a b c d — 42 % ; www.example.com/path?x=1 straße ŒUVRE naïve",
]


def _reference_scores(model: MoodModel, text: str) -> list[float]:
    """The scores by the training code's own feature values (`train_mood.row`) times the shipped weights."""
    chars = dict(model._chars)
    words = dict(model._words)
    offset = len(chars)
    values = TRAINING.row(features(text), chars, model._idf[:offset], words, model._idf[offset:])
    return [float(model._intercept[k]) + sum(v * float(model._coef_t[c, k]) for c, v in values.items())
            for k in range(model._coef_t.shape[1])]  # every head: the moods, then the matters


@pytest.mark.parametrize("text", TEXTS)
def test_the_model_scores_a_message_as_training_saw_it(text: str) -> None:
    assert MODEL.scores(text) == pytest.approx(_reference_scores(MODEL, text), abs=1e-4)


def test_a_token_worked_out_once_scores_the_same_after_the_table_is_merged_and_forgotten(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each token's share of the score is kept by the token's hash (a sorted table, merged every few tokens and
    started afresh past its size): scores are the training code's before, during and after."""
    monkeypatch.setattr(mood_model, "_KEPT_TOKENS", 100)
    model = MoodModel.from_bytes(shipped_bytes())
    text = TEXTS[1]
    assert model.scores(text) == pytest.approx(_reference_scores(model, text), abs=1e-4)
    for n in range(6):  # 6 x 40 new tokens: several merges, and the table forgotten twice
        filler = " ".join(f"mot{n}x{i} fehler{i}{n}" for i in range(20))
        assert model.scores(filler) == pytest.approx(_reference_scores(model, filler), abs=1e-4)
        assert model.scores(text) == pytest.approx(_reference_scores(model, text), abs=1e-4)
    keys, _ = model._token_table
    assert 0 < len(keys) <= 100 and list(keys) == sorted(keys)


def test_a_repeated_word_counts_by_the_log_of_its_count() -> None:
    once, thrice = MODEL.scores("unacceptable service"), MODEL.scores("unacceptable unacceptable unacceptable service")
    assert not np.allclose(once, thrice)
    assert thrice == pytest.approx(_reference_scores(MODEL, "unacceptable unacceptable unacceptable service"), abs=1e-4)


def test_the_weights_ship_with_the_package_and_load_from_it() -> None:
    from importlib import resources

    shipped = resources.files("plugin.reading").joinpath("model", MOOD_WEIGHTS)
    assert shipped.is_file()
    assert MoodModel.from_bytes(shipped.read_bytes()).classes == MODEL.classes
    assert shipped_mood_model() is MODEL  # loaded once per process
    assert '"reading/model/*.npz"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_the_weights_name_the_data_they_were_trained_on() -> None:
    """Retrain (`tests/benchmarks/train_mood.py --write`) when a training set or a unit table changes."""
    today = {name: TRAINING.rows_of(TRAINING.DATA / name) for name in TRAINING.TRAINING}
    today["unit-sentences"] = TRAINING.sentences()
    trained_on = {item["file"]: item for item in MODEL.about["trained_on"]}
    assert set(trained_on) == set(today)
    for name, rows in today.items():
        assert trained_on[name]["messages"] == len(rows), name
        assert trained_on[name]["sha256"] == TRAINING.digest(rows), f"{name} changed since the weights were trained"
    assert "tickets-dev.jsonl" not in trained_on  # the dev set's figures are on text the model never saw


def test_weights_that_do_not_fit_their_features_are_refused() -> None:
    with pytest.raises(ValueError, match="do not fit"):
        MoodModel(["calm", "angry"], ["ab"], np.ones(1, np.float32), ["x"], np.ones(1, np.float32),
                  np.zeros((2, 3), np.float32), np.zeros(2, np.float32), {})


def test_probabilities_are_the_softmax_of_the_scores_and_the_lean_moves_only_the_choice() -> None:
    text = "Please send the SLA report for March."
    guess = MODEL.guess(text)
    scores = MODEL.scores(text).astype(float)[:len(MODEL.classes)]  # the moods' heads come first
    exp = [math.exp(s - max(scores)) for s in scores]
    assert [guess.probabilities[c] for c in MODEL.classes] == pytest.approx([e / sum(exp) for e in exp])
    assert guess.mood == guess.ranked[0] == max(guess.probabilities, key=lambda c: guess.probabilities[c])
    weakest = min(guess.probabilities, key=lambda c: guess.probabilities[c])
    leaned = MODEL.guess(text, lean=(weakest, 100.0))
    assert leaned.mood == weakest and leaned.probabilities == guess.probabilities
    assert MODEL.guess(text, lean=(weakest, 0.0)).mood == guess.mood
    assert sorted(guess.ranked) == sorted(MODEL.classes)


@pytest.mark.parametrize(("text", "upset"), [
    ("Honestly I do not even know why I bother writing any more. Every week something else breaks in your app and "
     "I am the one who pays for it.", True),
    ("Franchement, je me demande pourquoi je paie encore cet abonnement. Chaque semaine un nouveau souci et personne "
     "ne s'en occupe.", True),
    ("Hello, the CSV export adds an empty column at the end of each row since version 4.2. Could you have a look? "
     "Thanks, Marta", False),
    ("Buongiorno, da ieri la fattura di novembre non si scarica dal portale: errore 500. Potete verificare? Grazie",
     False),
])
def test_the_reader_takes_the_mood_from_the_model(text: str, upset: bool) -> None:
    reading = default_reader().read(text)
    assert (reading.mood != Sentiment.CALM) is upset
    assert reading.lexicon_mood == lexicon_reader().read(text).mood
    if upset:
        assert reading.mood_evidence, "an upset mood always quotes the customer"
        assert all(phrase in text for phrase in reading.mood_evidence)


def test_an_upset_mood_no_phrase_of_the_lexicon_says_quotes_the_words_that_weighed_most() -> None:
    text = ("Honestly I do not even know why I bother writing any more. Every week something else breaks in your "
            "app and I am the one who pays for it.")
    assert lexicon_reader().read(text).mood == Sentiment.CALM
    reading = default_reader().read(text)
    assert reading.mood != Sentiment.CALM
    told = [e.phrase for e in reading.evidence if e.kind == "mood"]
    assert told and all(phrase in text and len(phrase.split()) <= 5 for phrase in told)
    assert reading.as_json()["evidence"][-1]["kind"] == "mood"


def test_a_deadline_is_no_threat_without_something_to_threaten_with() -> None:
    deadline = "We need this fixed by Friday, our audit depends on it."
    assert MODEL.guess(deadline).mood == Sentiment.THREATENING  # what the model alone would say
    assert default_reader().read(deadline).mood != Sentiment.THREATENING
    ultimatum = "Fix this by Friday or we move to another provider."
    assert default_reader().read(ultimatum).mood == Sentiment.THREATENING


def test_on_one_short_line_the_lexicon_settles_what_the_model_is_unsure_of() -> None:
    line = "Your app crashed and I lost the draft."
    guess = MODEL.guess(line)
    assert guess.mood == Sentiment.ANGRY and guess.probabilities[Sentiment.ANGRY] < 0.8  # the model alone: unsure
    assert lexicon_reader().read(line).mood == Sentiment.CALM  # a fault told plainly
    assert default_reader().read(line).mood == Sentiment.CALM
    assert LEXICON_WEIGHT > 0


def test_the_teams_own_words_still_raise_the_mood() -> None:
    text = "The pineapple fiasco happened again on our account this morning."
    cues = custom_cues({"anger": ["pineapple fiasco"]})
    assert default_reader().read(text).mood == Sentiment.CALM
    reading = default_reader().read(text, None, cues)
    assert reading.mood == Sentiment.ANGRY
    assert "pineapple fiasco" in reading.mood_evidence


def _config(mood: str) -> object:
    return make_config(reading={"mood": mood})


def test_reading_mood_lexicon_takes_the_mood_of_the_phrases_alone() -> None:
    text = ("Honestly I do not even know why I bother writing any more. Every week something else breaks in your "
            "app and I am the one who pays for it.")
    ticket = make_ticket(comments=(customer_comment(text, MONDAY_10),))
    assert read_sentiment(ticket, _config("reader"), "en").level != Sentiment.CALM
    assert read_sentiment(ticket, _config("lexicon"), "en").level == Sentiment.CALM


def test_escalator_read_follows_the_configured_mood(tmp_path: Path) -> None:
    text = ("Honestly I do not even know why I bother writing any more. Every week something else breaks in your "
            "app and I am the one who pays for it.")
    runner = CliRunner()
    learned = runner.invoke(main, ["read"], input=text)
    assert learned.exit_code == 0 and "mood:      calm" not in learned.output
    config = tmp_path / "escalator.yaml"
    config.write_text("reading:\n  mood: lexicon\n", encoding="utf-8")
    phrases = runner.invoke(main, ["read", "--config", str(config)], input=text)
    assert phrases.exit_code == 0, phrases.output
    assert "mood:      calm" in phrases.output


def test_the_model_adds_a_billing_matter_the_lexicon_missed_with_the_words_that_told_it() -> None:
    text = "You took money from my card twice this month for the same subscription."
    assert "billing" not in lexicon_reader().read(text).matters
    reading = default_reader().read(text)
    assert "billing" in reading.matters
    told = reading.phrases("billing")
    assert told and all(phrase in text for phrase in told)


def test_threat_and_incident_matters_rest_on_the_customers_own_phrases() -> None:
    text = "Password\nHow do I change my password?"
    assert MODEL.guess(text).matters["security"] >= 0.8  # the model alone would page on-call for it
    assert default_reader().read(text).matters == ()


def test_the_reader_adds_only_the_matters_it_is_given_thresholds_for() -> None:
    text = "You took money from my card twice this month for the same subscription."
    assert MODEL.guess(text).matters["billing"] >= MATTER_AT["billing"]
    assert "billing" in Reader(mood_model=MODEL).read(text).matters
    assert "billing" not in Reader(mood_model=MODEL, matter_at={}).read(text).matters
    assert "billing" not in Reader(mood_model=MODEL, matter_at={"billing": 1.0}).read(text).matters


def test_a_matter_the_lexicon_ruled_out_is_not_added_back() -> None:
    negated = "I don't want to cancel my subscription, just pause it."
    assert "churn" not in default_reader().read(negated).matters


def test_readers_in_several_threads_read_as_one_reader_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tables a reader keeps (each word's cues, each token's share of the score) are filled, merged and forgotten
    while other threads read: every reading is still the one a reader alone gives."""
    import json
    from concurrent.futures import ThreadPoolExecutor

    from plugin.reading import patterns

    rows = [json.loads(line) for line in (ROOT / "tests" / "benchmarks" / "data" / "tickets-practice-j.jsonl")
            .read_text(encoding="utf-8").splitlines()[:60]]
    texts = [f"{r['subject']}\n{r['body']}" for r in rows]
    alone = Reader(mood_model=MoodModel.from_bytes(shipped_bytes()))
    expected = [alone.read(t) for t in texts]
    monkeypatch.setattr(mood_model, "_KEPT_TOKENS", 200)  # forgotten several times over the run
    monkeypatch.setattr(patterns, "_KEPT_WORDS", 100)
    shared = Reader(mood_model=MoodModel.from_bytes(shipped_bytes()))
    with ThreadPoolExecutor(max_workers=4) as pool:
        runs = list(pool.map(lambda start: [(i, shared.read(texts[i]))
                                            for i in [*range(start, len(texts)), *range(start)]], range(0, 60, 15)))
    for run in runs:
        for i, reading in run:
            assert reading == expected[i], texts[i]


def test_numpy_and_the_weights_load_at_the_first_reading_not_at_start() -> None:
    """`escalator serve` reads no customer: importing the app and building the default reader loads neither numpy
    nor the weights (35 MB), and the first reading loads both."""
    script = (
        "import sys\n"
        "import webhooks.bootstrap\n"
        "from plugin.reading import default_reader\n"
        "reader = default_reader()\n"
        "assert 'numpy' not in sys.modules, 'numpy at start'\n"
        "reading = reader.read('This is the third time I write and nobody answers. Unacceptable.')\n"
        "assert 'numpy' in sys.modules, 'no numpy after a reading'\n"
        "assert reader.mood_model is not None and reading.phrase_mood is not None\n"
        "print(reading.mood.value)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() in {"frustrated", "angry"}
