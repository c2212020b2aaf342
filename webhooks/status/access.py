"""Who is looking at the status pages, and may they do this: sign-in, the session cookie, roles, CSRF.

Three ways in, by `status.auth`:
- `config`: a user of `status.users` with their password, or a token of `status.tokens` (in the sign-in form, or
  as `Authorization: Bearer <token>` on each request for scripts). Passwords and tokens are kept as werkzeug
  hashes (scrypt by default) and checked in constant time; an unknown name costs the same check as a known one.
- `host`: the application that embeds the extension says who is looking, through the viewer hook registered with
  `Escalator.status_viewer` (see docs/status-page.md); nobody signs in here.

A signed-in person carries one cookie, `escalator_status`: HttpOnly, SameSite=Lax, Secure unless
`status.cookie_secure` is false, signed with `status.secret_key` and valid for `status.session_lifetime`. It names
the user and a fingerprint of their credential, so changing a password or removing a user ends their sessions;
their role is read from the configuration on every request, never from the cookie. Every POST carries a CSRF token
tied to the session (the sign-in form's to a cookie of its own), compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from itsdangerous import BadSignature, URLSafeTimedSerializer
from werkzeug.security import check_password_hash, generate_password_hash

from plugin.config import StatusConfig

Role = Literal["viewer", "admin"]
SESSION_COOKIE = "escalator_status"
LOGIN_COOKIE = "escalator_status_login"
_SALT = "helpdesk-escalator status session"
_LOGIN_SALT = "helpdesk-escalator status sign-in"
_TOKEN_CACHE_LIMIT = 256


@dataclass(frozen=True)
class Viewer:
    """Someone looking at the pages: a name and a role ("viewer": read only; "admin": may retry and drop dead
    letters and download the history). The host application's viewer hook returns one of these (or None)."""

    name: str
    role: Role = "viewer"
    via: str = "host"  # password | token | host

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


ViewerHook = Callable[[], Viewer | None]


@dataclass(frozen=True)
class Session:
    viewer: Viewer
    csrf: str
    from_cookie: bool  # False: a bearer token or the host's own session (no cookie of ours to renew)


def _fingerprint(secret_hash: str) -> str:
    return hashlib.sha256(secret_hash.encode()).hexdigest()[:16]


class StatusAccess:
    """The sign-in rules of one app's status pages. `secret` and `hook` are read when needed: the host app may set
    its SECRET_KEY or register its viewer hook after `init_app`."""

    def __init__(self, config: StatusConfig, secret: Callable[[], str | None],
                 hook: Callable[[], ViewerHook | None]) -> None:
        self.config = config
        self._secret = secret
        self._hook = hook
        self._users = {u.name: u for u in config.users}
        self._tokens = list(config.tokens)
        # A hash to check against when the name is unknown, so a wrong name takes as long as a wrong password.
        self._decoy = generate_password_hash(secrets.token_urlsafe(16))
        self._known_tokens: dict[str, str] = {}  # sha256 of a token checked once -> its name (checks are slow)
        self._lock = threading.Lock()

    # -- the secret and the signers

    def secret(self) -> str:
        value = self._secret()
        if not value:
            raise RuntimeError("the status pages need status.secret_key (or, with auth: host, the app's SECRET_KEY)")
        return value

    def _signer(self, salt: str) -> URLSafeTimedSerializer:
        return URLSafeTimedSerializer(self.secret(), salt=salt)

    @property
    def max_age(self) -> int:
        return int(self.config.session_lifetime.total_seconds())

    # -- credentials

    def check_password(self, name: str, password: str) -> Viewer | None:
        user = self._users.get(name)
        stored = user.password_hash.get_secret_value() if user is not None else self._decoy
        matches = check_password_hash(stored, password)
        if user is None or not matches:
            return None
        return Viewer(user.name, user.role, "password")

    def check_token(self, token: str) -> Viewer | None:
        if not token:
            return None
        digest = hashlib.sha256(token.encode()).hexdigest()
        with self._lock:
            known = self._known_tokens.get(digest)
        for entry in self._tokens:
            if known is not None and entry.name != known:
                continue
            if known is not None or check_password_hash(entry.token_hash.get_secret_value(), token):
                with self._lock:
                    if len(self._known_tokens) >= _TOKEN_CACHE_LIMIT:
                        self._known_tokens.clear()
                    self._known_tokens[digest] = entry.name
                return Viewer(entry.name, entry.role, "token")
        return None

    def _credential(self, viewer: Viewer) -> tuple[Role, str] | None:
        """The viewer's role and credential fingerprint as the configuration says now (None: no longer there)."""
        if viewer.via == "password" and viewer.name in self._users:
            user = self._users[viewer.name]
            return user.role, _fingerprint(user.password_hash.get_secret_value())
        for entry in self._tokens:
            if viewer.via == "token" and entry.name == viewer.name:
                return entry.role, _fingerprint(entry.token_hash.get_secret_value())
        return None

    # -- the session cookie

    def session_value(self, viewer: Viewer) -> str:
        credential = self._credential(viewer)
        if credential is None:
            raise ValueError(f"{viewer.name} is not a configured user or token")
        data = {"n": viewer.name, "v": viewer.via, "f": credential[1], "c": secrets.token_urlsafe(24)}
        return str(self._signer(_SALT).dumps(data))

    def _from_cookie(self, value: str) -> Session | None:
        try:
            data: Any = self._signer(_SALT).loads(value, max_age=self.max_age)
        except BadSignature:  # forged, tampered, expired
            return None
        if not isinstance(data, dict) or not all(isinstance(data.get(k), str) for k in "nvfc"):
            return None
        credential = self._credential(Viewer(data["n"], "viewer", data["v"]))
        if credential is None or not hmac.compare_digest(credential[1], data["f"]):
            return None  # the user was removed or their password changed since
        return Session(Viewer(data["n"], credential[0], data["v"]), data["c"], True)

    def current(self, cookies: dict[str, str], authorization: str | None) -> Session | None:
        """Who is looking at this request, if anyone may."""
        if self.config.auth == "host":
            hook = self._hook()
            if hook is None:
                raise RuntimeError("status.auth is host, but the app registered no viewer hook "
                                   "(Escalator.status_viewer); see docs/status-page.md")
            viewer = hook()
            if viewer is None:
                return None
            return Session(viewer, self._bound_csrf(viewer.name), False)
        if authorization and authorization[:7].lower() == "bearer ":
            viewer = self.check_token(authorization[7:].strip())
            return Session(viewer, self._bound_csrf(viewer.name), False) if viewer is not None else None
        value = cookies.get(SESSION_COOKIE)
        return self._from_cookie(value) if value else None

    def _bound_csrf(self, name: str) -> str:
        """A CSRF token for a viewer who has no cookie of ours: bound to their name by the secret."""
        return hmac.new(self.secret().encode(), f"csrf:{name}".encode(), hashlib.sha256).hexdigest()

    # -- CSRF

    @staticmethod
    def csrf_matches(expected: str, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(expected.encode(), str(given).encode())

    def login_nonce(self) -> tuple[str, str]:
        """(the sign-in form's CSRF token, the value of the cookie that must come back with it)."""
        nonce = secrets.token_urlsafe(24)
        return nonce, str(self._signer(_LOGIN_SALT).dumps(nonce))

    def login_nonce_matches(self, cookie: str | None, given: str | None) -> bool:
        if not cookie or not given:
            return False
        try:
            nonce = self._signer(_LOGIN_SALT).loads(cookie, max_age=3600)
        except BadSignature:
            return False
        return isinstance(nonce, str) and self.csrf_matches(nonce, given)
