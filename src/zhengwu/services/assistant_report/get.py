"""``GET @assistant-report?days=``: answered, clarified, handed-over and refused
counts and the unanswered questions, for the editors (they feed synonyms and
new guides)."""

from plone.restapi.services import Service

from zhengwu.assistant.stats import report
from zhengwu.services.errors.answer import error_answer

MAX_DAYS = 400


class AssistantReportGet(Service):
    def reply(self):
        try:
            days = int(self.request.form.get("days", 30))
        except (TypeError, ValueError):
            days = 0
        if not 1 <= days <= MAX_DAYS:
            return error_answer(self.request, 400, f"days is 1…{MAX_DAYS}.")
        return {
            "@id": f"{self.context.absolute_url()}/@assistant-report",
            **report(self.context, days),
        }
