"""An item's history, readable by everyone in its approval chain.

Plone's history page (``@@historyview``) needs "Modify portal content" and its
workflow part "Request review" or "Review portal content". A leader who signed a
guide off holds none of these once it is published, so the History link of the
toolbar (shown to whoever may "Access previous versions") led to 无权限. Here the
page and its workflow part follow "Access previous versions", which the roles of a
department's chain hold on the department's items (rolemap.xml).
"""

from AccessControl import getSecurityManager
from Acquisition import aq_inner
from plone.app.layout.viewlets.content import ContentHistoryView
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.i18nmessageid import MessageFactory

ACCESS_PREVIOUS_VERSIONS = "CMFEditions: Access previous versions"
_plone = MessageFactory("plone")


class ChainContentHistoryView(ContentHistoryView):
    """Plone's ``@@contenthistory`` whose workflow part the whole chain reads."""

    def workflowHistory(self, complete=True):
        rows = super().workflowHistory(complete)
        context = aq_inner(self.context)
        if rows or not getSecurityManager().checkPermission(
            ACCESS_PREVIOUS_VERSIONS, context
        ):
            return rows
        return self.transitions(context, complete)

    def transitions(self, context, complete):
        """The workflow record of ``context``, newest first, as the template reads."""
        wftool = self.context.portal_workflow
        try:
            record = wftool.getInfoFor(context, "review_history")
        except WorkflowException:
            return []
        rows = []
        for entry in record:
            action = entry.get("action")
            if not action and not complete:
                continue
            row = dict(entry, type="workflow", actorid=entry.get("actor"))
            row["transition_title"] = (
                action
                and wftool.getTitleForTransitionOnType(action, context.portal_type)
            ) or _plone("Create")
            row["state_title"] = wftool.getTitleForStateOnType(
                entry.get("review_state", ""), context.portal_type
            )
            if row["actorid"] is None:
                nobody = _plone("label_anonymous_user", default="Anonymous User")
                row.update(
                    actor={"username": nobody, "fullname": nobody}, actor_home=""
                )
            else:
                row.update(self.getUserInfo(row["actorid"]))
            rows.append(row)
        return rows[::-1]
