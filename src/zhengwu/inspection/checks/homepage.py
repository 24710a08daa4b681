"""Rule ``homepage-stale``: a homepage with nothing new for two weeks (首页更新).

A classic homepage's freshness is its newest published item among what its news
and featured modules select (the queries editors set), judged in China's calendar.
"""

from DateTime import DateTime
from plone import api
from plone.app.multilingual.interfaces import ILanguageRootFolder
from plone.app.querystring import queryparser

from zhengwu import _
from zhengwu.homepages.api import _homepages
from zhengwu.inspection.checks.base import Check
from zhengwu.inspection.findings import SITE_ADMINISTRATION
from zhengwu.inspection.findings import finding_for
from zhengwu.workflows.tasks import local_date

RULE = "homepage-stale"


def language_roots(site):
    return [obj for obj in site.objectValues() if ILanguageRootFolder.providedBy(obj)]


def newest_shown(homepage, now):
    """The publication date (in China) of the newest published item the homepage's
    news and featured modules select, or None."""
    catalog = api.portal.get_tool("portal_catalog")
    newest = None
    for query in (homepage.news_query, homepage.featured_query):
        if not query:
            continue
        criteria = queryparser.parseFormquery(homepage, query)
        criteria.update(
            review_state="published",
            effective={"query": now, "range": "max"},
            sort_on="effective",
            sort_order="descending",
            sort_limit=1,
        )
        for brain in catalog.unrestrictedSearchResults(**criteria)[:1]:
            day = local_date(brain.effective)
            newest = day if newest is None or day > newest else newest
    return newest


class HomepageCheck(Check):
    rule = RULE
    title = _("Homepage not updated")
    order = 10
    describe = _(
        "Nothing new on the homepage for ${days} days (the limit is ${limit})."
    )

    def __call__(self, site, context):
        now = DateTime(context.now.isoformat())
        limit = context.settings.homepage_days
        for root in language_roots(site):
            homepage = _homepages(root).get("classic")
            if homepage is None:
                continue
            newest = newest_shown(homepage, now)
            days = (context.today - newest).days if newest else None
            if days is None or days > limit:
                yield finding_for(
                    homepage,
                    RULE,
                    department=SITE_ADMINISTRATION,
                    days=days if days is not None else "∞",
                    limit=limit,
                )
