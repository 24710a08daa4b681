"""``GET @answer-dashboard`` on a department: what ``@@answer-dashboard`` shows."""

from plone.restapi.services import Service

from zhengwu.participation.staff.dashboard import dashboard


class AnswerDashboardGet(Service):
    def reply(self):
        return {
            "@id": f"{self.context.absolute_url()}/@answer-dashboard",
            **dashboard(self.context),
        }
