"""One app's status pages: their access rules and where they live. Kept in `app.extensions["escalator_status"]`
(the extension keeps no app on itself), found by the views through the current app."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app

from webhooks.status.access import StatusAccess

SITE_KEY = "escalator_status"


@dataclass(frozen=True)
class StatusSite:
    access: StatusAccess
    prefix: str  # where the pages are mounted, e.g. "/escalator"


def site_of(app: Flask | None = None) -> StatusSite:
    target = app if app is not None else current_app
    site: StatusSite = target.extensions[SITE_KEY]
    return site
