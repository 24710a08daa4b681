"""``PATCH @search-curation``: replace a synonym group or an existing best bet's pages.

``{"synonyms": {"term": …, "terms": […]}}`` or ``{"best_bet": {"query": …,
"items": […]}}``.
"""

from plone import api

from zhengwu import _
from zhengwu.search.curation import changes
from zhengwu.search.curation import storage
from zhengwu.services.search_curation.change import CurationChange
from zhengwu.services.search_curation.change import body_items
from zhengwu.services.search_curation.change import body_terms


class CurationPatch(CurationChange):
    def change(self, site, body):
        if "synonyms" in body:
            group = body["synonyms"]
            terms = body_terms(group["terms"])
            return changes.change_group(site, str(group["term"]), terms)
        bet = body["best_bet"]
        query = str(bet["query"])
        if storage.best_bet(site, query) is None:
            raise storage.CurationError(
                _("No best bet for the query ${query}.", mapping={"query": query})
            )
        user = api.user.get_current().getId() or ""
        return changes.pin(site, str(bet["query"]), body_items(bet), user)
