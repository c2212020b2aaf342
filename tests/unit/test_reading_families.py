"""The reader on families of phrasing found missing by practice messages written in many voices (the fourth version,
docs/reading.md): insults and outrage idioms, impatience by duration and weariness, a lawyer, the press, a regulator
or a competitor named by what the customer does, outages and security incidents told by what happened, in six
languages, and the lures each family must leave alone. Every sentence was written for this file or for the
practice batches (none comes from a labeled set). A failure is a family of phrasing lost, not an item."""

from __future__ import annotations

import pytest
from test_reading_general import check_reading

# (text, mood or None, matters it must find, matters it must not find)
Case = tuple[str, str | None, set[str], set[str]]

ANGER: list[Case] = [
    ('Frankly shocking service from start to finish.', 'angry', set(), set()),
    ('I feel completely let down and fobbed off.', 'angry', set(), set()),
    ("I'm appalled by how this was handled.", 'angry', set(), set()),
    ('The whole process has been an absolute shambles.', 'angry', set(), set()),
    ('Your customer service is abysmal.', 'angry', set(), set()),
    ("I am disgusted with the way I've been treated.", 'angry', set(), set()),
    ('Atrocious. There is no other word for it.', 'angry', set(), set()),
    ("I'm fuming right now.", 'angry', set(), set()),
    ('You should be ashamed of yourselves.', 'angry', set(), set()),
    ('Shame on you for treating a loyal customer like this.', 'angry', set(), set()),
    ('How dare you charge me for something I cancelled.', 'angry', set(), set()),
    ('This is a complete rip-off.', 'angry', set(), set()),
    ('You are a bunch of scammers.', 'angry', set(), set()),
    ('Your agents are clueless and rude.', 'angry', set(), set()),
    ('This is beyond a joke now.', 'angry', set(), set()),
    ('The last three weeks have been a total nightmare thanks to you.', 'angry', set(), set()),
    ('Do you people even read what I write?', 'angry', set(), set()),
    ('Are you kidding me? Another delay?', 'angry', set(), set()),
    ('What the hell is going on with your billing?', 'angry', set(), set()),
    ('This app is a piece of crap.', 'angry', set(), set()),
    ('Total rubbish, nothing works as advertised.', 'angry', set(), set()),
    ("I've been treated like an idiot by your staff.", 'angry', set(), set()),
    ('Never again will I buy from you.', 'angry', set(), set()),
    ('This was the last straw.', 'angry', set(), set()),
    ("It's outrageous that I have to chase you for my own money.", 'angry', set(), set()),
    ('Your so-called support is useless.', 'angry', set(), set()),
    ('I am livid.', 'angry', set(), set()),
    ("I'm so angry I can barely type.", 'angry', set(), set()),
    ('Incompetence at every level.', 'angry', set(), set()),
    ('What kind of amateur operation are you running?', 'angry', set(), set()),
    ('Utterly unacceptable.', 'angry', set(), set()),
    ('This is the worst company I have ever dealt with.', 'angry', set(), set()),
    ('Horrendous experience.', 'angry', set(), set()),
    ("I'm sick to death of your excuses.", 'angry', set(), set()),
    ('You have wasted hours of my life.', 'angry', set(), set()),
    ("Don't bother sending me another scripted apology.", 'angry', set(), set()),
    ('Thanks for nothing.', 'angry', set(), set()),
    ('This is daylight robbery.', 'angry', set(), set()),
    ('A total farce.', 'angry', set(), set()),
    ('I have never been so insulted by a company.', 'angry', set(), set()),
    ('Your staff are liars.', 'angry', set(), set()),
    ('Bloody useless, the lot of you.', 'angry', set(), set()),
    ('This is a disgrace.', 'angry', set(), set()),
    ("I'm extremely upset and disappointed with the service.", 'angry', set(), set()),
    ("C'est une honte, vous devriez avoir honte.", 'angry', set(), set()),
    ('Votre service est lamentable.', 'angry', set(), set()),
    ('Je suis furieux.', 'angry', set(), set()),
    ('Je suis scandalisée par votre attitude.', 'angry', set(), set()),
    ("C'est du grand n'importe quoi.", 'angry', set(), set()),
    ('Vous vous fichez de nous.', 'angry', set(), set()),
    ('Vous nous prenez pour des imbéciles ?', 'angry', set(), set()),
    ("Bande d'incompétents.", 'angry', set(), set()),
    ("C'est une véritable arnaque.", 'angry', set(), set()),
    ("Je suis outrée par la manière dont j'ai été traitée.", 'angry', set(), set()),
    ('Service client déplorable, aucune considération.', 'angry', set(), set()),
    ("C'est inacceptable et irrespectueux.", 'angry', set(), set()),
    ('Quelle blague, vraiment.', 'angry', set(), set()),
    ("J'hallucine. Trois semaines pour rien.", 'angry', set(), set()),
    ('Vous êtes des voleurs.', 'angry', set(), set()),
    ("C'est la goutte d'eau qui fait déborder le vase.", 'angry', set(), set()),
    ('Je suis hors de moi.', 'angry', set(), set()),
    ("Franchement c'est minable.", 'angry', set(), set()),
    ('Das ist eine bodenlose Frechheit.', 'angry', set(), set()),
    ('Ich bin stocksauer.', 'angry', set(), set()),
    ('Was für ein Saftladen.', 'angry', set(), set()),
    ('Ihr seid doch alle unfähig.', 'angry', set(), set()),
    ('Ich fühle mich total verarscht.', 'angry', set(), set()),
    ('Das ist der letzte Dreck.', 'angry', set(), set()),
    ('So eine Schlamperei habe ich selten erlebt.', 'angry', set(), set()),
    ('Sie sollten sich schämen.', 'angry', set(), set()),
    ('Das ist ja wohl das Allerletzte.', 'angry', set(), set()),
    ('Ich bin maßlos verärgert über Ihr Verhalten.', 'angry', set(), set()),
    ('Eine Unverschämtheit sondergleichen.', 'angry', set(), set()),
    ('Das Fass ist übergelaufen.', 'angry', set(), set()),
    ('Es una tomadura de pelo.', 'angry', set(), set()),
    ('Estoy indignadísimo.', 'angry', set(), set()),
    ('Son unos sinvergüenzas.', 'angry', set(), set()),
    ('Qué vergüenza de servicio.', 'angry', set(), set()),
    ('Estoy hasta las narices.', 'angry', set(), set()),
    ('Me parece una falta de respeto total.', 'angry', set(), set()),
    ('Es increíble que me traten así.', 'angry', set(), set()),
    ('Esto es un timo.', 'angry', set(), set()),
    ('Estoy furiosa con ustedes.', 'angry', set(), set()),
    ('Una auténtica chapuza.', 'angry', set(), set()),
    ('Que falta de respeto com o cliente.', 'angry', set(), set()),
    ('Vocês são uns incompetentes.', 'angry', set(), set()),
    ('Estou revoltado com esse atendimento.', 'angry', set(), set()),
    ('Isso é uma palhaçada.', 'angry', set(), set()),
    ('Um descaso total.', 'angry', set(), set()),
    ('È una vergogna, siete degli incompetenti.', 'angry', set(), set()),
    ('Sono furioso.', 'angry', set(), set()),
    ('Mi avete preso in giro.', 'angry', set(), set()),
    ('Servizio scandaloso.', 'angry', set(), set()),
    ('Che schifo di assistenza.', 'angry', set(), set()),
]

IMPATIENCE: list[Case] = [
    ("I'm at my wits' end with this.", 'frustrated', set(), set()),
    ('I keep going round in circles with your chatbot.', 'frustrated', set(), set()),
    ("I'm getting nowhere with this.", 'frustrated', set(), set()),
    ("I'm running out of patience.", 'frustrated', set(), set()),
    ('This keeps happening every single week.', 'frustrated', set(), set()),
    ('How many more times do I have to ask?', 'frustrated', set(), set()),
    ("Any update? It's been two weeks.", 'frustrated', set(), set()),
    ("It has been 10 days and the parcel hasn't moved.", 'frustrated', set(), set()),
    ('Why is it so hard to get a straight answer?', 'frustrated', set(), set()),
    ('I just want this sorted, please.', 'frustrated', set(), set()),
    ('Really frustrating that the same bug came back.', 'frustrated', set(), set()),
    ('This is getting really annoying.', 'frustrated', set(), set()),
    ('Still no word from your team.', 'frustrated', set(), set()),
    ("Still haven't received the replacement.", 'frustrated', set(), set()),
    ("It still isn't working after the fix.", 'frustrated', set(), set()),
    ("I'm tired of restarting the router every day.", 'frustrated', set(), set()),
    ("We've been waiting for over a month.", 'frustrated', set(), set()),
    ('No one seems able to help me.', 'frustrated', set(), set()),
    ("Please, I need this resolved urgently, it's been days.", 'frustrated', set(), set()),
    ('Hello?? Is anyone there?', 'frustrated', set(), set()),
    ("I'm losing my patience here.", 'frustrated', set(), set()),
    ('This is taking forever.', 'frustrated', set(), set()),
    ('Again and again the same error, over and over.', 'frustrated', set(), set()),
    ("It's the same story every month.", 'frustrated', set(), set()),
    ("I'm starting to lose faith in your product.", 'frustrated', set(), set()),
    ("I've been left hanging for a week.", 'frustrated', set(), set()),
    ("I'm really disappointed that this still isn't fixed.", 'frustrated', set(), set()),
    ('Could you please, for once, give me an actual answer?', 'frustrated', set(), set()),
    ("Ça fait deux semaines que j'attends une réponse.", 'frustrated', set(), set()),
    ("J'en ai assez de relancer.", 'frustrated', set(), set()),
    ('Je suis à bout.', 'frustrated', set(), set()),
    ('Je tourne en rond avec votre chatbot.', 'frustrated', set(), set()),
    ('Quand allez-vous enfin régler ce problème ?', 'frustrated', set(), set()),
    ("C'est très pénible de devoir tout recommencer.", 'frustrated', set(), set()),
    ('Je suis épuisée par ces démarches.', 'frustrated', set(), set()),
    ('Toujours pas de nouvelles de votre part.', 'frustrated', set(), set()),
    ('Ça devient vraiment agaçant.', 'frustrated', set(), set()),
    ("Je n'en peux plus de ces coupures.", 'frustrated', set(), set()),
    ("Cela fait plus d'un mois que ça dure.", 'frustrated', set(), set()),
    ('Merci de faire le nécessaire rapidement, ça traîne depuis trop longtemps.', 'frustrated', set(), set()),
    ("Personne ne semble capable de m'aider.", 'frustrated', set(), set()),
    ('Je suis exaspéré.', 'frustrated', set(), set()),
    ('Ich bin mit meinen Nerven am Ende.', 'frustrated', set(), set()),
    ('Ich drehe mich im Kreis mit Ihrem Support.', 'frustrated', set(), set()),
    ('Das dauert jetzt schon drei Wochen.', 'frustrated', set(), set()),
    ('Langsam verliere ich die Geduld.', 'frustrated', set(), set()),
    ('Es ist wirklich ärgerlich, dass das immer wieder passiert.', 'frustrated', set(), set()),
    ('Niemand scheint sich zuständig zu fühlen.', 'frustrated', set(), set()),
    ('Ich habe die Nase voll.', 'frustrated', set(), set()),
    ('Wann wird das endlich behoben?', 'frustrated', set(), set()),
    ('Seit Tagen keine Reaktion von Ihnen.', 'frustrated', set(), set()),
    ('Llevo tres semanas esperando.', 'frustrated', set(), set()),
    ('Ya no sé qué hacer.', 'frustrated', set(), set()),
    ('Estoy cansado de llamar.', 'frustrated', set(), set()),
    ('Nadie me da una respuesta clara.', 'frustrated', set(), set()),
    ('Esto ya pasa de castaño oscuro.', 'frustrated', set(), set()),
    ('¿Para cuándo una solución?', 'frustrated', set(), set()),
    ('Me estoy desesperando.', 'frustrated', set(), set()),
    ('Já estou cansada de esperar.', 'frustrated', set(), set()),
    ('Faz duas semanas que espero uma resposta.', 'frustrated', set(), set()),
    ('Até quando vou ter que esperar?', 'frustrated', set(), set()),
    ('Ninguém resolve nada.', 'frustrated', set(), set()),
    ('Sono stufo di aspettare.', 'frustrated', set(), set()),
    ('Sono tre settimane che aspetto.', 'frustrated', set(), set()),
    ('Nessuno mi sa dare una risposta.', 'frustrated', set(), set()),
    ('Non ne posso più.', 'frustrated', set(), set()),
]

