"""The setup questionnaire's core (`escalator init`): the framework's five answers (company and product, monthly
volume, support structure, top categories, pain points) plus platform, hours, holidays and alert addresses, turned
into the configuration data and the commented `escalator.yaml` that holds it. No I/O: the command
(webhooks/cli_init.py) asks, reads the answers file and writes.

Every `parse_*` reads an answer as an admin types it at the prompt or writes it in the answers file and raises
ValueError with a message fit to show; `build` turns parsed answers into the file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from plugin.config import WEEKDAYS, HolidaysConfig, PainPoint, RoutingConfig, parse_interval

PLATFORMS = ("zendesk", "freshdesk", "both")
ALERT_ROLES = ("support_manager", "team_lead", "on_call", "account_manager")
ALERT_HELP = {
    "support_manager": "SLA warnings and breaches, unassigned tickets, legal threats, the weekly report",
    "team_lead": "angry or frustrated customers, customers asking for a manager",
    "on_call": "system-down and security incidents (pages, repeated until acknowledged)",
    "account_manager": "VIP and enterprise customers, revenue at risk",
}
FRAMEWORK_TIERS = ("Frontline", "Technical/Specialist", "Senior/Engineering", "Management/Executive")
_MANAGEMENT = re.compile(r"manage|executive|leadership|director|head of", re.IGNORECASE)
TAG_LIMIT = 32  # Freshdesk refuses longer tags


@dataclass(frozen=True)
class PainPointInfo:
    key: PainPoint
    label: str
    remedy: str  # what `init` turns on for it, in a sentence (the YAML comment, `describe`, docs/init.md)
    rule: str | None  # the rule it adds to extra_rules, if any


PAIN_POINTS: dict[str, PainPointInfo] = {p.key: p for p in (
    PainPointInfo("slow_first_response", "Slow first response",
                  "SLA warnings at 50 % and 80 % of each target (sla.warning_at), and the Tier 1 lead is told when "
                  "a ticket nobody has picked up reaches a warning", "first_response_watch"),
    PainPointInfo("bounced_between_teams", "Customers bounced between teams",
                  "every tier gets a handoff target (tiers[n].response_target, none immediate), so the receiving "
                  "tier's clock runs after each handoff and its lead is told at the warning; a handed-off ticket "
                  "nobody there picks up is flagged to that tier's lead", "handoff_owner"),
    PainPointInfo("escalations_without_context", "Escalations without context",
                  "each tier above Tier 1 states what a handoff must carry (tiers[n].requires, printed in the handoff "
                  "note), and a manual escalation gets a checklist note for the escalating agent", "handoff_context"),
    PainPointInfo("alert_floods", "Alert floods",
                  "the same alert for a ticket goes out once per doubled dedupe period "
                  "(notifications.dedupe_period), alerts wait for business hours except pages "
                  "(notifications.respect_business_hours), and the unassigned alert counts business time only "
                  "(thresholds.unassigned_business_time)", None),
    PainPointInfo("repeat_contacts", "Customers writing in again about the same issue",
                  "escalation from the second contact instead of the third (thresholds.repeat_contact: 2), and the "
                  "ticket's tier lead is told when a customer says they wrote before", "repeat_claim_lead"),
    PainPointInfo("unassigned_tickets", "Tickets waiting unassigned",
                  "the unassigned alert comes at half the volume's delay (thresholds.unassigned_after), and goes to "
                  "the Tier 1 lead as well as the support manager", "unassigned_to_lead"),
)}
assert set(PAIN_POINTS) == set(get_args(PainPoint))


@dataclass(frozen=True)
class VolumeBand:
    below: int | None  # monthly tickets under this (None: no upper bound)
    unassigned_after: str
    repeat_contact_window: str
    dedupe_period: str


# More tickets: a queue grows faster (an unassigned ticket is noticed sooner), an old contact is less likely the same
# issue (a shorter repeat window), and more alerts go out (a longer dedupe period).
VOLUME_BANDS = (
    VolumeBand(1000, "4h", "30d", "12h"),
    VolumeBand(5000, "2h", "30d", "24h"),
    VolumeBand(20000, "1h", "14d", "24h"),
    VolumeBand(None, "30m", "7d", "48h"),
)


def volume_band(monthly: int) -> VolumeBand:
    return next(b for b in VOLUME_BANDS if b.below is None or monthly < b.below)


@dataclass(frozen=True)
class Category:
    name: str
    tier: int
    tag: str


@dataclass(frozen=True)
class Answers:
    """Parsed answers; build() turns them into the configuration."""

    company: str
    product: str
    monthly_tickets: int
    tiers: tuple[str, ...]
    categories: tuple[Category, ...]
    pain_points: tuple[str, ...]
    industry: str = "Software as a service"
    team_size: int | None = None
    platform: str = "zendesk"
    zendesk_subdomain: str = ""
    freshdesk_domain: str = ""
    timezone: str = "UTC"
    hours: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: dict.fromkeys(WEEKDAYS[:5], ("09:00-17:00",)))
    holidays: tuple[str, str | None] | None = None  # (country, subdivision)
    alerts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # role -> apprise URLs
    structure_text: str = ""


# ----------------------------------------------------------------------------------------------------- the readers


def slug(text: str, limit: int = TAG_LIMIT) -> str:
    """A tag from a name: "Billing disputes" -> billing_disputes (ASCII, at most `limit` characters)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")
    return out[:limit].rstrip("_") or "category"


