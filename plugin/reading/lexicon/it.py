"""Italian cues. "causa" is also "because" ("a causa del corriere") and "legale" a legal entity or a registered
office: they count only in the phrases that make them a threat ("fare causa", "il mio avvocato")."""

from __future__ import annotations

STOPWORDS = """il lo la i gli le di del della dei un una e in che non per con si suo sua mio mia nostro nostra al alla
ma come gia molto questo questa ho ha abbiamo sono grazie buongiorno salve ciao vostro vostra potete mi ci da stamattina ancora sempre tutto niente nostri vostri perche
quando sto stiamo ieri oggi anche nel nella sul sulla degli delle dal dalla"""
NEGATORS = "non mai nessuno niente nulla nessun nessuna senza ne"
INTENSIFIERS = "cosi tanto tale"
CONDITIONS = "se altrimenti qualora caso"
BRIDGES = "voglio vogliamo vuole vado andiamo penso il lo la i gli le un una di del mi ci si e sono ho abbiamo ancora piu"
COMPLAINTS = "reclam denunc segnal espost querel"
INTENTS = "vado andiamo intendo intendiamo valutando pronto pronti"
FUTURE_ENDINGS = "eremo iremo"
DONE = "ricevuto ricevuta ricevuti pubblicato lasciato condiviso postato recensito presentato inviato rivolto"

_SYS = ("(sito|servizio|sistema|server|piattaforma|app|applicazione|negozio|negozio online|portale|connessione|linea|"
        "rete|internet|fibra|telefono|api|tutto|posta|gestionale|software|cloud|portale|centralino|pos|modem|router|"
        "posta elettronica|server di posta|cassa)")
_BOSS = "(responsabile|supervisore|superiore|direttore|direttrice|manager|capo|dirigente)"

