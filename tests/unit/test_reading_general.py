"""The reader on sentences written for these tests, one or two for each kind of phrasing it must generalise over
(none of them from a labeled set): a journalist or a lawyer named without a threat, a publication already made,
data-rights requests, repeat contacts and polite impatience, outages and security incidents in six languages,
invoices the customer issues to their own clients, problem words in calm reports. A failure here is a kind of
phrasing lost, not an item."""

from __future__ import annotations

import pytest

from plugin.reading import default_reader

READER = default_reader()


def check_reading(text: str, mood: str | None, found: set[str], absent: set[str], repeat: bool | None,
                  manager: bool | None = None) -> None:
    """The reader's reading of `text` against what a table expects (None: not checked)."""
    reading = READER.read(text)
    if mood is not None:
        assert reading.mood.value == mood, reading
    assert found <= set(reading.matters), reading
    assert not absent & set(reading.matters), reading
    if repeat is not None:
        assert reading.repeat_claim == repeat, reading
    if manager is not None:
        assert reading.requests_manager == manager, reading

# (text, mood or None, matters it must find, matters it must not find, repeat claim or None, asks for a manager or None)
CASES: list[tuple[str, str | None, set[str], set[str], bool | None, bool | None]] = [
    ("I'm a journalist at the Guardian writing about the outage last Tuesday. Could you comment?",
     "calm", {"media","outage"}, set(), None, None),
    ("If the refund is not in my account by Monday I will contact the newspapers.",
     "threatening", {"media"}, set(), None, None),
    ("We already posted our experience on Reddit and people agree with us. Terrible service.",
     "angry", {"media"}, set(), None, None),
    ("Our solicitor sent you the probate documents last month; please close my late husband's account.",
     None, {"legal"}, set(), None, None),
    ("Please be advised that my attorney will be contacting you regarding the damages.",
     "threatening", {"legal"}, set(), None, None),
    ("Unless the charges are reversed, I'll be speaking to my lawyer.",
     "threatening", {"legal","billing"}, set(), None, None),
    ("Under GDPR I request a copy of all personal data you hold about me.", "calm", {"regulatory"}, set(), None, None),
    ("Can you send us your GDPR data processing agreement for signature?", "calm", set(), {"regulatory"}, None, None),
    ("This is the second time I'm emailing about this. The export still fails.",
     "frustrated", set(), set(), True, None),
    ("I rang your helpline on Monday and again yesterday and nobody called back as promised.",
     "frustrated", set(), set(), True, None),
    ("The third outage this month took down our checkout for two hours.", None, {"outage"}, set(), False, None),
    ("Our whole office has had no internet since 8am and we cannot work.", None, {"outage"}, set(), None, None),
    ("The dashboard is slow today but everything loads.", "calm", set(), {"outage"}, None, None),
    ("Somebody logged into my account from Brazil and changed my email address.",
     None, {"security"}, set(), None, None),
    ("Got a text claiming to be from your bank asking me to confirm my PIN. Is it legit?",
     "calm", {"security"}, set(), None, None),
    ("My manager is upset that the report is late again, can you check the schedule?",
     "frustrated", set(), set(), None, False),
    ("Could I please speak to a supervisor about this decision?", None, set(), set(), None, True),
    ("Please escalate this to your engineering team, they need the logs.", None, set(), set(), None, False),
    ("We issue refunds to our customers through your API and the refund endpoint returns 500.",
     "calm", set(), {"billing"}, None, None),
    ("You charged my card twice for the same order.", None, {"billing"}, set(), None, None),
    ("FATAL: connection pool exhausted\nERROR: worker crashed\nCan you advise on pool sizing?",
     "calm", set(), {"outage"}, None, None),
    ("Bonjour, je suis journaliste à Ouest-France et j'enquête sur la panne de vendredi.",
     "calm", {"media","outage"}, set(), None, None),
    ("Si je n'ai pas de réponse demain, je saisis la presse.", "threatening", {"media"}, set(), None, None),
    ("J'ai déjà appelé trois fois et personne ne me rappelle.", "frustrated", set(), set(), True, None),
    ("Conformément au RGPD, je vous demande la suppression de toutes mes données personnelles.",
     "calm", {"regulatory"}, set(), None, None),
    ("Notre site est hors service depuis ce matin, aucun client ne peut commander.",
     None, {"outage"}, set(), None, None),
    ("Quelqu'un s'est connecté à mon compte depuis l'étranger.", None, {"security"}, set(), None, None),
    ("Tout le monde dans l'équipe trouve l'outil pratique, merci !", "calm", set(), {"media"}, None, None),
    ("Je souhaite parler à votre responsable, s'il vous plaît.", None, set(), set(), None, True),
    ("C'est inadmissible, vous vous moquez de vos clients.", "angry", set(), set(), None, None),
    ("Ich habe bereits dreimal angerufen und niemand ruft zurück.", "frustrated", set(), set(), True, None),
    ("Wenn das Geld nicht bis Freitag zurück ist, schalte ich meinen Anwalt ein.",
     "threatening", {"legal"}, set(), None, None),
    ("Laut Art. 17 DSGVO verlange ich die Löschung meiner Daten.", None, {"regulatory"}, set(), None, None),
    ("Unser Shop ist seit heute Morgen nicht erreichbar, kein Kunde kann bestellen.",
     None, {"outage"}, set(), None, None),
    ("Jemand hat sich in mein Konto eingeloggt, das war nicht ich.", None, {"security"}, set(), None, None),
    ("Das ist eine Frechheit! So geht man nicht mit Kunden um.", "angry", set(), set(), None, None),
    ("Ya he llamado tres veces y nadie me da una solución.", "frustrated", set(), set(), True, None),
    ("Si no me devuelven el dinero, lo publico en redes sociales.", "threatening", {"media"}, set(), None, None),
    ("Según el RGPD, solicito el acceso a mis datos personales.", None, {"regulatory"}, set(), None, None),
    ("Estamos sin internet desde ayer en toda la oficina.", None, {"outage"}, set(), None, None),
    ("Quiero hablar con un supervisor.", None, set(), set(), None, True),
    ("Vi ho già scritto due volte e non ho ricevuto alcuna risposta.", "frustrated", set(), set(), True, None),
    ("Se non risolvete entro venerdì, mi rivolgerò al mio avvocato.", "threatening", {"legal"}, set(), None, None),
    ("Il sito è irraggiungibile da stamattina per tutti i clienti.", None, {"outage"}, set(), None, None),
    ("Ho bisogno della stampa delle fatture in PDF.", None, set(), {"media"}, None, None),
    ("Já liguei duas vezes e ninguém resolve.", "frustrated", set(), set(), True, None),
    ("Se não resolverem, vou expor a empresa no Reclame Aqui.", "threatening", {"media"}, set(), None, None),
    ("O sistema está fora do ar desde cedo, ninguém consegue acessar.", None, {"outage"}, set(), None, None),
    ("The nightly job crashed with a segmentation fault and the index is corrupted. Logs attached.",
     "calm", set(), {"outage","security"}, None, None),
    ("Le serveur de test a planté cette nuit, rien d'urgent, c'est juste pour info.",
     "calm", set(), {"outage"}, None, None),
    ("Der Import bricht mit einem Fehler ab: Timeout nach 30 Sekunden. Können Sie helfen?",
     "calm", set(), {"outage"}, None, None),
    ("Hello, how do I download last year's invoices as PDF?", "calm", set(), {"billing","outage"}, None, None),
    ("Is there a way to export the list of users who logged in from abroad? Compliance asks for it.",
     "calm", set(), {"security"}, None, None),
    ("We want to add a second admin to our account, what's the process?", "calm", set(), set(), False, False),
    ("Could you cancel order 5521 for our customer? They changed their mind.", "calm", set(), {"churn"}, None, None),
    ("Please add our lawyer, Mrs. Klein, as a read-only user on the account.", "calm", set(), set(), None, None),
    ("Fix this by Friday or we will take our business elsewhere.", "threatening", {"churn"}, set(), None, None),
    ("I am filing a complaint with the FTC today.", "threatening", {"regulatory"}, set(), None, None),
    ("My lawyer is already drafting a letter.", "threatening", {"legal"}, set(), None, None),
    ("Si no lo arreglan hoy, presentaré una reclamación ante la OCU.", "threatening", set(), set(), None, None),
    ("Wenn Sie nicht reagieren, wende ich mich an die Verbraucherzentrale.",
     "threatening", {"regulatory"}, set(), None, None),
    ("Se entro domani non ricevo il rimborso, faccio ricorso al mio avvocato.",
     "threatening", {"legal","billing"}, set(), None, None),
    ("Caso não resolvam, vou registrar uma reclamação no Procon.", "threatening", {"regulatory"}, set(), None, None),
    ("Absolutely pathetic. Three hours on hold and then the line went dead.", "angry", set(), set(), None, None),
    ("Vous êtes des incapables, franchement.", "angry", set(), set(), None, None),
    ("Es una vergüenza cómo tratan a sus clientes.", "angry", set(), set(), None, None),
    ("Siete degli incompetenti, è la terza volta che sbagliate.", "angry", set(), set(), None, None),
    ("Que palhaçada! Ninguém resolve nada nessa empresa.", "angry", set(), set(), None, None),
    ("Any update on this? It's been two weeks and I still can't export.", "frustrated", set(), set(), None, None),
    ("Ça fait dix jours que j'attends une réponse.", "frustrated", set(), set(), None, None),
    ("Seit zwei Wochen warte ich auf eine Antwort.", "frustrated", set(), set(), None, None),
    ("Llevo una semana esperando y nadie me contesta.", "frustrated", set(), set(), None, None),
    ("È da una settimana che aspetto una risposta.", "frustrated", set(), set(), None, None),
    ("Estou aguardando há dez dias uma resposta.", "frustrated", set(), set(), None, None),
    ("Our API returns 503 on every request since 10:15.", None, {"outage"}, set(), None, None),
    ("None of our stores can take card payments right now.", None, {"outage"}, set(), None, None),
    ("La web no carga para nadie desde esta mañana.", None, {"outage"}, set(), None, None),
    ("Il nostro negozio online è offline da due ore.", None, {"outage"}, set(), None, None),
    ("Die Plattform ist komplett ausgefallen.", None, {"outage"}, set(), None, None),
    ("I think my password was leaked, I got an email saying it was changed but I didn't do it.",
     None, {"security"}, set(), None, None),
    ("Mi cuenta ha sido hackeada y han cambiado la contraseña.", None, {"security"}, set(), None, None),
    ("Ho ricevuto un'email di phishing che sembra venire da voi.", None, {"security"}, set(), None, None),
    ("As I explained to your colleague on the phone yesterday, the delivery never arrived.",
     None, set(), set(), True, None),
    ("Comme je l'ai expliqué à votre collègue hier, le colis n'est jamais arrivé.", None, set(), set(), True, None),
    ("Wie ich Ihrem Kollegen gestern am Telefon erklärt habe, kam das Paket nie an.", None, set(), set(), True, None),
    ("Como le expliqué ayer a su compañero, el paquete nunca llegó.", None, set(), set(), True, None),
    ("I need to speak with someone in management about this contract.", None, set(), set(), None, True),
    ("Ich möchte bitte mit einer Führungskraft sprechen.", None, set(), set(), None, True),
    ("Vorrei parlare con un responsabile, per favore.", None, set(), set(), None, True),
    ("Gostaria de falar com um supervisor.", None, set(), set(), None, True),
]


@pytest.mark.parametrize(("text", "mood", "found", "absent", "repeat", "manager"), CASES)
def test_the_reader_generalises_over_kinds_of_phrasing(text: str, mood: str | None, found: set[str],
                                                       absent: set[str], repeat: bool | None,
                                                       manager: bool | None) -> None:
    check_reading(text, mood, found, absent, repeat, manager)


def test_quoted_and_forwarded_text_is_not_the_customers() -> None:
    text = ("Hi, is this email really from you? The link looks suspicious and I didn't click it.\n\n"
            "---------- Forwarded message ---------\nSubject: FINAL NOTICE: your invoice is overdue\n"
            "Pay now or your account will be closed and passed to our lawyers.")
    reading = READER.read(text)
    assert reading.mood.value == "calm" and reading.matters == ("security",), reading


def test_an_acronym_is_not_shouting() -> None:
    reading = READER.read("Our DPO asked about GDPR and the DSGVO wording, still no reply though.")
    assert not reading.phrases("shouting"), reading
