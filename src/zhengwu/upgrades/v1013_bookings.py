"""1012 → 1013 (2026-12-08): bookings (issue 17).

New in the profile: the Bookable type (allowed in departments), the BookingClerk
role and the booking permissions. Each department's placeful policy gets the
Bookable chain its district profile names, and each department its window staff
group (``<department>-clerks``) when the profile lists it.
"""

import logging

from Acquisition import aq_inner
from Acquisition import aq_parent
from zope.component.hooks import setSite

from zhengwu.participation.chain import POLICY_CONFIG
from zhengwu.upgrades.v1003_citizens_site import district_profile_of
from zhengwu.workflows.settings import FILENAME
from zhengwu.workflows.settings import load_workflow_settings
from zhengwu.workflows.setup_step import ensure_groups

logger = logging.getLogger(__name__)
PROFILE = "profile-zhengwu:default"
IMPORT_STEPS = ("typeinfo", "rolemap")
NEW_TYPES = ("Bookable",)


def add_chains(site, profile, settings, types=NEW_TYPES):
    """Give each department's policy the chains of ``types`` the profile names."""
    root = site[profile.default_language]
    for department in profile.departments:
        folder = root.get(department.id)
        config = getattr(folder, POLICY_CONFIG, None) if folder is not None else None
        policy = config.getPolicyBelow() if config is not None else None
        if policy is None:
            continue
        chains = settings.chains_for(department.id)
        for portal_type in types:
            chain = chains.get(portal_type)
            if chain and policy.getChainFor(portal_type) is None:
                policy.setChain(portal_type, (chain,))


def upgrade(setup_tool):
    for step in IMPORT_STEPS:
        setup_tool.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    site = aq_parent(aq_inner(setup_tool))
    profile = district_profile_of(site)
    if profile is None or not (profile.directory / FILENAME).exists():
        logger.info("%s is not a district site: no chains, no groups", site.getId())
        return
    setSite(site)
    settings = load_workflow_settings(profile.directory / FILENAME)
    add_chains(site, profile, settings)
    root = site[profile.default_language]
    for department in profile.departments:
        if root.get(department.id) is not None:
            ensure_groups(root[department.id], settings.groups)
