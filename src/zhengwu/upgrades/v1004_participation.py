"""1003 → 1004 (2026-12-02): 政务知道 and citizens' accounts (issue 8).

New in the profile: the QuestionBoard, Question, Answer and OfficialAnswer types,
the question and citizen-post workflows, the Moderator role and the participation
permissions, the ``votes`` index, the participation and citizens' registry records
(self-registration with e-mail confirmation) and the citizen member fields. Each
department's placeful policy gets the ``OfficialAnswer`` chain its district profile
names (a policy shared by several departments serves them all, as it was made for
departments with the same chains). A district site then gets its question board,
answer deadlines and moderators group.
"""

import logging

from Acquisition import aq_inner
from Acquisition import aq_parent
from zope.component import getUtility
from zope.component.hooks import setSite

from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.participation.chain import POLICY_CONFIG
from zhengwu.upgrades.v1003_citizens_site import district_profile_of
from zhengwu.workflows.settings import FILENAME
from zhengwu.workflows.settings import load_workflow_settings

logger = logging.getLogger(__name__)
PROFILE = "profile-zhengwu:default"
IMPORT_STEPS = (
    "typeinfo",
    "workflow",
    "rolemap",
    "catalog",
    "plone.app.registry",
    "usersschema",
)
ANSWER_TYPE = "OfficialAnswer"


def add_answer_chains(site, profile):
    """Give each department's policy the OfficialAnswer chain of the profile."""
    path = profile.directory / FILENAME
    if not path.exists():
        return
    settings = load_workflow_settings(path)
    root = site[profile.default_language]
    for department in profile.departments:
        folder = root.get(department.id)
        config = getattr(folder, POLICY_CONFIG, None) if folder is not None else None
        policy = config.getPolicyBelow() if config is not None else None
        chain = settings.chains_for(department.id).get(ANSWER_TYPE)
        if policy is not None and chain and policy.getChainFor(ANSWER_TYPE) is None:
            policy.setChain(ANSWER_TYPE, (chain,))


def upgrade(setup_tool):
    for step in IMPORT_STEPS:
        setup_tool.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    site = aq_parent(aq_inner(setup_tool))
    catalog = site.portal_catalog
    for brain in catalog.unrestrictedSearchResults(portal_type="Strategy"):
        catalog.reindexObject(brain._unrestrictedGetObject(), idxs=["votes"])
    profile = district_profile_of(site)
    if profile is None:
        logger.info("%s is not a district site: no setup steps", site.getId())
        return
    setSite(site)
    add_answer_chains(site, profile)
    getUtility(IDistrictSetupStep, name="zhengwu.participation")(site, profile)
