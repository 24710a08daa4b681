"""The role switcher (#zw-role-switcher): classic, residents, enterprises, tourists.

The links come from the homepages package (its ``role_homepages`` of the language
root); a root without role homepages (the English site, a stock Plone site) shows
no switcher. The theme's ``role.js`` remembers the choice in a cookie.

Only a homepage marks its own link (``aria-current="page"``): other pages are the
same for every visitor, so they are cached once for all, whatever role a cookie
names.
"""

from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate

from zhengwu import _
from zhengwu.homepages.api import role_homepages
from zhengwu.homepages.api import shown_homepage
from zhengwu.sites.roots import language_root_of

ROLE_LABELS = {
    "classic": _("Classic"),
    "resident": _("Residents"),
    "enterprise": _("Enterprises"),
    "tourist": _("Tourists"),
}


class RoleSwitcherViewlet(ViewletBase):
    """One link per role homepage of the language root; the current one marked."""

    index = ViewPageTemplateFile("templates/roles.pt")

    def update(self):
        super().update()
        self.links = []
        root = language_root_of(self.context)
        if root is None:
            return
        homepages = role_homepages(root) or ()
        shown = shown_homepage(self.context) if homepages else None
        current = shown.role if shown is not None else None
        self.links = [
            {
                "role": role,
                "title": translate(ROLE_LABELS.get(role, title), context=self.request),
                "url": url,
                "current": "page" if role == current else None,
            }
            for role, title, url in homepages
        ]

    def render(self):
        return self.index() if self.links else ""
