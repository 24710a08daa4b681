"""The district setup step: chains per department, groups and local roles."""

from plone import api

from zhengwu.workflows.setup_step import POLICY_CONFIG
from zhengwu.workflows.setup_step import WorkflowSetupStep


def chain_of(container, portal_type):
    workflows = api.portal.get_tool("portal_workflow")
    obj = api.content.create(container=container, type=portal_type, title="probe")
    return workflows.getChainFor(obj)


def test_department_default_chain_comes_from_the_district_profile(departments):
    district = departments.site
    assert chain_of(district["zh-cn"]["jyj"], "Document") == ("zhengwu_two_stage",)


def test_department_override_in_the_profile_wins(departments):
    district = departments.site
    gaj = district["zh-cn"]["gaj"]
    assert chain_of(gaj, "Document") == ("zhengwu_three_stage",)
    assert chain_of(gaj, "News Item") == ("zhengwu_three_stage",)
    assert chain_of(district["zh-cn"]["czj"], "Document") == ("zhengwu_disclosure",)


def test_departments_with_the_same_chains_share_one_policy(departments):
    district = departments.site
    root = district["zh-cn"]
    policy = root["jyj"][POLICY_CONFIG].getPolicyBelowId()
    assert root["mzj"][POLICY_CONFIG].getPolicyBelowId() == policy
    assert root["gaj"][POLICY_CONFIG].getPolicyBelowId() != policy


def test_department_folder_itself_keeps_the_site_workflow(departments):
    district = departments.site
    gaj = district["zh-cn"]["gaj"]
    assert api.content.get_state(gaj) == "published"


def test_each_department_has_its_four_groups_with_local_roles(departments):
    district = departments.site
    gaj = district["zh-cn"]["gaj"]
    expected = {
        "gaj-editors": {"Contributor", "Editor", "Reader"},
        "gaj-section-reviewers": {"Reader", "SectionReviewer"},
        "gaj-leaders": {"Reader", "Leader"},
        "gaj-confidentiality": {"Reader", "ConfidentialityReviewer"},
    }
    for group_id, roles in expected.items():
        assert api.group.get(groupname=group_id) is not None
        assert set(gaj.get_local_roles_for_userid(group_id)) == roles
    assert gaj.get_local_roles_for_userid("jyj-editors") == ()
    assert (
        api.group.get(groupname="gaj-editors").getProperty("title") == "公安分局信息员"
    )


def test_stage_deadlines_are_stored_in_the_registry(departments):
    deadlines = api.portal.get_registry_record("zhengwu.workflows.stage_deadlines")
    assert deadlines == {
        "pending_section": 3,
        "pending_leader": 2,
        "pending_confidentiality": 5,
    }


def test_running_the_step_again_keeps_a_site_admins_change(departments):
    district = departments.site
    from layers import PROFILES

    from zhengwu.sites.profile import load_district_profile

    jyj = district["zh-cn"]["jyj"]
    gaj_policy = district["zh-cn"]["gaj"][POLICY_CONFIG].getPolicyBelowId()
    jyj[POLICY_CONFIG].setPolicyBelow(gaj_policy)  # as through the web
    jyj.manage_delLocalRoles(["jyj-leaders"])
    WorkflowSetupStep()(district, load_district_profile(PROFILES / "nanshan"))
    assert jyj[POLICY_CONFIG].getPolicyBelowId() == gaj_policy
    assert "Leader" in jyj.get_local_roles_for_userid("jyj-leaders")
