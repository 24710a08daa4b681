"""1007 → 1008 (issue 16, 2026-12): lean pages for citizens.

Plone's editing bundles (``plone``, ``plone-fullscreen``) load for logged-in users
only, and so does the theme's whole stylesheet (``zhengwu-full``); anonymous
visitors get the purged one. Only ``registry/lean_pages.xml`` is imported: the rest
of the registry keeps what the site's administrators set.
"""

import logging
from pathlib import Path

from plone.app.registry.exportimport.handler import RegistryImporter
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

logger = logging.getLogger(__name__)
RECORDS = (
    Path(__file__).resolve().parents[1]
    / "profiles"
    / "default"
    / "registry"
    / "lean_pages.xml"
)


class _Environ:
    """The little of a GenericSetup import context the registry importer asks."""

    def shouldPurge(self):  # noqa: N802 (GenericSetup's name)
        return False

    def getLogger(self, name):  # noqa: N802 (GenericSetup's name)
        return logging.getLogger(name)


def upgrade(setup_tool):
    registry = getUtility(IRegistry, context=setup_tool)
    RegistryImporter(registry, _Environ()).importDocument(RECORDS.read_bytes())
    logger.info("Plone's editing bundles now load for logged-in users only")
