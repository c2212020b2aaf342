"""The reader on kinds of phrasing, each kind in six languages: repeat contact and impatience in several tenses,
polite fury and sarcasm, media and review threats against publications already made and product features, security
incidents against security settings, outages against single broken features, legal intent against a lawyer or a
court named in passing. Every sentence was written for this file (none comes from a labeled set); the lures must
not fire. A failure is a kind of phrasing lost, not an item."""

from __future__ import annotations

import pytest

from plugin.reading import default_reader

READER = default_reader()

# (text, mood or None, matters it must find, matters it must not find, repeat claim or None)
Case = tuple[str, str | None, set[str], set[str], bool | None]

REPEAT: list[Case] = [
    ("I've written to you three times now about this invoice.", "frustrated", {"billing"}, set(), True),
    ("This is my fourth email regarding the same problem.", "frustrated", set(), set(), True),
    ("I have been chasing this since March and nobody cares.", "frustrated", set(), set(), True),
    ("I already reported this bug two weeks ago and nothing has happened.", "frustrated", set(), set(), True),
    ("Still waiting for someone to get back to me about the refund I asked for last week.",
     "frustrated", {"billing"}, set(), True),
    ("Yet again the export is empty. I raised a ticket about this on Monday.", "frustrated", set(), set(), True),
    ("I opened a case in January and I'm still waiting for a fix.", "frustrated", set(), set(), True),
    ("Nobody has replied to my last three messages.", "frustrated", set(), set(), True),
    ("I keep contacting you and keep getting the same canned answer.", "frustrated", set(), set(), True),
    ("As per my previous emails, the device still won't pair.", "frustrated", set(), set(), True),
    ("I've called your hotline every day this week.", "frustrated", set(), set(), True),
    ("This is the third time I'm asking for the same thing.", "frustrated", set(), set(), True),
    ("I have now sent five emails and received zero replies.", "frustrated", set(), set(), True),
    ("I've been in touch with your team repeatedly about this since the summer.", "frustrated", set(), set(), True),
    ("Once more I have to write to you about the same missing parcel.", "frustrated", set(), set(), True),
    ("I've lost count of how many times I've contacted you.", "frustrated", set(), set(), True),
    ("Je vous ai déjà écrit trois fois à ce sujet.", "frustrated", set(), set(), True),
    ("C'est la quatrième fois que je vous contacte pour le même problème.", "frustrated", set(), set(), True),
    ("J'ai déjà signalé ce bug il y a deux semaines, toujours rien.", "frustrated", set(), set(), True),
    ("Je relance une nouvelle fois concernant ma demande de remboursement.", "frustrated", {"billing"}, set(), True),
    ("Malgré mes nombreuses relances, aucune réponse de votre part.", "frustrated", set(), set(), True),
    ("Comme je vous l'ai déjà dit au téléphone, la box ne s'allume plus.", "frustrated", set(), set(), True),
    ("J'attends toujours le rappel promis par votre conseiller la semaine dernière.",
     "frustrated", set(), set(), True),
    ("Je vous ai envoyé plusieurs mails restés sans réponse.", "frustrated", set(), set(), True),
    ("Ich habe Ihnen schon dreimal geschrieben und keine Antwort bekommen.", "frustrated", set(), set(), True),
    ("Das ist jetzt meine vierte E-Mail zu diesem Thema.", "frustrated", set(), set(), True),
    ("Ich hatte das Problem bereits letzte Woche gemeldet.", "frustrated", set(), set(), True),
    ("Trotz mehrfacher Nachfrage habe ich immer noch keine Rückmeldung.", "frustrated", set(), set(), True),
    ("Ich warte immer noch auf den versprochenen Rückruf.", "frustrated", set(), set(), True),
    ("Wie bereits in meiner letzten Mail erwähnt, ist die Rechnung falsch.", "frustrated", {"billing"}, set(), True),
    ("Ich melde mich nun zum wiederholten Male wegen derselben Sache.", "frustrated", set(), set(), True),
    ("Ya les escribí la semana pasada y nadie me ha contestado.", "frustrated", set(), set(), True),
    ("Es la tercera vez que reclamo por lo mismo.", "frustrated", set(), set(), True),
    ("Llevo días llamando y no me dan ninguna solución.", "frustrated", set(), set(), True),
    ("Sigo esperando la respuesta que me prometieron por teléfono.", "frustrated", set(), set(), True),
    ("Como ya les comenté en mi correo anterior, la factura está mal.", "frustrated", {"billing"}, set(), True),
    ("Les he enviado varios correos y ninguno ha sido respondido.", "frustrated", set(), set(), True),
    ("Já enviei três e-mails e ninguém me respondeu.", "frustrated", set(), set(), True),
    ("É a terceira vez que entro em contato sobre isso.", "frustrated", set(), set(), True),
    ("Como já informei ao atendente ontem, o pedido não chegou.", "frustrated", set(), set(), True),
    ("Já abri dois chamados e até agora nada.", "frustrated", set(), set(), True),
    ("Vi ho già contattato tre volte per lo stesso problema.", "frustrated", set(), set(), True),
    ("È la quarta mail che mando e nessuno risponde.", "frustrated", set(), set(), True),
    ("Avevo già segnalato il problema la settimana scorsa.", "frustrated", set(), set(), True),
    ("Sto ancora aspettando la chiamata che mi avevate promesso.", "frustrated", set(), set(), True),
    ("Ho già aperto due ticket e nessuno mi ha risposto.", "frustrated", set(), set(), True),
]