LEGAL: list[Case] = [
    ("I'm handing the matter to my attorney.", 'threatening', {'legal'}, set()),
    ('Expect to hear from my solicitor.', 'threatening', {'legal'}, set()),
    ('My lawyer is drafting a letter as we speak.', 'threatening', {'legal'}, set()),
    ('I will be taking legal advice on this.', 'threatening', {'legal'}, set()),
    ("I'm prepared to take this to small claims.", 'threatening', {'legal'}, set()),
    ("You'll be hearing from our legal team.", 'threatening', {'legal'}, set()),
    ('We are consulting our lawyers about our options.', 'threatening', {'legal'}, set()),
    ('I will see you in court.', 'threatening', {'legal'}, set()),
    ("I'll file a lawsuit if this continues.", 'threatening', {'legal'}, set()),
    ('We reserve the right to take legal action.', 'threatening', {'legal'}, set()),
    ('This is now a matter for my lawyer.', 'threatening', {'legal'}, set()),
    ("I'm about to sue you.", 'threatening', {'legal'}, set()),
    ('Our legal department will be in contact.', 'threatening', {'legal'}, set()),
    ('I have no choice but to involve lawyers.', 'threatening', {'legal'}, set()),
    ('Next step is court.', 'threatening', {'legal'}, set()),
    ('Je transmets le dossier à mon avocat.', 'threatening', {'legal'}, set()),
    ('Mon avocat prendra contact avec vous.', 'threatening', {'legal'}, set()),
    ("J'envisage une action en justice.", 'threatening', {'legal'}, set()),
    ('Nous allons saisir les tribunaux.', 'threatening', {'legal'}, set()),
    ('Vous recevrez un courrier de mon avocat.', 'threatening', {'legal'}, set()),
    ('Je vais porter plainte contre votre société.', 'threatening', {'legal'}, set()),
    ("Je me réserve le droit d'engager des poursuites.", 'threatening', {'legal'}, set()),
    ('Ich werde meinen Anwalt einschalten.', 'threatening', {'legal'}, set()),
    ('Ich werde rechtliche Schritte einleiten.', 'threatening', {'legal'}, set()),
    ('Sie hören von meinem Anwalt.', 'threatening', {'legal'}, set()),
    ('Wir sehen uns vor Gericht.', 'threatening', {'legal'}, set()),
    ('Ich werde Sie verklagen.', 'threatening', {'legal'}, set()),
    ('Die Angelegenheit liegt jetzt bei meinem Anwalt.', 'threatening', {'legal'}, set()),
    ('Voy a poner una denuncia.', 'threatening', {'legal'}, set()),
    ('Mi abogado se pondrá en contacto con ustedes.', 'threatening', {'legal'}, set()),
    ('Tomaré medidas legales.', 'threatening', {'legal'}, set()),
    ('Nos veremos en los juzgados.', 'threatening', {'legal'}, set()),
    ('He hablado con mi abogado y vamos a demandarles.', 'threatening', {'legal'}, set()),
    ('Vou processar vocês.', 'threatening', {'legal'}, set()),
    ('Meu advogado vai entrar em contato.', 'threatening', {'legal'}, set()),
    ('Vou entrar com uma ação no juizado.', 'threatening', {'legal'}, set()),
    ('Mi rivolgerò a un avvocato.', 'threatening', {'legal'}, set()),
    ('Procederò per vie legali.', 'threatening', {'legal'}, set()),
    ('Vi porterò in tribunale.', 'threatening', {'legal'}, set()),
]

MEDIA: list[Case] = [
    ("I'm contacting a journalist at The Guardian about this.", 'threatening', {'media'}, set()),
    ("I'll post about this on Facebook.", 'threatening', {'media'}, set()),
    ("I'm going to tell everyone on Reddit how you treat customers.", 'threatening', {'media'}, set()),
    ("I'll be leaving a one-star review everywhere.", 'threatening', {'media'}, set()),
    ('Watchdog on BBC would love to hear about this.', 'threatening', {'media'}, set()),
    ("I'm sharing screenshots of this chat on Twitter.", 'threatening', {'media'}, set()),
    ("I've got 20k followers and they'll hear all about it.", 'threatening', {'media'}, set()),
    ('I will make sure this goes viral.', 'threatening', {'media'}, set()),
    ("I'm writing a blog post about this experience.", 'threatening', {'media'}, set()),
    ('Expect a very public review on Google.', 'threatening', {'media'}, set()),
    ("I'm a journalist at the Times and would like a comment on the outage.", 'calm', {'media'}, set()),
    ('I posted about this on Twitter yesterday, please check your mentions.', 'calm', {'media'}, set()),
    ('Je vais contacter des journalistes.', 'threatening', {'media'}, set()),
    ('Je vais partager cette conversation sur les réseaux sociaux.', 'threatening', {'media'}, set()),
    ('Je vais mettre un avis une étoile partout.', 'threatening', {'media'}, set()),
    ('Tout le monde va savoir comment vous traitez vos clients.', 'threatening', {'media'}, set()),
    ('Je vais faire un post LinkedIn sur votre entreprise.', 'threatening', {'media'}, set()),
    ('Je suis journaliste et je souhaiterais une réaction de votre part.', 'calm', {'media'}, set()),
    ('Ich werde das auf Twitter öffentlich machen.', 'threatening', {'media'}, set()),
    ('Ich wende mich an die Presse.', 'threatening', {'media'}, set()),
    ('Ich werde überall schlechte Bewertungen schreiben.', 'threatening', {'media'}, set()),
    ('Ich werde meinen Followern davon erzählen.', 'threatening', {'media'}, set()),
    ('Lo voy a publicar en redes sociales.', 'threatening', {'media'}, set()),
    ('Voy a dejar una reseña negativa en Google.', 'threatening', {'media'}, set()),
    ('Voy a contactar con la prensa.', 'threatening', {'media'}, set()),
    ('Voy a hacer un hilo en Twitter contando todo.', 'threatening', {'media'}, set()),
    ('Vou postar tudo nas redes sociais.', 'threatening', {'media'}, set()),
    ('Vou fazer uma reclamação no Reclame Aqui.', 'threatening', {'media'}, set()),
    ('Scriverò una recensione negativa ovunque.', 'threatening', {'media'}, set()),
    ('Racconterò tutto sui social.', 'threatening', {'media'}, set()),
    ('I write the tech column for the Evening Standard. Would you give a statement?', 'calm', {'media'}, set()),
    ('I host a consumer-rights podcast; would someone come on and answer a few questions?',
     'calm', {'media'}, {'legal'}),
    ("Pour info, j'ai publié un avis sur Trustpilot, vous pouvez y répondre si vous le souhaitez.", 'calm',
     {'media'}, set()),
    ('I run a travel blog with a decent following and I will be writing up how you handled this.',
     'threatening', {'media'}, set()),
]

REGULATORY: list[Case] = [
    ("I'm reporting you to trading standards.", 'threatening', {'regulatory'}, set()),
    ("I'll raise it with the data protection authority.", 'threatening', {'regulatory'}, set()),
    ("I'm filing a complaint with the FCC.", 'threatening', {'regulatory'}, set()),
    ("I'm going to the ombudsman.", 'threatening', {'regulatory'}, set()),
    ('I will escalate to the ICO.', 'threatening', {'regulatory'}, set()),
    ("I'll be contacting consumer protection.", 'threatening', {'regulatory'}, set()),
    ('The CMA will hear about this.', 'threatening', {'regulatory'}, set()),
    ('Je vais saisir le médiateur.', 'threatening', {'regulatory'}, set()),
    ('Je vais faire un signalement sur SignalConso.', 'threatening', {'regulatory'}, set()),
    ('Je porte plainte auprès de la CNIL.', 'threatening', {'regulatory'}, set()),
    ("Je vais contacter l'UFC-Que Choisir.", 'threatening', {'regulatory'}, set()),
    ('Ich werde mich bei der Verbraucherzentrale beschweren.', 'threatening', {'regulatory'}, set()),
    ('Ich schalte die Schlichtungsstelle ein.', 'threatening', {'regulatory'}, set()),
    ('Ich melde das der Datenschutzbehörde.', 'threatening', {'regulatory'}, set()),
    ('Voy a presentar una reclamación ante la OCU.', 'threatening', {'regulatory'}, set()),
    ('Pondré una queja en la Oficina del Consumidor.', 'threatening', {'regulatory'}, set()),
    ('Lo denunciaré ante la AEPD.', 'threatening', {'regulatory'}, set()),
    ('Vou denunciar vocês ao Procon.', 'threatening', {'regulatory'}, set()),
    ('Vou reclamar na Anatel.', 'threatening', {'regulatory'}, set()),
    ("Farò un esposto all'AGCOM.", 'threatening', {'regulatory'}, set()),
    ("Mi rivolgerò a un'associazione dei consumatori.", 'threatening', {'regulatory'}, set()),
]

CHURN: list[Case] = [
    ("We're cancelling and switching to Xero.", 'calm', {'churn'}, set()),
    ('One more missed delivery and we take our business to your competitor.', 'threatening', {'churn'}, set()),
    ('Fix this or lose a customer.', 'threatening', {'churn'}, set()),
    ("I'll be taking my money elsewhere.", 'threatening', {'churn'}, set()),
    ('We will be moving to another provider unless this is fixed.', 'threatening', {'churn'}, set()),
    ("If this happens again I'm out.", 'threatening', {'churn'}, set()),
    ("Keep this up and we'll find another supplier.", 'threatening', {'churn'}, set()),
    ("We're seriously considering leaving if this isn't fixed.", 'threatening', {'churn'}, set()),
    ("Si ça continue, je change d'opérateur.", 'threatening', {'churn'}, set()),
    ('Encore une panne et on résilie.', 'threatening', {'churn'}, set()),
    ('Je vais aller voir ailleurs si rien ne change.', 'threatening', {'churn'}, set()),
    ('Wenn das nicht klappt, kündige ich.', 'threatening', {'churn'}, set()),
    ('Noch so ein Fehler und wir sind weg.', 'threatening', {'churn'}, set()),
    ('Dann suchen wir uns einen anderen Anbieter.', 'threatening', {'churn'}, set()),
    ('Si no lo solucionan, me doy de baja.', 'threatening', {'churn'}, set()),
    ('Me voy a otra compañía como esto siga así.', 'threatening', {'churn'}, set()),
    ('Se não resolverem, vou cancelar e ir para a concorrência.', 'threatening', {'churn'}, set()),
    ('Se non risolvete passo a un altro operatore.', 'threatening', {'churn'}, set()),
    ("Sort it out by Monday or we're cancelling all 40 licences.", 'threatening', {'churn'}, set()),
    ('Entweder das läuft bis Montag wieder, oder wir kündigen.', 'threatening', {'churn'}, set()),
    ('O me lo solucionan hoy o me cambio de compañía.', 'threatening', {'churn'}, set()),
    ("We've moved the team to another tool, please cancel at the end of the term.", 'calm', {'churn'}, set()),
    ('With the renewal coming up we are actively talking to two of your competitors.', 'threatening', {'churn'}, set()),
]

BILLING: list[Case] = [
    ("I'll be raising a chargeback with my bank.", 'threatening', {'billing'}, set()),
    ('I will dispute the charge with my card issuer.', 'threatening', {'billing'}, set()),
    ('Je vais faire opposition sur le prélèvement.', 'threatening', {'billing'}, set()),
    ('Ich werde die Lastschrift zurückbuchen lassen.', 'threatening', {'billing'}, set()),
    ('Voy a devolver el recibo en el banco.', 'threatening', {'billing'}, set()),
]

