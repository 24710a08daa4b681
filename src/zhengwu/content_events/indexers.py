"""Catalog value of strategies: whether their guide changed since (for listings)."""

from plone.indexer import indexer

from zhengwu.content.strategy import IStrategy
from zhengwu.content_events.strategy_staleness import guide_changed as changed


@indexer(IStrategy)
def guide_changed(strategy):
    """True when the strategy's guide has changed since it was written."""
    return changed(strategy)