IMPATIENCE: list[Case] = [
    ("For the umpteenth time the sync has wiped my calendar entries.", "frustrated", set(), set(), None),
    ("Yet another week without a working export. When will this be fixed?", "frustrated", set(), set(), None),
    ("How much longer do we have to wait for a simple answer?", "frustrated", set(), set(), None),
    ("Encore une fois, la synchronisation a échoué. J'en ai assez.", "frustrated", set(), set(), None),
    ("Ça fait maintenant trois semaines que ça dure.", "frustrated", set(), set(), None),
    ("Schon wieder funktioniert der Export nicht. Langsam reicht es.", "frustrated", set(), set(), None),
    ("Wie lange soll ich denn noch warten?", "frustrated", set(), set(), None),
    ("Otra vez el mismo error. Estoy harto.", "frustrated", set(), set(), None),
    ("¿Cuánto tiempo más tengo que esperar?", "frustrated", set(), set(), None),
    ("De novo o aplicativo fechou sozinho. Já estou cansado disso.", "frustrated", set(), set(), None),
    ("Até quando vou ter que esperar?", "frustrated", set(), set(), None),
    ("Ancora una volta l'app non si apre. Non se ne può più.", "frustrated", set(), set(), None),
    ("Quanto devo ancora aspettare?", "frustrated", set(), set(), None),
]

FURY: list[Case] = [
    ("I am deeply disappointed and frankly appalled by how this was handled.", "angry", set(), set(), None),
    ("With all due respect, this is a shocking way to treat a customer of ten years.", "angry", set(), set(), None),
    ("Great, another update that breaks everything. Well done, really.", "angry", set(), set(), None),
    ("Thanks for nothing, as usual.", "angry", set(), set(), None),
    ("Bravo, vraiment. Quel service exemplaire : trois semaines sans colis.", "angry", set(), set(), None),
    ("Je suis profondément choqué par la manière dont vous traitez vos clients.", "angry", set(), set(), None),
    ("Herzlichen Dank für gar nichts.", "angry", set(), set(), None),
    ("Ich bin maßlos enttäuscht und ehrlich gesagt empört über diesen Umgang.", "angry", set(), set(), None),
    ("Enhorabuena, han conseguido que un cliente fiel se sienta estafado.", "angry", set(), set(), None),
    ("Me parece indignante el trato que he recibido.", "angry", set(), set(), None),
    ("Parabéns pelo péssimo atendimento.", "angry", set(), set(), None),
    ("Estou indignado com a falta de respeito.", "angry", set(), set(), None),
    ("Complimenti davvero, un servizio vergognoso.", "angry", set(), set(), None),
    ("Sono profondamente deluso e indignato dal vostro comportamento.", "angry", set(), set(), None),
]

