"""The shipped code senders: e-mail, and SMS through an e-mail-to-SMS gateway.

Both send through the site's MailHost at once (``immediate``): a code is useful
for ten minutes, so a mail server that cannot take it must tell the visitor now
(``verification.CodeNotSent``, a 503) rather than leave it in the queue. SMS goes
as a mail to ``<number>@<domain>`` of the gateway the registry record
``zhengwu.bookings.sms_gateway_domain`` names; without one, SMS codes are not
sent. A district with a real SMS provider registers its own ``ICodeSender``
named ``"sms"`` instead (docs/bookings.md).
"""

from plone import api
from zope.i18n import translate
from zope.interface import implementer

from zhengwu import _
from zhengwu.bookings.interfaces import ICodeSender

GATEWAY_RECORD = "zhengwu.bookings.sms_gateway_domain"
FALLBACK_SENDER = "noreply@localhost"


def code_text(code, minutes, request):
    """The message: the code, how long it is valid, and what to do if unasked."""
    site = api.portal.get().Title()
    lines = (
        _(
            "Your verification code for booking on ${site} is ${code}.",
            mapping={"site": site, "code": code},
        ),
        _("It is valid for ${minutes} minutes.", mapping={"minutes": minutes}),
        _("If you did not ask for it, ignore this message."),
    )
    return "\n".join(translate(line, context=request) for line in lines)


@implementer(ICodeSender)
class MailCodeSender:
    """Sends the code by e-mail through the site's MailHost."""

    channel = "email"

    def recipient(self, address):
        return address

    def send(self, address, code, minutes, request):
        sender = api.portal.get_registry_record("plone.email_from_address", default="")
        subject = translate(
            _("Verification code ${code}", mapping={"code": code}), context=request
        )
        api.portal.get_tool("MailHost").send(
            code_text(code, minutes, request),
            mto=self.recipient(address),
            mfrom=sender or FALLBACK_SENDER,
            subject=subject,
            charset="utf-8",
            immediate=True,
        )


@implementer(ICodeSender)
class SmsGatewaySender(MailCodeSender):
    """Sends the code as a mail to the e-mail-to-SMS gateway of the registry."""

    channel = "sms"

    def recipient(self, address):
        domain = api.portal.get_registry_record(GATEWAY_RECORD, default="") or ""
        domain = domain.strip().lstrip("@")
        if not domain:
            raise LookupError("no SMS gateway domain in the registry")
        return f"{address}@{domain}"
