"""What a section's listing rule finds: English departments and guides.

Searched when the page renders, with the visitor's permissions, in the section's
language root; so a draft is never listed to anonymous visitors and a guide
published after the section was made appears at once.
"""

from plone import api
from zope.annotation.interfaces import IAnnotations

# The listing rule a section keeps (the ``lists`` column of english-sections.tsv).
LISTING_KEY = "zhengwu.english.listing"


def listing_of(section):
    """The listing rule of a section folder: ((key, (value, ...)), ...)."""
    return IAnnotations(section).get(LISTING_KEY, ())


def _in_root(root, depth=-1, **query):
    path = {"query": "/".join(root.getPhysicalPath()), "depth": depth}
    return api.content.find(path=path, sort_on="sortable_title", **query)


def listed_departments(root, kinds):
    """The department folders of ``kinds`` right in ``root``, by title."""
    brains = _in_root(root, depth=1, portal_type="Department")
    return [brain for brain in brains if brain.getObject().kind in kinds]


def listed_guides(root, services=(), audiences=()):
    """The guides in ``root`` of the service ids or audience tags given, by title."""
    seen, guides = set(), []
    queries = []
    if services:
        queries.append({"getId": list(services)})
    if audiences:
        queries.append({"audience_tags": list(audiences)})
    for query in queries:
        for brain in _in_root(root, portal_type="Guide", **query):
            if brain.UID not in seen:
                seen.add(brain.UID)
                guides.append(brain)
    return sorted(guides, key=lambda brain: brain.Title.lower())
