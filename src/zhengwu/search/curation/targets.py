"""The pages a best bet points to: a UID, a path or a URL of a published page."""

import re

from Products.CMFCore.utils import getToolByName

from zhengwu import _
from zhengwu.search.curation.storage import CurationError

PUBLISHED = "published"
# Public states: published pages, and citizens' questions once approved (政务知道).
PUBLIC_STATES = frozenset((PUBLISHED, "open", "answered", "closed"))
_UID = re.compile(r"^[0-9a-f]{32}$")


def _site_path(site):
    return "/".join(site.getPhysicalPath())


def _path_of(site, reference):
    """The physical path meant by a site URL, a physical or a site-relative path."""
    site_url = site.absolute_url()
    if reference.startswith(site_url):
        reference = reference[len(site_url) :]
    elif "://" in reference:
        return None
    reference = reference.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    site_path = _site_path(site)
    if reference == site_path or reference.startswith(site_path + "/"):
        return reference
    return f"{site_path}/{reference.lstrip('/')}"


def find_published(site, reference):
    """The catalog brain of the published page at ``reference`` (UID, path or URL).

    Looked up unrestricted: a best bet may point to a page the editor cannot see,
    and the search applies the visitor's permissions anyway.
    """
    catalog = getToolByName(site, "portal_catalog")
    reference = (reference or "").strip()
    if _UID.match(reference):
        query = {"UID": reference}
    else:
        path = _path_of(site, reference)
        if path is None:
            return None
        query = {"path": {"query": path, "depth": 0}}
    for brain in catalog.unrestrictedSearchResults(**query):
        if brain.review_state in PUBLIC_STATES:
            return brain
    return None


def resolve_pages(site, references):
    """The UIDs of ``references`` in order; a CurationError names the first one that
    is not a published page."""
    uids = []
    for reference in references:
        reference = reference.strip()
        if not reference:
            continue
        brain = find_published(site, reference)
        if brain is None:
            raise CurationError(
                _("No published page at ${ref}.", mapping={"ref": reference})
            )
        uids.append(brain.UID)
    if not uids:
        raise CurationError(_("Choose at least one published page for the query."))
    return uids