MEDIA: list[Case] = [
    ("If this isn't sorted by tomorrow, I'll be telling everyone on LinkedIn how you treat customers.",
     "threatening", {"media"}, set(), None),
    ("I'm about to post a detailed thread on X about this.", "threatening", {"media"}, set(), None),
    ("Expect a one-star review on Trustpilot.", "threatening", {"media"}, set(), None),
    ("Perhaps a journalist would be interested in how you treat pensioners.", "threatening", {"media"}, set(), None),
    ("I will make this public.", "threatening", {"media"}, set(), None),
    ("Don't make me write a blog post about this.", "threatening", {"media"}, set(), None),
    ("Je vais raconter mon expérience sur LinkedIn si rien ne bouge.", "threatening", {"media"}, set(), None),
    ("Je vais laisser un avis bien salé sur Google.", "threatening", {"media"}, set(), None),
    ("Ich werde das auf Twitter öffentlich machen.", "threatening", {"media"}, set(), None),
    ("Sonst schreibe ich eine Bewertung auf Trustpilot.", "threatening", {"media"}, set(), None),
    ("Ich überlege, mich an die Presse zu wenden.", "threatening", {"media"}, set(), None),
    ("Voy a contar todo en Twitter si no me responden hoy.", "threatening", {"media"}, set(), None),
    ("Dejaré una reseña negativa en Google.", "threatening", {"media"}, set(), None),
    ("Vou postar tudo no Instagram.", "threatening", {"media"}, set(), None),
    ("Vou denunciar vocês nas redes sociais.", "threatening", {"media"}, set(), None),
    ("Pubblicherò una recensione negativa su Trustpilot.", "threatening", {"media"}, set(), None),
    ("Se non rispondete, racconterò tutto sui social.", "threatening", {"media"}, set(), None),
    ("I've already left a review on Google describing all of this.", None, {"media"}, set(), None),
    ("J'ai déjà publié un post sur LinkedIn à ce sujet.", None, {"media"}, set(), None),
    # lures: a product feature, a widget, a library
    ("The media upload fails for files above 20 MB.", "calm", set(), {"media"}, None),
    ("How do I connect our LinkedIn page to the scheduler?", "calm", set(), {"media"}, None),
    ("The Trustpilot widget is not showing on the product page.", "calm", set(), {"media"}, None),
    ("Le bouton de partage sur les réseaux sociaux n'apparaît plus.", "calm", set(), {"media"}, None),
    ("Die Medienbibliothek lädt sehr langsam.", "calm", set(), {"media", "outage"}, None),
    ("La integración con Instagram no publica las fotos.", "calm", set(), {"media"}, None),
    ("A integração com o Facebook parou de sincronizar os anúncios.", "calm", set(), {"media"}, None),
    ("Il caricamento dei video su YouTube dalla vostra app non funziona.", "calm", set(), {"media"}, None),
]

