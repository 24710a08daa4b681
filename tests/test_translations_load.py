"""The zhengwu catalogues are compiled and used by Zope: Chinese by default, English."""

from zope.i18n import translate

from zhengwu import _


def test_ui_strings_are_translated_into_chinese_and_english(integration):
    message = _("Materials to bring")
    assert translate(message, target_language="zh_CN") == "申请材料"
    assert translate(message, target_language="en") == "Materials to bring"


def test_mapping_is_filled_in_after_translation(integration):
    message = _("${days} working days", mapping={"days": 15})
    assert translate(message, target_language="zh_CN") == "15 个工作日"