def parse_text(value: Any, what: str) -> str:
    text = " ".join(str(value if value is not None else "").split())
    if not text:
        raise ValueError(f"{what} is required")
    return text


def parse_volume(value: Any) -> int:
    """4500, "4,500", "4.5k", "about 4500 a month"."""
    if isinstance(value, bool):
        raise ValueError("the monthly ticket volume is a number of tickets, like 4500 or 4.5k")
    if isinstance(value, int):
        number = float(value)
    else:
        match = re.search(r"(\d[\d,_ ]*(?:\.\d+)?)\s*([km])?\b", str(value).lower())
        if match is None:
            raise ValueError(f"the monthly ticket volume is a number of tickets, like 4500 or 4.5k; got {value!r}")
        number = float(re.sub(r"[,_ ]", "", match.group(1)))
        number *= {"k": 1000, "m": 1_000_000}.get(match.group(2) or "", 1)
    if number < 0 or number > 10_000_000:
        raise ValueError(f"a monthly volume of {number:g} tickets is not plausible")
    return round(number)


def default_tier_names(count: int) -> tuple[str, ...]:
    """The framework's tier names for a team of `count` tiers; management stays last."""
    if count <= 3:
        return FRAMEWORK_TIERS[:count]
    middle = [*FRAMEWORK_TIERS[:3], *(f"Tier {n}" for n in range(4, count))]
    return (*middle, FRAMEWORK_TIERS[3])


def parse_structure(value: Any) -> tuple[str, ...]:
    """The support structure: a number of tiers ("3", "3 tiers": the framework's names), or the tier names, Tier 1
    first ("Frontline, Product specialists, Engineering"; also "L1 > L2 > L3" or a YAML list)."""
    if isinstance(value, int) and not isinstance(value, bool):
        items: list[str] = [str(value)]
    elif isinstance(value, list | tuple):
        items = [str(v) for v in value]
    else:
        text = parse_text(value, "the support structure")
        if ":" in text and re.match(r"^\s*\d+\s*(tiers?|levels?)?\s*:", text, re.IGNORECASE):
            text = text.split(":", 1)[1]
        items = re.split(r"\s*(?:,|;|->|>|\|)\s*", text)
    items = [re.sub(r"^(tier|level|l)\s*\d+\s*[:.)-]?\s*", "", i.strip(), flags=re.IGNORECASE).strip() or i.strip()
             for i in items if i.strip()]
    if len(items) == 1:
        count = re.fullmatch(r"(\d+)\s*(tiers?|levels?)?", items[0], re.IGNORECASE)
        if count:
            number = int(count.group(1))
            if not 1 <= number <= 9:
                raise ValueError("a team has 1 to 9 tiers")
            return default_tier_names(number)
    if not items:
        raise ValueError('name the tiers, Tier 1 first ("Frontline, Specialists, Engineering"), or give their number')
    if len(items) > 9:
        raise ValueError(f"a team has at most 9 tiers; got {len(items)}")
    folded = [i.casefold() for i in items]
    if len(set(folded)) != len(folded):
        raise ValueError("each tier needs its own name")
    return tuple(items)


_CATEGORY_HINTS: tuple[tuple[str, int], ...] = (
    (r"legal|lawsuit|regulat|complian|gdpr|privacy request|press|vip|executive|complaint", 4),
    (r"bug|integration|api|infrastructure|performance|outage|downtime|crash|security|breach|sso|webhook|data loss|"
     r"sync", 3),
    (r"billing|invoice|refund|payment|subscription|pricing|charge|account|license|plan", 2),
)
_CATEGORY_SPLIT = re.compile(r"\s*(?:->|=>|→|:)\s*")


