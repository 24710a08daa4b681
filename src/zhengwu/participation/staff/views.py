"""Staff pages of 政务知道: the moderation queue, a department's answer dashboard and
the answer times report."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.i18n import translate

from zhengwu import _
from zhengwu.participation.staff.actions import ModerationError
from zhengwu.participation.staff.actions import moderate
from zhengwu.participation.staff.answer_times import COLUMNS
from zhengwu.participation.staff.answer_times import answer_times
from zhengwu.participation.staff.answer_times import as_csv
from zhengwu.participation.staff.dashboard import dashboard
from zhengwu.participation.staff.queue import department_titles
from zhengwu.participation.staff.queue import moderation_queue

DONE = {
    "approve": _("Approved: ${title}"),
    "reject": _("Rejected: ${title}"),
    "hide": _("Hidden and back in moderation: ${title}"),
    "reroute": _("Given to another department: ${title}"),
}


class ModerationView(BrowserView):
    """审核队列: approve, reject, hide posts and correct a question's department."""

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            self.act()
            self.request.response.redirect(
                f"{self.context.absolute_url()}/@@moderation"
            )
            return ""
        return self.index()

    def act(self):
        form = self.request.form
        action = form.get("action", "")
        try:
            post = moderate(
                form.get("uid", ""),
                action,
                form.get("comment", ""),
                form.get("department") or None,
            )
        except ModerationError as error:
            api.portal.show_message(error.message, self.request, type="error")
            return
        message = _(DONE[action], mapping={"title": post.Title()})
        api.portal.show_message(message, self.request)

    def queue(self):
        return moderation_queue(self.context)

    def departments(self):
        """(id, title) of the site's departments, in the vocabulary's order."""
        return list(department_titles(self.context).items())

    def action_title(self, action):
        return translate(LOG_ACTIONS.get(action, action), context=self.request)


# How the log's actions read on the page.
LOG_ACTIONS = {
    "held": _("held"),
    "approved": _("approved"),
    "rejected": _("rejected"),
    "hidden": _("hidden"),
    "restored": _("restored"),
    "deleted": _("deleted"),
    "blocked": _("blocked"),
    "unblocked": _("unblocked"),
    "reported": _("reported"),
    "rerouted": _("rerouted"),
    "closed": _("closed"),
    "reopened": _("reopened"),
}


class AnswerDashboardView(BrowserView):
    """答复看板 of a department: its open questions by age, and its counts."""

    def dashboard(self):
        return dashboard(self.context)


class AnswerTimesView(BrowserView):
    """答复时效: per department, how fast questions are answered officially."""

    columns = (
        ("title", _("Department")),
        ("answered", _("Answered")),
        ("median_working_days", _("Median (working days)")),
        ("mean_working_days", _("Mean (working days)")),
        ("open", _("Open")),
        ("overdue", _("Overdue")),
        ("deadline_working_days", _("Deadline (working days)")),
    )

    def __call__(self):
        if self.request.form.get("format") == "csv":
            response = self.request.response
            response.setHeader("Content-Type", "text/csv; charset=utf-8")
            response.setHeader(
                "Content-Disposition", 'attachment; filename="answer-times.csv"'
            )
            return as_csv(self.rows())
        return self.index()

    def sort_on(self):
        sort_on = self.request.form.get("sort_on")
        return sort_on if sort_on in COLUMNS else None

    def reverse(self):
        return bool(self.request.form.get("reverse"))

    def rows(self):
        return answer_times(self.context, self.sort_on(), self.reverse())

    def sort_url(self, column):
        """Sort by ``column``; again on the sorted column reverses the order."""
        url = f"{self.context.absolute_url()}/@@answer-times?sort_on={column}"
        if column == self.sort_on() and not self.reverse():
            url += "&reverse=1"
        return url

    def csv_url(self):
        url = f"{self.context.absolute_url()}/@@answer-times?format=csv"
        if self.sort_on():
            url += f"&sort_on={self.sort_on()}" + ("&reverse=1" * self.reverse())
        return url
