"""The reader on a small table of hard cases written for it: lures that look like a matter and are not, problem
words that are not mood, negation and scope, the six languages, and the `escalator read` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from plugin.domain import Sentiment
from plugin.reading import Reader, custom_cues, default_reader
from plugin.reading.language import detect
from plugin.reading.patterns import CueSet, PatternError, compile_cue
from plugin.reading.text import Text
from webhooks.cli import main

READER = default_reader()

# (text, matters it must not find): a cue word is there, the matter is not.
LURES = [
    ("Sue from accounting needs access to the Q2 time reports.", {"legal"}),
    ("Can you add Sue as a read-only user? Thanks", {"legal"}),
    ("Media upload fails for files over 25MB in the media library.", {"media"}),
    ("The drop-down is broken on the settings page.", {"outage"}),
    ("The download stops at 99% for the report archive.", {"outage"}),
    ("The SLA breach report shows the wrong month.", {"security", "legal"}),
    ("Il manquait les deux avocats dans ma salade, un geste commercial est-il possible ?", {"legal"}),
    ("What is the legal entity name we should put on the invoice?", {"legal"}),
    ("Our legal team already signed off on the data flow.", {"legal"}),
    ("How do we enable 2FA for the whole team?", {"security"}),
    ("The security deposit is not shown in the booking summary.", {"security"}),
    ("The dashboard is slow but up, about 15 seconds per chart.", {"outage"}),
    ("Our social media integration does not post the images.", {"media"}),
    ("How do I cancel an order via the API?", {"churn"}),
    ("I'm leaving on vacation for 3 weeks, can I pause my deliveries?", {"churn"}),
    ("Scroll down does not work in the kanban column on iPad.", {"outage"}),
    ("Der Bericht Ausfallzeiten zählt Krankheitstage doppelt.", {"outage"}),
    ("Hola, esperamos una alta demanda el Black Friday.", {"legal"}),
    ("Il mio ordine è in ritardo a causa del corriere.", {"legal"}),
    ("En el panel de ventas aparece una caída del 80% el día 12.", {"outage"}),
    ("Le champ numéro de sécurité sociale refuse les numéros provisoires.", {"security"}),
    ("Our refund API returns 422 on partial refunds for our shoppers.", {"billing"}),
    ("We follow the CNIL guidance for our cookie banner.", {"regulatory"}),
    ("Item JK-BBB-0412 was returned three weeks ago.", {"media"}),
]


@pytest.mark.parametrize(("text", "absent"), LURES)
def test_a_lure_is_not_a_matter(text: str, absent: set[str]) -> None:
    reading = READER.read(text)
    assert not absent & set(reading.matters), reading
    assert reading.mood != Sentiment.THREATENING, reading


# Neutral reports full of problem words: not mood.
CALM_FAILURES = [
    "Export job fails with FATAL: out of memory, exit code 137. Is there a size limit?",
    "ERROR export.worker: chunk 41/88 failed\nFATAL: out of memory",
    "The sync crashed and the data is lost: conflict resolution failed, local changes discarded.",
    "Kernel panic after upgrading the agent; we rolled back and it is stable. No urgency.",
    "La génération des bulletins échoue avec une erreur 500. Trace : NullPointerException.",
    "Die Migration ist fehlgeschlagen: ERROR could not load library.",
    "La sincronización falla con error fatal: timeout al conectar.",
    "Il backup notturno fallisce con errore: spazio su disco insufficiente.",
]


@pytest.mark.parametrize("text", CALM_FAILURES)
def test_problem_words_are_not_mood(text: str) -> None:
    assert READER.read(text).mood == Sentiment.CALM


# (text, mood, matters it must find)
READINGS = [
    ("Our production is down, nobody can log in.", Sentiment.CALM, {"outage"}),
    ("This is UNACCEPTABLE. Worst customer service on the planet.", Sentiment.ANGRY, set()),
    ("Still no refund after three weeks. I've emailed twice, how much longer?", Sentiment.FRUSTRATED, {"billing"}),
    ("If this is not fixed today my lawyer will contact you.", Sentiment.THREATENING, {"legal"}),
    ("One more outage like that and we will move to a different platform.", Sentiment.THREATENING,
     {"outage", "churn"}),
    ("We have decided not to renew our subscription when the term ends.", Sentiment.CALM, {"churn"}),
    ("I'm posting it on r/privacy tonight unless someone explains.", Sentiment.THREATENING, {"media"}),
    ("Someone used my saved card to book three stays I never booked.", Sentiment.CALM, {"security"}),
    ("Je vous mets en demeure de me rembourser sous huit jours, sinon je saisirai le tribunal.",
     Sentiment.THREATENING, {"legal", "billing"}),
    ("Si la situation n'est pas réglée, je résilie et je passe chez la concurrence.", Sentiment.THREATENING,
     {"churn"}),
    ("Das ist eine absolute Unverschämtheit! So einen miserablen Service habe ich noch nie erlebt.",
     Sentiment.ANGRY, set()),
    ("Unser Shop ist seit 10 Uhr nicht erreichbar, auch das Backend lädt nicht.", Sentiment.CALM, {"outage"}),
    ("Si no me devuelven el dinero en 5 días, iniciaré acciones legales con mi abogado.", Sentiment.THREATENING,
     {"legal", "billing"}),
    ("Vou expor tudo no Reclame Aqui e nas redes sociais.", Sentiment.THREATENING, {"media"}),
    ("È una vergogna, il peggior servizio che abbia mai visto.", Sentiment.ANGRY, set()),
]


@pytest.mark.parametrize(("text", "mood", "matters"), READINGS)
def test_mood_and_matters(text: str, mood: Sentiment, matters: set[str]) -> None:
    reading = READER.read(text)
    assert reading.mood == mood, reading
    assert matters <= set(reading.matters), reading


@pytest.mark.parametrize("text", [
    "The site is not down, it is just slow.",
    "I don't want to cancel my subscription, just pause it.",
    "This is not a security incident, only a question about 2FA.",
    "Le logiciel n'est pas en panne, mais chaque page met 10 secondes.",
    "Nous ne voulons pas résilier notre contrat.",
])
def test_a_negation_cancels_the_cue(text: str) -> None:
    assert not {"outage", "churn", "security"} & set(READER.read(text).matters)


def test_a_negation_with_its_own_predicate_does_not_cancel_the_threat() -> None:
    assert "legal" in READER.read("If this is not fixed today my attorney will call you.").matters
    assert READER.read("I have never been treated with such contempt.").mood == Sentiment.ANGRY
    assert READER.read("Je n'ai jamais été aussi mal traitée.").mood == Sentiment.ANGRY


def test_a_plain_cancellation_is_calm_and_a_conditional_one_a_threat() -> None:
    assert READER.read("Please cancel my subscription at the end of the month.").mood == Sentiment.CALM
    assert READER.read("Fix the sync by Friday or we cancel our subscription.").mood == Sentiment.THREATENING


def test_a_cancellation_already_done_is_no_churn() -> None:
    reading = READER.read("J'ai résilié mon abonnement le 31 janvier mais vous continuez de prélever 39,90 €.")
    assert "churn" not in reading.matters and "billing" in reading.matters


def test_evidence_is_the_customers_words_as_written() -> None:
    reading = READER.read("Mon AVOCAT va vous écrire. Toujours pas de réponse !")
    assert "Mon AVOCAT va" in reading.phrases("legal")
    assert reading.phrases("frustration") == ("Toujours pas de réponse",)
    assert reading.mood_evidence[0] == "Mon AVOCAT va"


def test_flags_manager_and_repeat() -> None:
    reading = READER.read("I called on Monday and again yesterday. Get me a supervisor.")
    assert reading.requests_manager and reading.repeat_claim
    signature = READER.read("Please switch us to annual billing.\nBest, Anna\nOperations Manager")
    assert not signature.requests_manager
    outages = READER.read("That's the third outage this month.")
    assert not outages.repeat_claim


@pytest.mark.parametrize(("text", "language"), [
    ("Bonjour, le site ne répond plus depuis ce matin, pouvez-vous vérifier ?", "fr"),
    ("Guten Tag, der Shop ist seit heute Morgen nicht erreichbar. Können Sie das prüfen?", "de"),
    ("Hola, la web no carga desde esta mañana. ¿Podéis revisarlo?", "es"),
    ("Olá, o site está fora do ar desde hoje cedo. Vocês podem verificar?", "pt"),
    ("Buongiorno, il sito non è raggiungibile da stamattina. Potete controllare?", "it"),
    ("Hello, the site has been unreachable since this morning. Could you check?", "en"),
])
def test_the_language_is_read_from_the_text(text: str, language: str) -> None:
    assert READER.read(text).language == language
    assert READER.read(text, "en" if language != "en" else "fr").language == language  # the text overrules
    assert "outage" in READER.read(text).matters


def test_a_locale_hint_is_kept_when_the_text_is_short() -> None:
    assert detect(Text.of("ok merci"), {"en": frozenset({"the"}), "fr": frozenset({"merci"})}, "fr").language == "fr"


def test_the_teams_own_phrases_add_to_a_category_and_replace_only_when_asked() -> None:
    added = custom_cues({"threat:legal": ["summon the barristers"]})
    assert "legal" in READER.read("We will summon the barristers.", custom=added).matters
    assert "legal" in READER.read("My attorney will call.", custom=added).matters
    replaced = custom_cues({"threat:legal": ["summon the barristers"]}, ["threat:legal"])
    assert "legal" not in READER.read("My attorney will call.", custom=replaced).matters


def test_the_cue_language() -> None:
    cues = CueSet({"x": ["(my|our) (lawyer|attorney)", "refunds?", "authori[sz]ed charge", "still .. broken",
                         "can't log in", "furious*", "drop down"]})
    found = [h.phrase for h in cues.find(Text.of("My ATTORNEY, a refund, an authorised charge, still badly broken, "
                                                 "I cant log in, furiously. Issue drop-down"))]
    assert found == ["My ATTORNEY", "refund", "authorised charge", "still badly broken", "cant log in",
                     "furiously", "drop-down"]
    assert cues.find(Text.of("the dropdown, an issue, a misstill broken")) == []
    with pytest.raises(PatternError):
        compile_cue("x", "(unbalanced")


def test_built_in_cues_compile_at_first_use_and_every_one_compiles() -> None:
    lazy = CueSet({"x": ["(my|our) lawyer", "refunds?"]}, lazy=True)
    assert not any("regex" in vars(cue) for cue in lazy._cues)  # a starting process compiles nothing
    assert [h.phrase for h in lazy.find(Text.of("Our lawyer"))] == ["Our lawyer"]
    assert [("regex" in vars(cue)) for cue in lazy._cues] == [True, False]  # only the cue whose anchor showed up
    assert Reader().compile_all() > 1000
    with pytest.raises(PatternError):  # an admin's cue is compiled (and refused) at once
        compile_cue("x", "refund[")


def test_escalator_read_prints_mood_matters_language_and_evidence() -> None:
    result = CliRunner().invoke(main, ["read"], input="Our production is down, nobody can log in!\n")
    assert result.exit_code == 0, result.output
    assert "mood:      calm" in result.output and "matters:   outage" in result.output
    assert '"nobody can log in"' in result.output
    as_json = CliRunner().invoke(main, ["read", "--json", "--lang", "fr"], input="Mon avocat va vous écrire.")
    data = json.loads(as_json.output)
    assert (data["mood"], data["matters"], data["lang"]) == ("threatening", ["legal"], "fr")
    assert data["evidence"] == [{"kind": "threat:legal", "phrase": "Mon avocat va"}]


def test_escalator_read_jsonl_prints_one_line_per_message(tmp_path: Path) -> None:
    lines = [{"id": "a", "subject": "site down", "body": "Nobody can log in."},
             {"subject": "Rechnung", "body": "Die Rechnung ist doppelt abgebucht worden.", "lang": "de"}]
    path = tmp_path / "messages.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["read", "--jsonl", str(path)])
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.output.splitlines())
    assert first["id"] == "a" and first["matters"] == ["outage"]
    assert second["lang"] == "de" and second["matters"] == ["billing"]
    assert {"mood", "matters", "lang", "evidence"} <= set(second)
