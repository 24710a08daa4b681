"""``content_status_modify`` that turns a refused transition into a message."""

from plone.app.content.browser.content_status_modify import ContentStatusModifyView
from Products.statusmessages.interfaces import IStatusMessage

from zhengwu.workflows.comments import CommentRequired
from zhengwu.workflows.four_eyes import SameApprover


class ZhengwuContentStatusModifyView(ContentStatusModifyView):
    """Plone's view; a send-back without comment, or a second approval by the same
    person, goes back to the history form with the reason."""

    def __call__(self, workflow_action=None, comment="", *args, **kwargs):
        try:
            return super().__call__(workflow_action, comment, *args, **kwargs)
        except (CommentRequired, SameApprover) as error:
            message = error.args[0] if error.args else str(error)
            IStatusMessage(self.request).add(message, type="error")
            url = f"{self.context.absolute_url()}/content_status_history"
            return self.request.response.redirect(url)