CUES: dict[str, list[str]] = {
    "threat:legal": [
        "(vie|azioni|azione|via) (legali|legale|giudiziarie|giudiziaria)",
        "(fare|faro|faremo|intentare) causa", "(diffida|diffidare|diffido|querela|querelare|decreto ingiuntivo)",
    ],
    "regulatory": [
        "diritto (di accesso|all'oblio|alla cancellazione|di rettifica|alla portabilita)", "(ai sensi|in base) del gdpr",
        "(ai sensi|in base|a norma|secondo) (dell'|del|dell|l'|il)? (art|articolo) # (del )?(gdpr|rgpd|regolamento)",
        "(cancellazione|accesso|copia|rettifica|portabilita|limitazione) (dei|di tutti i|a tutti i|ai|di) (miei|nostri) dati( personali)?",
        "(chiedo|richiedo|richiesta di|esercito il diritto) .. (cancellazione|accesso|copia|rettifica|portabilita|oblio) .. dati",
    ],
    "threat:media": [
        "(pubblicare|pubblichero|scrivere|scrivero|raccontare|raccontero|denunciare|denuncero|condividere|condividero) .. (sui social|social|facebook|instagram|twitter|tiktok|google|trustpilot|internet)",
         "(recensione|recensioni) (negativa|negative|pessima|pessime)",
    ],
    "threat:churn": ["(passare|passero|passeremo|cambiare|cambiero|cambieremo) (a|ad|con) (un )?(altro|altra) (fornitore|operatore|gestore|compagnia)", "(alla|la) concorrenza"],
    "churn": [
        "(disdetta|disdire|disdico|recesso|recedere)", "(annullare|cancellare|chiudere) (il mio|il nostro|l'|la mia|la nostra) (abbonamento|account|contratto|conto)",
        "non (rinnovare|rinnoveremo|rinnovero)",
    ],
    "threat:billing": ["(chargeback|storno (sulla|della) carta)", "(contestare|contestero) .. (banca|carta)"],
    "pressure": ["(il nostro|il) rinnovo (e|sara|scade|arriva)", "(il|nostro) contratto (scade|termina)"],
    "threat": ["(la )?(polizia|carabinieri)", "(ultimo|ultima) (avviso|avvertimento)"],
    "outage": [
        "(nessun|nessuna|nessuno) .. (riesce|puo|riusciamo|possiamo|riescono) (piu )?(a |ad )?(entrare|accedere|lavorare|collegarsi|collegarci|aprire|usare|loggarsi)",
        "(errore|errori|codice) (500|502|503|504) .. (su|in|per|a) (tutte|tutti|ogni|qualsiasi)",
        "(su|in|per) (tutte le|ogni) (pagine|pagina|richieste|richiesta|chiamate|schermate) .. (errore|errori|500|502|503|504|timeout|fallisce|falliscono)",
        "non (funziona|va|carica|risponde) piu (niente|nulla)",
        "(niente|nulla) (funziona|va|carica|risponde) piu",
        "(siamo|sono) tutti (bloccati|fermi) .. (da|dalle|per)",
        f"{_SYS} .. (non e|non sono) (raggiungibile|raggiungibili|accessibile|accessibili|disponibile|disponibili)",
        f"{_SYS} .. (fuori servizio|non raggiungibile|irraggiungibile|down|offline|inaccessibile|non funziona piu|non risponde|bloccato|e caduto|caduto)",
        "(nessuno|nessun utente|nessun cliente|nessun dipendente) (riesce|puo|riusciamo) (ad |a )?(accedere|collegarsi|entrare|lavorare)",
        "senza (connessione|internet|linea|servizio|rete|segnale)", "(disservizio|disservizi|blackout)", "interruzione (del|di) servizio",
        "(non (risponde|si apre|carica|funziona|va)|da timeout|resta in caricamento|rimane in caricamento) .. (da stamattina|da ieri|da ore|dalle #|per tutti|per nessuno|a nessuno)",
        "(per|a) tutti (gli|i) .. (utenti|dipendenti|colleghi|clienti)",
        "(nessuno|nessun collega|nessun utente) (riesce|puo|riusciamo|possiamo) (piu )?(a |ad )?(lavorare|accedere|collegarsi|entrare)",
    ],
    "security": [
        "qualcuno (e|ha|si e|sia|era) (entrato|entrata|acceduto|collegato|collegata|loggato|connesso|introdotto) ",
        "(account|conto|profilo|carta|casella|email|mail|password|sito|server|database|sistema) (e stato|e stata|sono stati|sono state|risulta|sembra|sia stato|sia stata|era stato|era stata|e gia stato) (hackerato|hackerata|violato|violata|compromesso|compromessa|rubato|rubata|clonata|clonato|bucato|attaccato|manomesso)",
        "(fuga|furto|diffusione|esfiltrazione) (di|dei) (dati|credenziali|password|informazioni)",
        "(accessi|accesso|login|tentativi di accesso|connessioni) (sospetti|sospetto|sospette|strani|anomali|anomalo|sconosciuti|non riconosciuti)",
        "(chiave|chiavi|token|credenziali|api key) .. (esposta|esposte|esposti|esposto|pubblicata|pubblicate|visibile|visibili|trapelata|trapelate)",
        "(attaccante|attaccanti|intruso|intrusi|attacco informatico|attacco hacker|ransomware|malware)",
        "(aggirato|aggirata|aggirare|bypassato|bypassare|eluso|eludere) (l'|la )?(autenticazione|verifica in due passaggi|doppio fattore|2fa|mfa)",
        "(hanno|ha) (cambiato|modificato) (la|mia|la mia|l'|il mio) (password|email|indirizzo email|numero di telefono|iban) (senza|e non sono stato|che non ho)",
        "(account|conto|profilo|carta) (hackerato|hackerata|violato|violata|compromesso|compromessa|rubato|rubata|clonata|clonato)",
        "(hacker|hackerato|hackerata|accesso non autorizzato|accessi non autorizzati|frode|fraudolento|fraudolenta|furto (di dati|d'identita|di identita)|phishing|violazione dei dati|truffa informatica|vulnerabilita)",
        "(acquisti|ordini|addebiti|transazioni|pagamenti) che non ho (fatto|effettuato|autorizzato)",
        "non riconosco (questi|queste|gli|le) (addebiti|acquisti|transazioni|ordini|accessi)", "qualcuno (ha )?(usato|acceduto|entrato)",
        "(dati|fatture|ordini|account) (di altri|di un altro|di un'altra|di altre) (clienti|cliente|azienda|aziende|utenti)",
        "(email|mail|messaggio|sms|link) (sospetto|sospetta|fraudolento|fraudolenta|falso|falsa|strano|strana)",
    ],
    "billing": [
        "(fattura|fatture|fatturato|fatturazione errata|addebito|addebiti|addebitato|addebitati|rimborso|rimborsare|rimborsato|bolletta|bollette|pagamento doppio|doppio addebito|importo)",
    ],
    "not:billing": [
        "(fatture|rimborsi|pagamenti) (dei|ai) (nostri|miei) clienti",
        "(fatture|ricevute|note) (che )?(emettiamo|generiamo|inviamo|facciamo) (ai|per i) (nostri|miei) clienti",
    ],
    "anger": [
        "non e (accettabile|ammissibile|tollerabile|concepibile) (essere|che|venire|una)",
        "(essere|venire|siamo stati|sono stato|sono stata) (trattati|trattato|trattata) (cosi|in questo modo|come)",
        "(pessimi|pessime|schifosi|vergognosi|indecenti|ridicoli)",
        "(mi|ci) avete (davvero |proprio )?(stancato|stufato|stancati|stufati|esasperato|esasperati)",
        "(indignato|indignata|indignati|indignate|sdegnato|sdegnata|oltraggioso|oltraggiosa|inqualificabile|vergognosamente)",
        "(profondamente|davvero|estremamente|molto) (deluso|delusa|delusi|amareggiato|amareggiata|indignato|indignata|offeso|offesa) (da|dal|dalla|dai|per|del|della)",
        "(mi sento|ci sentiamo|sentirsi) (preso in giro|presa in giro|presi in giro|truffato|truffata|truffati|derubato|derubata|ignorato|ignorata|umiliato|umiliata)",
        "(vergogna|vergognoso|vergognosa|inaccettabile|inammissibile|scandalo|scandaloso|scandalosa|schifo|pessimo|pessima|incompetenti|incompetenza|ridicolo|assurdo|assurda|indegno|indegna|furioso|furiosa|arrabbiato|arrabbiata|arrabbiatissimo|incazzato|incazzata|truffa|truffatori|ladri|presa in giro|una barzelletta|vergognatevi|indecente|allucinante)",
        "il (peggior|peggiore) (servizio|assistenza|operatore|esperienza)",
        "(una )?(follia|pazzia|vergogna assoluta)",
        "(siete|e) (ridicoli|assurdo|incredibile|vergognosi)",
        "(ci|mi) prendete in giro",
    ],
    "frustration": [
        "non (se ne puo|ne posso|ne possiamo) piu",
        "(quanto|quanti) (tempo |giorni |settimane |mesi )?(devo|dobbiamo|dovro|dovremo|bisogna) (ancora )?(aspettare|attendere|pazientare)",
        "fino a quando",
        "ancora una volta",
        "(torno|torniamo) a (scrivervi|scrivere|sollecitare|chiedere)",
        "non e la prima volta",
        "ancora (non|nessun|nessuna|niente|nulla)", "di nuovo", "(per la )?(seconda|terza|quarta|ennesima) volta", "(sto|stiamo) perdendo la pazienza",
        "(nessuno|nessuna) (risponde|mi risponde|ci risponde|risposta)", "(senza|nessuna|nessun) (risposta|soluzione|riscontro)",
        "(stanco|stanca|stufo|stufa|stufi|esasperato|esasperata|frustrante|snervante)", "da (giorni|settimane|mesi|# giorni|# settimane)",
        "(e|sono) da (#|una|un|due|tre|quattro|cinque|sei|dieci|quindici|diversi|diverse|molti|molte|parecchi|parecchie) (giorni|giorno|settimana|settimane|mese|mesi|ore) che (aspetto|aspettiamo|attendo|attendiamo|sto aspettando|scrivo)",
        "(aspetto|aspettiamo|attendo|attendiamo) da (#|una|un|due|tre|quattro|cinque|sei|dieci|quindici|diversi|diverse|molti|molte|giorni|settimane|mesi)",
        "(sollecito|sollecita|sollecitiamo) per la (seconda|terza|quarta|ennesima) volta",
        "non (ho|abbiamo) (piu )?(saputo|sentito|ricevuto) (nulla|niente|risposta|notizie|alcuna risposta)",
        "non (ho|abbiamo) ricevuto (alcuna |nessuna )?risposta",
        "(ancora|tuttora) in attesa",
        "(attendo|attendiamo) ancora",
        "(sto|stiamo) ancora aspettando",
        "(mi|ci) avete (detto|risposto|promesso) .. ma",
        "non so (piu )?cosa fare",
        "(almeno|quantomeno) (dirmi|dirci|farmi sapere|rispondere|aggiornarmi)",
    ],
    "calm": ["(nessuna fretta|non e urgente|senza fretta|quando potete)", "grazie (ancora|di nuovo|nuovamente) (una volta )?(per|della|dell|del)"],
    "manager": [f"(parlare|parlo|contatto|essere contattato|essere richiamato) (con|da) (un|il|la|un suo|il suo|il vostro|un vostro) {_BOSS}"],
    "repeat": [
        "(avevo|avevamo|ho|abbiamo) (gia )?(scritto|chiamato|contattato|segnalato|inviato|telefonato|sollecitato|comunicato|richiesto|spiegato|aperto|reclamato)",
        "(mi|ci) (avevate|avete|aveva|ha|avevano|hanno) (promesso|assicurato|garantito|detto che)",
        "(ho|abbiamo) (gia )?(aperto|inviato|mandato|scritto|fatto) (due|tre|quattro|diversi|diverse|vari|varie|piu|numerosi|numerose|molti|molte|#) (ticket|segnalazioni|richieste|email|mail|reclami|solleciti|chiamate|messaggi)",
        "(la|il|lo|le|i) (chiamata|richiamata|risposta|rimborso|intervento|tecnico|soluzione|sostituzione|ricontatto) (promessa|promesso|promesse|promessi|concordata|concordato)",
        "(vi|le|ti) (scrivo|contatto|chiamo|riscrivo|ricontatto) (di nuovo|ancora una volta|nuovamente|per l'ennesima volta|per la (seconda|terza|quarta) volta)",
        "(torno|torniamo) a (scrivervi|scrivere|sollecitare|chiedere|contattarvi|segnalare)",
        "(ho|abbiamo) (gia )?(scritto|chiamato|contattato|segnalato|inviato|telefonato|sollecitato)", "(sollecito|sollecitare|sollecitato)",
        "(seconda|terza|quarta|ennesima) (volta|email|mail|segnalazione|richiesta)", "(due|tre|diverse|varie|#) (email|mail|chiamate|segnalazioni|richieste)",
        "(pratica|ticket|segnalazione) (n|numero)? #",
        "(vi|ti|le) (ho|abbiamo) (gia )?(scritto|chiamato|contattato|segnalato|inviato|telefonato)",
        "(ho|abbiamo) (gia )?aperto (il|un|una) (ticket|segnalazione|pratica|richiesta)",
        "(mi|ci) avete (detto|risposto|promesso|assicurato)",
        "(come|gia) (indicato|segnalato|scritto|detto) (nella|nel|in) (mia|mio|precedente)",
    ],
    "lawyer": [
        "(il mio|il nostro|un|al mio|al nostro|mio|nostro) (avvocato|avvocata|avvocati|legale)",
        "(in|al|davanti al) tribunale",
        "(ordinanza|sentenza|decreto) del (tribunale|giudice)",
    ],
    "press": [
        "(giornalista|giornalisti|giornali|quotidiano|testata)", "(alla|contattare la|contattero la|chiamare la|chiamero la|avvisare la|avvisero la|informare la|informero la) stampa",
    ],
    "sarcasm": [
        "(siete|sei) (riusciti|riuscita|riuscito) (a|ad) (perdere|rompere|bloccare|addebitare|cancellare)",
        "(complimenti|bravi|bravissimi|ottimo lavoro|bel lavoro|gran lavoro|che bello|applausi|chapeau|grazie tante|grazie davvero tanto)",
    ],
    "not:legal": [
        "(il nostro|il mio|nostro|mio|l'|il|la nostra) (legale|avvocato|avvocata|avvocati|ufficio legale|ufficio legali|consulente legale|studio legale) (chiede|ha chiesto|richiede|ha richiesto|ci chiede|mi chiede|necessita|vuole|vorrebbe) .. (copia|contratto|condizioni|termini|documento|documenti|elenco|lista|clausola|clausole|accesso|firma|dpa|informativa)",
        "(sono|siamo) (un avvocato|avvocato|avvocata|uno studio legale|notaio)",
    ],
}

