"""Shared helpers of the workflow tests: department users by role, items in each
state (imported by conftest.py and the test modules)."""

from plone import api

from zhengwu.workflows.setup_step import assign_policy
from zhengwu.workflows.setup_step import ensure_policy

DISTRICT = "nanshan"
LANGUAGE = "zh-cn"
PASSWORD = "secret-Passw0rd"  # noqa: S105 - test users only
# role key -> the department group that gives it (profiles/nanshan/workflows.toml)
ROLE_GROUPS = {
    "editor": "editors",
    "section": "section-reviewers",
    "leader": "leaders",
    "confidentiality": "confidentiality",
}
# Test chains: Document through leader sign-off, News Item through 保密审查.
TEST_CHAINS = {"Document": "zhengwu_three_stage", "News Item": "zhengwu_disclosure"}
# state -> (portal_type, transitions from draft that reach it)
PATHS = {
    "draft": ("Document", ()),
    "pending_section": ("Document", ("submit",)),
    "pending_leader": ("Document", ("submit", "approve_section")),
    "pending_confidentiality": ("News Item", ("submit", "approve_section")),
    "published": ("Document", ("submit", "approve_section", "sign_off")),
    "archived": ("Document", ("submit", "approve_section", "sign_off", "archive")),
}


class Departments:
    """Helpers bound to one district site: users, items, chains."""

    def __init__(self, site):
        self.site = site
        self.root = site[LANGUAGE]

    def use_test_chains(self, *department_ids):
        for department_id in department_ids:
            assign_policy(
                self.root[department_id], ensure_policy(self.site, TEST_CHAINS)
            )

    def user(self, department_id, role, email=None):
        """A member of ``department_id``'s group for ``role`` (created once)."""
        user_id = f"{role}-of-{department_id}"
        if api.user.get(userid=user_id) is None:
            api.user.create(
                username=user_id,
                email=email or f"{user_id}@example.org",
                password=PASSWORD,
                properties={"fullname": f"{department_id} {role}"},
            )
            api.group.add_user(
                groupname=f"{department_id}-{ROLE_GROUPS[role]}", username=user_id
            )
        return user_id

    def item(self, department_id, state, title=None):
        """An item written by the department's editor, taken to ``state``."""
        portal_type, path = PATHS[state]
        editor = self.user(department_id, "editor")
        with api.env.adopt_user(username=editor):
            obj = api.content.create(
                container=self.root[department_id],
                type=portal_type,
                title=title or f"{department_id} {state}",
            )
        with api.env.adopt_roles(["Manager"]):
            for transition in path:
                api.content.transition(obj, transition=transition, comment="ok")
        assert api.content.get_state(obj) == state
        return obj
