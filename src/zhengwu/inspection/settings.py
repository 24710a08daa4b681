"""The self-inspection's settings (registry ``zhengwu.inspection.*``) and the
context one run hands to every check."""

import datetime
from dataclasses import dataclass
from dataclasses import field

from plone import api

PREFIX = "zhengwu.inspection."
DEFAULTS = {
    "homepage_days": 14,
    "disclosure_working_days": 20,
    "interval_hours": 24,
    "history_size": 60,
    "mail_departments": True,
    "external_links": False,
    "external_limit": 200,
    "external_timeout": 10,
    "external_host_interval": 1.0,
    "external_cache_hours": 72,
}


@dataclass(frozen=True)
class InspectionSettings:
    homepage_days: int = 14
    disclosure_working_days: int = 20
    interval_hours: int = 24
    history_size: int = 60
    mail_departments: bool = True
    external_links: bool = False
    external_limit: int = 200
    external_timeout: int = 10
    external_host_interval: float = 1.0
    external_cache_hours: int = 72


def read_settings():
    """The settings of the current site; a record missing (an old site before its
    upgrade) keeps its default."""
    values = {
        name: api.portal.get_registry_record(PREFIX + name, default=default)
        for name, default in DEFAULTS.items()
    }
    return InspectionSettings(
        **{
            name: default if values[name] is None else values[name]
            for name, default in DEFAULTS.items()
        }
    )


@dataclass(frozen=True)
class InspectionContext:
    """What every check of one run shares: the day in China it judges by, the
    working-day calendar, the settings and the moment the run began."""

    today: datetime.date
    calendar: object
    settings: InspectionSettings
    now: datetime.datetime
    # What one check computed and another reuses (e.g. the pages' links).
    shared: dict = field(default_factory=dict)