def guess_tier(name: str, tier_count: int) -> int:
    """The tier that usually owns a category in the framework (billing: 2, integrations: 3, legal: 4), capped at
    the last tier; 1 when nothing matches."""
    for pattern, tier in _CATEGORY_HINTS:
        if re.search(pattern, name, re.IGNORECASE):
            return min(tier, tier_count)
    return 1


def _tier_number(text: str, tiers: tuple[str, ...]) -> int:
    text = text.strip()
    match = re.fullmatch(r"(?:tier|level|l)?\s*(\d+)", text, re.IGNORECASE)
    if match:
        number = int(match.group(1))
    else:
        names = [t.casefold() for t in tiers]
        if text.casefold() not in names:
            raise ValueError(f"{text!r} is not a tier: use a number from 1 to {len(tiers)} or a tier's name "
                             f"({', '.join(tiers)})")
        number = names.index(text.casefold()) + 1
    if not 1 <= number <= len(tiers):
        raise ValueError(f"there is no Tier {number}: the team has {len(tiers)} tier(s)")
    return number


def parse_categories(value: Any, tiers: tuple[str, ...]) -> tuple[Category, ...]:
    """The top ticket categories, each with the tier that owns it: "password resets -> 1, billing disputes -> 2,
    integrations -> Engineering" (a tier's number or name; left out, the framework's usual owner), or in the answers
    file a list of such texts or of {name, tier, tag}."""
    if isinstance(value, list | tuple):
        items: list[Any] = list(value)
    else:
        text = parse_text(value, "the top ticket categories")
        items = [part for part in re.split(r"\s*[,;]\s*", text) if part.strip()]
    out: list[Category] = []
    for item in items:
        if isinstance(item, Mapping):
            name = parse_text(item.get("name"), "a category's name")
            tier_text = item.get("tier")
            tag = str(item.get("tag") or "").strip()
        else:
            parts = _CATEGORY_SPLIT.split(str(item).strip(), maxsplit=1)
            name = parse_text(parts[0], "a category's name")
            tier_text = parts[1] if len(parts) > 1 else None
            tag = ""
        tier = guess_tier(name, len(tiers)) if tier_text in (None, "") else _tier_number(str(tier_text), tiers)
        if tag and not re.fullmatch(r"[a-z0-9_]{1,32}", tag):
            raise ValueError(f"the tag {tag!r} of {name!r} must be lower-case letters, digits and _, at most 32")
        out.append(Category(name, tier, tag or slug(name)))
    if not out:
        raise ValueError("name at least one category")
    if len(out) > 10:
        raise ValueError(f"give the top five categories (at most 10); got {len(out)}")
    tags = [c.tag for c in out]
    if len(set(tags)) != len(tags):
        twice = ", ".join(sorted({t for t in tags if tags.count(t) > 1}))
        raise ValueError(f"two categories make the same tag ({twice}): rename one")
    return tuple(out)


def parse_pain_points(value: Any) -> tuple[str, ...]:
    """Pain points from the fixed list, by number (1-6), key (slow_first_response) or label words; "none" for
    none."""
    if isinstance(value, list | tuple):
        items = [str(v) for v in value]
    else:
        text = " ".join(str(value if value is not None else "").split())
        if text.lower() in ("", "none", "-", "no"):
            return ()
        items = re.split(r"\s*[,;]\s*", text)
    keys = list(PAIN_POINTS)
    out: list[str] = []
    for item in (i.strip() for i in items if i.strip()):
        key: str | None = None
        if item.isdigit() and 1 <= int(item) <= len(keys):
            key = keys[int(item) - 1]
        else:
            wanted = slug(item, 100)
            key = next((k for k, info in PAIN_POINTS.items() if wanted in (k, slug(info.label, 100))), None)
        if key is None:
            raise ValueError(f"unknown pain point {item!r}: use 1-{len(keys)} or {', '.join(keys)}")
        if key not in out:
            out.append(key)
    return tuple(out)


def parse_platform(value: Any) -> str:
    text = str(value or "").strip().lower()
    if text not in PLATFORMS:
        raise ValueError(f"the platform is zendesk, freshdesk or both; got {value!r}")
    return text


