"""``GET @submissions?b_start=&b_size=``: the current member's items, newest change
first, with state and review stage. Visitors: 401; a bad batch: 400."""

from plone.restapi.services import Service

from zhengwu.bounds.limits import batch_size
from zhengwu.bounds.limits import batch_start
from zhengwu.services.access import current_member
from zhengwu.vocabularies.language import language_of
from zhengwu.workflows.submissions import PAGE_SIZE
from zhengwu.workflows.submissions import submissions_of


class SubmissionsGet(Service):
    def reply(self):
        user = current_member("Log in to see your submissions.")
        start = batch_start(self.request.form)
        size = batch_size(self.request.form, PAGE_SIZE)
        total, rows = submissions_of(
            user, self.request, language_of(self.context), start=start, size=size
        )
        return {
            "@id": f"{self.context.absolute_url()}/@submissions",
            "items": rows,
            "items_total": total,
            "b_start": start,
            "b_size": size,
        }
