"""What a column's listing rule finds: newest items of some types, departments,
guides for some audiences.

Searched when the page renders, with the visitor's permissions, in the column's
language root: a draft is never listed to anonymous visitors and what is published
later appears at once.
"""

from plone import api
from zope.annotation.interfaces import IAnnotations

from zhengwu.english.listing import listed_departments
from zhengwu.english.listing import listed_guides
from zhengwu.navigation.columns import LISTED_TYPES
from zhengwu.participation.hot import PUBLIC as PUBLIC_QUESTION_STATES

# The listing rule a subcolumn keeps (the ``lists`` column of columns.tsv).
LISTING_KEY = "zhengwu.navigation.listing"
# A landing page shows the newest few of a rule; the subcolumn's page shows more.
PREVIEW_SIZE = 5
PAGE_SIZE = 50
# What visitors may see: published content, and questions once approved.
PUBLIC_STATES = ("published", *PUBLIC_QUESTION_STATES)


def listing_of(folder):
    """The listing rule of a column folder: ((key, (value, ...)), ...)."""
    return IAnnotations(folder).get(LISTING_KEY, ())


def _newest(root, kinds, limit):
    types = [LISTED_TYPES[kind] for kind in kinds]
    sort_on = "sortable_title" if types == ["Guide"] else "effective"
    brains = api.content.find(
        path="/".join(root.getPhysicalPath()),
        portal_type=types,
        review_state=list(PUBLIC_STATES),
        sort_on=sort_on,
        sort_order="ascending" if sort_on == "sortable_title" else "descending",
        sort_limit=limit,
    )
    return list(brains[:limit])


def listed(root, rule, limit=PAGE_SIZE):
    """The catalog brains ``rule`` finds in ``root``, at most ``limit``."""
    rule = dict(rule)
    brains = []
    if "types" in rule:
        brains.extend(_newest(root, rule["types"], limit))
    if "departments" in rule:
        brains.extend(listed_departments(root, rule["departments"]))
    if "audience" in rule:
        brains.extend(listed_guides(root, audiences=rule["audience"]))
    return brains[:limit]
