"""The demo applications: invented people with valid IDs, in several states,
dated relative to the load day, loaded once."""

import datetime

from plone import api
from stdnum.cn import ric

from zhengwu.care.applying import care_folder
from zhengwu.care.demo import load_demo_applications
from zhengwu.sites.profile import load_district_profile

DAY = datetime.date(2031, 5, 20)  # any day: the demo is dated from it


def test_demo_applications_in_several_states_dated_from_the_load_day(care_site):
    from layers import DISTRICT
    from layers import PROFILES

    profile = load_district_profile(PROFILES / DISTRICT)
    assert load_demo_applications(care_site, profile, today=DAY) == 3
    applications = care_folder().objectValues()
    states = {api.content.get_state(a) for a in applications}
    assert states == {"submitted", "pending_leader", "returned"}
    for application in applications:
        assert ric.is_valid(application.id_number)
        assert "演示" in application.applicant_name
        created = application.created().asdatetime().date()
        assert DAY - datetime.timedelta(days=30) <= created <= DAY
    assert load_demo_applications(care_site, profile, today=DAY) == 0
