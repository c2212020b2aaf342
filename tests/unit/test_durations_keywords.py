"""Durations as admins write them, whole-word, accent-insensitive keyword matching, and the reader on the threat
and incident phrasings (and the everyday lookalikes) these tables collected before the reader existed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plugin.domain import Sentiment
from plugin.durations import format_duration, parse_duration, stamp
from plugin.keywords import find_keywords, fold
from plugin.reading import default_reader


@pytest.mark.parametrize(
    ("text", "expected"),
    [("15m", timedelta(minutes=15)), ("4h", timedelta(hours=4)), ("2d", timedelta(days=2)),
     ("1h30m", timedelta(minutes=90)), ("1h 30m", timedelta(minutes=90)), ("90s", timedelta(seconds=90)),
     ("0", timedelta(0)), ("1.5h", timedelta(minutes=90))],
)
def test_parse_duration(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["15", "fifteen", "15 minutes", "h", "", "-5m", "4hh"])
def test_parse_duration_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="must be a duration"):
        parse_duration(text)


@given(st.integers(min_value=0, max_value=10_000_000))
def test_format_then_parse_round_trips(seconds: int) -> None:
    value = timedelta(seconds=seconds)
    assert parse_duration(format_duration(value).replace(" ", "")) == value


def test_keywords_are_whole_words() -> None:
    assert find_keywords("This issue persists", ["sue"]) == []
    assert find_keywords("I will sue you", ["sue"]) == ["sue"]
    assert find_keywords("legally speaking", ["legal"]) == []


def test_keywords_ignore_case_and_accents() -> None:
    text = "C'est INACCEPTABLE, mon Avocat ira au tribunal. Procès!"
    assert find_keywords(text, ["inacceptable", "avocat", "tribunal", "procès"]) == [
        "inacceptable", "avocat", "tribunal", "proces"]
    assert find_keywords("PROCES", ["procès"]) == ["proces"]


def test_phrases_match_across_spacing() -> None:
    assert find_keywords("we will take Legal\n action", ["legal action"]) == ["legal action"]
    assert find_keywords("legal actions", ["legal action"]) == []


def test_fold() -> None:
    assert fold("Œuvre Éléphant") == "oeuvre elephant"


def test_a_hyphenated_compound_is_one_word() -> None:
    assert find_keywords("The drop-down is empty", ["down"]) == []
    assert find_keywords("Le procès-verbal est vide", ["procès"]) == []
    assert find_keywords("Our anti-phishing filter", ["phishing"]) == []
    assert find_keywords("down-scaled", ["down"]) == []
    assert find_keywords("- down, up", ["down"]) == ["down"]  # a dash that joins nothing is punctuation


def test_the_words_of_a_phrase_may_be_joined_by_hyphens() -> None:
    assert find_keywords("Ras-le-bol de ces bugs", ["ras le bol"]) == ["ras le bol"]
    assert find_keywords("a cyber attack", ["cyber-attack"]) == ["cyber-attack"]
    assert find_keywords("a Cyber-Attack", ["cyber-attack", "cyber attack"]) == ["cyber-attack"]


# -- the default keyword lists: threats match, everyday support phrasing does not. Every list is matched against
# every message whatever its language, so an everyday sentence must match no list at all.

CATEGORIES = ("legal", "regulatory", "reputational", "frustration", "security", "outage")
_MATTER = {"legal": "legal", "regulatory": "regulatory", "reputational": "media", "security": "security",
           "outage": "outage"}


def _matches(text: str) -> dict[str, tuple[str, ...]]:
    """What the reader finds of each category: a matter's phrases, or for frustration the upset mood's evidence."""
    reading = default_reader().read(text)
    found = {category: reading.phrases(matter) for category, matter in _MATTER.items()
             if matter in reading.matters}
    if reading.mood != Sentiment.CALM:
        found["frustration"] = reading.mood_evidence or ("(mood)",)
    return found


# (category, language, text, the phrase of that category it must match)
TRUE_POSITIVES = [
    # legal
    ("legal", "en", "I will sue you if this is not fixed.", "i will sue"),
    ("legal", "en", "I'll sue your company for this.", "i'll sue"),
    ("legal", "en", "I am going to sue.", "i am going to sue"),
    ("legal", "en", "We will sue the company.", "we will sue"),
    ("legal", "en", "We are planning to sue over the lost data.", "planning to sue"),
    ("legal", "en", "My lawyer will call you tomorrow.", "lawyer"),
    ("legal", "en", "Our attorney is reviewing the contract breach.", "our attorney"),
    ("legal", "en", "We have contacted an attorney.", "contacted an attorney"),
    ("legal", "en", "We are preparing legal action.", "legal action"),
    ("legal", "en", "See you in court.", "in court"),
    ("legal", "en", "You are in breach of contract.", "breach of contract"),
    ("legal", "en", "We will pursue litigation against you.", "pursue litigation"),
    ("legal", "fr", "Mon avocat va vous contacter.", "avocat"),
    ("legal", "fr", "Je vais porter plainte.", "porter plainte"),
    ("legal", "fr", "Nous irons au tribunal.", "au tribunal"),
    ("legal", "fr", "Nous saisirons le tribunal.", "saisirons le tribunal"),
    ("legal", "fr", "Je vais vous faire un procès.", "un proces"),
    ("legal", "fr", "Nous engageons une action en justice.", "action en justice"),
    ("legal", "fr", "Je vais vous poursuivre en justice.", "vous poursuivre"),
    ("legal", "fr", "Nous allons poursuivre en justice votre société.", "poursuivre en justice"),
    ("legal", "fr", "Vous recevrez une mise en demeure.", "mise en demeure"),
    # regulatory
    ("regulatory", "en", "This breaks GDPR.", "breaks gdpr"),
    ("regulatory", "en", "This is a GDPR violation.", "gdpr violation"),
    ("regulatory", "en", "I will complain to the regulator.", "to the regulator"),
    ("regulatory", "en", "I have written to the ombudsman.", "ombudsman"),
    ("regulatory", "en", "I will contact the CNIL.", "contact the cnil"),
    ("regulatory", "fr", "Je saisis la CNIL.", "saisis la cnil"),
    ("regulatory", "fr", "C'est une violation du RGPD.", "violation du rgpd"),
    ("regulatory", "fr", "Je vais signaler cela à la DGCCRF.", "dgccrf"),
    # reputational
    ("reputational", "en", "I will take this to the press.", "to the press"),
    ("reputational", "en", "I will go to the media with this.", "to the media"),
    ("reputational", "en", "A journalist friend is interested in this story.", "journalist"),
    ("reputational", "en", "I'm posting this on social media tonight.", "posting this on social media"),
    ("reputational", "en", "I'll post about this on Twitter.", "post about this on twitter"),
    ("reputational", "en", "Everyone will hear about this: I'll tweet about your company.", "tweet about your"),
    ("reputational", "en", "Expect a complaint to the Better Business Bureau.", "better business bureau"),
    ("reputational", "en", "I am reporting you to the BBB.", "the bbb"),
    ("reputational", "en", "I will leave a bad review on Trustpilot.", "leave a bad review"),
    ("reputational", "en", "This will be all over Reddit by tonight.", "all over reddit"),
    ("reputational", "fr", "Je vais alerter la presse.", "alerter la presse"),
    ("reputational", "fr", "Je vais en parler aux médias.", "parler aux medias"),
    ("reputational", "fr", "Un journaliste s'intéresse à votre service.", "journaliste"),
    ("reputational", "fr", "Je publierai tout sur les réseaux sociaux.", "tout sur les reseaux sociaux"),
    ("reputational", "fr", "Je vais vous dénoncer sur Twitter.", "denoncer sur twitter"),
    # frustration
    ("frustration", "en", "This is unacceptable.", "unacceptable"),
    ("frustration", "en", "Your support is terrible.", "is terrible"),
    ("frustration", "en", "The worst service I have ever had.", "worst service"),
    ("frustration", "en", "You are the worst.", "are the worst"),
    ("frustration", "en", "This export is useless.", "is useless"),
    ("frustration", "en", "I am fed up with this bug.", "fed up"),
    ("frustration", "en", "I will cancel my account if this is not fixed.", "will cancel my account"),
    ("frustration", "fr", "C'est INACCEPTABLE.", "inacceptable"),
    ("frustration", "fr", "Votre outil, c'est nul.", "c'est nul"),
    ("frustration", "fr", "Le pire service que j'ai connu.", "pire service"),
    ("frustration", "fr", "C'est de pire en pire.", "de pire en pire"),
    ("frustration", "fr", "Ras-le-bol de ces bugs.", "ras le bol"),
    ("frustration", "fr", "J'en ai marre.", "en ai marre"),
    # security
    ("security", "en", "We had a data breach this morning.", "data breach"),
    ("security", "en", "This is a security breach.", "security breach"),
    ("security", "en", "We were breached last night.", "we were breached"),
    ("security", "en", "I think our account was hacked.", "was hacked"),
    ("security", "en", "We've been hacked.", "been hacked"),
    ("security", "en", "Our admin account was compromised.", "account was compromised"),
    ("security", "en", "Someone got unauthorized access to our data.", "unauthorized access"),
    ("security", "en", "We received a phishing email in your name.", "phishing"),
    ("security", "en", "Ransomware encrypted our files.", "ransomware"),
    ("security", "en", "Our servers are under a cyber-attack.", "cyber attack"),
    ("security", "fr", "Mon compte a été piraté.", "ete pirate"),
    ("security", "fr", "Nous avons été piratés.", "ete pirates"),
    ("security", "fr", "Nous avons subi un piratage.", "un piratage"),
    ("security", "fr", "Il y a une fuite de données.", "fuite de donnees"),
    ("security", "fr", "Un accès non autorisé à notre compte.", "acces non autorise"),
    # outage
    ("outage", "en", "Your site is down.", "site is down"),
    ("outage", "en", "Production down since 9:40.", "production down"),
    ("outage", "en", "Is there an outage?", "an outage"),
    ("outage", "en", "The API has been down for an hour.", "api has been down"),
    ("outage", "en", "Nobody can log in since 9am.", "nobody can log in"),
    ("outage", "en", "We cannot access the platform at all.", "cannot access the platform"),
    ("outage", "fr", "Le site est en panne.", "site est en panne"),
    ("outage", "fr", "Le service est indisponible depuis ce matin.", "service est indisponible"),
    ("outage", "fr", "Tout est en panne !", "tout est en panne"),
    ("outage", "fr", "La plateforme est tombée.", "plateforme est tombee"),
    ("outage", "fr", "Personne ne peut se connecter.", "personne ne peut se connecter"),
]


@pytest.mark.parametrize(("category", "language", "text", "word"), TRUE_POSITIVES)
def test_threats_and_incidents_match(category: str, language: str, text: str, word: str) -> None:
    assert category in _matches(text), (text, default_reader().read(text))


# (the category a single word of it would send the sentence to, language, the sentence): none may match any list.
EVERYDAY = [
    # legal
    ("legal", "en", "Sue from accounting asked me to send you the updated invoice."),
    ("legal", "en", "Hi, this is Sue. The export is empty."),
    ("legal", "en", "When will Sue get access to the dashboard?"),
    ("legal", "en", "How can Sue reset her password?"),
    ("legal", "en", "Our legal department needs a copy of the DPA, no rush."),
    ("legal", "en", "I hold power of attorney for my mother's account."),
    ("legal", "en", "Please enable litigation hold on our mailboxes."),
    ("legal", "en", "The tennis court booking page is blank."),
    ("legal", "fr", "Le délai de réponse est trop court pour nous."),
    ("legal", "fr", "Merci pour la poursuite du traitement de ma demande."),
    ("legal", "fr", "Notre service juridique demande une copie du contrat."),
    ("legal", "fr", "Ma plainte concerne la facture de novembre."),
    ("legal", "fr", "Le procès-verbal de l'assemblée générale ne s'exporte pas."),
    ("legal", "fr", "Notre société est immatriculée au greffe du tribunal de commerce de Paris."),
    # regulatory
    ("regulatory", "en", "Our GDPR deletion request tool fails."),
    ("regulatory", "en", "Is your product GDPR-compliant?"),
    ("regulatory", "en", "The voltage regulator reading is wrong in the report."),
    ("regulatory", "fr", "Pouvez-vous m'envoyer votre registre RGPD ?"),
    ("regulatory", "fr", "Le régulateur de vitesse n'apparaît pas dans la fiche véhicule."),
    ("regulatory", "fr", "Suivez-vous les recommandations de la CNIL sur les cookies ?"),
    # reputational
    ("reputational", "en", "Nothing happens when I press the Export button."),
    ("reputational", "en", "Press Ctrl+S, then press Enter: nothing is saved."),
    ("reputational", "en", "The media library does not show my uploaded images."),
    ("reputational", "en", "Uploading media files fails above 10 MB."),
    ("reputational", "en", "The Twitter integration is broken."),
    ("reputational", "en", "How do I post photos on social media from the app?"),
    ("reputational", "en", "Posting on social media fails with error 403."),
    ("reputational", "en", "Our press release won't publish."),
    ("reputational", "en", "Color #bbb is not applied to the header."),
    ("reputational", "en", "When does the new status page go public?"),
    ("reputational", "fr", "Impossible de copier le lien dans le presse-papiers."),
    ("reputational", "fr", "Les médias importés ne s'affichent pas dans la bibliothèque de médias."),
    ("reputational", "fr", "Je n'ai plus accès aux médias de mon site."),
    ("reputational", "fr", "Je ne trouve pas l'image dans les médias."),
    ("reputational", "fr", "Le partage sur les réseaux sociaux ne fonctionne plus."),
    ("reputational", "fr", "Notre communiqué de presse ne s'envoie pas."),
    # frustration
    ("frustration", "en", "Sorry, I'm terrible with computers."),
    ("frustration", "en", "In the worst case we can roll back."),
    ("frustration", "en", "How do I delete useless tags?"),
    ("frustration", "en", "How do I cancel my account?"),
    ("frustration", "fr", "C'était un match nul hier ; l'export ne marche pas."),
    ("frustration", "fr", "Le montant est nul sur la facture."),
    ("frustration", "fr", "Nul besoin de rappeler, un e-mail suffit."),
    ("frustration", "fr", "Au pire, on peut redémarrer le serveur."),
    ("frustration", "fr", "Dans le pire des cas, nous restaurerons la sauvegarde."),
    # security
    ("security", "en", "We had an SLA breach last week, please explain."),
    ("security", "en", "The SLA has been breached by 2 hours."),
    ("security", "en", "We are planning a hackathon next week."),
    ("security", "en", "I hacked together a script to call your API."),
    ("security", "en", "Our antivirus flags your installer as a virus."),
    ("security", "en", "The heart attack risk calculator shows NaN."),
    ("security", "en", "We use your fraud detection rules."),
    ("security", "en", "The performance was compromised by the last update."),
    ("security", "en", "Our anti-phishing filter blocks your emails."),
    ("security", "fr", "Nous avons trouvé un compromis avec l'équipe."),
    ("security", "fr", "Protégez-vous contre le piratage ?"),
    # outage
    ("outage", "en", "The drop-down menu is empty."),
    ("outage", "en", "The dropdown does not close."),
    ("outage", "en", "The download stops at 90%."),
    ("outage", "en", "The dashboard slows down after an hour."),
    ("outage", "en", "Please slow down the sync."),
    ("outage", "en", "Our revenue is down 20% this month, can the report show why?"),
    ("outage", "en", "We had a power outage at the office and the sync is stuck."),
    ("outage", "en", "I can't access the billing page."),
    ("outage", "en", "The image is not loading on the product page."),
    ("outage", "fr", "Nous avons eu une panne de courant ce matin, la synchro est bloquée."),
    ("outage", "fr", "Mon imprimante est en panne."),
    ("outage", "fr", "Cette page est inaccessible pour mon collègue."),
]


@pytest.mark.parametrize(("category", "language", "text"), EVERYDAY)
def test_everyday_support_phrasing_matches_no_list(category: str, language: str, text: str) -> None:
    assert _matches(text) == {}, (category, default_reader().read(text))


def test_every_category_has_true_and_false_positives_in_both_languages() -> None:
    for category in CATEGORIES:
        for language in ("en", "fr"):
            assert any(c == category and lang == language for c, lang, _, _ in TRUE_POSITIVES), (category, language)
            assert any(c == category and lang == language for c, lang, _ in EVERYDAY), (category, language)


def test_the_words_the_issue_names_still_match_as_threats() -> None:
    for text, category in [("My lawyer will call.", "legal"), ("I will sue you.", "legal"),
                           ("We are taking legal action.", "legal"), ("I'll go to the media.", "reputational"),
                           ("Complaint filed with the BBB.", "reputational"), ("This is unacceptable.", "frustration"),
                           ("This is terrible.", "frustration"), ("The worst support ever.", "frustration"),
                           ("Mon avocat vous écrira.", "legal"), ("Nous irons au tribunal.", "legal"),
                           ("C'est inacceptable.", "frustration")]:
        assert category in _matches(text), text


def test_overlapping_phrases_are_all_found() -> None:
    text = "If this is not refunded today my lawyer will take legal action."
    assert find_keywords(text, ["legal action", "take legal", "lawyer"]) == ["lawyer", "take legal", "legal action"]
    assert find_keywords("a data breach breach", ["data breach", "breach"]) == ["data breach", "breach"]


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Europe/Paris", "Asia/Kolkata", "Australia/Lord_Howe"])
def test_a_stamp_is_what_strftime_writes(zone: str) -> None:
    """`stamp` formats by hand what `strftime("%Y-%m-%d %H:%M %Z")` wrote before, DST changes included."""
    local = ZoneInfo(zone)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for hours in range(0, 24 * 366, 7):
        moment = start + timedelta(hours=hours, minutes=hours % 60)
        assert stamp(moment, local) == moment.astimezone(local).strftime("%Y-%m-%d %H:%M %Z")
