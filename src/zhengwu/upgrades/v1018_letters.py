"""1017 → 1018 (2026-12-08, issue 19): the letters of 互动交流.

New in the profile: the LetterBox, Letter and LetterAttachment types, the
``zhengwu_letter`` workflow, the add permission (the portal's only) and the
``zhengwu.interaction.*`` registry records. A district site then runs its setup
step ``zhengwu.interaction``: the letter box is made; what exists is kept. A
department without a ``Letter`` chain in its policy uses ``zhengwu_letter``
(``interaction/chain.py``), so no policy is changed.
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
IMPORT_STEPS = ("typeinfo", "workflow", "rolemap", "plone.app.registry")


def upgrade(setup_tool):
    for step in IMPORT_STEPS:
        setup_tool.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    site = aq_parent(aq_inner(setup_tool))
    profile = district_profile_of(site)
    if profile is None:
        logger.info("%s is not a district site: no letters", site.getId())
        return
    setSite(site)
    getUtility(IDistrictSetupStep, name="zhengwu.interaction")(site, profile)
