"""Is a strategy (攻略) still in line with its guide?

A strategy records the guide ``revision`` it was written against
(``guide_revision``): when it is created, when its author moves it to another guide,
and when the author confirms it after re-reading the guide (``@@confirm-guide``).
A plain edit of the text does not confirm it: fixing a typo is not re-reading.
"""

from plone import api
from zc.relation.interfaces import ICatalog
from zope.annotation.interfaces import IAnnotations
from zope.component import queryUtility
from zope.intid.interfaces import IIntIds

from zhengwu.content_events.guide_revision import count_revision
from zhengwu.content_events.guide_revision import current_revision

CONFIRMED_GUIDE_KEY = "zhengwu.strategy.confirmed_guide"


def guide_of(strategy):
    """The Guide a strategy is about, or None (no relation, or a broken one)."""
    relation = getattr(strategy, "guide", None)
    if relation is None or relation.isBroken():
        return None
    return relation.to_object


def guide_changed(strategy):
    """True when the guide has changed since the strategy was written or confirmed."""
    guide = guide_of(strategy)
    if guide is None:
        return False
    return current_revision(guide) > (getattr(strategy, "guide_revision", None) or 0)


def confirm_guide_revision(strategy):
    """The author has checked the strategy against the guide as it is now."""
    guide = guide_of(strategy)
    strategy.guide_revision = current_revision(guide) if guide is not None else None
    IAnnotations(strategy)[CONFIRMED_GUIDE_KEY] = guide.UID() if guide else None


def strategy_written(strategy, event):
    """A new strategy is written against its guide's current revision."""
    confirm_guide_revision(strategy)


def strategy_edited(strategy, event):
    """Moving a strategy to another guide means it was written against that one."""
    guide = guide_of(strategy)
    uid = guide.UID() if guide is not None else None
    if IAnnotations(strategy).get(CONFIRMED_GUIDE_KEY) != uid:
        confirm_guide_revision(strategy)


def strategies_of(guide):
    """The strategies whose ``guide`` relation points at ``guide``."""
    relations = queryUtility(ICatalog)
    intids = queryUtility(IIntIds)
    if relations is None or intids is None:
        return []
    to_id = intids.queryId(guide)
    if to_id is None:
        return []
    found = relations.findRelations({"to_id": to_id, "from_attribute": "guide"})
    return [
        rel.from_object
        for rel in found
        if not rel.isBroken() and rel.from_object.portal_type == "Strategy"
    ]


def guide_edited(guide, event):
    """Count the guide's revision and refresh the listings of its strategies."""
    if not count_revision(guide, event):
        return
    catalog = api.portal.get_tool("portal_catalog")
    idxs = [name for name in ("guide_changed",) if name in catalog.indexes()]
    for strategy in strategies_of(guide):
        strategy.reindexObject(idxs=idxs or ["getId"])
