"""The configuration: one validated pydantic model, loaded from `escalator.yaml` plus `ESCALATOR_*` variables.

Defaults reproduce the workflow a team gets with no tuning (four tiers, the SLA matrix, the three automation rules).
`load_config` raises `ConfigError` listing every problem by its path, e.g.
`sla.matrix.critical.first_response: must be a duration like "15m", "4h" or "2d"`.
"""

from __future__ import annotations

import contextlib
import enum
import json
import math
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    PlainSerializer,
    PrivateAttr,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from plugin.domain import ClockKind, ClockState, CustomerTier, Priority, Sentiment, Status
from plugin.durations import format_duration, parse_duration

Duration = Annotated[timedelta, BeforeValidator(parse_duration), PlainSerializer(format_duration, return_type=str)]


def _parse_priority(value: Any) -> Priority:
    if isinstance(value, Priority | int | str):
        return Priority.parse(value)
    raise ValueError("must be one of critical, high, medium, low")


def _parse_status(value: Any) -> Status:
    if isinstance(value, Status):
        return value
    if isinstance(value, str):
        return Status.parse(value)
    raise ValueError("must be a status: new, open, pending, on_hold, solved, closed")


FRACTION_LIMIT = 1.5  # a bare number up to this is a fraction of the target; above it, a percentage
_SHARE_HINT = 'must be a share like 0.8 or "80%"'


def parse_share(value: Any) -> float:
    """A share of a target as admins write it, one rule for numbers and text alike (environment values are text):

    - ending in "%" it is a percentage: "80%" is 0.8, "120%" is 1.2, "200%" is 2.0;
    - a bare number up to 1.5 is a fraction: 0.8, "0.8", 1.2 and "1.2" mean 80 % and 120 %; 0 is 0;
    - a bare number above 1.5 is a percentage: 80 and "80" are 0.8, 2 is 2 % (write "200%" for twice the target).
    """
    if isinstance(value, bool):
        raise ValueError(_SHARE_HINT)
    percent = False
    if isinstance(value, str):
        text = value.strip()
        percent = text.endswith("%")
        try:
            number = float(text[:-1] if percent else text)
        except ValueError:
            raise ValueError(f"{_SHARE_HINT}, got {value!r}") from None
    elif isinstance(value, int | float):
        number = float(value)
    else:
        raise ValueError(_SHARE_HINT)
    if not math.isfinite(number):
        raise ValueError(f"{_SHARE_HINT}, got {value!r}")
    return number / 100 if percent or number > FRACTION_LIMIT else number


def share_text(share: float) -> float | str:
    """The way parse_share reads back: the fraction itself, or a percentage above the fraction limit."""
    return share if share <= FRACTION_LIMIT else f"{round(share * 100, 9):g}%"


PriorityName = Annotated[Priority, BeforeValidator(_parse_priority), PlainSerializer(lambda p: p.name.lower())]
StatusName = Annotated[Status, BeforeValidator(_parse_status), PlainSerializer(lambda s: s.value)]
Share = Annotated[float, BeforeValidator(parse_share), PlainSerializer(lambda v: share_text(v))]


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _problem(title: str, loc: tuple[str | int, ...], message: str, value: Any) -> ValidationError:
    """A validation error at `loc` below the model being validated (a plain ValueError would name the model)."""
    return ValidationError.from_exception_data(
        title, [InitErrorDetails(type=PydanticCustomError("value_error", message), loc=loc, input=value)])


def _check_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {value!r}: use an IANA name like 'Europe/Paris'") from None
    return value


TimeZoneName = Annotated[str, BeforeValidator(lambda v: _check_timezone(str(v)))]


# The pain points `escalator init` knows, each turning on the settings and the rule that address it (plugin/setup.py,
# docs/init.md).
PainPoint = Literal["slow_first_response", "bounced_between_teams", "escalations_without_context", "alert_floods",
                    "repeat_contacts", "unassigned_tickets"]


class CategoryConfig(Section):
    """One of the team's top ticket categories and the tier that owns it; a ticket carrying `tag` is escalated to
    that tier by the rule `escalator init` writes for it (`route_<tag>`; Tier 1 categories need none)."""

    name: str = Field(min_length=1)
    tier: int = Field(default=1, ge=1, le=9)
    tag: str = Field(default="", pattern=r"^[a-z0-9_]*$")


class OrganizationConfig(Section):
    name: str = "Our support team"
    industry: str = "Software as a service"
    team_size: int = Field(default=12, ge=1)
    monthly_tickets: int = Field(default=2000, ge=0)
    channels: list[str] = Field(default_factory=lambda: ["email", "web form", "chat"])
    timezone: TimeZoneName = "UTC"
    language: Literal["en", "fr"] = "en"
    # The organization profile of the escalation framework (written by `escalator init`, shown by `describe`).
    product: str = ""
    support_structure: str = ""  # the team's own words: "3 tiers: Frontline, Product specialists, Engineering"
    categories: list[CategoryConfig] = Field(default_factory=list)
    pain_points: list[PainPoint] = Field(default_factory=list)


class TierConfig(Section):
    name: str
    handles: list[str] = Field(default_factory=list)
    response_target: Duration = timedelta(0)  # 0 means "immediate"
    requires: str = ""
    groups: dict[str, str] = Field(default_factory=dict)  # platform -> group id
    senior_assignee: dict[str, str] = Field(default_factory=dict)  # platform -> agent id
    # The tier's own hours (a name under `schedules`): its handoff clock and the alerts to its team and lead count
    # in them. None: the SLA's default schedule.
    schedule: str | None = None
    # platform -> the agents of the tier: only their replies and notes count as the tier's first action after a
    # handoff. Empty: any agent's.
    agents: dict[str, list[str]] = Field(default_factory=dict)


def _default_tiers() -> list[TierConfig]:
    return [
        TierConfig(name="Frontline", handles=["common issues", "FAQs", "password resets"],
                   response_target=timedelta(hours=2)),
        TierConfig(name="Technical/Specialist", handles=["complex technical issues", "account problems",
                   "billing disputes"], response_target=timedelta(hours=4), requires="Tier 1 documentation"),
        TierConfig(name="Senior/Engineering", handles=["bugs", "infrastructure", "integrations",
                   "security incidents"], response_target=timedelta(hours=8), requires="full case history"),
        TierConfig(name="Management/Executive", handles=["legal threats", "regulatory issues", "VIP complaints",
                   "social media crises"], response_target=timedelta(0), requires="full case history"),
    ]


_INTERVAL = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def parse_interval(text: str) -> tuple[time, time | None]:
    """"09:00-17:00" -> (09:00, 17:00); "22:00-06:00" is an overnight shift; "00:00-24:00" a whole day (None end);
    an end equal to the start ("08:00-08:00") is a 24-hour shift ending at that time the next day."""
    match = _INTERVAL.match(text)
    if not match:
        raise ValueError(f'{text!r} must be an interval like "09:00-17:00"')
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or m1 > 59 or m2 > 59 or h2 > 24 or (h2 == 24 and m2 != 0):
        raise ValueError(f"{text!r} holds an impossible time")
    start = time(h1, m1)
    end = None if h2 == 24 else time(h2, m2)
    return start, end


