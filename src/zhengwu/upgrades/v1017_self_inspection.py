"""1016 → 1017 (2026-12-08, issue 19): the self-inspection (网站自查).

New in the profile: the registry records ``zhengwu.inspection.*`` (thresholds,
schedule, external link checker). Only ``registry/inspection.xml`` is imported: the
rest of the registry keeps what the site's administrators set. A district site gets
its first run, from which the schedule counts.
"""

import logging
from pathlib import Path

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.app.registry.exportimport.handler import RegistryImporter
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zope.component.hooks import setSite

from zhengwu.inspection.history import latest_run
from zhengwu.inspection.run import run_inspection
from zhengwu.sites.profile import district_directory
from zhengwu.upgrades.v1008_lean_pages import _Environ

logger = logging.getLogger(__name__)
RECORDS = (
    Path(__file__).resolve().parents[1]
    / "profiles"
    / "default"
    / "registry"
    / "inspection.xml"
)


def upgrade(setup_tool):
    registry = getUtility(IRegistry, context=setup_tool)
    RegistryImporter(registry, _Environ()).importDocument(RECORDS.read_bytes())
    site = aq_parent(aq_inner(setup_tool))
    if district_directory(site) is None or latest_run(site) is not None:
        return
    setSite(site)
    run = run_inspection(site, trigger="startup", mail=False)
    logger.info("%s: first self-inspection, %d findings", site.getId(), run["total"])
