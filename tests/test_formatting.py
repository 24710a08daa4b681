"""Dates and numbers are written the way each language writes them."""

import datetime

from DateTime import DateTime

from zhengwu.formatting import format_date
from zhengwu.formatting import format_datetime
from zhengwu.formatting import format_number


def test_chinese_dates_use_year_month_day_characters():
    assert format_date(datetime.date(2024, 5, 1), "zh-cn") == "2024年5月1日"


def test_english_dates_spell_the_month():
    assert format_date(datetime.datetime(2024, 5, 1, 9, 30), "en") == "May 1, 2024"


def test_catalog_datetimes_and_iso_strings_are_dates_too():
    assert format_date(DateTime("2024/05/01 10:00 GMT+8"), "zh-cn") == "2024年5月1日"
    assert format_date("2024-05-01T10:00:00", "en") == "May 1, 2024"


def test_missing_or_unset_dates_give_nothing():
    # Plone's "no date" in catalog metadata is a DateTime in year 1000.
    assert format_date(None, "en") == ""
    assert format_date("None", "zh-cn") == ""
    assert format_date("not a date", "zh-cn") == ""
    assert format_date(DateTime("1000/01/01"), "zh-cn") == ""


def test_numbers_are_grouped_and_unknown_languages_fall_back_to_chinese():
    assert format_number(8091, "zh-cn") == "8,091"
    assert format_number(1234567, "en") == "1,234,567"
    assert format_date(datetime.date(2024, 5, 1), "fr") == "2024年5月1日"


def test_times_of_day_are_written_in_beijing_time_after_the_day():
    moment = datetime.datetime(2026, 12, 7, 6, 5, tzinfo=datetime.UTC)
    assert format_datetime(moment, "zh-cn") == "2026年12月7日 14:05"
    assert format_datetime(moment, "en") == "December 7, 2026 14:05"
    assert format_datetime(None, "en") == ""
