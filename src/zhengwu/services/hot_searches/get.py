"""``GET @hot-searches?limit=``: ``{"items": [{"query", "count", "@id"}]}``."""

from plone.restapi.services import Service

from zhengwu.search.stats.views import hot_items


class HotSearchesGet(Service):
    def reply(self):
        return {
            "@id": f"{self.context.absolute_url()}/@hot-searches",
            "items": hot_items(self.context, self.request),
        }
