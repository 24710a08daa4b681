"""The time of day of the header scene: morning, noon or evening in Shenzhen.

The same hour boundaries are used by the theme's ``scene.js`` with the visitor's
clock; the server's choice is what a visitor without JavaScript sees.
"""

from datetime import UTC
from datetime import datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
PERIODS = ("morning", "noon", "evening")
MORNING_FROM = 5  # 05:00–10:59
NOON_FROM = 11  # 11:00–16:59
EVENING_FROM = 17  # 17:00–04:59


def period_at(moment):
    """The scene period of ``moment`` by Asia/Shanghai time (a naive time is UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    hour = moment.astimezone(SHANGHAI).hour
    if MORNING_FROM <= hour < NOON_FROM:
        return "morning"
    if NOON_FROM <= hour < EVENING_FROM:
        return "noon"
    return "evening"


def current_period():
    """The scene period now."""
    return period_at(datetime.now(UTC))
