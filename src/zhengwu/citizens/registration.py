"""Self-registration (``@@register``) that cannot flood mailboxes or reveal accounts.

Each client address may register ``per_address_per_hour`` times an hour (then
the form comes back with status 429). A registration with an e-mail address an
account already has answers exactly like a new one, but creates nothing and
mails nobody: its owner can use the lost-password form.
"""

from plone import api
from plone.app.users.browser.register import RegistrationForm
from Products.statusmessages.interfaces import IStatusMessage

from zhengwu.citizens.mail_limits import MailLimited
from zhengwu.citizens.mail_limits import check_address
from zhengwu.citizens.mail_limits import may_mail


def email_in_use(email):
    """True when an account already has ``email`` (case as Plone stores it)."""
    if not email:
        return False
    pas = api.portal.get_tool("acl_users")
    return bool(pas.searchUsers(email=email, exact_match=True))


class CitizenRegistrationForm(RegistrationForm):
    """Plone's registration form with mail limits and no account enumeration."""

    def handle_join_success(self, data):
        try:
            check_address(self.request, "registration")
        except MailLimited as error:
            self.request.response.setStatus(429)
            self.request.response.setHeader("Retry-After", str(int(error.retry_after)))
            IStatusMessage(self.request).add(error.message, type="error")
            return None
        email = data.get("email", "")
        if email_in_use(email) or not may_mail(self.request, email):
            # The answer of a registration that worked, without its effects.
            self._finishedRegister = True
            return None
        return super().handle_join_success(data)