def parse_timezone(value: Any) -> str:
    text = str(value or "").strip()
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {text!r}: use an IANA name like Europe/Paris or America/New_York"
                         ) from None
    return text


_DAY_RANGE = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)(?:\s*-\s*(mon|tue|wed|thu|fri|sat|sun))?$")


def parse_hours(value: Any) -> dict[str, tuple[str, ...]]:
    """Business hours: "mon-fri 09:00-17:00", "mon-fri 09:00-12:30,13:30-18:00; sat 10:00-14:00", "24/7"; in the
    answers file also a mapping {mon: [09:00-17:00], ...}."""
    if isinstance(value, Mapping):
        out: dict[str, tuple[str, ...]] = {}
        for day, intervals in value.items():
            if str(day).lower() not in WEEKDAYS:
                raise ValueError(f"{day!r} is not a day: use mon, tue, wed, thu, fri, sat, sun")
            items = [intervals] if isinstance(intervals, str) else list(intervals)
            for item in items:
                parse_interval(str(item))
            out[str(day).lower()] = tuple(str(i).strip() for i in items)
        return {d: out[d] for d in WEEKDAYS if d in out}
    text = " ".join(str(value or "").lower().split())
    if text in ("24/7", "24x7", "always"):
        return dict.fromkeys(WEEKDAYS, ("00:00-24:00",))
    days: dict[str, tuple[str, ...]] = {}
    for part in (p.strip() for p in text.split(";") if p.strip()):
        match = re.match(r"^([a-z]{3}(?:\s*-\s*[a-z]{3})?(?:\s*,\s*[a-z]{3}(?:\s*-\s*[a-z]{3})?)*)\s+(.+)$", part)
        if match is None:
            raise ValueError(f'{part!r}: write business hours like "mon-fri 09:00-17:00" or '
                             f'"mon-fri 09:00-12:30,13:30-18:00; sat 10:00-14:00", or 24/7')
        intervals = tuple(i.strip() for i in match.group(2).split(",") if i.strip())
        for interval in intervals:
            parse_interval(interval)
        for span in match.group(1).split(","):
            day_match = _DAY_RANGE.match(span.strip())
            if day_match is None:
                raise ValueError(f"{span.strip()!r} is not a day or a range of days like mon-fri")
            first = WEEKDAYS.index(day_match.group(1))
            last = WEEKDAYS.index(day_match.group(2) or day_match.group(1))
            if last < first:
                raise ValueError(f"{span.strip()!r}: write a range of days in week order (mon-fri)")
            for day in WEEKDAYS[first:last + 1]:
                days[day] = intervals
    if not days:
        raise ValueError('give business hours like "mon-fri 09:00-17:00", or 24/7')
    return {d: days[d] for d in WEEKDAYS if d in days}


def parse_holidays(value: Any) -> tuple[str, str | None] | None:
    """A country code (FR, US) with an optional region (US/CA, DE-BY), or "none"."""
    text = str(value if value is not None else "").strip()
    if text.lower() in ("", "none", "no", "-"):
        return None
    parts = re.split(r"[/-]", text, maxsplit=1)
    country = parts[0].strip().upper()
    region = parts[1].strip().upper() if len(parts) > 1 and parts[1].strip() else None
    HolidaysConfig(country=country, subdivision=region)  # raises when the holidays package knows no such place
    return country, region


_EMAIL = re.compile(r"^[^@\s:/]+@([^@\s:/]+\.[^@\s:/]+)$")
_NATIVE_HOOKS = re.compile(r"^https://(hooks\.slack\.com|discord(app)?\.com|[a-z0-9.-]*webhook\.office\.com|"
                           r"chat\.googleapis\.com|[a-z0-9.-]*\.logic\.azure\.com)/", re.IGNORECASE)


def alert_url(address: str, smtp: str = "", sender: str = "") -> str:
    """An apprise URL for an address: an email (through `smtp`, host[:port], from `sender`), a chat webhook URL
    (Slack, Discord, Teams, Google Chat: kept as it is; any other https URL: a JSON POST), or an apprise URL."""
    text = address.strip()
    email = _EMAIL.match(text)
    if email:
        host = smtp.strip() or f"smtp.{email.group(1)}"
        port = "" if ":" in host else ":587"
        frm = sender.strip() or f"escalator@{email.group(1)}"
        return f"mailtos://{host}{port}?from={frm}&to={text}"
    if _NATIVE_HOOKS.match(text):
        return text
    if text.lower().startswith("https://"):
        return "jsons://" + text[len("https://"):]
    if text.lower().startswith("http://"):
        return "json://" + text[len("http://"):]
    if re.match(r"^[a-z][a-z0-9+]*://\S+$", text, re.IGNORECASE):
        return text
    raise ValueError(f"{text!r} is neither an email address nor a webhook URL (https://...)")


