"""The citizen's page of a policy interpretation (政策解读): its text and the
disclosed document it explains."""

from Products.Five.browser import BrowserView

from zhengwu.browser import public_page
from zhengwu.theming.portlets import without_portlets


class InterpretationView(BrowserView):
    """Named ``view``: the interpretation without Dexterity's field dump."""

    def __call__(self):
        without_portlets(self.request)
        return self.index()

    def department(self):
        return public_page.department_title(self.context)

    def published(self):
        return public_page.date_text(self.context, self.context.effective_date)

    def text(self):
        return public_page.rich_text(self.context)

    def document(self):
        """The disclosure record it interprets, when the visitor may open it."""
        relation = getattr(self.context, "interprets", None)
        target = relation.to_object if relation and not relation.isBroken() else None
        if not public_page.visible(target):
            return None
        return {"title": target.Title(), "url": target.absolute_url()}
