"""Upgrade 1013: bookings, the Bookable chain and the window staff groups."""

from plone import api

from zhengwu.upgrades.v1013_bookings import upgrade


def test_profile_version_is_the_upgrade_destination(district):
    setup = district.portal_setup
    installed = setup.getLastVersionForProfile("zhengwu:default")
    assert installed == (setup.getVersionForProfile("zhengwu:default"),)


def test_a_site_without_a_district_profile_is_left_alone(integration):
    upgrade(integration["portal"].portal_setup)


def test_an_old_policy_gets_the_bookable_chain_and_departments_their_clerks(district):
    with api.env.adopt_roles(["Manager"]):
        police = district["zh-cn"]["gaj"]
        policy = police[".wf_policy_config"].getPolicyBelow()
        policy.delChain("Bookable")
        api.group.delete(groupname="gaj-clerks")
        upgrade(district.portal_setup)
        upgrade(district.portal_setup)
        assert policy.getChainFor("Bookable") == ("zhengwu_two_stage",)
        assert api.group.get(groupname="gaj-clerks") is not None
        assert "BookingClerk" in police.get_local_roles_for_userid("gaj-clerks")
        assert "Bookable" in [t.getId() for t in police.allowedContentTypes()]
