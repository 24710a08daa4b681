"""``@@my-tasks`` and ``@@review-overdue`` pages (REST: ``services/tasks/``)."""

from plone import api
from Products.Five import BrowserView
from zExceptions import Unauthorized

from zhengwu.workflows.tasks import is_site_admin
from zhengwu.workflows.tasks import past_review
from zhengwu.workflows.tasks import tasks_for


def _current_member():
    """The logged-in user; Unauthorized (log in) for a visitor: tasks are personal."""
    if api.user.is_anonymous():
        raise Unauthorized("Log in to see your tasks.")
    return api.user.get_current()


class MyTasksView(BrowserView):
    """待办: what waits for the current user; overdue items are marked."""

    def __call__(self):
        _current_member()
        return self.index()

    def tasks(self):
        return tasks_for(api.user.get_current(), self.request)

    def show_review_overdue(self):
        return is_site_admin(api.user.get_current())


class ReviewOverdueView(BrowserView):
    """Guides (and other content) past their next review date, for site admins."""

    def items(self):
        return past_review()
