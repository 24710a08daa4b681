"""``@@my-tasks``, ``@@my-submissions`` and ``@@review-overdue`` pages (REST:
``services/tasks/``, ``services/submissions/``)."""

from plone import api
from Products.Five import BrowserView
from zExceptions import Unauthorized

from zhengwu.bounds.limits import batch_start
from zhengwu.vocabularies.language import language_of
from zhengwu.workflows.submissions import PAGE_SIZE
from zhengwu.workflows.submissions import submissions_of
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


class MySubmissionsView(BrowserView):
    """我的提交: what the current user wrote, its state and stage, a page at a time."""

    def __call__(self):
        _current_member()
        self.start = batch_start(self.request.form)
        self.total, self.rows = submissions_of(
            api.user.get_current(),
            self.request,
            language_of(self.context),
            start=self.start,
        )
        return self.index()

    def previous_start(self):
        return max(self.start - PAGE_SIZE, 0) if self.start else None

    def next_start(self):
        following = self.start + PAGE_SIZE
        return following if following < self.total else None


class ReviewOverdueView(BrowserView):
    """Guides (and other content) past their next review date, for site admins."""

    def items(self):
        return past_review()
