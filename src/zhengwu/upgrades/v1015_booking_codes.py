"""1014 → 1015 (2026-12-08): verification codes of bookings without an account.

New in the profile: the registry records of booking codes
(``registry/bookings.xml``: codes per hour, the e-mail-to-SMS gateway domain).
Only that file is imported, and a value already set stays, so the registry
keeps what the site's administrators set; a district site then gets its gateway
domain from ``[bookings]`` of its ``district.toml`` (``bookings/setup_step.py``).
"""

import logging
from pathlib import Path

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.app.registry.exportimport.handler import RegistryImporter
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zope.component.hooks import setSite

from zhengwu.bookings.setup_step import BookingCodesStep
from zhengwu.upgrades.v1003_citizens_site import district_profile_of
from zhengwu.upgrades.v1008_lean_pages import _Environ

logger = logging.getLogger(__name__)
RECORDS = (
    Path(__file__).resolve().parents[1]
    / "profiles"
    / "default"
    / "registry"
    / "bookings.xml"
)


NAMES = ("zhengwu.bookings.codes_per_hour", "zhengwu.bookings.sms_gateway_domain")


def upgrade(setup_tool):
    registry = getUtility(IRegistry, context=setup_tool)
    kept = {name: registry[name] for name in NAMES if name in registry.records}
    RegistryImporter(registry, _Environ()).importDocument(RECORDS.read_bytes())
    for name, value in kept.items():  # what an administrator set stays
        registry[name] = value
    site = aq_parent(aq_inner(setup_tool))
    profile = district_profile_of(site)
    if profile is None:
        logger.info("%s is not a district site: no SMS gateway", site.getId())
        return
    setSite(site)
    BookingCodesStep()(site, profile)
