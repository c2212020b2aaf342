"""English cues. A single word that is mostly innocent ("legal", "down", "security", "breach", "sue", "worst",
"media") appears only inside the phrases that make it a cue ("legal action", "the site is down", "data breach",
"I will sue", "the worst service", "go to the media").
"""

from __future__ import annotations

STOPWORDS = """the and to of is that it for you was with on are this have be not but at we they your my our what
can do from there their will would been has had an i me just so about if or when which please thanks hi hello
any could should get does did were am its it's i'm we're don't can't"""
NEGATORS = """not no never nobody nothing none neither nor without cannot cant dont doesnt didnt isnt arent wasnt
werent wont hasnt havent hadnt couldnt shouldnt wouldnt hardly"""
INTENSIFIERS = "so such this that as more ever worse"
CONDITIONS = "if unless otherwise until"
BRIDGES = "to be been being going gonna want wanna wish intend plan planning need have has had will would shall should could can able a an the any some really even ever yet anymore currently at all so too very just i we it this that is are was were am do does did get got my our your"
COMPLAINTS = "complain report file filing lodg escalat contact inform notif alert"

_I = "(i|we)"
_WILL = "('ll|will|shall|are going to|'re going to|am going to|'m going to|are gonna|'m gonna|intend to|plan to)"
_MAY = "(may|might|would|could|will have to|'ll have to|have no choice but to|am prepared to|are prepared to)"
_SYSTEM = ("(site|website|web site|webpage|store|shop|webshop|online shop|app|application|service|services|system|"
           "systems|server|servers|platform|api|portal|login|log in|production|prod|network|internet|wifi|wi fi|"
           "broadband|connection|line|phone line|phone|phones|landline|email|e mail|mail server|database|db|cluster|"
           "checkout|everything|backend|back end|instance|account portal|whole thing|tv|cable|fiber|fibre|router)")
_DOWN = "(down|offline|off line|unreachable|unavailable|inaccessible|dead|not responding|unresponsive)"
_BE = "(is|are|was|were|went|goes|go|has been|have been|had been|has gone|have gone|keeps going|seems|seem|is still|are still|is completely|are completely|is totally|is now|are now|'s)"  # noqa: E501
_LAWYER = "(lawyer|lawyers|attorney|attorneys|solicitor|solicitors|counsel|legal counsel)"
_PLATFORM = ("(twitter|x|facebook|fb|linkedin|reddit|r/*|instagram|insta|tiktok|youtube|trustpilot|google|"
             "google reviews|yelp|tripadvisor|glassdoor|social media|socials|the internet|online|g2|capterra|"
             "app store|play store)")
_BOSS = ("(manager|managers|supervisor|supervisors|superior|team lead|team leader|boss|director|sales director|"
         "head of support|head of customer service|management|someone senior|somebody senior|someone more senior|"
         "someone in charge|somebody in charge|someone with authority|someone higher up|senior manager|"
         "account director|ceo|executive)")
_CONTACT = ("(emailed|e mailed|mailed|called|phoned|rang|rung|written|wrote|contacted|messaged|chatted|reported|raised|"
            "complained|asked|requested|chased|explained|mentioned|reached out)")
_NTH = "(second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|#th|#rd|#nd|umpteenth|another|one more)"
_COUNT = "(twice|three times|four times|five times|# times|several times|multiple times|many times|countless times)"
_DAYS = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last week|last month|earlier)"

