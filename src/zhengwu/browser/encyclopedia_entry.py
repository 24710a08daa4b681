"""The citizen's page of an encyclopedia entry (政府百科): the explanation and the
related terms, each a search for that term."""

from urllib.parse import urlencode

from plone import api
from Products.Five.browser import BrowserView

from zhengwu.browser import public_page
from zhengwu.theming.portlets import without_portlets


class EncyclopediaEntryView(BrowserView):
    """Named ``view``: the entry without Dexterity's field dump."""

    def __call__(self):
        without_portlets(self.request)
        return self.index()

    def department(self):
        return public_page.department_title(self.context)

    def text(self):
        return public_page.rich_text(self.context)

    def related_terms(self):
        """Each related term with a link to the search page for it."""
        root = api.portal.get_navigation_root(self.context).absolute_url()
        return [
            {
                "term": term,
                "url": f"{root}/@@search?{urlencode({'SearchableText': term})}",
            }
            for term in self.context.related_terms or ()
            if term
        ]