def parse_alerts(value: Any, smtp: str = "", sender: str = "") -> dict[str, tuple[str, ...]]:
    """Where alerts go, per role: {support_manager: "lead@acme.com, https://hooks.slack.com/..."} (a text or a
    list per role; any role a rule can notify, e.g. tier_2_lead)."""
    if value in (None, ""):
        return {}
    if not isinstance(value, Mapping):
        raise ValueError("alerts are a mapping of role -> addresses, e.g. {support_manager: lead@acme.com}")
    out: dict[str, tuple[str, ...]] = {}
    for role, addresses in value.items():
        if not re.fullmatch(r"[a-z][a-z0-9_]*", str(role)):
            raise ValueError(f"{role!r} is not a role name (support_manager, team_lead, on_call, ...)")
        items = parse_addresses(addresses)
        if items:
            out[str(role)] = tuple(alert_url(a, smtp, sender) for a in items)
    order = {role: i for i, role in enumerate(ALERT_ROLES)}  # the same file whatever order the roles came in
    return {role: out[role] for role in sorted(out, key=lambda r: (order.get(r, len(order)), r))}


def parse_addresses(value: Any) -> tuple[str, ...]:
    """A role's addresses as typed: comma- or space-separated emails and URLs; "none" or blank for none."""
    if value is None:
        return ()
    items = [str(v) for v in value] if isinstance(value, list | tuple) else re.split(r"[\s,;]+", str(value))
    items = [i.strip() for i in items if i.strip() and i.strip().lower() not in ("none", "-")]
    for item in items:
        alert_url(item)
    return tuple(items)


# ------------------------------------------------------------------------------------------------------ the builder


@dataclass(frozen=True)
class Setup:
    """What init writes: the configuration data and the same data as commented YAML."""

    data: dict[str, Any]
    text: str


def default_team_size(monthly_tickets: int) -> int:
    """People answering tickets, when not given: about 250 tickets a person a month."""
    return max(1, round(monthly_tickets / 250))


def default_domain(company: str) -> str:
    """The helpdesk's subdomain guessed from the company's name: "Fernwood Analytics" -> fernwoodanalytics."""
    return slug(company, 60).replace("_", "")


def response_targets(tiers: tuple[str, ...], every_tier_timed: bool) -> list[str]:
    """The framework's targets by position (2h, 4h, then 8h); a management tier last is immediate, or 1h when every
    tier must keep a handoff clock."""
    out = []
    for index, name in enumerate(tiers):
        if index == len(tiers) - 1 and index > 0 and _MANAGEMENT.search(name):
            out.append("1h" if every_tier_timed else "0")
        else:
            out.append(("2h", "4h", "8h")[min(index, 2)])
    return out


def _halved(duration: str) -> str:
    number, unit = int(duration[:-1]), duration[-1]
    minutes = number * {"m": 1, "h": 60, "d": 1440}[unit] // 2
    return f"{minutes // 60}h" if minutes % 60 == 0 else f"{minutes}m"


def _doubled(duration: str) -> str:
    number, unit = int(duration[:-1]), duration[-1]
    return f"{number * 2}{unit}"


_CAUSES = (("security_incident", r"security|breach|fraud|hack"), ("outage", r"outage|downtime|down\b"),
           ("legal", r"legal|lawsuit"), ("regulatory", r"regulat|complian|gdpr|privacy"),
           ("vip_complaint", r"vip|complaint|executive"), ("social_media", r"press|social|review|reputation"))


def _rule(name: str, description: str, conditions: dict[str, list[dict[str, Any]]],
          actions: list[dict[str, Any]]) -> dict[str, Any]:
    return {"name": name, "description": description, **conditions, "actions": actions}


def _trigger(name: str) -> dict[str, Any]:
    return {"field": "trigger", "operator": "fired", "value": name}


