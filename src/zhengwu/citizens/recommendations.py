"""What to recommend to a citizen (为我推荐): guides for their kind and tags, and
the questions asked about those guides.

Searched in the current language root with the visitor's permissions; only
published guides, those matching one of the citizen's tags first.
"""

from Acquisition import aq_chain
from Acquisition import aq_inner
from plone import api
from plone.app.multilingual.interfaces import ILanguageRootFolder

GUIDE_LIMIT = 20
QUESTION_LIMIT = 10
QUESTION_STATES = ("open", "answered", "closed")


def search_root(context):
    """The language root of ``context``; on the site root, the current language's."""
    for obj in aq_chain(aq_inner(context)):
        if ILanguageRootFolder.providedBy(obj):
            return obj
    site = api.portal.get()
    language = api.portal.get_current_language(context=context)
    root = site.get(language) if language else None
    if root is not None and ILanguageRootFolder.providedBy(root):
        return root
    return site


def _path(root):
    return "/".join(root.getPhysicalPath())


def recommended_guides(root, citizen, limit=GUIDE_LIMIT):
    """Published guides in ``root`` for ``citizen`` (a CitizenProfile) as
    ``(brain, matches_tags)`` pairs: tag matches first, then the kind's others,
    each by title. A profile with neither kind nor tags gets nothing."""
    if citizen.empty:
        return []
    query = {"portal_type": "Guide", "review_state": "published", "path": _path(root)}
    if citizen.audience:
        # As a dict: with a plain value ZCatalog reads ``audience_tags`` as an
        # option ("tags") of the ``audience`` index.
        query["audience"] = {"query": [citizen.audience]}
    found = []
    if citizen.tags:
        found = [
            (brain, True)
            for brain in api.content.find(
                audience_tags=list(citizen.tags), sort_on="sortable_title", **query
            )
        ]
    if citizen.audience:
        seen = {brain.UID for brain, _ in found}
        found += [
            (brain, False)
            for brain in api.content.find(sort_on="sortable_title", **query)
            if brain.UID not in seen
        ]
    return found[:limit]


def related_questions(root, guide_uids, limit=QUESTION_LIMIT):
    """Questions (政务知道) in ``root`` about one of ``guide_uids``, newest first,
    as ``(brain, guide UID)`` pairs."""
    if not guide_uids:
        return []
    # guide_uid is an index, not a metadata column: read it from the index.
    index = api.portal.get_tool("portal_catalog")._catalog.getIndex("guide_uid")
    brains = api.content.find(
        portal_type="Question",
        guide_uid=list(guide_uids),
        review_state=list(QUESTION_STATES),
        path=_path(root),
        sort_on="modified",
        sort_order="descending",
    )
    return [
        (brain, index.getEntryForObject(brain.getRID())) for brain in brains[:limit]
    ]
