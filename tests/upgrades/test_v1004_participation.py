"""Upgrade 1004: 政务知道 and citizens' accounts."""

from plone import api

from zhengwu.participation.board import BOARD_ID
from zhengwu.upgrades.v1004_participation import upgrade


def test_profile_version_is_the_upgrade_destination(district):
    setup = district.portal_setup
    assert setup.getLastVersionForProfile("zhengwu:default") == ("1009",)


def test_a_site_without_a_district_profile_is_left_alone(integration):
    upgrade(integration["portal"].portal_setup)  # no setup steps, no error


def test_upgrade_gives_an_old_policy_the_official_answer_chain(district):
    with api.env.adopt_roles(["Manager"]):
        root = district["zh-cn"]
        police = root["gaj"][".wf_policy_config"].getPolicyBelow()
        education = root["jyj"][".wf_policy_config"].getPolicyBelow()
        for policy in (police, education):
            policy.delChain("OfficialAnswer")  # as a policy made before 1004
        upgrade(district.portal_setup)
        assert police.getChainFor("OfficialAnswer") == ("zhengwu_three_stage",)
        assert education.getChainFor("OfficialAnswer") == ("zhengwu_two_stage",)


def test_upgrade_makes_the_board_and_keeps_an_existing_one(district):
    with api.env.adopt_roles(["Manager"]):
        root = district["zh-cn"]
        root[BOARD_ID].title = "问政"
        upgrade(district.portal_setup)
        assert root[BOARD_ID].title == "问政"
        api.content.delete(obj=root[BOARD_ID])
        upgrade(district.portal_setup)
        assert root[BOARD_ID].portal_type == "QuestionBoard"


def test_upgrade_installs_the_citizen_member_fields(district):
    memberdata = api.portal.get_tool("portal_memberdata")
    assert memberdata.hasProperty("citizen_kind")
    upgrade(district.portal_setup)
    assert memberdata.hasProperty("citizen_tags")
