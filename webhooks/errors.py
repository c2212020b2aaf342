"""JSON error replies: every refusal says what was wrong, in the same shape."""

from __future__ import annotations

from flask import Response, jsonify


def error_reply(status: int, code: str, message: str) -> tuple[Response, int]:
    return jsonify({"error": code, "message": message}), status
