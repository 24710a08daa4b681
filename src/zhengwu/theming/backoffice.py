"""Citizens get no back office: no toolbar, hence no edit, sharing or add menus.

Plone shows its toolbar to whoever has "Show Toolbar", which its rolemap gives to
every authenticated user. Here the toolbar is for staff only: a citizen (a member
with no role or group beyond what every member has, ``citizens.profile``) gets the
member links of ``member_tools.pt`` instead. The views behind the menus refuse
citizens by permission (the workflows of their posts), not by being hidden.
"""

from plone import api
from plone.app.layout.globals.context import ContextState
from plone.app.layout.viewlets.common import ViewletBase
from plone.memoize.view import memoize

from zhengwu.citizens.profile import is_citizen


def current_user_is_citizen():
    """True for a logged-in member who is a citizen (not staff), False otherwise."""
    if api.user.is_anonymous():
        return False
    return is_citizen(api.user.get_current())


class StaffToolbarState(ContextState):
    """Plone's ``plone_context_state``, with the toolbar for staff only."""

    @memoize
    def is_toolbar_visible(self):
        return super().is_toolbar_visible() and not current_user_is_citizen()


class MemberTools(ViewletBase):
    """A citizen's links in the top bar: their recommendations, their questions,
    their profile and logging out."""

    def available(self):
        return current_user_is_citizen()

    def render(self):
        return self.index() if self.available() else ""