OUTAGE: list[Case] = [
    ('Notre site est en rade depuis ce matin.', 'calm', {'outage'}, set()),
    ('Plus aucun client ne peut passer commande depuis 10h.', 'calm', {'outage'}, set()),
    ('Le réseau est complètement tombé dans tout le quartier.', 'calm', {'outage'}, set()),
    ("Impossible de se connecter pour l'ensemble des collaborateurs.", 'calm', {'outage'}, set()),
    ('Unsere Webseite ist seit heute Morgen down.', 'calm', {'outage'}, set()),
    ('Keiner unserer Mitarbeiter kann sich einloggen.', 'calm', {'outage'}, set()),
    ('Das Telefon ist seit gestern tot.', 'calm', {'outage'}, set()),
    ('Das gesamte System ist ausgefallen.', 'calm', {'outage'}, set()),
    ('Bei uns geht gar nichts mehr, Kasse und Shop sind offline.', 'calm', {'outage'}, set()),
    ('La web no funciona desde esta mañana, nadie puede comprar.', 'calm', {'outage'}, set()),
    ('Se ha caído todo el sistema de la oficina.', 'calm', {'outage'}, set()),
    ('Estamos sin línea desde ayer.', 'calm', {'outage'}, set()),
    ('O site está fora do ar desde cedo.', 'calm', {'outage'}, set()),
    ('Ninguém consegue acessar o sistema.', 'calm', {'outage'}, set()),
    ('Il sito è down da stamattina.', 'calm', {'outage'}, set()),
    ('Nessuno in ufficio riesce a collegarsi.', 'calm', {'outage'}, set()),
    ('Our email has stopped working entirely - nobody in the office can send or receive since 10am.',
     None, {'outage'}, set()),
    ('Incoming calls go straight to a busy tone on all lines.', None, {'outage'}, set()),
    ('Our internet at home has cut out every evening this week.', None, {'outage'}, set()),
    ('Your checkout fell over during our launch.', None, {'outage'}, set()),
    ('Quatrième jour sans fibre.', None, {'outage'}, set()),
    ('Da ieri sera la linea internet è completamente assente.', None, {'outage'}, set()),
    ('La centralita no recibe llamadas desde las 8.', None, {'outage'}, set()),
]

SECURITY: list[Case] = [
    ("Quelqu'un s'est connecté à mon compte sans mon autorisation.", 'calm', {'security'}, set()),
    ('Mes données ont fuité, je les ai retrouvées sur un forum.', 'calm', {'security'}, set()),
    ("Des achats que je n'ai pas faits apparaissent sur mon compte.", 'calm', {'security'}, set()),
    ("Je pense avoir été victime d'hameçonnage.", 'calm', {'security'}, set()),
    ('Jemand hat sich in mein Konto eingeloggt.', 'calm', {'security'}, set()),
    ('Es wurden Bestellungen getätigt, die ich nicht aufgegeben habe.', 'calm', {'security'}, set()),
    ('Meine Daten sind im Darknet aufgetaucht.', 'calm', {'security'}, set()),
    ('Alguien ha entrado en mi cuenta.', 'calm', {'security'}, set()),
    ('Hay compras en mi cuenta que no he hecho yo.', 'calm', {'security'}, set()),
    ('Alguém invadiu minha conta.', 'calm', {'security'}, set()),
    ('Fizeram compras no meu cartão que eu não reconheço.', 'calm', {'security'}, set()),
    ('Qualcuno è entrato nel mio account.', 'calm', {'security'}, set()),
    ('Ci sono addebiti che non ho fatto.', 'calm', {'security'}, set()),
    ("We found a forwarding rule on the CEO's mailbox. Nobody here set it up.", None, {'security'}, set()),
    ('A new admin user appeared in our workspace that none of us created.', None, {'security'}, set()),
    ('I suspect our contact list leaked from your side.', None, {'security'}, set()),
    ("L'adresse e-mail de mon compte a été modifiée cette nuit et ce n'est pas moi.", None, {'security'}, set()),
    ('Auf meinem Konto wurden zwei Überweisungen ausgelöst, die ich nicht kenne.', None, {'security'}, set()),
    ('Apareceu uma compra no meu cartão que eu não fiz.', None, {'security'}, set()),
]

CALM: list[Case] = [
    ('The report is still loading slowly but it works, thanks.', 'calm', set(), set()),
    ("I'm disappointed the feature was removed, but I understand.", 'calm', set(), set()),
    ('Le bouton de téléchargement est en panne.', 'calm', set(), {'outage'}),
    ("Le menu déroulant ne s'affiche plus.", 'calm', set(), set()),
    ('Der Download-Button ist kaputt.', 'calm', set(), {'outage'}),
    ('Unsere Anwaltskanzlei braucht fünf weitere Lizenzen.', 'calm', set(), {'legal'}),
    ('El botón de descarga no funciona.', 'calm', set(), {'outage'}),
    ('Our integration logs show intermittent ERROR 504 Gateway Timeout on about 1% of calls.',
     'calm', set(), {'outage'}),
    ('Where can I see our monthly downtime minutes for the SLA report?', 'calm', set(), {'outage'}),
    ('Does your library include a template for responding to a lawsuit discovery request?', 'calm', set(), {'legal'}),
    ('We get HTTP 429 Too Many Requests when we exceed 10 calls per second.', 'calm', set(), set()),
    ('I did not authorise the upgrade to the premium plan, please reverse it.', None, set(), {'security'}),
    ('You are a bunch of scammers.', 'angry', set(), {'security'}),
    ("The media library search doesn't find files with spaces. Small thing but annoying.", 'calm', set(), {'media'}),
    ("I'm leaving for 3 weeks on vacation, can I pause my deliveries?", 'calm', set(), {'churn'}),
    ('La stampa delle etichette dà errore 12.', 'calm', set(), {'media'}),
    ("Le bouton de partage sur les réseaux sociaux n'apparaît plus.", 'calm', set(), {'media'}),
    ('Hola, me ha llegado un correo de nuevo inicio de sesión desde un dispositivo que no es mío.',
     'calm', {'security'}, set()),
]

# A fifth batch of English sentences, written after the four practice rounds, checked as a whole.
FRESH_E: list[Case] = [
    ("I'm beyond livid at this point.", 'angry', set(), set()),
    ("Your service has gone downhill massively and frankly it's a disgrace.", 'angry', set(), set()),
    ('Quite frankly your company is a shambles from top to bottom.', 'angry', set(), set()),
    ("This is the most incompetent outfit I've ever had the misfortune to deal with.", 'angry', set(), set()),
    ('I am absolutely seething.', 'angry', set(), set()),
    ('I cannot believe how badly this has been handled.', 'angry', set(), set()),
    ('Words cannot describe how angry I am.', 'angry', set(), set()),
    ('You have ruined my holiday.', 'angry', set(), set()),
    ('You people are a nightmare to deal with.', 'angry', set(), set()),
    ("I'm so done with your excuses.", 'angry', set(), set()),
    ('This is utterly ridiculous.', 'angry', set(), set()),
    ('Zero stars if I could.', 'angry', set(), set()),
    ('Absolutely shocking customer care.', 'angry', set(), set()),
    ("I've never been so badly let down by a company.", 'angry', set(), set()),
    ('What a shambolic way to run a business.', 'angry', set(), set()),
    ('Total and utter incompetence.', 'angry', set(), set()),
    ('Frankly insulting.', 'angry', set(), set()),
    ("I'm furious that nobody bothered to tell me.", 'angry', set(), set()),
    ('Hopeless, absolutely hopeless.', 'frustrated', set(), set()),
    ('How on earth is this acceptable?', 'angry', set(), set()),
    ('Disgraceful behaviour from your staff.', 'angry', set(), set()),
    ("It's a scam, plain and simple.", 'angry', set(), {'security'}),
    ("Don't you dare close this ticket again.", 'angry', set(), set()),
    ('Your technician was rude, arrogant and useless.', 'angry', set(), set()),
    ("I'm really not happy about this.", 'frustrated', set(), set()),
    ("This is getting ridiculous now, it's the fourth reminder.", 'angry', set(), set()),
    ("I've had no joy with the chat.", 'frustrated', set(), set()),
    ('Really fed up now.', 'frustrated', set(), set()),
    ("I've been more than patient.", 'frustrated', set(), set()),
    ('My patience is wearing thin.', 'frustrated', set(), set()),
    ("I'm sick of chasing you.", 'angry', set(), set()),
    ('Nothing has been done despite promises.', 'frustrated', set(), set()),
    ('Can someone PLEASE respond.', 'frustrated', set(), set()),
    ('This has dragged on for far too long.', 'frustrated', set(), set()),
    ("I'm not impressed at all.", 'frustrated', set(), set()),
    ('Very poor communication throughout.', 'frustrated', set(), set()),
    ("It's been weeks and I'm none the wiser.", 'frustrated', set(), set()),
    ('Extremely frustrating experience so far.', 'frustrated', set(), set()),
    ('Why has nobody replied?', 'frustrated', set(), set()),
    ('I expected better.', 'frustrated', set(), set()),
    ('This is unacceptable, I need it fixed today.', 'angry', set(), set()),
    ('Not a big deal, just letting you know.', 'calm', set(), set()),
    ("I'll be passing this to my solicitor.", 'threatening', {'legal'}, set()),
    ('I will not hesitate to take legal action.', 'threatening', {'legal'}, set()),
    ("I'm prepared to go to court over this.", 'threatening', {'legal'}, set()),
    ('My legal team is now involved.', 'threatening', {'legal'}, set()),
    ('I have started the small claims process.', 'threatening', {'legal'}, set()),
    ("I'll be filing a claim against you.", 'threatening', {'legal'}, set()),
    ("I'll make sure every review site knows about this.", 'threatening', {'media'}, set()),
    ("I'm going to share my experience online.", 'threatening', {'media'}, set()),
    ('I will be telling everyone I know to avoid you.', 'threatening', {'media'}, set()),
    ("I'm writing to the papers about this.", 'threatening', {'media'}, set()),
    ('I will be reporting you to the relevant authorities.', 'threatening', {'regulatory'}, set()),
    ("I'm lodging a complaint with the ombudsman.", 'threatening', {'regulatory'}, set()),
    ("I'll report this to the Better Business Bureau.", 'threatening', {'media'}, set()),
    ("Unless this is fixed we'll take our business elsewhere.", 'threatening', {'churn'}, set()),
    ("I won't be renewing unless this is sorted.", 'threatening', {'churn'}, set()),
    ("You've lost a customer if this isn't fixed.", 'threatening', {'churn'}, set()),
    ('Sort it or I walk.', 'threatening', {'churn'}, set()),
    ('Our office network is completely down.', 'calm', {'outage'}, set()),
    ('None of our customers can access their accounts right now.', 'calm', {'outage'}, set()),
    ('The whole site is returning errors for every visitor.', 'calm', {'outage'}, set()),
    ("We've had no phone service since this morning.", 'calm', {'outage'}, set()),
    ('Your API has been unreachable for the last hour.', 'calm', {'outage'}, set()),
    ('Production is on fire, nothing is loading.', 'calm', {'outage'}, set()),
    ("The app won't open for any of our staff.", 'calm', {'outage'}, set()),
    ('I think my account has been hacked.', 'calm', {'security'}, set()),
    ('Someone is logging into my account from another country.', 'calm', {'security'}, set()),
    ("My card was used for purchases I didn't make.", 'calm', {'security'}, set()),
    ('We received a ransom note and our files are encrypted.', 'calm', {'security'}, set()),
    ('Your site exposes customer emails in the page source.', 'calm', {'security'}, set()),
    ('An ex-employee still has access and has been downloading files.', 'calm', {'security'}, set()),
    ('Where do I find the security settings?', 'calm', set(), {'security'}),
    ('Our legal department needs the updated terms.', 'calm', set(), {'legal'}),
    ('The download page is slow.', 'calm', set(), {'outage'}),
    ('How do I link my Instagram account?', 'calm', set(), {'media'}),
]