def _check_intervals(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ValueError('must be a list of intervals like ["09:00-12:00", "13:00-17:00"]')
    for item in value:
        parse_interval(str(item))
    return [str(v) for v in value]


Intervals = Annotated[list[str], BeforeValidator(_check_intervals)]


class HolidaysConfig(Section):
    country: str
    subdivision: str | None = None

    @model_validator(mode="after")
    def _known(self) -> HolidaysConfig:
        import holidays

        try:
            holidays.country_holidays(self.country, subdiv=self.subdivision, years=2026)
        except NotImplementedError:
            raise ValueError(f"no public holidays known for country {self.country!r}") from None
        except Exception as exc:  # the holidays package raises several types for a bad subdivision
            raise ValueError(f"no public holidays known for {self.country}/{self.subdivision}: {exc}") from None
        return self


class ScheduleConfig(Section):
    timezone: TimeZoneName | None = None  # falls back to organization.timezone
    hours: dict[Weekday, Intervals] = Field(default_factory=dict)
    holidays: HolidaysConfig | None = None
    extra_holidays: list[date] = Field(default_factory=list)


def _office_hours() -> ScheduleConfig:
    return ScheduleConfig(hours={d: ["09:00-17:00"] for d in ("mon", "tue", "wed", "thu", "fri")})


class SlaTarget(Section):
    first_response: Duration
    resolution: Duration
    next_reply: Duration | None = None
    periodic_update: Duration | None = None
    business_hours: bool = True

    def target(self, clock: ClockKind) -> timedelta | None:
        value: timedelta | None = getattr(self, clock.value)
        return value


_DEFAULT_TARGETS: dict[str, dict[str, Any]] = {
    "critical": {"first_response": "15m", "resolution": "4h", "business_hours": False},
    "high": {"first_response": "1h", "resolution": "8h"},
    "medium": {"first_response": "4h", "resolution": "24h"},
    "low": {"first_response": "8h", "resolution": "48h"},
}


class SlaMatrix(Section):
    critical: SlaTarget
    high: SlaTarget
    medium: SlaTarget
    low: SlaTarget

    @model_validator(mode="before")
    @classmethod
    def _fill_defaults(cls, data: Any) -> Any:
        if not isinstance(data, Mapping):
            return data
        merged: dict[str, Any] = {}
        for name, default in _DEFAULT_TARGETS.items():
            given = data.get(name, {})
            merged[name] = {**default, **given} if isinstance(given, Mapping) else given
        merged.update({k: v for k, v in data.items() if k not in _DEFAULT_TARGETS})
        return merged

    def for_priority(self, priority: Priority) -> SlaTarget:
        target: SlaTarget = getattr(self, priority.name.lower())
        return target


def _default_pause() -> dict[ClockKind, list[Status]]:
    return {
        ClockKind.FIRST_RESPONSE: [Status.PENDING, Status.ON_HOLD],
        ClockKind.RESOLUTION: [Status.PENDING, Status.ON_HOLD],
        ClockKind.NEXT_REPLY: [],
        ClockKind.PERIODIC_UPDATE: [],
        ClockKind.HANDOFF: [],
    }


def _check_warnings(value: list[float]) -> list[float]:
    for share in value:
        if not 0 < share < 1:
            raise ValueError("each warning must lie between 0% and 100% of the target")
    return sorted(set(value))


def _breach_problem(title: str, loc: tuple[str | int, ...], warnings: list[float], breach: float
                    ) -> ValidationError | None:
    last = max(warnings, default=0.0)
    if breach > last:
        return None
    floor = f"the last warning ({last * 100:g}%)" if warnings else "0"
    return _problem(title, loc, f"reads as {breach * 100:g}% of the target, which is not above {floor}; a bare "
                                f'number above {FRACTION_LIMIT:g} is a percentage (write "200%" for twice the target)',
                    breach)


DEFAULT_POLICY = "default"


class SlaConfig(Section):
    """The default SLA policy (schedule, thresholds, matrix, pauses) and the ordered policies before it: the first
    policy whose match holds applies to a ticket; a ticket no policy matches gets this default one."""

    schedule: str = "default"
    warning_at: list[Share] = Field(default_factory=lambda: [0.8])
    breach_at: Share = 1.0
    matrix: SlaMatrix = Field(default_factory=lambda: SlaMatrix.model_validate({}))
    pause_statuses: dict[ClockKind, list[StatusName]] = Field(default_factory=_default_pause)
    default_priority: PriorityName = Priority.MEDIUM
    policies: list[SlaPolicyConfig] = Field(default_factory=list)
    # platform -> group id -> schedule name: the hours of a ticket in that group, for every policy that does not
    # name its own schedule (Freshdesk's business hours per group).
    group_schedules: dict[str, dict[str, str]] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _policies_inherit_the_matrix(cls, data: Any) -> Any:
        """A policy's matrix names only the targets it changes: the rest are the default matrix's."""
        if not isinstance(data, Mapping) or not isinstance(data.get("policies"), list):
            return data
        matrix = data.get("matrix")
        base: Mapping[str, Any] = matrix if isinstance(matrix, Mapping) else {}
        policies = []
        for item in data["policies"]:
            if isinstance(item, Mapping) and isinstance(item.get("matrix"), Mapping):
                own = item["matrix"]
                merged = {name: {**(base.get(name) or {}), **(own.get(name) or {})}
                          if isinstance(base.get(name) or {}, Mapping) and isinstance(own.get(name) or {}, Mapping)
                          else own.get(name, base.get(name))
                          for name in {*base, *own}}
                item = {**item, "matrix": merged}
            elif isinstance(item, Mapping) and "matrix" not in item and base:
                item = {**item, "matrix": dict(base)}
            policies.append(item)
        return {**data, "policies": policies}

    @field_validator("warning_at")
    @classmethod
    def _sorted_warnings(cls, value: list[float]) -> list[float]:
        return _check_warnings(value)

    @model_validator(mode="after")
    def _breach_after_warnings(self) -> SlaConfig:
        problem = _breach_problem("SlaConfig", ("breach_at",), self.warning_at, self.breach_at)
        if problem is not None:
            raise problem
        for i, policy in enumerate(self.policies):
            warnings = self.warning_at if policy.warning_at is None else policy.warning_at
            breach = self.breach_at if policy.breach_at is None else policy.breach_at
            problem = _breach_problem("SlaConfig", ("policies", i, "breach_at"), warnings, breach)
            if problem is not None:
                raise problem
        names = [p.name for p in self.policies]
        for i, name in enumerate(names):
            if name == DEFAULT_POLICY or name in names[:i]:
                raise _problem("SlaConfig", ("policies", i, "name"),
                               f"{name!r} is taken: policy names are unique and 'default' names the default policy",
                               name)
        return self

    @field_validator("pause_statuses")
    @classmethod
    def _all_clocks(cls, value: dict[ClockKind, list[Status]]) -> dict[ClockKind, list[Status]]:
        return {**_default_pause(), **value}

    @property
    def thresholds(self) -> list[float]:
        return [*self.warning_at, self.breach_at]


class ThresholdsConfig(Section):
    revenue_impact: float = Field(default=1000, ge=0)
    lifetime_value: float = Field(default=10000, ge=0)
    unassigned_after: Duration = timedelta(hours=2)
    unassigned_business_time: bool = False
    repeat_contact: int = Field(default=3, ge=2)
    repeat_contact_window: Duration = timedelta(days=30)
    sentiment: float = Field(default=-0.7, ge=-1, le=1)


_PLATFORM_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
EVERY_PLATFORM = "*"  # the key a single name is kept under: the same name on every platform


def _one_field_name(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int) or not str(value).strip():
        raise ValueError(f"got {value!r}; expected a field's name on the platform (Zendesk: the field's number, "
                         "Freshdesk: its API name, cf_... for a ticket field)")
    return str(value).strip()


def _platform_names(value: Any) -> dict[str, str]:
    """`cf_plan` (one name everywhere) or `{zendesk: 360012345, freshdesk: cf_plan}`."""
    if not isinstance(value, Mapping):
        return {EVERY_PLATFORM: _one_field_name(value)}
    if not value:
        raise ValueError("names no platform: give {zendesk: <field id>, freshdesk: <field name>} or one name")
    out = {}
    for platform, name in value.items():
        if not isinstance(platform, str) or not _PLATFORM_NAME.match(platform):
            raise ValueError(f"{platform!r} is not a platform name (zendesk, freshdesk, or an installed adapter's)")
        out[platform] = _one_field_name(name)
    return out


PlatformNames = Annotated[dict[str, str], BeforeValidator(_platform_names)]


class CustomersConfig(Section):
    tier_field: str = "customer_tier"
    tier_values: dict[str, CustomerTier] = Field(
        default_factory=lambda: {"vip": CustomerTier.VIP, "enterprise": CustomerTier.ENTERPRISE,
                                 "standard": CustomerTier.STANDARD}
    )
    tier_tags: dict[CustomerTier, list[str]] = Field(
        default_factory=lambda: {CustomerTier.VIP: ["vip"], CustomerTier.ENTERPRISE: ["enterprise"]}
    )
    lifetime_value_field: str = "lifetime_value"
    revenue_impact_field: str = "revenue_impact"
    account_manager_field: str = "account_manager"
    cache_ttl: Duration = timedelta(hours=1)


KeywordCategory = Literal["legal", "regulatory", "reputational", "frustration", "anger", "security", "outage",
                          "billing", "churn"]
_LanguageWords = dict[str, list[str]]


class KeywordsConfig(Section):
    """The team's own words and phrases per category and language, added to the reader's built-in lexicons (six
    languages; see docs/reading.md). Matched as whole words, ignoring case and accents, in every message whatever
    its language, so write each as the phrase that makes it a cue ("my solicitor", not "solicitor").

    Lists add to the built-in ones: giving `legal: {de: [...]}` keeps every built-in legal cue of every language.
    To drop the built-in cues of a category and keep only yours, name it in `replace`.
    """

    legal: _LanguageWords = Field(default_factory=dict)
    regulatory: _LanguageWords = Field(default_factory=dict)
    reputational: _LanguageWords = Field(default_factory=dict)
    frustration: _LanguageWords = Field(default_factory=dict)
    anger: _LanguageWords = Field(default_factory=dict)
    security: _LanguageWords = Field(default_factory=dict)
    outage: _LanguageWords = Field(default_factory=dict)
    billing: _LanguageWords = Field(default_factory=dict)
    churn: _LanguageWords = Field(default_factory=dict)
    replace: list[KeywordCategory] = Field(default_factory=list)

    @field_validator("legal", "regulatory", "reputational", "frustration", "anger", "security", "outage", "billing",
                     "churn")
    @classmethod
    def _unique(cls, value: _LanguageWords) -> _LanguageWords:
        return {language: list(dict.fromkeys(w.strip() for w in words if w.strip()))
                for language, words in value.items()}

    def words(self, category: str) -> list[str]:
        """The team's own words of a category, every language."""
        by_language: dict[str, list[str]] = getattr(self, category)
        return [word for words in by_language.values() for word in words]


IncidentPage = Literal["always", "vip_or_enterprise", "confirmed"]


class ReadingConfig(Section):
    """How the customer's words are read (see docs/reading.md).

    `mood: reader` takes the mood from the multilingual reader (its learned model, with the lexicon's phrases as
    evidence); `mood: lexicon` from the reader's curated phrases alone (the mood of versions before the model: every
    upset reading then quotes a phrase of the lexicon); `mood: vader` is the legacy rule (English only):
    angry below `thresholds.sentiment` (-0.7), frustrated below half of it, threats still read by the reader.
    System-down and security-incident language raises the ticket to Critical; `incident_page` says when the
    on-call engineer is paged for it: always, only for VIP and Enterprise customers (or once an agent adds
    `incident_confirm_tag`), or only once an agent adds `incident_confirm_tag`.
    """

    mood: Literal["reader", "lexicon", "vader"] = "reader"
    incident_page: IncidentPage = "always"
    incident_confirm_tag: str = Field(default="incident_confirmed", min_length=1)


Urgency = Literal["low", "medium", "high", "critical"]


def _default_priority_matrix() -> dict[CustomerTier, dict[Urgency, Priority]]:
    c, h, m, low = Priority.CRITICAL, Priority.HIGH, Priority.MEDIUM, Priority.LOW
    return {
        CustomerTier.VIP: {"low": m, "medium": h, "high": c, "critical": c},
        CustomerTier.ENTERPRISE: {"low": m, "medium": m, "high": h, "critical": c},
        CustomerTier.STANDARD: {"low": low, "medium": m, "high": h, "critical": c},
    }


class PriorityConfig(Section):
    """Customer tier x urgency -> priority; urgency is the priority the ticket arrived with, or a ticket field.

    The bumps (revenue, lifetime value, sentiment) are rule actions (see default_rules), so each is applied once,
    when its rule first fires, and explained by it.
    """

    matrix: dict[CustomerTier, dict[Urgency, PriorityName]] = Field(default_factory=_default_priority_matrix)
    urgency_field: str | None = None

    @field_validator("matrix")
    @classmethod
    def _complete(
        cls, value: dict[CustomerTier, dict[Urgency, Priority]]
    ) -> dict[CustomerTier, dict[Urgency, Priority]]:
        full = _default_priority_matrix()
        return {tier: {**full[tier], **value.get(tier, {})} for tier in CustomerTier}


RULE_FIELDS = (
    "priority", "status", "tier", "customer_tier", "tags", "sla_elapsed", "sla_state", "sentiment",
    "sentiment_score", "contact_count", "revenue_impact", "lifetime_value", "trigger", "unassigned_for",
    "channel", "ticket_type", "group", "assigned", "organization", "requester_tags",
)
CUSTOM_FIELD_PREFIX = "field:"  # "field:<key>": a ticket's custom field, else the requester's or organization's
RuleOperator = Literal[
    "is", "is_not", "less_than", "greater_than", "at_least", "at_most", "includes", "not_includes",
    "contains", "fired", "not_fired", "one_of",
]
ActionName = Literal[
    "escalate", "set_priority", "minimum_priority", "bump_priority", "add_tags", "remove_tags",
    "internal_note", "notify", "assign_senior", "reply_to_customer",
]
TRIGGER_NAMES = (
    "sla_warning", "sla_breached", "negative_sentiment", "frustration_keywords", "legal_keywords",
    "regulatory_keywords", "reputational_keywords", "repeat_contact", "vip_customer", "enterprise_customer",
    "high_revenue_impact", "high_lifetime_value", "unassigned", "critical_incident", "security_incident",
    "outage", "manual_escalation", "manager_requested", "repeat_claimed", "incident_page", "handoff_warning",
    "handoff_breached",
)
ROLE_NAMES = ("support_manager", "team_lead", "account_manager", "on_call", "customer")
TIER_LEAD = "tier_lead"  # in a rule: the lead of the ticket's tier (tier_<n>_lead) when the rule acts

_ORDERED = ("is", "is_not", "less_than", "greater_than", "at_least", "at_most")
_EQUALITY = ("is", "is_not")
_TEXT = ("is", "is_not", "contains", "one_of")
_NULLABLE = ("channel", "ticket_type", "group", "organization", "field")  # `is: null` means the ticket has none
FIELD_OPERATORS: dict[str, tuple[str, ...]] = {
    "priority": (*_ORDERED, "one_of"), "tier": _ORDERED, "customer_tier": _ORDERED, "sentiment": _ORDERED,
    "sla_elapsed": _ORDERED, "sentiment_score": _ORDERED, "contact_count": _ORDERED,
    "revenue_impact": _ORDERED, "lifetime_value": _ORDERED, "unassigned_for": _ORDERED,
    "status": (*_EQUALITY, "one_of"), "sla_state": _EQUALITY, "assigned": _EQUALITY,
    "tags": ("includes", "not_includes"), "requester_tags": ("includes", "not_includes"),
    "channel": _TEXT, "ticket_type": _TEXT, "group": _TEXT, "organization": _TEXT, "field": _TEXT,
    "trigger": ("fired", "not_fired", "is", "is_not"),
}


def field_kind(field: str) -> str:
    """The field a condition reads, with a custom field's key dropped ("field:plan" -> "field")."""
    return "field" if field.startswith(CUSTOM_FIELD_PREFIX) else field


def _rule_field(value: Any) -> str:
    if isinstance(value, str) and (value in RULE_FIELDS or (value.startswith(CUSTOM_FIELD_PREFIX)
                                                             and value[len(CUSTOM_FIELD_PREFIX):].strip())):
        return value
    raise ValueError(f"got {value!r}; expected one of {', '.join(RULE_FIELDS)}, or field:<key> for a custom field "
                     f"of the ticket, the requester or the organization")


RuleField = Annotated[str, BeforeValidator(_rule_field)]


def _one_of(kind: type[enum.StrEnum], what: str) -> Callable[[Any], Any]:
    names = ", ".join(member.value for member in kind)

    def parse(value: Any) -> Any:
        if isinstance(value, str):
            try:
                return kind(value.strip().lower())
            except ValueError:
                pass
        raise ValueError(f"unknown {what} {value!r}: use {names}")

    return parse


def _number(what: str, *, whole: bool = False, low: float | None = None, high: float | None = None
            ) -> Callable[[Any], Any]:
    def parse(value: Any) -> Any:
        number: float | None = None
        if isinstance(value, int | float) and not isinstance(value, bool):
            number = float(value)
        elif isinstance(value, str):
            try:
                number = float(value.strip())
            except ValueError:
                number = None
        if number is None or not math.isfinite(number) or (whole and not number.is_integer()):
            raise ValueError(f"must be {what}, got {value!r}")
        if (low is not None and number < low) or (high is not None and number > high):
            raise ValueError(f"must be {what}, got {value!r}")
        return int(number) if whole else number

    return parse


def _text(value: Any) -> Any:
    if value is None or (isinstance(value, str | int) and not isinstance(value, bool)):
        return None if value is None else str(value)
    raise ValueError(f"must be a text value, got {value!r}")


def _tags(value: Any) -> frozenset[str]:
    tags = [value] if isinstance(value, str) else value
    if not isinstance(tags, list) or not tags or not all(isinstance(t, str) and t.strip() for t in tags):
        raise ValueError(f"must be a tag or a list of tags, got {value!r}")
    return frozenset(t.strip() for t in tags)


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if isinstance(value, str) else None
    if text in ("true", "yes"):
        return True
    if text in ("false", "no"):
        return False
    raise ValueError(f"must be true or false, got {value!r}")


def _parsed(parse: Callable[[Any], Any], accepts: tuple[type, ...], what: str, choices: str
            ) -> Callable[[Any], Any]:
    """A reader of an enum-like condition value: `parse` on the accepted types, one clear error otherwise."""

    def read(value: Any) -> Any:
        if not isinstance(value, bool) and isinstance(value, accepts):
            try:
                return parse(value)
            except ValueError:
                pass
        raise ValueError(f"unknown {what} {value!r}: use {choices}")

    return read


_priority_value = _parsed(Priority.parse, (str, int), "priority", "critical, high, medium or low")
_status_value = _parsed(Status.parse, (str,), "status", ", ".join(s.value for s in Status))


def _share_value(value: Any) -> float:
    try:
        share = parse_share(value)
    except (TypeError, ValueError):
        share = -1.0
    if not math.isfinite(share) or share < 0:
        raise ValueError(f'must be a share like 0.8 or "80%", got {value!r}')
    return share


def _trigger_value(value: Any) -> str:
    if value not in TRIGGER_NAMES:
        raise ValueError(f"unknown trigger {value!r}; known: {', '.join(TRIGGER_NAMES)}")
    return str(value)


_FIELD_VALUES: dict[str, Callable[[Any], Any]] = {
    "priority": _priority_value,
    "status": _status_value,
    "tier": _number("a tier number (1, 2, ...)", whole=True, low=1),
    "customer_tier": _one_of(CustomerTier, "customer tier"),
    "tags": _tags, "requester_tags": _tags,
    "sla_elapsed": _share_value,
    "sla_state": _one_of(ClockState, "SLA state"),
    "sentiment": _one_of(Sentiment, "sentiment"),
    "sentiment_score": _number("a score between -1 and 1", low=-1, high=1),
    "contact_count": _number("a whole number of contacts", whole=True, low=0),
    "revenue_impact": _number("an amount like 1000"),
    "lifetime_value": _number("an amount like 10000"),
    "unassigned_for": parse_duration,
    "channel": _text, "ticket_type": _text, "group": _text, "organization": _text, "field": _text,
    "assigned": _flag,
    "trigger": _trigger_value,
}


def condition_value(field: str, value: Any, operator: str = "is") -> Any:
    """A condition's value in the type of the field it compares against (Priority, Status, a share, a duration...);
    for `one_of`, the set of such values.

    Raises ValueError with a message fit for `check-config` when the value cannot mean anything for that field.
    """
    parse = _FIELD_VALUES[field_kind(field)]
    if operator == "one_of":
        items = value if isinstance(value, list) else None
        if not items:
            raise ValueError(f"one_of takes a list of values, got {value!r}")
        return frozenset(parse(item) for item in items)
    return parse(value)


class Condition(Section):
    field: RuleField
    operator: RuleOperator = "is"
    value: Any = None
    _expected: Any = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _value_fits_field(self) -> Condition:
        kind = field_kind(self.field)
        allowed = FIELD_OPERATORS[kind]
        if self.operator not in allowed:
            raise _problem("Condition", ("operator",),
                           f"{self.field} takes the operator {', '.join(allowed)}; got {self.operator!r}",
                           self.operator)
        if self.value is None and not (kind in _NULLABLE and self.operator in _EQUALITY):
            raise _problem("Condition", ("value",), f"a {self.field} condition needs a value", self.value)
        try:
            self._expected = condition_value(self.field, self.value, self.operator)
        except ValueError as exc:
            raise _problem("Condition", ("value",), str(exc), self.value) from None
        return self

    @property
    def expected(self) -> Any:
        """The value, coerced to the field's type when the config was loaded."""
        return self._expected


class RepeatConfig(Section):
    """An alert that repeats while its condition holds and nobody acknowledged it: `times` more sends to the role,
    `every` apart (calendar time); then, if the condition still holds one `every` later, one alert to `then`."""

    every: Duration
    times: int = Field(default=3, ge=1, le=100)
    then: str | None = None

    @field_validator("every")
    @classmethod
    def _at_least_a_minute(cls, value: timedelta) -> timedelta:
        if value < timedelta(minutes=1):
            raise ValueError("must be at least 1m")
        return value


class Action(Section):
    action: ActionName
    value: Any = None
    repeat: RepeatConfig | None = None  # notify only: remind until acknowledged

    @model_validator(mode="after")
    def _value_fits(self) -> Action:
        try:
            value = self._checked_value()
        except ValueError as exc:
            raise _problem("Action", ("value",), str(exc), self.value) from None
        if self.repeat is not None and self.action != "notify":
            raise _problem("Action", ("repeat",), f"only a notify action repeats, not {self.action}", None)
        object.__setattr__(self, "value", value)
        return self

    def _checked_value(self) -> Any:
        value, number = self.value, isinstance(self.value, int) and not isinstance(self.value, bool)
        if self.action in ("set_priority", "minimum_priority"):
            return _priority_value(value).name.lower()
        if self.action == "escalate" and value not in (None, "next", "route") and not (number and value >= 1):
            raise ValueError("escalate takes 'next', 'route' or a tier number")
        if self.action in ("add_tags", "remove_tags"):
            tags = [value] if isinstance(value, str) else value
            if not isinstance(tags, list) or not all(isinstance(t, str) and t for t in tags):
                raise ValueError("takes a list of tags")
            return tags
        if self.action == "notify" and not isinstance(value, str):
            raise ValueError("notify takes a role name (support_manager, team_lead, account_manager, on_call, ...)")
        if self.action == "bump_priority" and not (number or value is None):
            raise ValueError("bump_priority takes a number of levels")
        return value


class RuleConfig(Section):
    """An admin rule in the shape of a helpdesk trigger: all/any conditions, then actions."""

    name: str = Field(pattern=r"^[a-z0-9_]+$")
    description: str = ""
    enabled: bool = True
    all: list[Condition] = Field(default_factory=list)
    any: list[Condition] = Field(default_factory=list)
    actions: list[Action] = Field(min_length=1)

    @model_validator(mode="after")
    def _has_conditions(self) -> RuleConfig:
        if not self.all and not self.any:
            raise ValueError("a rule needs at least one condition under 'all' or 'any'")
        return self


def _rule(data: dict[str, Any]) -> RuleConfig:
    return RuleConfig.model_validate(data)


def default_rules() -> list[RuleConfig]:
    """The framework's three automation rules, then one rule per built-in trigger."""
    rules: list[dict[str, Any]] = [
        {"name": "auto_escalate_sla", "description": "High priority over 80% of its SLA and not resolved: Tier 2.",
         "all": [{"field": "priority", "operator": "at_least", "value": "high"},
                 {"field": "sla_elapsed", "operator": "at_least", "value": 0.8},
                 {"field": "status", "operator": "is_not", "value": "solved"}],
         "actions": [{"action": "escalate", "value": 2}, {"action": "notify", "value": "support_manager"},
                     {"action": "internal_note"}]},
        {"name": "sentiment_review", "description": "Angry or frustrated customer: flag, bump priority, alert lead.",
         "any": [{"field": "trigger", "operator": "fired", "value": "negative_sentiment"},
                 {"field": "trigger", "operator": "fired", "value": "frustration_keywords"}],
         "actions": [{"action": "add_tags", "value": ["needs_review"]}, {"action": "bump_priority", "value": 1},
                     {"action": "notify", "value": "team_lead"}, {"action": "internal_note"}]},
        {"name": "vip_fast_track", "description": "Enterprise or VIP customer, or lifetime value over threshold.",
         "any": [{"field": "trigger", "operator": "fired", "value": "vip_customer"},
                 {"field": "trigger", "operator": "fired", "value": "enterprise_customer"},
                 {"field": "trigger", "operator": "fired", "value": "high_lifetime_value"}],
         "actions": [{"action": "minimum_priority", "value": "high"}, {"action": "assign_senior"},
                     {"action": "add_tags", "value": ["vip_fast_track"]},
                     {"action": "notify", "value": "account_manager"}]},
        {"name": "sla_warning", "description": "A clock crossed a warning threshold: tag, note, tell the manager.",
         "all": [{"field": "trigger", "operator": "fired", "value": "sla_warning"}],
         "actions": [{"action": "add_tags", "value": ["sla_at_risk"]}, {"action": "internal_note"},
                     {"action": "notify", "value": "support_manager"}]},
        {"name": "sla_breach", "description": "A clock breached: escalate one tier, tag, tell the manager.",
         "all": [{"field": "trigger", "operator": "fired", "value": "sla_breached"}],
         "actions": [{"action": "escalate", "value": "next"}, {"action": "add_tags", "value": ["sla_breached"]},
                     {"action": "notify", "value": "support_manager"}, {"action": "internal_note"}]},
        {"name": "legal_threat", "description": "Legal, regulatory or public-exposure language: management tier.",
         "any": [{"field": "trigger", "operator": "fired", "value": "legal_keywords"},
                 {"field": "trigger", "operator": "fired", "value": "regulatory_keywords"},
                 {"field": "trigger", "operator": "fired", "value": "reputational_keywords"}],
         "actions": [{"action": "escalate", "value": "route"}, {"action": "minimum_priority", "value": "high"},
                     {"action": "add_tags", "value": ["legal_review"]},
                     {"action": "notify", "value": "support_manager"}, {"action": "internal_note"}]},
        {"name": "vip_complaint", "description": "A VIP or enterprise customer who is angry or frustrated: management "
                                                 "tier.",
         "all": [{"field": "customer_tier", "operator": "at_least", "value": "enterprise"}],
         "any": [{"field": "trigger", "operator": "fired", "value": "negative_sentiment"},
                 {"field": "trigger", "operator": "fired", "value": "frustration_keywords"}],
         "actions": [{"action": "escalate", "value": "route"}, {"action": "notify", "value": "support_manager"},
                     {"action": "notify", "value": "account_manager"}, {"action": "internal_note"}]},
        {"name": "repeat_contact", "description": "Third or later contact about the same issue: next tier.",
         "all": [{"field": "trigger", "operator": "fired", "value": "repeat_contact"}],
         "actions": [{"action": "escalate", "value": "next"}, {"action": "add_tags", "value": ["repeat_contact"]},
                     {"action": "internal_note"}]},
        {"name": "revenue_at_risk", "description": "Revenue impact over the threshold: bump priority, next tier.",
         "all": [{"field": "trigger", "operator": "fired", "value": "high_revenue_impact"}],
         "actions": [{"action": "bump_priority", "value": 1}, {"action": "escalate", "value": "next"},
                     {"action": "add_tags", "value": ["revenue_at_risk"]}, {"action": "internal_note"},
                     {"action": "notify", "value": "account_manager"}]},
        {"name": "security_review", "description": "Security incident language: Senior/Engineering tier.",
         "all": [{"field": "trigger", "operator": "fired", "value": "security_incident"}],
         "actions": [{"action": "escalate", "value": "route"}, {"action": "minimum_priority", "value": "high"},
                     {"action": "add_tags", "value": ["security"]}, {"action": "internal_note"}]},
        {"name": "unassigned_alert", "description": "Unassigned longer than the threshold: alert the manager.",
         "all": [{"field": "trigger", "operator": "fired", "value": "unassigned"}],
         "actions": [{"action": "notify", "value": "support_manager"},
                     {"action": "add_tags", "value": ["unassigned_alert"]}]},
        {"name": "critical_incident", "description": "System down or security incident: Critical, routed.",
         "all": [{"field": "trigger", "operator": "fired", "value": "critical_incident"}],
         "actions": [{"action": "set_priority", "value": "critical"}, {"action": "escalate", "value": "route"},
                     {"action": "add_tags", "value": ["incident"]}, {"action": "internal_note"}]},
        {"name": "incident_page", "description": "System down or security incident: page the on-call engineer, "
                                                 "again every 5 minutes until acknowledged (3 times), then the "
                                                 "support manager.",
         "all": [{"field": "trigger", "operator": "fired", "value": "incident_page"}],
         "actions": [{"action": "notify", "value": "on_call",
                      "repeat": {"every": "5m", "times": 3, "then": "support_manager"}}]},
        {"name": "handoff_warning", "description": "The receiving tier has not acted and its response target is "
                                                   "near: tell the tier's lead.",
         "all": [{"field": "trigger", "operator": "fired", "value": "handoff_warning"}],
         "actions": [{"action": "add_tags", "value": ["tier_target_at_risk"]},
                     {"action": "notify", "value": "tier_lead"}]},
        {"name": "handoff_breach", "description": "The receiving tier missed its response target: next tier, tell "
                                                  "the tier's lead.",
         "all": [{"field": "trigger", "operator": "fired", "value": "handoff_breached"}],
         "actions": [{"action": "escalate", "value": "next"}, {"action": "add_tags", "value": ["tier_target_missed"]},
                     {"action": "notify", "value": "tier_lead"}, {"action": "internal_note"}]},
        {"name": "manager_request", "description": "The customer asks for a manager: next tier, tell the team lead.",
         "all": [{"field": "trigger", "operator": "fired", "value": "manager_requested"}],
         "actions": [{"action": "escalate", "value": "next"}, {"action": "add_tags", "value": ["manager_requested"]},
                     {"action": "notify", "value": "team_lead"}, {"action": "internal_note"}]},
        {"name": "repeat_claim", "description": "The customer says they contacted us before: tag and note.",
         "all": [{"field": "trigger", "operator": "fired", "value": "repeat_claimed"}],
         "actions": [{"action": "add_tags", "value": ["repeat_contact_claimed"]}, {"action": "internal_note"}]},
    ]
    return [_rule(r) for r in rules]


POLICY_FIELDS = ("priority", "status", "tier", "customer_tier", "tags", "requester_tags", "organization", "channel",
                 "ticket_type", "group", "assigned", "revenue_impact", "lifetime_value")


class PolicyMatch(Section):
    """Which tickets a policy applies to: all of `all` and, when given, one of `any`; the rule language's
    conditions on what the ticket and its requester are (not on the clocks the policy itself sets)."""

    all: list[Condition] = Field(default_factory=list)
    any: list[Condition] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ticket_fields_only(self) -> PolicyMatch:
        if not self.all and not self.any:
            raise ValueError("a policy's match needs at least one condition under 'all' or 'any'")
        for name in ("all", "any"):
            for i, condition in enumerate(getattr(self, name)):
                if field_kind(condition.field) not in (*POLICY_FIELDS, "field"):
                    raise _problem("PolicyMatch", (name, i, "field"),
                                   f"a policy matches on what the ticket is, not on {condition.field}; use "
                                   f"{', '.join(POLICY_FIELDS)} or field:<key>", condition.field)
        return self


class SlaPolicyConfig(Section):
    """One SLA policy: its match, its own targets (the priorities it leaves out keep the default matrix's), and,
    where given, its own schedule, pause statuses and thresholds (else the default policy's)."""

    name: str = Field(pattern=r"^[a-z0-9_]+$")
    description: str = ""
    match: PolicyMatch
    matrix: SlaMatrix = Field(default_factory=lambda: SlaMatrix.model_validate({}))
    schedule: str | None = None
    pause_statuses: dict[ClockKind, list[StatusName]] | None = None
    warning_at: list[Share] | None = None
    breach_at: Share | None = None

    @field_validator("warning_at")
    @classmethod
    def _sorted_warnings(cls, value: list[float] | None) -> list[float] | None:
        return None if value is None else _check_warnings(value)


SlaConfig.model_rebuild()


class RoutingConfig(Section):
    """Which tier an escalation for a given cause goes to; everything else goes one tier up."""

    security_incident: int = Field(default=3, ge=1)
    legal: int = Field(default=4, ge=1)
    regulatory: int = Field(default=4, ge=1)
    vip_complaint: int = Field(default=4, ge=1)
    social_media: int = Field(default=4, ge=1)
    outage: int = Field(default=3, ge=1)


class WorkflowConfig(Section):
    route_new_to_tier1: bool = True
    write_status: bool = False  # also set the helpdesk status to "open" on escalation
    # reassign: the customer's ticket moves to the tier's group; task_ticket: it stays where it is and a linked
    # ticket of type task, carrying the handoff note, is created for the tier's group.
    escalation_task: Literal["reassign", "task_ticket"] = "reassign"
    task_tag: str = "escalation_task"  # marks the task tickets we create, which the engine leaves alone
    tier_tag_prefix: str = "tier_"
    escalated_tag: str = "escalated"
    manual_tag_prefix: str = "escalate_tier_"
    # esc_reason_<reason>: 28 characters at most, within Freshdesk's 32. The older escalation_reason_ tags (up to 35)
    # are still read (LEGACY_REASON_PREFIXES), so an agent's habit or a Zendesk macro keeps working.
    manual_reason_prefix: str = Field(default="esc_reason_", min_length=1)
    default_sentiment_language: str = "en"

    def manual_reason(self, tag: str) -> str | None:
        """The reason a manual-escalation reason tag gives (`esc_reason_pr_risk` -> "pr_risk"), under the configured
        prefix or an older one; None for any other tag."""
        prefixes = sorted({self.manual_reason_prefix, *LEGACY_REASON_PREFIXES}, key=len, reverse=True)
        for prefix in prefixes:
            if tag.startswith(prefix) and len(tag) > len(prefix):
                return tag[len(prefix):]
        return None


LEGACY_REASON_PREFIXES = ("escalation_reason_",)  # read, never written or documented as the way to go
FRESHDESK_TAG_LIMIT = 32  # Freshdesk refuses a longer tag (TAG_MAX_LENGTH_STRING; ../shared/reference/freshdesk.md)

MANUAL_REASONS = {
    "beyond_knowledge": "Outside the agent's knowledge",
    "beyond_authority": "Outside the agent's authority",
    "manager_requested": "Customer requests a manager",
    "policy_exception": "Policy exception needed",
    "cross_department": "Cross-department coordination",
    "pr_risk": "Potential PR or reputation risk",
}


class NotificationsConfig(Section):
    channels: dict[str, list[SecretStr]] = Field(default_factory=dict)  # role -> apprise URLs
    ack_tag: str = Field(default="escalator_ack", min_length=1)  # an agent's tag that stops an alert's repeats
    dedupe_period: Duration = timedelta(hours=24)
    customer_notice: Literal["reply", "email", "none"] = "reply"
    resolution_followup: bool = True  # tell the customer of an escalated ticket once it is solved
    respect_business_hours: bool = True
    retries: int = Field(default=3, ge=0)
    retry_delay: Duration = timedelta(minutes=1)  # grows with each attempt


class ReportsConfig(Section):
    weekly_day: Weekday = "mon"
    weekly_time: str = Field(default="09:00", pattern=r"^([01]?\d|2[0-3]):[0-5]\d$")  # HH:MM, local time
    recipients: str = "support_manager"
    chart: bool = True


class TemplatesConfig(Section):
    folder: Path | None = None


class ZendeskConfig(Section):
    subdomain: str = ""
    email: str = ""
    api_token: SecretStr | None = None
    oauth_token: SecretStr | None = None
    base_url: str | None = None
    webhook_secret: SecretStr | None = None
    integration_user_id: str | None = None
    timeout: float = Field(default=15.0, gt=0)
    max_signature_age: Duration = timedelta(minutes=5)

    @property
    def configured(self) -> bool:
        return bool(self.subdomain or self.base_url)


class FreshdeskConfig(Section):
    domain: str = ""
    api_key: SecretStr | None = None
    base_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_header: str = "X-Escalator-Secret"
    agent_email: str | None = None  # the agent whose API key we use: its updates are recognised as ours
    custom_statuses: dict[int, StatusName] = Field(default_factory=dict)
    timeout: float = Field(default=15.0, gt=0)
    # Freshdesk's automation rules fire on no tag change: every `watch_every` the consumer that runs the periodic
    # jobs lists the tickets changed since its last look (one API credit) to find them; 0 turns the watch off.
    watch_every: Duration = timedelta(seconds=3)

    @property
    def configured(self) -> bool:
        return bool(self.domain or self.base_url)


class DatabaseConfig(Section):
    url: str = "sqlite:///escalator.db"
    retention: Duration = timedelta(days=30)


class QueueConfig(Section):
    url: str | None = None  # default: a SQLite file beside the database
    workers: int = Field(default=2, ge=1, le=64)
    # `escalator serve`'s job consumers, one process each (the first beside the web server): "auto" is one per CPU
    # (at most 4) when the database is PostgreSQL and the queue a server of its own, else one (SQLite takes one
    # writer at a time: more processes would only wait for each other).
    processes: Annotated[int, Field(ge=1, le=32)] | Literal["auto"] = "auto"
    # A ticket whose helpdesk call fails is tried again after retry_delay, doubling each time up to 30 s (a 429 waits
    # exactly its Retry-After instead, and does not count); after `retries` failed attempts it is written to the
    # dead letters once and the sweep keeps trying it every 5 minutes: an acknowledged event is never dropped.
    retries: int = Field(default=8, ge=0)
    retry_delay: Duration = timedelta(seconds=1)
    requeue_after: Duration = timedelta(seconds=30)  # unfinished work nobody holds after this is re-queued
    # How long a worker holds a ticket without renewing: a heartbeat renews it every third of it while the worker
    # works, so a worker that dies (another host) frees its tickets within this; on its own host, at once.
    lock_lease: Duration = timedelta(seconds=15)
    # Reconciliation: every `reconcile_every` the helpdesk's incremental export is read back at least
    # `reconcile_window` (and back to the last run) so a change whose webhook never reached us is still decided.
    reconcile_every: Duration = timedelta(minutes=5)
    reconcile_window: Duration = timedelta(hours=1)


class ApiBudgetConfig(Section):
    """The helpdesk account's per-minute API budget, shared with every other integration on the account."""

    enabled: bool = True
    # The share of the account's budget left to the account's other integrations and apps: the escalator spends at
    # most the rest, and waits for the next window rather than meeting a 429.
    leave_to_others: float = Field(default=0.5, ge=0, lt=1)
    # Of the escalator's own share, the part only urgent work may spend: a ticket at urgent priority or a clock's
    # check (an SLA warning or breach), so a burst of routine work never delays a P0.
    urgent_reserve: float = Field(default=0.2, ge=0, lt=1)
    # The account's limit per window until the platform's own headers report it (Zendesk X-Rate-Limit or
    # ratelimit-limit, Freshdesk X-RateLimit-Total).
    per_window: dict[str, int] = Field(default_factory=lambda: {"zendesk": 700, "freshdesk": 200})
    # The platform's window: a minute on both; a test against a sandbox may shorten it.
    window: Duration = timedelta(minutes=1)

    @field_validator("window")
    @classmethod
    def _window_positive(cls, value: timedelta) -> timedelta:
        if value.total_seconds() < 1:
            raise ValueError("must be at least 1s")
        return value


class WebConfig(Section):
    prefix: str = ""
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=1, le=65535)
    max_body: int = Field(default=1024 * 1024, ge=1024)
    public_url: str | None = None


