"""``GET @assistant-report?days=``: answered, clarified, handed-over and refused
counts and the unanswered questions, for the editors (they feed synonyms and
new guides)."""

from plone.restapi.services import Service
from zope.i18n import translate

from zhengwu import _
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
            message = _(
                "'${name}' must be a whole number from ${lowest} to ${highest}.",
                mapping={"name": "days", "lowest": 1, "highest": MAX_DAYS},
            )
            return error_answer(
                self.request, 400, translate(message, context=self.request)
            )
        return {
            "@id": f"{self.context.absolute_url()}/@assistant-report",
            **report(self.context, days),
        }