# Lures: words of a matter (court, lawyer, journalist, down, security, GDPR, cancel) in calm messages about
# something else.
LURES: list[Case] = [
    ("We're moving offices next to the food court, please update our address.", 'calm', set(), {'legal'}),
    ('I booked the tennis court through your app but the slot vanished.', 'calm', set(), {'legal'}),
    ("I can't make the delivery window because I have a court date that day.", 'calm', set(), {'legal'}),
    ('Our legal team reviewed the DPA and is happy to sign.', 'calm', set(), {'legal'}),
    ('Can you confirm the legal name on the account?', 'calm', set(), {'legal'}),
    ('Is it legal to use your fonts in a commercial logo?', 'calm', set(), {'legal'}),
    ('My lawyer friend recommended your service.', 'calm', set(), {'legal'}),
    ("I'm a paralegal and need an export of our case notes.", 'calm', set(), {'legal'}),
    ('Please send the contract to our legal department for signature.', 'calm', set(), {'legal'}),
    ('The Legal & General policy number is missing from the form.', 'calm', set(), {'legal'}),
    ('The lawsuit tracker module crashes on save.', 'calm', set(), {'legal'}),
    ('Could you add a field for "attorney name" in the intake form?', 'calm', set(), {'legal'}),
    ('Our press release template has the wrong logo.', 'calm', set(), {'media'}),
    ('The journalist plugin for WordPress stopped working.', 'calm', set(), {'media'}),
    ('We use your tool to schedule our Twitter posts.', 'calm', set(), {'media'}),
    ('Reviews widget on our product page shows 0 stars.', 'calm', set(), {'media'}),
    ('Can I export my Google reviews?', 'calm', set(), {'media'}),
    ('The down payment field rejects decimals.', 'calm', set(), {'outage'}),
    ("I'm going to be offline next week, please hold the delivery.", 'calm', set(), {'outage'}),
    ('Our old server is down for maintenance this weekend, as planned.', 'calm', set(), {'outage'}),
    ('The button to shut down the VM is greyed out.', 'calm', set(), {'outage'}),
    ('The countdown timer breaks when it reaches zero.', 'calm', set(), {'outage'}),
    ('Dead link on your pricing page.', 'calm', set(), {'outage'}),
    ('Our security team wants the SOC 2 report.', 'calm', set(), {'security'}),
    ('How do I reset my password? I forgot it.', 'calm', set(), {'security'}),
    ('The 2FA code takes a minute to arrive.', 'calm', set(), {'security'}),
    ('The fraud detection setting blocks our test cards.', 'calm', set(), {'security'}),
    ('Can you whitelist our IP for the API?', 'calm', set(), {'security'}),
    ('We need a DPA for GDPR compliance.', 'calm', set(), {'regulatory'}),
    ('Is your service HIPAA compliant?', 'calm', set(), {'regulatory'}),
    ('Our FCA registration number needs to appear on invoices.', 'calm', set(), {'regulatory'}),
    ('How do I cancel an order placed by mistake?', 'calm', set(), {'churn'}),
    ('Please cancel my appointment on Tuesday.', 'calm', set(), {'churn'}),
    ('Can I switch to the annual plan?', 'calm', set(), {'churn'}),
    ("I'm leaving the company; please transfer my admin rights to Jo.", 'calm', set(), {'churn'}),
    ('Error: connection refused. Fatal. Crash. Data lost. Process killed.', 'calm', set(), set()),
    ('Still seeing the warning in the logs after the update, not urgent.', 'calm', set(), set()),
    ("Kill -9 didn't stop the zombie process, any idea?", 'calm', set(), set()),
    ('The app hates landscape mode, the layout breaks.', 'calm', set(), set()),
]

# A second batch in French, German, Spanish, Italian and Portuguese, written after the four practice rounds.
FRESH_F: list[Case] = [
    ('Je suis écœurée par votre manque de sérieux.', 'angry', set(), set()),
    ("C'est indigne d'une entreprise comme la vôtre.", 'angry', set(), set()),
    ('Vous êtes vraiment des bons à rien.', 'angry', set(), set()),
    ('Votre service après-vente est une vaste blague.', 'angry', set(), set()),
    ('On se fout clairement de ma gueule.', 'angry', set(), set()),
    ("Je ne comprends pas pourquoi c'est si long.", 'frustrated', set(), set()),
    ('Merci de me répondre enfin.', 'frustrated', set(), set()),
    ("Je n'ai toujours reçu aucune réponse.", 'frustrated', set(), set()),
    ('Ça devient pénible.', 'frustrated', set(), set()),
    ('Je vous ai relancé à plusieurs reprises.', 'frustrated', set(), set()),
    ('Je me verrai contraint de saisir la justice.', 'threatening', {'legal'}, set()),
    ('Je vais faire appel à un avocat.', 'threatening', {'legal'}, set()),
    ('Je vais alerter mes abonnés sur Instagram.', 'threatening', {'media'}, set()),
    ('Je vais résilier si rien ne bouge.', 'threatening', {'churn'}, set()),
    ('Nos caisses ne fonctionnent plus dans aucun magasin.', 'calm', {'outage'}, set()),
    ('Mon compte a été usurpé.', 'calm', {'security'}, set()),
    ('Ich bin stinksauer auf Ihren Laden.', 'angry', set(), set()),
    ('Das ist an Dreistigkeit nicht zu überbieten.', 'angry', set(), set()),
    ('Ihr Service ist unter aller Sau.', 'angry', set(), set()),
    ('Ich warte seit Ewigkeiten auf eine Antwort.', 'frustrated', set(), set()),
    ('Es ist wirklich frustrierend.', 'frustrated', set(), set()),
    ('Ich habe bereits mehrfach nachgefragt.', 'frustrated', set(), set()),
    ('Ich behalte mir rechtliche Schritte vor.', 'threatening', {'legal'}, set()),
    ('Ich werde das öffentlich machen.', 'threatening', {'media'}, set()),
    ('Dann kündige ich eben.', 'threatening', {'churn'}, set()),
    ('Bei uns ist das komplette Netz ausgefallen.', 'calm', {'outage'}, set()),
    ('Mein Konto wurde gehackt.', 'calm', {'security'}, set()),
    ('Es una vergüenza de empresa.', 'angry', set(), set()),
    ('Estoy harto de vuestra incompetencia.', 'angry', set(), set()),
    ('Me parece una estafa en toda regla.', 'angry', set(), set()),
    ('Llevo esperando una respuesta desde hace semanas.', 'frustrated', set(), set()),
    ('Ya no aguanto más.', 'frustrated', set(), set()),
    ('Les he escrito varias veces.', 'frustrated', set(), set()),
    ('Acudiré a los tribunales.', 'threatening', {'legal'}, set()),
    ('Voy a subir un vídeo a YouTube contándolo todo.', 'threatening', {'media'}, set()),
    ('Me daré de baja si no lo arreglan.', 'threatening', {'churn'}, set()),
    ('No tenemos internet en toda la oficina.', 'calm', {'outage'}, set()),
    ('Me han suplantado la identidad.', 'calm', {'security'}, set()),
    ('Siete una banda di incompetenti.', 'angry', set(), set()),
    ('Aspetto una risposta da settimane.', 'frustrated', set(), set()),
    ('Mi rivolgerò alle vie legali.', 'threatening', {'legal'}, set()),
    ('Il sito non funziona per nessuno.', 'calm', {'outage'}, set()),
    ('Vocês são uma piada.', 'angry', set(), set()),
    ('Estou esperando há semanas.', 'frustrated', set(), set()),
    ('Vou acionar a justiça.', 'threatening', {'legal'}, set()),
    ('Estamos sem sistema desde cedo.', 'calm', {'outage'}, set()),
]

# The fifth version: the kinds the sealed set of the fourth found missing (docs/reading.md), each in the six
# languages, written for this file: veiled threats, outages told by their effect, break-ins told as what happened,
# impatience idioms, polite churn, a threat whose condition stands in the clause or sentence before, billing
# phrasings; and the lures each must leave alone.
VEILED: list[Case] = [
    ("You'll be hearing from us.", 'threatening', set(), set()),
    ('Fine. You will be hearing from our side very soon.', 'threatening', set(), set()),
    ("We'll be taking this further.", 'threatening', set(), set()),
    ('Rest assured I will take this matter further.', 'threatening', set(), set()),
    ('I know people at the local paper, just so you know.', 'threatening', {'media'}, set()),
    ('We have friends at the BBC who would find this interesting.', 'threatening', {'media'}, set()),
    ("Don't think this ends here.", 'threatening', set(), set()),
    ('This will not be the end of it.', 'threatening', set(), set()),
    ('Vous allez entendre parler de nous.', 'threatening', set(), set()),
    ('Nous n\'en resterons pas là.', 'threatening', set(), set()),
    ('Croyez-moi, ça ne va pas en rester là.', 'threatening', set(), set()),
    ('Je connais du monde au journal local.', 'threatening', {'media'}, set()),
    ('Sie werden noch von uns hören.', 'threatening', set(), set()),
    ('Das wird ein Nachspiel haben.', 'threatening', set(), set()),
    ('Ich werde das nicht auf sich beruhen lassen.', 'threatening', set(), set()),
    ('Ich kenne Leute bei der Zeitung.', 'threatening', {'media'}, set()),
    ('Tendrán noticias nuestras.', 'threatening', set(), set()),
    ('Esto no va a quedar así.', 'threatening', set(), set()),
    ('Conozco gente en la prensa.', 'threatening', {'media'}, set()),
    ('Vocês vão ouvir falar de mim.', 'threatening', set(), set()),
    ('Isso não vai ficar assim.', 'threatening', set(), set()),
    ('Sentirete parlare di noi.', 'threatening', set(), set()),
    ('Vi assicuro che non finirà qui.', 'threatening', set(), set()),
    ('Conosco gente al giornale.', 'threatening', {'media'}, set()),
]

OUTAGE_BY_EFFECT: list[Case] = [
    ('Since 9am every call to our office goes straight to a busy tone.', None, {'outage'}, set()),
    ('The checkout fell over again at lunchtime.', None, {'outage'}, set()),
    ('Nobody here can get past the login screen this morning.', None, {'outage'}, set()),
    ('None of our staff can log in since the update.', None, {'outage'}, set()),
    ('The pages just spin and never load.', None, {'outage'}, set()),
    ('Customers cannot place orders at all, the payment step times out for everyone.', None, {'outage'}, set()),
    ('Our whole office has been unable to send or receive email since 8.', None, {'outage'}, set()),
    ('Every page of the shop returns a blank white screen.', None, {'outage'}, set()),
    ('Personne chez nous ne peut se connecter depuis ce matin.', None, {'outage'}, set()),
    ('Les pages tournent dans le vide et ne chargent jamais.', None, {'outage'}, set()),
    ('Plus aucun client ne peut passer commande sur le site.', None, {'outage'}, set()),
    ('Niemand bei uns kommt seit heute früh über den Anmeldebildschirm hinaus.', None, {'outage'}, set()),
    ('Die Seiten laden endlos und nichts passiert.', None, {'outage'}, set()),
    ('Alle Anrufe landen sofort im Besetztzeichen.', None, {'outage'}, set()),
    ('Nadie en la oficina puede iniciar sesión desde esta mañana.', None, {'outage'}, set()),
    ('Las páginas se quedan cargando y nunca abren.', None, {'outage'}, set()),
    ('Ninguém aqui consegue entrar no sistema desde cedo.', None, {'outage'}, set()),
    ('As páginas ficam carregando e nunca abrem.', None, {'outage'}, set()),
    ("Nessuno in ufficio riesce ad accedere da stamattina.", None, {'outage'}, set()),
    ("Le pagine restano a caricare all'infinito.", None, {'outage'}, set()),
]

SECURITY_AS_TOLD: list[Case] = [
    ('Someone logged in from Brazil and changed my email address.', None, {'security'}, set()),
    ("There's a login from Russia in my account history that wasn't me.", None, {'security'}, set()),
    ('A stranger has my invoices, he emailed me copies of them.', None, {'security'}, set()),
    ('I got a password reset I never asked for.', None, {'security'}, set()),
    ("I received a 2FA code I didn't request.", None, {'security'}, set()),
    ('Somebody changed the bank details on our account without our knowledge.', None, {'security'}, set()),
    ("Quelqu'un s'est connecté depuis l'étranger et a changé mon adresse e-mail.", None, {'security'}, set()),
    ("J'ai reçu une réinitialisation de mot de passe que je n'ai jamais demandée.", None, {'security'}, set()),
    ('Un inconnu a accès à mes factures.', None, {'security'}, set()),
    ('Jemand hat sich aus Brasilien eingeloggt und meine E-Mail-Adresse geändert.', None, {'security'}, set()),
    ('Ich habe eine nie angeforderte Passwort-Zurücksetzung bekommen.', None, {'security'}, set()),
    ('Ein Fremder hat meine Rechnungen.', None, {'security'}, set()),
    ('Alguien entró en mi cuenta desde otro país y cambió mi correo.', None, {'security'}, set()),
    ('Recibí un correo para restablecer la contraseña que nunca pedí.', None, {'security'}, set()),
    ('Alguém acessou minha conta do exterior e trocou meu e-mail.', None, {'security'}, set()),
    ('Recebi um código de verificação que eu não pedi.', None, {'security'}, set()),
    ("Qualcuno ha fatto l'accesso dal Brasile e ha cambiato la mia email.", None, {'security'}, set()),
    ('Ho ricevuto un reset della password che non ho mai richiesto.', None, {'security'}, set()),
]

IMPATIENCE_IDIOMS: list[Case] = [
    ('This is getting ridiculous.', 'angry', set(), set()),
    ('How many more times do I need to explain the same thing?', 'frustrated', set(), set()),
    ('We are at our wits end with this printer.', 'frustrated', set(), set()),
    ('Enough is enough.', 'frustrated', set(), set()),
    ('This has gone on long enough.', 'frustrated', set(), set()),
    ("I've had it up to here with this login bug.", 'frustrated', set(), set()),
    ('Ça devient ridicule.', 'angry', set(), set()),
    ('Combien de fois faudra-t-il que je le répète ?', 'frustrated', set(), set()),
    ('Je suis à bout.', 'frustrated', set(), set()),
    ("Trop c'est trop.", 'frustrated', set(), set()),
    ('Das wird langsam lächerlich.', 'angry', set(), set()),
    ('Wie oft denn noch?', 'frustrated', set(), set()),
    ('Ich bin mit meinem Latein am Ende.', 'frustrated', set(), set()),
    ('Esto ya es ridículo.', 'angry', set(), set()),
    ('¿Cuántas veces más tengo que pedirlo?', 'frustrated', set(), set()),
    ('Ya basta, de verdad.', 'frustrated', set(), set()),
    ('Isso já está ficando ridículo.', 'angry', set(), set()),
    ('Quantas vezes mais vou ter que pedir?', 'frustrated', set(), set()),
    ('Sta diventando ridicolo.', 'angry', set(), set()),
    ('Quante volte ancora devo scrivere?', 'frustrated', set(), set()),
    ('Adesso basta.', 'frustrated', set(), set()),
]

