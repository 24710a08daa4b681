"""``GET @answer-times?sort_on=&reverse=``: what ``@@answer-times`` shows."""

from plone.restapi.services import Service

from zhengwu.participation.staff.answer_times import COLUMNS
from zhengwu.participation.staff.answer_times import answer_times


class AnswerTimesGet(Service):
    def reply(self):
        sort_on = self.request.form.get("sort_on")
        items = answer_times(
            self.context,
            sort_on if sort_on in COLUMNS else None,
            bool(self.request.form.get("reverse")),
        )
        return {
            "@id": f"{self.context.absolute_url()}/@answer-times",
            "items": items,
            "items_total": len(items),
        }
