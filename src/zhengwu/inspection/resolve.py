"""Whether an internal address of a page leads somewhere, without HTTP.

An address is internal when it is relative, uses Plone's ``${navigation_root_url}``
or ``${portal_url}``, names ``resolveuid/<uid>``, or is absolute on the site's own
host. It is followed through the site's content (unrestricted) and may end in a view
or a resource, as a browser would open it.
"""

import re
from urllib.parse import urljoin
from urllib.parse import urlsplit

from Acquisition import aq_base
from plone import api
from zope.component import queryMultiAdapter
from zope.globalrequest import getRequest
from zope.publisher.browser import TestRequest

from zhengwu.sites.roots import language_root_of

SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:")
RESOLVE_UID = re.compile(r"resolve[uU]id/(?P<uid>[0-9a-f]{32})")
NAVIGATION_ROOT = "${navigation_root_url}"
PORTAL = "${portal_url}"
INTERNAL = "internal"
EXTERNAL = "external"


def kind_of(href, site_url):
    """INTERNAL, EXTERNAL or None (nothing to check: mail, anchors, scripts)."""
    href = href.strip()
    if not href or href.startswith("#") or href.lower().startswith(SKIPPED_SCHEMES):
        return None
    if href.startswith(("${", "/")) or RESOLVE_UID.search(href):
        return INTERNAL
    parts = urlsplit(href)
    if parts.scheme in ("http", "https"):
        return INTERNAL if parts.netloc == urlsplit(site_url).netloc else EXTERNAL
    return None if parts.scheme else INTERNAL


def _request():
    return getRequest() or TestRequest()


def _exists_below(obj, names):
    """True when ``names`` lead from ``obj`` to content, a view or a resource."""
    request = _request()
    for name in names:
        if not name or name == ".":
            continue
        if name.startswith(("@@", "++")):
            return True  # a view or resource of what exists so far
        child = None
        if getattr(aq_base(obj), "isPrincipiaFolderish", False):
            child = obj.get(name) if hasattr(aq_base(obj), "get") else None
        if child is None:
            child = getattr(aq_base(obj), name, None)
            if child is not None and not hasattr(child, "getPhysicalPath"):
                return True  # a method or attribute of the item (e.g. download)
            if child is not None:
                child = getattr(obj, name)
        if child is None:
            view = queryMultiAdapter((obj, request), name=name)
            return view is not None
        obj = child
    return True


def _site_names(site, path):
    """The names of ``path`` (an absolute URL path) below the site: after the
    site's own path, or (a site served at a host's root) as they are."""
    names = [n for n in path.split("/") if n]
    site_names = list(site.getPhysicalPath()[1:])
    if names[: len(site_names)] == site_names:
        return names[len(site_names) :]
    return names


def internal_target_exists(site, page, href):
    """True when the internal ``href`` of ``page`` leads to something."""
    uid = RESOLVE_UID.search(href)
    if uid:
        catalog = api.portal.get_tool("portal_catalog")
        return bool(catalog.unrestrictedSearchResults(UID=uid["uid"]))
    href = href.split("#", 1)[0].split("?", 1)[0]
    if href.startswith(NAVIGATION_ROOT):
        root = language_root_of(page) or site
        start, rest = root, href[len(NAVIGATION_ROOT) :]
        return _exists_below(start, rest.split("/"))
    if href.startswith(PORTAL):
        return _exists_below(site, href[len(PORTAL) :].split("/"))
    if urlsplit(href).scheme:  # absolute on the site's host
        href = urlsplit(href).path
    # Relative to the page as a browser resolves it: a folder's address is its
    # base, an item's is its container's.
    base = "/" + "/".join(page.getPhysicalPath()[1:])
    folderish = getattr(aq_base(page), "isPrincipiaFolderish", False)
    base = base + "/" if folderish else base.rsplit("/", 1)[0] + "/"
    names = _site_names(site, urlsplit(urljoin(base, href)).path)
    return _exists_below(site, names)