StatusRole = Literal["viewer", "admin"]
_HASH_METHODS = ("scrypt:", "pbkdf2:")


def _check_hash(value: Any) -> str:
    text = str(value.get_secret_value() if isinstance(value, SecretStr) else value).strip()
    if not text.startswith(_HASH_METHODS) or text.count("$") != 2:
        raise ValueError("must be a password hash (scrypt:... or pbkdf2:..., as werkzeug's generate_password_hash "
                         "writes it), never the password itself; see docs/status-page.md")
    return text


PasswordHash = Annotated[SecretStr, BeforeValidator(lambda v: SecretStr(_check_hash(v)))]


class StatusUser(Section):
    """Someone who signs in to the status pages with a name and a password (stored hashed, never in clear)."""

    name: str = Field(min_length=1, max_length=120, pattern=r"^[^\s/]+$")
    password_hash: PasswordHash
    role: StatusRole = "viewer"


class StatusToken(Section):
    """A token for scripts (`Authorization: Bearer ...`) or the sign-in form; stored hashed like a password."""

    name: str = Field(min_length=1, max_length=120, pattern=r"^[^\s/]+$")
    token_hash: PasswordHash
    role: StatusRole = "viewer"


class StatusConfig(Section):
    """The status pages for managers and admins (docs/status-page.md): off unless enabled.

    `auth: config` signs people in with the users and tokens below; `auth: host` leaves it to the application that
    embeds the extension (its viewer hook says who is looking, `host_login_url` where to send someone who is not
    signed in). Sessions are signed with `secret_key` (with `auth: host`, the host app's `SECRET_KEY` when unset).
    """

    enabled: bool = False
    prefix: str = Field(default="/escalator", pattern=r"^(/[A-Za-z0-9._~-]+)+$")
    auth: Literal["config", "host"] = "config"
    users: list[StatusUser] = Field(default_factory=list)
    tokens: list[StatusToken] = Field(default_factory=list)
    secret_key: SecretStr | None = None
    session_lifetime: Duration = timedelta(hours=8)
    cookie_secure: bool = True  # the session cookie only travels over HTTPS (browsers treat localhost as secure)
    host_login_url: str | None = None
    page_size: int = Field(default=50, ge=10, le=500)
    refresh: Duration = timedelta(seconds=30)  # how often an open page reloads itself (0: never)

    @field_validator("secret_key")
    @classmethod
    def _long_enough(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < 32:
            raise ValueError("must be at least 32 characters (python -c 'import secrets; "
                             "print(secrets.token_urlsafe(32))')")
        return value

    @model_validator(mode="after")
    def _usable(self) -> StatusConfig:
        if not self.enabled:
            return self
        if self.auth == "config":
            if not self.users and not self.tokens:
                raise _problem("StatusConfig", ("users",), "the status pages are enabled with auth: config, but "
                               "there is no user and no token to sign in with", [])
            if self.secret_key is None:
                raise _problem("StatusConfig", ("secret_key",), "required when the status pages are enabled (it "
                               "signs the sessions; the same on every host): python -c 'import secrets; "
                               "print(secrets.token_urlsafe(32))'", None)
        names = [u.name for u in self.users] + [t.name for t in self.tokens]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise _problem("StatusConfig", ("users",), f"names must be unique across users and tokens: "
                           f"{', '.join(repeated)}", repeated)
        return self


class HistoryConfig(Section):
    """What the store keeps of the escalation history's text. `retention` (default: keep) removes stored notes and
    customer text older than that (ticket subjects, escalation notes and reasons, decision notes and replies,
    alert texts, event payloads); the figures (times, tiers, rules, priorities, SLA shares) stay, so the reports
    do not change."""

    retention: Duration | None = None

    @field_validator("retention")
    @classmethod
    def _positive(cls, value: timedelta | None) -> timedelta | None:
        if value is not None and value <= timedelta(0):
            raise ValueError('must be a duration like "365d" (leave it out to keep the text)')
        return value


class EscalatorConfig(BaseModel):
    """The whole configuration: a plain value, read from nowhere. `load_config` reads the file and applies the
    `ESCALATOR_*` environment overrides (ESCALATOR_ZENDESK__API_TOKEN=...); nothing else reads the environment."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    organization: OrganizationConfig = Field(default_factory=OrganizationConfig)
    tiers: list[TierConfig] = Field(default_factory=_default_tiers, min_length=1, max_length=9)
    schedules: dict[str, ScheduleConfig] = Field(default_factory=lambda: {"default": _office_hours()})
    sla: SlaConfig = Field(default_factory=SlaConfig)
    thresholds: ThresholdsConfig = Field(default_factory=ThresholdsConfig)
    customers: CustomersConfig = Field(default_factory=CustomersConfig)
    keywords: KeywordsConfig = Field(default_factory=KeywordsConfig)
    reading: ReadingConfig = Field(default_factory=ReadingConfig)
    priority: PriorityConfig = Field(default_factory=PriorityConfig)
    rules: list[RuleConfig] = Field(default_factory=default_rules)
    extra_rules: list[RuleConfig] = Field(default_factory=list)
    routing: RoutingConfig = Field(default_factory=RoutingConfig)
    workflow: WorkflowConfig = Field(default_factory=WorkflowConfig)
    notifications: NotificationsConfig = Field(default_factory=NotificationsConfig)
    reports: ReportsConfig = Field(default_factory=ReportsConfig)
    templates: TemplatesConfig = Field(default_factory=TemplatesConfig)
    zendesk: ZendeskConfig = Field(default_factory=ZendeskConfig)
    freshdesk: FreshdeskConfig = Field(default_factory=FreshdeskConfig)
    database: DatabaseConfig = Field(default_factory=DatabaseConfig)
    queue: QueueConfig = Field(default_factory=QueueConfig)
    api_budget: ApiBudgetConfig = Field(default_factory=ApiBudgetConfig)
    web: WebConfig = Field(default_factory=WebConfig)
    status: StatusConfig = Field(default_factory=StatusConfig)
    history: HistoryConfig = Field(default_factory=HistoryConfig)
    # The name each platform gives a field the settings and rules read: {revenue_impact: {zendesk: 360012345,
    # freshdesk: cf_revenue_impact}}. The key is the name read (customers.*_field, priority.urgency_field, a rule's
    # field:<key>); without an entry, that name is looked up as it is.
    fields: dict[str, PlatformNames] = Field(default_factory=dict)
    # live: decide, write to the helpdesk and send alerts. shadow: decide and record exactly as live, write nothing to
    # the helpdesk and send nothing; each decision is kept with what it would have written and sent (`escalator
    # shadow report`). `escalator serve --shadow` runs a live configuration in shadow mode.
    mode: Literal["live", "shadow"] = "live"

    @model_validator(mode="wrap")
    @classmethod
    def _cross_checks(cls, data: Any, handler: ModelWrapValidatorHandler[EscalatorConfig]) -> EscalatorConfig:
        """The checks that span sections. They run even when a field is wrong (on what the raw values say), so
        every problem is listed at once."""
        try:
            config = handler(data)
        except ValidationError as exc:
            problems = _cross_problems(_Shape.of_raw(data)) if isinstance(data, Mapping) else []
            if not problems:
                raise
            raise _with_problems(exc, problems) from None
        if "rules" not in config.model_fields_set:
            object.__setattr__(config, "rules", _clamped(config.rules, config.tier_count))
        problems = _cross_problems(_Shape.of_config(config)) + _field_problems(config)
        if config.freshdesk.configured:
            problems += _tag_problems(config, FRESHDESK_TAG_LIMIT, "Freshdesk")
        if problems:
            raise _with_problems(None, problems)
        return config

    @property
    def notify_roles(self) -> frozenset[str]:
        """The roles a rule may notify: the built-in ones, each tier's team, and any role given channels."""
        return _roles(len(self.tiers), self.notifications.channels)

    @property
    def all_rules(self) -> list[RuleConfig]:
        return [*self.rules, *self.extra_rules]

    def schedule_timezone(self, name: str) -> str:
        return self.schedules[name].timezone or self.organization.timezone

    @property
    def tier_count(self) -> int:
        return len(self.tiers)

    def platforms(self) -> list[str]:
        return [name for name in ("zendesk", "freshdesk") if getattr(self, name).configured]

    def read_fields(self) -> list[str]:
        """The names of the ticket and customer fields the settings and rules read."""
        names = [self.customers.tier_field, self.customers.lifetime_value_field, self.customers.revenue_impact_field,
                 self.customers.account_manager_field, *([self.priority.urgency_field] if self.priority.urgency_field
                                                         else [])]
        conditions = [c for rule in self.all_rules for c in (*rule.all, *rule.any)]
        conditions += [c for policy in self.sla.policies for c in (*policy.match.all, *policy.match.any)]
        names += [c.field[len(CUSTOM_FIELD_PREFIX):] for c in conditions if c.field.startswith(CUSTOM_FIELD_PREFIX)]
        return list(dict.fromkeys(names))

    def field_names(self, platform: str) -> dict[str, str]:
        """name read -> the name `platform` gives that field, for every field `fields` names on it."""
        out = {}
        for name, by_platform in self.fields.items():
            given = by_platform.get(platform, by_platform.get(EVERY_PLATFORM))
            if given is not None:
                out[name] = given
        return out


def platform_fields(values: Mapping[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
    """`values` (a ticket's custom fields, a customer's fields, keyed as the platform keys them) with each field of
    `names` (name read -> the platform's name) also under the name read, where the platform's field has a value.
    The platform's name is matched exactly, else ignoring case, as the readers do."""
    out = dict(values)
    folded = {str(k).lower(): v for k, v in values.items()}
    for name, platform_name in names.items():
        value = values[platform_name] if platform_name in values else folded.get(platform_name.lower())
        if value not in (None, ""):
            out[name] = value
    return out


def _field_problems(config: EscalatorConfig) -> list[tuple[tuple[str | int, ...], str, Any]]:
    """A `fields` entry that nothing reads is a typo until proven otherwise."""
    read = config.read_fields()
    return [(("fields", name), f"no setting or rule reads a field {name!r}; the fields read are "
                               f"{', '.join(read)} (customers.*_field, priority.urgency_field, field:<key> in a rule "
                               f"or a policy's match)", name)
            for name in config.fields if name not in read]


def product_tags(config: EscalatorConfig) -> list[tuple[tuple[str | int, ...], str]]:
    """Every ticket tag this configuration makes the product write (escalated, tier_<N>, the task tag, the rules'
    add_tags) or tells agents to add (escalate_tier_<N>, <reason prefix><reason>, the acknowledgment and incident
    confirmation tags), each with the setting it comes from. The older reason tags, still read, are not among them."""
    workflow, tiers = config.workflow, range(1, config.tier_count + 1)
    out: list[tuple[tuple[str | int, ...], str]] = [
        (("workflow", "escalated_tag"), workflow.escalated_tag), (("workflow", "task_tag"), workflow.task_tag),
        *((("workflow", "tier_tag_prefix"), f"{workflow.tier_tag_prefix}{n}") for n in tiers),
        *((("workflow", "manual_tag_prefix"), f"{workflow.manual_tag_prefix}{n}") for n in tiers),
        *((("workflow", "manual_reason_prefix"), f"{workflow.manual_reason_prefix}{r}") for r in MANUAL_REASONS),
        (("notifications", "ack_tag"), config.notifications.ack_tag),
        (("reading", "incident_confirm_tag"), config.reading.incident_confirm_tag),
    ]
    for list_name in ("rules", "extra_rules"):
        for i, rule in enumerate(getattr(config, list_name)):
            for j, action in enumerate(rule.actions):
                if action.action == "add_tags":
                    out += [((list_name, i, "actions", j, "value"), tag) for tag in action.value]
    return out


def _tag_problems(config: EscalatorConfig, limit: int, platform: str) -> list[tuple[tuple[str | int, ...], str, Any]]:
    """A problem for each tag longer than `platform` accepts; a prefix is named once, with its longest tag."""
    problems: list[tuple[tuple[str | int, ...], str, Any]] = []
    longest: dict[tuple[str | int, ...], str] = {}
    for where, tag in product_tags(config):
        if len(tag) <= limit:
            continue
        if not str(where[-1]).endswith("_prefix"):
            problems.append((where, f"the tag {tag!r} has {len(tag)} characters; {platform} refuses tags over "
                                    f"{limit}", tag))
        elif len(tag) > len(longest.get(where, "")):
            longest[where] = tag
    for where, tag in longest.items():
        prefix = getattr(getattr(config, str(where[0])), str(where[1]))
        spare = limit - (len(tag) - len(prefix))
        problems.append((where, f"makes the tag {tag!r} ({len(tag)} characters); {platform} refuses tags over "
                                f"{limit}: use a prefix of at most {spare} characters", prefix))
    return problems


def _roles(tier_count: int, channel_roles: Iterable[str]) -> frozenset[str]:
    teams = (f"tier_{n}_{kind}" for n in range(1, tier_count + 1) for kind in ("team", "lead"))
    return frozenset({*ROLE_NAMES, TIER_LEAD, *teams, *channel_roles})


def _clamped(rules: list[RuleConfig], tier_count: int) -> list[RuleConfig]:
    """The default rules for a team with fewer tiers than they name: `escalate: 2` becomes the last tier."""
    out = []
    for rule in rules:
        actions = [
            action.model_copy(update={"value": tier_count})
            if action.action == "escalate" and isinstance(action.value, int) and action.value > tier_count else action
            for action in rule.actions
        ]
        out.append(rule.model_copy(update={"actions": actions}) if actions != rule.actions else rule)
    return out


@dataclass(frozen=True)
class _RuleShape:
    loc: tuple[str | int, ...]
    name: Any
    actions: tuple[tuple[Any, Any, Any], ...]  # (action, value, the role a repeat ends with)
    default: bool  # a default rule: its tier is clamped, not refused


@dataclass(frozen=True)
class _Shape:
    """What the cross-section checks read, from a validated config or, when some field is wrong, from the raw
    values (None where the raw value is unusable: that field's own error is reported instead)."""

    schedule: Any
    schedules: tuple[str, ...] | None
    tier_count: int | None
    channel_roles: tuple[str, ...] | None
    rules: tuple[_RuleShape, ...]
    schedule_refs: tuple[tuple[tuple[str | int, ...], Any], ...] = ()  # (where, the schedule name given there)

    @classmethod
    def of_config(cls, config: EscalatorConfig) -> _Shape:
        defaults = "rules" not in config.model_fields_set
        rules = tuple(
            _RuleShape((list_name, i), rule.name,
                       tuple((a.action, a.value, a.repeat.then if a.repeat else None) for a in rule.actions),
                       defaults and list_name == "rules")
            for list_name in ("rules", "extra_rules") for i, rule in enumerate(getattr(config, list_name))
        )
        refs: list[tuple[tuple[str | int, ...], Any]] = [
            (("sla", "policies", i, "schedule"), p.schedule) for i, p in enumerate(config.sla.policies) if p.schedule]
        refs += [(("tiers", i, "schedule"), t.schedule) for i, t in enumerate(config.tiers) if t.schedule]
        refs += [(("sla", "group_schedules", platform, group), name)
                 for platform, groups in config.sla.group_schedules.items() for group, name in groups.items()]
        return cls(config.sla.schedule, tuple(config.schedules), config.tier_count,
                   tuple(config.notifications.channels), rules, tuple(refs))

    @classmethod
    def of_raw(cls, data: Mapping[str, Any]) -> _Shape:
        sla = data.get("sla", {})
        schedule = sla.get("schedule", "default") if isinstance(sla, Mapping) else None
        schedules = data.get("schedules", {"default": None})
        tiers = data.get("tiers", _default_tiers())
        notifications = data.get("notifications", {})
        channels = notifications.get("channels", {}) if isinstance(notifications, Mapping) else None
        rules: list[_RuleShape] = []
        for list_name in ("rules", "extra_rules"):
            if list_name == "rules" and "rules" not in data:
                rules += [_RuleShape(("rules", i), r.name,
                                     tuple((a.action, a.value, a.repeat.then if a.repeat else None)
                                           for a in r.actions), True)
                          for i, r in enumerate(default_rules())]
                continue
            items = data.get(list_name, [])
            for i, item in enumerate(items if isinstance(items, list) else []):
                if not isinstance(item, Mapping):
                    continue
                actions = item.get("actions", [])
                pairs = tuple((a.get("action"), a.get("value"), _raw_then(a.get("repeat")))
                              for a in actions if isinstance(a, Mapping)) if isinstance(actions, list) else ()
                rules.append(_RuleShape((list_name, i), item.get("name"), pairs, False))
        return cls(
            schedule=schedule if isinstance(schedule, str) else None,
            schedules=tuple(str(k) for k in schedules) if isinstance(schedules, Mapping) else None,
            tier_count=len(tiers) if isinstance(tiers, list) and 1 <= len(tiers) <= 9 else None,
            channel_roles=tuple(str(k) for k in channels) if isinstance(channels, Mapping) else None,
            rules=tuple(rules), schedule_refs=_raw_schedule_refs(sla, tiers),
        )


def _raw_then(repeat: Any) -> Any:
    return repeat.get("then") if isinstance(repeat, Mapping) else None


def _raw_schedule_refs(sla: Any, tiers: Any) -> tuple[tuple[tuple[str | int, ...], Any], ...]:
    refs: list[tuple[tuple[str | int, ...], Any]] = []
    policies = sla.get("policies") if isinstance(sla, Mapping) else None
    for i, policy in enumerate(policies if isinstance(policies, list) else []):
        if isinstance(policy, Mapping) and isinstance(policy.get("schedule"), str):
            refs.append((("sla", "policies", i, "schedule"), policy["schedule"]))
    for i, tier in enumerate(tiers if isinstance(tiers, list) else []):
        name = tier.get("schedule") if isinstance(tier, Mapping) else getattr(tier, "schedule", None)
        if isinstance(name, str):
            refs.append((("tiers", i, "schedule"), name))
    groups = sla.get("group_schedules") if isinstance(sla, Mapping) else None
    for platform, by_group in (groups.items() if isinstance(groups, Mapping) else ()):
        for group, name in (by_group.items() if isinstance(by_group, Mapping) else ()):
            if isinstance(name, str):
                refs.append((("sla", "group_schedules", str(platform), str(group)), name))
    return tuple(refs)


_TIER_TEAM = re.compile(r"^tier_\d+_(team|lead)$")


def _cross_problems(shape: _Shape) -> list[tuple[tuple[str | int, ...], str, Any]]:
    """Every problem that spans sections, each as (location, message, value)."""
    problems: list[tuple[tuple[str | int, ...], str, Any]] = []
    if shape.schedule is not None and shape.schedules is not None and shape.schedule not in shape.schedules:
        problems.append((("sla", "schedule"), f"names {shape.schedule!r}, which is not among schedules "
                                              f"({', '.join(shape.schedules) or 'none'})", shape.schedule))
    for where, name in shape.schedule_refs:
        if shape.schedules is not None and name not in shape.schedules:
            problems.append((where, f"names {name!r}, which is not among schedules "
                                    f"({', '.join(shape.schedules) or 'none'})", name))
    seen: set[str] = set()
    for rule in shape.rules:
        if isinstance(rule.name, str) and rule.name in seen:
            problems.append(((*rule.loc, "name"), f"repeats the rule name {rule.name!r}: names must be unique "
                                                  "across rules and extra_rules", rule.name))
        if isinstance(rule.name, str):
            seen.add(rule.name)
    roles = _roles(shape.tier_count or 0, shape.channel_roles or ())
    for rule in shape.rules:
        for j, (action, value, then) in enumerate(rule.actions):
            where = (*rule.loc, "actions", j, "value")
            if isinstance(then, str) and shape.channel_roles is not None and then not in roles and \
                    not (shape.tier_count is None and _TIER_TEAM.match(then)):
                problems.append(((*rule.loc, "actions", j, "repeat", "then"),
                                 f"unknown role {then!r}; known: {', '.join(sorted(roles))}", then))
            if (action == "escalate" and isinstance(value, int) and not isinstance(value, bool) and not rule.default
                    and shape.tier_count is not None and value > shape.tier_count):
                count = shape.tier_count
                only = f"only {count} tier exists" if count == 1 else f"only {count} tiers exist"
                problems.append((where, f"escalate to tier {value}, but {only}", value))
            if action == "notify" and isinstance(value, str) and shape.channel_roles is not None and \
                    value not in roles and not (shape.tier_count is None and _TIER_TEAM.match(value)):
                problems.append((where, f"unknown role {value!r}; known: {', '.join(sorted(roles))}", value))
    return problems


def _with_problems(exc: ValidationError | None, problems: list[tuple[tuple[str | int, ...], str, Any]]
                   ) -> ValidationError:
    """One ValidationError holding the field errors of `exc` (if any) and the cross-section problems."""
    details: list[InitErrorDetails] = [
        InitErrorDetails(type=PydanticCustomError(str(e["type"]), str(e["msg"])), loc=tuple(e["loc"]),
                         input=e.get("input"))
        for e in (exc.errors() if exc is not None else [])
    ]
    details += [InitErrorDetails(type=PydanticCustomError("value_error", message), loc=loc, input=value)
                for loc, message, value in problems]
    return ValidationError.from_exception_data("EscalatorConfig", details)


class ConfigError(Exception):
    """Raised with every problem found, each as 'path: message'."""

    def __init__(self, problems: list[str], source: str = "configuration") -> None:
        self.problems = problems
        self.source = source
        super().__init__(f"{source} has {len(problems)} problem(s):\n" + "\n".join(f"  {p}" for p in problems))


def _path(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def _message(error: Mapping[str, Any]) -> str:
    message = str(error["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            message = message[len(prefix):]
    if error["type"] == "extra_forbidden":
        message = "unknown setting (check the spelling against docs/configuration.md)"
    elif error["type"] == "literal_error":
        message = f"got {error.get('input')!r}; " + message.replace("Input should be", "expected")
    return message


def problems_of(exc: ValidationError) -> list[str]:
    out = []
    for error in exc.errors():
        # Drop pydantic's internal step names (function-after[...]) from the location.
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and "[" in p and "(" in p))
        where = _path(loc)
        out.append(f"{where}: {_message(error)}" if where else _message(error))
    return out


def _yaml_loader() -> type[yaml.SafeLoader]:
    class Loader(yaml.SafeLoader):
        pass

    # YAML 1.1 would read "mon: 09:00-17:00" style values fine, but bare `on`/`off` as booleans and
    # 12:30 as a sexagesimal number; keep times as text.
    Loader.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:int" or k not in "0123456789"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:int", re.compile(r"^[-+]?(0|[1-9][0-9_]*)$"), list("-+0123456789")
    )
    return Loader


def read_yaml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError([f"cannot read {path}: {exc.strerror}"], str(path)) from None
    try:
        data = yaml.load(text, Loader=_yaml_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise ConfigError([f"{where}not valid YAML ({getattr(exc, 'problem', exc)})"], str(path)) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(["the file must hold a mapping of settings at the top level"], str(path))
    return data


def config_path(explicit: str | Path | None, environ: Mapping[str, str] | None = None) -> Path | None:
    env = os.environ if environ is None else environ
    if explicit:
        return Path(explicit)
    if env.get("ESCALATOR_CONFIG"):
        return Path(env["ESCALATOR_CONFIG"])
    default = Path("escalator.yaml")
    return default if default.exists() else None


ENV_PREFIX = "ESCALATOR_"


def env_overrides(environ: Mapping[str, str]) -> dict[str, Any]:
    """The settings the environment gives, nested: ESCALATOR_ZENDESK__API_TOKEN=x is {"zendesk": {"api_token":
    "x"}}. Names are case-insensitive; a value that is a JSON list or object is read as one. Variables that name no
    section (ESCALATOR_CONFIG, ESCALATOR_LOG_LEVEL) are not settings and are left alone."""
    sections = set(EscalatorConfig.model_fields)
    out: dict[str, Any] = {}
    for name, raw in sorted(environ.items()):
        if not name.upper().startswith(ENV_PREFIX):
            continue
        path = [part.lower() for part in name[len(ENV_PREFIX):].split("__")]
        if not path[0] or path[0] not in sections or not all(path):
            continue
        value: Any = raw
        if raw.strip()[:1] in ("[", "{"):
            with contextlib.suppress(ValueError):
                value = json.loads(raw)
        target = out
        for part in path[:-1]:
            nested = target.setdefault(part, {})
            if not isinstance(nested, dict):
                break
            target = nested
        else:
            target[path[-1]] = value
    return out


def _merged(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def load_config(path: str | Path | None = None, *, data: Mapping[str, Any] | None = None,
                environ: Mapping[str, str] | None = None) -> EscalatorConfig:
    """Load and validate: the YAML file (or `data`), then `ESCALATOR_*` environment overrides (of `environ`, by
    default the process's). The one place the configuration is read from the world.

    With no path and no `ESCALATOR_CONFIG`, `./escalator.yaml` is used if present, else the defaults.
    """
    env = os.environ if environ is None else environ
    source = "configuration"
    values: dict[str, Any] = dict(data or {})
    if data is None:
        file = config_path(path, env)
        if file is not None:
            source = str(file)
            values = read_yaml(file)
    values = _merged(values, env_overrides(env))
    try:
        return EscalatorConfig(**values)
    except ValidationError as exc:
        raise ConfigError(problems_of(exc), source) from None
