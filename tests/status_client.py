"""Signing in to the status pages from a test client, and an app with them enabled (two users and a token)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from huey import MemoryHuey
from status_kit import NOW
from werkzeug.security import generate_password_hash

from plugin.config import load_config
from webhooks.app import create_app

SECRET = "s" * 40
ADMIN_PASSWORD, VIEWER_PASSWORD, TOKEN = "correct horse battery", "read only please", "tok-" + "x" * 30
HASHES = {"admin": generate_password_hash(ADMIN_PASSWORD), "viewer": generate_password_hash(VIEWER_PASSWORD),
          "token": generate_password_hash(TOKEN)}


def settings(tmp: Path, **status: Any) -> dict[str, Any]:
    block: dict[str, Any] = {
        "enabled": True, "secret_key": SECRET,
        "users": [{"name": "ann", "password_hash": HASHES["admin"], "role": "admin"},
                  {"name": "bob", "password_hash": HASHES["viewer"]}],
        "tokens": [{"name": "grafana", "token_hash": HASHES["token"], "role": "viewer"}]}
    block.update(status)
    return {"database": {"url": f"sqlite:///{tmp / 'status.db'}"}, "status": block,
            "zendesk": {"subdomain": "acme", "email": "bot@acme.example", "api_token": "t"}}


def make_app(tmp: Path, **status: Any) -> Flask:
    return create_app(load_config(data=settings(tmp, **status), environ={}), huey=MemoryHuey(), clock=lambda: NOW)


def sign_in(client: FlaskClient, name: str, password: str = "", token: str = "") -> Any:
    form = client.get("/escalator/login")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert csrf is not None
    return client.post("/escalator/login", data={"csrf_token": csrf.group(1), "name": name, "password": password,
                                                 "token": token, "next": "/escalator/decisions"})


def page_csrf(client: FlaskClient, path: str = "/escalator/operations") -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert found is not None
    return found.group(1)
