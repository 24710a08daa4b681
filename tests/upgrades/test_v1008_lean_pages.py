"""Upgrade 1008: lean pages for citizens (issue 16)."""

from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from zhengwu.upgrades.v1008_lean_pages import upgrade

CONDITIONAL = ("plone", "plone-fullscreen", "datagridfield-bundle", "zhengwu-full")


def test_upgrade_makes_the_editing_bundles_conditional(district):
    registry = getUtility(IRegistry, context=district)
    # as a site made before 1008: Plone's bundles for all, no whole stylesheet
    for name in ("plone", "plone-fullscreen", "datagridfield-bundle"):
        registry[f"plone.bundles/{name}.expression"] = ""
    for name in [
        r for r in registry.records if r.startswith("plone.bundles/zhengwu-full.")
    ]:
        del registry.records[name]
    registry["zhengwu.workflows.allow_same_approver"] = True  # an admin's choice
    upgrade(district.portal_setup)
    for name in CONDITIONAL:
        expression = registry[f"plone.bundles/{name}.expression"]
        assert expression == "python: member is not None", name
    assert registry["plone.bundles/zhengwu-full.csscompilation"].endswith(
        "build/zhengwu-full.css"
    )
    assert registry["plone.bundles/plone.jscompilation"].endswith("bundle.min.js")
    # The rest of the registry is left as the administrators set it.
    assert registry["zhengwu.workflows.allow_same_approver"] is True


def test_upgrade_twice_changes_nothing(district):
    registry = getUtility(IRegistry, context=district)
    upgrade(district.portal_setup)
    before = {n: registry[n] for n in registry.records if "bundles/" in n}
    upgrade(district.portal_setup)
    assert {n: registry[n] for n in registry.records if "bundles/" in n} == before
