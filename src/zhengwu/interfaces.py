"""Marker interfaces of the Zhengwu add-on."""

from zope.interface import Attribute
from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IZhengwuLayer(IDefaultBrowserLayer):
    """Browser layer: Zhengwu's views apply only in sites where it is installed."""


class IDistrictSetupStep(Interface):
    """One step of building a district site from its profile (a named utility).

    ``create_district_site`` runs every registered step, lowest ``order`` first,
    after the languages and departments exist. A step must be idempotent: it runs
    again when `make start` finds a site that lacks something.
    """

    order = Attribute("Sort key: lower runs earlier.")
    heavy = Attribute("True for steps that load demo data (test layers may skip).")

    def __call__(site, profile):
        """Bring ``site`` in line with ``profile`` for this step's concern."""
