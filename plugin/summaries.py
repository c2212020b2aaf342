"""Plain-text helpers the documents use: a short extractive summary of the issue, what agents have tried, what the
customer expects, the timeline, recommended next steps per reason, attachment links, and each reason's summary in
the requester's language. Pure and deterministic."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from plugin.config import EscalatorConfig, RuleConfig
from plugin.domain import Priority, Reason, Ticket, TicketHistory, is_ours
from plugin.durations import format_duration
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


_MEMO = 4096  # texts whose sentences (and stated needs) are kept: a ticket's words are re-read at every decision


def sentences(text: str) -> list[str]:
    return list(_sentences(text or ""))


@lru_cache(maxsize=_MEMO)
def _sentences(text: str) -> tuple[str, ...]:
    out = []
    for part in _SENTENCE.split(text):
        part = _GREETING.sub("", part.strip()).strip()
        part = part[:1].upper() + part[1:]
        if len(part) > 3:
            out.append(part if len(part) <= _MAX_SENTENCE else part[: _MAX_SENTENCE - 1].rstrip() + "…")
    return tuple(out)


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


@lru_cache(maxsize=16)
def _cue_pattern(language: str) -> re.Pattern[str]:
    """The language's cues (and English's) as one expression: any cue, as whole words, in a folded sentence."""
    cues = _CUES.get(language, _CUES["en"]) + (_CUES["en"] if language != "en" else ())
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(cue)) for cue in cues) + r")(?!\w)")


def expectation(ticket: Ticket, language: str) -> list[str]:
    """Sentences in which the customer states a need or a deadline."""
    texts = (ticket.description, *(c.body for c in ticket.comments if not c.by_agent))
    return list(_expectation(texts, language))


@lru_cache(maxsize=_MEMO)
def _expectation(texts: tuple[str, ...], language: str) -> tuple[str, ...]:
    pattern = _cue_pattern(language)
    found: list[str] = []
    for text in texts:
        for sentence in _sentences(text or ""):
            if sentence not in found and pattern.search(fold(sentence)):
                found.append(sentence)
    return tuple(found[-2:])


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
        "manager_requested": "A team lead calls the customer back today; say who and when in the first reply.",
        "repeat_claimed": "Find the earlier contact (email, call, chat) before replying; do not ask again.",
        "incident_page": "On-call has been paged: link this ticket to the incident.",
        "handoff_warning": "Take the ticket now: assign it to someone of the tier, or reply.",
        "handoff_breached": "The tier missed its response target: its lead picks an owner now.",
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
        "manager_requested": "Un responsable rappelle le client aujourd'hui ; dites qui et quand dès la première "
                             "réponse.",
        "repeat_claimed": "Retrouvez le contact précédent (mail, appel, chat) avant de répondre ; ne redemandez "
                          "rien.",
        "incident_page": "L'astreinte est prévenue : rattachez cette demande à l'incident.",
        "handoff_warning": "Prenez la demande maintenant : assignez-la à quelqu'un du niveau, ou répondez.",
        "handoff_breached": "Le niveau a dépassé son délai de prise en charge : son responsable désigne quelqu'un "
                            "maintenant.",
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
        if fr:
            what = f"Escalade niveau {entry.from_tier} -> niveau {entry.to_tier} ({entry.rule})"
        else:
            what = f"Escalated Tier {entry.from_tier} -> Tier {entry.to_tier} ({entry.rule})"
        entries.append(TimelineEntry(entry.at, what))
    entries.append(TimelineEntry(now, (f"Escalade déclenchée : {trigger}" if fr else
                                       f"Escalation triggered: {trigger}")))
    return sorted(entries, key=lambda e: e.at)


# -- the reasons in the requester's language

_UNITS = {
    "en": (("day", "days"), ("hour", "hours"), ("minute", "minutes")),
    "fr": (("jour", "jours"), ("heure", "heures"), ("minute", "minutes")),
}


def spoken_duration(value: timedelta, language: str = "en", *, business: bool = False) -> str:
    """A duration as a customer reads it: "1 hour", "2 hours 30 minutes", "2 jours".

    In business time a day is not 24 hours, so the duration is said in hours: "4 business hours", "48 business
    hours", "4 heures ouvrées", "2 hours 30 minutes (business hours)".
    """
    total = int(value.total_seconds() // 60)
    words = _UNITS.get(language, _UNITS["en"])
    fr = language == "fr"
    if business:
        hours, minutes = divmod(total, 60)
        if hours and not minutes:
            if fr:
                return f"{hours} heure{'s' if hours > 1 else ''} ouvrée{'s' if hours > 1 else ''}"
            return f"{hours} business hour{'s' if hours > 1 else ''}"
        parts = [f"{amount} {one if amount == 1 else many}"
                 for amount, (one, many) in ((hours, words[1]), (minutes, words[2])) if amount]
        if parts:
            return " ".join(parts) + (" (heures ouvrées)" if fr else " (business hours)")
    parts = []
    for (one, many), size in zip(words, (1440, 60, 1), strict=True):
        amount, total = divmod(total, size)
        if amount:
            parts.append(f"{amount} {one if amount == 1 else many}")
    return " ".join(parts) or ("quelques minutes" if fr else "a few minutes")


def short_duration(value: timedelta, language: str = "en") -> str:
    """4h, 1h 30m, 2d; in French 2j."""
    text = format_duration(value)
    return re.sub(r"(\d)d\b", r"\1j", text) if language == "fr" else text


def _number(value: float, language: str) -> str:
    text = f"{value:,.0f}"
    return text.replace(",", "\u202f") if language == "fr" else text


_QUOTE = {"en": ('"', '"'), "fr": ("« ", " »")}

_CLOCKS_FR = {"first_response": "première réponse", "resolution": "résolution", "next_reply": "réponse suivante",
              "periodic_update": "mise à jour périodique"}
_PRIORITIES_FR = {Priority.CRITICAL: "Critique", Priority.HIGH: "Haute", Priority.MEDIUM: "Moyenne",
                  Priority.LOW: "Basse"}
_STATUSES_FR = {"new": "nouvelle", "open": "ouverte", "pending": "en attente", "on_hold": "en pause",
                "solved": "résolue", "closed": "fermée"}
_SENTIMENTS_FR = {"calm": "calme", "frustrated": "agacé", "angry": "en colère", "threatening": "menaçant"}
_CLOCK_STATES_FR = {"ok": "dans les temps", "warning": "alerte", "breached": "dépassé", "fulfilled": "tenu",
                    "paused": "en pause"}
_CUSTOMER_TIERS_FR = {"vip": "VIP", "enterprise": "entreprise", "standard": "standard"}
MANUAL_REASONS_FR = {
    "beyond_knowledge": "hors des connaissances de l'agent",
    "beyond_authority": "hors de l'autorité de l'agent",
    "manager_requested": "le client demande un responsable",
    "policy_exception": "exception à la politique nécessaire",
    "cross_department": "coordination entre services",
    "pr_risk": "risque potentiel pour l'image ou la réputation",
}
_KEYWORD_LABELS_FR = {
    "frustration_keywords": "Le client paraît agacé",
    "manager_requested": "Le client demande un responsable",
    "repeat_claimed": "Le client dit nous avoir déjà contactés",
    "legal_keywords": "Menace juridique",
    "regulatory_keywords": "Vocabulaire réglementaire",
    "reputational_keywords": "Menace d'exposition publique",
    "outage": "Signalement de panne",
    "security_incident": "Signalement d'incident de sécurité",
}
_INCIDENTS_FR = {"security incident": "incident de sécurité", "system down": "panne du système"}


def priority_label(priority: Priority, language: str) -> str:
    return _PRIORITIES_FR[priority] if language == "fr" else priority.label


def customer_tier_label(tier: str, language: str) -> str:
    return _CUSTOMER_TIERS_FR.get(tier, tier) if language == "fr" else tier


def _quoted(words: Sequence[str], language: str) -> str:
    left, right = _QUOTE.get(language, _QUOTE["en"])
    return ", ".join(f"{left}{w}{right}" for w in words)


def _seconds(figures: Mapping[str, Any], name: str) -> timedelta:
    return timedelta(seconds=float(figures[name]))


def _sla_hours(figures: Mapping[str, Any]) -> str:
    business = figures.get("business_time")
    return "" if business is None else (", heures ouvrées" if business else ", heures calendaires")


def _fr_sla_warning(f: Mapping[str, Any], config: EscalatorConfig) -> str:
    hours = _sla_hours(f)
    return (f"SLA de {_CLOCKS_FR[f['clock']]} : {round(f['elapsed_share'] * 100)} % écoulés "
            f"({short_duration(_seconds(f, 'elapsed_seconds'), 'fr')} sur "
            f"{short_duration(_seconds(f, 'target_seconds'), 'fr')}{hours} ; alerte à {round(f['threshold'] * 100)} %)")


def _fr_sla_breached(f: Mapping[str, Any], config: EscalatorConfig) -> str:
    hours = _sla_hours(f)
    return (f"SLA de {_CLOCKS_FR[f['clock']]} dépassé : {short_duration(_seconds(f, 'elapsed_seconds'), 'fr')} "
            f"écoulés pour un objectif de {short_duration(_seconds(f, 'target_seconds'), 'fr')}"
            + (f" ({hours[2:]})" if hours else ""))


def _fr_negative_sentiment(f: Mapping[str, Any], config: EscalatorConfig) -> str:
    if "score" in f:
        return (f"Ressenti du client {float(f['score']):.2f}, sous le seuil de {float(f['threshold']):.2f} "
                f"(score composé VADER)")
    words = f.get("keywords") or []
    return f"Le client paraît {_SENTIMENTS_FR[f['mood']]}" + (f" : {_quoted(words, 'fr')}" if words else "")


def _fr_keywords(rule: str) -> Callable[[Mapping[str, Any], EscalatorConfig], str]:
    def render(f: Mapping[str, Any], config: EscalatorConfig) -> str:
        words = f["keywords"]
        if not words:
            if rule == "frustration_keywords":
                return _KEYWORD_LABELS_FR[rule]
            raise ValueError("no keywords")
        return f"{_KEYWORD_LABELS_FR[rule]} : {_quoted(words, 'fr')}"

    return render


def _fr_repeat_contact(f: Mapping[str, Any], config: EscalatorConfig) -> str:
    earlier = ", ".join(f["earlier_tickets"]) or "-"
    window = spoken_duration(_seconds(f, "window_seconds"), "fr")
    return (f"Contact n° {f['contact_count']} de ce demandeur pour le même problème en {window} "
            f"(précédents : {earlier})")


def _fr_customer_tier(f: Mapping[str, Any], config: EscalatorConfig) -> str:
    source = str(f["source"])
    if source.startswith("tag "):
        source = "étiquette " + source[4:]
    return f"Client {_CUSTOMER_TIERS_FR[f['customer_tier']]} ({source})"


def _fr_revenue(f: Mapping[str, Any], config: EscalatorConfig) -> str:
    return (f"Impact sur le chiffre d'affaires de {_number(f['revenue_impact'], 'fr')}, au-dessus du seuil de "
            f"{_number(f['threshold'], 'fr')}")


def _fr_lifetime_value(f: Mapping[str, Any], config: EscalatorConfig) -> str:
    return (f"Valeur client de {_number(f['lifetime_value'], 'fr')}, au-dessus du seuil de "
            f"{_number(f['threshold'], 'fr')}")


def _fr_unassigned(f: Mapping[str, Any], config: EscalatorConfig) -> str:
    return (f"Sans assignation depuis {spoken_duration(_seconds(f, 'unassigned_seconds'), 'fr')} (alerte après "
            f"{spoken_duration(_seconds(f, 'threshold_seconds'), 'fr')})")


def _fr_critical_incident(f: Mapping[str, Any], config: EscalatorConfig) -> str:
    return f"Incident critique, {_INCIDENTS_FR[f['incident']]} : {_quoted(f['keywords'], 'fr')}"


_PAGE_WHY_FR = {"always": "toujours", "vip_or_enterprise": "client VIP ou entreprise", "confirmed": "confirmé"}


def _fr_incident_page(f: Mapping[str, Any], config: EscalatorConfig) -> str:
    why = "confirmé par un agent" if f["confirmed"] else _PAGE_WHY_FR[f["requirement"]]
    return f"Astreinte prévenue, {_INCIDENTS_FR[f['incident']]} ({why}) : {_quoted(f['keywords'], 'fr')}"


def _fr_handoff_warning(f: Mapping[str, Any], config: EscalatorConfig) -> str:
    return (f"Le niveau {f['tier']} ({f['tier_name']}) n'a pas agi "
            f"{short_duration(_seconds(f, 'elapsed_seconds'), 'fr')} après la transmission "
            f"({round(f['elapsed_share'] * 100)} % de son objectif de "
            f"{short_duration(_seconds(f, 'target_seconds'), 'fr')})")


def _fr_handoff_breached(f: Mapping[str, Any], config: EscalatorConfig) -> str:
    return (f"Le niveau {f['tier']} ({f['tier_name']}) a dépassé son délai de prise en charge : aucune action "
            f"{short_duration(_seconds(f, 'elapsed_seconds'), 'fr')} après la transmission (objectif "
            f"{short_duration(_seconds(f, 'target_seconds'), 'fr')}, heures ouvrées)")


def _fr_manual(f: Mapping[str, Any], config: EscalatorConfig) -> str:
    tier = int(f["requested_tier"])
    reason = MANUAL_REASONS_FR.get(f.get("reason") or "", "sans motif précisé")
    return f"Escalade demandée par l'agent vers le niveau {tier} ({config.tiers[tier - 1].name}) : {reason}"


_TRIGGER_SUMMARIES: dict[str, dict[str, Callable[[Mapping[str, Any], EscalatorConfig], str]]] = {
    "fr": {
        "sla_warning": _fr_sla_warning,
        "sla_breached": _fr_sla_breached,
        "negative_sentiment": _fr_negative_sentiment,
        **{rule: _fr_keywords(rule) for rule in _KEYWORD_LABELS_FR},
        "repeat_contact": _fr_repeat_contact,
        "vip_customer": _fr_customer_tier,
        "enterprise_customer": _fr_customer_tier,
        "high_revenue_impact": _fr_revenue,
        "high_lifetime_value": _fr_lifetime_value,
        "unassigned": _fr_unassigned,
        "critical_incident": _fr_critical_incident,
        "incident_page": _fr_incident_page,
        "manual_escalation": _fr_manual,
        "handoff_warning": _fr_handoff_warning,
        "handoff_breached": _fr_handoff_breached,
    },
}

_FIELDS_FR = {
    "priority": "priorité", "status": "statut", "tier": "niveau", "customer_tier": "type de client",
    "tags": "étiquettes", "sla_elapsed": "SLA écoulé", "sla_state": "état du SLA", "sentiment": "ressenti",
    "sentiment_score": "score de ressenti", "contact_count": "nombre de contacts",
    "revenue_impact": "impact sur le chiffre d'affaires", "lifetime_value": "valeur client",
    "unassigned_for": "sans assignation depuis", "channel": "canal", "ticket_type": "type de demande",
    "group": "groupe", "assigned": "assignée", "organization": "organisation",
    "requester_tags": "étiquettes du demandeur",
}
_OPERATORS_FR = {
    "is": "est", "is_not": "n'est pas", "less_than": "inférieur à", "greater_than": "supérieur à",
    "at_least": "au moins", "at_most": "au plus", "includes": "comprend", "not_includes": "ne comprend pas",
    "contains": "contient", "one_of": "est l'un de",
}


def _fr_value(field: str, value: Any, *, actual: bool) -> str:
    """A condition's value, as the figures hold it (actual) or as the config holds it (expected), in French."""
    if value is None:
        return "aucun"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if field == "priority":
        priority = Priority.parse(value)
        return f"{_PRIORITIES_FR[priority]} ({priority.code})" if actual else _PRIORITIES_FR[priority].lower()
    if field == "sla_elapsed":
        return f"{round(float(value) * 100)} %"
    if field == "unassigned_for":
        seconds = float(value) if actual else value.total_seconds()
        return spoken_duration(timedelta(seconds=seconds), "fr")
    names = {"status": _STATUSES_FR, "sentiment": _SENTIMENTS_FR, "sla_state": _CLOCK_STATES_FR,
             "customer_tier": _CUSTOMER_TIERS_FR}.get(field)
    if isinstance(value, list | set | frozenset | tuple):
        return ", ".join(names.get(str(v), str(v)) if names else str(v) for v in sorted(value, key=str))
    if names is not None:
        return names.get(str(value), str(value))
    if field in ("revenue_impact", "lifetime_value"):
        return _number(float(value), "fr")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _fr_conditions(rule: RuleConfig, figures: Mapping[str, Any]) -> str:
    """The conditions of an admin rule that held (the figures name them), in French: "priorité Haute (P1), au moins
    haute ; SLA écoulé 83 %, au moins 80 %"."""
    parts = []
    for condition in [*rule.all, *rule.any]:
        key = f"trigger:{condition.value}" if condition.field == "trigger" else condition.field
        if key not in figures:
            if condition in rule.all:
                raise KeyError(key)
            continue
        if condition.field == "trigger":
            fired = condition.operator in ("fired", "is")
            parts.append(f"déclencheur {condition.value} {'déclenché' if fired else 'non déclenché'}")
            continue
        shown = _fr_value(condition.field, figures[key], actual=True)
        expected = _fr_value(condition.field, condition.expected, actual=False)
        name = _FIELDS_FR.get(condition.field, condition.field)
        parts.append(f"{name} {shown}, {_OPERATORS_FR[condition.operator]} {expected}")
    if not parts:
        raise KeyError(rule.name)
    return " ; ".join(parts)


def reason_summary(reason: Reason, language: str, config: EscalatorConfig) -> str:
    """The reason's summary in `language`, rendered from its rule and figures: each built-in trigger's, and the
    conditions of a rule that rests on no trigger. English (the summary the trigger or rule wrote) is the fallback
    for what cannot be rendered (an unknown language, figures that do not fit)."""
    if language == "en":
        return reason.summary
    render = _TRIGGER_SUMMARIES.get(language, {}).get(reason.rule)
    if render is not None:
        try:
            return render(reason.figures, config)
        except (KeyError, TypeError, ValueError, IndexError):
            pass
    rule = next((r for r in config.all_rules if r.name == reason.rule), None)
    if rule is not None and language == "fr":
        try:
            return _fr_conditions(rule, reason.figures)
        except (KeyError, TypeError, ValueError, AttributeError):
            pass
    return reason.summary


def localized_reasons(reasons: Sequence[Reason], language: str, config: EscalatorConfig) -> list[Reason]:
    """The reasons with their summaries in `language` (a reason whose summary stays as written is kept as it is)."""
    out = []
    for reason in reasons:
        summary = reason_summary(reason, language, config)
        out.append(reason if summary == reason.summary else replace(reason, summary=summary))
    return out