# The fourth version: families of phrasing found missing by fresh practice messages (see docs/reading.md).
_FOURTH: dict[str, list[str]] = {
    "anger": [
        "(mi|ci) (avete|hanno|ha) (preso|presi|presa|prese) in giro", "(prendete|prendono|prende) in giro",
        "(vergognoso|vergognosa|vergognatevi|indecente|inaccettabile|inammissibile|ridicolo|ridicola|assurdo|assurda|pazzesco|pazzesca|scandaloso|scandalosa|schifo|schifoso|schifosa|pessimo|pessima|disgustato|disgustata|furioso|furiosa|furibondo|imbufalito|incavolato|incavolata|incazzato|incazzata|esasperato|esasperata|indignato|indignata|truffatori|ladri|incompetenti|incapaci|buffoni|cialtroni|pagliacci|una presa in giro|una truffa|una vergogna|mancanza di rispetto|senza vergogna|allucinante|vomitevole|squallido|squallida|penoso|penosa|indegno|indegna|maleducati|maleducato|maleducata|arroganti)",
    ],
    "frustration": [
        "(sono|e|sara|saranno) (gia )?(#|due|tre|quattro|cinque|sei|diverse|varie|molte|parecchie) (settimane|giorni|mesi|ore) che",
        "(nessuno|nessuna) (mi|ci)? (sa|sanno|riesce a|vuole|puo) (dare|darmi|darci|dirmi|dirci|aiutarmi|aiutarci|rispondere|risolvere)",
        "non ne posso piu", "(stufo|stufa|stufi|stanco|stanca|stanchi|esausto|esausta|esasperato|esasperata|frustrato|frustrata|frustrante|demoralizzato|sfinito|sfinita)",
        "(fino a|ma) quando", "(quanto|quanti) (ancora|tempo|giorni|settimane)", "(ogni volta|sempre) (la stessa|lo stesso|uguale)",
    ],
    "threat:legal": [
        "(rivolgero|rivolgeremo|rivolgermi|rivolgerci|contattero|contatteremo|chiamero|passero|consultero|sentiro) .. (a un|al mio|al nostro|un|il mio|il nostro|dal mio|dal nostro)? (avvocato|avvocata|avvocati|legale|studio legale)",
        "(portero|porteremo|portarvi|vi porto|vi portero|vi porteremo) (in|davanti al|al) (tribunale|giudice|causa)", "(procedero|procederemo|procedere|agiro|agiremo) (per|in) (vie|sede) (legali|legale|giudiziaria|giudiziarie)",
        "(denuncia|denuncero|denunceremo|querela|querelero|esposto|citazione|citare|citero|causa legale)",
    ],
    "threat:media": [
        "(scrivero|scriveremo|lascero|lasceremo|pubblichero|pubblicheremo|mettero) .. (recensione|recensioni|commento|commenti|post|video) .. (negativa|negative|pessima|pessime|ovunque|dappertutto|google|trustpilot|social|facebook|instagram)",
        "(raccontero|racconteremo|diro|scrivero|condividero|pubblichero|denuncero) (tutto|questa storia|la mia esperienza|come trattate) .. (social|facebook|instagram|tiktok|twitter|internet|giornali|stampa|tutti)",
        "(contattero|contatteremo|andro|scrivero|chiamero) (alla|a|ai|la|i) (stampa|giornali|giornalisti|striscia|le iene|televisione|tv|mi manda rai tre|report)",
    ],
    "threat:regulatory": [
        "(esposto|reclamo|segnalazione|denuncia|segnalero|rivolgero|rivolgermi|rivolgerci|ricorrero|ricorso) .. (agcom|agcm|antitrust|garante|corecom|arera|ivass|banca d'italia|codacons|altroconsumo|adiconsum|federconsumatori|associazione (dei |di )?consumatori|un'associazione (dei |di )?consumatori)",
    ],
    "regulator": ["(arera|ivass|codacons|adiconsum|federconsumatori|altroconsumo)"],
    "threat:churn": [
        "(passo|passero|passiamo|passeremo|vado|andro|cambio|cambiero|cambiamo|cambieremo) (a|ad|con|da) (un|una)? (altro|altra|altri|concorrente|concorrenti) (operatore|gestore|fornitore|compagnia|azienda)?",
    ],
    "outage": [
        "(nessuno|nessun utente|nessun collega|nessun cliente) (in ufficio |di noi |dei nostri )?(riesce|riusciamo|puo|possiamo) (piu )?(a |ad )?(collegarsi|collegarci|accedere|entrare|lavorare|comprare|pagare)",
        f"{_SYS} (e|sono|risulta|risultano) (giu|down|offline|fermo|ferma|fermi|bloccato|bloccata|morto|morta|irraggiungibile|inaccessibile|fuori uso) (da|dalle|per|a tutti|per tutti)",
    ],
    "security": [
        "(addebiti|acquisti|ordini|transazioni|pagamenti|bonifici) che non (ho|abbiamo) (fatto|effettuato|autorizzato|riconosciuto|richiesto)",
        "qualcuno (e|ha|si e) (entrato|entrata|acceduto|collegato) (nel|nella|al|alla|sul|sulla) (mio|mia|nostro|nostra)",
    ],
    "not:security": ["(siete|sono) (dei|solo dei|solo)? (truffatori|ladri)"],
}
_FOURTH.setdefault('security', []).extend([
    "qualcuno (ha|aveva|abbia) (cambiato|modificato|reimpostato|resettato) (la|il|l'|i|le|mio|mia)? (password|email|mail|indirizzo|numero|iban|dati|credenziali)",
    'senza (il mio|il nostro|nostro|mio)? (consenso|autorizzazione|permesso) .. (accesso|accessi|modificat|cambiat|acquist|ordin|addebit|bonific)',
])
_FOURTH.setdefault('outage', []).extend([
    '(linea|internet|connessione|rete|segnale|servizio|fibra|adsl|telefono|posta) .. (completamente |totalmente |del tutto )?(assente|assenti|morta|morto|isolata|isolato|staccata|staccato|interrotta|interrotto|sparita|sparito)',
    '(modem|router) .. (spia|luce|led) (rossa|rosso|lampeggiante)',
])
_FOURTH.setdefault('outage', []).extend([
    '(nessuno|nessun collega|nessun utente) (in ufficio |di noi )?(riesce|riusciamo|puo|possiamo) (piu )?(a |ad )?(navigare|telefonare|chiamare|connettersi|lavorare|stampare)',
])
_FOURTH.setdefault('churn', []).extend([
    '(cambio|cambiero|cambiamo|cambieremo|cambiare) (gestore|operatore|fornitore|compagnia|banca)',
])
for _category, _cues in _FOURTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# The fifth version: the kinds the sealed set of the fourth found missing (docs/reading.md).
CONTACTS = "scritt scriv mail chiamat telefon chiest chied contatt segnal sollecit"
SEQUELS = "dopo dopodiche poi trascorso passato_questo_termine da_li"
_FIFTH: dict[str, list[str]] = {
    "threat": [
        "(sentirete|sentira) parlare di (noi|me)", "(avrete|avra) (presto )?(nostre|mie) notizie",
        "non (finira|finisce|si fermera) qui", "(la cosa|la faccenda|questa storia) non (finisce|finira) (qui|cosi)",
    ],
    "threat:media": [
        "(conosco|conosciamo|ho amici|ho contatti|abbiamo contatti) (gente |persone |qualcuno |giornalisti )?(al|alla|in|nel|nella|a|della|del) (giornale|stampa|tv|televisione|rai|radio|redazione|striscia|le iene|mediaset)",
    ],
    "not:threat": ["(ma|e) non (finisce|finira) qui"],
    "outage": [
        "(pagina|pagine|sito|app|piattaforma|sistema|portale|negozio|tutto) .. (restano|resta|continua|continuano|rimane|rimangono) a caricare",
        "(caric*|gira|girano) (all'infinito|all infinito|senza fine|in eterno|per sempre)",
    ],
    "security": [
        "(qualcuno|uno sconosciuto|un estraneo|terzi|una persona sconosciuta) (ha |hanno |abbia )?(fatto l'accesso|fatto accesso|effettuato l'accesso|effettuato un accesso|acceduto|avuto accesso)",
        "(qualcuno|uno sconosciuto|un estraneo|terzi) .. (cambiato|modificato|reimpostato) (la mia|il mio|la nostra|il nostro|le mie|i miei) (email|e mail|password|numero|iban|dati|indirizzo)",
        "(password|codice|codici|sms|email|e mail|link|otp|notifica|reset) ... che non (ho|abbiamo) (mai )?(richiesto|chiesto|richiesta|chiesta|avviato|fatto)",
    ],
    "frustration": ["quante volte (ancora|devo|dobbiamo|dovro|dovremo|bisogna|ve lo devo)", "(adesso|ora) basta"],
    "not:frustration": [
        "(adesso|ora) basta (cliccare|premere|fare|aprire|andare|selezionare|inserire|scrivere|aggiornare|riavviare|un|una|il|la|lo)",
    ],
    "churn": [
        "(dovremo|dovro|saremo costretti a|saro costretto a|saro costretta a|dobbiamo|devo) (valutare|cercare|considerare|guardare|esplorare) (altri|altre|un altro|un'altra|alternative|la concorrenza)",
        "(valutare|cercare|considerare|valutando|cercando|considerando) (altri fornitori|un altro fornitore|altri operatori|un altro operatore|alternative|un'alternativa)",
    ],
    "nth": ["(la|per la) (seconda|terza|quarta|quinta|sesta|ennesima) volta"],
}
for _category, _cues in _FIFTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Sixth version: families told by a subject and an effect anywhere in one sentence (pairs, see lexicon/__init__).
_MANY = ("(utenti|utente|clienti|cliente|colleghi|dipendenti|operatori|agenti|chiamate|telefonate|negozi|filiali|casse|"
         "terminali|dispositivi|pazienti|pagamenti|ordini|cassieri|infermieri|medici|autisti|tecnici|venditori|"
         "studenti|consulenti)")
