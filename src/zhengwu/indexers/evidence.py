"""What citizens say about a guide counts for the guide; its threads group under it.

A 政务知道 question or a strategy tied to a guide (its ``guide`` relation) is the best
description of what the guide is for, in citizens' words: the public ones lend their
title and text to the guide's ``evidence_text`` field. Every document carries a
``group_key``: a guide's own UID, the guide's UID for the questions and strategies
about it, else the document's UID. The search collapses on it so that a thread comes
once, under its guide (search/ranking.py, docs/search/overview.md).
"""

from Acquisition import aq_base
from plone.indexer import indexer
from plone.uuid.interfaces import IUUID
from Products.CMFCore.utils import getToolByName
from Products.CMFPlone.CatalogTool import allowedRolesAndUsers
from zc.relation.interfaces import ICatalog
from zope.component import queryUtility
from zope.interface import Interface
from zope.intid.interfaces import IIntIds

from zhengwu.content.guide import IGuide
from zhengwu.content.relations import ABOUT_GUIDE_TYPES

# Bounds on what one guide takes in (the demo has a few dozen threads per guide).
MAX_ITEMS = 200
MAX_CHARS_PER_ITEM = 300
# Remembered on an item: the guide it last counted for, reindexed when that changes.
CREDITED = "_zhengwu_evidence_for"


def guide_of(obj):
    """The guide ``obj``'s ``guide`` relation points at, or None."""
    relation = getattr(aq_base(obj), "guide", None)
    if relation is None or relation.isBroken():
        return None
    guide = relation.to_object
    return guide if IGuide.providedBy(guide) else None


def is_public(obj):
    """Anonymous visitors may see ``obj`` (the catalog's own rule)."""
    return "Anonymous" in allowedRolesAndUsers(obj)()


def items_about(guide):
    """The questions and strategies whose ``guide`` relation points at ``guide``."""
    relations = queryUtility(ICatalog)
    intids = queryUtility(IIntIds)
    to_id = intids.queryId(guide) if intids is not None else None
    if relations is None or to_id is None:
        return []
    found = relations.findRelations({"to_id": to_id, "from_attribute": "guide"})
    items = []
    for relation in found:
        if relation.isBroken():
            continue
        item = relation.from_object
        if getattr(item, "portal_type", None) in ABOUT_GUIDE_TYPES:
            items.append(item)
    return items


def _words_of(item):
    details = getattr(aq_base(item), "details", None) or ""
    text = f"{item.Title()} {item.Description()} {details}"
    return " ".join(text.split())[:MAX_CHARS_PER_ITEM]


@indexer(IGuide)
def evidence_text(guide):
    """The titles and first words of the public threads and strategies about it."""
    public = [item for item in items_about(guide) if is_public(item)]
    public.sort(key=lambda item: item.created())
    return "\n".join(_words_of(item) for item in public[-MAX_ITEMS:])


@indexer(Interface)
def group_key(obj):
    """The key the search collapses on (see the module's docstring)."""
    if getattr(obj, "portal_type", None) in ABOUT_GUIDE_TYPES:
        guide = guide_of(obj)
        if guide is not None:
            return IUUID(guide, None)
    uid = IUUID(obj, None)
    if not uid:
        raise AttributeError("group_key")
    return uid


def _reindex_evidence(guide):
    catalog = getToolByName(guide, "portal_catalog", None)
    if catalog is not None:
        guide.reindexObject(idxs=["evidence_text"])


def item_changed(item, event):
    """A question or strategy was added, edited, moved through its workflow or
    removed: the guides it counts (or counted) for take in their evidence again."""
    if getattr(item, "portal_type", None) not in ABOUT_GUIDE_TYPES:
        return
    guide = guide_of(item)
    uid = IUUID(guide, None) if guide is not None else None
    before = getattr(aq_base(item), CREDITED, None)
    if before and before != uid:
        catalog = getToolByName(item, "portal_catalog", None)
        for brain in catalog.unrestrictedSearchResults(UID=before) if catalog else ():
            _reindex_evidence(brain._unrestrictedGetObject())
    if guide is not None:
        _reindex_evidence(guide)
    if before != uid:
        setattr(item, CREDITED, uid)
