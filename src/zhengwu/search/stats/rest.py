"""@hot-searches (anonymous), @search-report and @hot-searches-hidden (editors)
over plone.restapi."""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.interface import alsoProvides

from zhengwu.search.stats.hiding import set_hidden
from zhengwu.search.stats.views import hot_items
from zhengwu.search.stats.views import report_data


class HotSearchesGet(Service):
    """GET @hot-searches?limit=: ``{"items": [{"query", "count", "@id"}]}``."""

    def reply(self):
        return {
            "@id": f"{self.context.absolute_url()}/@hot-searches",
            "items": hot_items(self.context, self.request),
        }


class SearchReportGet(Service):
    """GET @search-report?days=&limit=: zero-result and top queries."""

    def reply(self):
        site = api.portal.get()
        return {
            "@id": f"{self.context.absolute_url()}/@search-report",
            **report_data(site, self.request),
        }


class HotSearchHiddenPost(Service):
    """POST @hot-searches-hidden ``{"query", "hidden": true|false}``: hide an entry."""

    def reply(self):
        # Like the search curation's services: a JSON request needs a CORS
        # preflight from another origin, so it carries no CSRF token.
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            body = json_body(self.request)
        except Exception as error:
            raise BadRequest("The body must be a JSON object.") from error
        if not isinstance(body, dict):
            raise BadRequest("The body must be a JSON object.")
        hidden = body.get("hidden", True)
        if not isinstance(hidden, bool):
            raise BadRequest('"hidden" must be true or false.')
        query = set_hidden(api.portal.get(), body.get("query"), hidden)
        return {"query": query, "hidden": hidden}
