"""French cues. "avocat" is also the fruit, "procès-verbal" minutes, "tribunal de commerce" a registration,
"sécurité sociale" a payroll field, "médiathèque" a media library: those words count only in the phrases that
make them a threat ("mon avocat", "saisir le tribunal", "compte piraté", "alerter la presse").
"""

from __future__ import annotations

STOPWORDS = """le la les de des du un une et est pour que qui dans sur pas ne je nous vous il elle ce cette ces mon
ma mes notre nos votre vos au aux avec sont mais ou donc car merci bonjour depuis tout tous tres plus suis avons
avez ete etre fait n'est c'est j'ai d'un d'une cordialement madame monsieur"""
NEGATORS = "ne pas jamais aucun aucune rien sans ni guere"
INTENSIFIERS = "aussi si tellement autant plus"
CONDITIONS = "si sinon faute defaut autrement sans"
BRIDGES = "vais va allons vont veux voulons veut souhaite souhaitons compte comptons pense pensons le la les l un une de du des d pas plus jamais encore vraiment etre ete a ai avons est sont je nous on me se"
COMPLAINTS = "plainte signal saisi denonc reclam recours contact ecri alert preven inform porter"
INTENTS = "vais allons va vont envisage envisageons"
FUTURE_ENDINGS = "rai rons"
DONE = "recu recue recus recues publie publies publiee laisse depose redige adresse"

_SYS = ("(site|site web|site internet|boutique|boutique en ligne|application|appli|app|service|services|plateforme|"
        "serveur|serveurs|systeme|api|portail|production|prod|reseau|internet|connexion|ligne|box|fibre|telephone|"
        "messagerie|back office|backoffice|base de donnees|tout|logiciel|espace client|extranet|intranet|site vitrine|"
        "boutique en ligne|instance|hebergement|standard|standard telephonique|caisse|caisses|terminal de paiement|tpe)")
_DOWN = ("(en panne|hors service|hors ligne|hs|inaccessible|inaccessibles|indisponible|indisponibles|injoignable|down|"
         "tombe|tombee|tombes|coupe|coupee|coupes|mort|morte|ko)")
_AVOCAT = "(avocat|avocate|avocats|conseil juridique|juriste|huissier)"
_PLATFORM = ("(les reseaux sociaux|reseaux sociaux|twitter|x|facebook|linkedin|instagram|tiktok|youtube|google|"
             "trustpilot|internet|le web|les forums|forums)")
_BOSS = ("(responsable|superieur|superieure|superieurs|manager|directeur|directrice|direction|chef|hierarchie|"
         "superviseur|directeur commercial|service client superieur|quelqu'un de plus (experimente|haut place|senior|"
         "competent))")

