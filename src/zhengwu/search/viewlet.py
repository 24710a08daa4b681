"""The notice on the search page while search runs without Solr."""

from plone.app.layout.viewlets.common import ViewletBase

from zhengwu.search.fallback import answered_by_catalog
from zhengwu.search.solr.outage import solr_manager
from zhengwu.search.solr.outage import solr_reachable


class ReducedSearchViewlet(ViewletBase):
    """Shown above the results when the query is (or will be) answered by ZCatalog."""

    def available(self):
        if answered_by_catalog(self.request):
            return True
        # Rendered before the results are computed: ask the core itself, unless it
        # is remembered down (one cheap probe per search page while Solr is up).
        if not self.request.form.get("SearchableText"):
            return False
        manager = solr_manager()
        return manager is not None and not solr_reachable(manager, max_age_up=0)

    def render(self):
        return self.index() if self.available() else ""
