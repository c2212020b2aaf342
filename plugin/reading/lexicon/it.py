"""Italian cues. "causa" is also "because" ("a causa del corriere") and "legale" a legal entity or a registered
office: they count only in the phrases that make them a threat ("fare causa", "il mio avvocato")."""

from __future__ import annotations

STOPWORDS = """il lo la i gli le di del della dei un una e in che non per con si suo sua mio mia nostro nostra al alla
ma come gia molto questo questa ho ha abbiamo sono grazie buongiorno salve ciao vostro vostra potete mi ci da stamattina ancora sempre tutto niente nostri vostri perche
quando sto stiamo"""
NEGATORS = "non mai nessuno niente nulla nessun nessuna senza ne"
INTENSIFIERS = "cosi tanto tale"
CONDITIONS = "se altrimenti qualora caso"
BRIDGES = "voglio vogliamo vuole vado andiamo penso il lo la i gli le un una di del mi ci si e sono ho abbiamo ancora piu"
COMPLAINTS = "reclam denunc segnal espost querel"
INTENTS = "vado andiamo intendo intendiamo valutando pronto pronti"
FUTURE_ENDINGS = "eremo iremo"
DONE = "pubblicato lasciato condiviso postato recensito"

_SYS = ("(sito|servizio|sistema|server|piattaforma|app|applicazione|negozio|negozio online|portale|connessione|linea|"
        "rete|internet|fibra|telefono|api|tutto|posta)")
_BOSS = "(responsabile|supervisore|superiore|direttore|direttrice|manager|capo|dirigente)"

CUES: dict[str, list[str]] = {
    "threat:legal": [
        "(il mio|il nostro|un|al mio|al nostro|mio|nostro) (avvocato|avvocata|avvocati|legale)", "(vie|azioni|azione|via) (legali|legale|giudiziarie|giudiziaria)",
        "(fare|faro|faremo|intentare) causa", "(in|al|davanti al) tribunale", "(diffida|diffidare|diffido|querela|querelare|decreto ingiuntivo)",
    ],
    "threat:regulatory": ["(associazione|associazioni) (dei )?consumatori", "garante (della privacy|per la protezione)", "(antitrust|agcom|agcm|corecom)"],
    "regulatory": ["diritto (di accesso|all'oblio|alla cancellazione|di rettifica|alla portabilita)", "(ai sensi|in base) del gdpr"],
    "threat:media": [
        "(pubblicare|pubblichero|scrivere|scrivero|raccontare|raccontero|denunciare|denuncero|condividere|condividero) .. (sui social|social|facebook|instagram|twitter|tiktok|google|trustpilot|internet)",
        "(stampa|giornalista|giornalisti|giornali)", "(recensione|recensioni) (negativa|negative|pessima|pessime)",
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
        f"{_SYS} .. (non e|non sono) (raggiungibile|raggiungibili|accessibile|accessibili|disponibile|disponibili)",
        f"{_SYS} .. (fuori servizio|non raggiungibile|irraggiungibile|down|offline|inaccessibile|non funziona piu|non risponde|bloccato|e caduto|caduto)",
        "(nessuno|nessun utente|nessun cliente|nessun dipendente) (riesce|puo|riusciamo) (ad |a )?(accedere|collegarsi|entrare|lavorare)",
        "senza (connessione|internet|linea|servizio|rete|segnale)", "(disservizio|disservizi|blackout)", "interruzione (del|di) servizio",
    ],
    "security": [
        "(account|conto|profilo|carta) (hackerato|hackerata|violato|violata|compromesso|compromessa|rubato|rubata|clonata|clonato)",
        "(hacker|hackerato|hackerata|accesso non autorizzato|accessi non autorizzati|frode|fraudolento|fraudolenta|furto (di dati|d'identita|di identita)|phishing|violazione dei dati|truffa informatica|vulnerabilita)",
        "(acquisti|ordini|addebiti|transazioni|pagamenti) che non ho (fatto|effettuato|autorizzato)",
        "non riconosco (questi|queste|gli|le) (addebiti|acquisti|transazioni|ordini|accessi)", "qualcuno (ha )?(usato|acceduto|entrato)",
    ],
    "billing": [
        "(fattura|fatture|fatturato|fatturazione errata|addebito|addebiti|addebitato|addebitati|rimborso|rimborsare|rimborsato|bolletta|bollette|pagamento doppio|doppio addebito|importo)",
    ],
    "not:billing": ["(fatture|rimborsi|pagamenti) (dei|ai) (nostri|miei) clienti"],
    "anger": [
        "(vergogna|vergognoso|vergognosa|inaccettabile|inammissibile|scandalo|scandaloso|scandalosa|schifo|pessimo|pessima|incompetenti|incompetenza|ridicolo|assurdo|assurda|indegno|indegna|furioso|furiosa|arrabbiato|arrabbiata|arrabbiatissimo|incazzato|incazzata|truffa|truffatori|ladri|presa in giro|una barzelletta|vergognatevi|indecente|allucinante)",
        "il (peggior|peggiore) (servizio|assistenza|operatore|esperienza)",
    ],
    "frustration": [
        "non e la prima volta",
        "ancora (non|nessun|nessuna|niente|nulla)", "di nuovo", "(per la )?(seconda|terza|quarta|ennesima) volta", "(sto|stiamo) perdendo la pazienza",
        "(nessuno|nessuna) (risponde|mi risponde|ci risponde|risposta)", "(senza|nessuna|nessun) (risposta|soluzione|riscontro)",
        "(stanco|stanca|stufo|stufa|stufi|esasperato|esasperata|frustrante|snervante)", "da (giorni|settimane|mesi|# giorni|# settimane)",
        "(sollecito|sollecita|sollecitiamo) per la (seconda|terza|quarta|ennesima) volta",
    ],
    "calm": ["(nessuna fretta|non e urgente|senza fretta|quando potete)"],
    "manager": [f"(parlare|parlo|contatto|essere contattato|essere richiamato) (con|da) (un|il|la|un suo|il suo|il vostro|un vostro) {_BOSS}"],
    "repeat": [
        "(ho|abbiamo) (gia )?(scritto|chiamato|contattato|segnalato|inviato|telefonato|sollecitato)", "(sollecito|sollecitare|sollecitato)",
        "(seconda|terza|quarta|ennesima) (volta|email|mail|segnalazione|richiesta)", "(due|tre|diverse|varie|#) (email|mail|chiamate|segnalazioni|richieste)",
        "(pratica|ticket|segnalazione) (n|numero)? #",
    ],
}