POLITE_CHURN: list[Case] = [
    ("We'll have to look at other options.", None, {'churn'}, set()),
    ('We are reviewing our contract ahead of the renewal.', None, {'churn'}, set()),
    ("Please don't renew our subscription.", None, {'churn'}, set()),
    ('Please do not auto-renew my plan next month.', None, {'churn'}, set()),
    ('We may need to find another provider.', None, {'churn'}, set()),
    ('We will not be renewing in March.', None, {'churn'}, set()),
    ('Kindly switch off the auto-renewal on our account.', None, {'churn'}, set()),
    ('Nous allons devoir étudier d\'autres options.', None, {'churn'}, set()),
    ('Merci de ne pas renouveler notre abonnement.', None, {'churn'}, set()),
    ('Nous réexaminons notre contrat avec vous.', None, {'churn'}, set()),
    ('Wir müssen uns wohl nach Alternativen umsehen.', None, {'churn'}, set()),
    ('Bitte verlängern Sie unseren Vertrag nicht.', None, {'churn'}, set()),
    ('Wir überprüfen gerade unseren Vertrag mit Ihnen.', None, {'churn'}, set()),
    ('Tendremos que buscar otras opciones.', None, {'churn'}, set()),
    ('Por favor, no renueven mi suscripción.', None, {'churn'}, set()),
    ('Vamos ter que procurar outras opções.', None, {'churn'}, set()),
    ('Por favor, não renovem meu plano.', None, {'churn'}, set()),
    ('Dovremo valutare altri fornitori.', None, {'churn'}, set()),
    ('Vi prego di non rinnovare il contratto.', None, {'churn'}, set()),
]

SPLIT_THREATS: list[Case] = [
    ("If this isn't fixed by Friday, our lawyers.", 'threatening', {'legal'}, set()),
    ('If the refund is not here by Friday, our solicitor takes it from there.', 'threatening', {'legal'}, set()),
    ('Fix this by Monday. Otherwise, our solicitor.', 'threatening', {'legal'}, set()),
    ('You have until Friday. After that it goes to my lawyer.', 'threatening', {'legal'}, set()),
    ('One more missed delivery, and my lawyer gets involved.', 'threatening', {'legal'}, set()),
    ('Unless I get my money back this week, the newspapers get the whole story.', 'threatening', {'media'}, set()),
    ("Si ce n'est pas réglé vendredi, notre avocat prend le relais.", 'threatening', {'legal'}, set()),
    ('Réglez ça avant lundi. Sinon, mon avocat.', 'threatening', {'legal'}, set()),
    ('Wenn das bis Freitag nicht behoben ist, übernimmt unser Anwalt.', 'threatening', {'legal'}, set()),
    ('Bis Montag muss das erledigt sein. Andernfalls unser Anwalt.', 'threatening', {'legal'}, set()),
    ('Si no se soluciona antes del viernes, nuestros abogados.', 'threatening', {'legal'}, set()),
    ('Tienen hasta el lunes. Si no, nuestro abogado.', 'threatening', {'legal'}, set()),
    ('Se isso não for resolvido até sexta, nosso advogado.', 'threatening', {'legal'}, set()),
    ('Vocês têm até segunda. Caso contrário, meu advogado.', 'threatening', {'legal'}, set()),
    ('Se non risolvete entro venerdì, il nostro avvocato.', 'threatening', {'legal'}, set()),
    ('Avete tempo fino a lunedì. Altrimenti, il mio legale.', 'threatening', {'legal'}, set()),
]

BILLING_AS_TOLD: list[Case] = [
    ("I've been charged twice for the same order.", None, {'billing'}, set()),
    ('You took the payment two times this month.', None, {'billing'}, set()),
    ('The invoice has the wrong VAT number and the wrong amount.', None, {'billing'}, set()),
    ('Still waiting on my refund for order 1123.', None, {'billing'}, set()),
    ('There is a duplicate charge on my card statement.', None, {'billing'}, set()),
    ("J'ai été débité deux fois pour la même commande.", None, {'billing'}, set()),
    ('La facture est erronée, le montant ne correspond pas.', None, {'billing'}, set()),
    ("J'attends toujours mon remboursement.", None, {'billing'}, set()),
    ('Mir wurde der Betrag doppelt abgebucht.', None, {'billing'}, set()),
    ('Die Rechnung ist falsch, der Betrag stimmt nicht.', None, {'billing'}, set()),
    ('Wann bekomme ich meine Rückerstattung?', None, {'billing'}, set()),
    ('Me han cobrado dos veces el mismo pedido.', None, {'billing'}, set()),
    ('La factura está mal, el importe no coincide.', None, {'billing'}, set()),
    ('Fui cobrado duas vezes pela mesma compra.', None, {'billing'}, set()),
    ('A fatura veio com o valor errado.', None, {'billing'}, set()),
    ('Mi avete addebitato due volte lo stesso ordine.', None, {'billing'}, set()),
    ("La fattura è sbagliata, l'importo non torna.", None, {'billing'}, set()),
]

# Calm messages that hold the words of these families: bug reports, names, menus, tests the customer ran.
LURES_FIFTH: list[Case] = [
    ('The export crashes with a fatal error when the CSV has 10k rows; stack trace attached.', 'calm', set(),
     {'outage', 'security'}),
    ('Media upload fails with error 500 when the file is over 2 GB.', 'calm', set(), {'media', 'outage'}),
    ('Sue from accounting asked me to send you the PO.', 'calm', set(), {'legal'}),
    ('The drop-down for the country field is empty.', 'calm', set(), {'outage'}),
    ('The download of the monthly report failed twice with a timeout.', 'calm', set(), {'outage'}),
    ('Please send me the SLA breach report for Q3.', 'calm', set(), {'legal', 'regulatory'}),
    ('Commande : 2 avocats, 1 kilo de tomates, livraison mardi.', 'calm', set(), {'legal'}),
    ("We're reviewing the new dashboard and like it so far.", 'calm', set(), {'churn'}),
    ("I'll look at other options in the menu, thanks.", 'calm', set(), {'churn'}),
    ('In our test we logged in from a VPN in Brazil and changed the email on purpose; the alert fired as expected.',
     'calm', set(), {'security'}),
    ('To test failover we took server 2 down on purpose; all requests went to server 1 as expected.', 'calm',
     set(), {'outage'}),
    ('The page spins for a second and then loads fine.', 'calm', set(), {'outage'}),
    ('I requested a password reset but the email never arrived.', 'calm', set(), {'security'}),
    ('How many times does the webhook retry before it gives up?', 'calm', set(), set()),
    ('Happy to take this further on a call with your engineers.', 'calm', set(), set()),
    ('I know people at your office are busy, no rush.', 'calm', set(), set()),
    ('Our renewal is next month, please send the invoice to the new address.', 'calm', set(), {'churn'}),
    ('Basta cliccare su Salva per confermare?', 'calm', set(), set()),
    ('¿Basta con hacer clic en Guardar?', 'calm', set(), set()),
    ('Wie oft wird der Export pro Tag ausgeführt?', 'calm', set(), set()),
    ("Nous étudions les autres options d'export proposées dans le menu.", 'calm', set(), {'churn'}),
    ('Wir prüfen gerade das neue Dashboard.', 'calm', set(), {'churn'}),
    ('Valuteremo altre soluzioni grafiche per il logo.', 'calm', set(), {'churn'}),
    ('O e-mail de confirmação chega com atraso de uns minutos.', 'calm', set(), {'outage'}),
    ('Nobody on my team can find the dark mode toggle, where is it?', 'calm', set(), {'outage'}),
    ('Ich habe eine neue Rechnungsadresse, bitte ändern Sie sie.', 'calm', set(), set()),
    ('Can you refund the unused month when we downgrade?', 'calm', {'billing'}, {'churn'}),
    ("We'll hear from our accountant next week and come back to you.", 'calm', set(), set()),
    ('Le journal des modifications ne montre pas la version 2.3.', 'calm', set(), {'media'}),
    ('If the import fails again, our developer will send you the logs.', 'calm', set(), set()),
    ('For the third test I changed the locale to German and the dates look right.', 'calm', set(), set()),
]

# Says they wrote before (the repeat flag), in the six languages; and messages that do not (a fault that came back
# "for the third time" is no contact). Laughable is anger ("this is getting ridiculous"), as in the tables above.
REPEATS: list[tuple[str, bool]] = [
    ('As I said in my last three emails, the export is broken.', True),
    ('This is the fourth time I write to you about this.', True),
    ('As mentioned in my previous messages, the invoice is wrong.', True),
    ('Like I told you last week, the printer does not connect.', True),
    ('I am asking for the third time: the app crashes on launch.', True),
    ('Ich schreibe Ihnen jetzt zum vierten Mal.', True),
    ("Comme je l'ai dit dans mes trois derniers mails, l'export ne marche pas.", True),
    ("C'est la quatrième fois que je vous écris.", True),
    ('Je vous ai déjà écrit à ce sujet la semaine dernière.', True),
    ('Wie ich bereits in meinen letzten drei E-Mails geschrieben habe, funktioniert der Export nicht.', True),
    ('Das ist jetzt das vierte Mal, dass ich Ihnen schreibe.', True),
    ('Ich habe mich bereits zweimal bei Ihnen gemeldet.', True),
    ('Como ya dije en mis últimos tres correos, la exportación falla.', True),
    ('Es la cuarta vez que les escribo.', True),
    ('Como já disse nos meus últimos três e-mails, a exportação falha.', True),
    ('É a quarta vez que escrevo para vocês.', True),
    ('Come ho già scritto nelle mie ultime tre email, l\'esportazione non va.', True),
    ('È la quarta volta che vi scrivo.', True),
    ('This is the first time I write to you, the export is broken.', False),
    ('The fourth export in the list fails.', False),
    ('Der vierte Export der Liste schlägt fehl.', False),
    ('For the third test I changed the locale to German.', False),
    ('The app crashed for the third time today.', False),
]

FIFTH = [*VEILED, *OUTAGE_BY_EFFECT, *SECURITY_AS_TOLD, *IMPATIENCE_IDIOMS, *POLITE_CHURN, *SPLIT_THREATS,
         *BILLING_AS_TOLD, *LURES_FIFTH]

ALL = [*ANGER, *IMPATIENCE, *LEGAL, *MEDIA, *REGULATORY, *CHURN, *BILLING, *OUTAGE, *SECURITY, *CALM,
       *FRESH_E, *FRESH_F, *LURES, *FIFTH]


@pytest.mark.parametrize(("text", "mood", "found", "absent"), ALL)
def test_a_family_of_phrasing_is_read(text: str, mood: str | None, found: set[str], absent: set[str]) -> None:
    check_reading(text, mood, found, absent, None)


@pytest.mark.parametrize(("text", "repeat"), REPEATS)
def test_a_repeat_claim_is_read(text: str, repeat: bool) -> None:
    check_reading(text, None, set(), set(), repeat)


