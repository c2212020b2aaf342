"""German cues. Compounds are one word, so "Ausfallzeiten" (absence hours) is not "Ausfall", "Anwaltskanzlei" (the
customer's own law firm) is not "Anwalt" and the "Social-Media-Planer" is not social media.
"""

from __future__ import annotations

STOPWORDS = """der die das und ist nicht ich wir sie es ein eine einen mit fur auf zu den dem im von bei aber auch noch
schon wie was wenn sehr seit habe haben hat wird werden mein meine unser unsere ihr ihre ihnen bitte danke hallo
guten tag sind war dass oder kann konnen gibt mir uns mich sehr geehrte grussen freundlichen"""
NEGATORS = "nicht kein keine keinen keinem keiner keines nie niemals nichts ohne weder niemand"
INTENSIFIERS = "so solch solchen solche derart"
CONDITIONS = "wenn falls sonst andernfalls ansonsten sofern"
BRIDGES = "will wollen werden werde wird mochte mochten ich wir es das den die der ein eine einen einem zu gar mehr noch bin sind ist habe haben uns mich"
COMPLAINTS = "beschwer meld anzeig einschalt wend informier einreich"
INTENTS = "werde werden wird werdet will wollen erwagen erwage uberlegen uberlege behalte"
FUTURE_ENDINGS = ""
DONE = "erhalten bekommen gepostet hinterlassen gewandt eingereicht beschwert gemeldet eingeschaltet"

_SYS = ("(shop|onlineshop|webshop|seite|website|webseite|homepage|system|server|plattform|dienst|app|anwendung|backend|"
        "portal|internet|netz|leitung|verbindung|telefon|festnetz|router|datenbank|api|produktivsystem|alles|email|"
        "e mail|mailserver|cloud|instanz|kasse|kassensystem|warenwirtschaft|erp|crm|vpn|netzwerk|wlan|dsl|glasfaser|"
        "kundenportal|mobilfunk|handynetz)")
_DOWN = ("(down|offline|ausgefallen|nicht erreichbar|nicht mehr erreichbar|nicht verfugbar|tot|abgesturzt|weg|"
         "unerreichbar|lahmgelegt)")
_BOSS = ("(vorgesetzten|vorgesetzte|vorgesetzter|teamleiter|teamleiterin|abteilungsleiter|abteilungsleiterin|"
         "geschaftsfuhrer|geschaftsfuhrerin|geschaftsfuhrung|fuhrungskraft|verantwortlichen|chef|chefin|manager|"
         "managerin|leitung|supervisor|jemand hoheren|jemandem mit mehr (erfahrung|befugnis)|niederlassungsleitung|niederlassungsleiter|"
         "filialleiter|filialleitung|bereichsleiter|bereichsleitung|standortleiter|standortleitung|vorgesetztem)")

