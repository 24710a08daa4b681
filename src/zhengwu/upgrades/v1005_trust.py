"""1004 → 1005 (2026-12-07): trust (issue 13).

New in the profile: the registry records of cross-site REST requests
(``zhengwu.rest.allowed_origins``), four eyes
(``zhengwu.workflows.allow_same_approver``), mail limits (``zhengwu.mail_limits.*``)
and honest hot searches; the approval and citizens' workflows govern "Delete
objects" and citizens' edits in every state, so existing items get the new role
mappings; the Question type's department field is the moderators'. A district site
then queues its mail on disk (setup step ``zhengwu.mail-queue``) and its error log
ignores visitors' bad requests (``zhengwu.error-log``).
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
SHARED_DEPARTMENT = "zhengwu.department"
MODERATED_DEPARTMENT = "zhengwu.question_department"


def moderate_question_departments(site):
    """The Question type's department field is the moderators' (the typeinfo
    import adds behaviours, it never removes the shared department one)."""
    fti = site.portal_types.getTypeInfo("Question")
    behaviors = [b for b in fti.behaviors if b != SHARED_DEPARTMENT]
    if MODERATED_DEPARTMENT not in behaviors:
        behaviors.append(MODERATED_DEPARTMENT)
    fti.behaviors = tuple(behaviors)


def upgrade(setup_tool):
    for step in IMPORT_STEPS:
        setup_tool.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    site = aq_parent(aq_inner(setup_tool))
    moderate_question_departments(site)
    changed = site.portal_workflow.updateRoleMappings()
    logger.info("%s: role mappings of %s items updated", site.getId(), changed)
    profile = district_profile_of(site)
    if profile is None:
        logger.info("%s is not a district site: no setup steps", site.getId())
        return
    setSite(site)
    for step in ("zhengwu.mail-queue", "zhengwu.error-log"):
        getUtility(IDistrictSetupStep, name=step)(site, profile)
