"""我为政府网站找错 (report an error on this site): a form e-mailed to the webmaster.

Plain text only: what the visitor typed goes into a text/plain e-mail and back
into the form escaped, never as HTML. The form needs Plone's CSRF token; a filled
honeypot field (invisible to people) looks like success but sends nothing; the
reports per address and per hour are limited (``citizens/mail_limits``). When
the site's mail is not set up or sending fails, the form says so and keeps what
the visitor typed.
"""

import logging
from email.message import EmailMessage
from email.utils import formataddr
from smtplib import SMTPException

from plone import api
from plone.protect.authenticator import check as check_authenticator
from Products.Five.browser import BrowserView
from Products.MailHost.MailHost import MailHostError
from zExceptions import Forbidden
from zope.i18n import translate

from zhengwu import _
from zhengwu.browser.chrome.identity import identity_settings
from zhengwu.browser.chrome.identity import record
from zhengwu.citizens.mail_limits import MailLimited
from zhengwu.citizens.mail_limits import check_address
from zhengwu.citizens.mail_limits import may_report
from zhengwu.safety.honeypot import HONEYPOT_LABEL
from zhengwu.safety.honeypot import is_bot

logger = logging.getLogger(__name__)

KINDS = {
    "broken-link": _("Broken link"),
    "wrong-information": _("Wrong or outdated information"),
    "typo": _("Typing error"),
    "display": _("Page does not display correctly"),
    "accessibility": _("Accessibility problem"),
    "other": _("Other"),
}
MAX_URL = 500
MAX_DESCRIPTION = 2000
MIN_DESCRIPTION = 5
MAX_CONTACT = 200
# The form's honeypot had this name before the post forms got theirs: kept.
HONEYPOT = "website"
FIELDS = ("url", "kind", "description", "contact")


def _validate(form):
    """Field name → error message for what is wrong with the submitted values."""
    errors = {}
    url = form["url"]
    if url and not url.startswith(("http://", "https://")):
        errors["url"] = _("The page address must start with http:// or https://.")
    elif len(url) > MAX_URL:
        errors["url"] = _("The page address is too long.")
    if form["kind"] not in KINDS:
        errors["kind"] = _("Please choose the kind of error.")
    if len(form["description"]) < MIN_DESCRIPTION:
        errors["description"] = _("Please describe the error.")
    elif len(form["description"]) > MAX_DESCRIPTION:
        errors["description"] = _(
            "The description is too long (at most ${max} characters).",
            mapping={"max": MAX_DESCRIPTION},
        )
    if len(form["contact"]) > MAX_CONTACT:
        errors["contact"] = _("The contact details are too long.")
    return errors


class ReportErrorView(BrowserView):
    """``<language root>/@@report-error``: the form, its errors and the thanks."""

    max_url = MAX_URL
    max_description = MAX_DESCRIPTION
    max_contact = MAX_CONTACT
    honeypot_field = HONEYPOT
    honeypot_label = HONEYPOT_LABEL

    def __call__(self):
        self.errors = {}
        self.message = None
        self.sent = False
        self.form = self._submitted()
        if self.request.method == "POST" and "form.submitted" in self.request.form:
            self._handle()
        return self.index()

    def kinds(self):
        return [
            {"value": value, "title": translate(title, context=self.request)}
            for value, title in KINDS.items()
        ]

    def _submitted(self):
        form = {
            name: str(self.request.form.get(name, "") or "").strip() for name in FIELDS
        }
        if not form["url"]:
            form["url"] = str(self.request.get("HTTP_REFERER", "") or "").strip()[
                :MAX_URL
            ]
        return form

    def _handle(self):
        try:
            check_authenticator(self.request)
        except Forbidden:
            self.request.response.setStatus(403)
            self.message = _("Your form has expired. Please send it again.")
            return
        self.errors = _validate(self.form)
        if self.errors:
            self.message = _("Please correct the marked fields.")
            return
        if is_bot(self.request.form, HONEYPOT):
            logger.info("Error report with the honeypot filled in: not sent")
            self.sent = True
            return
        if self._limited():
            return
        self._send()

    def _limited(self):
        """True (status 429, a message) when this address or the site sent enough."""
        try:
            check_address(self.request, "error-report")
        except MailLimited as error:
            self.message = error.message
        else:
            if may_report(self.request):
                return False
            self.message = _(
                "Many error reports have arrived in the last hour. Please try "
                "again later."
            )
        self.request.response.setStatus(429)
        return True

    def _send(self):
        mailhost = api.portal.get_tool("MailHost")
        sender = api.portal.get_registry_record("plone.email_from_address", default="")
        webmaster = record(identity_settings(), "webmaster_email")
        # Plone's own test of a configured mail: a sender address is set.
        if not (sender and webmaster):
            self.message = _(
                "Error reports cannot be sent: the site's e-mail is not set up. "
                "Please try again later."
            )
            return
        try:
            mailhost.send(self._message(sender, webmaster), immediate=True)
        except (MailHostError, SMTPException, OSError):
            logger.exception("Error report not sent to %s", webmaster)
            self.message = _("Your report could not be sent. Please try again later.")
            return
        self.sent = True

    def _message(self, sender, webmaster):
        site_title = api.portal.get().Title()
        kind = translate(KINDS[self.form["kind"]], context=self.request)
        heading = translate(_("Error report"), context=self.request)
        message = EmailMessage()
        message["Subject"] = f"[{site_title}] {heading}: {kind}"
        name = api.portal.get_registry_record("plone.email_from_name", default="")
        message["From"] = formataddr((name or site_title, sender))
        message["To"] = webmaster
        lines = [
            f"{self._label(_('Page address'))}: {self.form['url']}",
            f"{self._label(_('Kind of error'))}: {kind}",
            f"{self._label(_('Contact (optional)'))}: {self.form['contact']}",
            "",
            f"{self._label(_('Description'))}:",
            self.form["description"],
        ]
        message.set_content("\n".join(lines), subtype="plain", charset="utf-8")
        return message

    def _label(self, msgid):
        return translate(msgid, context=self.request)