CUES: dict[str, list[str]] = {
    "threat:legal": [
        "(rechtliche|rechtlichen|juristische|juristischen|gerichtliche|gerichtlichen) (schritte|schritten|konsequenzen|massnahmen|weg)",
        "(rechtsweg|rechtsstreit|klageweg|mahnverfahren|mahnbescheid|unterlassungserklarung|abmahnung|schadensersatzklage)",
        "(rechtsanwalt|anwalt|anwaltin|rechtsanwaltin) (einschalten|beauftragen|hinzuziehen|informieren|ubergeben|eingeschaltet|beauftragt)",
        "(verklagen|verklage|verklagt|klage einreichen|klage erheben|klagen|vor gericht|zu gericht|gerichtlich|gericht gehen)",
        "(letzte|letztmalige) frist", "setze ihnen .. frist", "fristsetzung", "nach fruchtlosem ablauf",
    ],
    "legal": ["(vertragsbruch|vertragsverletzung)", "schadensersatz"],
    "threat:regulatory": [
        "(verstoss|verstosst|verstossen|verletzung) (gegen )?(die )?dsgvo", "dsgvo (beschwerde|verstoss)",
    ],
    "regulatory": [
        "(art|artikel) # dsgvo", "(gemass|nach|laut) (art|artikel)? #? ?dsgvo", "recht auf (loschung|auskunft|vergessenwerden|datenubertragbarkeit|berichtigung)",
        "(auskunftsersuchen|auskunftsanfrage|loschanfrage|loschungsanfrage|datenauskunft)",
        "(auskunft|loschung|berichtigung|datenauskunft|kopie|datenkopie|widerspruch) .. (gemass|nach|gem|laut) (art|artikel)? #? (abs #)? (dsgvo|ds gvo)",
        "(art|artikel) # (abs # )?(dsgvo|ds gvo)",
        "dsgvo (auskunft|anfrage|antrag|frist|loschung|auskunftsanfrage|auskunftsersuchen)",
        "(loschung|loschen) (meiner|aller meiner|unserer|samtlicher|aller) (personenbezogenen |gespeicherten )?daten",
        "(auskunft|kopie) (uber|zu) (meine|meinen|die zu mir|unsere|die bei ihnen) .. daten",
    ],
    "threat:media": [
        "(landet|landen|kommt|geht) .. (auf|bei|in) (instagram|facebook|twitter|tiktok|youtube|linkedin|reddit|trustpilot|google|social media|den sozialen (medien|netzwerken)|die zeitung|der zeitung)",
        "(mich|uns) (an die|an) (presse|medien|offentlichkeit|zeitung|redaktion|verbrauchersendung|journalisten) (zu )?(wenden|gehen|richten)",
        "(an die|die|der) (presse|medien|offentlichkeit) (zu )?(gehen|wenden|informieren|einschalten|kontaktieren|geben)",
        "(an die|zur|zu der|die|der) (presse|medien|zeitung|offentlichkeit) (gehen|wenden|informieren|einschalten|kontaktieren|geben)",
        "(presse|medien|zeitung|journalisten|fernsehen|verbrauchersendung) (informieren|einschalten|kontaktieren|erzahlen|berichten|wird berichten|werden berichten)",
        "(ich|wir) (werde|werden) .. (presse|medien|journalisten|zeitung)",
        "(offentlich machen|publik machen|an die offentlichkeit|offentlich bewerten)",
        "(negative|schlechte|ehrliche|vernichtende) (bewertung|bewertungen|rezension|rezensionen)",
        "(bewertung|rezension|erfahrungsbericht) (auf|bei) (google|trustpilot|facebook|amazon)",
        "(auf|in|bei) (social media|twitter|facebook|instagram|tiktok|youtube|linkedin|den sozialen (medien|netzwerken)) .. (posten|teilen|veroffentlichen|berichten|schreiben|erzahlen|bewerten)",
        "(posten|teilen|veroffentlichen|berichten|schreiben) .. (auf|in|bei) (social media|twitter|facebook|instagram|tiktok|youtube|den sozialen (medien|netzwerken))",
    ],
    "not:media": [
        "(medien|presse) (bibliothek|datei|dateien|upload|mitteilung|bereich)",
        "# (journalisten|redaktionen|medienkontakte)",
        "(presseverteiler|pressemitteilung|pressemeldung) .. (journalisten|redaktionen)",
    ],
    "threat:churn": [
        "(anbieter|dienstleister|provider) wechseln", "(zur|zu der) konkurrenz", "angebote anderer anbieter",
        "(nach )?(alternativen|anderen anbietern) (suchen|umsehen|umschauen|prufen)", "(wechseln|wechsel) (zu|zum) (einem anderen|der konkurrenz|einem wettbewerber)",
    ],
    "churn": [
        "(kundigen|kundige|kundigung|kundigt|kundigen wir|werden .. kundigen)", "(vertrag|abo|abonnement|konto|mitgliedschaft) (beenden|auflosen|kundigen|loschen|schliessen|stornieren)",
        "(nicht|nicht mehr) verlangern", "(zu|zum) (einem anderen anbieter|wettbewerber) wechseln",
    ],
    "not:churn": [
        "(habe|hatte|haben|hatten) .. gekundigt", "bereits gekundigt", "kundigungsfrist",
        "(fristgerecht|ordnungsgemass|bereits|schon) .. gekundigt",
        "(kundigungsbestatigung|trotz (meiner |der )?kundigung|nach (meiner |der )?kundigung)",
    ],
    "threat:billing": [
        "(lastschrift|lastschriften|abbuchung|zahlung) .. (zuruckgeben|zuruckgehen lassen|zuruckbuchen lassen|widerrufen|platzen lassen|sperren lassen)",
        "(chargeback|widerspruch bei (meiner|der) bank|uber (meine|die) bank (zuruckbuchen|zuruckholen|zuruckfordern))",
    ],
    "pressure": ["(unsere|die) (vertragsverlangerung|verlangerung) (steht|ist|im)", "(vertrag|abo) (lauft|endet) .. aus"],
    "threat": ["(letzte|letztmalige) (warnung|mahnung)", "(die )?polizei", "(strafanzeige|anzeige erstatten)"],
    "outage": [
        "(ladt|lauft|funktioniert|geht|offnet|startet|reagiert) (fur|bei) (niemanden|niemand|keinen|keinen einzigen|keinen kunden|keinen mitarbeiter)",
        "(niemand|keiner|kein mitarbeiter|kein kollege|keiner unserer ..|keine unserer ..) (kommt|kommen|gelangt|gelangen) (mehr )?(ins|in das|in die|in den|auf das|auf die|auf den) (system|portal|plattform|shop|konto|netz|backend|crm|erp|tool|programm|software|kasse)",
        "(auf|bei) (jeder|allen|samtlichen) (seite|seiten|anfrage|anfragen|aufruf|aufrufen|requests?|endpunkten?) .. (fehler|error|500|502|503|504|timeout|zeituberschreitung)",
        "(fehler|error|http) (500|502|503|504) (auf|bei|fur) (jeder|allen|alle|samtlichen)",
        f"{_SYS} (ist|sind|war|waren|seit|schon|wieder|komplett|vollig|total|immer noch)? .. {_DOWN}",
        "(ausfall|ausfalle|komplettausfall|totalausfall|netzausfall|serverausfall|systemausfall|storung|storungen|netzstorung|grossstorung|internetausfall)",
        "geht (gar )?nichts mehr", "(kein|keine|keinen) (internet|netz|verbindung|empfang|telefon|zugriff|zugang|festnetz|dsl) (mehr)?",
        "(niemand|keiner|kein mitarbeiter|keiner unserer .. |keine unserer .. |kein kunde|kein nutzer|alle nutzer|alle mitarbeiter) .. (kann|konnen) .. (anmelden|einloggen|zugreifen|arbeiten|bestellen)",
        "(fallt|fallen|fiel) (standig|immer wieder|wieder|komplett|taglich|ofter)? aus", "(bricht|brechen) (standig|immer wieder|wieder|dauernd|permanent) ab", "(verbindung|internet|leitung|netz|dsl|wlan|telefonat|telefonate|anrufe|gesprache) .. (bricht|brechen) .. ab",
 "(funktioniert|geht|lauft) (gar|uberhaupt) nichts mehr", "alles (ist )?(down|offline|ausgefallen|tot)",
        "(niemand|keiner) kann (mehr )?arbeiten", "(betrieb|produktion) (steht|stehen|ist lahmgelegt)", "(kunden|nutzer) konnen (nicht|nichts) mehr (bestellen|kaufen|zahlen|einloggen)",
        "(seit|schon seit) (heute morgen|heute fruh|gestern|stunden|# stunden|# uhr|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|tagen|# tagen) .. (nicht erreichbar|offline|down|ausgefallen|kein internet|kein netz|keine verbindung|tot|gestort)",
        "(keine|kein) (verbindung|zugriff|zugang) (zum|zur|auf den|auf die|auf das) (server|system|plattform|shop|portal|internet|netz)",
        "(fur|bei) (alle|allen) (nutzer|nutzern|mitarbeiter|mitarbeitern|kunden|benutzer|benutzern) .. (nicht|kein|keine) .. (erreichbar|moglich|verfugbar|anmelden|einloggen)",
    ],
    "security": [
        "(unbekannte|fremde|jemand|dritte|ein fremder|eine fremde person) (haben|hat) .. (passwort|kennwort|e mail adresse|iban|bankverbindung|telefonnummer|zugangsdaten) .. (geandert|zuruckgesetzt|ausgetauscht)",
        "(zugang|zugriff) ... (verschafft|erschlichen|verschaffen)",
        "jemand (hat sich|hat) .. (zugang|zugriff) .. (verschafft|erschlichen|erlangt)",
        "(api schlussel|api key|api keys|zugangsdaten|passwort|passworter|kennwort|kennworter|token|schlussel|kundendaten|daten|datenbank) (war|waren|ist|sind|wurde|wurden|lag|lagen)? .. (offentlich|fur jeden|fur alle|im internet|frei) (einsehbar|sichtbar|zuganglich|abrufbar|auffindbar|verfugbar)",
        "(zwei faktor|2fa|mfa|zwei faktor authentifizierung|authentifizierung|anmeldung) .. (umgangen|ausgehebelt|ausgetrickst)",
        "(angreifer|eindringling|eindringlinge|kriminelle)",
        "(anmeldungen|logins|zugriffe|anmeldeversuche|sitzungen|ip adressen|gerate) .. (die wir nicht|die ich nicht) (kennen|erkennen|zuordnen konnen)",
        "(konto|account|postfach|zugang|profil) (wurde|ist|war) .. (gehackt|ubernommen|gekapert|kompromittiert|missbraucht)",
        "(phishing mail|phishing mails|phishing e mail|phishing e mails|phishing versuch|phishing nachricht|phishing seite|phishing link|phishing sms)",
        "(fremde|gefalschte|falsche|verdachtige|unbekannte) (domain|seite|webseite|absender|adresse|link)",
        "(gehackt|gehacked|hacker|hackerangriff|gekapert|kompromittiert|datenleck|datenpanne|datenlecks|sicherheitslucke|sicherheitsvorfall|phishing|betrug|betruger|betrugerisch|betrugerische|betrugerischen|identitatsdiebstahl|schadsoftware|trojaner|virus|ransomware|cyberangriff)",
        "(unbefugter|unbefugte|unbefugten|unberechtigter|unberechtigte|unberechtigten|fremder|fremde) (zugriff|zugang|login|anmeldung|anmeldungen|zugriffe|person|personen)",
        "(bestellungen|buchungen|abbuchungen|zahlungen|uberweisungen|einkaufe) .. (die ich nicht|die wir nicht|nicht von mir|nicht von uns)",
        "(daten|adresse|adressen|informationen) .. (offengelegt|geleakt|weitergegeben|an fremde|offentlich einsehbar)",
        "(unbekannte|fremde|verdachtige) (gerate|anmeldung|anmeldungen|zugriffe|logins|aktivitaten|transaktionen)", "(passwort|e mail adresse) wurde .. geandert",
        "(kenne|erkenne) (diese|die) (abbuchungen|bestellungen|zahlungen|transaktionen|buchungen) nicht", "nicht von mir",
        "(daten|datensatze|kundendaten|rechnungen|bestellungen|mitarbeiterdaten|konten) (anderer|eines anderen|einer anderen|fremder) (kunden|kunde|firma|firmen|nutzer|unternehmen|mandanten)",
        "(verdachtige|seltsame|merkwurdige|gefalschte|betrugerische|dubiose) (mail|e mail|nachricht|sms|link|webseite|seite|anrufe?)",
        "(kommt|stammt) (diese|die|das) (mail|e mail|nachricht|sms|schreiben) (wirklich |tatsachlich )?von ihnen",
        "(anmeldung|anmeldungen|login|logins|zugriff|anmeldeversuch|anmeldeversuche) (aus|von) .. (die nicht von mir|nicht von mir|ausland|unbekannt)",
        "wie (da )?jemand (reinkommt|hereinkommt|zugriff hat|in mein konto)",
        "jemand (hat sich|hat) .. (eingeloggt|angemeldet|zugegriffen|zugriff|reingekommen)",
        "(das war|war das) (nicht ich|nicht wir|keiner von uns)",
    ],
    "not:security": ["(sicherheitseinstellungen|sicherheitsfragen|sicherheitsschulung|sicherheitsteam|sicherheitsabteilung)", "kaution"],
    "billing": [
        "(rechnung|rechnungen|rechnungsnummer|abgebucht|abbuchung|abbuchungen|doppelt abgebucht|doppelt berechnet|erstattung|erstattet|ruckerstattung|zuruckerstatten|zuruckerstattet|gutschrift|gebuhr|gebuhren|lastschrift|preiserhohung|zu viel (bezahlt|berechnet)|berechnet|in rechnung gestellt|mahngebuhr)",
        "(ruckbuchung|ruckzahlung|zuruckbuchen|zuruckzahlen|erstatten|erstattung|jahresgebuhr|monatsgebuhr|grundgebuhr|bearbeitungsgebuhr)",
    ],
    "not:billing": [
        "(rechnungen|zahlungen|erstattungen) (unserer|meiner|fur unsere|fur meine) (kunden|mandanten|patienten)", "(rechnungsmodul|rechnungsstellung fur kunden)",
        "(rechnungen|rechnungskopien|belege) ... (zu )?(ubersenden|zusenden|zuschicken|schicken|senden|bereitstellen)",
        "(rechnungen|gutschriften) (die wir|die ich) .. (erstellen|ausstellen|schreiben|versenden)",
    ],
    "anger": [
        "(dank|danke|vielen dank|herzlichen dank) (auch )?(fur|fuer) (gar |rein gar |absolut )?nichts",
        "(masslos|zutiefst|ausserst|wirklich|total|extrem) (enttauscht|verargert|emport|entsetzt|schockiert)",
        "(bin|sind) .. (emport|entsetzt|fassungslos|schockiert)",
        "(ich fasse es nicht|das darf (doch )?nicht wahr sein|unfassbar|desaster|ein desaster)",
        "(unverschamt|unverschamtheit|frechheit|skandal|skandalos|inakzeptabel|nicht akzeptabel|unzumutbar|katastrophe|katastrophal|miserabel|miserablen|miserabler|schrott|mull|mist|scheiss|scheisse|beschissen|wutend|stinksauer|sauer|verargert|emport|fassungslos|lacherlich|unfahig|unfahigkeit|inkompetent|inkompetenz|armselig|peinlich|dreist|zum kotzen|das letzte|verarschen|verarscht|verarsche|abzocke|abzocker|herablassend|unfreundlich|respektlos|bodenlos|sondergleichen|ein witz|eine zumutung|zumutung|ungeheuerlich|absolut inakzeptabel|dreistigkeit|unglaublich)",
        "(schlechteste|schlechtesten|schlechtester) (service|kundenservice|erfahrung|firma|anbieter|support)",
        "noch nie (so|einen so|eine so|so einen|so eine|so etwas)", "so behandelt man (keine|doch keine) kunden",
        "so geht man (nicht|doch nicht|nicht mit) .. um",
        "(absolute|absolut|echte|bodenlose|riesen) (frechheit|unverschamtheit|zumutung|sauerei)",
        "(das ist|es ist|ist das) (doch )?(wahnsinn|irre|der hammer|ein schlechter witz|lacherlich)",
    ],
    "frustration": [
        "(zum|bereits zum|nun zum|jetzt zum) (zweiten|dritten|vierten|funften|x ten|wiederholten|hundertsten) male?",
        "(melde|wende) mich (nun |jetzt )?(erneut|schon wieder|abermals|zum wiederholten male?)",
        "nicht das erste mal", "(was|was zum teufel) ist (bei ihnen|da) los",
        "(immer noch|noch immer) (nicht|kein|keine|keinen|nichts|falsch|kaputt)", "schon wieder", "wieder einmal",
        "(zum|das|bereits zum) (zweiten|dritten|vierten|x ten|wiederholten|hundertsten) mal", "(zweite|dritte|vierte) (mahnung|erinnerung|anfrage|nachfrage)",
        "(langsam )?reicht (es|es mir|mir)", "es reicht", "(genervt|nervig|nervt|argerlich|frustrierend|frustriert|zermurbend|anstrengend|leid|satt|geduld)",
        "warum dauert (das|es) so lange", "wie lange (noch|soll|muss|dauert)", "(keine|ohne) (antwort|ruckmeldung|reaktion|losung)",
        "(niemand|keiner) (meldet sich|antwortet|ruft zuruck|kam|kommt|hilft)", "(wann|endlich) .. endlich", "endlich (eine|mal|losen|beheben)",
        "seit (uber |fast |mehr als )?(#|einem|einer|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|zwolf|vierzehn|mehreren|vielen) (tag|tagen|woche|wochen|monat|monaten) (warte|warten|schon|nichts|keine|kein|ohne|immer|bereits|nun|jetzt)",
        "seit (wochen|monaten|tagen|# wochen|# monaten|zwei monaten|drei wochen)", "(wochen|monate|tage) (lang|warten|gewartet)",
        "(warte|warten|wartet) (schon |nun |jetzt |bereits )?seit (uber |fast |mehr als )?(#|einem|einer|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|mehreren|vielen|tagen|wochen|monaten)",
        "verstehe (ich )?(nicht|wirklich nicht) warum", "ehrlich gesagt", "(jeden monat|jedes mal|standig|dauernd) .. (von hand|manuell|wieder)",
        "(konnen|konnten|wurden) sie (bitte )?(endlich|wenigstens|zumindest)",
        "endlich (prufen|antworten|reagieren|beheben|losen|melden|erledigen|zuruckrufen|liefern|erstatten|bearbeiten|klaren|kummern)",
        "was (ich|wir) (noch|sonst noch) tun (soll|sollen|kann|konnen)",
        "(jetzt|nun|das ist jetzt|das ist nun) (schon |bereits )?die (zweite|dritte|vierte|funfte) (woche|mahnung|erinnerung|nachfrage|mail)",
        "(gibt es|gibt's) (inzwischen|mittlerweile|endlich|schon|denn) (einen stand|neuigkeiten|eine losung|etwas neues|eine antwort)",
        "ohne (verbindliche|konkrete|jede|eine|irgendeine) (auskunft|antwort|ruckmeldung|losung|reaktion)",
        "(bis heute|bisher|bislang) (nicht|keine|kein|nichts)",
        "(warte|warten) (immer noch|noch immer|seit|schon)",
        "(deutlich|langst|weit|mehrfach) uberschritten",
        "(wirklich|aussert|sehr) dringend",
        "(nur|lediglich) eine automatische (antwort|ruckmeldung|mail)",
        "(hangen|hange|stecken|stecke) (fest|in der luft)",
    ],
    "calm": ["(nicht dringend|keine eile|ohne eile|hat zeit|vielen dank im voraus|herzlichen dank)"],
    "manager": [
        f"(gesprach|sprechen|verbinden|telefonat|ruckruf|kontakt|termin) (mit|von|an|zu) (ihrem|ihrer|einem|einer|seinem|seiner|dem|der|den|ihren|ihre) {_BOSS}",
        f"(verlange|verlangen|mochte|mochten|will|wollen|bitte um|fordere|fordern) .. (ihren|ihre|einen|eine|seinen|seine|den|die) {_BOSS}",
        f"(an|zu) (ihren|ihre|einen|eine|den|die) {_BOSS} (weiterleiten|weitergeben|eskalieren)", "(eskalieren|eskalation)",
        f"mit (ihrem|ihrer|einem|einer|dem|der|ihren) {_BOSS} (besprechen|sprechen|klaren|reden|telefonieren|verbinden)",
        f"(bitte|bitte um|verlange|verlangen|mochte|mochten|will|wollen) (einen |eine |ihren |ihre )?{_BOSS}",
    ],
    "repeat": [
        "(hatte|habe|hatten|haben) (ihnen|euch|dem support|ihrem (kollegen|support)) .. (bereits|schon) .. (geschickt|gesendet|geschrieben|ubermittelt|zugeschickt|mitgeteilt|erklart)",
        "(meine|unsere|die|dies ist meine|das ist meine|das ist jetzt meine|das ist nun meine) (zweite|dritte|vierte|funfte|sechste|x te|wiederholte|erneute) (e mail|mail|nachricht|anfrage|beschwerde|reklamation|erinnerung|mahnung|kontaktaufnahme|meldung|zuschrift)",
        "trotz (mehrfacher|mehrmaliger|wiederholter|mehrerer|meiner|unserer|standiger|zahlreicher|vieler) (nachfrage|nachfragen|erinnerung|erinnerungen|mahnung|mahnungen|anfrage|anfragen|e mail|e mails|mail|mails|beschwerde|beschwerden|reklamation|reklamationen|kontaktversuche|anrufe|telefonate)",
        "(versprochene|versprochenen|versprochener|zugesagte|zugesagten|zugesagter|angekundigte|angekundigten|vereinbarte|vereinbarten) (ruckruf|ruckmeldung|antwort|gutschrift|erstattung|losung|termin|techniker|anruf|rucksendung|ersatz|lieferung|korrektur)",
        "(zum|das|bereits zum|nun zum|jetzt zum) (zweiten|dritten|vierten|funften|x ten|wiederholten|hundertsten|wiederholte|x ten) male?",
        "(melde|wende) mich (nun |jetzt |hiermit )?(erneut|wieder|nochmals|schon wieder|abermals|ein weiteres mal|zum wiederholten male?) (bei ihnen|an sie|wegen|zu|in|mit)",
        "(ihr|ihre|der|die) (kollege|kollegin|mitarbeiter|mitarbeiterin|support|kundenservice|hotline) (hat|hatte) (mir|uns) .. (versprochen|zugesagt|gesagt|mitgeteilt|geschrieben)",
        "(schon|bereits) (oft|mehrfach|mehrmals|x mal|so oft|unzahlige male?|zigmal) (gemeldet|geschrieben|angerufen|nachgefragt|reklamiert|mitgeteilt|erinnert)",
        "(habe|hatte|haben|hatten) .. (bereits|schon|mehrfach|mehrmals|zweimal|dreimal) .. (angerufen|geschrieben|gemeldet|kontaktiert|reklamiert|gemailt|nachgefragt|angefragt|mitgeteilt|beantragt|erinnert)",
        "(meine|meinen|meiner|unsere|unseren|unserer|ihre) (schreiben|e mails|mails|nachrichten|anrufe|briefe|anfrage|anfragen|reklamation|reklamationen) (vom|von|am|aus)",
        "trotz (meiner|unserer|mehrfacher|mehrerer|zweier|dreier|meines|unseres|wiederholter) (schreiben|e mails|mails|anrufe|nachfragen|mahnungen|erinnerungen|anfragen|briefe)",
        "(hotline|kundenservice|mitarbeiter|mitarbeiterin|kollege|kollegin|support) .. (legt|legte|hat) .. auf", "(jedes mal|jedesmal) .. (nachfrage|anrufe|schreibe)",
        "(wie|bereits) (besprochen|telefonisch besprochen|erwahnt|mitgeteilt|geschildert)", "(ihr|ihre|der|die) (mitarbeiter|mitarbeiterin|kollege|kollegin|agent) (am telefon|im chat|an der hotline)",
        "(zum|das) (zweiten|dritten|vierten|x ten|wiederholten) mal", "(ticket|ticketnummer|vorgang|vorgangsnummer|fall) (nr|nummer)? #",
        "auf (meine|unsere) (mail|e mail|mails|nachricht|nachrichten|anfrage|anfragen|reklamation|beschwerde|schreiben|anruf|anrufe) (kam|kamen|hin|vom|habe|haben|gab|erhielt|erhielten|bekam)",
        "wie (bereits|schon) (in|im|per|telefonisch|am|gestern|letzte woche|mitgeteilt|beschrieben|geschildert|erwahnt|gemeldet|geschrieben|besprochen)",
        "(in|im) (meinem|meiner|unserem|unserer) (ticket|mail|e mail|schreiben|nachricht|anfrage|telefonat|anruf) (#|vom|von|am)",
        "(daran|nochmals|erneut|wiederholt) (erinnert|nachgefragt|geschrieben|angerufen|gemeldet|gemahnt)",
        "(zweite|dritte|vierte|erneute) (erinnerung|mahnung|nachfrage|anfrage)",
        "(habe|hatte|haben|hatten) .. (am|vom|letzte woche|gestern|vor) .. (angerufen|geschrieben|gemeldet|nachgefragt|erinnert|reklamiert|verlangt|beantragt|angefragt|angefordert)",
        "(zweimal|dreimal|mehrfach|mehrmals) (angerufen|geschrieben|gemeldet|nachgefragt|gemailt)",
        "wie ich (ihnen|ihrem|ihrer|es|das|bereits|schon) ... (erklart|geschildert|mitgeteilt|gesagt|geschrieben|beschrieben) (habe|hatte)",
    ],
    "lawyer": [
        "(mein|meinen|meinem|unser|unseren|unserem|einen|einem|den|der) (rechtsanwalt|anwalt|anwaltin|rechtsanwaltin|anwalte|rechtsbeistand|juristen)",
        "(amtsgericht|amtsgerichts|landgericht|landgerichts|oberlandesgericht|gerichtsbeschluss|beschluss des|insolvenzverwalter|insolvenzverwalterin|insolvenzverfahren|gerichtsvollzieher|vollstreckungsbescheid|einstweilige verfugung)",
    ],
    "press": [
        "(journalist|journalistin|journalisten|redaktion|presseanfrage|zeitung|verbrauchersendung|fernsehsender)",
    ],
    "media": [
        "(habe|haben|hab) .. (bewertung|rezension|beitrag|post|video|kommentar|erfahrungsbericht) .. (geschrieben|veroffentlicht|gepostet|hinterlassen|abgegeben|geteilt)",
    ],
    "not:regulatory": [
        "(auftragsverarbeitungsvertrag|auftragsverarbeitung|avv|dsgvo konform|dsgvo konformitat|datenschutzerklarung)",
    ],
    "sarcasm": [
        "jetzt .. auch noch",
        "(haben|habt) (sie|ihr) (es )?(tatsachlich|wirklich|mal wieder|schon wieder)? ?geschafft",
        "(gratuliere|gratulation|herzlichen gluckwunsch|gluckwunsch|na toll|na super|na prima|na klasse|ganz toll|toll gemacht|super gemacht|klasse gemacht|gut gemacht|bravo|respekt|hut ab|spitzenleistung|glanzleistung)",
    ],
    "not:legal": [
        "(unser|unsere|mein|meine) (anwalt|anwaltin|rechtsanwalt|rechtsanwaltin|justiziar|justiziarin|rechtsabteilung|jurist|juristin|syndikus) (bittet|bat|braucht|benotigt|mochte|will|verlangt|fordert) .. (kopie|vertrag|avv|dpa|agb|unterlagen|dokument|dokumente|liste|klausel|zugang|unterschrift|nachweis|richtlinie)",
        "(ich bin|wir sind) (anwalt|anwaltin|rechtsanwalt|rechtsanwaltin|eine kanzlei|eine anwaltskanzlei|notar)",
    ],
}

