"""E-mail the reviewers of a stage when an item reaches it (IActionSucceededEvent)."""

import logging
from email.utils import formataddr

from plone import api
from zope.i18n import translate

from zhengwu import _
from zhengwu.behaviors.department import department_of
from zhengwu.workflows.stages import holders_of
from zhengwu.workflows.stages import stage_of
from zhengwu.workflows.stages import state_title

logger = logging.getLogger("zhengwu.workflows")
FALLBACK_SENDER = "noreply@localhost"


def _language():
    language = api.portal.get_default_language() or "zh-cn"
    head, _sep, tail = language.partition("-")
    return f"{head}_{tail.upper()}" if tail else head


def submitter_of(obj, workflow):
    """Who last submitted ``obj`` for review (user id), from its review history."""
    history = obj.workflow_history.get(workflow.getId(), ())
    for entry in reversed(history):
        if entry.get("action") == "submit":
            return entry.get("actor")
    return history[-1].get("actor") if history else None


def _name(user_id):
    user = api.user.get(userid=user_id) if user_id else None
    if user is None:
        return user_id or ""
    return user.getProperty("fullname") or user_id


def _addresses(user_ids):
    addresses = []
    for user_id in sorted(user_ids):
        user = api.user.get(userid=user_id)
        email = user.getProperty("email") if user is not None else None
        if email:
            addresses.append(formataddr((_name(user_id), email)))
    return addresses


def review_message(obj, workflow, state_id, comment):
    """(subject, body) of the mail, translated into the site's language."""
    language = _language()
    mapping = {
        "site": api.portal.get().Title(),
        "title": obj.Title(),
        "url": obj.absolute_url(),
        "stage": translate(
            state_title(workflow, state_id), domain="zhengwu", target_language=language
        ),
        "submitter": _name(submitter_of(obj, workflow)),
        "comment": comment or "-",
    }
    subject = _("[${site}] Waiting for your review: ${title}", mapping=mapping)
    # One message per line: gettext tools take a msgid up to its first newline.
    lines = (
        _(
            "'${title}' is waiting for your review at the stage: ${stage}.",
            mapping=mapping,
        ),
        "",
        _("Submitted by: ${submitter}", mapping=mapping),
        _("Comment: ${comment}", mapping=mapping),
        "",
        mapping["url"],
    )
    body = "\n".join(translate(line, target_language=language) for line in lines)
    return translate(subject, target_language=language), body + "\n"


def notify_reviewers(obj, event):
    """Mail everyone who holds the role of the stage ``obj`` has just reached."""
    stage = stage_of(obj)
    department = department_of(obj)
    if stage is None or department is None:
        return
    workflow, state_id, roles = stage
    recipients = _addresses(holders_of(department, roles))
    if not recipients:
        logger.info("No reviewer with an e-mail for %s", obj.absolute_url())
        return
    history = obj.workflow_history.get(workflow.getId(), ())
    comment = history[-1].get("comments") if history else ""
    subject, body = review_message(obj, workflow, state_id, comment)
    sender = api.portal.get_registry_record("plone.email_from_address", default=None)
    mailhost = api.portal.get_tool("MailHost")
    for recipient in recipients:
        try:
            mailhost.send(
                body,
                mto=recipient,
                mfrom=sender or FALLBACK_SENDER,
                subject=subject,
                charset="utf-8",
                immediate=False,
            )
        except Exception:  # a mail server problem must not undo the approval
            logger.exception("Could not mail %s about %s", recipient, obj.getId())