# Sixth version: an outage told by a subject (everyone, all of our agents, niemand, ningún cliente) and an effect
# (cannot log in, a busy tone, error 503) anywhere in one sentence, and a line told as absent; single users and
# working features stay no outage.
OUTAGE_PAIRS: list[Case] = [
    ('Since lunchtime, and we have checked the cables twice, every caller who dials the shop hears a busy tone.',
     'calm', {'outage'}, set()),
    ('All 25 of the nurses at the ward, according to our IT lead, are unable to sign in this morning.', 'calm',
     {'outage'}, set()),
    ('None of the shoppers on our store, as far as we can tell, can check out since 10am.', None, {'outage'}, set()),
    ('Our booking page, which worked yesterday, returns a 503 to all of our visitors.', None, {'outage'}, set()),
    ('Depuis ce matin, aucun de nos conseillers en agence ne peut se connecter à la plateforme.', None, {'outage'},
     set()),
    ('Toujours pas de connexion chez moi depuis samedi.', None, {'outage'}, set()),
    ('Seit heute Mittag kann keiner unserer Kassierer sich an den Kassen anmelden, es kommt nichts.', None,
     {'outage'}, set()),
    ('Seit Dienstag sind wir ohne Internet im Büro.', None, {'outage'}, set()),
    ('Desde esta mañana ninguno de nuestros agentes puede entrar en la centralita.', None, {'outage'}, set()),
    ('Llevamos dos días sin internet en la tienda.', None, {'outage'}, set()),
    ('Desde as 9h nenhum dos nossos atendentes consegue fazer login no sistema.', None, {'outage'}, set()),
    ('Estamos há três dias sem internet no escritório.', None, {'outage'}, set()),
    ('Da stamattina nessuno dei nostri operatori riesce ad accedere al gestionale.', None, {'outage'}, set()),
    ('Il telefono fisso è muto da venerdì.', None, {'outage'}, set()),
]
OUTAGE_PAIR_LURES: list[Case] = [
    ("I can't reach anyone on your phone line, can you call me back?", None, set(), {'outage'}),
    ("One of my users can't log in after changing her password.", 'calm', set(), {'outage'}),
    ('All users can export the report, but the totals are wrong.', 'calm', set(), {'outage'}),
    ('Every report of a one-year range fails to load the chart, smaller ranges are fine.', 'calm', set(), {'outage'}),
    ("Comment permettre à tous nos clients de se connecter avec Google ?", 'calm', set(), {'outage'}),
    ('Niemand aus dem Team hat bisher die neue Rechnung gesehen.', 'calm', set(), {'outage'}),
    ('¿Cómo activo el modo sin conexión para todos los usuarios?', 'calm', set(), {'outage'}),
]
# A lawyer by any of its names and a court case by its proceedings: the legal matter, calm when nothing is threatened;
# a power of attorney, a template of a formal notice and a legal department asking for a document stay no matter.
LAWYER_CLASS: list[Case] = [
    ('I am the solicitor acting for the late Mr Hale and need his account records.', 'calm', {'legal'}, set()),
    ('We received a subpoena for the access logs of one of our former employees.', 'calm', {'legal'}, set()),
    ('A friend of mine practises consumer law and says this fee is not enforceable.', None, {'legal'}, set()),
    ("Nos juristes ont besoin de l'historique des connexions pour un dossier aux prud'hommes.", 'calm', {'legal'},
     set()),
    ('Für ein Gerichtsverfahren benötigen wir die Rechnungen von 2022.', 'calm', {'legal'}, set()),
    ('Nuestra abogada necesita el contrato firmado para un procedimiento judicial.', 'calm', {'legal'}, set()),
    ('Recebemos uma citação e precisamos dos registros de acesso.', 'calm', {'legal'}, set()),
    ('Per un procedimento giudiziario il nostro avvocato chiede i log di accesso.', 'calm', {'legal'}, set()),
]
LAWYER_CLASS_LURES: list[Case] = [
    ('My son holds a power of attorney for my account, can he log in?', 'calm', set(), {'legal'}),
    ('Dans notre logiciel, le modèle de lettre de mise en demeure pour nos clients affiche la mauvaise date.', None,
     set(), {'legal'}),
    ('Our legal department needs your standard DPA before we sign.', 'calm', set(), {'legal'}),
    ('Das Gericht im Menü war leider kalt.', 'calm', set(), {'legal'}),
]
# A creator and an audience in one sentence, a creator by its role: the media matter; an audience of a newsletter
# or a video feature of the product stays no media.
CREATORS: list[Case] = [
    ('My cooking videos on YouTube, 300k subscribers so far, use your mixer in every episode.', None, {'media'},
     set()),
    ("I'm a streamer and would like a sponsored licence for my broadcasts.", 'calm', {'media'}, set()),
    ('Je suis influenceuse et je voudrais tester votre application.', 'calm', {'media'}, set()),
    ('Ich bin Redakteurin bei einem Verbrauchermagazin und habe eine Frage.', 'calm', {'media'}, set()),
    ('Soy youtuber y quiero reseñar vuestro router.', 'calm', {'media'}, set()),
    ('Sou criadora de conteúdo e gostaria de uma licença de teste.', 'calm', {'media'}, set()),
    ('Sono una creatrice di contenuti e vorrei provare il vostro servizio.', 'calm', {'media'}, set()),
]
CREATOR_LURES: list[Case] = [
    ('Our newsletter has 5k subscribers and the video block does not render in it.', 'calm', set(), {'media'}),
    ('Le rôle Rédacteur ne peut pas publier les articles.', None, set(), {'media'}),
    ('Vi ho inviato la fattura del mese scorso.', None, set(), {'media'}),
]
SIXTH = [*OUTAGE_PAIRS, *OUTAGE_PAIR_LURES, *LAWYER_CLASS, *LAWYER_CLASS_LURES, *CREATORS, *CREATOR_LURES]


@pytest.mark.parametrize(("text", "mood", "found", "absent"), SIXTH)
def test_a_family_of_the_sixth_version_is_read(text: str, mood: str | None, found: set[str], absent: set[str]) -> None:
    check_reading(text, mood, found, absent, None)


# Seventh version: security as told (a stranger and an act on the customer's account at any distance in one
# sentence, data sent or shown to the wrong person, codes and resets never asked for, fraud on a charge) and
# regulators by their local names and titles, and GDPR rights invoked by article; questions asking someone of ours to
# do something, undelivered resets, 2FA how-tos, security updates and regulators named as context stay no matter.
SECURITY_PAIRS: list[Case] = [
    ('Last night, from an IP I have never seen, someone got into my account and changed the recovery phone.', None,
     {'security'}, set()),
    ('A stranger, using my saved card, ordered three gift cards on my account this morning.', None, {'security'},
     set()),
    ('Somebody has been calling your helpline pretending to be me.', None, {'security'}, set()),
    ('Another customer phoned me because, when he opened his portal, he could see all my payslips.', None,
     {'security'}, set()),
    ('This morning I got two login codes by text that I never requested.', 'calm', {'security'}, set()),
    ('There is a fraudulent charge of 74 dollars on my card from your store.', None, {'security'}, set()),
    ('Hier soir, un inconnu, depuis un appareil en Espagne, a modifié mon adresse e-mail.', None, {'security'},
     set()),
    ("Quelqu'un a commandé deux téléphones à mon nom avec ma carte.", None, {'security'}, set()),
    ("J'ai reçu les relevés d'un autre client dans mon espace.", None, {'security'}, set()),
    ("Ce matin j'ai reçu un code de connexion que je n'ai jamais demandé.", 'calm', {'security'}, set()),
    ('Jemand hat gestern in meinem Namen zwei Verträge abgeschlossen.', None, {'security'}, set()),
    ('Ihr Kundendienst hat meine Kontoauszüge an einen fremden Empfänger gemailt.', None, {'security'}, set()),
    ('Ich bekomme ständig Sicherheitscodes per SMS, die ich nicht angefordert habe.', None, {'security'}, set()),
    ('Auf meiner Kreditkarte ist eine betrügerische Buchung von Ihrem Shop.', None, {'security'}, set()),
    ('Un desconocido, desde otro país, ha cambiado el correo y la contraseña de mi cuenta.', None, {'security'},
     set()),
    ('Alguien se ha hecho pasar por mí en vuestro chat.', None, {'security'}, set()),
    ('Me ha llegado la nómina de otra persona a mi correo.', None, {'security'}, set()),
    ('Hoy me han llegado dos códigos de verificación que no he solicitado.', 'calm', {'security'}, set()),
    ('Alguém, de um celular que não conheço, trocou a senha e o e-mail da minha conta.', None, {'security'}, set()),
    ('Um desconhecido fez compras em meu nome pelo aplicativo.', None, {'security'}, set()),
    ('Recebi os documentos de outro cliente no meu e-mail.', None, {'security'}, set()),
    ('Há uma compra fraudulenta no meu cartão feita na vossa loja.', None, {'security'}, set()),
    ("Uno sconosciuto è entrato nel mio account e ha modificato l'indirizzo di spedizione.", None, {'security'},
     set()),
    ('Qualcuno ha prenotato due voli a nome mio.', None, {'security'}, set()),
    ('Ho ricevuto le buste paga di un altro cliente.', None, {'security'}, set()),
    ('Stamattina mi è arrivato un codice di verifica che non ho richiesto.', 'calm', {'security'}, set()),
]
SECURITY_PAIR_LURES: list[Case] = [
    ('Could someone change the email on my account to my new work address?', 'calm', set(), {'security'}),
    ('If someone logs into my account from a new device, do I get an alert?', 'calm', set(), {'security'}),
    ('The password reset email never arrived, can you resend it?', None, set(), {'security'}),
    ('How do I enable 2FA for everyone on my team?', 'calm', set(), {'security'}),
    ('Please fill in the attached security questionnaire before our audit.', 'calm', set(), {'security'}),
    ("Pouvez-vous demander à quelqu'un de modifier mon adresse e-mail ?", 'calm', set(), {'security'}),
    ('Seit dem Sicherheitsupdate startet die App auf meinem Tablet nicht mehr.', 'calm', set(), {'security'}),
    ('Kann jemand mein Passwort zurücksetzen? Ich habe es vergessen.', 'calm', set(), {'security'}),
    ('¿Puede alguien de vuestro equipo cambiar el correo de mi cuenta?', 'calm', set(), {'security'}),
    ('Alguém da equipe pode alterar o e-mail da minha conta?', 'calm', set(), {'security'}),
    ("Qualcuno del supporto può cambiare l'email del mio account?", 'calm', set(), {'security'}),
    ("J'ai reçu un e-mail d'un autre client qui cherche votre numéro.", None, set(), {'security'}),
]
REGULATORS_BY_NAME: list[Case] = [
    ("If this isn't fixed by Friday I'm filing a complaint with my state AG.", 'threatening', {'regulatory'}, set()),
    ('Unless the fee is refunded, I will complain to the Financial Conduct Authority.', 'threatening',
     {'regulatory'}, set()),
    ("Sans réponse sous huit jours, je saisis l'Autorité de régulation des communications.", 'threatening',
     {'regulatory'}, set()),
    ('Wenn ich bis Freitag nichts höre, beschwere ich mich beim Landesbeauftragten für Datenschutz.', 'threatening',
     {'regulatory'}, set()),
    ('Sonst wende ich mich an die Arbeiterkammer.', 'threatening', {'regulatory'}, set()),
    ('Si no me devolvéis el dinero, presentaré una reclamación ante la Agencia Española de Protección de Datos.',
     'threatening', {'regulatory'}, set()),
    ('Se não resolverem, vou fazer queixa no Banco de Portugal.', 'threatening', {'regulatory'}, set()),
    ('Se não devolverem o valor, vou reclamar na ANATEL.', 'threatening', {'regulatory'}, set()),
    ('Se non risolvete entro venerdì, faccio un reclamo al Garante Privacy.', 'threatening', {'regulatory'}, set()),
    ("Ai sensi dell'art. 15 del GDPR chiedo una copia di tutti i miei dati.", 'calm', {'regulatory'}, set()),
    ('Conforme o artigo 17 do RGPD, peço o apagamento dos meus dados.', 'calm', {'regulatory'}, set()),
    ('Solicito, según el artículo 15 RGPD, acceso a mis datos personales.', 'calm', {'regulatory'}, set()),
]
REGULATOR_LURES: list[Case] = [
    ('Wir folgen den Empfehlungen der Bundesnetzagentur für Router.', 'calm', set(), {'regulatory'}),
    ('Somos una entidad supervisada por el Banco de España; ¿vuestro archivo guarda los correos diez años?', 'calm',
     set(), {'regulatory'}),
    ("Il nostro garante per l'affitto deve firmare il contratto.", 'calm', set(), {'regulatory'}),
    ("Sans réponse d'ici vendredi, j'envoie mon dossier à 60 Millions de consommateurs.", None, {'media'},
     {'regulatory'}),
]
SEVENTH = [*SECURITY_PAIRS, *SECURITY_PAIR_LURES, *REGULATORS_BY_NAME, *REGULATOR_LURES]


@pytest.mark.parametrize(("text", "mood", "found", "absent"), SEVENTH)
def test_a_family_of_the_seventh_version_is_read(text: str, mood: str | None, found: set[str], absent: set[str]
                                                 ) -> None:
    check_reading(text, mood, found, absent, None)


