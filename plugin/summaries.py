"""Plain-text helpers the documents use: a short extractive summary of the issue, what agents have tried, what the
customer expects, the timeline, recommended next steps per reason, and attachment links. Pure and deterministic."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from plugin.domain import Reason, Ticket, TicketHistory, is_ours
from plugin.keywords import fold

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_GREETING = re.compile(r"^(hi|hello|hey|dear [^,]*|bonjour|bonsoir|salut|madame|monsieur)\b[ ,!.]*", re.IGNORECASE)
_CUES = {
    "en": ("need", "expect", "want", "asap", "as soon as", "today", "tomorrow", "deadline", "by monday", "by friday",
           "before", "urgent", "must", "refund", "please fix", "within"),
    "fr": ("besoin", "attends", "attendons", "souhaite", "souhaitons", "aujourd'hui", "demain", "avant", "urgent",
           "au plus vite", "rapidement", "remboursement", "doit", "d'ici"),
}
_MAX_SENTENCE = 240


def sentences(text: str) -> list[str]:
    out = []
    for part in _SENTENCE.split(text or ""):
        part = _GREETING.sub("", part.strip()).strip()
        part = part[:1].upper() + part[1:]
        if len(part) > 3:
            out.append(part if len(part) <= _MAX_SENTENCE else part[: _MAX_SENTENCE - 1].rstrip() + "…")
    return out


def issue_summary(ticket: Ticket, limit: int = 3) -> str:
    """Two or three sentences: the subject, then the customer's first sentences that add something."""
    picked = [ticket.subject.strip().rstrip(".") + "."] if ticket.subject.strip() else []
    seen = {fold(ticket.subject)}
    customer_texts = [ticket.description] + [c.body for c in ticket.comments if not c.by_agent]
    for text in customer_texts:
        for sentence in sentences(text):
            key = fold(sentence)
            if key in seen or len(picked) >= limit:
                continue
            seen.add(key)
            picked.append(sentence)
        if len(picked) >= limit:
            break
    return " ".join(picked)


@dataclass(frozen=True)
class Attempt:
    at: datetime
    text: str
    public: bool


def attempts(ticket: Ticket, limit: int = 6) -> list[Attempt]:
    """What agents have done: the first line of each agent comment (ours excluded), oldest first."""
    out = []
    for comment in sorted(ticket.comments, key=lambda c: c.created_at):
        if comment.by_agent and not is_ours(comment.body):
            first = next((s for s in sentences(comment.body)), "").strip()
            if first:
                out.append(Attempt(comment.created_at, first, comment.public))
    return out[-limit:]


def expectation(ticket: Ticket, language: str) -> list[str]:
    """Sentences in which the customer states a need or a deadline."""
    cues = _CUES.get(language, _CUES["en"]) + (_CUES["en"] if language != "en" else ())
    found = []
    for text in [ticket.description] + [c.body for c in ticket.comments if not c.by_agent]:
        for sentence in sentences(text):
            folded = fold(sentence)
            hit = any(re.search(r"(?<!\w)" + re.escape(fold(cue)) + r"(?!\w)", folded) for cue in cues)
            if hit and sentence not in found:
                found.append(sentence)
    return found[-2:]


