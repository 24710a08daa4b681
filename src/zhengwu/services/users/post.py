"""plone.restapi's ``@users`` POST without mail floods or account enumeration.

``@users/<name>/reset-password`` with an empty body answers 204 whether or not
the account exists (plone.restapi: 404 for unknown names) and mails only within
the limits of ``citizens/mail_limits.py``; a token for an unknown name is refused
like an unknown token. Anonymous self-registration is limited per client address,
and answers a taken e-mail address like a new one (201, the same body), creating
nothing. Those who manage users keep plone.restapi's answers.
"""

from plone.restapi.deserializer import json_body
from plone.restapi.services.users.add import UsersPost
from zope.i18n import translate

from zhengwu import _
from zhengwu.citizens.lost_password import check_reset_allowed
from zhengwu.citizens.lost_password import send_reset_mail
from zhengwu.citizens.mail_limits import MailLimited
from zhengwu.citizens.mail_limits import check_address
from zhengwu.citizens.mail_limits import may_mail
from zhengwu.citizens.registration import email_in_use

UNKNOWN = object()

REGISTERED = _(
    "Thank you. If the details can be used, we have sent a link to set your "
    "password to the e-mail address you gave."
)


class CitizenUsersPost(UsersPost):
    """``@users`` POST: limited mail, the same answers for known and unknown."""

    def reply(self):
        if self.can_manage_users:
            return super().reply()
        try:
            if len(self.params) == 2 and self.params[1] == "reset-password":
                return self._reset_password()
            if not self.params:
                check_address(self.request, "registration")
        except MailLimited as error:
            self.request.response.setHeader("Retry-After", str(int(error.retry_after)))
            return self._error(429, "TooManyRequests", error.message)
        return super().reply()

    def _reset_password(self):
        if json_body(self.request):
            self._hide_unknown = True
            return super().reply()
        check_reset_allowed()
        check_address(self.request, "password-reset")
        send_reset_mail(self.context, self.request, self.params[0])
        return self.reply_no_content()

    def _get_user_by_login_name(self, user_id):
        user = super()._get_user_by_login_name(user_id)
        if user is None and getattr(self, "_hide_unknown", False):
            # plone.restapi answers 404 here; past this check an unknown name
            # meets the answers of a wrong token or a wrong user, like any name.
            return UNKNOWN
        return user

    def _add_user(self, data, location=True):
        email = data.get("email")
        if email_in_use(email) or not may_mail(self.request, email):
            # Not created, not mailed: answered as if registered.
            self.request.response.setStatus(201)
            return self._registered()
        answer = super()._add_user(data, location=False)
        if "error" in answer:
            return answer
        return self._registered()

    def _registered(self):
        return {"message": translate(REGISTERED, context=self.request)}
