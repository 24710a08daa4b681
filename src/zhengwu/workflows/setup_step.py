"""District setup step ``zhengwu.workflows``: placeful policies, groups, local roles.

Runs from ``create_district_site`` (an IDistrictSetupStep named utility). What the
profile sets is the starting point: a department that already has a policy, a group
that exists, a deadline a site admin changed are left alone on later runs.
"""

import hashlib
import logging

from plone import api
from Products.CMFPlacefulWorkflow.WorkflowPolicyConfig import (
    manage_addWorkflowPolicyConfig,
)

from zhengwu.sites.profile import ProfileError
from zhengwu.sites.steps import ProfileFileStep
from zhengwu.workflows.settings import FILENAME
from zhengwu.workflows.settings import load_workflow_settings

logger = logging.getLogger("zhengwu.workflows")

POLICY_CONFIG = ".wf_policy_config"
DEADLINES_RECORD = "zhengwu.workflows.stage_deadlines"


def policy_id_for(chains):
    """A stable id for one combination of chains: the same mapping, the same id."""
    text = ";".join(f"{t}={w}" for t, w in sorted(chains.items()))
    return (
        "zhengwu-" + hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:8]
    )


def ensure_policy(site, chains):
    """The placeful policy for ``chains`` (created or completed); its id."""
    tool = api.portal.get_tool("portal_placeful_workflow")
    workflows = api.portal.get_tool("portal_workflow")
    types = api.portal.get_tool("portal_types")
    policy_id = policy_id_for(chains)
    policy = tool.getWorkflowPolicyById(policy_id)
    if policy is None:
        tool.manage_addWorkflowPolicy(policy_id)
        policy = tool.getWorkflowPolicyById(policy_id)
        summary = ", ".join(f"{t}: {w}" for t, w in sorted(chains.items()))
        policy.setTitle(f"Zhengwu ({summary})")
    for portal_type, workflow_id in sorted(chains.items()):
        if workflow_id not in workflows.objectIds():
            raise ProfileError(f"{FILENAME}: no workflow '{workflow_id}'.")
        if portal_type not in types.objectIds():
            continue  # a type not installed yet: filled in on a later run
        if policy.getChainFor(portal_type) is None:
            policy.setChain(portal_type, (workflow_id,))
    return policy_id


def assign_policy(department, policy_id):
    """Make ``policy_id`` the policy below ``department`` (its content, not itself)."""
    if POLICY_CONFIG not in department.objectIds():
        manage_addWorkflowPolicyConfig(department)
    department[POLICY_CONFIG].setPolicyBelow(policy_id, update_security=True)


def ensure_groups(department, groups):
    """The department's groups, each with its local roles on the department."""
    changed = False
    for spec in groups:
        group_id = f"{department.getId()}-{spec.key}"
        if api.group.get(groupname=group_id) is None:
            short = getattr(department, "short_name", None) or department.Title()
            api.group.create(groupname=group_id, title=f"{short}{spec.title}")
        current = set(department.get_local_roles_for_userid(group_id))
        if not set(spec.roles) <= current:
            department.manage_setLocalRoles(group_id, sorted(current | set(spec.roles)))
            changed = True
    if changed:
        department.reindexObjectSecurity()


def ensure_deadlines(deadlines):
    """Store the stage deadlines in the registry unless a site admin set them."""
    current = api.portal.get_registry_record(DEADLINES_RECORD, default=None)
    if not current:
        api.portal.set_registry_record(DEADLINES_RECORD, dict(deadlines))


def setup_workflows(site, profile, settings):
    root = site[profile.default_language]
    for department in profile.departments:
        folder = root.get(department.id)
        if folder is None:
            continue
        chains = settings.chains_for(department.id)
        if POLICY_CONFIG not in folder.objectIds():
            assign_policy(folder, ensure_policy(site, chains))
        elif folder[POLICY_CONFIG].getPolicyBelowId() == policy_id_for(chains):
            ensure_policy(site, chains)  # chains of the types installed since
        ensure_groups(folder, settings.groups)
    ensure_deadlines(settings.deadlines)


class WorkflowSetupStep(ProfileFileStep):
    """Approval chains, groups and local roles of every department (order 20)."""

    order = 20
    filename = FILENAME
    without = "workflows not set up"
    expected = True

    def apply(self, site, profile, path):
        setup_workflows(site, profile, load_workflow_settings(path))
