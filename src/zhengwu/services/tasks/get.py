"""``GET @tasks``: the current user's tasks, overdue ones counted; site admins also
get ``review_overdue``. Visitors: 401, tasks are personal."""

from plone.restapi.services import Service

from zhengwu.services.access import current_member
from zhengwu.workflows.tasks import is_site_admin
from zhengwu.workflows.tasks import past_review
from zhengwu.workflows.tasks import tasks_for


class TasksGet(Service):
    def reply(self):
        user = current_member("Log in to see your tasks.")
        tasks = tasks_for(user, self.request)
        result = {
            "@id": f"{self.context.absolute_url()}/@tasks",
            "items": tasks,
            "items_total": len(tasks),
            "overdue_total": sum(task["overdue"] for task in tasks),
        }
        if is_site_admin(user):
            result["review_overdue"] = past_review()
        return result
