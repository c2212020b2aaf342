"""The status pages for managers and admins: At risk, Decisions, Ticket, Operations, Reports (docs/status-page.md).

Server-rendered (Jinja templates, one small script for the countdowns and the refresh, one stylesheet; no
front-end build), mounted by the Flask extension as a second blueprint at `status.prefix` (default /escalator)
when `status.enabled` is true, so they come with `escalator serve`, `escalator web` and any app that embeds the
extension.
"""

from __future__ import annotations

from webhooks.status.access import StatusAccess, Viewer, ViewerHook
from webhooks.status.blueprint import make_status_blueprint
from webhooks.status.site import SITE_KEY, StatusSite, site_of

__all__ = ["SITE_KEY", "StatusAccess", "StatusSite", "Viewer", "ViewerHook", "make_status_blueprint", "site_of"]