CUES: dict[str, list[str]] = {
    "threat:legal": [
        f"{_I} {_WILL} (sue|take legal action|take you to court|take this to court|see you in court|get lawyers involved|involve (a|my|our) lawyer|pursue legal|seek legal|start legal|initiate legal|take further action|pursue (this|compensation|damages) through the courts)",  # noqa: E501
        f"{_I} {_MAY} (sue|take legal action|take you to court|take this to court|involve (a|my|our) lawyer|pursue legal|seek legal)",  # noqa: E501
        "(threaten*|planning|decided|going|want|wants) to sue", "sue (you|your company|this company|the company|you guys)",
        "suing (you|your)", "(i|we) sue", "gonna sue",
        "legal (action|actions|steps|proceedings|recourse|remedies|remedy|claim)",
        "(lawsuit|lawsuits|class action|small claims|small claims court|litigation against|pursue litigation|cease and desist|letter before action|letter before claim|formal notice|notice of claim)",  # noqa: E501
        f"(my|our) {_LAWYER} (will|'ll|is|are|has|have|who)",
        f"(consulted|contacted|spoken to|spoke to|spoken with|spoke with|hired|retained|instructed|engaged|called|forwarded .. to|passed .. to|sent .. to|referred .. to|involve|involving|get|getting) (a|an|my|our) ({_LAWYER}|legal team|legal department)",  # noqa: E501
        f"(hear|hearing) from (my|our) {_LAWYER}", f"{_LAWYER} will be in touch", "(my|our) (lawyer|lawyers|attorney|attorneys|solicitor|solicitors)",
        "(through|in|to|before) (the )?courts?", "court (action|case|claim|order)", "(law firm|legal firm)",
        "legal (route|path|means)", "(pursue|seek|claim) (compensation|damages) (through|in|via)",
    ],
    "legal": [
        "breach of (contract|our contract|the contract|agreement|our agreement|the agreement|warranty)",
        "legal (dispute|matter)", "(our|my) legal rights", "(statutory|consumer) rights",
    ],
    "threat:regulatory": [
        f"{_I} {_WILL} (report|complain|escalate|file|lodge|raise) .. (regulator|authority|ombudsman|commissioner|watchdog|trading standards|attorney general|consumer protection)",  # noqa: E501
        "(complaint|complain|report|reporting|file|filing|lodge|lodging|escalate|escalating|contact|contacting|write|writing|go|going) (to|with) (the )?(regulator|regulators|ombudsman|data protection (authority|commissioner)|information commissioner|supervisory authority|attorney general|trading standards|consumer protection (agency|office|bureau|authority)|financial ombudsman|consumer (watchdog|authority|agency))",  # noqa: E501
        "(the )?(ombudsman|financial ombudsman|trading standards|attorney general|information commissioner)",
        "(consumer protection|data protection) (agency|authority|office|bureau|commissioner)",
        "(report|reporting|complaint|complain|file|filing|lodge|lodging) .. (with|to) the (ico|fca|ftc|cfpb|fcc|sec|ofcom|ofgem|ofwat|cma|asa)",  # noqa: E501
        "(violat*|breach*|break*|against|contrary to|in breach of|non compliance with|noncompliant with) (the )?(gdpr|data protection (law|act|regulation))",  # noqa: E501
        "gdpr (violation|breach|complaint|infringement)",
    ],
    "regulatory": [
        "(under|per|pursuant to|according to|as per) (the )?(gdpr|article # (of the )?gdpr|data protection act|ccpa)",
        "article # (of the )?gdpr", "gdpr article #", "(right|rights) (of access|to access|to erasure|to be forgotten|to deletion|to rectification|to data portability|under (the )?gdpr)",  # noqa: E501
        "(subject access request|data subject access request|dsar|data subject request)",
        "(my|our) (gdpr|data protection|privacy) rights",
    ],
    "threat:media": [
        f"({_I} {_WILL}|{_I} {_MAY}|going to|gonna|about to|ready to) (post|share|put|write|tell|warn|expose|go|publish|tweet|blog|report|leave|spread|broadcast|make) .. (public|publicly|press|media|journalist|journalists|{_PLATFORM}|everyone|every one|all my followers|my followers|the world|the news)",  # noqa: E501
        f"(i'm|i am|we're|we are|i'll be|we'll be) (posting|sharing|putting|publishing|tweeting|writing about|blogging about|exposing|calling you out|reporting) (this|it|that|everything|all of this|all this|my experience|our experience|the whole thing|the screenshots|screenshots|about (this|you|it|your)|you) .. (on|to|all over) {_PLATFORM}",  # noqa: E501
        f"(expose|exposing|call you out|calling you out|shame|shaming|name and shame) .. (on|to|all over) {_PLATFORM}",
        f"(this|it|that|everything|this story) (is )?(going|goes) (on|to) {_PLATFORM}", f"(all over|viral on) {_PLATFORM}", "go viral", "going viral",
        "(to|contact|contacting|tell|telling|alert|alerting|call|calling|speak to|talk to|inform|informing) the (press|media|news|newspapers|papers|news desk|tabloids)",  # noqa: E501
        "(journalist|journalists|reporter|reporters|newspaper|news outlet|news station|tv station|consumer (show|programme|program)|watchdog programme|the bbc|bbc watchdog)",  # noqa: E501
        "(leave|leaving|write|writing|post|posting|publish|publishing|give|giving|left) (a|an|my)? (bad|negative|honest|detailed|scathing|terrible|damning|1 star|one star|zero star|poor|public) (review|reviews|rating)",  # noqa: E501
        "(review|reviews|rating) (on|at) (trustpilot|google|yelp|tripadvisor|the app store|the play store|g2|capterra)",
        "(better business bureau|bbb complaint|complaint with the bbb|report you to the bbb|the bbb)",
        f"{_I} {_WILL} go public", "(go|going) public (with|about) (this|it|my|our|the|what|how)", "(online|public|google|yelp|trustpilot) (review|reviews)", "local (news|paper|newspaper|tv|radio)",
        "(tell|telling|warn|warning) (all )?(my|our) (friends|family|followers|network|contacts|clients|neighbours|neighbors|colleagues|community)",  # noqa: E501
        "(post|posting|share|sharing|write|writing|put|putting) (it|this|that|about (it|this|you|your company)|my (story|experience)) (online|publicly|everywhere)",  # noqa: E501
        "(make|making) (this|it|sure) .. (public|known|viral)", "(news|media) (outlet|outlets|coverage)", "(name and shame|warn (other|others|everyone|people|potential) (customers|users|buyers|people)?)",
        "(everyone|people|the world|my followers) (will|should|is going to|needs to) (know|hear|see)",
    ],
    "media": ["(press coverage|media coverage|news coverage|in the news|in the press)"],
    "threat:churn": [
        "(take|taking|move|moving) (my|our) (business|money|custom|account|accounts) (elsewhere|somewhere else|to (a )?(competitor|another))",  # noqa: E501
        f"one more .. (and|then) {_I}('ll| will| are| am)? (leave|leaving|cancel|cancelling|canceling|move|moving|switch|switching|go|going|walk|done|out)",  # noqa: E501
        "(considering|consider|thinking about|thinking of|evaluating|looking at|looking into|talking to|speaking to|in talks with|getting quotes from|got quotes from|reviewing) (other|alternative|different|competing) (providers|vendors|suppliers|options|solutions|platforms|companies|tools|services|carriers|banks)",  # noqa: E501
        "(considering|thinking about|thinking of|seriously considering|reconsidering) (cancel*|leaving|switching|moving|terminating|our contract|our subscription|whether to renew|renewing|the renewal)",  # noqa: E501
        "(looking|look|shopping) (at|for|around for) (alternatives|another provider|a new provider|a different provider|other options|competitors)",  # noqa: E501
        "(your|a) competitor (will|would|is|are|has|offers)", "(lose|losing) (us|our business|me as a customer|a customer|our account)",  # noqa: E501
        "(or|otherwise) (we|i)('ll| will| are| am)? (leave|leaving|cancel*|move|moving|switch*|go elsewhere|walk)",
    ],
    "churn": [
        "(no|can't find the|cannot find the|can't find a|where is the|there is no|there's no) cancel (button|option|link)",
        "(cancel*|terminate|terminating|end|ending|close|closing|stop|stopping|discontinue|discontinuing|quit|quitting) (my|our|the|this) (subscription|subscriptions|account|accounts|membership|plan|contract|service|services|agreement|policy|package|licence|license|licenses|licences|line|broadband|plan and|trial)",  # noqa: E501
        "(cancel|terminate|close|end) (it|everything|all of it) (now|today|immediately)",
        "(not|won't|will not|don't|do not|no longer|never) (to )?(renew|renewing|be renewing|extend|continue with|stay with|staying with)",  # noqa: E501
        "(decided|decision|chosen|choose|plan|planning|going) (not )?to (leave|cancel|terminate|switch|move|not renew|end our)",  # noqa: E501
        "(switch|switching|move|moving|migrate|migrating|go|going|went|change|changing|port|porting) (over )?to (a |another |your |a different |one of your )?(competitor|competitors|different (provider|platform|vendor|company|supplier|carrier|bank|tool)|another (provider|platform|vendor|company|supplier|carrier|bank|tool|service))",  # noqa: E501
        "(leave|leaving) (you|your (service|platform|company))", f"{_I}('re| are|'m| am| will be| will) (leaving you|leaving your|done with you)",  # noqa: E501
        "(cancellation|termination) (request|notice|of (my|our|the) (subscription|contract|account|membership|plan))",
        "(non renewal|not renewing|won't be renewing|will not be renewing|cancel the renewal|turn off auto renewal|switch off auto renewal|auto renewal (is )?(switched|turned) off)",  # noqa: E501
        "(close|delete|closing|deleting) (my|our) account", "want out of (my|our|this|the) contract",
        "(unsubscribe|opt out) (me )?(from|of) (your|the) (service|plan|subscription)",
    ],
    "threat:billing": [
        "(chargeback|charge back|charge backs|chargebacks)",
        "dispute .. with (my|our|the) (bank|card issuer|credit card company|card company|card provider|issuer|paypal)",
        "(disputing|dispute|contest|contesting|reverse|reversing|reversed) (it|the charge|this charge|the payment|the transaction|these charges) .. (bank|card issuer|card company|credit card|paypal)",  # noqa: E501
        "(my|our) bank (will|is going to|says|said) .. (dispute|reverse|chargeback|charge back|fraud|raise)",
        "(block|stop|cancel) (the|all|any|future)? (payments|direct debit|direct debits|standing order) (through|with|at) (my|our) bank",  # noqa: E501
    ],
    "threat": [
        "(final|last) (warning|chance|notice|demand)", "you have been warned", "you've been warned", "or else",
        "(report|reporting|reported) (this|it|you|this matter) to the police", "(call|calling|contact|contacting|involve|involving|go to) the police",  # noqa: E501
        "(file|filing) a police report", "police report",
    ],
    "outage": [
        f"{_SYSTEM} {_BE} (all |completely |totally |entirely |fully |still |now |again )?{_DOWN}",
        f"{_SYSTEM} {_DOWN} (again|since|for|all day|all morning|everywhere|for everyone)",
        f"(our|my|the|your) {_SYSTEM} (is |are )?{_DOWN}",
        f"{_SYSTEM} (went|goes|go|going|keeps going|keep going|has gone|have gone) (down|offline|dead)",
        "(outage|outages|downtime|service interruption|service disruption|network failure|total failure|complete failure|system failure)",  # noqa: E501
        "(down|offline) for (everyone|everybody|all (of )?(us|our users|our customers|users|customers)|the whole (team|company|office))",  # noqa: E501
        "(nobody|no one|noone|none of (us|them|our|my|the) .. |no (user|users|employee|employees|customer|customers|staff|agent|agents)|all (of )?(our|the|my) .. users|all users|everyone|everybody) .. (can|could|can't|cannot|can not|is able to|are able to|manage to|managed to|is unable to|are unable to|able to) .. (log in|login|log on|logon|sign in|signin|connect|access|reach|get in|load|open)",  # noqa: E501
        "(can't|cannot|can not|unable to|not able to) (log in to|login to|access|reach|connect to|load|open) (the|your|our) (site|website|platform|app|service|system|portal|servers?|shop|store) at all",  # noqa: E501
        "(can't|cannot|can not|unable to|not able to) (access|reach|load|open|use) (anything|everything|any of (it|our|the))",
        "(bad gateway|service unavailable|service temporarily unavailable|gateway timeout|gateway time out|(502|503|504) (error|errors|for|on|from|since|bad|service|gateway))",  # noqa: E501
        "(returns?|returning|getting|get|throwing|throws|gives|giving|shows|showing|serving) (an? )?(http )?(502|503|504)",
        "(all|every|each) (requests?|calls?|pages?|endpoints?) .. (fail|fails|failing|failed|return|returns|returning|time out|times out|timing out|error|errors)",  # noqa: E501
        "(no|without|lost|lost all|losing) (internet|internet connection|internet service|service|phone service|phone line|dial tone|signal|connectivity|broadband|wifi|network|tv service|power to)",  # noqa: E501
        "(internet|connection|wifi|wi fi|line|signal|broadband|network|service|phone line) (keeps |kept )?(dropping|drops|dropped|cutting out|cuts out|cut out|going down|goes down|disconnecting|disconnects|drop out|drops out|dropping out)",  # noqa: E501
        "(nothing|nothing at all) (works|is working|loads|is loading|responds)", "(no|dead) (dial tone|signal|line)", "line is dead",
        "(not working|down|unavailable|broken|inaccessible) for (anyone|everyone|everybody|all (of )?(us|our (users|customers|staff|team|employees)|users|customers))",  # noqa: E501
        "(all|every one of|everyone|everybody|the whole (team|company|office)|all (of )?(our|my) ..) .. (locked out|unable to work|cannot work|can't work)",  # noqa: E501
        "(we are|we're|i am|i'm) (completely )?(unable to work|dead in the water|at a standstill)", "(business|operations|production|work) (is |are |has )?(at a standstill|ground to a halt|stopped|halted)",  # noqa: E501
        "(won't|will not|doesn't|does not) (load|open|start|respond) for (anyone|everyone|anybody|any of (us|our users))", "(everything|all services|all systems) (is |are )?(broken|down|offline)",  # noqa: E501
        "(customers|clients|users|shoppers|guests|members) (can't|cannot|can not|are unable to|aren't able to|could not|couldn't) (order|buy|pay|check out|checkout|book|place orders|purchase|log in|login|access|reach|use)",  # noqa: E501
        "(can't|cannot|can not|unable to) (take|process|accept|receive) (any )?(orders|payments|bookings|calls)",
        "(disconnected|cut off|cut|shut off|switched off|terminated) (my|our|the) .. (landline|line|phone line|phone|internet|broadband|service|connection|power|electricity|gas|water)",  # noqa: E501
        "(site|website|store|shop|platform|app|server|service|system|api) (crashed|has crashed|is crashing|keeps crashing) for (everyone|all)",  # noqa: E501
        "(power cut|power cuts|power outage|power outages|power failure|power failures|blackout|blackouts) (in|at) (the|your) (data center|data centre|datacenter|datacentre)",
    ],
    "not:outage": [
        f"{_SYSTEM} {_BE} (still )?(up|running|working|fine|ok|okay|reachable|available|online)",
        f"(slow|sluggish|laggy|degraded) but (still )?(up|working|usable|running|online|reachable)", "but (still )?up",
        "(no|without) (customer|user|client|production|business|service) impact", "not (completely |totally |fully )?down",
        "(power outage|power cut|power failure|electricity outage|power outages|power cuts) (at|in) (my|our|the) (home|house|office|offices|building|area|flat|apartment|street)",  # noqa: E501
        "(planned|scheduled) (outage|downtime|maintenance)", "outage (report|reports|page|calendar|history|notification|notifications|banner|alert|alerts|window)",  # noqa: E501
        "(sla|uptime) .. (outage|downtime)", "downtime (report|reports|hours|tracking|tracker|field|report)",
    ],
    "security": [
        "(hacker|hackers|hacking into|hack into|hacked into|got hacked|been hacked|was hacked|were hacked|is hacked|are hacked|get hacked|getting hacked|hacked (my|our|the|an|his|her|their) (account|accounts|email|site|website|server|servers|store|shop|system|database|mailbox|profile))",  # noqa: E501
        "(account|accounts|email|mailbox|site|website|server|servers|store|shop|system|systems|database|credentials|password|passwords|computer|laptop|network|card|data|wallet|profile) (was |were |has been |have been |is |are |got |may have been |might have been |seems to have been |appears to have been )?(compromised|breached|hijacked|taken over|stolen|hacked|leaked|exposed|accessed by (someone|a third party|an unknown))",  # noqa: E501
        "(compromised|hijacked|stolen|leaked|exposed|breached) (account|accounts|credentials|password|passwords|data|card|card details|card number|email|emails|identity|information|records|database)",  # noqa: E501
        "(data|security|privacy|personal data|customer data) (breach|breaches|leak|leaks|incident|incidents)",
        "breach of (our|my|customer|customers|personal|the) (data|information|privacy|security|systems|accounts)",
        "(we|i|you|they) (were|have been|got|was|has been|'ve been) breached",
        "(unauthori[sz]ed|suspicious|fraudulent|unknown|unrecognised|unrecognized|strange|unusual) (access|login|logins|log in|log ins|sign in|sign ins|activity|transaction|transactions|charge|charges|payment|payments|purchase|purchases|order|orders|booking|bookings|device|devices|withdrawal|withdrawals|transfer|transfers|account changes)",  # noqa: E501
        "(someone|somebody|a stranger|an unknown person|a third party|a hacker|strangers|someone else) (has |had |have )?(used|accessed|logged into|logged in to|got into|gotten into|is using|took over|taken over|changed|made|placed|bought|booked|ordered|got access|gained access|has access|is accessing|stole|spent)",  # noqa: E501
        "(i|we) (never|didn't|did not) (make|made|place|placed|authori[sz]e|authori[sz]ed|book|booked|order|ordered|buy|bought|request|requested|sign up for|initiate|initiated) (these|this|those|them|it|that|any)? (orders?|bookings?|purchases?|stays?|payments?|transactions?|charges?|password reset|login|logins)?",  # noqa: E501
        "(leak|leaked|leaking|exposed|exposing|disclosed|disclosing|revealed|revealing|sent|sending|showed|showing|shared|sharing|gave|giving|emailed) (my|our|their|his|her|customer|customers|customers'|personal|private|sensitive)? .. (address|addresses|data|details|information|info|emails|email addresses|phone numbers?|passwords?|credentials|records|card numbers?|documents?|files?) to (a stranger|strangers|someone else|another (user|customer|person|client)|other (users|customers|people|clients)|the wrong (person|people|customer|user)|random people|anyone|everyone|the public|third parties)",  # noqa: E501
        "(can see|could see|can view|could view|able to see|seeing|have access to|had access to) (other|another|someone else's|other people's|other users'|other customers'|another user's|another customer's) .. (data|orders|details|information|invoices|accounts|account|documents|files|messages|emails|records|addresses)",  # noqa: E501
        "(phishing|phished|spear phishing|malware|ransomware|spyware|keylogger|trojan|botnet|cryptominer)", "(infected|infection) (with|by) (a )?(virus|malware|trojan)", "(a|the) virus (on|in) (my|our|the) (computer|laptop|server|system|network|site|account)",  # noqa: E501
        "(security (hole|flaw|issue|vulnerability|vulnerabilities|bug|incident|incidents|breach|problem|exploit|threat)|vulnerability|vulnerabilities|exploit|exploited|zero day|0 day|xss|cross site scripting|sql injection|csrf|remote code execution|rce|privilege escalation|cve #)",  # noqa: E501
        "(identity theft|stolen identity|fraud|fraudulent|fraudster|fraudsters|scammer|scammers|account takeover|sim swap|card skimming)",  # noqa: E501
        "(password|email|phone number|recovery email|2fa|mfa) (was |has been |got )?changed (without|by someone|and i didn't)",
        "(ddos|denial of service|brute force|credential stuffing) (attack|attacks)?",
        "(log in|login|logins|sign in|sign ins|access) from (another|a different|an unknown|a foreign|an unfamiliar|a strange) (country|location|device|ip|city)",  # noqa: E501
        "(i|we) (don't|do not|didn't|did not) recogni[sz]e (these|this|the|those|any of (these|the)) (charges|transactions|orders|logins|payments|purchases|devices|bookings|activity)",  # noqa: E501
        "(spam|emails|messages|phishing) (sent|being sent|going out) from (my|our) (account|address|mailbox|domain)",
        "(card|card details|card number|credit card) (was|were|has been|have been|got) (used|stolen|skimmed|cloned|copied)", "(stolen|cloned|skimmed) card",  # noqa: E501
        "(publicly|openly) (accessible|available|visible|exposed)", "(anyone|anybody|everyone) can (see|access|view|download) (my|our|all|the|other|customer|private)",  # noqa: E501
        "(api key|api keys|token|tokens|secret|secrets|credentials|passwords?) (exposed|leaked|visible|in plain text|in plaintext|publicly)",
        "(other|another) (customer's|user's|person's|customers'|users'|people's) (data|information|invoice|invoices|order|orders|account|details|address)",  # noqa: E501
        "(someone else's|somebody else's) (data|information|invoice|invoices|order|orders|account|details|address)",
        "(security researcher|responsible disclosure|bug bounty|coordinated disclosure)",
        "(password|email address|phone number) (was|has been|got) changed", "(password reset|reset email|login code|verification code) (i|we) (didn't|did not|never) (request|ask for)",  # noqa: E501
        "under (a )?(cyber )?attack", "(cyber attack|cyber attacks|cyberattack|cyberattacks)",
    ],
    "not:security": [
        "(protect|protection|protecting|protected|safe|secure|securing|defend|defence|defense) (against|from) (hacking|hackers|phishing|fraud|malware|viruses|ransomware|attacks)",  # noqa: E501
        "security (deposit|deposits|team|teams|question|questions|settings|setting|page|tab|policy|policies|review|training|code|codes|key|keys|camera|cameras|guard|guards|check|checks|verification|software|update|updates|patch|patches|certificate|certification|audit|questionnaire|compliance|officer|features?)",  # noqa: E501
        "(anti virus|antivirus) .. (virus|malware)?", "(fraud|phishing|malware|virus) (detection|protection|filter|filters|scanner|scan|check|checks|prevention|training|simulation|test|tests|awareness|module|rules?|settings?|policy|policies|alerts? settings)",  # noqa: E501
        "(report|reporting) a vulnerability (program|programme|policy|page)", "vulnerability (scan|scanner|scanning|report of our own)",
    ],
    "billing": [
        "(charged|charging|charge|charges|billed|billing|debited|debit|debits|taken|deducted|withdrawn) (me |us )?(twice|double|two times|three times|again|incorrectly|wrongly|by mistake|after (i|we) cancel*|for .. (never|didn't|did not|cancel*)|without (my|our) (consent|permission|authori[sz]ation))",  # noqa: E501
        "(double|duplicate|duplicated|extra|unexpected|unauthori[sz]ed|wrong|incorrect|hidden|surprise|unfair|excessive|additional|mystery|unknown|recurring|disputed) (charge|charges|billing|bill|payment|payments|fee|fees|debit|debits|invoice|invoices|amount|transaction|transactions|surcharge|cost|costs)",  # noqa: E501
        "(refunded|reimburse|reimbursed|reimbursement|money back|credit note|credit notes|overcharge*|over charge*|over billed|overbilled|prorated|prorate|proration|price increase|price rise|late fee|cancellation fee|termination fee|early termination|platform fee|processing fee|service fee|payment processing fee|subscription fee|monthly fee|annual fee|renewal fee)",  # noqa: E501
        "(my|our|the|this|last|latest|an|your) (invoice|invoices|bill|bills|statement|receipt)",
        "(my|our|a|the|no|any|full|partial|your|this|that) refund", "refund (me|us|my|our|the|it|this|that|them|the difference|the fees|the charge|the money)",
        "refund (for|of) (my|our|order|the|this|that|#)", "refund (window|policy|period|deadline|eligibility)", "refund (request|requested|please|asap|now|today|immediately|pending|status)",
        "(invoice|invoice number|bill|receipt) (no|number|nr|#) ?#", "invoice #",
        "(monthly|annual|yearly|quarterly) (billing|plan|subscription|payment|invoice)",
        "(billing|payment) (cycle|period|plan|address|details|issue|problem|error|dispute|date)",
        "(vat|tax) (number|id|rate|amount|invoice) .. invoice", "(charged|billed|debited|paid) (usd|eur|gbp)? #",
        "(pricing|price|prices|charge|charges|fees) (is|are) (a scam|a rip off|ridiculous|too high|wrong)",
    ],
    "not:media": [
        "(media|medias) (library|libraries|file|files|upload|uploads|uploader|gallery|folder|folders|manager|player|server|assets|asset|storage|tab|section|kit|query|queries|type|types|center|centre|item|items|url|urls|id|ids|endpoint|plugin|viewer)",  # noqa: E501
        "(social media|twitter|facebook|instagram|linkedin|tiktok|youtube|reddit|google) (integration|integrations|planner|scheduler|feed|feeds|post|posts|posting|links|link|account|accounts|tab|icon|icons|button|buttons|sharing|module|card|cards|preview|previews|login|sign in|pixel|ads|campaign|campaigns|page|pages|api|app|connector|widget|embed|tag|tags|analytics|calendar)",  # noqa: E501
        "(press|media) (release|releases|kit|page|contact|inquiries|enquiries)",  # noqa: E501
    ],
    "not:billing": [
        "(refund|refunds|payment|payments|invoice|invoices|billing|charge|charges|checkout) (api|endpoint|endpoints|webhook|webhooks|module|feature|report|reports|export|exports|integration|page|section|tab|menu|screen|settings|permission|permissions|role|roles|template|templates)",  # noqa: E501
        "(partial|full) refunds? (fail|fails|failing|return|returns)",
        "(our|my) (customers|clients|guests|shoppers|buyers|users|patients|customers'|clients'|guests'|shoppers'|buyers'|users'|patients'|customer's|client's) (refunds?|invoices?|payments?|bills?)",
        "(refunds?|invoices?|payments?) (to|for|of) (our|my) (customers|clients|guests|shoppers|buyers|users|patients)",
        "(charge|charging|charged) (the|my|a) (phone|battery|laptop|device|car|ev)", "in charge (of)?",
    ],
    "anger": [
        "(done|finished|through) (being|with being) (polite|nice|patient|reasonable)",
        "(unacceptable|outrageous|outrage|outraged|disgrace|disgraceful|disgusted|disgusting|appalled|appalling|furious|furiously|fuming|livid|infuriating|infuriated|enraged|incensed|seething|irate|incompetent|incompetence|inept|pathetic|shameful|shameless|ridiculous|ludicrous|absurd|insulting|insult|contempt|contemptuous|scandalous|atrocious|abysmal|deplorable|despicable|laughable|clueless|joke of a|a joke|is a joke|what a joke|shambles|shambolic|farce|clowns|idiots|idiot|morons|moron|imbeciles|amateurs|amateurish|crooks|thieves|liars|lying to|lied to|rip off|ripoff|scam|scammed|scamming|daylight robbery|robbery|fleeced|screwed|wtf|what the hell|what the heck|the hell|bloody|damn|damned|goddamn|crap|crappy|bullshit|bs|garbage|rubbish|trash|sick of|sick and tired|beyond angry|so angry|really angry|very angry|extremely angry|i am angry|i'm angry|angry|mad at|so mad|pissed|pissed off|hate|hate you|hate this|disrespectful|disrespect|rudely|arrogant|condescending|patronising|patronizing|unprofessional|a disgrace|disaster|catastrophe|nightmare|greenwashing|unbelievable|beyond belief|how dare|shame on you|shame on|never again|lose my mind|losing my mind|lost my mind|thanks for nothing|thank you for nothing|slow clap|screw you|fed up to the back teeth|treated like (dirt|garbage|an idiot|a criminal|rubbish|trash)|unforgivable|inexcusable|unbelievably bad|embarrassing|a mockery|mockery)",  # noqa: E501
        "(what is|what's) wrong with you( people| guys)?", "(is|are|so|completely|totally|utterly|absolutely|pretty|just) useless",
        "useless (support|service|company|people|staff|agents|agent|team|product|app|bunch|lot)",
        "(you're|you are|you guys are|this is|that is|it's|are|is) (the|by far the|simply the) worst",
        "(support|service|customer service|experience|company|you|app|product|communication|attitude) (is|are|was|were|has been|have been) (so |really |absolutely |just |truly )?(terrible|awful|horrible|dreadful|horrendous|atrocious|abysmal|appalling|disgraceful|shocking|pathetic)",  # noqa: E501
        "(this|that|it|it's|this's) (is |was )?(just |so |really |absolutely |truly )?(terrible|awful|horrible|dreadful|appalling|atrocious|abysmal|horrendous)",  # noqa: E501
        "(so|very|extremely|incredibly|really) rude",
        "rude (agent|staff|person|man|woman|employee|rep|representative|technician|driver|support)", "are you (kidding|serious|joking)", "you('re| are) (kidding|joking)",
        "(oh|wow|just) (great|fantastic|wonderful|brilliant|perfect|lovely|marvellous|marvelous|terrific|superb)", "just wow",
        "(who|which genius) (designs|designed|thought|approved|came up with) (this|that)", "(absolutely|completely|utterly|totally) (unacceptable|useless|ridiculous|shameless|infuriating|disgraceful|appalling|pathetic)",  # noqa: E501
        "(i am|i'm|we are|we're) (so |really |very |absolutely |completely |utterly |extremely |beyond )?(disgusted|appalled|outraged|livid|furious|fuming|enraged)",  # noqa: E501
        "(worst|poorest) .. (service|support|company|experience|provider|customer service|app|product|software|ever|on the planet|in the world|i've ever|i have ever)",  # noqa: E501
        "(terrible|horrible|awful|appalling|atrocious|abysmal|dreadful|lousy|crappy|pathetic|shocking|disgraceful|abominable|worthless) (service|support|customer service|experience|company|communication|product|treatment)",  # noqa: E501
        "(never|not once) (in my life )?(been|have i been|seen|experienced|dealt with) .. (such|so|this|worse|more) ",
        "i can barely type", "(zero|no) respect", "(how|why) (do|does|can|could) (you|your company|anyone) (run a business|treat customers)",  # noqa: E501
    ],
    "frustration": [
        "still (not|no|isn't|hasn't|haven't|doesn't|don't|can't|won't|nothing|broken|waiting|unresolved|not working|failing|wrong|the same|an issue|a problem|happening|missing|locked|down|stuck|pending|charging|without)",  # noqa: E501
        "(yet|once) again", "again and again", "over and over( again)?", "every single (time|week|day|month)",
        "(this|it|that) (has )?happened again", "(happening|happens|broken|failing|failed|wrong|duplicated|down|crashed|stuck) again",  # noqa: E501
        "not again", "(this|that) again", "again with",
        "how (much|many) (longer|more|times)", "how long (do|will|must|should|am|are|is) (i|we|this|it)", "how long does it take to",
        "why (is|does|do|has|have|are) (this|it|everything|that|you) .. (so|such|still|always|taking|take|not|never)",
        "(why|how) is (this|it) so (difficult|hard|complicated|slow)", "(what|what's) (is )?(going on|happening) (over there|there|with)",
        "(is|isn't|does|doesn't) (anyone|anybody|someone|somebody) (there|listening|reading|care|working)",
        "(nobody|no one|noone) (has )?(answered|replied|responded|got back|gets back|called back|called|came|showed up|turned up|bothered|cares|listens|reads|helps|seems to)",  # noqa: E501
        "(no|zero|not a single|not one) (reply|replies|response|responses|answer|answers|callback|call back|update|updates|feedback|word)",  # noqa: E501
        "(haven't|have not|hasn't|has not|didn't|did not|never) (heard|received|had|got|gotten) (back|anything|a reply|any reply|a response|any response|an answer|any answer|an update|any update)",  # noqa: E501
        f"{_NTH} (time|attempt|email|e mail|request|call|reminder|message|ticket|try|chase|follow up)",
        "(for|this is) the (second|third|fourth|fifth|#th|#rd|#nd|umpteenth) time",
        "(losing|lost|running out of|run out of|test|testing|tried) (my|our|all)? patience", "patience (is )?(running out|wearing thin|has run out|is gone)",  # noqa: E501
        "(i'm|i am|we're|we are|getting|i get|i'm getting|i am getting|becoming|i feel|we feel|feeling) (so |really |very |a bit |quite |pretty |extremely |increasingly |incredibly )?(tired of|fed up|frustrated|annoyed|exhausted|exasperated|irritated|upset|stressed|worried sick|at my wits' end|at the end of my rope|disappointed)",  # noqa: E501
        "actually (look|fix|read|help|answer|respond|call|reply|listen|care)", "(has|have|who) actually (done|read|tried|used|looked|worked)", "more times than (i|we) can count", "(didn't|did not|doesn't|does not|don't|do not) (work|help) (then )?either", "making .. impossible", "(frustrating|frustrated|frustration|annoying|annoyed|irritating|exasperating|exasperated|exhausting|tiresome|maddening|aggravating|infuriatingly|fed up|had enough|enough is enough|at my wits end|wits' end|beyond frustrated|fed up with|tired of|sick of waiting|no patience|impatient|unhelpful|not helpful|no help|waste of time|wasting my time|wasted (my|our|hours|days|a day|the whole)|hopeless|a nightmare|mess)",  # noqa: E501
        "(i|we) can't keep", "(i|we) cannot keep", "(i|we) can't continue like this", "can't go on like this",
        "(someone|somebody|anyone|anybody|you) (please )?(actually|finally|ever) (look|fix|read|help|answer|respond|call|reply|do)",
        "(an|a) (actual|real|straight|proper|definite|concrete|clear) (date|answer|human|person|response|reply|timeline|explanation|fix|solution)",  # noqa: E501
        "(please )?just (answer|tell me|fix|give me|reply|respond|call|do)", "yes or no",
        "(been|still|keep|kept) waiting (for )?(over |more than |almost |nearly |about )?(#|a|an|two|three|four|five|six|several|many|days|weeks|months|hours|ages|forever)",  # noqa: E501
        "(#|two|three|four|five|six|several|many) (days|weeks|months|hours) (now|later|and still|already|without|of waiting|on hold|with no|and nothing|and no)",  # noqa: E501
        "(taking|taken|takes|take) (forever|ages|so long|too long|way too long)", "(on hold|hold music) (for )?(#|over|more than|an hour|hours)?",
        "(hours|minutes|an hour) on hold", "(keep|kept|keeps) (getting|being) (told|sent|redirected|transferred|passed)",
        "(copy paste|copy and paste|copy pasted|canned|scripted|generic|automated) (reply|replies|response|responses|answer|answers|nonsense)",
        "(didn't|did not|doesn't|does not|don't|do not|never) (even )?(read|bother|listen)", 
        "(when|will) (will )?(this|it|someone|anyone|you) (finally|ever|actually) ", "when (is|will) (this|it) (going to be |be )?(fixed|resolved|sorted)",  # noqa: E501
        "(i|we) (deserve|expect|demand) (an answer|a response|a resolution|better|an explanation)",
        "(can't|cannot) believe", "it's been (#|two|three|four|five|six|several) (days|weeks|months)",
        "(this|it) (is|has been) going on (for|since)", "(weeks|months|days) (of|without) (this|waiting|a fix|an answer|a solution)",  # noqa: E501
        "(come on|give me a break|for god's sake|for heaven's sake|for crying out loud|seriously|ugh|argh|sigh)",
        "(reached|at) (my|our) (limit|wits' end|breaking point)", "(i|we) give up", "(not|never) (fixed|resolved|solved) (yet)?",
        "(make|making) (this|it|my life|things) (impossible|so difficult|hard|harder)", "(is|are) making .. impossible",
        "(i|we) (still )?(have|got|had) no (idea|answer|update|response|information)", "enough now",
        "(please|pls|plz) (hurry|help me|someone)", "(need|want) this (fixed|sorted|resolved) (now|today|asap|immediately)",
    ],
    "calm": [
        "(no rush|no hurry|not urgent|no urgency|nothing urgent|low priority|whenever you (can|get a chance|have time)|at your convenience|in your own time|take your time)",  # noqa: E501
        "(thanks|thank you) (so|very) much", "(much|greatly|really) appreciated", "(i|we) (really )?appreciate (it|your|the|all)",
        "(happy|glad) to (help|send|provide|share|test|jump on)", "(love|loving|enjoy|enjoying) (the|your) (app|product|service|tool|platform)",
        "keep up the (good|great) work", "just (flagging|checking|wondering|following up|a quick question)",
    ],
    "manager": [
        f"(speak|talk|speaking|talking|chat|meeting|call|discuss|escalate|escalated|escalation|transfer|put .. through|connect|refer|referred|pass|passed|forward|forwarded) (this |me |it |my case |my complaint |the matter |this matter |the case )?(to|with) (a|an|your|the|my|someone|somebody|one of your)? {_BOSS}",  # noqa: E501
        f"(get|give|put|send|find) me (a|an|your|the|to)? {_BOSS}", f"{_BOSS} (to )?(call|contact|review|look at|phone|email|get in touch with) (me|us|my|our)",  # noqa: E501
        f"(call|callback|call back|response|reply|contact|apology|email|meeting) from (a|an|your|the) {_BOSS}",
        f"(want|need|demand|demanding|expect|request|requesting|like|ask for|asking for|asked for|insist on|want to speak to|see) (a|an|your|the|to see|to speak to|to talk to)? {_BOSS}",  # noqa: E501
        f"(in touch with|hold of|access to) (a|an|your|the|someone|somebody)? {_BOSS}", f"(is there|there must be) (a|an|anyone|someone|somebody) {_BOSS}",  # noqa: E501
        "(escalate|escalating|escalation) (this|my case|my ticket|my complaint|it|the matter|this matter|the case) (to|higher|up|further)",
        "escalate (this|my case|my ticket|my complaint|the matter|this matter)", "escalation request", "please escalate",
        "someone (more )?(senior|higher up|with authority|in charge|who can (decide|approve|authori[sz]e))",
    ],
    "repeat": [
        f"{_I}('ve| have| had)? (already |previously |also )?{_CONTACT} (you|your (team|support|colleagues?|agents?|company|office|customer service|helpdesk|help desk|hotline|department)|support|customer (service|support|care)|the (support|helpdesk|help desk|hotline|front desk|reception|store)|this (address|inbox|team)|about this|this (issue|problem|before))",  # noqa: E501
        f"{_I}('ve| have| had)? (already |previously |also )?{_CONTACT} ... ({_COUNT}|already|before|previously|last (week|time|month)|on {_DAYS}|{_DAYS}|again|# (days|weeks) ago|a (week|month|few days) ago)",  # noqa: E501
        f"{_I}('ve| have| had)? (already |previously )?(spoke|spoken|talked|chatted|been in touch|been in contact) (to|with) (you|your|one of your|an agent|a (rep|representative|colleague|agent|advisor|adviser|member of (staff|your team))|someone|somebody|support|customer service)",  # noqa: E501
        "(my|our) (previous|earlier|last|first|original|initial|prior|other) (email|e mail|emails|message|messages|ticket|tickets|request|requests|call|calls|complaint|complaints|letter|letters|chat|reply|contact|report|case|enquiry|inquiry)",  # noqa: E501
        "(my|our) (email|e mail|message|ticket|letter|call|request|complaint|report|chat|enquiry|inquiry)s? (from|of|on|dated|sent|last) .. (#|last|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|january|february|march|april|may|june|july|august|september|october|november|december|ago)",  # noqa: E501
        "(follow|following|followed) (up|up on|up about) (on )?(my|our|the|this|a|your)", "(just )?following up", "chasing (this|up|my|our|again)",  # noqa: E501
        "(this|it) is (my|our|the) (second|third|fourth|fifth|#th|#rd|#nd|umpteenth) (email|e mail|time|request|reminder|notice|message|call|ticket|attempt|letter|contact|follow up)",  # noqa: E501
        "(second|third|fourth|fifth|#th|#rd|#nd|umpteenth) (email|e mail|request|reminder|notice|message|call|ticket|attempt to reach|letter|follow up|time (i|we) (have |'ve )?(contact|writ|wrote|email|call|ask|report|rais|chas|explain|reach))",  # noqa: E501
        f"(as|like) {_I} (already |previously )?(said|mentioned|explained|wrote|stated|told you|reported)", "as (previously|already) (mentioned|stated|explained|reported)",  # noqa: E501
        "(the|your) (agent|representative|rep|colleague|advisor|adviser|support (agent|person|team)|team|operator|person|guy|lady|woman|man|staff member|employee|call centre|call center|hotline|chatbot|bot) .. (i spoke (to|with)|i talked to|told me|told us|said|closed|promised|laughed|hung up|assured|informed|replied|answered|sent me|sent us)",  # noqa: E501
        "(i|we) (was|were) (told|promised|assured|informed) (that|by|an|a|it|we|i|#|they|someone|the)", "(was|were) promised",
        "(no|without|still no|still haven't had|haven't had|haven't received|have not received|never got|never received) (reply|response|answer|callback|call back|feedback|update|acknowledg*) (to|from|on|about) (my|our|any of my|either|the)",  # noqa: E501
        "(#|two|three|four|five|six|several|multiple|many|countless|numerous) (emails|e mails|calls|phone calls|letters|chats|reminders|complaints|attempts to (reach|contact|get hold of))",  # noqa: E501
        "(hung up|disconnected|cut off) on (me|us)", "(not|never) (responded|replied|answered|reacted) to (either|any|both|my|our|them)",
        "again on (#|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the #)", "and again (on|yesterday|last|today|this morning)",
        "(opened|filed|logged|raised|submitted|created) (a|an|the|my|our|two|three|#|several) (ticket|tickets|case|cases|complaint|complaints|support request|support requests)", "(the )?(phone|line|call|chat) (disconnected|dropped|cut off|hung up) (me|on me|after)",
        "(hours|minutes|an hour) on hold", "on hold for", "(spent|waited) .. on hold", "(chat|phone line|hotline) was (closed|busy)",
        "(reference|ref|case|ticket|complaint) (number|no|nr|#|id)? #", "(case|ticket) #", "(you|your team|your agent|your colleague) (said|told me|told us|promised|replied|answered|sent me)",  # noqa: E501
        "(despite|after) (my|our) (#|two|three|several|previous|repeated|many)? (emails|letters|calls|messages|requests|reminders|complaints|email|letter|call|message|request|reminder|complaint)",  # noqa: E501
        "(same|identical) (steps|answer|reply|response|link|message) .. (first|last|previous|before|again)", "from your first reply",
        "(every|each) (time|reply) (i|we) (call|write|email|ask|contact|chat)", "(every|each) reply",
        "(reported|raised|logged|flagged|reported it|reported this|mentioned) (it |this |the issue )?(on|last|yesterday|# (days|weeks) ago|a (week|month) ago|already|before|twice)",  # noqa: E501
    ],
}
