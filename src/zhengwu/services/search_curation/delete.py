"""``DELETE @search-curation``: remove ``{"synonym": term}`` or ``{"best_bet": query}``
(also as query string parameters)."""

from zhengwu.search.curation import changes
from zhengwu.services.search_curation.change import CurationChange


class CurationDelete(CurationChange):
    def change(self, site, body):
        wanted = {**self.request.form, **body}
        if "synonym" in wanted:
            return changes.remove_group(site, str(wanted["synonym"]))
        return changes.unpin(site, str(wanted["best_bet"]))
