"""``homepage-view``: hero with search, news, services, featured columns, hot topics,
policy interpretations and hot searches.

The classic homepage sends a visitor who chose a role (cookie ``zhengwu_role``) to
that role's homepage, unless the request asks for ``?role=classic``.
"""

import urllib.parse

from plone import api
from Products.Five.browser import BrowserView
from zope.component import queryMultiAdapter

from zhengwu import _
from zhengwu.bookings.browser.finding import reservations_today
from zhengwu.formatting import format_date
from zhengwu.homepages import modules
from zhengwu.homepages.api import chosen_role
from zhengwu.homepages.api import role_homepages

# Plone's floor date (1970-01-01 UTC), what an item never made effective reports.
FLOOR_YEAR = 1970


def _effective(brain):
    """The brain's effective date, or None for an item that never got one."""
    value = brain.effective
    year = getattr(value, "year", None)
    year = year() if callable(year) else year  # Zope DateTime or a datetime
    if value is None or year is None or year <= FLOOR_YEAR:
        return None
    return value


def _types_in(query):
    """The portal types a stored querystring asks for, in its order."""
    for row in query or ():
        if row.get("i") == "portal_type":
            values = row.get("v") or ()
            return [values] if isinstance(values, str) else list(values)
    return []


class HomepageView(BrowserView):
    """A Homepage's modules, from catalog brains."""

    def __call__(self):
        target = self.role_redirect()
        if target:
            self.request.response.redirect(target, status=302)
            return ""
        return self.index()

    def role_redirect(self):
        """The URL of the chosen role's homepage, when this classic one should send
        the visitor there; None otherwise."""
        if self.context.role != "classic" or self.request.form.get("role") == "classic":
            return None
        role = chosen_role(self.request)
        if role is None:
            return None
        for homepage_role, _title, url in role_homepages(self.root):
            if homepage_role == role:
                return url
        return None

    # -- what the template shows ---------------------------------------------

    @property
    def root(self):
        return api.portal.get_navigation_root(self.context)

    @property
    def language(self):
        return self.root.Language() or self.request.get("LANGUAGE", "")

    def site_title(self):
        return self.root.Title()

    def heading(self):
        """The page's one visible title: a role homepage's own (居民服务); the
        classic homepage's is the site's name, which the header already shows."""
        return (
            self.site_title()
            if self.context.role == "classic"
            else (self.context.Title())
        )

    def can_edit(self):
        """Editors see an empty module (and fix its query); visitors never do."""
        return bool(api.user.has_permission("Modify portal content", obj=self.context))

    def search_url(self):
        return f"{self.root.absolute_url()}/@@search"

    def entries(self, brains):
        language = self.language
        rows = []
        for brain in brains:
            effective = _effective(brain)
            rows.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "description": brain.Description,
                    "date": format_date(effective, language) if effective else "",
                    "iso_date": effective.ISO8601()[:10] if effective else "",
                }
            )
        return rows

    def more_url(self, portal_types, newest=False):
        """The search page filtered to the module's (first) type, or None."""
        if not portal_types:
            return None
        params = [("portal_type", portal_types[0])]
        if newest:
            params.append(("sort", "newest"))
        return f"{self.search_url()}?{urllib.parse.urlencode(params)}"

    def today_quota(self):
        """今日余量 of the tourist homepage: the root's reservations open today
        with their places left; empty elsewhere and when none is open today."""
        if self.context.role != "tourist":
            return []
        return reservations_today(self.root)

    def modules(self):
        """Every module: name, heading, items, more link."""
        homepage = self.context
        featured = modules.featured(homepage)
        return {
            "news": {
                "heading": _("Latest news"),
                "entries": self.entries(modules.news(homepage)),
                "more": self.more_url(_types_in(homepage.news_query), newest=True),
            },
            "services": {
                "heading": _("Popular services"),
                "entries": self.entries(modules.services(homepage)),
                "more": self.more_url(_types_in(homepage.services_query)),
            },
            "featured": {
                "heading": _("Featured columns"),
                "entries": self.entries(featured),
                "more": self.more_url(_types_in(homepage.featured_query)),
            },
            "hot_topics": {
                "heading": _("Hot topics"),
                "entries": self.entries(modules.hot_topics(homepage, featured)),
                "more": None,
            },
            "interpretations": {
                "heading": _("Policy interpretations"),
                "entries": self.entries(modules.interpretations(homepage)),
                "more": self.more_url(["PolicyInterpretation"], newest=True),
            },
        }

    def hot_searches(self):
        """The search statistics' hot-search fragment of this language root; ''
        when nobody searched lately (no empty box)."""
        fragment = queryMultiAdapter((self.root, self.request), name="hot-searches")
        return fragment().strip() if fragment is not None else ""