# The fourth version: families of phrasing found missing by fresh practice messages (see docs/reading.md).
_FOURTH: dict[str, list[str]] = {
    "anger": [
        "(stocksauer|stinkwutend|fuchsteufelswild|sauer|wutend|emport|entrusted|angewidert|verargert|aufgebracht|geladen|auf hundert|auf hundertachtzig|auf der palme|platzt mir der kragen|kragen platzt)",
        "(saftladen|sauladen|drecksladen|chaosladen|schlamperei|pfusch|pfuscher|stumper|versager|idioten|trottel|clowns|betruger|halsabschneider|nepp|dreck|letzte dreck|allerletzte|das letzte|hohn|witzfiguren|armutszeugnis|blamage|frechheit|sauerei|skandal|unding|affentheater|kasperletheater|zirkus)",
        "(sie sollten|ihr solltet|sollten sie) sich (schamen|was schamen)", "(schamen sie sich|schamt euch|pfui)",
        "das fass (ist )?(ubergelaufen|zum uberlaufen)", "(der|das ist der) tropfen, der das fass", "(mir|uns) (reicht es|reichts) (endgultig|jetzt|wirklich)",
        "(fuhle|fuhlen) (mich|uns) .. (verarscht|veraeppelt|verappelt|betrogen|abgezockt|hintergangen|verschaukelt|im stich gelassen|ignoriert|fur dumm verkauft)",
        "(halten|haltet|halt) (sie|ihr) (mich|uns|ihre kunden) fur (dumm|blod|bescheuert|idioten)",
        "(unfahig|unfahigen|unfahiger|inkompetenten|inkompetenter|unverschamten|unverschamter|dreisten|dreister|frechen|frecher|katastrophaler|katastrophalen|grottenschlecht|grottenschlechter|unterirdisch|unterirdischer|unterirdischen|miserabel|miserablen|erbarmlich|erbarmlichen|jammerlich|jammerlichen|indiskutabel|unterste schublade)",
        "(selten|noch nie|nie) (so|solch|so eine|so einen|so ein|eine solche|einen solchen) .. (erlebt|gesehen|gehabt)",
    ],
    "frustration": [
        "(nerven|geduld) (am ende|liegen blank|ist am ende|verloren|verliere|reisst)", "(mit meinen|mit unseren) nerven am ende",
        "(drehe|drehen) (mich|uns) im kreis", "(die nase|die schnauze|den kanal) (gestrichen )?voll",
        "(dauert|dauerte|geht|lauft) (das )?(jetzt |nun |inzwischen |mittlerweile )?(schon |bereits )?(seit )?(#|zwei|drei|vier|funf|sechs|mehrere|viele|etliche|einige) (tage|wochen|monate|stunden)",
        "(niemand|keiner|kein mensch) (scheint|fuhlt sich|ist|war) .. (zustandig|verantwortlich|in der lage|fahig|interessiert)",
        "(verliere|verlieren|verliert) (langsam |allmahlich |so langsam )?(die|meine|unsere) geduld", "(immer wieder|standig|jedes mal|andauernd) (dasselbe|das gleiche|der gleiche|die gleiche|derselbe|dieselbe|passiert|kaputt|fehler|probleme|aus)",
        "(argerlich|arger|genervt|entnervt|zermurbt|verzweifelt|ratlos|frustrierend|enttauschend|unbefriedigend|nervenaufreibend)",
        "(wann|wie lange) .. (endlich|noch|denn)", "(hingehalten|vertrostet|abgewimmelt|im regen stehen gelassen)",
    ],
    "threat:legal": [
        "(sie|ihr|du) (horen|hort|horst|werden .. horen|werdet .. horen) von (meinem|unserem) (anwalt|rechtsanwalt|anwaltin|rechtsanwaltin|anwalten|kanzlei)",
        "(anwalt|anwaltin|rechtsanwalt|rechtsanwaltin|anwalte|kanzlei|rechtsbeistand|rechtsabteilung) (einschalten|einschalte|einschalten werde|beauftragen|beauftrage|hinzuziehen|hinzuziehe|konsultieren|kontaktieren|informieren|ubergeben|ubergebe|weitergeben|weiterleiten)",
        "(horen|hort|horst|hören) (sie|ihr|du) von (meinem|unserem) (anwalt|rechtsanwalt|anwaltin|rechtsanwaltin|anwalten|kanzlei)",
        "(liegt|geht|ist) (jetzt|nun|ab sofort|bereits)? (bei|an) (meinem|unserem|meinen|unseren) (anwalt|rechtsanwalt|anwaltin|anwalten|rechtsanwalten|rechtsabteilung)",
        "(verklagen|verklage|verklagt|klagen|klage|klageweg|gerichtlich|vor gericht|rechtsweg|mahnverfahren|mahnbescheid|schadensersatz|schadenersatz|abmahnung|einstweilige verfugung)",
        "(rechtliche|juristische|gerichtliche|anwaltliche) (schritte|mittel|konsequenzen|massnahmen|wege)",
    ],
    "threat:media": [
        "(wende|wenden|gehe|gehen|melde|melden) (mich|uns)? (an|zur|zu der) (die )?(presse|medien|zeitung|bild|verbrauchersendung|journalisten|ard|zdf|rtl|lokalpresse|lokalzeitung)",
        "(followern|follower|abonnenten|lesern|community|freunden|bekannten|kollegen) .. (erzahlen|erzahle|berichten|berichte|zeigen|zeige|davon|warnen|warne)",
        "(uberall|uberall im netz|im internet|online|auf allen portalen) .. (schlechte|negative|miese|ehrliche|vernichtende) (bewertung|bewertungen|rezension|rezensionen|kritik)",
        "(offentlich|publik) machen", "(warnen|warne) (alle|andere|jeden|meine)",
    ],
    "threat:regulatory": [
        "(beschwere|beschweren|beschwerde|melden|melde|wende|wenden|einschalten|schalte|informieren|informiere) .. (verbraucherzentrale|schlichtungsstelle|datenschutzbehorde|datenschutzbeauftragten|landesdatenschutzbeauftragte|bundesnetzagentur|bafin|aufsichtsbehorde|ombudsmann|ombudsstelle|verbraucherschutz)",
    ],
    "threat:churn": [
        "(noch (so )?(ein|eine|einmal|mal)|nochmal|wenn .. nicht|sonst|andernfalls|ansonsten) .. (sind wir|bin ich|wir sind|ich bin) (weg|raus|fort|draussen|ihr kunde gewesen|kunde gewesen)",
        "(suchen|sehen|schauen) (wir|ich) (uns|mich) (nach )?(einen|einem|eine|einer|nach einem)? (anderen|neuen|anderer) (anbieter|dienstleister|lieferanten|partner|provider|hoster)",
    ],
    "churn": [
        "(anderen|neuen) (anbieter|dienstleister|provider|hoster|lieferanten) (suchen|wechseln|nehmen)", "(wechseln|wechsel|wechsle|wechsele) (zu|zum|zur) (einem|einer|der|dem)? (anderen|konkurrenz|wettbewerber|mitbewerber)",
    ],
    "security": [
        "(die|welche) (ich|wir) (nicht|nie|niemals|gar nicht) (aufgegeben|getatigt|veranlasst|autorisiert|durchgefuhrt|freigegeben) (habe|haben|hatte|hatten)",
        "(daten|zugangsdaten|passwort|passworter|e mail adressen|kundendaten) .. (im darknet|im dark web|in einem forum|im netz|im internet|online) (aufgetaucht|aufgetaucht sind|gelandet|veroffentlicht|zu finden|gefunden|verkauft)",
        "jemand (hat sich|hat) .. (in mein|in unser|auf mein|auf unser) (konto|account|postfach|profil) .. (eingeloggt|angemeldet|zugegriffen|eingedrungen)",
    ],
    "not:security": ["(betruger|betrugerbande|abzocker|halsabschneider) (seid|sind) (ihr|sie)", "(ihr|sie) (seid|sind) (doch )?(alle )?(betruger|abzocker)"],
}
_FOURTH.setdefault('threat:churn', []).extend([
    '(oder|sonst|ansonsten|andernfalls) (wir|ich) (kundigen|kundige|wechseln|wechsle|gehen|sind weg|bin weg|steigen aus|springen ab|suchen uns)',
])
_FOURTH.setdefault('repeat', []).extend([
    '(wurde|wurden) (mir|uns) (bereits |schon )?(zweimal |mehrfach |mehrmals |dreimal |wiederholt )? .. (versprochen|zugesagt|angekundigt)',
])
_FOURTH.setdefault('anger', []).extend([
    'fur wie (dumm|blod|bescheuert|naiv|bloed) (halten|haltet|halt)',
])
_FOURTH.setdefault('threat:churn', []).extend([
    '(ziehen|ziehe|wechseln|wechsle|gehen|gehe) .. (zu|zum) (einem|einer)? (anderen|neuen|anderer) (anbieter|dienstleister|provider|hoster|lieferanten)',
])
_FOURTH.setdefault('churn', []).extend([
    '(abonnement|abo|vertrag|mitgliedschaft|konto|account) .. (beenden|kundigen|auflosen|stornieren)',
])
_FOURTH.setdefault('churn', []).extend([
    '(anbieter|provider|dienstleister|lieferanten|hoster|bank|netzbetreiber|mobilfunkanbieter) (wechseln|wechsle|wechsele|wechselt)',
    '(wechseln|wechsle|wechsele) (wir|ich)? (den|unseren|meinen|zum|zu einem|zu einer) (anbieter|provider|dienstleister|lieferanten|hoster|bank|konkurrenten|wettbewerber)',
])
_FOURTH.setdefault('security', []).extend([
    '(die|welche) (ich|wir) (nicht|gar nicht|uberhaupt nicht) (kenne|kennen|erkenne|erkennen|zuordnen kann|zuordnen konnen|veranlasst habe|veranlasst haben)',
])
_FOURTH.setdefault('anger', []).extend([
    'unter aller (sau|kanone)',
    '(grottig|grottenschlecht|unterirdisch|hundsmiserabel|lausig|saumassig|beschissen)',
])
_FOURTH.setdefault('threat:churn', []).extend([
    '(dann|sonst|ansonsten|andernfalls) (kundige|kundigen) (ich|wir)',
    '(dann|sonst) (wechsle|wechseln) (ich|wir)',
])
for _category, _cues in _FOURTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# The fifth version: the kinds the sealed set of the fourth found missing (docs/reading.md).
CONTACTS = "schreib geschrieb mail meld gemeldet anruf angeruf telefon frag gefragt kontakt erinner nachgefragt"
SEQUELS = "danach dann anschliessend nach_ablauf ab_dann ab_montag"
_FIFTH: dict[str, list[str]] = {
    "threat": [
        "(sie|ihr) (werden|werdet) (noch |bald |schon )?von (uns|mir) horen",
        "(das|dies|die sache) (wird|hat) (noch )?(ein|ein juristisches|ein rechtliches) nachspiel",
        "(werde|werden) (das|dies|die sache|es) nicht (auf sich beruhen|so stehen|einfach so) lassen",
        "das letzte wort (ist|wurde) (noch )?nicht gesprochen",
    ],
    "threat:media": [
        "(ich kenne|wir kennen|ich habe freunde|ich habe kontakte|wir haben kontakte) (leute |jemanden |einige |journalisten )?(bei|in|von|im) (der|einer|dem)? (zeitung|presse|bild|fernsehen|tv|radio|redaktion|lokalzeitung|verbraucherzentrale)",
    ],
    "outage": [
        "(niemand|keiner|kein mitarbeiter|keine mitarbeiterin) .. (kann|konnen|kommt|kommen) ... (anmelden|einloggen|einwahlen|anmeldebildschirm|anmeldeseite|loginseite|login|zugreifen|ins system)",
        "(seite|seiten|app|website|webseite|shop|portal|dashboard|alles) (laden|ladt|lad|hangt|hangen|dreht sich|drehen sich) (nur noch )?(endlos|ewig|unendlich|ohne ende|im kreis)",
        "(anrufe|anrufer|gesprache) .. (besetztzeichen|ins leere|im nichts)", "(kein|keine) (freizeichen|wahlton)",
    ],
    "security": [
        "(nie|nicht|niemals|gar nicht) (angeforderte|angeforderten|beantragte|beantragten|veranlasste|veranlassten) (passwort zurucksetzung|passwortzurucksetzung|passwort|kennwort|code|codes|e mail|zurucksetzung|sms|tan|anmeldung)",
        "(ein fremder|eine fremde|fremde|jemand anderes|ein anderer kunde|eine andere kundin|dritte|unbekannte|ein unbekannter) (hat|haben|hatte|sieht|sehen|kann|bekommt|bekam|erhalt|erhielt) (meine|unsere|zugriff auf) (rechnungen|rechnung|daten|dokumente|konto|e mails|bestellungen|adresse|bankdaten|kontodaten)",
    ],
    "frustration": [
        "wie oft (denn |eigentlich )?noch", "wie oft (muss|soll|mussen|sollen) (ich|wir)",
        "mit (meinem|unserem) latein am ende", "mit den nerven (am ende|fertig)",
    ],
    "churn": [
        "(verlangern|erneuern) sie (unseren|meinen|den|das|unser|mein|die) (vertrag|abo|abonnement|lizenz|lizenzen|tarif|paket|mitgliedschaft) nicht",
        "(uberprufen|prufen|uberdenken) .. (unseren|unsere|meinen|den|die) (vertrag|zusammenarbeit|partnerschaft|geschaftsbeziehung) mit (ihnen|euch)",
        "uberdenken (unseren|unsere|den|die|meinen) (vertrag|zusammenarbeit|partnerschaft|abo|abonnement)",
    ],
    "nth": [
        "(zum|das|dem) (zweiten|dritten|vierten|funften|sechsten|zweite|dritte|vierte|funfte|sechste|x ten|xten|x te|wiederholten|#) mal",
    ],
}
for _category, _cues in _FIFTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Sixth version: families told by a subject and an effect anywhere in one sentence (pairs, see lexicon/__init__).
_MANY = ("(nutzer|benutzer|kunden|kunde|mitarbeiter|mitarbeitende|mitarbeitenden|kollegen|kolleginnen|agenten|anrufe|"
         "anrufer|gerate|scanner|kassen|kassierer|kassiererinnen|filialen|standorte|terminals|rechner|telefone|zahlungen|"
         "bestellungen|pflegekrafte|arzte|fahrer|techniker|verkaufer|schuler|studierenden|berater)")
