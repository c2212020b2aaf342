"""Where a Flask app keeps its running escalator: `app.extensions["escalator"]`, and how a request finds it."""

from __future__ import annotations

from flask import Flask, current_app

from webhooks.bootstrap import Services

EXTENSION_KEY = "escalator"


def services_of(app: Flask | None = None) -> Services:
    """The running services of `app` (default: the current app)."""
    target = app if app is not None else current_app
    services: Services = target.extensions[EXTENSION_KEY]
    return services


def current_services() -> Services:
    return services_of()
