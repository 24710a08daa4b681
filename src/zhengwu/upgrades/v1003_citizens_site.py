"""1002 → 1003 (2026-11-25): the citizens' site (issue 7).

New in the profile: the Diazo theme (active), the Homepage type, caching settings and
the registry records of the site identity, homepages and English site, and catalog
metadata of disclosure records (filled here for the records there are). Demo news
and disclosure records made before 1003 kept their publishing date in an attribute
that hid Plone's ``effective()``; it moves to ``effective_date``. A district
site also gets what its profile now describes: the identity records and the
accessibility statement, the English sections and the homepages. Each of those
setup steps only adds what is missing, so an editor's changes are kept.
"""

import datetime
import logging
from zoneinfo import ZoneInfo

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from DateTime import DateTime
from zope.component import queryUtility
from zope.component.hooks import setSite

from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.sites.profile import district_directory
from zhengwu.sites.profile import load_district_profile

logger = logging.getLogger(__name__)
SHANGHAI = ZoneInfo("Asia/Shanghai")
PROFILE = "profile-zhengwu:default"
IMPORT_STEPS = (
    "catalog",
    "typeinfo",
    "plone.app.registry",
    "viewlets",
    "plone.app.theming",
)
SETUP_STEPS = ("zhengwu.site-identity", "zhengwu.english-sections", "zhengwu.homepages")


def district_profile_of(site):
    """The district profile named like ``site``, or None for a site that is none."""
    directory = district_directory(site)
    return None if directory is None else load_district_profile(directory)


def repair_effective_date(obj):
    """Move a plain ``effective`` attribute (a datetime) to ``effective_date``."""
    # getattr, not __dict__: the object may still be a ghost; the class's own
    # ``effective`` is a method, so only the hiding attribute is a datetime.
    value = getattr(aq_base(obj), "effective", None)
    if isinstance(value, datetime.datetime):
        del obj.effective
        moment = value if value.tzinfo else value.replace(tzinfo=SHANGHAI)
        obj.setEffectiveDate(DateTime(moment.isoformat()))


def upgrade(setup_tool):
    for step in IMPORT_STEPS:
        setup_tool.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    site = aq_parent(aq_inner(setup_tool))
    catalog = site.portal_catalog
    for brain in catalog.unrestrictedSearchResults(
        portal_type=["DisclosureRecord", "News Item"]
    ):
        obj = brain._unrestrictedGetObject()
        repair_effective_date(obj)
        catalog.reindexObject(obj, idxs=["getId", "effective", "effectiveRange"])
    profile = district_profile_of(site)
    if profile is None:
        logger.info("%s is not a district site: no setup steps", site.getId())
        return
    setSite(site)
    for name in SETUP_STEPS:
        step = queryUtility(IDistrictSetupStep, name=name)
        if step is not None:
            logger.info("%s: setup step %s", site.getId(), name)
            step(site, profile)
