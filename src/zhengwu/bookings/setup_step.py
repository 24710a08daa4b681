"""District setup step ``zhengwu.booking-codes`` (order 26, light).

Fills the registry record of the e-mail-to-SMS gateway that carries booking
codes (``zhengwu.bookings.sms_gateway_domain``) from ``[bookings]
sms_gateway_domain`` of the district's ``district.toml``; a value an
administrator set stays. The demo districts name a local placeholder domain.
"""

import logging
import re

from plone import api
from zope.interface import implementer

from zhengwu.bookings.senders import GATEWAY_RECORD
from zhengwu.interfaces import IDistrictSetupStep
from zhengwu.sites.profile import DISTRICT_FILE
from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import read_profile_toml

logger = logging.getLogger(__name__)
DOMAIN_PATTERN = re.compile(
    r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$"
)


def gateway_domain(directory):
    """``[bookings] sms_gateway_domain`` of the profile, "" when absent."""
    path = directory / DISTRICT_FILE
    value = read_profile_toml(path).get("bookings", {}).get("sms_gateway_domain", "")
    if value and not (isinstance(value, str) and DOMAIN_PATTERN.match(value)):
        where = f"{path}, [bookings]"
        raise ProfileError(f"{where}: sms_gateway_domain '{value}' is not a domain.")
    return value


@implementer(IDistrictSetupStep)
class BookingCodesStep:
    """The SMS gateway of booking codes (order 26)."""

    order = 26
    heavy = False

    def __call__(self, site, profile):
        domain = gateway_domain(profile.directory)
        if not domain:
            logger.info("Site %s: no SMS gateway for booking codes", profile.id)
            return
        if not api.portal.get_registry_record(GATEWAY_RECORD, default=""):
            api.portal.set_registry_record(GATEWAY_RECORD, domain)
