"""District setup step ``zhengwu.bookings-retention`` (order 12, light).

Sets the registry record ``zhengwu.bookings.retention_days`` from the district
profile's ``district.toml`` (``[bookings] retention_days``, a positive number of
days); a profile without it keeps the record's default.
"""

from plone import api
from zope.interface import implementer

from zhengwu.bookings.staff.retention import RECORD
from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.sites.profile import DISTRICT_FILE
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import read_profile_toml


def profile_retention_days(directory):
    """``[bookings] retention_days`` of the profile in ``directory``, or None."""
    path = directory / DISTRICT_FILE
    table = read_profile_toml(path).get("bookings", {})
    days = table.get("retention_days") if isinstance(table, dict) else None
    if days is None:
        return None
    if not isinstance(days, int) or isinstance(days, bool) or days < 1:
        raise ProfileError(
            f"{path}, [bookings]: 'retention_days' must be a positive number of days."
        )
    return days


def set_retention(profile):
    days = profile_retention_days(profile.directory)
    if days is not None:
        api.portal.set_registry_record(RECORD, days)


@implementer(IDistrictSetupStep)
class RetentionStep:
    """The district's retention period of bookings' personal data (order 12)."""

    order = 12
    heavy = False

    def __call__(self, site, profile):
        set_retention(profile)
