"""@@author/<userid> of a citizen: only the display name, to other members.

Plone's author page lists a member's biography, location, home page and recent
items and offers a form to e-mail them. For a citizen that is personal data: other
members see the display name only, the citizen and site administrators see
Plone's page. Anonymous visitors see no member page (``plone.allow_anon_views_about``).
"""

from pathlib import Path

import Products.CMFPlone.browser
from AccessControl import Unauthorized
from plone import api
from Products.CMFPlone.browser.author import AuthorView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

from zhengwu.citizens.profile import is_citizen
from zhengwu.citizens.profile import may_see_personal_data

PLONE_TEMPLATES = Path(Products.CMFPlone.browser.__file__).parent / "templates"


class CitizenAuthorView(AuthorView):
    index = ViewPageTemplateFile(str(PLONE_TEMPLATES / "author.pt"))
    citizen_page = ViewPageTemplateFile("templates/citizen_author.pt")

    def __call__(self):
        anonymous = api.user.is_anonymous()
        if anonymous and not api.portal.get_registry_record(
            "plone.allow_anon_views_about", default=False
        ):
            raise Unauthorized()
        member = api.user.get(userid=self.username) if self.username else None
        if member is not None and self._private(member, anonymous):
            self.display_name = member.getProperty("fullname", "") or self.username
            return self.citizen_page()
        return super().__call__()

    def _private(self, member, anonymous):
        if not is_citizen(member) or may_see_personal_data(self.context):
            return False
        return anonymous or api.user.get_current().getId() != member.getId()