def pain_rule(key: str) -> dict[str, Any] | None:
    """The rule a pain point adds to extra_rules (None: it is addressed by settings only)."""
    rule = PAIN_POINTS[key].rule
    if rule is None:
        return None
    if key == "slow_first_response":
        return _rule(rule, "A ticket nobody has picked up reached an SLA warning: tell the Tier 1 lead.",
                     {"all": [_trigger("sla_warning"), {"field": "assigned", "operator": "is", "value": False}]},
                     [{"action": "add_tags", "value": ["first_response_at_risk"]},
                      {"action": "notify", "value": "tier_1_lead"}])
    if key == "bounced_between_teams":
        return _rule(rule, "A handed-off ticket nobody in the receiving tier picked up: tell that tier's lead, who "
                           "names one owner until it is solved.",
                     {"all": [_trigger("unassigned"), {"field": "tier", "operator": "at_least", "value": 2}]},
                     [{"action": "add_tags", "value": ["handoff_unowned"]}, {"action": "notify", "value": "tier_lead"},
                      {"action": "internal_note", "value": "Handed off and not picked up: one owner keeps this "
                                                           "ticket until it is solved."}])
    if key == "escalations_without_context":
        return _rule(rule, "An agent escalated by hand: remind them what the receiving tier needs.",
                     {"all": [_trigger("manual_escalation")]},
                     [{"action": "internal_note", "value": "Handoff checklist: what the customer reported, what was "
                                                           "tried and its result, the customer's impact and "
                                                           "deadline, steps to reproduce, links and attachments."}])
    if key == "repeat_contacts":
        return _rule(rule, "The customer says they wrote about this before: tell the ticket's tier lead.",
                     {"all": [_trigger("repeat_claimed")]},
                     [{"action": "notify", "value": "tier_lead"}])
    if key == "unassigned_tickets":
        return _rule(rule, "Unassigned longer than the threshold: also tell the Tier 1 lead.",
                     {"all": [_trigger("unassigned"), {"field": "tier", "operator": "is", "value": 1}]},
                     [{"action": "notify", "value": "tier_1_lead"}])
    raise AssertionError(key)


