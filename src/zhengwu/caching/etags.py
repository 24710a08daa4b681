"""ETag components of Zhengwu's rulesets (named ``IETagValue`` adapters).

An anonymous page is kept in Zope's RAM cache under its URL and its ETag, so the
ETag must change whenever the page would: these components add what plone.app
caching's own ones do not see.
"""

from plone.app.caching.interfaces import IETagValue
from Products.CMFCore.interfaces import ICatalogTool
from zope.component import adapter
from zope.component import queryUtility
from zope.component.hooks import getSite
from zope.interface import Interface
from zope.interface import implementer

from zhengwu.browser.chrome.period import current_period
from zhengwu.caching.settings_revision import settings_revision
from zhengwu.homepages.api import chosen_role
from zhengwu.search.stats.storage import stats_of


@implementer(IETagValue)
@adapter(Interface, Interface)
class Component:
    """Base of the components: they see the published object and the request."""

    def __init__(self, published, request):
        self.published = published
        self.request = request


class Role(Component):
    """``zhengwu-role``: the visitor's homepage role (cookie ``zhengwu_role``).

    The classic homepage redirects a visitor with a role cookie to the role's
    homepage; with the role in the ETag a cached classic page never answers
    them instead. The role as the homepage reads it: unknown values (typed by
    hand, stale) count as none, so junk cookies cannot fill the cache."""

    def __call__(self):
        return chosen_role(self.request) or ""


class Period(Component):
    """``zhengwu-period``: the time of day the server draws the header scene for
    (Asia/Shanghai), so a page cached in the morning is not shown at night."""

    def __call__(self):
        return current_period()


def _serial(persistent):
    # The id of the transaction that last wrote the object: a time stamp, so it
    # never repeats, even after a database is restored or a test's commits are
    # rolled back and the counter counts up to an earlier value again.
    serial = getattr(persistent, "_p_serial", None)
    return serial.hex() if serial else ""


class CatalogRevision(Component):
    """``zhengwu-catalog``: the catalog's change counter and the transaction that
    changed it last (plone.app.caching's ``catalogCounter`` alone repeats
    values after a restore)."""

    def __call__(self):
        catalog = queryUtility(ICatalogTool)
        if catalog is None:
            return None
        counter = getattr(catalog, "_counter", None)
        if counter is None:
            return "0"
        return f"{counter()}.{_serial(counter)}"


class SettingsRevision(Component):
    """``zhengwu-settings``: when a registry record of the site last changed
    (theme, site identity, search settings ... are shown on every page)."""

    def __call__(self):
        site = getSite()
        return settings_revision(site) if site is not None else None


class HotSearches(Component):
    """``zhengwu-hot-searches``: the revision of the site's search statistics,
    which changes at each fold, so homepages show the hot-search list of now."""

    def __call__(self):
        site = getSite()
        stats = stats_of(site) if site is not None else None
        if stats is None:
            return ""
        return f"{stats.revision()}.{_serial(stats.revision)}"
