"""Where the powers list lives and how an item's fields map to spreadsheet columns.

Each item lives in the folder of its implementing body (the Department), with the
lowercased code as its id: 8,091 items over 32 folders keep every folder small
and every item's URL stable; the catalog (``power_code``, ``power_category``,
``path``) answers the lists.
"""

import datetime

from Products.CMFCore.utils import getToolByName
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

FIELDS = (
    "sub_items",
    "legal_basis",
    "responsibilities",
    "accountability",
    "supervising_phone",
)
LIST_FIELDS = ("sub_items", "responsibilities")


def item_id(code):
    return code.lower()


def departments_of(root):
    """The Department folders directly under a language root, by id."""
    return {
        obj.getId(): obj
        for obj in root.objectValues()
        if getattr(obj, "portal_type", None) == "Department"
    }


def guide_ids(root):
    """Guide ids (the service ids) of the language root → the Guide's path."""
    catalog = getToolByName(root, "portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Guide", path="/".join(root.getPhysicalPath())
    )
    return {brain.getId: brain.getPath() for brain in brains}


def existing_items(root):
    """Brains of every PowerItem under the root, by code."""
    catalog = getToolByName(root, "portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="PowerItem", path="/".join(root.getPhysicalPath())
    )
    return {brain.power_code: brain for brain in brains}


def item_row(obj):
    """The spreadsheet row (a dict keyed by column) of a PowerItem."""
    parent = obj.__parent__
    guide = getattr(obj, "guide", None)
    review = getattr(obj, "next_review", None)
    target = guide.to_object if guide is not None and not guide.isBroken() else None
    row = {
        "code": obj.power_code,
        "name": obj.title,
        "category": obj.power_category,
        "department": parent.getId(),
        "guide": target.getId() if target is not None else "",
        "next_review": review.isoformat() if review else "",
    }
    for field in FIELDS:
        value = getattr(obj, field, None)
        row[field] = list(value or []) if field in LIST_FIELDS else (value or "")
    return row


def apply_row(obj, row, guide_object):
    """Write a row's values on ``obj`` (no events: the caller reindexes)."""
    obj.power_code = row["code"]
    obj.title = row["name"]
    obj.power_category = row["category"]
    review = row["next_review"]
    obj.next_review = datetime.date.fromisoformat(review) if review else None
    obj.department = row["department"]
    for field in FIELDS:
        value = row[field]
        setattr(obj, field, list(value) if field in LIST_FIELDS else (value or None))
    if guide_object is None:
        obj.guide = None
    else:
        obj.guide = RelationValue(getUtility(IIntIds).getId(guide_object))
