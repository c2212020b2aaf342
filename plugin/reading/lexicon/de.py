"""Stub."""

from __future__ import annotations

STOPWORDS = ""
NEGATORS = ""
INTENSIFIERS = ""
CONDITIONS = ""
COMPLAINTS = ""
CUES: dict[str, list[str]] = {}
