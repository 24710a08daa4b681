"""GET @health: is this site able to serve? ZODB, Solr and versions, no secrets."""

import platform
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version

from plone.restapi.services import Service
from Products.CMFCore.utils import getToolByName

from zhengwu.search.solr.status import solr_status

PROFILE = "zhengwu:default"
DISTRIBUTIONS = (
    "zhengwu",
    "Products.CMFPlone",
    "Zope",
    "plone.restapi",
    "collective.solr",
)


def _versions():
    found = {"python": platform.python_version()}
    for name in DISTRIBUTIONS:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


def _zodb_status(context):
    db = context._p_jar.db()
    storage = db.storage
    connected = getattr(storage, "is_connected", lambda: True)()
    return {
        "status": "up" if connected else "down",
        "database": db.database_name,
        "storage": type(storage).__name__,
    }


def _profile(context):
    """The add-on profile's version in this site and in the code: `make start` runs
    the upgrade steps when they differ."""
    setup = getToolByName(context, "portal_setup")
    installed = setup.getLastVersionForProfile(PROFILE)
    installed = ".".join(installed) if isinstance(installed, tuple) else None
    available = setup.getVersionForProfile(PROFILE)
    return {
        "installed": installed,
        "available": available,
        "upgrade_needed": installed != available,
    }


class Health(Service):
    """Anonymous health check used by `make start`, load balancers and monitoring."""

    def reply(self):
        zodb = _zodb_status(self.context)
        solr = solr_status()
        if zodb["status"] != "up":
            status = "down"
            self.request.response.setStatus(503)
        elif solr["status"] == "down":
            status = "degraded"
        else:
            status = "ok"
        self.request.response.setHeader("Cache-Control", "no-store")
        return {
            "status": status,
            "site": self.context.getId(),
            "zodb": zodb,
            "solr": solr,
            "versions": _versions(),
            "profile": _profile(self.context),
        }
