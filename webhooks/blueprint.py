"""The HTTP endpoints: `POST /webhooks/<platform>`, `GET /healthz`, `GET /metrics`.

Every refusal is a JSON error naming its cause: unknown platform 404, oversize body 413, bad or missing signature
401, stale timestamp 401, malformed body or unknown event 400. A redelivery answers 200 and changes nothing; a new
event 202 with its id. No helpdesk API call is made here.
"""

from __future__ import annotations

import logging

from flask import Blueprint, Response, jsonify, request
from werkzeug.exceptions import RequestEntityTooLarge

from plugin.ports import WebhookError
from plugin.registry import UnknownPlatformError
from webhooks.context import current_services
from webhooks.errors import error_reply

log = logging.getLogger(__name__)


def make_blueprint() -> Blueprint:
    bp = Blueprint("escalator", __name__)

    @bp.post("/webhooks/<platform>")
    def webhook(platform: str) -> tuple[Response, int]:
        services = current_services()
        try:
            if not services.adapters.knows(platform):
                raise UnknownPlatformError(platform, services.adapters.names())
            limit = services.config.web.max_body
            if request.content_length is not None and request.content_length > limit:
                raise RequestEntityTooLarge()
            request.max_content_length = limit
            body = request.get_data(cache=False)
            if len(body) > limit:
                raise RequestEntityTooLarge()
            # the headers as werkzeug's own iteration gives them (dict(request.headers) looks each up again)
            intake = services.receive(platform, dict(iter(request.headers)), body)
        except UnknownPlatformError as exc:
            services.count_webhook("unknown", "unknown_platform")
            return error_reply(404, "unknown_platform", str(exc))
        except RequestEntityTooLarge:
            services.count_webhook(platform, "too_large")
            return error_reply(413, "too_large",
                               f"body over the limit of {services.config.web.max_body} bytes")
        except WebhookError as exc:
            services.count_webhook(platform, exc.code)
            log.info("refused a %s webhook: %s (%s)", platform, exc.code, exc.message)
            return error_reply(exc.http_status, exc.code, exc.message)
        services.count_webhook(platform, intake.outcome,
                               max(len(intake.accepted) + len(intake.duplicates) + len(intake.ours), 1))
        return jsonify({
            "status": intake.outcome,
            "accepted": [e.delivery_id for e in intake.accepted],
            "duplicates": [e.delivery_id for e in intake.duplicates],
        }), intake.status

    @bp.get("/healthz")
    def healthz() -> tuple[Response, int]:
        services = current_services()
        database = services.store.ping()
        try:
            depth = services.huey.pending_count()
            queue = True
        except Exception:
            depth, queue = None, False
        healthy = database and queue
        return jsonify({"status": "ok" if healthy else "unavailable", "database": database, "queue": queue,
                        "queue_depth": depth}), 200 if healthy else 503

    @bp.get("/metrics")
    def metrics() -> Response:
        return Response(current_services().metrics.render(), mimetype="text/plain; version=0.0.4")

    return bp
