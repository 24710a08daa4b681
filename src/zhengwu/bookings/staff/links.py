"""The staff's links on a Bookable's pages: check-in, the day's list, the load."""

from AccessControl import getSecurityManager
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

from zhengwu import _

LINKS = (
    ("check-in", _("Check in"), "zhengwu: Check in bookings"),
    ("bookings-day", _("Today's list"), "zhengwu: View booking load"),
    ("bookings-load", _("Booking load"), "zhengwu: View booking load"),
)


class StaffLinksViewlet(ViewletBase):
    """Shown only to those who may open at least one of the staff pages."""

    template = ViewPageTemplateFile("templates/links.pt")

    def links(self):
        security = getSecurityManager()
        base = self.context.absolute_url()
        return [
            {"url": f"{base}/@@{name}", "title": title, "name": name}
            for name, title, permission in LINKS
            if security.checkPermission(permission, self.context)
        ]

    def index(self):
        links = self.links()
        if not links:
            return ""
        return self.template(links=links)