_SIXTH: dict[str, list[str]] = {
    "press": ["(redakteur|redakteurin|reporter|reporterin|chefredakteur|chefredakteurin|youtuber|youtuberin|influencer|influencerin|podcaster) (bei|der|des|von|fur)"],
    "lawyer": [
        "(unser|unsere|unserer|unseren|mein|meine|meinem|ihr|ihre|ihrer|ihren) (rechtsanwalt|rechtsanwaltin|anwalt|anwaltin|anwalte|justitiar|justiziar|justiziariat|hausjurist|juristen|juristin)",
        "(arbeitsgericht|arbeitsgerichts|sozialgericht|verwaltungsgericht|finanzgericht|familiengericht|handelsgericht)",
        "(gerichtsverfahren|gerichtsverwertbar*|gerichtlich*|rechtsstreit|klageverfahren)",
    ],
    "pair:outage:1a": [
        f"(keiner|keine|kein|alle|jeder|jede|samtliche|samtlichen|unsere) .. {_MANY}",
        "(das ganze team|das gesamte team|unser ganzes team|unser gesamtes team|die ganze firma|das ganze buro|die gesamte belegschaft|die ganze abteilung|alle kollegen)",
    ],
    "pair:outage:1b": [
        "(nicht|nicht mehr|keine?) .. (anmelden|einloggen|verbinden|zugreifen|erreichen|synchronisieren|bezahlen|telefonieren|durchkommen)",
        "(uber|uber die) (anmeldeseite|anmeldemaske|loginseite|login seite|anmeldung|startseite) (nicht )?hinaus",
        "(anmeldung|login|verbindung|synchronisation|zahlung|zahlungen) (schlagt|schlagen|schlug) .. fehl",
        "(fehler|error|http) (502|503|504)", "(wieder|zuruck) (auf der|zur|auf die|auf der) (anmeldeseite|loginseite|startseite)",
    ],
    # "Niemand kommt über die Anmeldeseite hinaus": nobody, and the login, in one sentence.
    "pair:outage:2a": ["(niemand|keiner|kein mensch)"],
    "pair:outage:2b": ["(anmelden|einloggen|einwahlen|verbinden|zugreifen|anmeldeseite|loginseite|login|anmeldung)"],
    # The line itself told as absent: "seit Tagen ohne Internet und Telefon".
    "outage": [
        "(tage|tagen|stunden|wochen|woche|sind|bin|seit|immer noch|weiterhin) .. ohne (internet|telefon|netz|verbindung|festnetz|dsl|anschluss|wlan)",
    ],
}
for _category, _cues in _SIXTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Seventh version: security as the customer tells it (a stranger and an act on the account, data sent to the wrong
# person, codes never asked for, fraud on a charge) and regulators by their titles.
_FREMD = "(jemand|irgendjemand|irgendwer|ein fremder|eine fremde|fremde|unbekannte|ein unbekannter|eine unbekannte|ein dritter|dritte|betruger|hacker)"
_MEINE = ("(meine|unsere|meiner|unserer|meinen|unseren) (rechnung|rechnungen|daten|unterlagen|dokumente|gehaltsnachweise|"
          "gehaltsabrechnung|gehaltsabrechnungen|ausweiskopie|ausweis|adresse|anschrift|bankdaten|iban|kontoauszuge|bestellungen|vertrag|personalien|krankendaten)")
_SEVENTH: dict[str, list[str]] = {
    "pair:security:1a": [_FREMD],
    "pair:security:1b": [
        "(in|auf) (mein|meinem|unser|unserem) (konto|kundenkonto|account|profil|postfach) .. (eingeloggt|angemeldet|eingewahlt|zugegriffen|eingedrungen|bestellt|gekauft)",
        "(in|unter) (meinem|unserem) namen", "sich .. (eingeloggt|angemeldet|eingewahlt|zugang verschafft|zugriff verschafft)",
        "(geandert|zuruckgesetzt|ausgetauscht|deaktiviert|entfernt) .. (passwort|kennwort|e mail|email|telefonnummer|handynummer|bankverbindung|iban|lieferadresse|zwei faktor|2fa)",
        "(passwort|kennwort|e mail adresse|email adresse|telefonnummer|bankverbindung|iban|lieferadresse) .. (geandert|zuruckgesetzt|ausgetauscht)",
        "(gibt|gab|gaben|ausgibt|ausgegeben) sich .. (als ich|als mich|fur mich|als uns|fur uns) aus",
        "(leergeraumt|abgeraumt|geplundert)",
    ],
    "pair:security:2a": [
        "(fremde|fremden|fremder|anderen|anderer|falschen|falscher) (kunden|kundin|person|personen|empfanger|empfangerin|nutzer|nutzerin|mann|frau)",
        "(ein|eine|einem|einen|einer) (fremder|fremde|fremden|unbekannter|unbekannte|unbekannten)",
    ],
    "pair:security:2b": [
        f"{_MEINE} .. (geschickt|gesendet|verschickt|zugestellt|weitergeleitet|gemailt|bekommen|erhalten|gesehen|einsehen|sehen|angezeigt)",
        f"(sieht|sah|sehen|bekommt|bekam|erhalt|erhielt|hat|hatte) (alle )?{_MEINE}",
        "(rechnung|rechnungen|daten|unterlagen|dokumente|bestellung|bestellungen|kontoauszug|kontoauszuge) (eines|einer) (anderen|fremden)",
    ],
    "pair:security:3a": ["(bestatigungscode|bestatigungscodes|sicherheitscode|sicherheitscodes|anmeldecode|verifizierungscode|login code|sms code|tan|tans|zurucksetzungs?mail|passwort zurucksetzen|zurucksetzen des passworts|reset mail|reset link)"],
    "pair:security:3b": ["(nicht|nie|niemals|gar nicht) (angefordert|beantragt|angefragt|ausgelost|veranlasst)"],
    "security": [
        "(betrugerische|betrugerischen|betrugerischer) (abbuchung|abbuchungen|buchung|buchungen|zahlung|zahlungen|belastung|belastungen|transaktion|transaktionen|bestellung|bestellungen|uberweisung|lastschrift)",
        "(abbuchung|abbuchungen|zahlung|zahlungen|belastung|buchung|lastschrift) .. (ist|war|sind|waren) (ein )?betrug",
    ],
    "not:security": [
        f"(wenn|falls|sobald|kann|konnte|konnen|darf|wie) {_FREMD}",
        "jemand (von|bei|aus) (ihnen|ihrem|ihrer|euch|eurem|dem|der)",
        "(sicherheitsupdate|sicherheitsupdates|sicherheitsfragebogen|sicherheitshinweis)",
    ],
    "regulator": [
        "(landesbeauftragte|landesbeauftragten|landesbeauftragter|bundesbeauftragte|bundesbeauftragten|bundesbeauftragter) fur (den )?datenschutz*",
        "(datenschutzaufsicht|datenschutzaufsichtsbehorde|aufsichtsbehorde|bundesnetzagentur|bundesanstalt fur finanzdienstleistungsaufsicht|bundeskartellamt|"
        "verbraucherschutzbehorde|verbraucherzentrale|verbraucherzentralen|arbeiterkammer|konsumentenschutz|verein fur konsumenteninformation|vki|"
        "schlichtungsstelle|ombudsmann|ombudsfrau|ombudsstelle|versicherungsombudsmann|schlichtungsstelle energie|rtr|e control|edob|finma|finanzaufsicht)",
    ],
    # Bodies of redress (ombudsmen, consumer offices and associations, mediators): named about the customer's own
    # case, the regulatory matter by themselves; a threat when announced, under a condition or lodged as a complaint.
    "redress": [
        "(datenschutzbehorde|aufsichtsbehorde|verbraucherschutz|verbraucherschutzzentrale|landesdatenschutzbeauftragte|landesdatenschutzbeauftragten|datenschutzbeauftragten des landes|schlichtungsstelle|verbraucherschlichtungsstelle|datenschutzbeauftragten|ombudsmann|ombudsstelle)",
    ],
}
for _category, _cues in _SEVENTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Tenth version: security, media, outage and legal matters told in everyday words, with the counter-cues of their
# lures (docs/reading.md); written on the misses of practice sets E-G and training sets A-E, never on H or J.
_EIGHTH: dict[str, list[str]] = {
    "legal": [
        "(zeigen wir|zeige ich) (die|hiermit die) vertretung",
        "(vertreten wir|vertrete ich) (frau|herrn|herr|die firma|unsere mandantin|unseren mandanten)",
        "(inkassoanwalt|inkassoanwaltin|ihr anwalt|ihre anwaltin) (schreibt|schrieb|hat mir geschrieben|droht)",
    ],
    "not:legal": [
        "(wir sind eine|unsere|ich arbeite in einer|fur eine) (kleine )?(anwaltskanzlei|kanzlei|rechtsanwaltskanzlei)",
        "(vorlage|vorlagen|vorlagenbibliothek) .. abmahnung",
        "abmahnung (als|fur) (vorlage|mitarbeiter)",
    ],
    # The product asked about working offline: "Does the app work without internet on a plane?"
    "not:outage": [
        "(funktioniert|funktionieren|nutzen|benutzen|nutzbar|lauft|aufnehmen|synchronisiert|verfugbar) .. (ohne|offline) (internet|netz|verbindung|wlan|empfang|daten)",
    ],
    "outage": [
        "(internet|anschluss|leitung|telefon|festnetz|netz|router|wlan) (geht|funktioniert|lauft) (seit|schon) .. nicht mehr",
        "(anschluss|leitung|telefon|telefonanlage|internet|netz|festnetz) (ist )?(seit .. )?(komplett |vollig |total )?(tot|ausgefallen)",
        "(komplett|vollig|total|schon wieder) offline",
        "(kein|keinen) (internet|strom|wasser|netz|empfang|kartenzahlungsverkehr|zahlungsverkehr|telefon) (mehr )?(seit|in allen|in der ganzen|im ganzen)",
        "seit .. (tagen|stunden|wochen) komme ich nicht (ins|in das|in mein|auf)",
        "(host|server) nicht erreichbar",
    ],
    "media": [
        "(geht|gehen|landet|kommt|schicke|gebe) .. (an die|in die|zur|zu der|an den) (bild|presse|zeitung|medien|kassensturz|lokalzeitung)",
        "(google bewertungen|bewertungen bei google|bewertung auf ihrer)",
        "(ihr|ihre|auf ihrer) (social media team|facebook seite|instagram seite|facebook|instagram) .. (geloscht|gesperrt|entfernt|versprochen|geschrieben)",
        "(ihrer|ihre|ihrem|der|die) (presseabteilung|pressestelle)",
    ],
    "security": [
        "(das war ich nicht|ich war das nicht|ich war es nicht|das waren wir nicht|wir waren das nicht)",
        "(namen|adressen|projekte|unterlagen|dokumente|befunde|vertrage) (anderer|eines anderen|einer anderen|fremder) (kunden|kunde|mandanten|nutzer|patienten|firmen|firma|unternehmen)",
        "(meine|unsere) (daten|kundendaten|adresse|kreditkartendaten|kartendaten) (stehen|sind|landen|landeten|tauchen) (jetzt )?(im netz|im internet|online|offentlich)",
        "(link|den link) (habe ich|hab ich|haben wir) (nicht|nie) (geklickt|angeklickt|geoffnet)",
        "(leider|dort|da|auf der seite) .. (mein|meine|unser|unsere) (passwort|kennwort|pin|tan|kartendaten|zugangsdaten) .. (eingegeben|eingetragen)",
        "(sie haben|ihr habt) (meine|unsere) (kreditkartendaten|kartendaten|daten|kundendaten) (verloren|verschlampt|weitergegeben)",
    ],
}
for _category, _cues in _EIGHTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Elfte Version: Betrug Dritter auf der Karte oder im Konto, unbekannte Abbuchungen, Ausfälle des ganzen Büros,
# angekündigte Bewertungen und Beiträge, und die Gegenhinweise ihrer Köder (docs/reading.md).
_NINTH: dict[str, list[str]] = {
    "security": [
        "(unbekannte|fremde|verdachtige|unerklarliche) (abbuchungen|buchungen|zahlungen|umsatze|transaktionen|kartenzahlungen|lastschriften)",
        f"{_FREMD} hat (mit|uber|von|auf) (meinem|unserem|meinen|unseren) (konto|kundenkonto|account|namen|karte|kreditkarte)",
    ],
    "not:security": [
        "(phishing|sicherheits)(ubung|simulation|test|schulung|kampagne|training)",
    ],
    "outage": [
        "(ganzes|gesamtes|komplettes|unser ganzes|unser gesamtes) (buro|netz|netzwerk|system|team|haus|geschaft|lager|werk) (ist )?(offline|ohne internet|ohne netz|tot)",
        "(telefonie|telefon|festnetz|internet) geht (auch |ebenfalls |gar |uberhaupt )?(nicht|nicht mehr)",
    ],
    "not:outage": [
        "(nicht erreichbar|nicht verfugbar|offline|fehler|down|ausgefallen) .. aber (alles andere|der rest der seite|die anderen seiten|der rest der app) (funktioniert|geht|lauft|ladt)",
        "(telefon|telefonie) geht (auch |wieder )?(nicht|keiner|niemand) (ran|dran)",
    ],
    "threat:media": [
        "(ich|wir) (schreibe|schreiben|berichte|berichten|poste|posten) (daruber|das|dazu|davon|alles) (auf|bei|in) (x|twitter|facebook|instagram|tiktok|linkedin|google|trustpilot|youtube|reddit|den sozialen medien|social media)",
        "(schreibe|schreiben|berichte|berichten|poste|posten) (ich|wir) (daruber|das|dazu|davon|alles) (auf|bei|in) (x|twitter|facebook|instagram|tiktok|linkedin|google|trustpilot|youtube|reddit|den sozialen medien|social media)",
    ],
}
for _category, _cues in _NINTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Zwölfte Version: kein Strom, Wasser, Gas oder Internet seit einer Zeit, nichts geht mehr; ein unbekanntes Gerät im
# Konto (docs/reading.md).
_TENTH: dict[str, list[str]] = {
    "outage": [
        "(haben|habe|hat|gibt es) (wir |ich |es |man )?(seit .. )?(keinen|kein|keine) (strom|wasser|warmwasser|gas|heizung|internet|telefon|festnetz|fernsehen|tv)",
        "(keinen|kein|keine) (strom|wasser|warmwasser|gas|heizung|internet|festnetz) (mehr )?(seit|schon seit)",
        "seit .. geht (gar |uberhaupt )?nichts( mehr)?",
    ],
    "security": [
        "(unbekanntes|fremdes|unbekannte|fremde) (gerat|gerate|handy|iphone|smartphone|login|anmeldung|anmeldungen|sitzung)",
    ],
    "not:outage": [
        "keine verbindung (zum|zur|zu dem|zu der|mit dem|mit der) (drucker|scanner|kasse|kassensystem|terminal|waage|gerat|kartenleser|etikettendrucker|app)",
    ],
}
for _category, _cues in _TENTH.items():
    CUES.setdefault(_category, []).extend(_cues)
