"""Dates and numbers in the language of the page (zope.i18n's CLDR locales).

``2024年5月1日`` on the Chinese site, ``May 1, 2024`` on the English one (with the
time in Beijing: ``2024年5月1日 14:05``); numbers get the locale's grouping
(``8,091``). Every listing writes its dates through these; templates call them
through their views.
"""

import datetime
from zoneinfo import ZoneInfo

from zope.i18n.locales import locales

BEIJING = ZoneInfo("Asia/Shanghai")
LOCALES = {"zh": ("zh", "CN"), "en": ("en", None)}


def _locale(language):
    primary = (language or "zh").split("-")[0].split("_")[0].lower()
    return locales.getLocale(*LOCALES.get(primary, LOCALES["zh"]))


def _as_date(value):
    if value is None or value == "None":
        return None
    if hasattr(value, "asdatetime"):  # Zope DateTime, as in catalog metadata
        value = value.asdatetime()
    if isinstance(value, str):
        try:
            value = datetime.datetime.fromisoformat(value)
        except ValueError:
            return None
    if isinstance(value, datetime.datetime):
        return value.date()
    return value if isinstance(value, datetime.date) else None


def format_date(value, language):
    """``value`` (date, datetime, DateTime or ISO string) as the language writes it;
    '' when there is no date."""
    day = _as_date(value)
    if day is None or day.year < 1900:
        return ""
    return _locale(language).dates.getFormatter("date", "long").format(day)


def format_datetime(value, language):
    """``value`` (an aware datetime) as the language writes the day, with the time
    of day in Beijing (``2024年5月1日 14:05``); '' when there is none."""
    if value is None:
        return ""
    local = value.astimezone(BEIJING)
    return f"{format_date(local, language)} {local:%H:%M}"


def format_number(value, language):
    """An integer or decimal with the language's digit grouping."""
    return _locale(language).numbers.getFormatter("decimal").format(value)