# Eighth version: calm messages that name a body of redress, a regulator or a lawyer as context, and the threats next
# to them that must stay threats. A body of redress named about the customer's own case is the regulatory matter, not
# a threat; a complaint already made is the matter; English complaint words do not lodge complaints in other
# languages ("información" is no "inform"); "if" after a verb of asking is "whether"; "until further notice" is no
# deadline.
CALM_MENTIONS: list[Case] = [
    ('The Pensions Ombudsman found in my favour last month and told you to recalculate my transfer value. Could you '
     'tell me when the new figure will be ready?', 'calm', {'regulatory'}, set()),
    ('Trading Standards asked me to get in touch with you first about the faulty boiler. Can an engineer visit this '
     'week?', 'calm', {'regulatory'}, set()),
    ('Last spring I lodged a complaint with the Ofgem about the meter readings. They now ask me to confirm with you '
     'that the account is closed.', 'calm', {'regulatory'}, set()),
    ("Pourriez-vous me dire si vous adhérez au médiateur de la consommation, et comment le saisir pour un litige de "
     "livraison ?", 'calm', {'regulatory'}, set()),
    ("Le médiateur de l'énergie m'a conseillé de vous écrire avant de déposer mon dossier. Ma facture de mars compte "
     "deux fois l'abonnement.", 'calm', {'regulatory', 'billing'}, set()),
    ('Ich hatte mich wegen der Kontoführungsgebühr an die Schlichtungsstelle gewandt. Dort riet man mir, mich zuerst '
     'an Sie zu wenden.', 'calm', {'regulatory'}, set()),
    ('Estuve en la Oficina Municipal de Información al Consumidor y me aconsejaron pediros primero el recibo '
     'detallado.', 'calm', set(), set()),
    ('Gostaria de saber se vocês estão registados no Provedor, e qual o prazo para responderem ao meu pedido.', 'calm',
     set(), set()),
    ("Un'associazione dei consumatori mi ha suggerito di chiedervi prima la copia del contratto. Potete inviarmela?",
     'calm', {'regulatory'}, set()),
    ('Until further notice, please send all letters about the flat to our solicitors rather than to me.', 'calm',
     {'legal'}, set()),
    ('Let me know if your team follows the ICO guidance on cookie banners.', 'calm', set(), {'regulatory'}),
]
REAL_THREATS: list[Case] = [
    ('If the refund is not in my account by Friday, I will take this to the Financial Ombudsman.', 'threatening',
     {'regulatory'}, set()),
    ('Je vais saisir le médiateur de la consommation si rien ne bouge cette semaine.', 'threatening', {'regulatory'},
     set()),
    ('Wenn das bis Montag nicht erstattet ist, wende ich mich an die Schlichtungsstelle.', 'threatening',
     {'regulatory'}, set()),
    ('Si no me respondéis, presentaré una reclamación en la oficina del consumidor.', 'threatening', {'regulatory'},
     set()),
    ('Se não resolverem até sexta, vou registrar queixa no Procon.', 'threatening', {'regulatory'}, set()),
    ("Se non rimborsate entro lunedì, mi rivolgerò a un'associazione dei consumatori.", 'threatening', {'regulatory'},
     set()),
    ('Until you refund me, every letter goes to my solicitor.', 'threatening', {'legal'}, set()),
    ('I will report you to Trading Standards.', 'threatening', {'regulatory'}, set()),
]
EIGHTH = [*CALM_MENTIONS, *REAL_THREATS]


@pytest.mark.parametrize(("text", "mood", "found", "absent"), EIGHTH)
def test_a_family_of_the_eighth_version_is_read(text: str, mood: str | None, found: set[str], absent: set[str]
                                                ) -> None:
    check_reading(text, mood, found, absent, None)


# Ninth version: a legal act received (a letter, a notice served on the customer) is the matter and no threat; a scam
# word about a phishing mail is no anger at us; "plan" is a noun, no intent; "asks if" / "pregunta si" is "whether".
NINTH_CALM: list[Case] = [
    ('We have received a cease and desist letter from a competitor about a page on our shop. Can you tell us who '
     'edited it?', 'calm', {'legal'}, set()),
    ("Nous avons reçu ce matin une mise en demeure d'un ancien fournisseur. Pouvez-vous nous envoyer l'historique des "
     "factures ?", 'calm', {'legal'}, set()),
    ('Unser Anwalt fragt, ob die Kündigungsfrist auch für die Zusatzlizenzen gilt.', 'calm', {'legal'}, set()),
    ('Nuestra abogada pregunta si el contrato incluye la cláusula de confidencialidad.', 'calm', {'legal'}, set()),
    ('A nossa advogada pergunta se o contrato inclui uma cláusula de confidencialidade.', 'calm', {'legal'}, set()),
    ("Il nostro avvocato chiede se il contratto include una clausola di riservatezza.", 'calm', set(), set()),
    ('I got a text pretending to be your delivery team with a link to pay a fee. Is it a scam? I did not click '
     'it.', 'calm', {'security'}, set()),
    ("J'ai reçu un e-mail de phishing à votre nom qui demande mon mot de passe. C'est une arnaque, non ? Je n'ai rien "
     "saisi.", 'calm', {'security'}, set()),
    ('Ich habe eine Phishing-Mail in Ihrem Namen bekommen, wohl Betrug. Ich habe nichts angeklickt.', 'calm',
     {'security'}, set()),
    ('He recibido un SMS de phishing con vuestro logo. ¿Es una estafa? No he pulsado el enlace.', 'calm',
     {'security'}, set()),
    ('Recebi um e-mail de phishing com o vosso logótipo, parece golpe. Não cliquei em nada.', 'calm', {'security'},
     set()),
    ("Ho ricevuto un SMS di phishing a vostro nome, sembra una truffa. Non ho cliccato il link.", 'calm',
     {'security'}, set()),
    ("I'm a journalist working on an article about the new family plan for the spring issue. Could someone comment?",
     'calm', {'media'}, set()),
]
NINTH_UPSET: list[Case] = [
    ('If you do not withdraw this invoice by Friday, we have received advice and our lawyer will file a lawsuit.',
     'threatening', {'legal'}, set()),
    ('This is a scam. You charged me twice and nobody answers.', 'angry', set(), set()),
    ("C'est une arnaque, vous m'avez facturé deux fois.", 'angry', {'billing'}, set()),
    ('We plan to go to the press if this is not fixed by Monday.', 'threatening', {'media'}, set()),
]
NINTH = [*NINTH_CALM, *NINTH_UPSET]


@pytest.mark.parametrize(("text", "mood", "found", "absent"), NINTH)
def test_a_family_of_the_ninth_version_is_read(text: str, mood: str | None, found: set[str], absent: set[str]
                                               ) -> None:
    check_reading(text, mood, found, absent, None)


# Tenth version: security told in everyday words, in each language, and the same words where nothing is wrong.
SECURITY_EVERYDAY: list[Case] = [
    ("The app showed me another patient's lab results when I opened my file.", None, {'security'}, set()),
    ("Since the update our shoppers see each other's carts.", None, {'security'}, set()),
    ("Your quickstart has a live API key in the sample code.", None, {'security'}, set()),
    ("You leaked my personal data, I got spam quoting my order.", None, {'security'}, set()),
    ("My card was cloned after I paid in your shop.", None, {'security'}, set()),
    ("Our homepage was defaced overnight with a crypto scam.", None, {'security'}, set()),
    ("Every file is renamed and a note is demanding bitcoin.", None, {'security'}, set()),
    ("I typed my password before I noticed the address was wrong.", None, {'security'}, set()),
    ("My login got taken over within an hour.", None, {'security'}, set()),
    ("Me avisaron de un inicio de sesión en Lisboa. No fui yo.", None, {'security'}, set()),
    ("Me han clonado la tarjeta y nadie me ayuda.", None, {'security'}, set()),
    ("Recibí un SMS casi igual que los vuestros pidiéndome los datos de la tarjeta.", None, {'security'}, set()),
    ("Recebi um aviso de acesso à minha conta a partir de Madrid. Não fui eu.", None, {'security'}, set()),
    ("Ligaram-me a dizer que era do banco.", None, {'security'}, set()),
    ("Nel portale vedo le fatture di altri clienti.", None, {'security'}, set()),
    ("Ho ricevuto una notifica di accesso al mio conto da Milano. Non ero io.", None, {'security'}, set()),
    ("Quelqu'un regarde des films sur mon compte depuis hier.", None, {'security'}, set()),
    ("Vous avez transmis mes résultats d'analyses à mon employeur.", None, {'security'}, set()),
    ("Quelqu'un a ouvert une ligne en utilisant mon identité.", None, {'security'}, set()),
    ("Im Portal sehe ich die Adressen anderer Kunden.", None, {'security'}, set()),
    ("Meine Kartendaten stehen jetzt im Netz.", None, {'security'}, set()),
    ("Ich habe dort leider mein Passwort eingegeben.", None, {'security'}, set()),
]
SECURITY_EVERYDAY_LURES: list[Case] = [
    ("Can I see other users' projects as an admin?", 'calm', set(), {'security'}),
    ("Ich habe meine Zugangsdaten verloren, wie bekomme ich neue?", 'calm', set(), {'security'}),
    ("Ich habe meine Daten eingegeben, aber die Bestellung geht nicht durch.", 'calm', set(), {'security'}),
    ("No puedo iniciar sesión desde el extranjero, ¿es normal?", 'calm', set(), {'security'}),
    ("Non riesco a fare login dall'estero.", 'calm', set(), {'security'}),
    ("Il sito mi chiede i dati della carta ma poi dà errore.", 'calm', set(), {'security'}),
    ("El formulario me pide los datos de la tarjeta y luego falla.", 'calm', set(), {'security'}),
    ("O app está a pedir o código de acesso e o SMS não chega.", 'calm', set(), {'security'}),
    ("Vous avez envoyé ma commande à un autre client.", None, set(), {'security'}),
    ("The export copied my card list to the clipboard.", 'calm', set(), {'security'}),
]
TENTH = [*SECURITY_EVERYDAY, *SECURITY_EVERYDAY_LURES]


# Tenth version: the media matter where the customer already went public, the company's own channels, the press
# asking, and the BBB (a media matter by the labels' definition, not a regulator).
MEDIA_MENTIONS: list[Case] = [
    ("I am filing a complaint with the Better Business Bureau this afternoon.", None, {'media'}, {'regulatory'}),
    ("Your social media team on Twitter told me to write here instead.", None, {'media'}, set()),
    ("The thread already has 3000 upvotes.", None, {'media'}, set()),
    ("Could you put me in touch with your press office for a short interview?", 'calm', {'media'}, set()),
    ("Si rien ne bouge d'ici jeudi, j'envoie tout au Parisien.", None, {'media'}, set()),
    ("Noch eine Woche und die Geschichte geht an die BILD.", None, {'media'}, set()),
    ("O me lo solucionan hoy o lo subo a TikTok.", None, {'media'}, set()),
    ("Já reclamei no Reclame Aqui há uma semana.", None, {'media'}, set()),
    ("Ho già scritto una recensione su Google.", None, {'media'}, set()),
]
MEDIA_MENTION_LURES: list[Case] = [
    ("Is part BBB-2210 back in stock?", 'calm', set(), {'media'}),
    ("How do I connect our Instagram page to the shop?", 'calm', set(), {'media'}),
    ("Please add three seats for our press team.", 'calm', set(), {'media'}),
    ("La prensa hidráulica que pedí llegó sin manual.", 'calm', set(), {'media'}),
]
TENTH_MEDIA = [*MEDIA_MENTIONS, *MEDIA_MENTION_LURES]


# Tenth version: a service gone for the customer, told by how long they have been without it, in six languages;
# and the same words in a question about the product.
OUTAGE_WITHOUT: list[Case] = [
    ("Eleven days without a working phone line now.", None, {'outage'}, set()),
    ("No mobile data in the whole town since noon.", None, {'outage'}, set()),
    ("Our water's been off at the house since 6am.", None, {'outage'}, set()),
    ("How is the whole app down on payday?", None, {'outage'}, set()),
    ("Card machines down again at both our shops.", None, {'outage'}, set()),
    ("If my internet isn't back by tomorrow I'm cancelling.", None, {'outage'}, set()),
    ("Ça fait trois jours que je n'ai plus internet ni télé.", None, {'outage'}, set()),
    ("Un mois sans téléphone fixe, c'est honteux.", None, {'outage'}, set()),
    ("Mein Internet geht seit heute früh nicht mehr.", None, {'outage'}, set()),
    ("Seit Ostern ist der Anschluss tot.", None, {'outage'}, set()),
    ("Otra vez sin luz en todo el barrio.", None, {'outage'}, set()),
    ("La plataforma se cae todos los días a las seis.", None, {'outage'}, set()),
    ("Mia madre è senza telefono da Pasqua.", None, {'outage'}, set()),
    ("Estamos sem internet desde ontem à noite.", None, {'outage'}, set()),
]
OUTAGE_WITHOUT_LURES: list[Case] = [
    ("Does the app work without internet on a plane?", 'calm', set(), {'outage'}),
    ("¿La app funciona sin internet en el avión?", 'calm', set(), {'outage'}),
    ("Funziona senza rete in montagna?", 'calm', set(), {'outage'}),
    ("L'appli fonctionne-t-elle sans connexion ?", 'calm', set(), {'outage'}),
    ("Funciona sem internet no modo avião?", 'calm', set(), {'outage'}),
]
TENTH_OUTAGE = [*OUTAGE_WITHOUT, *OUTAGE_WITHOUT_LURES]


