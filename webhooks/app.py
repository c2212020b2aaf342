"""The standalone app: `create_app(config)` builds a Flask app that serves only the escalator's endpoints.

For gunicorn: `gunicorn -w 4 'webhooks.app:create_app()'` (the configuration comes from $ESCALATOR_CONFIG).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from plugin.config import EscalatorConfig, load_config
from webhooks.bootstrap import Services
from webhooks.extension import Escalator


def create_app(config: EscalatorConfig | str | Path | None = None, *, services: Services | None = None,
               **bootstrap_options: Any) -> Flask:
    """A Flask app serving the escalator's endpoints: from a config (object or file), or running `services`."""
    if services is None and not isinstance(config, EscalatorConfig):
        config = load_config(config)
    app = Flask("helpdesk_escalator")
    Escalator(app, config=config if isinstance(config, EscalatorConfig) else None, services=services,
              **bootstrap_options)
    return app
