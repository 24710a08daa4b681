"""The accessibility toolbar (#zw-a11y-toolbar) and its statement page.

The viewlet only renders the buttons and the statement link; the theme's script
toggles the modes (large text, high contrast, reading guide) and remembers them.
The statement page ``accessibility`` of each language root is made by the
``zhengwu.site-identity`` setup step from ``profiles/common/content/
accessibility.toml``.
"""

from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

from zhengwu.sites.roots import language_root_of

STATEMENT_ID = "accessibility"


def statement_url(context):
    """The URL of the accessibility statement of ``context``'s language, or None."""
    root = language_root_of(context)
    if root is None or STATEMENT_ID not in root.objectIds():
        return None
    return f"{root.absolute_url()}/{STATEMENT_ID}"


class AccessibilityToolbarViewlet(ViewletBase):
    """The mode buttons, on every page; the statement link where the page exists."""

    index = ViewPageTemplateFile("templates/accessibility_toolbar.pt")

    def update(self):
        super().update()
        self.statement_url = statement_url(self.context)