# Tenth version: a lawyer writing for a client, a court that ruled, a lawyer taking over, in six languages; and a
# law firm as the customer, a complaint to a regulator, a template, jury duty, an opinion.
LAWYER_FOR_A_CLIENT: list[Case] = [
    ("We act for the executors of the late Mr Hale and enclose the grant of probate.", None, {'legal'}, set()),
    ("I'd hate for this to end up in front of a judge.", None, {'legal'}, set()),
    ("My solicitor will be dealing with you from now on.", None, {'legal'}, set()),
    ("Je suis avocate au barreau de Lille et j'interviens pour le compte de Mme Roux.", None, {'legal'}, set()),
    ("Soy la abogada de la Sra. Gil en relación con el siniestro.", None, {'legal'}, set()),
    ("Los vecinos preparamos una demanda conjunta.", None, {'legal'}, set()),
    ("Sono il legale del sig. Conti e vi chiedo copia del contratto.", None, {'legal'}, set()),
    ("Na qualidade de advogado da Sra. Lima, venho pedir cópia do contrato.", None, {'legal'}, set()),
    ("In der Sache Braun zeigen wir die Vertretung von Frau Braun an.", None, {'legal'}, set()),
]
LAWYER_LURES: list[Case] = [
    ("We're a small law firm and two users can't open the calendar.", 'calm', set(), {'legal'}),
    ("The Breach of contract clause of my template loses its numbering in the PDF.", 'calm', set(), {'legal'}),
    ("I've been called for jury duty at the county court next month, can I pause my plan?", 'calm', set(),
     {'legal'}),
    ("Notre cabinet d'avocats utilise votre agenda, le module renvoie une erreur 403.", 'calm', set(), {'legal'}),
    ("A mi juicio la nueva app es más clara.", 'calm', set(), {'legal'}),
    ("Si vuelven a llamar, presento una denuncia ante la AEPD.", None, {'regulatory'}, {'legal'}),
    ("Il modello di diffida perde la formattazione nel PDF.", 'calm', set(), {'legal'}),
    ("Wir sind eine kleine Kanzlei und die Synchronisation schlägt fehl.", 'calm', set(), {'legal'}),
]
TENTH_LEGAL = [*LAWYER_FOR_A_CLIENT, *LAWYER_LURES]


# Eleventh version: fraud by others on the customer's card or account, data handed to a stranger, a vulnerability
# reported, outages told by what stopped or for how long, reviews and posts announced; and their lures: a charge or
# renewal the customer did not authorise (billing), a phishing drill, one page down while the rest works, a login
# that fails, a marketing campaign on social media.
FRAUD_AND_OUTAGES: list[Case] = [
    ("Transactions I don't recognise on my card from a shop in Lisbon.", None, {'security'}, set()),
    ("I've never been to Portugal and the card is in my wallet right now.", None, {'security'}, set()),
    ("Your app let someone send 2,300 GBP from my account to a person I have never heard of.", None, {'security'},
     set()),
    ("A neighbour forwarded me my own test results this morning.", None, {'security'}, set()),
    ("I need to know who else received my details.", None, {'security'}, set()),
    ("I typed my username and password before I realised the page was fake.", None, {'security'}, set()),
    ("The reset link keeps working after it has been used once.", 'calm', {'security'}, set()),
    ("Anyone can check whether an email address has an account.", 'calm', {'security'}, set()),
    ("Il y a trois paiements que je ne reconnais pas sur ma carte.", None, {'security'}, set()),
    ("Quand je me connecte, je tombe parfois sur le compte d'une autre personne.", None, {'security'}, set()),
    ("Des inconnus voient mes commandes et moi les leurs.", None, {'security'}, set()),
    ("Tengo cargos raros en mi tarjeta desde vuestra tienda.", None, {'security'}, set()),
    ("Alguien ha comprado dos móviles con mi cuenta.", None, {'security'}, set()),
    ("Auf meiner Kreditkarte sind unbekannte Abbuchungen aus Singapur.", None, {'security'}, set()),
    ("Jemand hat mit meinem Kundenkonto drei Handys bestellt.", None, {'security'}, set()),
    ("Ho trovato addebiti sconosciuti sulla mia carta.", None, {'security'}, set()),
    ("Apareceram compras estranhas no meu cartão.", None, {'security'}, set()),
    ("Down AGAIN for the whole weekend.", None, {'outage'}, set()),
    ("The card machines at several shops stopped taking payments for three hours.", None, {'outage'}, set()),
    ("Nobody in the office can log in since nine.", None, {'outage'}, set()),
    ("Certains foyers sont restés sans courant plus de 20 heures.", None, {'outage'}, set()),
    ("Ça fait deux jours que plus personne chez nous ne reçoit d'e-mails.", None, {'outage'}, set()),
    ("Tres días sin luz en la oficina.", None, {'outage'}, set()),
    ("Diez días con cortes diarios.", None, {'outage'}, set()),
    ("Ninguna de las cajas de nuestras tiendas puede entrar al sistema de pagos.", None, {'outage'}, set()),
    ("Seit 6:30 Uhr ist unser gesamtes Büro offline.", None, {'outage'}, set()),
    ("Das Internet geht seit gestern nicht mehr.", None, {'outage'}, set()),
    ("Tre giorni senza corrente in negozio.", None, {'outage'}, set()),
    ("Nenhum dos nossos caixas consegue entrar no sistema.", None, {'outage'}, set()),
    ("The trade press will hear about this as well.", None, {'media'}, set()),
    ("Fix this tonight or I'm posting every single screenshot on Twitter.", 'threatening', {'media'}, set()),
    ("Je résilie tout et je laisse un avis bien salé sur Google.", None, {'media'}, set()),
    ("Lo contaré en todas las reseñas de Google.", None, {'media'}, set()),
    ("Wenn das nicht klappt, schreibe ich darüber auf X.", None, {'media'}, set()),
    ("Scriverò tutto nelle recensioni su Google.", None, {'media'}, set()),
    ("Vou contar tudo no Reclame Aqui.", None, {'media'}, set()),
]
FRAUD_AND_OUTAGE_LURES: list[Case] = [
    ("On 2 April my card was charged $1,188.00 for an annual renewal that I did not authorise.", None, {'billing'},
     {'security'}),
    ("You charged me for a premium support add-on I never asked for.", None, {'billing'}, {'security'}),
    ("Our IT team is running a phishing drill next week with simulated emails.", 'calm', set(), {'security'}),
    ("I entered my email and password but the app says they are invalid.", 'calm', set(), {'security'}),
    ("You sent me my invoice twice this month.", None, set(), {'security'}),
    ("The baggage page says service unavailable but everything else on the site works.", 'calm', set(), {'outage'}),
    ("Please stop processing orders for the old store from Monday.", 'calm', set(), {'outage'}),
    ("Nobody can tell me why my parcel is late.", None, set(), {'outage'}),
    ("I'm out for the whole day tomorrow, please call on Friday.", 'calm', set(), {'outage'}),
    ("Plus personne ne répond au téléphone chez vous.", None, set(), {'outage'}),
    ("Ninguno de vuestros agentes puede acceder a mi expediente.", None, set(), {'outage'}),
    ("Bei Ihnen geht niemand ans Telefon, und das Telefon geht auch nicht ran.", None, set(), {'outage'}),
    ("Da war ich noch nie so enttäuscht.", None, set(), {'security'}),
    ("Le reste du site fonctionne, seule la page panier affiche une erreur.", 'calm', set(), {'outage'}),
    ("Suite à une coupure de courant dans nos locaux, le logiciel refuse de démarrer.", 'calm', set(), {'outage'}),
    ("Estamos organizando uma campanha nas redes sociais para a Black Friday.", 'calm', set(), {'media'}),
    ("Preparamos una campaña en redes sociales y queremos usar vuestro catálogo.", 'calm', set(), {'media'}),
    ("Nous préparons une campagne sur les réseaux sociaux pour Noël.", 'calm', set(), {'media'}),
]
ELEVENTH = [*FRAUD_AND_OUTAGES, *FRAUD_AND_OUTAGE_LURES]


# Twelfth version: a utility or a line out for a time, every card declined; money or points gone to someone else,
# data returned for other organisations, an unknown device; and their lures: a plan changed without consent (billing),
# a store employee, a device that needs no power, an app with no connection to a printer.
UTILITIES_AND_THEFTS: list[Case] = [
    ("We've now been without power for 52 hours.", None, {'outage'}, set()),
    ("3 weeks no landline and two engineer no-shows.", None, {'outage'}, set()),
    ("We've had no water at 22 Mill Lane since Sunday morning.", None, {'outage'}, set()),
    ("Your terminal declines every card since this morning.", None, {'outage'}, set()),
    ("Nous n'avons plus d'électricité depuis hier 18 h.", None, {'outage'}, set()),
    ("Bonjour, notre ligne fixe est muette depuis hier.", None, {'outage'}, set()),
    ("Una semana sin fibra.", None, {'outage'}, set()),
    ("Llevamos dos días sin poder entrar al servidor.", None, {'outage'}, set()),
    ("Seit heute früh haben wir keinen Strom.", None, {'outage'}, set()),
    ("Seit gestern Abend geht gar nichts mehr.", None, {'outage'}, set()),
    ("Da stamattina manca l'acqua in tutto il condominio.", None, {'outage'}, set()),
    ("Il vostro POS rifiuta tutte le carte.", None, {'outage'}, set()),
    ("Estamos sem eletricidade desde ontem.", None, {'outage'}, set()),
    ("Minha internet está sem funcionar há 5 dias.", None, {'outage'}, set()),
    ("My refund went to a card that isn't mine.", None, {'security'}, set()),
    ("42,000 miles were redeemed without my knowledge.", None, {'security'}, set()),
    ("The endpoint returns invoices belonging to other organisations.", None, {'security'}, set()),
    ("There is an unknown device logged in to my account.", None, {'security'}, set()),
    ("Unbekanntes Gerät im Online-Banking.", None, {'security'}, set()),
    ("Meus pontos foram usados por outra pessoa.", None, {'security'}, set()),
    ("J'ai reçu le bilan d'une autre personne par e-mail.", None, {'security'}, set()),
    ("Otherwise the full chat logs go on Reddit tonight.", None, {'media'}, set()),
]
UTILITY_AND_THEFT_LURES: list[Case] = [
    ("My plan was upgraded to Pro without my consent.", None, set(), {'security'}),
    ("Someone at your store added a second line to my account.", None, set(), {'security'}),
    ("Das Gerät braucht keinen Strom, oder?", 'calm', set(), {'outage'}),
    ("Die App hat keine Verbindung zum Drucker.", 'calm', set(), {'outage'}),
    ("No hay conexión desde la tablet del almacén.", 'calm', set(), {'outage'}),
    ("Manca la connessione tra l'app e la stampante.", 'calm', set(), {'outage'}),
    ("Does the offline mode work with no internet for a week?", 'calm', set(), {'outage'}),
]
TWELFTH = [*UTILITIES_AND_THEFTS, *UTILITY_AND_THEFT_LURES]


@pytest.mark.parametrize(("text", "mood", "found", "absent"), TWELFTH)
def test_a_family_of_the_twelfth_version_is_read(text: str, mood: str | None, found: set[str], absent: set[str]
                                                 ) -> None:
    check_reading(text, mood, found, absent, None)


@pytest.mark.parametrize(("text", "mood", "found", "absent"), ELEVENTH)
def test_a_family_of_the_eleventh_version_is_read(text: str, mood: str | None, found: set[str], absent: set[str]
                                                  ) -> None:
    check_reading(text, mood, found, absent, None)


@pytest.mark.parametrize(("text", "mood", "found", "absent"), [*TENTH, *TENTH_MEDIA, *TENTH_OUTAGE, *TENTH_LEGAL])
def test_a_family_of_the_tenth_version_is_read(text: str, mood: str | None, found: set[str], absent: set[str]
                                               ) -> None:
    check_reading(text, mood, found, absent, None)
