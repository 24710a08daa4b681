"""The application's own page, the applicant's list and the department's queue."""

from plone import api
from Products.Five.browser import BrowserView
from zExceptions import Unauthorized
from zope.i18n import translate

from zhengwu.care.listing import applications
from zhengwu.care.listing import state_of
from zhengwu.content.care_application import ATTACHMENT_KINDS
from zhengwu.content.care_application import CARE_NEEDS
from zhengwu.content.care_application import DISABILITY_LEVELS
from zhengwu.formatting import format_datetime
from zhengwu.vocabularies.language import language_of


def _title(vocabulary, value, request):
    if value not in vocabulary:
        return ""
    return translate(vocabulary.getTerm(value).title, context=request)


class ApplicationView(BrowserView):
    """In full: only the applicant and the department's staff may view it at all."""

    def state(self):
        state_id, title = state_of(self.context, self.request)
        return {"id": state_id, "title": title}

    def needs(self):
        return [
            _title(CARE_NEEDS, n, self.request) for n in self.context.care_needs or ()
        ]

    def level(self):
        return _title(DISABILITY_LEVELS, self.context.disability_level, self.request)

    def attachments(self):
        return [
            {
                "url": f"{item.absolute_url()}/@@download/file",
                "kind": _title(ATTACHMENT_KINDS, item.kind, self.request),
                "filename": item.file.filename if item.file else "",
                "kb": max(1, round(item.file.getSize() / 1024)) if item.file else 0,
            }
            for item in self.context.objectValues()
            if item.portal_type == "CareAttachment"
        ]

    def history(self):
        """The steps of the chain, oldest first, with their comments."""
        wftool = api.portal.get_tool("portal_workflow")
        language = language_of(self.context)
        steps = []
        for workflow in wftool.getWorkflowsFor(self.context):
            history = self.context.workflow_history.get(workflow.getId(), ())
            for entry in history:
                state = workflow.states.get(entry.get("review_state"))
                title = state.title if state is not None else ""
                time = entry.get("time")
                steps.append(
                    {
                        "state": translate(
                            title, domain="zhengwu", context=self.request
                        ),
                        "comment": entry.get("comments") or "",
                        "date": format_datetime(time.asdatetime(), language)
                        if time is not None
                        else "",
                    }
                )
        return steps


class MyApplicationsView(BrowserView):
    """``@@my-applications`` (我的申请): the member's own applications."""

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see your applications.")
        return self.index()

    def rows(self):
        userid = api.user.get_current().getId()
        return applications(self.request, language_of(self.context), Creator=userid)


class CareQueueView(BrowserView):
    """``@@care-queue`` on the applications folder: the department's queue."""

    def rows(self):
        path = "/".join(self.context.getPhysicalPath())
        state = self.request.form.get("state")
        query = {"path": path}
        if isinstance(state, str) and state:
            query["review_state"] = state
        return applications(self.request, language_of(self.context), **query)
