"""The header scene's period: by Asia/Shanghai hour, whatever the server's zone."""

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from datetime import timezone

import pytest

from zhengwu.browser.chrome.period import SHANGHAI
from zhengwu.browser.chrome.period import period_at

EDGES = {
    "04:59 is still evening": ((4, 59), "evening"),
    "05:00 starts the morning": ((5, 0), "morning"),
    "10:59 is still morning": ((10, 59), "morning"),
    "11:00 starts noon": ((11, 0), "noon"),
    "16:59 is still noon": ((16, 59), "noon"),
    "17:00 starts the evening": ((17, 0), "evening"),
    "midnight is evening": ((0, 0), "evening"),
    "23:59 is evening": ((23, 59), "evening"),
}


@pytest.mark.parametrize("time, period", EDGES.values(), ids=EDGES)
def test_period_boundaries_in_shanghai_time(time, period):
    moment = datetime(2025, 6, 1, *time, tzinfo=SHANGHAI)
    assert period_at(moment) == period


def test_an_aware_utc_time_is_read_in_shanghai_time():
    # 02:30 UTC is 10:30 in Shanghai (UTC+8): morning, not night.
    assert period_at(datetime(2025, 6, 1, 2, 30, tzinfo=UTC)) == "morning"
    # 09:00 UTC is 17:00 in Shanghai: the evening has begun.
    assert period_at(datetime(2025, 6, 1, 9, 0, tzinfo=UTC)) == "evening"


def test_a_naive_time_is_taken_as_utc():
    # 03:00 UTC is 11:00 in Shanghai.
    assert period_at(datetime(2025, 6, 1, 3, 0)) == "noon"
    # 20:59 UTC is 04:59 the next day in Shanghai; 21:00 UTC is 05:00.
    assert period_at(datetime(2025, 6, 1, 20, 59)) == "evening"
    assert period_at(datetime(2025, 6, 1, 21, 0)) == "morning"


def test_another_zone_is_converted_too():
    new_york_winter = timezone(timedelta(hours=-5))
    # 22:00 in New York is 11:00 the next day in Shanghai.
    assert period_at(datetime(2025, 1, 6, 22, 0, tzinfo=new_york_winter)) == "noon"
