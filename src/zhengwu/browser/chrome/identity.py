"""The footer identity block (#zw-site-identity) of a Chinese government site.

网站标识码 (site identity code), ICP 备案号 and 公安备案号 (filing numbers), 主办单位
(sponsor) and contact details. The values are registry records (prefix
``zhengwu.identity``, editable by site administrators), filled from ``[identity]``
of the district profile by the ``zhengwu.site-identity`` setup step; the labels are
translated, the values shown as given (English ones on the English site when the
profile has them).
"""

from urllib.parse import quote

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope import schema
from zope.component import getMultiAdapter
from zope.interface import Interface

from zhengwu import _
from zhengwu.browser.chrome.accessibility import statement_url

PREFIX = "zhengwu.identity"
ICP_LOOKUP_URL = "https://beian.miit.gov.cn/"


class ISiteIdentitySettings(Interface):
    """The registry records of the site identity block."""

    site_code = schema.TextLine(title=_("Site identity code"), required=False)
    icp = schema.TextLine(title=_("ICP filing number"), required=False)
    police = schema.TextLine(title=_("Public security filing number"), required=False)
    sponsor = schema.TextLine(title=_("Sponsor"), required=False)
    sponsor_en = schema.TextLine(title=_("Sponsor (English)"), required=False)
    address = schema.TextLine(title=_("Address"), required=False)
    address_en = schema.TextLine(title=_("Address (English)"), required=False)
    phone = schema.TextLine(title=_("Telephone"), required=False)
    email = schema.TextLine(title=_("E-mail"), required=False)
    webmaster_email = schema.TextLine(
        title=_("Webmaster e-mail"),
        description=_("Error reports from the site's visitors are sent here."),
        required=False,
    )
    map_url = schema.TextLine(
        title=_("Map link"),
        description=_(
            "A map service's link for an address, with {address} where the "
            "address goes; guides link their windows to it. Empty: no map link."
        ),
        required=False,
    )


def identity_settings():
    """The identity records of the current site (a stock site has empty ones)."""
    registry = api.portal.get_tool("portal_registry")
    return registry.forInterface(ISiteIdentitySettings, prefix=PREFIX, check=False)


def record(settings, name):
    """One record's value, "" when the record is missing (add-on not upgraded)."""
    return (getattr(settings, name, None) or "").strip()


class SiteIdentityViewlet(ViewletBase):
    """Filing numbers, sponsor, contact, error-report and accessibility links."""

    index = ViewPageTemplateFile("templates/identity.pt")
    icp_lookup_url = ICP_LOOKUP_URL

    def update(self):
        super().update()
        self.context_state = getMultiAdapter(
            (self.context, self.request), name="plone_context_state"
        )
        settings = identity_settings()
        english = (self.portal_state.language() or "").startswith("en")
        values = {name: record(settings, name) for name in ISiteIdentitySettings}
        if english:
            values["sponsor"] = values["sponsor_en"] or values["sponsor"]
            values["address"] = values["address_en"] or values["address"]
        self.values = values
        self.statement_url = statement_url(self.context)
        self.report_url = None
        if values["webmaster_email"]:
            page = quote(self.context_state.current_page_url(), safe="")
            self.report_url = f"{self.navigation_root_url}/@@report-error?url={page}"

    def render(self):
        shown = ("site_code", "icp", "police", "sponsor", "address", "phone", "email")
        if not any(self.values[name] for name in shown):
            return ""
        return self.index()
