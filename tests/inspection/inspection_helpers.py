"""Helpers of the self-inspection tests: a fixed moment, content at fixed dates,
the findings of a run."""

import datetime
from zoneinfo import ZoneInfo

from DateTime import DateTime
from plone import api
from plone.app.testing import SITE_OWNER_NAME

from zhengwu.inspection.run import run_inspection

BEIJING = ZoneInfo("Asia/Shanghai")
# Thursday 9 October 2025, just after the National Day holiday (1-8 October) and
# the make-up working day Sunday 28 September (调休).
NOW = datetime.datetime(2025, 10, 9, 12, 0, tzinfo=BEIJING)
TODAY = NOW.date()


def days_ago(days):
    return DateTime((NOW - datetime.timedelta(days=days)).isoformat())


def create(container, type_, publish=True, effective=None, **fields):
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        obj = api.content.create(container=container, type=type_, **fields)
        if publish:
            api.content.transition(obj, to_state="published")
        if effective is not None:
            obj.setEffectiveDate(effective)
            obj.reindexObject()
    return obj


def inspect(site, now=NOW):
    return run_inspection(site, now=now, trigger="manual", mail=False)


def found(site, rule, now=NOW):
    """{path: finding} of ``rule`` in a new run at ``now``."""
    run = inspect(site, now)
    return {f["path"]: f for f in run["findings"] if f["rule"] == rule}
