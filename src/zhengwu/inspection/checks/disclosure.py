"""Rule ``disclosure-overdue``: disclosure records not published within the legal
deadline (政府信息公开条例 art. 26: 20 working days after the information is
made; registry ``zhengwu.inspection.disclosure_working_days``)."""

from plone import api

from zhengwu import _
from zhengwu.inspection.checks.base import Check
from zhengwu.inspection.findings import finding_for

RULE = "disclosure-overdue"
DONE_STATES = ("published", "archived")


class DisclosureOverdueCheck(Check):
    rule = RULE
    title = _("Disclosure past its legal deadline")
    order = 80
    describe = _(
        "Written on ${written_date}, not yet published; the deadline was "
        "${deadline_date}."
    )

    def __call__(self, site, context):
        days = context.settings.disclosure_working_days
        catalog = api.portal.get_tool("portal_catalog")
        for brain in catalog.unrestrictedSearchResults(
            portal_type="DisclosureRecord", path="/".join(site.getPhysicalPath())
        ):
            if brain.review_state in DONE_STATES:
                continue
            record = brain._unrestrictedGetObject()
            written = getattr(record, "written_date", None)
            if written is None:
                continue
            deadline = context.calendar.add_working_days(written, days)
            if deadline < context.today:
                yield finding_for(
                    record,
                    RULE,
                    written_date=written.isoformat(),
                    deadline_date=deadline.isoformat(),
                )
