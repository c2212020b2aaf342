"""Who may see the status pages and do what: off unless enabled; sign-in with a configured user (hashed password) or
a token; the host application's own viewer hook; read-only and admin roles; a secure, signed session cookie that a
changed password ends; CSRF on every POST; no credential or customer text in any URL."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from flask import Flask
from huey import MemoryHuey
from status_client import (
    ADMIN_PASSWORD,
    HASHES,
    SECRET,
    TOKEN,
    VIEWER_PASSWORD,
    make_app,
    page_csrf,
    settings,
    sign_in,
)
from status_kit import DANA_EMAIL, DANA_NAME, LEGAL_PHRASE, LEGAL_SUBJECT, NOW, seed
from werkzeug.security import generate_password_hash

from plugin.config import ConfigError, load_config
from plugin.store import repository as repo
from webhooks.app import create_app
from webhooks.extension import Escalator
from webhooks.status import Viewer


def test_the_pages_are_off_unless_enabled(tmp_path: Path) -> None:
    app = create_app(load_config(data={"database": {"url": f"sqlite:///{tmp_path / 'off.db'}"}}, environ={}),
                     huey=MemoryHuey())
    assert app.test_client().get("/escalator/").status_code == 404
    assert app.test_client().get("/escalator/login").status_code == 404


def test_a_page_without_sign_in_redirects_to_it_and_a_post_is_refused(app: Flask) -> None:
    client = app.test_client()
    answer = client.get("/escalator/decisions?rule=legal_threat")
    assert answer.status_code == 302
    assert answer.headers["Location"] == "/escalator/login?next=/escalator/decisions?rule%3Dlegal_threat"
    assert client.post("/escalator/operations/dead-letters/1/retry").status_code == 401


def test_signing_in_sets_a_secure_signed_cookie_and_goes_back(app: Flask) -> None:
    client = app.test_client()
    answer = sign_in(client, "ann", ADMIN_PASSWORD)
    assert answer.status_code == 302 and answer.headers["Location"] == "/escalator/decisions"
    [cookie] = [c for c in answer.headers.getlist("Set-Cookie") if c.startswith("escalator_status=")]
    for attribute in ("Secure", "HttpOnly", "SameSite=Lax", "Path=/escalator", "Max-Age=28800"):
        assert attribute in cookie
    assert ADMIN_PASSWORD not in cookie and HASHES["admin"] not in cookie
    assert client.get("/escalator/decisions").status_code == 200


@pytest.mark.parametrize(("name", "password"), [("ann", "wrong"), ("nobody", ADMIN_PASSWORD), ("ann", "")])
def test_a_wrong_name_or_password_gets_no_session(app: Flask, name: str, password: str) -> None:
    client = app.test_client()
    answer = sign_in(client, name, password)
    assert answer.status_code == 401 and "Wrong name and password" in answer.text
    assert not any(c.startswith("escalator_status=") for c in answer.headers.getlist("Set-Cookie"))
    assert client.get("/escalator/").status_code == 302


def test_the_sign_in_form_needs_its_csrf_token(app: Flask) -> None:
    client = app.test_client()
    client.get("/escalator/login")
    answer = client.post("/escalator/login", data={"name": "ann", "password": ADMIN_PASSWORD})
    assert answer.status_code == 400
    other = app.test_client()  # a token from another browser's form does not match this one's cookie
    stolen = re.search(r'name="csrf_token" value="([^"]+)"', other.get("/escalator/login").text)
    assert stolen is not None
    assert client.post("/escalator/login", data={"csrf_token": stolen.group(1), "name": "ann",
                                                 "password": ADMIN_PASSWORD}).status_code == 400


def test_an_open_redirect_is_not_followed(app: Flask) -> None:
    for target in ("https://evil.example/", "//evil.example/x", "/elsewhere", "/escalator\\..\\x"):
        client = app.test_client()
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/escalator/login").text)
        assert csrf is not None
        answer = client.post("/escalator/login", data={"csrf_token": csrf.group(1), "name": "ann",
                                                       "password": ADMIN_PASSWORD, "next": target})
        assert answer.headers["Location"] == "/escalator/"


def test_a_token_signs_in_by_form_or_bearer_header(app: Flask) -> None:
    client = app.test_client()
    assert sign_in(client, "", token=TOKEN).status_code == 302
    assert "grafana (viewer)" in client.get("/escalator/").text
    script = app.test_client()
    assert script.get("/escalator/", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert script.get("/escalator/", headers={"Authorization": "Bearer not-it"}).status_code == 302


def test_a_viewer_cannot_retry_or_drop_a_dead_letter_and_an_admin_can(app: Flask) -> None:
    services = Escalator.services(app)
    with services.store.session() as session:
        [letter] = repo.list_dead_letters(session)
    viewer = app.test_client()
    sign_in(viewer, "bob", VIEWER_PASSWORD)
    page = viewer.get("/escalator/operations").text
    assert "group 9 does not exist" in page and "Retry</button>" not in page and "Drop</button>" not in page
    csrf = page_csrf(viewer)  # a valid token of the viewer's own session: the role, not the token, refuses
    for action in ("retry", "drop"):
        answer = viewer.post(f"/escalator/operations/dead-letters/{letter.id}/{action}", data={"csrf_token": csrf})
        assert answer.status_code == 403
    assert viewer.get("/escalator/decisions/export.csv").status_code == 403
    with services.store.session() as session:
        row = repo.get_dead_letter(session, letter.id)
        assert row is not None and row.retried_at is None and row.dropped_at is None
    queued = services.huey.pending_count()

    admin = app.test_client()
    sign_in(admin, "ann", ADMIN_PASSWORD)
    assert "Retry</button>" in admin.get("/escalator/operations").text
    answer = admin.post(f"/escalator/operations/dead-letters/{letter.id}/retry",
                        data={"csrf_token": page_csrf(admin)})
    assert answer.status_code == 303
    assert f"Dead letter #{letter.id} queued again." in admin.get(answer.headers["Location"]).text
    assert services.huey.pending_count() == queued + 1  # its task is queued again
    answer = admin.post(f"/escalator/operations/dead-letters/{letter.id}/drop", data={"csrf_token": page_csrf(admin)})
    with services.store.session() as session:
        row = repo.get_dead_letter(session, letter.id)
        assert row is not None and row.retried_at == NOW and row.dropped_at == NOW
    assert "No dead letter." in admin.get("/escalator/operations").text


@pytest.mark.parametrize("token", [None, "", "forged", "x" * 32])
def test_every_post_needs_the_sessions_csrf_token(app: Flask, token: str | None) -> None:
    admin = app.test_client()
    sign_in(admin, "ann", ADMIN_PASSWORD)
    data = {} if token is None else {"csrf_token": token}
    assert admin.post("/escalator/operations/dead-letters/1/retry", data=data).status_code == 400
    assert admin.post("/escalator/logout", data=data).status_code == 400
    assert admin.get("/escalator/").status_code == 200  # still signed in


def test_signing_out_ends_the_session(app: Flask) -> None:
    client = app.test_client()
    sign_in(client, "ann", ADMIN_PASSWORD)
    answer = client.post("/escalator/logout", data={"csrf_token": page_csrf(client, "/escalator/")})
    assert answer.status_code == 302
    assert client.get("/escalator/").status_code == 302


def test_a_changed_password_or_role_ends_or_changes_the_sessions(tmp_path: Path) -> None:
    first = make_app(tmp_path)
    client = first.test_client()
    sign_in(client, "ann", ADMIN_PASSWORD)
    cookie = client.get_cookie("escalator_status", path="/escalator")
    assert cookie is not None
    demoted = make_app(tmp_path, users=[{"name": "ann", "password_hash": HASHES["admin"], "role": "viewer"}])
    other = demoted.test_client()
    other.set_cookie("escalator_status", cookie.value, path="/escalator")
    assert "ann (viewer)" in other.get("/escalator/").text  # the role is the configuration's, never the cookie's
    changed = make_app(tmp_path, users=[{"name": "ann", "password_hash": generate_password_hash("new one"),
                                         "role": "admin"}])
    third = changed.test_client()
    third.set_cookie("escalator_status", cookie.value, path="/escalator")
    assert third.get("/escalator/").status_code == 302
    forged = first.test_client()
    forged.set_cookie("escalator_status", cookie.value[:-3] + "AAA", path="/escalator")
    assert forged.get("/escalator/").status_code == 302


def test_the_host_applications_own_sign_in(tmp_path: Path) -> None:
    config = load_config(data=settings(tmp_path, auth="host", users=[], tokens=[], secret_key=None,
                                       host_login_url="/accounts/login"), environ={})
    who: dict[str, Viewer | None] = {"now": None}
    app = Flask("host")
    app.config["SECRET_KEY"] = "host-app-secret-key"
    escalator = Escalator(config=config, huey=MemoryHuey(), clock=lambda: NOW)
    escalator.init_app(app)

    @escalator.status_viewer
    def viewer() -> Viewer | None:
        return who["now"]

    seed(Escalator.services(app).store)
    client = app.test_client()
    answer = client.get("/escalator/operations")
    assert answer.status_code == 302 and answer.headers["Location"] == "/accounts/login?next=%2Fescalator%2Foperations"
    assert client.get("/escalator/login").status_code == 404  # nobody signs in here
    who["now"] = Viewer("mona@acme.example", "viewer")
    page = client.get("/escalator/operations").text
    assert "mona@acme.example (viewer)" in page and "Retry</button>" not in page
    who["now"] = Viewer("root@acme.example", "admin")
    letter_id = re.search(r'dead-letters/(\d+)/retry', client.get("/escalator/operations").text)
    assert letter_id is not None
    csrf = page_csrf(client)
    assert client.post(f"/escalator/operations/dead-letters/{letter_id.group(1)}/retry",
                       data={"csrf_token": csrf}).status_code == 303
    assert client.post(f"/escalator/operations/dead-letters/{letter_id.group(1)}/drop",
                       data={"csrf_token": "nope"}).status_code == 400
    Escalator.services(app).close()


def test_the_host_mode_needs_its_hook(tmp_path: Path) -> None:
    config = load_config(data=settings(tmp_path, auth="host", users=[], tokens=[]), environ={})
    app = create_app(config, huey=MemoryHuey())
    app.testing = False
    assert app.test_client().get("/escalator/").status_code == 500


def test_every_answer_carries_the_security_headers(app: Flask) -> None:
    client = app.test_client()
    sign_in(client, "ann", ADMIN_PASSWORD)
    for path in ("/escalator/login", "/escalator/", "/escalator/decisions", "/escalator/operations"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["X-Frame-Options"] == "DENY" and headers["Referrer-Policy"] == "no-referrer"
        assert headers["Cache-Control"] == "no-store"


def _urls(html: str) -> list[str]:
    return [unquote(u) for u in re.findall(r'(?:href|src|action)="([^"]*)"', html)]


def test_no_credential_or_customer_text_reaches_a_url(app: Flask) -> None:
    client = app.test_client()
    sign_in(client, "ann", ADMIN_PASSWORD)
    secrets_and_text = [ADMIN_PASSWORD, SECRET, TOKEN, DANA_EMAIL, DANA_NAME, LEGAL_SUBJECT, LEGAL_PHRASE, "ZQX"]
    pages = ["/escalator/", "/escalator/decisions", "/escalator/decisions?rule=legal_threat&tier=4",
             "/escalator/tickets/zendesk/101", "/escalator/operations", "/escalator/reports"]
    for path in pages:
        html = client.get(path).text
        for url in _urls(html):
            assert not any(item in url for item in secrets_and_text), (path, url)
    assert LEGAL_SUBJECT in client.get("/escalator/").text  # the text is on the page, for those signed in


@pytest.mark.parametrize(("change", "problem"), [
    ({"users": [], "tokens": []}, "status.users: the status pages are enabled with auth: config"),
    ({"secret_key": None}, "status.secret_key: required when the status pages are enabled"),
    ({"secret_key": "short"}, "status.secret_key: must be at least 32 characters"),
    ({"users": [{"name": "ann", "password_hash": "hunter2"}]}, "status.users[0].password_hash: must be a password "
                                                               "hash"),
    ({"prefix": "escalator/"}, "status.prefix:"),
])
def test_the_configuration_refuses_an_unusable_status_section(tmp_path: Path, change: dict[str, Any],
                                                              problem: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(data=settings(tmp_path, **change), environ={})
    assert any(p.startswith(problem) for p in caught.value.problems), caught.value.problems
    assert "hunter2" not in str(caught.value)


def test_a_password_never_reaches_the_log(app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    sign_in(app.test_client(), "ann", "a wrong password")
    sign_in(app.test_client(), "ann", ADMIN_PASSWORD)
    text = caplog.text
    assert "a wrong password" not in text and ADMIN_PASSWORD not in text and "ann signed in" in text


