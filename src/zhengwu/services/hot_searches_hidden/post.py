"""``POST @hot-searches-hidden`` ``{"query", "hidden": true|false}``: hide an entry
of the hot searches (or show it again)."""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.interface import alsoProvides

from zhengwu.bounds.body import json_object
from zhengwu.search.stats.hiding import set_hidden


class HotSearchHiddenPost(Service):
    def reply(self):
        # Like the search curation's services: a JSON request needs a CORS
        # preflight from another origin, so it carries no CSRF token.
        alsoProvides(self.request, IDisableCSRFProtection)
        body = json_object(self.request)
        hidden = body.get("hidden", True)
        if not isinstance(hidden, bool):
            raise BadRequest('"hidden" must be true or false.')
        query = set_hidden(api.portal.get(), body.get("query"), hidden)
        return {"query": query, "hidden": hidden}
