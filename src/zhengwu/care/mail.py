"""Tell the applicant when their application is approved or returned (with why).

An after-transition subscriber: the mail goes into the site's mail queue when the
transition commits, in the site's language, with the reference, the new state, the
comment of the transition and the link to the application. It carries no ID number,
phone or address.
"""

import logging

from plone import api
from zope.i18n import translate
from zope.i18nmessageid import Message

from zhengwu import _
from zhengwu.workflows.notify import FALLBACK_SENDER
from zhengwu.workflows.notify import _language

logger = logging.getLogger(__name__)
# state → (subject, first line of the body)
OUTCOMES = {
    "approved": (
        _("[${site}] Your application ${reference} has been approved"),
        _("Your application for home care ${reference} has been approved."),
    ),
    "returned": (
        _("[${site}] Your application ${reference} has been returned"),
        _("Your application for home care ${reference} has been returned."),
    ),
}


def applicant_address(application):
    """The e-mail address of the application's creator, or None."""
    creators = application.listCreators()
    user = api.user.get(userid=creators[0]) if creators else None
    return user.getProperty("email") if user is not None else None


def outcome_message(application, state, comment):
    """(subject, body) of the mail about ``state``, in the site's language."""
    language = _language()
    mapping = {
        "site": api.portal.get().Title(),
        "reference": application.Title(),
        "comment": comment or "-",
    }
    lines = (
        Message(OUTCOMES[state][1], mapping=mapping),
        _("Comment: ${comment}", mapping=mapping),
        "",
        application.absolute_url(),
    )
    body = "\n".join(translate(line, target_language=language) for line in lines)
    subject = Message(OUTCOMES[state][0], mapping=mapping)
    return translate(subject, target_language=language), body + "\n"


def mail_applicant(application, event):
    """IAfterTransitionEvent of a CareApplication: mail the outcome."""
    state = event.new_state.getId() if event.new_state is not None else None
    if state not in OUTCOMES or event.old_state == event.new_state:
        return
    address = applicant_address(application)
    if not address:
        logger.info("No e-mail for the applicant of %s", application.getId())
        return
    subject, body = outcome_message(
        application, state, (event.kwargs or {}).get("comment", "")
    )
    sender = api.portal.get_registry_record("plone.email_from_address", default=None)
    try:
        api.portal.get_tool("MailHost").send(
            body,
            mto=address,
            mfrom=sender or FALLBACK_SENDER,
            subject=subject,
            charset="utf-8",
            immediate=False,
        )
    except Exception:  # a mail server problem must not undo the decision
        logger.exception("Could not mail the applicant of %s", application.getId())
