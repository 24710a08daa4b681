"""1015 → 1016 (2026-12-09): what the window staff get for bookings (issue 17).

New in the profile: the registry record ``zhengwu.bookings.retention_days``. A
district site gets it from ``[bookings]`` of its profile (the
``zhengwu.bookings-retention`` setup step). The staff pages (check-in, the day's
list, load, export, retention) and their links need nothing stored.
"""

import logging

from Acquisition import aq_inner
from Acquisition import aq_parent
from zope.component import getUtility
from zope.component.hooks import setSite

from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.upgrades.v1003_citizens_site import district_profile_of

logger = logging.getLogger(__name__)
PROFILE = "profile-zhengwu:default"


def upgrade(setup_tool):
    setup_tool.runImportStepFromProfile(
        PROFILE, "plone.app.registry", run_dependencies=False
    )
    site = aq_parent(aq_inner(setup_tool))
    profile = district_profile_of(site)
    if profile is None:
        return
    setSite(site)
    getUtility(IDistrictSetupStep, name="zhengwu.bookings-retention")(site, profile)
    logger.info("%s: bookings' retention period from the profile", site.getId())