CUES: dict[str, list[str]] = {
    "threat:legal": [
        "(engager|intenter|lancer|entamer|engagerai|intenterai|lancerai|engagerons) (des|une) (poursuites|procedure judiciaire|procedure|action en justice)",
        f"(mon|notre|un|une|des|mes|nos) {_AVOCAT} (va|vont|prendra|prendront|vous contactera|vous contacteront|vous ecrira|vous ecriront|se chargera|s'en chargera|est saisi|sont saisis|a ete saisi|ont ete saisis|a ete informe|ont ete informes|est informe|sont informes|est en copie|sont en copie|etudie|examine|prepare)",
        f"(transmis|transmets|transmettre|transmettrai|transmettrons|confie|confier|confierai|saisi|saisir|saisirai|contacte|contacter|contacterai|consulte|consulter|mandate|mandater|prevenu|prevenir|informe|informer|remis|remettre|envoye|faire appel a) .. (mon|notre|un|une|a mon|a notre) {_AVOCAT}",
        "(poursuites|poursuite) (judiciaires|judiciaire|en justice)", "(poursuivre|poursuivrai|poursuivrons|attaquer|attaquerai|attaquerons|assigner|assignerai) (en justice|votre societe|vous|au tribunal)",
        "(action|actions|recours|procedure|procedures|voie|voies) (en justice|judiciaire|judiciaires|juridique|juridiques|legale|legales|contentieuse|contentieux)",
        "(saisir|saisirai|saisirons|saisis|saisissons|saisine|devant|porter l'affaire devant) (le|les|la|un)? (tribunal|tribunaux|juge|justice|juridiction|juridictions competentes|prud'hommes|conciliateur)",

        "(mise en demeure|mets en demeure|mettons en demeure|mettre en demeure|vous met en demeure)",
        "(porter|porterai|porterons|deposer|deposerai|deposerons) (plainte|une plainte|plainte contre vous)",
        "(injonction de payer|dommages et interets|dommages interets|petites creances|huissier de justice)",
        "(je|nous) (vais|allons|irai|irons) (en justice|au tribunal|jusqu'au tribunal)",
    ],
    "legal": ["(violation|rupture|non respect) (du|de notre|de mon) contrat", "manquement contractuel", "clause abusive"],
    "threat:regulatory": [
        "(saisir|saisirai|saisirons|plainte|signaler|signalerai|signalerons|signale|alerter|alerterai|ecrire|ecrirai|contacter|contacterai) .. (le|la|au|a la|aupres de la|aupres du) (mediateur|regulateur|autorite de controle|autorite de protection des donnees|repression des fraudes|association de consommateurs|associations de consommateurs|defenseur des droits)",
        "(violation|non respect|manquement|contraire|viole|violez|enfreint|enfreignez) (du|au|le) rgpd",
        "plainte (rgpd|a la cnil|aupres de la cnil)",
    ],
    "regulatory": [
        "(droit|droits) (d'acces|a l'effacement|a l'oubli|de rectification|a la portabilite|d'opposition)",
        "(article|art) # (du )?rgpd", "(au titre|en vertu|en application|conformement) (du|au) rgpd",
        "(suppression|effacement|supprimer|effacer|acces a|copie de|communication de|portabilite de|rectification de) (de )?(l'ensemble de |toutes |tous )?(mes|nos) (donnees|informations) personnelles",
        "(demande|requete|droit|exercice du droit) (d'acces|de suppression|d'effacement|de rectification|de portabilite|d'opposition)",
        "(ce que dit|ce que prevoit|ce qu'impose|contraire au|selon le|d'apres le) (le )?rgpd",
        "rgpd (article|art|demande|droits)",
    ],
    "threat:media": [
        f"(publier|je publie|on publie|publierai|publierons|poster|posterai|laisser|laisserai|mettre|mettrai|ecrire|ecrirai|rediger|redigerai|partager|partagerai|raconter|raconterai|denoncer|denoncerai|balancer|exposer|exposerai|afficher|en parler|parler de vous) .. (sur|partout sur|a) {_PLATFORM}",
        "(avis|commentaire|commentaires|note) (negatif|negatifs|negative|detaille|public|publics|incendiaire|sale|assassin) (sur|partout)",
        "(publier|je publie|on publie|publierai|laisser|laisserai|poster|posterai|rediger|ecrire|ecrirai|mettre) (un|des|mon|plusieurs) (avis|commentaire)",
        "(alerter|contacter|prevenir|informer|parler a|parler aux|raconter a|raconter aux|saisir|ecrire a|ecrire aux|aller voir) (la presse|les medias|aux medias|les journalistes|aux journalistes|a la presse|un journaliste|des journalistes)",
         "(en parler|parler|raconter|tout raconter|m'adresser|nous adresser) (aux medias|a la presse|aux journalistes)",
        "(faire|ferai) (le )?buzz", "(part|partira|finit|finira|atterrit|atterrira|sera|ira) (sur|partout sur) (twitter|x|facebook|instagram|tiktok|youtube|linkedin|les reseaux sociaux|internet)", "(avis|commentaires) (en ligne|publics|google)", "(prevenir|avertir|informer) (tout|tous) (mon|mes) (entourage|amis|contacts|reseau)", "(tout le monde|le monde entier) (saura|va savoir|le saura|en entendra parler)",
        "denoncer publiquement", "(rendre|rendrai) (ca|cela|l'affaire) public",
        "(je|nous|on) (saisis|saisissons|saisirai|saisirons|alerte|alertons|alerterai|alerterons|contacte|contacterai|contacterons|previens|previendrai|previendrons|informe|informerai|informerons) (la presse|les medias|les journalistes|un journaliste|des journalistes|les reseaux sociaux)",
    ],
    "threat:churn": [
        "(sinon|ou) (je|nous|on) (pars|partons|part|m'en vais|nous en allons|resilie|resilions|change|changeons)",
        "(aller|irai|irons|passer|passerai|passerons|passe|partir|partirai|partirons|migrer|migrerai|migrerons) (chez|vers) (la concurrence|un concurrent|vos concurrents|un autre (fournisseur|prestataire|operateur|editeur|hebergeur))",
        "(chez|vers) (la concurrence|un concurrent)", "(regarder|regardons|etudier|etudions|consulter|consultons) (la concurrence|les offres concurrentes|d'autres (prestataires|fournisseurs|solutions))",
        "(perdre|perdrez|perdez) (un|votre|notre) (client|clientele|contrat)",
    ],
    "churn": [
        "(resilier|resilie|resilierai|resilierons|resilions|resiliation|resilie|annuler|annulation|arreter|mettre fin a|mettre un terme a) (de )?(mon|notre|ma|l'|le|la|cet|cette)? (abonnement|abonnements|contrat|compte|offre|forfait|ligne|souscription|adhesion)",
        "(je|nous|on) (resilie|resilions|resilierai|resilierons|allons resilier|vais resilier|souhaitons resilier|souhaite resilier|voulons resilier|veux resilier)",
        "(ne|n') (renouvellerons|renouvellerai|renouvelons|renouvelle|allons|vais) (pas|plus) (renouveler|notre|mon|le|l'|notre)?",
        "(ne pas|pas) (renouveler|reconduire)", "non (renouvellement|reconduction)",
        "(fermer|fermeture|cloturer|cloture|supprimer|suppression) (de )?(mon|notre) compte",
        "(se|me|nous) desabonner", "desabonnement", "(quitter|quitterai|quitterons) (vos services|votre service|votre plateforme|votre societe|votre entreprise)",
        "changer (de fournisseur|d'operateur|de prestataire|de banque)",
    ],
    "not:churn": [
        "(j'ai|nous avons|avoir|apres avoir|alors que j'ai|bien que j'ai|j'avais|nous avions) (deja )?(resilie|annule)",
        "(deja|bien) resilie", "resilie (le|depuis|il y a)",
        "(resilie|annule|annulee|resiliee) (dans le delai|hors delai|le #|depuis|en|il y a)",
    ],
    "threat:billing": [
        "(faire|fais|ferai|ferons) opposition", "opposition (bancaire|aupres de ma banque|sur ma carte|sur le prelevement)",
        "(contester|contesterai|contesterons|contestation) .. (aupres de )?(ma|la|notre) banque", "retrofacturation",
    ],
    "pressure": ["(notre|le|mon) (renouvellement|contrat) (est|arrive|prend fin|se termine|a lieu)", "(renouvellement|echeance) (en|le|dans) #"],
    "threat": ["dernier avertissement", "(la|les) (police|gendarmerie)", "(dernier|ultime) delai"],
    "outage": [
        "(personne|aucun de nous|aucun utilisateur|aucun collaborateur|aucun client|aucun salarie) .. (ne peut|ne peuvent|n'arrive|n'arrivent|ne parvient|ne parviennent|ne pouvons) (plus )?(a |a se |d')?(se connecter|connecter|acceder|ouvrir|travailler|commander|utiliser|charger)",
        "impossible (de|d') (se connecter|nous connecter|me connecter|acceder|travailler|commander|ouvrir le site|ouvrir l'application) ... (pour|a) (tous|toutes|l'ensemble|tout le monde|aucun|chacun)",
        "impossible (de|d') (se connecter|acceder|travailler) (pour|a) (personne|quiconque|aucun)",
        "(erreur|erreurs|code) (500|502|503|504) .. (partout|sur (toutes|chaque|tous)|pour (tous|tout le monde)|a chaque)",
        "(sur|a) (toutes les|chaque) (pages?|requetes?|appels?) .. (erreur|erreurs|500|502|503|504|timeout|echec|echoue|echouent|plante|plantent)",
        "(tout|toute l'equipe|tous nos (collaborateurs|agents|utilisateurs|salaries)|toute la societe|tout le service) (est|sont) (bloque|bloquee|bloques|a l'arret|paralyse|paralysee|paralyses) .. (depuis|ce matin|aujourd'hui)",
        f"{_SYS} (est|sont|etait|etaient|a ete|ont ete|reste|restent|semble|toujours|encore|completement|totalement)? {_DOWN}",
        f"{_SYS} .. (ne repond plus|ne repondent plus|ne charge plus|ne fonctionne plus du tout|ne marche plus du tout|renvoie une erreur (502|503|504))",
        "(panne|pannes) (generale|generales|totale|majeure|reseau|internet|de service|du service|de la plateforme|du site|en cours|chez vous|de votre)",
        "(#|deux|trois|quatre|plusieurs|nombreuses) (pannes|coupures|interruptions)",
        "(grosse|nouvelle|enieme|derniere|cette) (panne|coupure)",
        "coupure (internet|reseau|de (la )?(ligne|connexion|service|fibre|telephone|reseau)|totale|generale)",
        "(connexion|internet|ligne|reseau|fibre|box|telephone|wifi) (est |a ete |sont )?(coupee|coupe|coupes|en panne|hs|tombee|morte)",
        "(personne|aucun utilisateur|aucun collaborateur|aucun de nos .. |aucun salarie|plus personne|aucun client|aucun de nous|nous ne pouvons plus) .. (ne )?(peut|peuvent|parvient|parviennent|arrive|arrivent|pouvons) (plus )?(a )?(se connecter|nous connecter|acceder|travailler|commander)",
        "(nos|les|mes) (clients|utilisateurs|collaborateurs|salaries|equipes) ne (peuvent|peut|parviennent) plus (commander|acheter|payer|se connecter|acceder|travailler)",
        "plus (d'acces|de connexion|d'internet|de reseau|de service|de telephone|de ligne) (du tout|depuis)?",
        "(interruption|indisponibilite) (du|de|de la|totale|generale) (service|plateforme|site)?",
        "erreur (502|503)", "(m'a|m'ont|nous a|nous ont|a ete|ont ete|on m'a|on nous a) (coupe|coupee|suspendu|suspendue) (ma|la|notre|mon|nos) (ligne|connexion|internet|acces|box|telephone|service|fibre)", "(plus rien|rien) ne (fonctionne|marche|repond|charge)", "tout est (bloque|plante|down|en panne|coupe|hs)",
        "(personne|aucun de nous|aucun d'entre nous) ne peut (plus )?travailler", "(activite|production) (a l'arret|bloquee|paralysee|arretee)", "(toutes les|sur toutes les) (pages|requetes)",
        f"{_SYS} .. (est|sont|etait|etaient|a ete|ont ete|reste|restent|semble|est toujours|est encore|est completement|est totalement) {_DOWN}",
        "(down|hors service|hors ligne|inaccessible|inaccessibles|indisponible|indisponibles|injoignable|en panne|hs|coupe|coupee|coupes) depuis (#|ce matin|hier|cette nuit|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|plusieurs|deux|trois|le|la|une|midi|cet apres midi)",
        "(aucun|aucune|plus aucun|plus aucune) (acces|connexion|reseau|service|tonalite) (a|au|aux|depuis|sur)",
        "(tous|toutes) (nos|les|mes) .. (visiteurs|clients|utilisateurs|salaries|collaborateurs) .. (page d'erreur|ne peuvent|bloques)",
        "(err connection|erreur de connexion|delai d'attente depasse|timeout) .. (pour tous|partout|pour tout le monde)",
        "(la|cette|une|grosse|nouvelle|derniere) (panne|coupure) (de|d'|du) (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|ce matin|cette nuit|la nuit|la semaine|#)",
    ],
    "not:outage": [
        "(ne|n') (marche|fonctionne|marchent|fonctionnent) (plus )?comme (avant|d'habitude|il faut)",
        "(pas|plus) (en panne|hors service|down)", "pas d'impact (client|clients|utilisateur|utilisateurs|sur la production|en production)",
        "(lent|lente|lents|lentes) mais (fonctionnel|fonctionne|accessible|utilisable)", "coupure de courant (chez|a la maison|dans)",
        "panne de courant (chez|a la maison|dans)",
    ],
    "security": [
        "(cle api|cles api|cle d'api|jeton|jetons|identifiants|mot de passe|mots de passe|secret|secrets|token) .. (apparait|apparaissent|visible|visibles|expose|exposee|exposes|publie|publiee|publies|accessible|accessibles) .. (public|publique|publiquement|github|gitlab|internet|forum|en clair)",
        "(faux|fausse|fausses) (e mail|e mails|mail|mails|courriel|courriels|message|messages|sms|site|page|appel|facture|lien)",
        "(demandant|demande|demandent|reclamant|reclame|exigeant) (ses|mes|nos|vos|leurs|les|son|mon|votre|notre) (identifiants|mots de passe|mot de passe|codes|code|coordonnees bancaires|numero de carte)",
        "(ont|a|auraient|aurait|avaient|avait) (fuite|ete divulguees|ete divulgees|ete exposees|ete volees|ete derobees)",
        "(donnees|informations|fichiers|identifiants|mots de passe|cles api|cle api|jetons?|base de donnees) .. (en vente|circulent|circule|publiees|publiee|exposees|exposee|visibles publiquement|accessibles publiquement|sur un forum|sur le dark web)",
        "(contourne|contourner|contournement|desactive sans|court circuite) (la |de la |l')?(double authentification|authentification|2fa|mfa|verification en deux etapes)",
        "(connexions?|acces|sessions?|adresses ip|ip) .. (que nous ne|que je ne) (reconnaissons|reconnais) pas",
        "(attaquant|attaquants|pirate informatique|pirates informatiques|cybercriminel|cybercriminels)",
        "(pirate|piratee|pirates|piratees|piratage|hacke|hackee|hacker|hackers|hacking)",
        "(compte|comptes|boite mail|messagerie|site|serveur|donnees|identifiants|mot de passe|carte) .. (compromis|compromise|compromises|pirate|piratee|usurpe|usurpee|vole|volee|voles|volees)",
        "(fuite|fuites|vol|violation) (de|des) (donnees|informations|identifiants|mots de passe|coordonnees)",
        "(donnees|informations|coordonnees|adresse|adresses) .. (exposees|exposee|divulguees|divulguee|fuitees|volees|accessibles a (tous|n'importe qui|d'autres))",
        "(acces|connexion|connexions|activite|transaction|transactions|paiement|paiements|achat|achats|commande|commandes|prelevement|prelevements|virement|virements|reservation|reservations) (non autorise|non autorises|non autorisee|non autorisees|frauduleux|frauduleuse|frauduleuses|suspect|suspects|suspecte|suspectes|inconnu|inconnus|inconnue|inconnues)",
        "(que je n'ai|que nous n'avons|que je n'avais) (jamais|pas) (passe|passee|passees|passes|faite|faites|fait|effectue|effectuee|effectuees|commande|commandee|reserve|reservee|autorise|autorisee)",
        "(quelqu'un|un inconnu|un tiers|une personne) (a|aurait) (utilise|accede|pris le controle|modifie|commande|reserve|change|vole)",
        "(connexion|connexions|acces) (depuis|a partir d') (un autre pays|l'etranger|un appareil inconnu|une adresse inconnue)",
        "(je|nous) ne (reconnais|reconnaissons) pas (ces|cette|ce|les) (transactions|commandes|operations|paiements|achats|prelevements|connexions)",
        "(mot de passe|adresse e mail|adresse mail|email) (a ete|ont ete) (modifie|modifiee|change|changee)", "(carte|carte bancaire) (a ete )?(utilisee|volee|clonee|piratee)",
        "(hameconnage|phishing|usurpation d'identite|rancongiciel|ransomware|logiciel malveillant|malware|virus|cyberattaque|cyber attaque|attaque informatique|faille de securite|faille|vulnerabilite|vulnerabilites|breche de securite|fraude|frauduleux|frauduleuse)",
        "(voir|vois|voyons|voit|affiche|affichent|apparaissent|apparait|visibles?|acces aux?) .. (donnees|comptes|commandes|factures|fiches|informations|dossiers|salaries|clients|documents) (d'autres|d'un autre|d'une autre|de tiers|d'une societe|d'une entreprise)",
        "(e mail|mail|courriel|message|sms|lien|site) (suspect|frauduleux|douteux|bizarre|louche|frauduleuse|suspecte|douteuse)",
        "(ce|cet|le) (e mail|mail|courriel|message|sms|appel) (vient|provient|venait) (il )?(bien |vraiment )?de (vous|chez vous)",
        "(n'est|ne sont) pas (votre|vos|le|un) (domaine|site officiel|adresse officielle)",
        "(je n'ai|nous n'avons) (pas|jamais) clique",
        "(publie|divulgue|expose|affiche|partage) (mon|mes|notre|nos) (adresse|adresses|coordonnees|donnees personnelles|numero|nom complet)",
        "(quelqu'un|un inconnu|un tiers|une personne) (s'est|a) (connecte|connectee|introduit|introduite|accede|pris le controle) .. (mon|notre|mes|nos) (compte|comptes|messagerie|boite)",
        "(connexion|connexions|connecte|connectee) .. depuis (l'etranger|un autre pays|un pays)",
    ],
    "not:security": [
        "(contre|proteger|protegez|proteger contre|protection contre) (le |la |les )?(piratage|phishing|hameconnage|fraude|virus|malware|pirates)",
        "securite sociale", "(parametres|code|question|questions|reglages|options|politique|equipe|service) (de|de la) securite",
        "(anti virus|antivirus|anti fraude|antifraude)", "(depot|caution) de (securite|garantie)",
    ],
    "billing": [
        "(probleme|souci|erreur|erreurs|litige|anomalie) de facturation",
        "(ma|la|votre|cette|une|notre|sa|derniere|premiere) facture", "factures? (n|no|numero) ?#", "facture (erronee|fausse|incorrecte|en double)",
        "(facture|factures|facturee|facturees|facturation|prelevement|prelevements|preleve|prelevee|prelever|prelevez|debite|debitee|debiter|debit) (de |a )?(deux fois|en double|a tort|par erreur|sans|apres|alors|#|malgre)",
        "(vous|on) (m'avez|m'a|nous avez|nous a|continuez de|continuez a) (facture|preleve|debite|prelever|facturer|debiter)",
        "(rembourser|remboursement|remboursements|rembourse|remboursee|remboursez|me rembourser|geste commercial|un geste|avoir de|trop percu|trop paye)",
        "(frais|penalites) (de|d') (resiliation|dossier|service|retard|annulation|livraison|rejet)", "(double|doubles) (prelevement|debit|facturation|paiement)",
        "(augmentation|hausse) (de|du) (prix|tarif|l'abonnement)", "(montant|somme) (de|du) #", "(tva|numero de tva) .. facture",
        "(faire|emettre|etablir|recevoir|obtenir|demander) un avoir",
        "(facture|facturee|facturees|factures|facturees) (mais|alors qu'elles|sans) .. (non |pas )?(livre|livree|livrees|livres|recu|recus|recue)",
        "(bien|pourtant|quand meme) (facture|facturee|facturees|factures|preleve|prelevee)",
    ],
    "not:billing": [
        "(factures|remboursements|paiements|facturation) (de|a|pour|des) (nos|mes) (clients|patients|adherents|locataires)",
        "(module|onglet|section|page|menu|ecran) (de )?(facturation|factures|paiement)",
        "(nos|mes) clients .. (demander|reclamer|exiger|demandent|reclament) (des |un |leur |leurs )?(remboursements?|avoirs?|factures?)",
        "(factures?|avoirs?|devis) (que|qu') (nous|j'|on) (emettons|envoyons|generons|editons|creons|emets|envoie|genere|edite|emet|envoie)",
    ],
    "anger": [
        "(suis|sommes|etes|est|reste|restons) (profondement |vraiment |tres |totalement |absolument |franchement )?(choque|choquee|choques|choquees|scandalise|scandalisee|scandalises|sidere|sideree|consterne|consternee|atterre|atterree)",
        "(profondement|vraiment|totalement|absolument) (decu|decue|decus|degoute|degoutee|indigne|indignee) .. (par|de) (la maniere|la facon|votre|vos|ce|cette)",
        "(vous )?(vous )?(fichez|foutez|moquez|fiche|fout|moque) .. (de vos clients|de nous|de moi|des clients|du monde)",
        "(est|c'est) une (blague|arnaque|honte|catastrophe|plaisanterie|escroquerie)", "(appli|application|logiciel|service|site|outil|produit|support|plateforme) .. (nul|nulle|nuls|nulles)",
        "(inadmissible|inacceptable|scandaleux|scandaleuse|scandale|honteux|honteuse|une honte|c'est une honte|lamentable|deplorable|pitoyable|minable|incompetent|incompetents|incompetente|incompetence|incapables|guignols|clowns|escrocs|escroquerie|escroc|arnaque|arnaqueurs|arnaquer|voleurs|foutez|foutre|se fout|se foutre|vous moquez|se moquer|moquez vous|foutage de gueule|bordel|merde|putain|furieux|furieuse|en colere|enerve|enervee|hors de moi|degoute|degoutee|ecoeure|ecoeuree|outre|outree|indigne|indignee|revolte|revoltee|mepris|meprisant|meprisante|irrespectueux|irrespectueuse|insultant|odieux|odieuse|inqualifiable|catastrophique|desastreux|desastreuse|grotesque|ridicule|absurde|n'importe quoi|mal traite|mal traitee|maltraite|maltraitee|je n'ai jamais vu ca|jamais vu ca|merci pour rien|bravo|inexistant|inexistante|inadmissibles|honteuses|mediocre|nul a chier|se payer ma tete|vous foutez)",
        "(c'est|vous etes|service|support|entreprise) (vraiment |completement |totalement )?(nul|nuls|nulle|une blague|une arnaque|une plaisanterie)",
        "c'est une (blague|plaisanterie|honte|arnaque)", "(vous|tu) plaisantez", "(le|la) pire (service|experience|entreprise|societe|support|service client)",
        "(pire|plus mauvais) (service|experience|entreprise|support|service client)", "de pire en pire",
        "(jamais|pas) (ete|etait) (aussi|si) mal", "jamais (ete|etait) aussi",
        "(c'est|vous etes|c'est completement|c'est vraiment) (fou|dingue|hallucinant|invraisemblable|aberrant|ahurissant|delirant|du grand n'importe quoi|du foutage)",
        "(vous vous moquez|on se moque|vous vous fichez|vous vous foutez) (de|du|des)",
        "(c'est|c est) (inadmissible|honteux|lamentable|scandaleux)",
    ],
    "frustration": [
        "(je|nous) (reviens|revenons) (encore|une nouvelle fois|une fois de plus|a nouveau|de nouveau) vers vous",
        "(j'en ai|on en a|nous en avons) (assez|marre|ras le bol|plus qu'assez)",
        "(jusqu'a|jusqu'au) quand",
        "(ce n'est|c'est pas|ce n est) pas la premiere fois", "et vite", "(commence|commencent|commencer) a faire (beaucoup|long|trop)",
        "toujours (pas|rien|aucun|aucune|le meme|la meme|en attente|bloque|bloquee|sans|pas de)", "(ne|n') .. toujours pas",
        "encore une fois", "une fois de plus", "(pour|c'est) la (deuxieme|troisieme|quatrieme|cinquieme|enieme|#e|#eme) fois",
        "(deuxieme|troisieme|quatrieme|enieme|#e|#eme) (relance|fois|appel|mail|demande|courrier)",
        "(commence|commencer|commencent) a (etre|perdre|devenir|en avoir)", "perdre patience", "(a bout|a bout de nerfs)",
        "(penible|usant|usante|epuisant|epuisante|fatigant|fatigante|agacant|agacante|enervant|enervante|exasperant|exasperante|exaspere|exasperee|insupportable|insupportables|intolerable|lasse|lassee|en ai marre|j'en ai marre|on en a marre|ras le bol|marre|raz le bol|excede|excedee|decourage|decouragee|desespere|desesperee)",
        "(ca|cela) fait (maintenant |deja |plus de |presque )?(#|une|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|plusieurs|quelques) (heure|heures|jour|jours|semaine|semaines|mois)",
        "(depuis|voila|voici) (#|une|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt|plusieurs) (jours|semaines|mois) (que )?(j'attends|nous attendons|on attend|j'attend)",
        "(aucune|sans|pas de) (reponse|nouvelles|nouvelle|retour|solution|suivi)",
        "(personne|nul) (ne|n') (repond|rappelle|m'a rappele|m'a repondu|est venu|vient|bouge|s'en occupe)", "personne n'est venu",
        "(pouvez vous|pourriez vous|allez vous|vous allez|va t on|allez vous) enfin", "enfin une (reponse|solution)",
        "pourquoi (c'est|est ce|est ce que c'est|cela est) (si|aussi|tellement) (complique|long|difficile)", "(c'est|c est) (si|aussi|tellement) (complique|long|difficile)",
        "combien de temps (encore|faut il|dois je|devons nous|va t il)", "qui peut (m'aider|nous aider)",
        "(je|nous) ne (peux|pouvons) (pas|plus) continuer", "(continuer|travailler) comme (ca|cela)", "je n'en peux plus",
        "(j'attends|nous attendons) (toujours|encore|depuis)", "(toujours|encore) en attente",
        "(c'est|ce n'est) (pas )?normal", "(pas|plus) acceptable", "(on|vous) (tourne|tournez) en rond",
        "(on|nous|j'|je) (attend|attendons|attends) (toujours|encore|depuis)",
        "(toujours|encore) (en attente|sans nouvelles|sans reponse|sans solution)",
        "(au moins|a minima|du moins|au minimum) (nous |me )?(dire|repondre|confirmer|indiquer|tenir au courant|donner)",
        "(pouvez vous|pourriez vous) au moins",
        "(rien|aucune nouvelle|aucun retour|plus rien|plus de nouvelles) depuis",
        "(je|nous) ne (sais|savons) (plus )?(quoi|que) faire",
        "faire avancer (le|mon|notre|ce) (dossier|sujet|ticket|probleme)",
        "(c'est|ca fait) (maintenant |deja )?(la )?(deuxieme|troisieme|quatrieme|#e|#eme) (semaine|jour|mois|relance)",
        "(nous sommes|je suis|on est|nous restons) (toujours |completement )?(bloque|bloques|bloquee|bloquees|coince|coinces|dans l'impasse)",
        "(se renvoient|se renvoie|vous renvoyez|on me renvoie) la balle",
        "(aucune|pas de) (date|visibilite|echeance) (precise|claire)?",
        "(j'aimerais|je voudrais|nous voudrions) (enfin|au moins|simplement) (une|un|savoir)",
    ],
    "calm": ["(rien d'urgent|pas urgent|pas d'urgence|sans urgence|aucune urgence|pas presse|quand vous aurez le temps|merci beaucoup|merci infiniment)"],
    "manager": [
        f"(parler|echanger|m'entretenir|nous entretenir|discuter|un echange|un entretien|un rendez vous|un appel|rappele|rappelee|contacte|contactee|recontacte) (avec|a|par|de) (un|une|votre|le|la|son|sa|vos|l'un de vos)? {_BOSS}",
        f"(contact|echange|rendez vous|appel|entretien) avec (un|une|votre|le|la) {_BOSS}",
        f"passez moi (votre|son|sa|un|une|le|la) {_BOSS}", f"(transmettre|transferer|remonter|escalader|faire remonter|soumettre) .. (a|au|aupres de|aupres d'|vers) (un|une|votre|la|le|vos)? {_BOSS}",
        "quelqu'un de plus (experimente|haut place|senior|competent|qualifie)", "(votre|un) (directeur|directrice) (commercial|commerciale|general|generale|du service client|des operations)",
        "(demande|demander|demandons) (d')?escalade", "escalade (svp|s'il vous plait|de ma demande|du dossier)",
        f"(je veux|je voudrais|je souhaite|je souhaiterais|nous voulons|nous souhaitons|j'exige|nous exigeons|je demande) (parler|echanger|m'adresser|un echange|un entretien|un appel)? (a|avec)? (un|une|votre|le|la|son|sa)? {_BOSS}",
    ],
    "repeat": [
        "(deuxieme|troisieme|quatrieme|cinquieme|enieme|#e|#eme) fois que (je|j'|nous|on)",
        "(on m'avait|on nous avait|vous m'aviez|vous nous aviez|on m'a|on nous a) (pourtant |bien )?(promis|assure|garanti|confirme)",
        "(je vous ai|nous vous avons|je l'ai|nous l'avons|on vous a) (deja |bien |pourtant |plusieurs fois )?(appeles|appelee|appelees|contactes|contactee|contactees|ecrit|relances|relancee|prevenus|prevenu|informes|signale|avertis|averti)",
        "(comme|ainsi que) (je vous l'ai|je l'ai|nous vous l'avons|nous l'avons|je vous ai|nous vous avons|on vous l'a) (deja |bien |pourtant )?(dit|indique|explique|signale|mentionne|precise|ecrit|expose)",
        "(le|la|les|un|une|mon|ma|mes|votre) (rappel|retour|reponse|remboursement|intervention|technicien|geste commercial|avoir|appel|mail|devis|colis de remplacement) (promis|promise|promises|annonce|annoncee|prevu par)",
        "(promis|promise|annonce|annoncee) (par|au telephone|lors de) (votre|le|la|un|une|mon|l'|vos|au)",
        "(je vous|nous vous) (ai|avons) (deja )?(envoye|adresse|ecrit|transmis) (plusieurs|#|deux|trois|quatre|de nombreux|maints) (mails|e mails|messages|courriers|courriels|relances|emails)",
        "(je|nous) (reviens|revenons|me permets de revenir|reviens encore|reviens une nouvelle fois) vers vous",
        "(deja|a nouveau|de nouveau|plusieurs fois|maintes fois) (signale|signalee|remonte|remontee|declare|declaree|reclame|reclamee|demande|demandee) (a|au|aupres de|par) (vos|votre|vous|le support|votre service)",
        "(j'ai|nous avons|je vous ai|nous vous avons|on vous a|je l'ai|je vous l'ai|nous l'avons) (deja |bien |pourtant )?(appele|ecrit|envoye|contacte|signale|relance|telephone|explique|demande|reclame|adresse|transmis|fait une demande|ouvert un ticket|ouvert une demande|fait un ticket)",
        "(j'ai|nous avons) (deja )?(appele|ecrit|telephone|relance) (#|deux|trois|quatre|plusieurs) fois",
        "(#|deux|trois|quatre|cinq|plusieurs|nombreux|nombreuses|mes|nos) (mails|e mails|emails|courriels|appels|courriers|relances|messages|lettres|tickets) (plus tard|restes|sont restes|sans|de relance|envoyes)?",
        "(mes|nos) (courriers|mails|messages|appels|emails|e mails|relances|lettres) (du|des|precedents|restes)",
        "(mon|mes|notre|nos) (precedent|precedents|dernier|derniers|premier|premiers|ancien) (mail|mails|message|messages|appel|appels|courrier|courriers|echange|echanges|ticket|tickets)",
        "suite a (notre|mon|votre|nos|mes) (echange|echanges|appel|appels|conversation|entretien|mail|courrier|message|demande|ticket)",
        "(relance|relancer|relancerai|relances)", "(c'est|pour) la (deuxieme|troisieme|quatrieme|cinquieme|enieme|#e|#eme) fois que (je|j'|nous)",
        "(comme|ainsi que) (je vous l'ai|je l'ai|nous l'avons|deja) (dit|indique|explique|signale|mentionne|precise)",
        "(votre|la|le|un|une) (conseiller|conseillere|collegue|technicien|agent|service client|hotline|operateur|operatrice|interlocuteur|interlocutrice) .. (m'a|nous a|m'avait|nous avait) (dit|indique|promis|raccroche|repondu|assure|expose)",
        "(on|vous) (m'a|m'avez|nous a|nous avez) (dit|promis|repondu|raccroche|assure|indique)", "raccroche au nez", "m'a raccroche",
        "(restes|reste|restee|restees) sans (reponse|suite)", "(ticket|dossier|demande|reclamation) (n|no|numero)? #",
        "(nous avons|j'ai|on a|nous l'avons|je l'ai) (deja |pourtant |bien |plusieurs fois )?(remonte|signale|escalade|souleve|evoque|mentionne|expose|rapporte) (le|ce|cet|ces|les|la|cette|ce meme) (probleme|point|sujet|bug|incident|anomalie|souci|demande|dysfonctionnement)",
        "comme (indique|mentionne|precise|explique|signale|dit|convenu|demande|evoque|ecrit) (dans|par|lors de|lors du|au|precedemment|plus tot|hier|la semaine|dans mon|dans notre)",
        "(dans|par) (mon|notre|mes|nos) (ticket|tickets|mail|mails|message|messages|courriel|courriels|appel|precedent|dernier|demande) (du|de|d'|precedent|precedente|numero|#)",
        "(lors de|pendant|a chacun de|a chacune de) (nos|notre|mes|chaque) .. (points|point|reunions|reunion|appels|appel|echanges|rendez vous|comites|comite)",
        "(rebonjour|re bonjour)",
        "(je vous|nous vous) (relance|relancons|recontacte|reecris|ecris a nouveau|ecris de nouveau|redemande)",
        "(j'ai|nous avons) (deja )?(ouvert|cree|depose|envoye) (deux|trois|plusieurs|#|un|une) (tickets?|demandes?|reclamations?|mails?)",
        "(on me|on nous) (repond|repete|dit) (a chaque fois|toujours|systematiquement)",
    ],
    "lawyer": [
        "(mon|notre) (avocat|avocate|conseil juridique|conseil)",
        "(au|aux) (tribunal|tribunaux)",
        "tribunal (judiciaire|d'instance|de proximite|de grande instance)",
        "(un|le|en) proces",
        "ordonnance (du|de) (tribunal|juge|refere|president)",
        "(cabinet d'avocats|commissaire de justice|decision de justice|jugement du tribunal|procedure judiciaire)",
    ],
    "not:legal": [
        "(notre|mon|le|la|nos) (avocat|avocate|avocats|service juridique|juriste|juristes|direction juridique|conseil juridique) (nous |me )?(demande|demandent|a demande|ont demande|souhaite|souhaitent|voudrait|aimerait|a besoin) .. (copie|contrat|dpa|conditions|cgv|cgu|document|documents|liste|clause|clauses|acces|signature|attestation|politique)",
        "(je suis|nous sommes) (avocat|avocate|avocats|un cabinet d'avocats|notaire)",
        "(notre|mon) cabinet (d'avocats )?(utilise|utilisons|a|souhaite|voudrait)",
        "(plainte|plaintes) (aupres|a) (de la|du|de l'|des|la|le|l') .. (cnil|dgccrf|arcep|acpr|amf|mediateur|autorite|regulateur|defenseur|association)",
    ],
    "press": [
        "(journaliste|journalistes|la redaction|demande de reaction|reportage televise|emission televisee)",
    ],
    "media": [
        "(j'ai|nous avons|on a|j'avais|nous avions) (deja |bien )?(laisse|publie|poste|ecrit|mis|partage|depose|donne|redige) .. (avis|commentaire|post|message|video|note|temoignage|publication|tweet)",
        "(avis|commentaire|note) .. (laisse|publie|poste|depose) (sur|a) (google|trustpilot|facebook|twitter|x|instagram|linkedin|tripadvisor|les reseaux sociaux|internet)",
    ],
    "platform": [
        "(avis|note) (# etoiles?|une etoile|deux etoiles|negatif|public)",
        "que choisir",
    ],
    "not:regulatory": [
        "(conformite|conforme|mise en conformite|clause|clauses|sous traitance|dpa|accord de traitement) .. rgpd",
        "rgpd (compliant|conforme)",
    ],
    "not:anger": [
        "en catastrophe",
    ],
    "not:media": [
        "# (journalistes|redactions)",
        "(communique de presse|fichier presse) .. (journalistes|redactions)",
    ],
    "sarcasm": [
        "(vous avez|vous etes|vous avez encore|vous avez meme) (reussi|arrive|parvenu|parvenus) a (perdre|casser|bloquer|supprimer|facturer|abimer|egarer|oublier)",
        "(felicitations|chapeau bas|chapeau|quel professionnalisme|bel exploit|beau travail|du beau travail|joli travail|bien joue|super boulot)",
        "(quel|quelle) (service|accueil|professionnalisme|suivi|serieux|reactivite) (exemplaire|remarquable|formidable|irreprochable|exceptionnel|au top)",
    ],
}

