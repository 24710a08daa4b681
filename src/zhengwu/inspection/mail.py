"""A mail to each department with its findings, through the site's MailHost.

Sent to the staff holding a local role on the department's folder (its groups),
in the site's language. A mail that cannot be sent is logged: the run is kept.
"""

import logging
from collections import defaultdict

from plone import api
from zope.component import queryUtility
from zope.i18n import translate

from zhengwu import _
from zhengwu.inspection.checks.columns import default_root
from zhengwu.inspection.interfaces import IInspectionCheck
from zhengwu.vocabularies.departments import departments_in
from zhengwu.workflows.notify import FALLBACK_SENDER
from zhengwu.workflows.notify import _addresses
from zhengwu.workflows.notify import _language
from zhengwu.workflows.stages import holders_of

logger = logging.getLogger("zhengwu.inspection")


def _line(site, finding, language):
    check = queryUtility(IInspectionCheck, name=finding["rule"])
    rule = translate(check.title, target_language=language) if check else ""
    what = (
        translate(check.message(finding["detail"]), target_language=language)
        if check
        else ""
    )
    url = f"{site.absolute_url()}/{finding['path']}"
    return f"- [{rule}] {finding['title']}: {what}\n  {url}"


def department_message(site, department, findings):
    """(subject, body) of the mail to ``department``, in the site's language."""
    language = _language()
    mapping = {
        "site": site.Title(),
        "department": department.Title(),
        "count": len(findings),
    }
    subject = _(
        "[${site}] Self-inspection: ${count} findings for ${department}",
        mapping=mapping,
    )
    intro = _(
        "The self-inspection of ${site} found ${count} problems on the pages of "
        "${department}. They disappear from the next run once fixed.",
        mapping=mapping,
    )
    lines = [translate(intro, target_language=language), ""]
    lines.extend(_line(site, finding, language) for finding in findings)
    return translate(subject, target_language=language), "\n".join(lines) + "\n"


def mail_departments(site, run):
    """Mail each department that has findings in ``run``; the number of mails sent."""
    by_department = defaultdict(list)
    for finding in run.get("findings", ()):
        if finding["department"]:
            by_department[finding["department"]].append(finding)
    sender = api.portal.get_registry_record("plone.email_from_address", default=None)
    sent = 0
    for department in departments_in(default_root(site)):
        findings = by_department.get(department.getId())
        if not findings:
            continue
        roles = {role for _p, roles in department.get_local_roles() for role in roles}
        recipients = _addresses(holders_of(department, roles))
        if not recipients:
            continue
        try:
            subject, body = department_message(site, department, findings)
            mailhost = api.portal.get_tool("MailHost")
            mailhost.send(
                body,
                mto=", ".join(recipients),
                mfrom=sender or FALLBACK_SENDER,
                subject=subject,
                charset="utf-8",
                # Now, not at commit: a mail server that refuses fails this
                # send only, never the run's transaction.
                immediate=True,
            )
            sent += 1
        except Exception:  # a mail server problem must not undo the run
            logger.exception("Could not mail %s its findings", department.getId())
    return sent
