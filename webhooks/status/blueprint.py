"""The status pages' blueprint: the guard every request passes (who is looking, CSRF on every POST), sign-in and
sign-out, and the headers every answer carries (a strict Content-Security-Policy: the pages load their one script
and one stylesheet from here and nothing else; no framing; no referrer; not cached).

A request with no valid session is sent to the sign-in page (a GET) or refused with 401 (anything else); with
`auth: host`, to `status.host_login_url` when set. The pages themselves are in pages.py.
"""

from __future__ import annotations

import logging
from urllib.parse import urlencode, urlsplit

from flask import Blueprint, Response, abort, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from werkzeug.wrappers import Response as BaseResponse

from webhooks.status.access import LOGIN_COOKIE, SESSION_COOKIE, Session
from webhooks.status.pages import add_pages
from webhooks.status.site import site_of

log = logging.getLogger(__name__)
NAME = "escalator_status"
SESSION_KEY = "escalator_status_session"
OPEN_ENDPOINTS = (f"{NAME}.login", f"{NAME}.static")
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def current_session() -> Session:
    session: Session = g.get(SESSION_KEY)
    return session


def _safe_next(target: str | None, prefix: str) -> str | None:
    """A place to go back to after signing in: a path of these pages only (never another site)."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith(prefix) or "\\" in target:
        return None
    return target


def make_status_blueprint() -> Blueprint:
    bp = Blueprint(NAME, __name__, template_folder="templates", static_folder="static", static_url_path="/static")

    @bp.before_request
    def guard() -> ResponseReturnValue | None:
        if request.endpoint in OPEN_ENDPOINTS:
            return None
        site = site_of()
        session = site.access.current(dict(request.cookies), request.headers.get("Authorization"))
        if session is None:
            if request.method != "GET":
                abort(401)
            if site.access.config.auth == "host":
                login = site.access.config.host_login_url
                if not login:
                    abort(401)
                return redirect(f"{login}?{urlencode({'next': request.full_path.rstrip('?')})}")
            return redirect(url_for(f"{NAME}.login", next=request.full_path.rstrip("?")))
        g.setdefault(SESSION_KEY, session)
        if request.method == "POST" and not site.access.csrf_matches(session.csrf, request.form.get("csrf_token")):
            log.warning("status page: a POST to %s without a valid CSRF token, refused", request.path)
            abort(400, "missing or wrong CSRF token: reload the page and try again")
        return None

    @bp.after_request
    def headers(response: BaseResponse) -> BaseResponse:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @bp.route("/login", methods=["GET", "POST"])
    def login() -> ResponseReturnValue:
        site = site_of()
        access = site.access
        if access.config.auth == "host":
            abort(404)
        target = _safe_next(request.values.get("next"), site.prefix) or url_for(f"{NAME}.at_risk")
        error = None
        status = 200
        if request.method == "POST":
            if not access.login_nonce_matches(request.cookies.get(LOGIN_COOKIE), request.form.get("csrf_token")):
                abort(400, "the sign-in form expired or was not ours: reload it and try again")
            token = request.form.get("token", "").strip()
            name = request.form.get("name", "").strip()
            viewer = access.check_token(token) if token else access.check_password(
                name, request.form.get("password", ""))
            if viewer is not None:
                log.info("status page: %s signed in (%s, %s)", viewer.name, viewer.via, viewer.role)
                response = redirect(target)
                _set_cookie(response, SESSION_COOKIE, access.session_value(viewer), access.max_age)
                response.delete_cookie(LOGIN_COOKIE, path=site.prefix)
                return response
            log.info("status page: a sign-in failed")
            error, status = "Wrong name and password, or wrong token.", 401
        nonce, cookie = access.login_nonce()
        response = Response(render_template("escalator_status/login.html", csrf_token=nonce, error=error,
                                            next=target), status=status)
        _set_cookie(response, LOGIN_COOKIE, cookie, 3600, same_site="Strict")
        return response

    @bp.post("/logout")
    def logout() -> ResponseReturnValue:
        site = site_of()
        response = redirect(url_for(f"{NAME}.login") if site.access.config.auth == "config"
                            else site.access.config.host_login_url or "/")
        response.delete_cookie(SESSION_COOKIE, path=site.prefix)
        return response

    add_pages(bp, current_session)
    return bp


def _set_cookie(response: BaseResponse, name: str, value: str, max_age: int, same_site: str = "Lax") -> None:
    site = site_of()
    response.set_cookie(name, value, max_age=max_age, path=site.prefix, secure=site.access.config.cookie_secure,
                        httponly=True, samesite=same_site)
