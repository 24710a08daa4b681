"""``GET @search-curation``: the site's synonym groups and best bets."""

from plone.restapi.services import Service

from zhengwu.search.curation import storage
from zhengwu.search.curation.targets import find_published


def _page(site, uid):
    brain = find_published(site, uid)
    if brain is None:
        return {"UID": uid, "@id": None, "title": None}
    return {"UID": uid, "@id": brain.getURL(), "title": brain.Title}


def curation_state(site):
    """The synonym groups and best bets of ``site`` as plain data."""
    store = storage.store_of(site)
    return {
        "@id": f"{site.absolute_url()}/@search-curation",
        "synonyms": storage.synonym_groups(site),
        "best_bets": [
            {
                "query": bet.query,
                "items": [_page(site, uid) for uid in bet.uids],
                "creator": bet.creator,
                "modified": bet.modified.isoformat(),
            }
            for bet in storage.all_best_bets(site)
        ],
        "synonyms_pending": bool(store is not None and store.synonyms_pending),
    }


class CurationGet(Service):
    def reply(self):
        return curation_state(self.context)
