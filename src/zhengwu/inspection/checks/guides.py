"""Rule ``review-overdue``: published content past its next-review date
(``zhengwu.review`` behaviour, 复核日期), e.g. a guide after a reorganisation."""

import datetime

from DateTime import DateTime
from plone import api

from zhengwu import _
from zhengwu.inspection.checks.base import Check
from zhengwu.inspection.findings import finding_for

RULE = "review-overdue"


class ReviewOverdueCheck(Check):
    rule = RULE
    title = _("Guide past its review date")
    order = 70
    describe = _("To be checked again by ${due_date}.")

    def __call__(self, site, context):
        catalog = api.portal.get_tool("portal_catalog")
        if "next_review" not in catalog.indexes():
            return
        yesterday = context.today - datetime.timedelta(days=1)
        limit = DateTime(f"{yesterday.isoformat()} 23:59:59")
        for brain in catalog.unrestrictedSearchResults(
            next_review={"query": limit, "range": "max"},
            review_state="published",
            path="/".join(site.getPhysicalPath()),
            sort_on="next_review",
        ):
            obj = brain._unrestrictedGetObject()
            due = getattr(obj, "next_review", None)
            if due is None or due >= context.today:
                continue  # the index can lag an edit; the field decides
            yield finding_for(obj, RULE, due_date=due.isoformat())
