"""The Flask extension: `Escalator(app)` or `Escalator().init_app(app)`.

It follows Flask's extension conventions: it registers itself under `app.extensions["escalator"]`, sets its config
defaults with `setdefault`, mounts its blueprint at a configurable prefix, and keeps no app on `self` (the running
services of each app live in that app's `extensions`).

Embedding in an existing app takes three lines:

    from webhooks import Escalator
    escalator = Escalator()
    escalator.init_app(app)           # webhooks at /webhooks/<platform>, /healthz, /metrics

With `status.enabled`, the status pages are mounted too, as a second blueprint at `status.prefix` (default
/escalator; the app's ESCALATOR_STATUS_PREFIX overrides it). With `status.auth: host` the app says who is looking:

    @escalator.status_viewer
    def viewer() -> Viewer | None:    # webhooks.status.Viewer(name, "viewer" | "admin"), or None: not signed in
        ...
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, current_app

from plugin.config import EscalatorConfig, StatusConfig, load_config
from webhooks.blueprint import make_blueprint
from webhooks.bootstrap import Services, bootstrap
from webhooks.context import EXTENSION_KEY, current_services, services_of
from webhooks.status import SITE_KEY, StatusAccess, StatusSite, ViewerHook, make_status_blueprint

__all__ = ["EXTENSION_KEY", "Escalator", "current_services"]

log = logging.getLogger(__name__)


class Escalator:
    def __init__(self, app: Flask | None = None, *, config: EscalatorConfig | None = None,
                 services: Services | None = None, status_viewer: ViewerHook | None = None,
                 **bootstrap_options: Any) -> None:
        self._config = config
        self._services = services
        self._bootstrap_options = bootstrap_options
        self._status_viewer = status_viewer
        if app is not None:
            self.init_app(app)

    def status_viewer(self, hook: ViewerHook) -> ViewerHook:
        """Register who is looking at the status pages with `status.auth: host` (a decorator, like flask-login's
        user_loader): the hook returns a `webhooks.status.Viewer` or None (not signed in)."""
        self._status_viewer = hook
        return hook

    def init_app(self, app: Flask) -> None:
        if EXTENSION_KEY in app.extensions:
            raise RuntimeError("helpdesk-escalator is already set up on this app; call init_app once per app")
        app.config.setdefault("ESCALATOR_CONFIG_FILE", None)
        app.config.setdefault("ESCALATOR_URL_PREFIX", None)
        app.config.setdefault("ESCALATOR_MAX_BODY", None)
        app.config.setdefault("ESCALATOR_STATUS_PREFIX", None)
        services = self._services
        if services is None:
            config = self._config or load_config(app.config["ESCALATOR_CONFIG_FILE"])
            services = bootstrap(config, **self._bootstrap_options)
        prefix = app.config["ESCALATOR_URL_PREFIX"]
        if prefix is None:
            prefix = services.config.web.prefix
        app.extensions[EXTENSION_KEY] = services
        _warm(services)
        app.register_blueprint(make_blueprint(), url_prefix=prefix or None)
        status = services.config.status
        if status.enabled:
            status_prefix = (app.config["ESCALATOR_STATUS_PREFIX"] or status.prefix).rstrip("/")
            access = StatusAccess(status, secret=lambda: _status_secret(status), hook=lambda: self._status_viewer)
            app.extensions[SITE_KEY] = StatusSite(access, status_prefix)
            app.register_blueprint(make_status_blueprint(), url_prefix=status_prefix)

    @staticmethod
    def services(app: Flask | None = None) -> Services:
        """The running services of `app` (default: the current app)."""
        return services_of(app)


def _warm(services: Services) -> None:
    """Build what the first webhook would otherwise pay for: each platform's adapter (its module, its settings) and
    a database connection in the pool."""
    for name in services.adapters.names():
        try:
            services.adapters.get(name)
        except Exception:  # a platform configured wrongly answers its webhooks with the error, as before
            log.warning("could not prepare the %s adapter", name, exc_info=True)
    services.store.ping()


def _status_secret(status: StatusConfig) -> str | None:
    """The key that signs the status pages' sessions: status.secret_key, else (auth: host) the app's SECRET_KEY."""
    if status.secret_key is not None:
        return status.secret_key.get_secret_value()
    key = current_app.config.get("SECRET_KEY") if status.auth == "host" else None
    return str(key) if key else None