# The fourth version: families of phrasing found missing by fresh practice messages (see docs/reading.md).
_FOURTH: dict[str, list[str]] = {
    "anger": [
        "(quelle|c'est quoi cette|mais quelle) (blague|honte|arnaque|plaisanterie|mascarade|farce|catastrophe|incompetence|galere|horreur)",
        "(hallucine|hallucinant|hallucinante|on croit rever|un cauchemar|un vrai cauchemar|c'est la cata)",
        "(la )?goutte d'eau (qui fait deborder|de trop)", "(la )?(derniere|ultime) goutte",
        "(vous|tu) (devriez|devrait) avoir honte", "(honte a vous|quelle honte|aucune honte)",
        "(hors de moi|fou de rage|folle de rage|furax|en colere|en rogne|excede|excedee|ecoeure|ecoeuree|revolte|revoltee|outre|outree|indigne|indignee|atterre|atterree|degoute|degoutee|fulmine)",
        "(irrespectueux|irrespectueuse|mepris|meprisant|meprisante|malhonnete|malhonnetes|voleurs|arnaqueurs|escrocs|bande de|debiles|nullite|nullissime|catastrophique|desastreux|desastreuse|honteusement|inqualifiable|indigne|ridicule|grotesque|absurde|aberrant|n'importe quoi|foutage de gueule|se foutre de|on se fout|bordel|merde|putain|fait chier|ras le cul)",
        "(vous )?(nous|me) (prenez|prend|prennent) pour (des|un|une) (imbeciles|idiots|cons|pigeons|vaches a lait|abrutis|idiot|imbecile|con|pigeon)",
        "(traite|traitee|traites|traitees|traiter) comme (un|une|des) (moins que rien|chien|chiens|idiot|idiots|pigeon|pigeons|numero|criminel|criminels)",
        "(vous m'avez|vous nous avez) (menti|mentis|arnaque|arnaquee|arnaques|vole|volee|voles|escroque|roule|roulee|roules)",
    ],
    "frustration": [
        "(je|nous) (tourne|tournons|tournes) en rond", "(on|vous) (me|nous) (balade|baladez|promene|promenez|renvoie|renvoyez)",
        "(epuise|epuisee|epuises|lessive|lessivee|a bout|decourage|decouragee|desespere|desesperee|desabuse|desabusee|excede|excedee|agace|agacee|energe|enerve|enervee)",
        "(cela|ca) fait (maintenant |deja |plus de |plus |presque |bientot |pres de )?(d'un|d'une|#|une|un|deux|trois|quatre|cinq|six|plusieurs|quelques) (mois|semaine|semaines|jour|jours) (que|qu')",
        "(ca|cela|le dossier|mon dossier|le probleme) (traine|dure|s'eternise) (depuis|trop|beaucoup|encore)", "depuis (trop|bien trop|si) longtemps",
        "(personne|aucun de vos|aucun conseiller|aucun technicien) (ne|n') (semble|semblent|parait|paraissent|est|sont) (capable|capables|en mesure|au courant)",
        "(faire le necessaire|regler ca|regler ce probleme|traiter ma demande|me repondre) (rapidement|au plus vite|des que possible|de toute urgence|en urgence|sans delai|immediatement|aujourd'hui)",
        "(quand|quand est ce que) (allez vous|vous allez|est ce que vous allez|comptez vous|pensez vous) (enfin )?(regler|repondre|reparer|corriger|rembourser|intervenir|traiter|faire)",
        "(j'ai|nous avons|on a) (perdu|passe) (des heures|une heure|deux heures|ma journee|ma matinee|mon apres midi|un temps fou|un temps precieux|des jours)",
        "(encore|a nouveau|de nouveau) (une|un) (panne|coupure|bug|erreur|probleme|retard|souci|fois)", "(ras le bol|y en a marre|marre de|assez de)",
        "(vraiment|tres|super|franchement) (penible|agacant|agacante|enervant|enervante|frustrant|frustrante|decevant|decevante|lourd)",
        "(frustrant|frustrante|frustre|frustree|decevant|decevante|inadmissible de devoir)",
    ],
    "threat:legal": [
        "(courrier|lettre|mail|appel|assignation|mise en demeure|recommande) (de|d'un|d'une|du|par) (mon|notre|un|une) (avocat|avocate|avocats|conseil|huissier|juriste|cabinet d'avocats)",
        "(envisage|envisageons|envisager|reflechis a|etudie|etudions) (une|des|de|d') (action|actions|poursuites|procedure|recours) (en justice|judiciaire|judiciaires|juridique)?",
        "(je|nous) (me|nous) (reserve|reservons) (le droit|la possibilite) (d'engager|de saisir|d'intenter|de poursuivre|d'agir|de porter)",
        "(mon|notre) (avocat|avocate|conseil) (est|a ete|sera) (saisi|saisie|mandate|mandatee|informe|informee|en copie)",
        "(je|nous) (transmets|transmettons|confie|confions|remets|remettons|envoie|envoyons) .. (a|au) (mon|notre|un|une)? (avocat|avocate|avocats|service juridique|huissier|juriste)",
    ],
    "threat:media": [
        "(partager|partagerai|partage|publier|publierai|poster|posterai|diffuser|diffuserai|mettre|mettrai|balancer|balancerai) (cette|ces|la|les|nos|vos|mes|tout|toute) .. (conversation|conversations|echanges|echange|captures|capture|screenshots|mails|emails|reponses|histoire) .. (sur|partout|en ligne)",
        "(un|des|mes) (avis|commentaire|commentaires|notes?) .. (une|1|zero|0) etoile",
        "(une|1|zero|0) etoile (partout|sur)", "(faire|ferai|publier|poster|rediger|ecrire) (un|une) (post|publication|thread|video|article|story) (linkedin|facebook|instagram|tiktok|youtube|sur)",
        "(tout le monde|mes (abonnes|followers|amis|proches|contacts|clients|collegues)|mon reseau|mon entourage|les gens) (va|vont|doit|doivent|devrait|devraient|sauront|saura|seront|sera) (savoir|etre au courant|au courant|connaitre|entendre parler|apprendre|prevenu|prevenus)",
        "(contacter|contacterai|alerter|alerterai|prevenir|previendrai|ecrire a|ecrirai a|appeler|appellerai|saisir) (des|les|un|une|la) (journalistes|journaliste|presse|medias|media|redaction|television|tele|radio|emission)",
    ],
    "threat:regulatory": [
        "(saisir|saisirai|saisirons|saisis|contacter|contacterai|ecrire|ecrirai|signaler|signalerai|alerter|alerterai|plainte|plaintes|recours) .. (le|la|l'|au|a la|aupres de la|aupres du|aupres de l')? (mediateur|mediatrice|ufc|ufc que choisir|signal conso|signalconso|autorite|association de consommateurs|defenseur des droits|repression des fraudes)",
        "(signalement|signaler|signalerai|plainte) (sur|a|aupres de|via) (signal conso|signalconso)",
    ],
    "regulator": ["(signal conso|signalconso|ufc que choisir|ufc|mediateur|mediatrice)"],
    "threat:churn": [
        "(sinon|si (ca|cela|rien) (continue|ne change pas|change pas|recommence|se reproduit)|encore une (panne|coupure|erreur|fois)) .. (je|nous|on) (change|changeons|changerai|changerons|resilie|resilions|resilierai|resilierons|pars|partons|partirai|partirons|quitte|quittons|vais voir|irai voir|irons voir|allons voir)",
        "(aller|irai|irons|vais|allons) voir ailleurs", "(changer|change|changerai|changerons|changeons) (d'operateur|de fournisseur|de prestataire|de banque|de crémerie|de cremerie)",
    ],
    "churn": [
        "(je|nous|on) (resilie|resilions|resilierai|resilierons|arrete|arretons|quitte|quittons|change|changeons) (tout|tout de suite|immediatement|et|si|d'operateur|de fournisseur)",
    ],
    "outage": [
        f"{_SYS} .. (est|sont|etait|a ete) (en rade|plante|plantee|plantes|a plat|mort|morte|au tapis|dans les choux|hors d'usage)",
        "(plus aucun|aucun|aucune|plus un seul|pas un seul) (client|clients|utilisateur|utilisateurs|visiteur|visiteurs|salarie|salaries|collaborateur|collaborateurs|agent|agents|poste|postes|magasin|magasins) (ne|n') (peut|peuvent|arrive|arrivent|parvient|parviennent) (plus )?(a )?(passer commande|commander|payer|se connecter|acceder|travailler|encaisser|appeler|ouvrir)",
        "(reseau|internet|fibre|ligne|electricite|service|telephone) .. (completement |totalement |entierement )?(tombe|tombee|coupe|coupee|HS|en panne) (dans|sur|pour) (tout|toute|toutes|tous|l'ensemble)",
        "impossible (de|d') (se connecter|acceder|travailler|commander|payer) (pour|a) (l'ensemble|tous|toutes|tout le monde|chacun|aucun)",
    ],
    "security": [
        "(achats|commandes|paiements|virements|prelevements|operations|transactions|reservations) (que|qu') (je|nous) (n'ai|n'avons|n'avais|n'avions) (pas|jamais) (fait|faits|faites|effectue|effectues|effectuees|passe|passes|passees|autorise|autorises|autorisees)",
        "(quelqu'un|une personne|un inconnu|un tiers|des inconnus) (s'est|se sont|a|ont) (connecte|connectes|connectee|acces|accede|utilise|pirate|change|modifie|commande)",
        "(sans mon|sans notre) (autorisation|accord|consentement) .. (connecte|connexion|acces|utilise|modifie|change|commande|achat|achats|prelevement)",
        "(donnees|coordonnees|informations|mots de passe|identifiants) .. (ont |a )?(fuite|fuitees|fuites|retrouvees|retrouves|publiees|publies|en vente|divulguees|divulgues|exposees|exposes) .. (forum|internet|dark web|darknet|en ligne|publiquement)",
        "(fuite|fuites) de (donnees|donnee|mots de passe|identifiants)", "(hameconnage|hameconne|hameconnee|phishing|arnaque au|usurpation d'identite|usurpe|usurpee)",
    ],
    "not:security": ["(des|bande d'|bande de|vous etes des|quels) (escrocs|arnaqueurs|voleurs)"],
}
_FOURTH.setdefault('outage', []).extend([
    "(plus aucun|plus aucune|aucun|aucune) (ligne|ligne telephonique|lignes|poste|postes|telephone|telephones|terminal|terminaux|caisse|caisses|ordinateur|ordinateurs) .. (ne|n') (fonctionne|fonctionnent|marche|marchent|repond|repondent|passe|passent)",
    '(messagerie|mails|e mails|courriels|telephone|telephones|lignes|internet|reseau|site|application|caisses) (ne )?(fonctionne|fonctionnent|marche|marchent) plus (du tout|depuis|pour personne|nulle part)',
])
_FOURTH.setdefault('threat:legal', []).extend([
    "(j'ai|nous avons|avons|ai) (saisi|assigne|attaque|poursuivi) (le|la|les|votre|vous)? (tribunal|tribunaux|justice|juge|societe|prud'hommes)",
    '(assignation|citation a comparaitre|requete au tribunal|injonction)',
])
_FOURTH.setdefault('manager', []).extend([
    '(mettre|mettiez|mettez|mette) (me |nous )?en (relation|contact) avec (un|une|votre|le|la|vos) .. (responsable|superieur|manager|directeur|directrice|chef|superviseur)',
])
_FOURTH.setdefault('frustration', []).extend([
    "(#|deux|trois|quatre|cinq|six|plusieurs|quelques|dix|quinze) (jours|semaines|mois|heures) (que|qu') (j'attends|nous attendons|on attend|j'attend|je patiente|nous patientons|je relance|j'essaie)",
    '(faire|faites) (vite|au plus vite|rapidement)',
    '(lassant|lassante|lassants|lassantes|usant|usante)',
    '(le temps long|trouve le temps long|trouver le temps long)',
])
_FOURTH.setdefault('security', []).extend([
    "(adresse mail|adresse e mail|e mail|email|mot de passe|numero de telephone|iban|rib|coordonnees bancaires) (de mon compte |de notre compte |du compte )?(a ete|ont ete|a|ont) (modifie|modifiee|modifies|change|changee|changes|reinitialise|reinitialisee) .. (pas moi|sans (mon|notre) (accord|autorisation|consentement)|par quelqu'un|a mon insu)",
    "(ce n'est pas moi|ce n'etait pas moi|ce n'est pas nous|ce n'etait pas nous|je n'ai rien (fait|demande|modifie)|a mon insu|a notre insu)",
])
_FOURTH.setdefault('churn', []).extend([
    '(regardons|regarde|regarder|regarderons|chercher|cherchons|cherche|chercherons|etudions) (serieusement |activement |deja |donc )?ailleurs',
])
_FOURTH.setdefault('outage', []).extend([
    '(jour|jours|semaine|semaines|heures) sans (fibre|internet|connexion|ligne|telephone|reseau|tele|tv|television|wifi|tonalite)',
])
_FOURTH.setdefault('frustration', []).extend([
    "(deuxieme|troisieme|quatrieme|cinquieme|#e|#eme) (jour|semaine) (sans|que|d'attente|de suite)",
    '(ca|cela) suffit',
])
_FOURTH.setdefault('threat:churn', []).extend([
    '(passe|passer|passerai|passerons|passons|vais|irai|irons|allons|pars|partir|partirai|partirons) (a|chez|vers) la concurrence',
])
_FOURTH.setdefault('frustration', []).extend([
    "(ne peut|ne peux|ne pouvons|ne peuvent|n'arrive|n'arrivons|impossible de) (pas|plus) (travailler|continuer|fonctionner|vivre|avancer) (comme|dans ces conditions)",
    "(il faut|il nous faut|il me faut|on veut|on attend|j'attends|nous attendons) (une|un) (vraie|veritable|vrai|reelle|reel) (solution|reponse|correctif)",
])
_FOURTH.setdefault('media', []).extend([
    '(redige|ecris|prepare|preparons|realise|realisons|travaille sur) (un|une) (article|reportage|enquete|sujet|papier|chronique|dossier) (pour|sur|dans|consacre)',
])
_FOURTH.setdefault('anger', []).extend([
    "(bons a rien|bon a rien|tocards|branquignols|bande d'incapables|bande de nuls|des nuls|vraiment nuls)",
    '(vaste|grosse|sacree|belle|triste|mauvaise) (blague|plaisanterie|farce|arnaque|fumisterie|mascarade)',
])
_FOURTH.setdefault('frustration', []).extend([
    '(repondre|repondez|reagir|reagissez|rappeler|rappelez|rembourser|remboursez|intervenir|intervenez|traiter|traitez) (moi |nous )?enfin',
    'enfin (me |nous )?(repondre|reagir|rappeler|rembourser|intervenir|traiter)',
])
_FOURTH.setdefault('outage', []).extend([
    "(caisses|terminaux|tpe|postes|ordinateurs|telephones|lignes|serveurs|sites|magasins|boutiques) (ne )?(fonctionne|fonctionnent|marche|marchent|repond|repondent) plus (dans|sur|pour) (aucun|aucune|tous|toutes|l'ensemble)",
])
for _category, _cues in _FOURTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# The fifth version: the kinds the sealed set of the fourth found missing (docs/reading.md).
CONTACTS = "ecri ecrit mail courriel appel relanc demand sollicit contact signal rappel"
SEQUELS = "apres ensuite passe_ce_delai passe_cette_date au_dela faute_de_quoi a_defaut apres_quoi"
_FIFTH: dict[str, list[str]] = {
    "threat": [
        "(vous allez|vous|allez) entendre parler de (nous|moi)", "vous entendrez parler de (nous|moi)",
        "vous aurez de (mes|nos) nouvelles",
        "(n'en|ne va pas en|ne vont pas en|ne vais pas en|n'allons pas en) (resterai|resterons|restera|resteront|rester) (pas )?la",
        "(ne|n') (s'arretera|s'arreteront|se terminera|s'arrete) pas la",
    ],
    "threat:media": [
        "(je connais|nous connaissons|on connait|j'ai des amis|j'ai des contacts|nous avons des contacts|j'ai un ami|j'ai une amie) (du monde |des gens |quelqu'un |des journalistes |bien )?(au|a la|dans la|dans les|chez|a|aux|en) (journal|journaux|presse|tele|television|radio|redaction|parisien|figaro|monde|liberation|ouest france|france #|tf1|m6|bfm|que choisir)",
    ],
    "outage": [
        "(page|pages|site|appli|application|ecran|ecrans|espace client|tout) (tourne|tournent|charge|chargent|mouline|moulinent|rame|rament) (dans le vide|en boucle|sans fin|indefiniment|a l'infini|sans jamais)",
        "(appels|appelants|lignes) .. (tombent|sonnent|arrivent|basculent|partent) (directement |tous )?(sur|dans) (une|la|le) (tonalite occupee|occupe|vide|silence)",
    ],
    "security": [
        "(reinitialisation|mot de passe|code|lien|sms|alerte|notification|connexion|demande) ... (que|qu') (je|nous|j') (n'ai|n'avons|n'avais|n'avions) (jamais|pas) (demande|demandee|demandes|demandees|sollicite|sollicitee|initie|initiee|fait|faite)",
    ],
    "frustration": [
        "combien de fois (faut il|faudra t il|faudrait il|faut|faudra|faudrait|dois|devrai|devrons|devons|vais|allons|encore|devrais)", "trop c'est trop",
        "(ca|cela|la situation|ce probleme|cette histoire) (a |n'a que trop )?(assez|trop) dure",
    ],
    "churn": [
        "(devoir|allons devoir|vais devoir|devrons|devrai|obliges de|obligee de|oblige de|contraints de|forces de|il faudra|il va falloir) (etudier|envisager|regarder|chercher|explorer|considerer|evaluer|trouver|aller voir) (d'autres|une autre|un autre|ailleurs|des alternatives|la concurrence)",
        "(etudier|envisager|chercher|explorer|evaluer|regarder|comparer) (d'autres|des|les) (prestataires|fournisseurs|operateurs|solutions concurrentes|offres concurrentes|alternatives)",
        "(reexamin*|reconsider*|reevalu*|revoir|revoyons|repensons|remettons en question|remettre en question) (notre|mon|le|nos|la) (contrat|abonnement|partenariat|collaboration|relation)",
    ],
    "nth": ["(la|pour la) (deuxieme|troisieme|quatrieme|cinquieme|sixieme|#e|#eme|enieme|ennieme|centieme) fois"],
}
for _category, _cues in _FIFTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Sixth version: families told by a subject and an effect anywhere in one sentence (pairs, see lexicon/__init__).
_MANY = ("(utilisateurs?|clients?|collaborateurs?|collegues|salaries?|employes?|agents?|conseillers?|appels?|postes?|"
         "terminaux|caisses?|boutiques?|magasins?|agences?|patients?|appareils?|scanners?|telephones?|caissiers|caissieres|"
         "infirmieres|infirmiers|medecins|chauffeurs|techniciens|vendeurs|vendeuses|eleves|etudiants)")
