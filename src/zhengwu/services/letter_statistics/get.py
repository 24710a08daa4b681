"""``GET <language root>/@letter-statistics[?month=YYYY-MM]``: letters per
department and month (``interaction/statistics.py``), public numbers only.

200 ``{"items": [{department, month, received, answered, closed_without_answer,
on_time, average_days, median_days, rated_*, satisfaction}], "totals": {…}}``;
400 for a month that is not ``YYYY-MM``.
"""

import re

from plone import api
from plone.restapi.services import Service
from zope.i18n import translate

from zhengwu import _
from zhengwu.interaction.records import records_of
from zhengwu.interaction.settings import site_channels
from zhengwu.interaction.statistics import monthly_rows
from zhengwu.interaction.statistics import totals_by_department
from zhengwu.services.errors.answer import error_answer
from zhengwu.workflows.tasks import site_calendar

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class LetterStatisticsGet(Service):
    def reply(self):
        month = self.request.form.get("month") or ""
        if month and (not isinstance(month, str) or not MONTH.match(month)):
            message = _("Give the month as YYYY-MM.")
            return error_answer(
                self.request, 400, translate(message, context=self.request)
            )
        site = api.portal.get()
        rows = monthly_rows(records_of(site), site_channels(site), site_calendar())
        if month:
            rows = [row for row in rows if row.month == month]
        totals = totals_by_department(rows)
        return {
            "items": [row.as_dict() for row in rows],
            "totals": {key: total.as_dict() for key, total in totals.items()},
        }
