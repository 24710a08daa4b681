"""1006 → 1007 (2026-12-07, issue 16): the editors' own pages in the personal menu.

Staff find 我的待办 (``@@my-tasks``) and 我的提交 (``@@my-submissions``) in the
toolbar's user menu: the profile's ``actions.xml``, imported again (it only adds
or updates the two actions; Plone's own stay as they are).
"""

PROFILE = "profile-zhengwu:default"


def upgrade(setup_tool):
    setup_tool.runImportStepFromProfile(PROFILE, "actions", run_dependencies=False)