def build(answers: Answers) -> Setup:
    """The configuration data and its commented YAML, from the answers."""
    pains = set(answers.pain_points)
    tier_count = len(answers.tiers)
    band = volume_band(answers.monthly_tickets)
    comments: dict[tuple[str, ...], str] = {}
    sections: dict[str, Any] = {}

    team = answers.team_size or default_team_size(answers.monthly_tickets)
    organization: dict[str, Any] = {
        "name": answers.company, "product": answers.product, "industry": answers.industry, "team_size": team,
        "monthly_tickets": answers.monthly_tickets, "timezone": answers.timezone,
        "support_structure": answers.structure_text or f"{tier_count} tier{'s' if tier_count > 1 else ''}: "
                                                       f"{', '.join(answers.tiers)}",
        "categories": [{"name": c.name, "tier": c.tier, "tag": c.tag} for c in answers.categories],
        "pain_points": list(answers.pain_points),
    }
    sections["organization"] = organization
    comments[("organization",)] = ("The organization profile (the framework's five answers), shown by `escalator "
                                   "describe`.")
    comments[("organization", "categories")] = ("Top ticket categories, each owned by a tier: a ticket tagged with "
                                                "the category's tag goes to that tier (rules route_<tag> below).")
    if answers.pain_points:
        comments[("organization", "pain_points")] = "What each turns on is written next to the setting it changes."

    targets = response_targets(answers.tiers, "bounced_between_teams" in pains)
    tiers: list[dict[str, Any]] = []
    for index, name in enumerate(answers.tiers, start=1):
        tier: dict[str, Any] = {"name": name,
                                "handles": [c.name for c in answers.categories if c.tier == index],
                                "response_target": targets[index - 1]}
        if "escalations_without_context" in pains and index > 1:
            tier["requires"] = ("Tier 1 documentation: what was tried, customer impact, steps to reproduce"
                                if index == 2 else "full case history: every step tried by the tiers below, logs, "
                                                   "customer impact and deadline")
        tiers.append(tier)
    sections["tiers"] = tiers
    why_tiers = [f"{tier_count} tier(s) from the support structure ({organization['support_structure']}), Tier 1 "
                 "first; `handles` lists the categories each owns. response_target: what the customer is promised "
                 "and what the handoff clock measures after each escalation (0: immediate, no clock)."]
    if "bounced_between_teams" in pains:
        why_tiers.append(f"Pain point \"{PAIN_POINTS['bounced_between_teams'].label}\": no tier is immediate, so "
                         "every handoff has a target its tier's lead is warned about.")
    if "escalations_without_context" in pains:
        why_tiers.append(f"Pain point \"{PAIN_POINTS['escalations_without_context'].label}\": `requires` says what "
                         "a handoff to the tier must carry; the handoff note shows it.")
    why_tiers.append("Map each tier to its helpdesk group: groups: {zendesk: \"<group id>\", freshdesk: "
                     "\"<group id>\"}.")
    comments[("tiers",)] = " ".join(why_tiers)

    schedule: dict[str, Any] = {"hours": {d: list(i) for d, i in answers.hours.items()}}
    if answers.holidays is not None:
        country, region = answers.holidays
        schedule["holidays"] = {"country": country, **({"subdivision": region} if region else {})}
    sections["schedules"] = {"default": schedule}
    comments[("schedules",)] = (f"Business hours in {answers.timezone} (organization.timezone); SLA clocks and "
                                "alerts count in them" + (", public holidays closed." if answers.holidays else "."))

    warnings = [0.5, 0.8] if "slow_first_response" in pains else [0.8]
    sections["sla"] = {"warning_at": warnings}
    comments[("sla", "warning_at")] = (
        f"Pain point \"{PAIN_POINTS['slow_first_response'].label}\": a first warning halfway through each target, a "
        "second at 80 %." if "slow_first_response" in pains else "The framework's warning at 80 % of each target.")

    unassigned = _halved(band.unassigned_after) if "unassigned_tickets" in pains else band.unassigned_after
    thresholds: dict[str, Any] = {"unassigned_after": unassigned, "repeat_contact_window": band.repeat_contact_window}
    band_text = (f"about {answers.monthly_tickets} tickets a month (under {band.below})" if band.below
                 else f"about {answers.monthly_tickets} tickets a month ({VOLUME_BANDS[-2].below} or more)")
    comments[("thresholds", "unassigned_after")] = (
        f"Scaled from the volume, {band_text}: {band.unassigned_after}" + (
            f", halved by the pain point \"{PAIN_POINTS['unassigned_tickets'].label}\"."
            if "unassigned_tickets" in pains else "."))
    comments[("thresholds", "repeat_contact_window")] = (
        f"Scaled from the volume: contacts within {band.repeat_contact_window} count as the same issue.")
    if "repeat_contacts" in pains:
        thresholds["repeat_contact"] = 2
        comments[("thresholds", "repeat_contact")] = (
            f"Pain point \"{PAIN_POINTS['repeat_contacts'].label}\": escalate from the second contact (default 3).")
    if "alert_floods" in pains:
        thresholds["unassigned_business_time"] = True
        comments[("thresholds", "unassigned_business_time")] = (
            f"Pain point \"{PAIN_POINTS['alert_floods'].label}\": the unassigned delay counts business time only, "
            "so nights and weekends raise no unassigned alert.")
    sections["thresholds"] = thresholds

    last = tier_count
    routing = {cause: min(getattr(RoutingConfig(), cause), last) for cause in RoutingConfig.model_fields}
    owners: dict[str, str] = {}
    for category in answers.categories:
        for cause, pattern in _CAUSES:
            if re.search(pattern, category.name, re.IGNORECASE):
                routing[cause] = category.tier
                owners[cause] = category.name
    sections["routing"] = routing
    comments[("routing",)] = ("Where `escalate: route` sends a ticket by its cause, capped at the last tier (Tier "
                              f"{last})" + ("; from the categories: " + ", ".join(
                                  f"{cause} follows \"{name}\"" for cause, name in owners.items())
                                  if owners else "") + ".")

    extra_rules: list[tuple[str, dict[str, Any]]] = []
    for category in answers.categories:
        if category.tier == 1:
            continue
        extra_rules.append((
            f"Category \"{category.name}\" is owned by Tier {category.tier} ({answers.tiers[category.tier - 1]}): "
            f"a ticket tagged {category.tag} goes there.",
            _rule(f"route_{category.tag}"[:60],
                  f"{category.name}: owned by Tier {category.tier} ({answers.tiers[category.tier - 1]}).",
                  {"all": [{"field": "tags", "operator": "includes", "value": category.tag}]},
                  [{"action": "escalate", "value": category.tier}, {"action": "internal_note",
                   "value": f"Category {category.name}: owned by Tier {category.tier}."}])))
    for key in answers.pain_points:
        rule = pain_rule(key)
        if rule is not None:
            extra_rules.append((f"Pain point \"{PAIN_POINTS[key].label}\": {PAIN_POINTS[key].remedy}.", rule))
    if extra_rules:
        sections["extra_rules"] = [rule for _, rule in extra_rules]

    dedupe = _doubled(band.dedupe_period) if "alert_floods" in pains else band.dedupe_period
    notifications: dict[str, Any] = {"dedupe_period": dedupe, "respect_business_hours": True}
    comments[("notifications", "dedupe_period")] = (
        f"Scaled from the volume: the same alert for a ticket and reason once per {band.dedupe_period}" + (
            f", doubled by the pain point \"{PAIN_POINTS['alert_floods'].label}\"." if "alert_floods" in pains
            else "."))
    comments[("notifications", "respect_business_hours")] = (
        f"Pain point \"{PAIN_POINTS['alert_floods'].label}\": alerts" if "alert_floods" in pains
        else "Alerts") + " wait for the next business hour (pages to on_call never wait)."
    if answers.alerts:
        notifications["channels"] = {role: list(urls) for role, urls in answers.alerts.items()}
        comments[("notifications", "channels")] = (
            "Where each role's alerts go (apprise URLs). An email channel needs the relay's login: add user:password@ "
            "before the host, or better give the whole list in the environment, e.g. "
            "ESCALATOR_NOTIFICATIONS__CHANNELS='{\"on_call\": [\"...\"]}'.")
    sections["notifications"] = notifications

    if answers.platform in ("zendesk", "both"):
        sections["zendesk"] = {"subdomain": answers.zendesk_subdomain or default_domain(answers.company)}
        comments[("zendesk",)] = ("Credentials come from the environment: ESCALATOR_ZENDESK__EMAIL, "
                                  "ESCALATOR_ZENDESK__API_TOKEN; then `escalator install zendesk --url ...`.")
    if answers.platform in ("freshdesk", "both"):
        sections["freshdesk"] = {"domain": answers.freshdesk_domain or default_domain(answers.company)}
        comments[("freshdesk",)] = ("Credentials come from the environment: ESCALATOR_FRESHDESK__API_KEY; then "
                                    "`escalator install freshdesk --url ...`.")

    header = [f"escalator.yaml for {answers.company}, written by `escalator init` from the setup questionnaire.",
              "Check it with `escalator check-config`; read it as a document with `escalator describe`.",
              "Every setting and its default: docs/configuration.md; the questionnaire: docs/init.md."]
    rule_comments = [comment for comment, _ in extra_rules]
    return Setup(sections, render(sections, comments, header, rule_comments))


