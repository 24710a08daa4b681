"""A citizen's strategy (攻略): its text, its guide, and whether the guide moved on."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import BadRequest

from zhengwu import _
from zhengwu.content_events.strategy_staleness import confirm_guide_revision
from zhengwu.content_events.strategy_staleness import guide_changed
from zhengwu.content_events.strategy_staleness import guide_of


class StrategyView(BrowserView):
    """The strategy page, with a notice when the guide has changed since."""

    def guide(self):
        return guide_of(self.context)

    def guide_changed(self):
        return guide_changed(self.context)

    def can_confirm(self):
        return api.user.has_permission("Modify portal content", obj=self.context)

    def text(self):
        text = getattr(self.context, "text", None)
        return text.output_relative_to(self.context) if text else None


class ConfirmGuide(BrowserView):
    """POST: the author has re-read the guide and the strategy still holds."""

    def __call__(self):
        if self.request.method != "POST":
            raise BadRequest("POST only")
        CheckAuthenticator(self.request)
        confirm_guide_revision(self.context)
        self.context.reindexObject()
        api.portal.show_message(
            _("The strategy is confirmed against the current guide."),
            request=self.request,
        )
        self.request.response.redirect(self.context.absolute_url())
