"""``@@bookings-retention``: apply the bookings' retention period now (Managers).

For a cron job or an operator, with a POST: ``curl -u admin -X POST
<site>/@@bookings-retention`` (the after-request clock does the same once a day,
``retention.anonymise_when_due``). Answers plain text: the first day kept and the
number of bookings anonymised. A GET only tells what a POST would do.
"""

from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from zope.i18n import translate
from zope.interface import alsoProvides

from zhengwu import _
from zhengwu.bookings import rules
from zhengwu.bookings.staff.retention import apply_retention
from zhengwu.bookings.staff.retention import first_kept_day
from zhengwu.bookings.staff.retention import retention_days


class RetentionView(BrowserView):
    def __call__(self):
        response = self.request.response
        response.setHeader("Content-Type", "text/plain; charset=utf-8")
        days = retention_days()
        if days is None:
            return translate(_("No retention period is set."), context=self.request)
        if self.request.method != "POST":
            today = rules.now().astimezone(rules.TIMEZONE).date()
            message = _(
                "POST to anonymise the bookings before ${day} (kept ${days} days).",
                mapping={"day": first_kept_day(today, days).isoformat(), "days": days},
            )
            return translate(message, context=self.request)
        # Manager only, and it does just what the daily clock does anyway (remove
        # what is past its period): a cron job posts without a form token.
        alsoProvides(self.request, IDisableCSRFProtection)
        before, done = apply_retention(self.context)
        message = _(
            "${count} bookings before ${day} anonymised.",
            mapping={"count": done, "day": before.isoformat()},
        )
        return translate(message, context=self.request)