SECURITY: list[Case] = [
    ("Someone reset my password and changed the 2FA phone number without my consent.",
     None, {"security"}, set(), None),
    ("We found our API key exposed in a public GitHub repository.", None, {"security"}, set(), None),
    ("There are logins to our admin account from IP addresses we don't recognise.", None, {"security"}, set(), None),
    ("Our customers are receiving phishing emails sent from your domain.", None, {"security"}, set(), None),
    ("An attacker bypassed two-factor authentication on three of our accounts.", None, {"security"}, set(), None),
    ("My account was taken over and the attacker changed the payout details.", None, {"security"}, set(), None),
    ("Mon compte a été piraté, quelqu'un a changé mon mot de passe.", None, {"security"}, set(), None),
    ("Nous avons détecté des connexions suspectes sur notre compte administrateur.", None, {"security"}, set(), None),
    ("Des données clients ont fuité et circulent sur un forum.", None, {"security"}, set(), None),
    ("Je reçois des mails d'hameçonnage qui utilisent votre nom de domaine.", None, {"security"}, set(), None),
    ("Unser Konto wurde gehackt und jemand hat Bestellungen aufgegeben.", None, {"security"}, set(), None),
    ("Es gab unbefugte Zugriffe auf unsere Kundendaten.", None, {"security"}, set(), None),
    ("Ich habe eine Phishing-Mail erhalten, die angeblich von Ihnen stammt.", None, {"security"}, set(), None),
    ("Unser API-Schlüssel war öffentlich einsehbar.", None, {"security"}, set(), None),
    ("Alguien accedió a mi cuenta sin autorización y cambió el correo.", None, {"security"}, set(), None),
    ("Hemos sufrido una filtración de datos de clientes.", None, {"security"}, set(), None),
    ("Recibí un correo de phishing que suplanta a su empresa.", None, {"security"}, set(), None),
    ("Minha conta foi invadida e alteraram a senha.", None, {"security"}, set(), None),
    ("Houve um vazamento de dados dos nossos clientes.", None, {"security"}, set(), None),
    ("Há acessos suspeitos na minha conta vindos de outro país.", None, {"security"}, set(), None),
    ("Il mio account è stato violato e hanno cambiato la password.", None, {"security"}, set(), None),
    ("Abbiamo notato accessi non autorizzati al pannello di amministrazione.", None, {"security"}, set(), None),
    ("C'è stata una fuga di dati dei clienti.", None, {"security"}, set(), None),
    # lures: security settings and questions
    ("How do I enable 2FA for my whole team?", "calm", set(), {"security"}, None),
    ("Can you fill in our security questionnaire before the renewal?", "calm", set(), {"security"}, None),
    ("Comment activer la double authentification pour mes collaborateurs ?", "calm", set(), {"security"}, None),
    ("Wie kann ich mein Passwort ändern?", "calm", set(), {"security"}, None),
    ("¿Cómo activo la verificación en dos pasos?", "calm", set(), {"security"}, None),
    ("Como faço para trocar a senha do usuário administrador?", "calm", set(), {"security"}, None),
    ("Come si attiva l'autenticazione a due fattori?", "calm", set(), {"security"}, None),
]

OUTAGE: list[Case] = [
    ("Everything is down, none of our agents can work.", None, {"outage"}, set(), None),
    ("We're getting a 500 on every page since the deploy.", None, {"outage"}, set(), None),
    ("Nobody in the office can log in, the login page just spins.", None, {"outage"}, set(), None),
    ("Our storefront has been offline for the last hour and we're losing sales.", None, {"outage"}, set(), None),
    ("API, dashboard and webhooks are all unreachable.", None, {"outage"}, set(), None),
    ("Plus rien ne fonctionne depuis ce matin, toute l'équipe est bloquée.", None, {"outage"}, set(), None),
    ("Impossible de se connecter pour l'ensemble de nos utilisateurs.", None, {"outage"}, set(), None),
    ("Erreur 500 sur toutes les pages depuis la mise à jour.", None, {"outage"}, set(), None),
    ("Seit heute früh geht gar nichts mehr, niemand kann sich anmelden.", None, {"outage"}, set(), None),
    ("Der Server ist down und unsere Mitarbeiter können nicht arbeiten.", None, {"outage"}, set(), None),
    ("Auf jeder Seite kommt ein Fehler 500.", None, {"outage"}, set(), None),
    ("La plataforma está caída y nadie puede trabajar.", None, {"outage"}, set(), None),
    ("Ninguno de nuestros usuarios puede iniciar sesión.", None, {"outage"}, set(), None),
    ("Error 500 en todas las páginas desde esta mañana.", None, {"outage"}, set(), None),
    ("O sistema caiu e ninguém consegue trabalhar.", None, {"outage"}, set(), None),
    ("Estamos sem internet desde ontem.", None, {"outage"}, set(), None),
    ("Erro 500 em todas as páginas.", None, {"outage"}, set(), None),
    ("Il servizio è down da stamattina, nessuno riesce ad accedere.", None, {"outage"}, set(), None),
    ("Non funziona più niente, siamo tutti bloccati.", None, {"outage"}, set(), None),
    ("Errore 500 su tutte le pagine.", None, {"outage"}, set(), None),
    # lures: one broken feature, a word that holds "down"
    ("The drop-down menu for countries is broken.", "calm", set(), {"outage"}, None),
    ("Scroll down and the save button is missing.", "calm", set(), {"outage"}, None),
    ("The download of the report fails with an error.", "calm", set(), {"outage"}, None),
    ("Please send the SLA breach report for March.", "calm", set(), {"outage", "security"}, None),
    ("The dashboard is slow but up.", "calm", set(), {"outage"}, None),
    ("When is the planned maintenance downtime this weekend?", "calm", set(), {"outage"}, None),
    ("Le menu déroulant des pays ne s'affiche pas.", "calm", set(), {"outage"}, None),
    ("Der Download der Rechnung bricht ab.", "calm", set(), {"outage"}, None),
    ("El botón de descarga no hace nada.", "calm", set(), {"outage"}, None),
]

