"""Upgrade 1018: the letters of 互动交流 on an existing site."""

from plone import api

from zhengwu.upgrades.v1018_letters import upgrade

TYPES = ("LetterBox", "Letter", "LetterAttachment")


def test_a_site_without_a_district_profile_gets_the_types_only(integration):
    portal = integration["portal"]
    upgrade(portal.portal_setup)
    assert set(TYPES) <= set(portal.portal_types.objectIds())
    assert "letters" not in portal.objectIds()


def test_an_existing_district_gets_the_box_and_its_record(district):
    root = district["zh-cn"]
    # As a site made before 1018: no box, no record.
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(root["letters"], check_linkintegrity=False)
    api.portal.set_registry_record("zhengwu.interaction.box", "")
    upgrade(district.portal_setup)
    assert root["letters"].portal_type == "LetterBox"
    assert api.portal.get_registry_record("zhengwu.interaction.box") == "zh-cn/letters"
    assert "zhengwu_letter" in district.portal_workflow.objectIds()


def test_a_box_with_letters_is_kept(district):
    box = district["zh-cn"]["letters"]
    marker = box.UID()
    upgrade(district.portal_setup)
    assert district["zh-cn"]["letters"].UID() == marker
