"""Services on an item the user cannot view answer 404, as for a missing item.

A 401 or 403 from ``@vote``, ``@accept``, ``@answer`` or ``@report`` would tell a
visitor that a post awaiting moderation (or rejected) exists at that address. The
services are registered public and check here, in ``check_permission``, first
``View`` (404 without it) and then their own permission (401/403 as usual).
"""

from AccessControl import getSecurityManager
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
