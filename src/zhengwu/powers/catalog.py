"""Catalog indexes of the powers list: ``power_category`` and ``power_code``.

Registered by a GenericSetup import step of the add-on's default profile (the profile
carries the marker file ``zhengwu-powers.txt``), so that they exist in every site,
with or without the demo list. Idempotent: existing indexes are left alone.
"""

from Products.CMFCore.utils import getToolByName

POWER_INDEXES = ("power_category", "power_code")


def ensure_power_indexes(site):
    """Add the FieldIndexes and metadata columns that are missing; return the new."""
    catalog = getToolByName(site, "portal_catalog")
    added = []
    for name in POWER_INDEXES:
        if name not in catalog.indexes():
            catalog.addIndex(name, "FieldIndex")
            added.append(name)
        if name not in catalog.schema():
            catalog.addColumn(name)
    if added:
        catalog.manage_reindexIndex(ids=added)
    return added


def import_catalog_step(context):
    """GenericSetup handler: only for the profile that carries our marker file."""
    if context.readDataFile("zhengwu-powers.txt") is None:
        return
    ensure_power_indexes(context.getSite())
