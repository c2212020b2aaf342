"""zenpy set up for unattended use: our own session and timeouts, no cache, no transport-level replays, no
sleeping on 429 (it surfaces at once as RetryAfterError so the caller re-queues), and an optional base URL that
sends https://<subdomain>.zendesk.com to a sandbox such as http://127.0.0.1:8123."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import requests
from requests.adapters import HTTPAdapter

from adapters.base import RetryAfterError
from plugin.config import ZendeskConfig

if TYPE_CHECKING:
    from zenpy import Zenpy

log = logging.getLogger(__name__)
DEFAULT_RETRY_AFTER = 60.0


def retry_after_seconds(value: str | None) -> tuple[float, bool]:
    """(seconds, whether the header gave them); a missing or odd header means DEFAULT_RETRY_AFTER."""
    if value is None:
        return DEFAULT_RETRY_AFTER, False
    try:
        seconds = float(value)
    except ValueError:
        return DEFAULT_RETRY_AFTER, False
    return (seconds, True) if seconds >= 0 else (DEFAULT_RETRY_AFTER, False)


def _raise_on_429(response: requests.Response, *args: Any, **kwargs: Any) -> requests.Response:
    if response.status_code == 429:
        seconds, given = retry_after_seconds(response.headers.get("Retry-After"))
        path = requests.utils.urlparse(response.request.url or "").path  # type: ignore[attr-defined]
        note = "" if given else f" (no usable Retry-After header; waiting the default {seconds:g}s)"
        raise RetryAfterError(seconds, f"Zendesk rate limit on {response.request.method} {path}; retry after "
                                       f"{seconds:g}s{note}")
    return response


class BaseUrlAdapter(HTTPAdapter):
    """Sends requests for `public` (https://acme.zendesk.com) to `target` (http://127.0.0.1:8123).

    The prepared request keeps its public URL afterwards, so zenpy recognises the reply as its own.
    """

    def __init__(self, public: str, target: str) -> None:
        super().__init__(max_retries=0)
        self.public, self.target = public.rstrip("/"), target.rstrip("/")

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        original = request.url or ""
        if original.startswith(self.public):
            request.url = self.target + original[len(self.public):]
        try:
            response = super().send(request, *args, **kwargs)
        finally:
            request.url = original
        response.url = original
        return response


def make_session(settings: ZendeskConfig, user_agent: str) -> requests.Session:
    session = requests.Session()
    # No transport-level retries at all: a replayed PUT could post a note twice. Retries are ours, and explicit.
    session.mount("https://", HTTPAdapter(max_retries=0))
    session.mount("http://", HTTPAdapter(max_retries=0))
    session.headers["User-Agent"] = user_agent
    return prepare_session(session, settings, user_agent)


def prepare_session(session: requests.Session, settings: ZendeskConfig, user_agent: str) -> requests.Session:
    """What every session the adapter uses needs, ours or a caller's: the 429 hook (a rate limit surfaces at once
    as RetryAfterError), the base-URL mapping to a sandbox, and our User-Agent unless the caller set their own.
    Idempotent: preparing a session twice installs nothing twice."""
    if settings.base_url:
        session.mount(public_url(settings), BaseUrlAdapter(public_url(settings), settings.base_url))
    if session.headers.get("User-Agent", "") in ("", requests.utils.default_user_agent()):
        session.headers["User-Agent"] = user_agent
    hooks = session.hooks.setdefault("response", [])
    if _raise_on_429 not in hooks:
        hooks.append(_raise_on_429)
    return session


def public_url(settings: ZendeskConfig) -> str:
    return f"https://{settings.subdomain or 'sandbox'}.zendesk.com"


def make_zenpy(settings: ZendeskConfig, session: requests.Session) -> Zenpy:
    """The client, built on first use: zenpy is imported then, not with this module (an idle service keeps its
    memory)."""
    from zenpy import Zenpy

    credentials: dict[str, Any] = {}
    if settings.oauth_token is not None:
        credentials["oauth_token"] = settings.oauth_token.get_secret_value()
    elif settings.api_token is not None:
        credentials.update(email=settings.email, token=settings.api_token.get_secret_value())
    # disable_cache: zenpy's cache returns stale updated_at, which would break safe updates.
    return Zenpy(subdomain=settings.subdomain or "sandbox", session=session, timeout=settings.timeout,
                 disable_cache=True, **credentials)
