"""``POST @search-curation``: add a synonym group or pin pages to a query (201).

``{"synonyms": [terms]}`` or ``{"best_bet": {"query": …, "items": [UID, path or
URL, …]}}``.
"""

from plone import api

from zhengwu.search.curation import changes
from zhengwu.services.search_curation.change import CurationChange
from zhengwu.services.search_curation.change import body_items
from zhengwu.services.search_curation.change import body_terms


class CurationPost(CurationChange):
    success_status = 201

    def change(self, site, body):
        if "synonyms" in body:
            return changes.add_group(site, body_terms(body["synonyms"]))
        bet = body["best_bet"]
        user = api.user.get_current().getId() or ""
        return changes.pin(site, str(bet["query"]), body_items(bet), user)
