"""1009 → 1010 (2026-12-07): public pages without the back office, guides that act
(issue 16).

New in the profile: the registry record ``zhengwu.identity.map_url`` (the map
service a guide's window links to). A district site gets it filled from
``[identity]`` of its profile by the ``zhengwu.site-identity`` setup step, which
only fills empty records, so an administrator's value is kept. The new views of
disclosure records, interpretations and encyclopedia entries and the guide's
``online_url`` field need nothing stored.
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
    getUtility(IDistrictSetupStep, name="zhengwu.site-identity")(site, profile)
    logger.info("%s: identity records filled from the profile", site.getId())
