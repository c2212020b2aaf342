"""The Flask extension: `Escalator(app)` or `Escalator().init_app(app)`.

It follows Flask's extension conventions: it registers itself under `app.extensions["escalator"]`, sets its config
defaults with `setdefault`, mounts its blueprint at a configurable prefix, and keeps no app on `self` (the running
services of each app live in that app's `extensions`).

Embedding in an existing app takes three lines:

    from webhooks import Escalator
    escalator = Escalator()
    escalator.init_app(app)           # webhooks at /webhooks/<platform>, /healthz, /metrics
"""

from __future__ import annotations

from typing import Any

from flask import Flask

from plugin.config import EscalatorConfig, load_config
from webhooks.blueprint import make_blueprint
from webhooks.bootstrap import Services, bootstrap
from webhooks.context import EXTENSION_KEY, current_services, services_of

__all__ = ["EXTENSION_KEY", "Escalator", "current_services"]


class Escalator:
    def __init__(self, app: Flask | None = None, *, config: EscalatorConfig | None = None,
                 services: Services | None = None, **bootstrap_options: Any) -> None:
        self._config = config
        self._services = services
        self._bootstrap_options = bootstrap_options
        if app is not None:
            self.init_app(app)

    def init_app(self, app: Flask) -> None:
        if EXTENSION_KEY in app.extensions:
            raise RuntimeError("helpdesk-escalator is already set up on this app; call init_app once per app")
        app.config.setdefault("ESCALATOR_CONFIG_FILE", None)
        app.config.setdefault("ESCALATOR_URL_PREFIX", None)
        app.config.setdefault("ESCALATOR_MAX_BODY", None)
        services = self._services
        if services is None:
            config = self._config or load_config(app.config["ESCALATOR_CONFIG_FILE"])
            services = bootstrap(config, **self._bootstrap_options)
        prefix = app.config["ESCALATOR_URL_PREFIX"]
        if prefix is None:
            prefix = services.config.web.prefix
        app.extensions[EXTENSION_KEY] = services
        app.register_blueprint(make_blueprint(), url_prefix=prefix or None)

    @staticmethod
    def services(app: Flask | None = None) -> Services:
        """The running services of `app` (default: the current app)."""
        return services_of(app)
