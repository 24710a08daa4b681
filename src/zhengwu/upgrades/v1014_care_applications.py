"""1013 → 1014 (2026-12-08): 居家养老申请, home care applications (issue 17).

New in the profile: the CareApplication and CareAttachment types, the
``zhengwu_care_application`` workflow, the add permission (the portal's only) and
the ``zhengwu.care.*`` registry records. A district site then runs its setup step
``zhengwu.care``: the care department's policy gets the CareApplication chain of
``workflows.toml`` and the applications folder is made; what exists is kept. A
site with the demo corpus gets the demo applications.
"""

import logging

from Acquisition import aq_inner
from Acquisition import aq_parent
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility
from zope.component.hooks import setSite

from zhengwu.care.demo import load_demo_applications
from zhengwu.importers.demo_dates import SHIFT_KEY
from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.upgrades.v1003_citizens_site import district_profile_of

logger = logging.getLogger(__name__)
PROFILE = "profile-zhengwu:default"
IMPORT_STEPS = ("typeinfo", "workflow", "rolemap", "plone.app.registry")


def upgrade(setup_tool):
    for step in IMPORT_STEPS:
        setup_tool.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    site = aq_parent(aq_inner(setup_tool))
    profile = district_profile_of(site)
    if profile is None:
        logger.info("%s is not a district site: no care applications", site.getId())
        return
    setSite(site)
    getUtility(IDistrictSetupStep, name="zhengwu.care")(site, profile)
    if SHIFT_KEY in IAnnotations(site):  # a site with the demo corpus
        made = load_demo_applications(site, profile)
        logger.info("%s: %d demo care applications", site.getId(), made)
