"""The homepage's modules as catalog brains (never objects: the page is benchmarked).

Each query runs through plone.app.querystring like a Collection's, with a sort
limit, so the catalog sorts only what it shows. A homepage is the site's public
face: it lists published items only, for editors too (a draft or an archived item
never appears); what a visitor may not see the catalog leaves out anyway.
"""

from plone import api
from plone.app.querystring import queryparser
from zope.component import getMultiAdapter

from zhengwu.homepages.config import RELATIVE_PATH
from zhengwu.homepages.config import SELECTION_ANY
from zhengwu.participation.hot import proactive_answers
from zhengwu.search.stats.usage import most_opened
from zhengwu.search.stats.usage import opens_by_uid

PUBLISHED = {"review_state": "published"}
INTERPRETATION = "PolicyInterpretation"

NEWEST = {"sort_on": "effective", "sort_order": "descending"}
# Services are ranked by opens among this many matches (in the query's own order).
SERVICE_CANDIDATES = 200
SERVICE_DAYS = 30
HOT_TOPIC_DAYS = 7
# Hot-topic candidates: the most opened pages of the site, before the language
# root and the visitor's permissions narrow them down.
HOT_TOPIC_CANDIDATES = 100


def run_query(homepage, query, limit, sort_on=None, sort_order=None):
    """Brains of a stored querystring, at most ``limit``; [] for an empty query."""
    if not query:
        return []
    builder = getMultiAdapter((homepage, homepage.REQUEST), name="querybuilderresults")
    results = builder(
        query=query,
        sort_on=sort_on,
        sort_order=sort_order,
        limit=limit,
        brains=True,
        custom_query=dict(PUBLISHED),
    )
    return list(results[:limit])


def news(homepage):
    return run_query(homepage, homepage.news_query, homepage.news_limit, **NEWEST)


def featured(homepage):
    return run_query(
        homepage, homepage.featured_query, homepage.featured_limit, **NEWEST
    )


def services(homepage):
    """The services query's matches, most opened in 30 days first; ties keep the
    query's order (by title)."""
    candidates = run_query(
        homepage,
        homepage.services_query,
        SERVICE_CANDIDATES,
        sort_on="sortable_title",
        sort_order="ascending",
    )
    opens = opens_by_uid(api.portal.get(), SERVICE_DAYS)
    ranked = sorted(candidates, key=lambda brain: -opens.get(brain.UID, 0))
    return ranked[: homepage.services_limit]


def root_path(homepage):
    return "/".join(api.portal.get_navigation_root(homepage).getPhysicalPath())


def _for_audience(homepage, uids):
    """Of ``uids``, those a role homepage's own modules would select (its news,
    services or featured criteria): an enterprise's hot topics are enterprises'."""
    catalog = api.portal.get_tool("portal_catalog")
    found = set()
    for query in (
        homepage.news_query,
        homepage.services_query,
        homepage.featured_query,
    ):
        if query:
            criteria = queryparser.parseFormquery(homepage, query)
            criteria.update(UID=list(uids), **PUBLISHED)
            found.update(brain.UID for brain in catalog(**criteria))
    return found


def _most_opened(homepage, limit):
    uids = most_opened(api.portal.get(), HOT_TOPIC_DAYS, HOT_TOPIC_CANDIDATES)
    if not uids:
        return []
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(UID=uids, path=root_path(homepage), **PUBLISHED)
    if homepage.role != "classic":
        audience = _for_audience(homepage, [brain.UID for brain in brains])
        brains = [brain for brain in brains if brain.UID in audience]
    rank = {uid: position for position, uid in enumerate(uids)}
    return sorted(brains, key=lambda brain: rank[brain.UID])[:limit]


def hot_topics(homepage, fallback):
    """The hot questions the departments answered first (热点问题主动回应), then the
    root's pages opened most in 7 days; ``fallback`` (newest featured items) when
    there are neither."""
    limit = homepage.hot_topics_limit
    first = proactive_answers(api.portal.get_navigation_root(homepage), limit)
    shown = {brain.UID for brain in first}
    found = first + [
        brain for brain in _most_opened(homepage, limit) if brain.UID not in shown
    ]
    return found[:limit] if found else list(fallback[:limit])


def interpretations(homepage):
    """The latest policy interpretations (政策解读) for the homepage's audience: the
    news module's criteria (department, audience, ...) with the type set to
    interpretations, so the enterprise homepage never lists residents' ones."""
    rows = [
        row
        for row in homepage.news_query or ()
        if row.get("i") not in ("portal_type", "path")
    ]
    rows.append({"i": "portal_type", "o": SELECTION_ANY, "v": [INTERPRETATION]})
    rows.append({"i": "path", "o": RELATIVE_PATH, "v": ".."})
    return run_query(homepage, rows, homepage.interpretations_limit, **NEWEST)
