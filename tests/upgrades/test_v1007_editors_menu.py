"""Upgrade 1007: the editors' pages in the personal menu (issue 16)."""

from zhengwu.upgrades.v1007_editors_menu import upgrade

ACTIONS = ("zhengwu-my-tasks", "zhengwu-my-submissions")


def test_upgrade_puts_tasks_and_submissions_in_the_personal_menu(district):
    user_actions = district.portal_actions.user
    for name in ACTIONS:
        user_actions.manage_delObjects([name])  # as a site made before 1007
    upgrade(district.portal_setup)
    ids = list(user_actions.objectIds())
    assert all(name in ids for name in ACTIONS)
    assert "login" in ids and "logout" in ids  # Plone's own are kept
