"""Upgrade 1014: home care applications (居家养老申请) on an existing site."""

from plone import api

from zhengwu.upgrades.v1014_care_applications import upgrade

TYPE = "CareApplication"


def test_a_site_without_a_district_profile_gets_the_types_only(integration):
    portal = integration["portal"]
    upgrade(portal.portal_setup)
    assert TYPE in portal.portal_types.objectIds()


def test_an_existing_district_gets_the_chain_the_folder_and_the_records(district):
    department = district["zh-cn"]["mzj"]
    policy = department[".wf_policy_config"].getPolicyBelow()
    # As a site made before 1014: no chain, no folder, no records.
    policy.delChain(TYPE)
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(department["care-applications"], check_linkintegrity=False)
    api.portal.set_registry_record("zhengwu.care.folder", "")
    upgrade(district.portal_setup)
    assert policy.getChainFor(TYPE) == ("zhengwu_care_application",)
    assert department["care-applications"].portal_type == "CareApplicationFolder"
    assert api.portal.get_registry_record("zhengwu.care.folder") == (
        "zh-cn/mzj/care-applications"
    )
    assert api.portal.get_registry_record("zhengwu.care.guide") == "home-care"


def test_a_chain_a_site_admin_chose_is_kept(district):
    policy = district["zh-cn"]["mzj"][".wf_policy_config"].getPolicyBelow()
    policy.setChain(TYPE, ("zhengwu_two_stage",))
    upgrade(district.portal_setup)
    assert policy.getChainFor(TYPE) == ("zhengwu_two_stage",)
