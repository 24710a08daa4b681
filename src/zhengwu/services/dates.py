"""Publishing and expiry dates over REST that read back as the instant written.

plone.restapi turns a written ``effective``/``expires`` into Python's local time
(the C library's zone, Asia/Shanghai from zope.conf once something calls tzset),
while Plone's ``DateTime`` stores it in the zone DateTime found when it was
imported (UTC: zope.conf sets ``TZ`` later). The two disagree by eight hours, so
every read and write-back moved a date. Here the instant is computed once and
handed on as a wall time in DateTime's own local zone; a date without a zone is
in the portal's time zone (``plone.portal_timezone``).
"""

from datetime import datetime
from zoneinfo import ZoneInfo
from zoneinfo import ZoneInfoNotFoundError

import dateutil.parser
from DateTime import DateTime
from plone import api
from plone.app.dexterity.behaviors.metadata import IPublication
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.deserializer.dxfields import DatetimeFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import adapter
from zope.i18n import translate
from zope.interface import implementer
from zope.schema.interfaces import IDatetime

from zhengwu import _
from zhengwu.interfaces import IZhengwuLayer

# CMF's own bounds of publishing dates (FLOOR_DATE/CEILING_DATE are 1970 and
# 2500); older records exist, and anything past 2499 means "never" to Plone.
FIRST_YEAR = 1900
LAST_YEAR = 2499
FALLBACK_ZONE = "Asia/Shanghai"


def portal_zone():
    """The portal's time zone (``plone.portal_timezone``), Asia/Shanghai if unset."""
    name = api.portal.get_registry_record("plone.portal_timezone", default=None)
    try:
        return ZoneInfo(name or FALLBACK_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(FALLBACK_ZONE)


def parse_instant(value, zone):
    """The aware datetime written as ``value`` (naive: in ``zone``), or ValueError."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError("not a date")
    try:
        moment = dateutil.parser.isoparse(value.strip())
    except (ValueError, OverflowError) as error:
        raise ValueError(str(error)) from error
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    try:
        local = moment.astimezone(zone)
    except OverflowError as error:
        raise ValueError(str(error)) from error
    if not FIRST_YEAR <= local.year <= LAST_YEAR:
        raise ValueError("year out of range")
    return moment


def as_datetime_local(moment):
    """``moment`` as the naive wall time that DateTime reads as that instant."""
    instant = DateTime(moment.isoformat())
    local = instant.toZone(instant.localZone())
    return datetime(*local.parts()[:5])


@implementer(IFieldDeserializer)
@adapter(IDatetime, IDexterityContent, IZhengwuLayer)
class PublicationDateDeserializer(DatetimeFieldDeserializer):
    """``effective`` and ``expires`` as exact instants; other dates as plone.restapi."""

    def __call__(self, value):
        if value is None or self.field.interface is not IPublication:
            return super().__call__(value)
        try:
            moment = parse_instant(value, portal_zone())
        except ValueError:
            message = _(
                "Not a date: write it as ISO 8601 (e.g. 2030-06-01T12:00:00+08:00) "
                "between the years ${first} and ${last}.",
                mapping={"first": FIRST_YEAR, "last": LAST_YEAR},
            )
            raise ValueError(translate(message, context=self.request)) from None
        value = as_datetime_local(moment)
        self.field.validate(value)
        return value
