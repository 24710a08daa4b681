"""District setup step ``zhengwu.care``: the queue of care applications (居家养老申请).

Makes the department's applications folder (a CareApplicationFolder, hidden from
navigation, seen by the department's staff only) in the default language root,
gives the department's placeful policy the ``CareApplication`` chain of
``workflows.toml`` when it has none yet, and stores where the form lives and where
applications land in the registry.
Idempotent: what exists is left as it is.
"""

import logging

from plone import api
from zope.interface import implementer

from zhengwu.care.demo import load_demo_applications
from zhengwu.care.settings import FILENAME
from zhengwu.care.settings import load_care_settings
from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.sites.steps import ProfileFileStep
from zhengwu.workflows.settings import FILENAME as WORKFLOWS_FILE
from zhengwu.workflows.settings import load_workflow_settings

logger = logging.getLogger(__name__)

TYPE = "CareApplication"
FOLDER_TYPE = "CareApplicationFolder"
STAFF_ROLES = [
    "Editor",
    "Contributor",
    "Reader",
    "SectionReviewer",
    "Leader",
    "ConfidentialityReviewer",
    "Manager",
    "Site Administrator",
]
GUIDE_RECORD = "zhengwu.care.guide"
FOLDER_RECORD = "zhengwu.care.folder"
POLICY_CONFIG = ".wf_policy_config"


def ensure_folder(department, settings):
    """The department's folder of applications (only CareApplication inside)."""
    folder = department.get(settings.folder)
    if folder is None:
        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(
                container=department,
                type=FOLDER_TYPE,
                id=settings.folder,
                title=settings.title,
                exclude_from_nav=True,
            )
    # No workflow: the queue is for the department's staff only, whatever the
    # department folder's own state.
    for permission in ("View", "Access contents information"):
        folder.manage_permission(permission, STAFF_ROLES, acquire=False)
    folder.reindexObjectSecurity()
    return folder


def ensure_chain(profile, department):
    """The department's policy gets the profile's CareApplication chain if it has
    none (a policy made before the type existed)."""
    path = profile.directory / WORKFLOWS_FILE
    config = getattr(department, POLICY_CONFIG, None)
    policy = config.getPolicyBelow() if config is not None else None
    if policy is None or not path.exists():
        return
    chain = load_workflow_settings(path).chains_for(department.getId()).get(TYPE)
    if chain and policy.getChainFor(TYPE) is None:
        policy.setChain(TYPE, (chain,))


def setup_care(site, profile, settings):
    root = site[profile.default_language]
    department = root.get(settings.department)
    if department is None:
        logger.warning("Site %s: no department %s", profile.id, settings.department)
        return None
    ensure_chain(profile, department)
    folder = ensure_folder(department, settings)
    portal_path = "/".join(site.getPhysicalPath())
    relative = "/".join(folder.getPhysicalPath())[len(portal_path) + 1 :]
    api.portal.set_registry_record(GUIDE_RECORD, settings.guide)
    api.portal.set_registry_record(FOLDER_RECORD, relative)
    return folder


class CareStep(ProfileFileStep):
    """The applications folder of the care department (order 30, after the chains)."""

    order = 30
    filename = FILENAME
    without = "no care applications"

    def apply(self, site, profile, path):
        settings = load_care_settings(path, {d.id for d in profile.departments})
        if setup_care(site, profile, settings) is not None:
            logger.info("Site %s: care applications go to %s", profile.id, settings)


@implementer(IDistrictSetupStep)
class DemoCareStep:
    """Demo care applications (heavy, order 56: after the demo citizens)."""

    order = 56
    heavy = True

    def __call__(self, site, profile):
        made = load_demo_applications(site, profile)
        logging.getLogger(__name__).info(
            "Site %s: %d demo applications", profile.id, made
        )
