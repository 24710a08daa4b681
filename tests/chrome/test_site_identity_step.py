"""zhengwu.site-identity: identity records and accessibility statements of a site."""

from plone import api
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from zope.component import getUtility
from zope.component.hooks import setSite

from zhengwu.browser.chrome.identity import identity_settings
from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.sites.profile import load_district_profile
from zhengwu.sites.profile import profiles_directory

STEP = "zhengwu.site-identity"


def test_step_is_light_and_runs_before_the_english_sections():
    step = getUtility(IDistrictSetupStep, name=STEP)
    assert (step.order, step.heavy) == (25, False)


def test_identity_records_hold_the_profile_values(district):
    settings = identity_settings()
    assert settings.site_code == "4403050001"
    assert settings.icp == "粤ICP备05035211号"
    assert settings.police == "粤公网安备 44030502000001号"
    assert settings.sponsor == "深圳市南山区人民政府办公室"
    assert settings.webmaster_email == "webmaster@nanshan.example.gov.cn"


def test_stock_site_has_empty_identity_records(integration):
    setSite(integration["portal"])
    assert identity_settings().site_code is None


def test_statement_pages_are_published_linked_and_out_of_the_navigation(district):
    chinese = district["zh-cn"]["accessibility"]
    english = district["en"]["accessibility"]
    assert chinese.title == "无障碍声明"
    assert english.title == "Accessibility statement"
    assert "<h2>" in chinese.text.raw and "大字模式" in chinese.text.raw
    for page in (chinese, english):
        assert api.content.get_state(page) == "published"
        assert page.exclude_from_nav is True
    assert ITranslationManager(chinese).get_translation("en") == english


def test_running_again_keeps_what_administrators_and_editors_changed(district):
    login(district.getPhysicalRoot(), SITE_OWNER_NAME)
    api.portal.set_registry_record("zhengwu.identity.phone", "0755-12345678")
    api.portal.set_registry_record("zhengwu.identity.address", "")
    page = district["en"]["accessibility"]
    page.title = "Accessibility (edited)"
    profile = load_district_profile(profiles_directory() / "nanshan")
    getUtility(IDistrictSetupStep, name=STEP)(district, profile)
    assert api.portal.get_registry_record("zhengwu.identity.phone") == "0755-12345678"
    # An emptied record is a missing one: filled again from the profile.
    assert api.portal.get_registry_record("zhengwu.identity.address") == (
        "深圳市南山区桃园路2号"
    )
    assert district["en"]["accessibility"].title == "Accessibility (edited)"