_SIXTH: dict[str, list[str]] = {
    "press": ["(youtubeur|youtubeuse|influenceur|influenceuse|podcasteur|createur de contenu|creatrice de contenu)", "(redacteur|redactrice) (a|au|chez|pour)"],
    "lawyer": [
        "(mon|notre|votre|nos|vos|son|leur) (avocat|avocate|avocats|juriste|juristes|conseil juridique)",
        "(huissier|huissiers|commissaire de justice)",
        "(procedure|action|decision|ordonnance|requisition) (judiciaire|de justice|du juge)", "(conseil de prud'hommes|prud'hommes)",
    ],
    # The customer's own letters as a product feature: a template of a formal notice is no notice.
    "not:legal": ["(modele|modeles|gabarit|template) .. mise en demeure"],
    "pair:outage:1a": [
        f"(tous|toutes|aucun|aucune|chacun|chacune|l'ensemble) .. {_MANY}",
        "(personne ne|personne n'|tout le monde|toute l'equipe|toute la boite|tout le bureau|toute l'entreprise|toute la societe|nul ne)",
    ],
    "pair:outage:1b": [
        "(ne peut|ne peuvent|ne pouvons|n'arrive|n'arrivent|n'arrivons|impossible|incapables?|ne parvient|ne parviennent|ne parvenons|plus) .. "
        "(se connecter|connecter|nous connecter|acceder|joindre|synchroniser|payer|passer (de )?commandes?|passer (des |les )?appels|appeler|recevoir (d'|des )?appels|s'identifier|s'authentifier)",
        "erreur (502|503|504)", "(renvoie|renvoient|retourne|retournent|affiche|affichent|obtient|obtiennent|tombe sur|tombent sur) .. (502|503|504|service unavailable)",
        "(sonne|sonnent|tombe|tombent) (occupe|sur (la )?messagerie|dans le vide)",
        "(revient|reviennent|renvoie|renvoient|ramene|ramenent) .. (a la page|a l'ecran|au formulaire) (de )?(connexion|login|d'identification)",
    ],
    # The line itself told as absent: "toujours pas de connexion depuis lundi".
    "outage": [
        "(toujours pas|plus) (de |d')(connexion|internet|reseau|tonalite|ligne)", "pas (de |d')(connexion|internet|reseau|tonalite) depuis",
    ],
}
for _category, _cues in _SIXTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Seventh version: security as the customer tells it (a stranger and an act on the account, data seen by another
# customer, codes never asked for, fraud on a charge) and regulators by their titles.
_INCONNU = ("(quelqu'un|un inconnu|une inconnue|des inconnus|un tiers|une tierce personne|une personne inconnue|"
            "un pirate|des pirates|un fraudeur|des fraudeurs|un usurpateur)")
_MES = ("(mes|nos|ma|mon|notre) (factures?|donnees|coordonnees|documents|commandes|informations|releves|adresse|rib|iban|"
        "fiches de paie|bulletins de salaire|papiers|piece d'identite|dossier|contrat)")
_SEVENTH: dict[str, list[str]] = {
    "pair:security:1a": [_INCONNU],
    "pair:security:1b": [
        "(connecte|connectee|connectes|introduit|entre) (a|sur|dans) (mon|notre|ma) (compte|espace|profil|messagerie|boite)",
        "(change|modifie|reinitialise|remplace|supprime|desactive) .. (mot de passe|adresse e mail|adresse mail|e mail|email|numero de telephone|rib|iban|coordonnees bancaires|adresse de livraison|double authentification)",
        "(commande|commandes|achat|achats|achete|commandé|reserve|vire|virement|retire) .. (a|en|sur|avec) (mon|notre|ma) (nom|compte|carte|espace)",
        "(a|en) (mon|notre) nom", "(se fait|se faisait|s'est fait|se faisant|se font) passer pour (moi|nous)", "(usurpe|usurpation) .. (mon|notre|d')? ?identite",
        "(vide|vider|vidé) (mon|notre) (compte|porte monnaie|portefeuille|cagnotte)",
    ],
    "pair:security:2a": ["(un autre client|une autre cliente|d'autres clients|un autre utilisateur|une autre personne|un inconnu|une inconnue|un parfait inconnu|le mauvais destinataire|un mauvais destinataire)"],
    "pair:security:2b": [
        f"(voit|voyait|a vu|voient|recoit|recevait|a recu|ont recu|peut voir|pouvait voir|accede a|avait acces a|a acces a) (toutes |tous )?{_MES}",
        f"{_MES} (envoyee?s?|transmise?s?|adressee?s?|expediee?s?) (a|au|chez)",
        "(j'ai|nous avons|on a) recu (la|les|une|des) (facture|factures|donnees|documents|commande|commandes|releve|releves|fiche de paie|fiches de paie|coordonnees|contrat|dossier)",
        "(je vois|je voyais|nous voyons|on voit|s'affiche|s'affichent|apparait|apparaissent) .. (la|les|une|des) (facture|factures|donnees|commandes|coordonnees|informations) (d'un|d'une|d'autres)",
    ],
    "pair:security:3a": ["(code|codes|sms|lien|liens|e mail|e mails|mail|mails|courriel|courriels|demande|demandes) (de )?(verification|confirmation|securite|connexion|reinitialisation|validation)",
                         "(reinitialisation|reinitialisations) (du |de )?(mot de passe|mdp)"],
    "pair:security:3b": ["(je|nous) (n'ai|n'avons|n'avais|n'avions) (jamais|pas|rien) (demande|sollicite|fait|lance|effectue)", "(jamais|pas) demande (par moi|par nous)?", "que je n'ai pas demande"],
    "security": [
        "(prelevement|prelevements|paiement|paiements|debit|debits|achat|achats|transaction|transactions|virement|virements|retrait|retraits|operation|operations) (frauduleux|frauduleuse|frauduleuses|frauduleuses)",
        "(fraude|escroquerie) (a|sur) (ma|mon|notre) (carte|compte)",
    ],
    "not:security": [
        f"(si|quand|lorsque|est ce que|comment|pour que|afin que|pourriez|pouvez) {_INCONNU}",
        "quelqu'un (de|chez|dans) (votre|vos|chez vous|l'equipe|le service|votre equipe|votre service|chez)",
        "quelqu'un (peut|pourrait|pourra)",
    ],
    "regulator": [
        "(commission nationale de l'informatique|autorite de regulation des communications|arcom|banque de france|autorite de controle prudentiel|"
        "mediateur national de l'energie|mediateur des communications electroniques|mediateur de l'assurance|mediateur bancaire|mediateur de la consommation|"
        "direction generale de la concurrence|dgccrf|direction departementale de la protection des populations|ddpp|autorite des marches financiers|"
        "defenseur des droits|autorite de protection des donnees|association de consommateurs|clcv)",
    ],
    # Bodies of redress (ombudsmen, consumer offices and associations, mediators): named about the customer's own
    # case, the regulatory matter by themselves; a threat when announced, under a condition or lodged as a complaint.
    "redress": [
        "(le|au) mediateur (de la consommation|des communications|de l'energie|bancaire|de l'assurance)",
        "repression des fraudes",
        "association de consommateurs",
    ],
    "regulatory": [
        "(demande|droit|exercice (de mon|du) droit) (d'acces|d'effacement|de suppression|de portabilite|de rectification|d'opposition) .. (donnees|rgpd|article)",
        "(articles?|art) # .. rgpd",
    ],
}
for _category, _cues in _SEVENTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Tenth version: security, media, outage and legal matters told in everyday words, with the counter-cues of their
# lures (docs/reading.md); written on the misses of practice sets E-G and training sets A-E, never on H or J.
_EIGHTH: dict[str, list[str]] = {
    "legal": [
        "(j'interviens|nous intervenons) pour le compte de",
        "(avocat|avocate) au barreau",
        "(je represente|nous representons) (m|mme|monsieur|madame|mon client|ma cliente|la societe)",
        "je porte plainte",
    ],
    "not:legal": [
        "(notre|nous sommes un|je travaille dans un|pour un) (petit )?cabinet d'avocats",
    ],
    # The product asked about working offline: "Does the app work without internet on a plane?"
    "not:outage": [
        "(fonctionne|fonctionnent|fonctionner|marche|marchent|utiliser|utilisable|enregistre|synchronise|disponible) .. sans (internet|connexion|reseau|wifi|donnees)",
    ],
    "outage": [
        "(je n'ai plus|j'ai plus|on n'a plus|on a plus|nous n'avons plus|il n'y a plus|y a plus) (d'|de |du |le |la |l')?(internet|tele|television|telephone|reseau|electricite|courant|eau|ligne|wifi|connexion)",
        "(jours|heures|semaines|mois|journee|soiree|nuit|jour|semaine) sans (internet|tele|television|telephone|telephone fixe|reseau|electricite|courant|eau|ligne|wifi|connexion|teleassistance)",
        "(zero|aucun|pas de) reseau (chez|depuis|dans)",
        "(serveurs|serveur|site|appli|application|plateforme|box|reseau) (en rade|hors service)",
        "(internet|ligne|connexion|box|tele|telephone) (marche pu|marche plus|ne marche plus|fonctionne plus|ne fonctionne plus) (depuis)?",
        "(vous m'avez|on m'a|vous nous avez) coupe (la ligne|internet|le telephone|l'electricite|le courant|l'eau)",
        "(caisses|terminaux|tpe|terminal de paiement|terminaux de paiement) .. (n'acceptent plus|n'accepte plus|ne fonctionnent plus|ne fonctionne plus|en panne|hors service)",
        "(ligne|internet|connexion|courant|electricite|service|reseau) (n'est pas|ne soit pas|n'est toujours pas) (retablie|retabli|revenue|revenu)",
    ],
    "media": [
        "(j'envoie|je vais envoyer|j'enverrai|je transmets|je transmettrai) (tout|ca|le dossier|les photos|l'histoire)? (au|a la|aux|a l') (parisien|presse|journal|journaux|medias|tele|television|emission)",
        "(sur|via) (facebook|instagram|twitter|x) et (sur|via)? (instagram|facebook|twitter|x)",
        "(votre|un|le|vos) (service presse|attache de presse|attachee de presse|relations presse)",
    ],
    "security": [
        "(ce n'etait pas moi|ce n'est pas moi|ce n'etait pas nous|ce n'est pas nous)",
        "(quelqu'un|un inconnu|une inconnue|des inconnus) (utilise|utilisent|regarde|regardent|se sert de|se servent de) .. (mon|notre) compte",
        "(envoye|envoyes|envoyees|envoyee|transmis|transmises|communique|communiquees) (mes|nos) (donnees|resultats|informations|coordonnees|analyses|dossier|dossiers|documents|fiches de paie|bulletins de paie) .. (a|au) (une autre|un autre|d'autres|mon employeur|un tiers|des tiers)",
        "(laisse|laisser|laissez) fuiter", "(utilisant|utilise|usurpe|usurpant|avec) mon identite",
        "(cles?|cle api) (api )?(privee|privees|secrete|secretes) (dans|sur) (le|la|votre|vos) (code|page|javascript|source|site)",
    ],
}
for _category, _cues in _EIGHTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Onzième version : la fraude d'autrui sur la carte du client, le compte d'un autre à l'écran, les coupures dites par
# leur durée, les avis et publications annoncés, et les contre-indices de leurs leurres (docs/reading.md).
_NINTH: dict[str, list[str]] = {
    "security": [
        "(paiements?|achats?|transactions?|operations?|debits?|retraits?) (que je ne reconnais pas|que nous ne reconnaissons pas|inconnus|inconnues|suspects?|suspectes?) (sur|de|depuis) (ma|mon|notre)",
        "(paiements?|achats?|transactions?|operations?|retraits?) que je n'ai (jamais |pas )(faits?|faites?|effectues?|effectuees?)",
        "(je tombe|je suis tombe|je suis tombee|j'arrive|je me retrouve) (parfois |souvent |directement )?sur le compte (d'une autre personne|de quelqu'un d'autre|d'un autre client|d'une autre cliente|d'un inconnu|d'une inconnue)",
        "(des inconnus|d'autres clients|d'autres personnes|un inconnu|une inconnue) (voient|voit|ont vu|a vu|peuvent voir|peut voir) (mes|nos|ma|mon) (commandes|donnees|factures|informations|coordonnees|adresse|documents)",
        "(j'ai clique|j'ai ouvert|j'ai suivi) (sur )?(le|un|ce) lien .. (j'ai (saisi|entre|tape|donne)|et (saisi|entre|tape|donne)) (mon|mes|ma)",
    ],
    "not:security": [
        "(exercice|simulation|campagne|test|formation) (de |d')?(phishing|hameconnage|sensibilisation)",
    ],
    "outage": [
        "sans (courant|electricite|eau|gaz|internet|reseau|telephone|ligne|connexion|chauffage) (depuis|pendant|plus de|durant|toute la|tout le)",
        "plus personne (chez nous |ici |au bureau |dans l'equipe )?(ne|n') (recoit (d'e mails|de mails|d'emails|de courriels|d'appels)|peut (se connecter|travailler|acceder|envoyer|recevoir|encaisser|telephoner)|arrive a (se connecter|acceder|travailler|envoyer|recevoir|encaisser))",
        "(toutes|aucune) (nos|les|de nos|des) (caisses|terminaux|tpe|boutiques|agences) .. (ne (fonctionne|fonctionnent|marche|marchent)|(sont|est) (hors service|en panne|hors ligne))",
    ],
    "not:outage": [
        "(indisponible|en panne|hors service|hors ligne|erreur) .. mais (tout le reste|le reste du site|le reste de l'application|les autres pages) (du site |de l'appli )?(fonctionne|marche|s'affiche|va bien)",
    ],
    "threat:media": [
        "(je laisse|je vais laisser|je laisserai|je mets|je vais mettre|je mettrai|je poste|je posterai|je publie|je publierai) (un|une) (avis|commentaire|note|evaluation) .. (sur|a|chez) (google|trustpilot|tripadvisor|les reseaux|facebook|internet|le web|avis verifies)",
    ],
    "not:media": [
        "(campagne|campagnes|publications|posts|publicites|pubs|strategie|community manager|presence) (sur les|sur nos|pour les|pour nos) reseaux sociaux",
    ],
}
for _category, _cues in _NINTH.items():
    CUES.setdefault(_category, []).extend(_cues)

# Douzième version : une énergie ou une ligne coupée, dite par sa durée (« plus d'électricité depuis hier », « ligne
# fixe muette »), les données d'une autre personne reçues (docs/reading.md).
_TENTH: dict[str, list[str]] = {
    "outage": [
        "(sans|plus de|pas de|toujours pas de) (electricite|courant|eau|eau chaude|gaz|chauffage|internet|tonalite|telephone|ligne|fibre|television|tele) (depuis|pendant|ce matin|hier|cette nuit)",
        "(plus|pas|toujours pas) (d'electricite|d'eau|d'eau chaude|d'internet) (depuis|pendant|ce matin|hier|cette nuit)",
        "(ligne|ligne fixe|le fixe|telephone fixe|ligne telephonique) (est |reste |est toujours )?(muette|morte|coupee|hors service)",
    ],
    "security": [
        "(le|la|les) (bilan|donnees|dossier|resultats|facture|factures|informations|coordonnees|releve|releves) (d'une autre personne|d'un autre client|d'une autre cliente|d'un autre utilisateur|d'une autre utilisatrice|d'un inconnu|d'une inconnue)",
    ],
}
for _category, _cues in _TENTH.items():
    CUES.setdefault(_category, []).extend(_cues)
