"""The lost-password form's ``@@mail_password``: the same answer for every name.

Plone's view says "The username you entered could not be found." for unknown
names, which tells anyone which accounts exist, and mails without limit. Here
every name gets the "we have mailed you" page; the mail goes out only for an
account with an address that has not had its share this hour, and a client
asking too often gets the form back with status 429.
"""

import logging

from plone import api
from Products.CMFPlone.RegistrationTool import get_member_by_login_name
from Products.Five import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import Unauthorized
from zope.component import getMultiAdapter

from zhengwu.citizens.mail_limits import MailLimited
from zhengwu.citizens.mail_limits import check_address
from zhengwu.citizens.mail_limits import may_mail

logger = logging.getLogger(__name__)


def recipient_of(context, login):
    """The e-mail address of the account with ``login``, or None."""
    member = get_member_by_login_name(context, login, raise_exceptions=False)
    return member.getProperty("email", None) if member is not None else None


def send_reset_mail(context, request, login):
    """Mail ``login`` a reset link if the account and limits allow; never says which."""
    recipient = recipient_of(context, login)
    if not recipient or not may_mail(request, recipient):
        return
    try:
        api.portal.get_tool("portal_registration").mailPassword(login, request)
    except (ValueError, OSError):
        # An account without a usable address looks like an unknown one.
        logger.info("No password reset mail for %r", login, exc_info=True)


def check_reset_allowed():
    """Unauthorized when the site disabled mailing forgotten passwords (for all)."""
    membership = api.portal.get_tool("portal_membership")
    if not membership.checkPermission("Mail forgotten password", api.portal.get()):
        raise Unauthorized("Mailing forgotten passwords has been disabled.")


class MailPasswordView(BrowserView):
    """``@@mail_password``: limited, and the same page whether the name exists."""

    def __call__(self):
        check_reset_allowed()
        login = str(self.request.form.get("userid", "") or "").strip()
        try:
            check_address(self.request, "password-reset")
        except MailLimited as error:
            self.request.response.setStatus(429)
            self.request.response.setHeader("Retry-After", str(int(error.retry_after)))
            IStatusMessage(self.request).add(error.message, type="error")
            return self._page("mail_password_form")
        if login:
            send_reset_mail(self.context, self.request, login)
        return self._page("mail_password_response")

    def _page(self, name):
        return getMultiAdapter((self.context, self.request), name=name)()