# ----------------------------------------------------------------------------------------------------- the writer


class _Block(dict[str, Any]):
    """A mapping written in block style even when its values are all scalars."""


class _Flow(dict[str, Any]):
    """A mapping written on one line (a rule's condition or action)."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Block, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, flow_style=False))
_Dumper.add_representer(_Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, flow_style=True))


def _dump(value: Any, indent: int) -> list[str]:
    text = yaml.dump(value, Dumper=_Dumper, sort_keys=False, default_flow_style=None, width=110,
                     allow_unicode=True)
    return [(" " * indent + line).rstrip() for line in text.splitlines()]


def _rule_shape(rule: Mapping[str, Any]) -> _Block:
    return _Block({key: [_Flow(item) for item in value] if key in ("all", "any", "actions") else value
                   for key, value in rule.items()})


def _comment(text: str, indent: int, width: int = 116) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width - indent - 2:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return [" " * indent + "# " + line for line in lines]


def render(sections: Mapping[str, Any], comments: Mapping[tuple[str, ...], str], header: list[str],
           rule_comments: list[str]) -> str:
    """The YAML of `sections`, each section and each commented key preceded by its comment; each rule of
    extra_rules by its own."""
    out = [line for text in header for line in _comment(text, 0)]
    for name, value in sections.items():
        out.append("")
        if (name,) in comments:
            out += _comment(comments[(name,)], 0)
        if name == "extra_rules":
            out.append("extra_rules:")
            for comment, rule in zip(rule_comments, value, strict=True):
                out += _comment(comment, 0)
                out += _dump([_rule_shape(rule)], 0)
        elif isinstance(value, Mapping) and any(len(k) == 2 and k[0] == name for k in comments):
            out.append(f"{name}:")
            for key, item in value.items():
                if (name, key) in comments:
                    out += _comment(comments[(name, key)], 2)
                out += _dump(_Block({key: item}), 2)
        else:
            out += _dump(_Block({name: value}), 0)
    return "\n".join(out) + "\n"
