"""Who may call a service: hidden items answer 404, member services 401 for visitors.

A 401 or 403 from ``@vote``, ``@accept``, ``@answer`` or ``@report`` would tell a
visitor that a post awaiting moderation (or rejected) exists at that address. The
services are registered public and check here, in ``check_permission``, first
``View`` (404 without it) and then their own permission (401/403 as usual).
"""

from AccessControl import getSecurityManager
from plone import api
from zExceptions import NotFound
from zExceptions import Unauthorized


class VisibleOnly:
    """Mixin for a plone.restapi ``Service``: hidden context → 404, then ``needs``."""

    needs = "View"

    def check_permission(self):
        security = getSecurityManager()
        if not security.checkPermission("View", self.context):
            raise NotFound(self.request.get("URL", ""))
        if not security.checkPermission(self.needs, self.context):
            raise Unauthorized(f"Missing {self.needs!r} permission")
        super().check_permission()


def current_member(reason):
    """The logged-in member; for a visitor Unauthorized (401) saying ``reason``."""
    if api.user.is_anonymous():
        raise Unauthorized(reason)
    return api.user.get_current()