_SIXTH: dict[str, list[str]] = {
    "press": ["(youtuber|influencer|creatore di contenuti|creatrice di contenuti)", "(redattore|redattrice) (di|del|della|per)"],
    "lawyer": [
        "(il nostro|il mio|il vostro|il suo|nostro|mio|vostro|l'|un) (avvocato|avvocata|avvocati|legale)",
        "(procedimento|causa|ordine|provvedimento|decreto|ingiunzione) (giudiziari[oa]|del giudice|di pagamento)",
    ],
    "pair:outage:1a": [
        f"(nessun|nessuno|nessuna|tutti|tutte|ogni|ciascun) .. {_MANY}",
        "(nessuno|tutto il team|tutto l'ufficio|tutta l'azienda|tutta la squadra|tutti quanti)",
    ],
    "pair:outage:1b": [
        "non (riesce|riescono|riusciamo|puo|possono|possiamo) .. "
        "(accedere|entrare|collegarsi|collegarci|connettersi|connetterci|fare login|pagare|chiamare|sincronizzare|acquistare)",
        "errore (502|503|504)", "(restituisce|restituiscono|da|danno|mostra|mostrano) .. (502|503|504|service unavailable)",
        "(suona|suonano|da|danno) occupato",
    ],
    "outage": [
        "(linea|telefono|fisso|linea fissa) .. (muta|muto|morta|morto|isolata|isolato)", "internet (va e viene|a singhiozzo)",
        "(giorni|ore|settimane|sono|siamo|resto|restiamo|ancora) .. senza (internet|connessione|linea|telefono|rete|segnale|servizio)",
    ],
}
for _category, _cues in _SIXTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Seventh version: security as the customer tells it (a stranger and an act on the account, data seen by another
# customer, codes never asked for, fraud on a charge) and regulators by their titles.
_ESTRANEO = ("(qualcuno|uno sconosciuto|una sconosciuta|degli sconosciuti|sconosciuti|un estraneo|un'estranea|terzi|"
             "un hacker|hacker|un truffatore|dei truffatori)")
_MIEI = ("(miei|mie|mio|mia|nostri|nostre|nostro|nostra) (fatture|fattura|dati|documenti|ordini|indirizzo|buste paga|"
         "busta paga|estratti conto|estratto conto|contratto|codice fiscale|dati bancari|iban|informazioni personali)")
_SEVENTH: dict[str, list[str]] = {
    "pair:security:1a": [_ESTRANEO],
    "pair:security:1b": [
        "(entrato|entrata|acceduto|collegato|loggato|connesso) (nel|nella|al|alla|sul|sulla|dal|dalla) (mio|mia|nostro|nostra) (account|conto|profilo|casella|area)",
        "(cambiato|modificato|reimpostato|resettato|cancellato|disattivato) .. (password|email|e mail|numero|telefono|dati bancari|iban|indirizzo di spedizione|autenticazione)",
        "(fatto|effettuato|comprato|acquistato|ordinato|prenotato|trasferito|prelevato) .. (con|dal|dalla|sul|sulla|col) (mio|mia|nostro|nostra) (account|conto|carta|profilo)",
        "a (nome mio|mio nome|nome nostro|nostro nome)", "(spacciandosi|spacciato|si spaccia|fingendosi|si finge|fingendo di essere) (per )?(me|noi)",
        "(svuotato|svuotata|svuotati|prosciugato) (il|la) (mio|mia|nostro|nostra) (conto|portafoglio|saldo|credito)",
    ],
    "pair:security:2a": ["(un altro cliente|un'altra cliente|altri clienti|un altro utente|un'altra persona|uno sconosciuto|una sconosciuta|un estraneo|destinatario sbagliato|persona sbagliata)"],
    "pair:security:2b": [
        f"(vede|vedeva|ha visto|riceve|riceveva|ha ricevuto|puo vedere|poteva vedere|ha accesso a|aveva accesso a) (tutte |tutti )?(le |i |il |la )?{_MIEI}",
        f"{_MIEI} .. (inviati|inviate|inviato|inviata|mandati|mandate|spediti|spedite) a",
        "(ho|abbiamo) ricevuto (la|le|una|i|un|gli) (fattura|fatture|dati|documenti|ordine|ordini|estratto conto|estratti conto|busta paga|buste paga|contratto)",
        "(fattura|fatture|dati|documenti|ordini|busta paga) di (un altro|un'altra|altri) (cliente|clienti|utente|utenti|persona)",
    ],
    "pair:security:3a": ["(codice|codici|sms|link|email|e mail|messaggio|messaggi) (di )?(verifica|conferma|sicurezza|accesso|reimpostazione|recupero)",
                         "(reimpostazione|reset|recupero) (della )?password"],
    "pair:security:3b": ["(che )?(io )?non (ho|abbiamo|avevo|avevamo) (mai )?(richiesto|chiesto|fatto)", "(mai|non) (richiesto|richiesti|richiesta|richieste) da (me|noi)", "senza (averlo|averli|averla) (chiesto|richiesto)"],
    "security": [
        "(addebito|addebiti|pagamento|pagamenti|acquisto|acquisti|transazione|transazioni|bonifico|bonifici|prelievo|prelievi) (fraudolento|fraudolenta|fraudolenti|fraudolente)",
        "(frode|truffa) (sulla|sul|con la|con il) (mia|mio|nostra|nostro) (carta|conto)",
    ],
    "not:security": [
        f"(se|quando|come|puo|potrebbe|possono|potrebbero|affinche|perche) {_ESTRANEO}",
        "qualcuno (del|della|dal|dalla|di) (vostro|vostra|vostri|supporto|assistenza|team|ufficio)",
    ],
    # "un codice che non ho richiesto" says the customer never asked, not that they asked before.
    "not:repeat": ["non (ho|abbiamo) (mai )?(richiesto|chiesto)"],
    "regulator": [
        "(garante privacy|garante per la privacy|garante della privacy|garante per la protezione dei dati|autorita garante|"
        "autorita per le garanzie nelle comunicazioni|agcom|autorita garante della concorrenza|agcm|antitrust|arera|ivass|consob|banca d'italia|"
        "arbitro bancario finanziario|corecom|difensore civico|codacons|altroconsumo|adiconsum|federconsumatori|unione nazionale consumatori|conciliaweb)",
    ],
    # Bodies of redress (ombudsmen, consumer offices and associations, mediators): named about the customer's own
    # case, the regulatory matter by themselves; a threat when announced, under a condition or lodged as a complaint.
    "redress": [
        "(associazione|associazioni) (dei )?consumatori",
        "garante (della privacy|per la protezione)",
        "(antitrust|agcom|agcm|corecom)",
    ],
    "regulatory": [
        "(dell'art|dell'articolo|all'art|all'articolo|l'art|art|articolo) # (del |dal )?(gdpr|rgpd|regolamento)",
        "(cancellazione|accesso|copia|rettifica|portabilita|limitazione) di tutti i (miei|nostri) dati",
        "(richiesta|istanza|esercizio del diritto) di (accesso|cancellazione|rettifica|portabilita|oblio) .. dati",
    ],
}
for _category, _cues in _SEVENTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Tenth version: security, media, outage and legal matters told in everyday words, with the counter-cues of their
# lures (docs/reading.md); written on the misses of practice sets E-G and training sets A-E, never on H or J.
_EIGHTH: dict[str, list[str]] = {
    "legal": [
        "(sono il legale|sono la legale|sono l'avvocato|sono l'avvocata|in qualita di legale|in qualita di avvocato)",
    ],
    "not:legal": [
        "esposto (all'|al |alla )?(agcom|agcm|garante|antitrust|autorita)",
        "(modello|modelli) di diffida",
    ],
    # The product asked about working offline: "Does the app work without internet on a plane?"
    "not:outage": [
        "(funziona|funzionano|funzionare|funzioni|usare|usarla|usarlo|si puo usare|registra|sincronizza|disponibile) .. senza (internet|rete|connessione|wifi|campo|dati)",
    ],
    "outage": [
        "(senza|non ho|non abbiamo|sono senza|siamo senza|e senza) (telefono|linea|internet|luce|corrente|acqua|rete|gas) (da|dal|dalla|dai|ormai|ancora)",
        "(linea|internet|servizio|connessione|rete|luce|corrente) non (viene|venga|e stata|e ancora) (ripristinata|ripristinato)",
        "casella non (disponibile|riceve)",
    ],
    "media": [
        "(ho (gia )?scritto|ho lasciato|ho pubblicato|ho messo) (una |due )?(recensione|recensioni)",
        "(vostro|il vostro|l') ufficio stampa",
    ],
    "security": [
        "(non ero io|non sono stato io|non sono stata io|non eravamo noi|non siamo stati noi)",
        "(notifica|notifiche|avviso|avvisi) di (accesso|login) (al|allo|alla|sul|sulla) (mio|mia|nostro|nostra)",
        "(addebiti|acquisti|ordini|transazioni|pagamenti|bonifici) che non (ho|abbiamo) mai (fatto|effettuato|autorizzato|richiesto)",
        "(e mail|email|mail|messaggio|sms) (identica|identico|uguale|simile) (alle|ai|a) (vostre|vostri|quelle vostre|quelli vostri)",
        "(e mail|email|mail|messaggio|sms|telefonata|chiamata|link) ... (chiede|chiedeva|chiedendomi|chiedendo|mi chiede|mi chiedeva) (i |il |la |mio |mia )?(dati|codice|password|pin) (della carta|bancari|di accesso|del conto)",
        "(vedo|vediamo|erano visibili|sono visibili|si vedono) .. (di altri|di altre|di un altro|di un'altra) (clienti|cliente|pazienti|paziente|utenti|aziende|azienda)",
    ],
}
for _category, _cues in _EIGHTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Undicesima versione: frodi di terzi sulla carta del cliente, interruzioni dette dalla durata, recensioni e post
# annunciati, e i controindizi delle loro esche (docs/reading.md).
_NINTH: dict[str, list[str]] = {
    "security": [
        "(addebiti|pagamenti|movimenti|transazioni|acquisti|prelievi|operazioni) (sconosciuti|strani|sospetti|che non riconosco|che non ho fatto|che non ho mai fatto) (sulla|sul|dalla|dal) (mia|mio|nostra|nostro)",
    ],
    "not:security": [
        "(simulazione|esercitazione|campagna|test|formazione) (di )?(phishing|sensibilizzazione)",
    ],
    "outage": [
        "(giorni|settimane|ore|mesi) (senza (luce|corrente|elettricita|internet|linea|telefono|acqua|gas|connessione|rete|servizio)|con interruzioni)",
        "(nessuna|nessuno) (delle|dei|delle nostre|dei nostri) (casse|negozi|terminali|pos|uffici|filiali|dipendenti|utenti|computer|postazioni) .. (riesce|riescono|puo|possono) (a )?(entrare|accedere|collegarsi|connettersi|incassare|fare login)",
    ],
    "not:outage": [
        "(non disponibile|non funziona|errore|offline) .. ma (tutto il resto|il resto del sito|il resto dell'app|le altre pagine) (funziona|va bene|si carica)",
    ],
    "threat:media": [
        "(lo )?(scrivero|scrivo|raccontero|racconto|pubblichero|pubblico|mettero|metto) (tutto )?(su|in|nelle) (tutte le )?(recensioni|google|trustpilot|tripadvisor|facebook|instagram|tiktok|twitter|social|internet)",
    ],
    "not:media": [
        "(campagna|campagne|post|strategia|presenza) (sui|per i|sui nostri) social",
    ],
}
for _category, _cues in _NINTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Dodicesima versione: manca la luce, l'acqua, il gas; il POS rifiuta tutte le carte (docs/reading.md).
_TENTH: dict[str, list[str]] = {
    "outage": [
        "(manca|mancano|siamo senza|sono senza|restiamo senza|e saltata) (la luce|la corrente|l'elettricita|l'acqua|il gas|il riscaldamento|internet|la linea|la fibra|luce|corrente|elettricita|acqua|gas|riscaldamento)",
        "(rifiuta|rifiutano|rifiutava|rifiutavano) tutte le (carte|transazioni)",
    ],
}
for _category, _cues in _TENTH.items():
    CUES.setdefault(_category, []).extend(_cues)