_STEPS = {
    "en": {
        "legal_keywords": "Do not admit liability or promise compensation; loop in legal before replying.",
        "regulatory_keywords": "Involve compliance; keep every reply factual and dated.",
        "reputational_keywords": "Alert communications; answer publicly only with an approved statement.",
        "security_incident": "Contain first: follow the security incident process and preserve the evidence.",
        "critical_incident": "Open or join the incident; give the customer an update every 30 minutes.",
        "outage": "Check the status page and open incidents before troubleshooting this account.",
        "sla_warning": "Reply to the customer now, even with a partial answer, to keep the SLA.",
        "sla_breached": "Reply now and tell the customer when the next update will come.",
        "repeat_contact": "Read the earlier tickets before replying; do not ask for information already given.",
        "negative_sentiment": "Acknowledge the frustration first; offer a call if the issue is complex.",
        "frustration_keywords": "Acknowledge the frustration first; offer a call if the issue is complex.",
        "vip_customer": "The account manager has been told; keep them copied on the resolution.",
        "enterprise_customer": "Check the contract's support terms; the account manager has been told.",
        "high_lifetime_value": "High-value account: the account manager has been told.",
        "high_revenue_impact": "Revenue at stake: confirm the business impact and agree a workaround.",
        "unassigned": "Assign the ticket now.",
        "manual_escalation": "Read the requesting agent's notes; contact them if anything is unclear.",
    },
    "fr": {
        "legal_keywords": "Ne reconnaissez aucune responsabilité et ne promettez aucune compensation ; "
                          "consultez le service juridique avant de répondre.",
        "regulatory_keywords": "Impliquez la conformité ; restez factuel et daté dans chaque réponse.",
        "reputational_keywords": "Prévenez la communication ; ne répondez publiquement qu'avec un message validé.",
        "security_incident": "Contenez d'abord : suivez la procédure d'incident de sécurité et conservez les "
                             "preuves.",
        "critical_incident": "Ouvrez ou rejoignez l'incident ; donnez des nouvelles au client toutes les "
                             "30 minutes.",
        "outage": "Vérifiez la page d'état et les incidents en cours avant de diagnostiquer ce compte.",
        "sla_warning": "Répondez au client maintenant, même partiellement, pour tenir l'engagement de service.",
        "sla_breached": "Répondez maintenant et indiquez au client quand viendra la prochaine mise à jour.",
        "repeat_contact": "Lisez les demandes précédentes avant de répondre ; ne redemandez pas ce qui a déjà été "
                          "fourni.",
        "negative_sentiment": "Reconnaissez d'abord l'agacement ; proposez un appel si le sujet est complexe.",
        "frustration_keywords": "Reconnaissez d'abord l'agacement ; proposez un appel si le sujet est complexe.",
        "vip_customer": "Le responsable de compte est prévenu ; tenez-le informé de la résolution.",
        "enterprise_customer": "Vérifiez les conditions de support du contrat ; le responsable de compte est "
                               "prévenu.",
        "high_lifetime_value": "Compte à forte valeur : le responsable de compte est prévenu.",
        "high_revenue_impact": "Chiffre d'affaires en jeu : confirmez l'impact et convenez d'un contournement.",
        "unassigned": "Attribuez la demande maintenant.",
        "manual_escalation": "Lisez les notes de l'agent qui a escaladé ; contactez-le en cas de doute.",
    },
}
_DEFAULT_STEP = {"en": "Review the ticket and reply to the customer.",
                 "fr": "Étudiez la demande et répondez au client."}


def next_steps(reasons: Sequence[Reason], language: str) -> list[str]:
    steps = _STEPS.get(language, _STEPS["en"])
    out: list[str] = []
    for reason in reasons:
        step = steps.get(reason.rule)
        if step and step not in out:
            out.append(step)
    return out or [_DEFAULT_STEP.get(language, _DEFAULT_STEP["en"])]


def attachment_links(ticket: Ticket) -> list[str]:
    links: list[str] = []
    for comment in ticket.comments:
        for link in comment.attachments:
            if link not in links:
                links.append(link)
    return links


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    what: str


def timeline(ticket: Ticket, history: TicketHistory, now: datetime, trigger: str, language: str
             ) -> list[TimelineEntry]:
    """Initial contact, what agents did, earlier escalations, and this escalation, in time order."""
    fr = language == "fr"
    entries = [TimelineEntry(ticket.created_at, "Premier contact" if fr else "Initial contact")]
    for attempt in attempts(ticket):
        kind = ("réponse" if attempt.public else "note interne") if fr else ("reply" if attempt.public else
                                                                             "internal note")
        entries.append(TimelineEntry(attempt.at, f"{kind} : {attempt.text}" if fr else f"{kind}: {attempt.text}"))
    for entry in history.escalations:
        label = "Escalade" if fr else "Escalated"
        entries.append(TimelineEntry(entry.at, f"{label} Tier {entry.from_tier} -> Tier {entry.to_tier} "
                                               f"({entry.rule})"))
    entries.append(TimelineEntry(now, (f"Escalade déclenchée : {trigger}" if fr else
                                       f"Escalation triggered: {trigger}")))
    return sorted(entries, key=lambda e: e.at)
