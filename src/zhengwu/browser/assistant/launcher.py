"""The chat launcher (智能客服) on every page of a language root (#zw-chat).

Without JavaScript it is a link to the full page ``@@assistant``; the theme's
``js/assistant.js`` turns it into a button opening the chat panel, which asks
``@assistant`` over REST.
"""

from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

from zhengwu.services.assistant.get import MAX_INPUT
from zhengwu.sites.roots import language_root_of


class ChatLauncherViewlet(ViewletBase):
    """The launcher and its (hidden) panel."""

    index = ViewPageTemplateFile("templates/launcher.pt")
    max_length = MAX_INPUT

    def update(self):
        super().update()
        self.root = language_root_of(self.context)

    def render(self):
        if self.root is None or self.on_full_page():
            return ""
        return self.index()

    def on_full_page(self):
        published = self.request.get("PUBLISHED")
        return getattr(published, "__name__", None) == "assistant"

    @property
    def root_url(self):
        return self.root.absolute_url()
