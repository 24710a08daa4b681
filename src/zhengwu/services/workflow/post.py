"""plone.restapi's workflow transition, refusing before it writes anything.

plone.restapi stores the publication dates sent with a transition before it tries
the transition, for whoever calls it. Here the caller must be allowed to edit the
item to send dates, and the transition must be one the caller may take (or lead
to the state the item is already in, which plone.restapi answers as done). Errors
found later still write nothing: see ``services/errors/doom.py``.
"""

from plone import api
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services.workflow.transition import WorkflowTransition
from zExceptions import Unauthorized
from zope.i18n import translate

from zhengwu import _
from zhengwu.services.errors.answer import error_answer

DATE_KEYS = ("effective", "expires", "effectiveDate", "expirationDate")


class CheckedWorkflowTransition(WorkflowTransition):
    """``@workflow`` POST: the permission and the transition checked first."""

    def reply(self):
        if self.transition is None:
            return super().reply()
        try:
            data = json_body(self.request)
        except DeserializationError as error:
            return error_answer(self.request, 400, str(error))
        if any(key in data for key in DATE_KEYS) and not api.user.has_permission(
            "Modify portal content", obj=self.context
        ):
            raise Unauthorized("You may not change the publication dates.")
        if not self._may_take(self.context):
            message = _(
                "The transition '${transition}' is not available for this item.",
                mapping={"transition": self.transition},
            )
            return error_answer(
                self.request,
                400,
                translate(message, context=self.request),
                kind="WorkflowException",
            )
        return super().reply()

    def _may_take(self, obj):
        """True if the transition is open to the caller, or leads where obj is."""
        if not self.wftool.getWorkflowsFor(obj):
            return True
        available = {t["id"] for t in self.wftool.getTransitionsFor(obj)}
        return self.transition in available or self.is_same_state(obj)
