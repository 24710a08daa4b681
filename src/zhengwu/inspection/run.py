"""One self-inspection run: every registered check, the findings stored, the
departments mailed."""

import datetime
import logging
import time

from zope.component import getUtilitiesFor

from zhengwu.inspection.history import run_record
from zhengwu.inspection.history import store_run
from zhengwu.inspection.interfaces import IInspectionCheck
from zhengwu.inspection.mail import mail_departments
from zhengwu.inspection.settings import InspectionContext
from zhengwu.inspection.settings import read_settings
from zhengwu.workflows.tasks import TIMEZONE
from zhengwu.workflows.tasks import site_calendar

logger = logging.getLogger("zhengwu.inspection")
TRIGGERS = ("schedule", "manual", "startup")


def checks():
    """The registered checks, in their order."""
    found = [utility for _name, utility in getUtilitiesFor(IInspectionCheck)]
    return sorted(found, key=lambda check: (check.order, check.rule))


def run_checks(site, context):
    """Every finding of every check, as dicts; a check that fails is logged and
    the others still run."""
    findings = []
    for check in checks():
        try:
            findings.extend(found.as_dict() for found in check(site, context))
        except Exception:
            logger.exception("Self-inspection check %s failed", check.rule)
    return findings


def run_inspection(site, now=None, trigger="manual", mail=True):
    """Inspect ``site`` as of ``now`` (an aware datetime; default: this moment),
    store the run and mail each department its findings; the stored run."""
    began = time.monotonic()
    now = (now or datetime.datetime.now(TIMEZONE)).astimezone(TIMEZONE)
    settings = read_settings()
    context = InspectionContext(
        today=now.date(), calendar=site_calendar(), settings=settings, now=now
    )
    findings = run_checks(site, context)
    record = run_record(findings, now, context.today, time.monotonic() - began, trigger)
    stored = store_run(site, record, settings.history_size)
    if mail and settings.mail_departments:
        mail_departments(site, stored)
    logger.info(
        "Self-inspection of %s: %d findings in %.1f s",
        site.getId(),
        len(findings),
        stored["seconds"],
    )
    return stored
