"""``GET @search-report?days=&limit=``: zero-result and top queries of the site."""

from plone import api
from plone.restapi.services import Service

from zhengwu.search.stats.views import report_data


class SearchReportGet(Service):
    def reply(self):
        site = api.portal.get()
        return {
            "@id": f"{self.context.absolute_url()}/@search-report",
            **report_data(site, self.request),
        }