LEGAL: list[Case] = [
    ("If you don't refund me, my lawyer will be in touch.", "threatening", {"legal"}, set(), None),
    ("We are prepared to take this to court.", "threatening", {"legal"}, set(), None),
    ("I have instructed my solicitor to recover the money.", "threatening", {"legal"}, set(), None),
    ("Consider this a formal notice before legal proceedings.", "threatening", {"legal"}, set(), None),
    ("Sans réponse sous huit jours, je saisirai le tribunal.", "threatening", {"legal"}, set(), None),
    ("Mon avocat vous contactera dans les prochains jours.", "threatening", {"legal"}, set(), None),
    ("Ich werde rechtliche Schritte einleiten.", "threatening", {"legal"}, set(), None),
    ("Mein Anwalt wird sich bei Ihnen melden.", "threatening", {"legal"}, set(), None),
    ("Voy a tomar acciones legales contra su empresa.", "threatening", {"legal"}, set(), None),
    ("Mi abogado se pondrá en contacto con ustedes.", "threatening", {"legal"}, set(), None),
    ("Vou entrar na justiça contra vocês.", "threatening", {"legal"}, set(), None),
    ("Meu advogado vai entrar em contato.", "threatening", {"legal"}, set(), None),
    ("Procederò per vie legali.", "threatening", {"legal"}, set(), None),
    ("Il mio avvocato vi contatterà a breve.", "threatening", {"legal"}, set(), None),
    # lures: a name, a department, a fruit, the customer's own business
    ("Sue from accounting asked me to forward this invoice.", "calm", set(), {"legal"}, None),
    ("Our legal team asked for the DPA before we sign.", "calm", set(), {"legal"}, None),
    ("Please update our legal entity name on the invoices.", "calm", set(), {"legal"}, None),
    ("The booking module double-books our tennis courts.", "calm", set(), {"legal"}, None),
    ("Je voudrais commander deux salades à l'avocat, merci.", "calm", set(), {"legal"}, None),
    ("Notre service juridique demande une copie du contrat de sous-traitance.", "calm", set(), {"legal"}, None),
    ("Unsere Rechtsabteilung bittet um eine Kopie des Vertrags.", "calm", set(), {"legal"}, None),
    ("Nuestro departamento jurídico pide una copia del contrato.", "calm", set(), {"legal"}, None),
    ("Preciso de uma cópia do contrato para o nosso jurídico.", "calm", set(), {"legal"}, None),
    ("Il nostro ufficio legale chiede una copia del contratto.", "calm", set(), {"legal"}, None),
]

CALM: list[Case] = [
    ("ERROR 403 when calling /v2/orders although the token is valid. Could you check?", "calm", set(), set(), None),
    ("The app crashes on startup on Android 14. Steps to reproduce are attached.", "calm", set(), set(), None),
    ("L'import plante avec une erreur fatale à la ligne 42.", "calm", set(), set(), None),
    ("Beim Speichern stürzt die App ab, die Fehlermeldung hängt an.", "calm", set(), set(), None),
    ("La sincronización falla con un error de tiempo de espera.", "calm", set(), set(), None),
    ("O relatório dá erro ao exportar para Excel.", "calm", set(), set(), None),
    ("L'app si blocca quando apro le impostazioni.", "calm", set(), set(), None),
]

ALL = [*REPEAT, *IMPATIENCE, *FURY, *MEDIA, *SECURITY, *OUTAGE, *LEGAL, *CALM]


@pytest.mark.parametrize(("text", "mood", "found", "absent", "repeat"), ALL)
def test_a_kind_of_phrasing_is_read(text: str, mood: str | None, found: set[str], absent: set[str],
                                    repeat: bool | None) -> None:
    reading = READER.read(text)
    if mood is not None:
        assert reading.mood.value == mood, reading
    assert found <= set(reading.matters), reading
    assert not absent & set(reading.matters), reading
    if repeat is not None:
        assert reading.repeat_claim == repeat, reading
