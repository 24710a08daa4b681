"""@hot-searches (anonymous) and @search-report (editors) over plone.restapi."""

from plone import api
from plone.restapi.services import Service

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
