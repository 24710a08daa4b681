"""The pluggable sender of booking verification codes (``ICodeSender``)."""

from zope.interface import Attribute
from zope.interface import Interface


class ICodeSender(Interface):
    """Hands a verification code to a visitor; a named utility per channel.

    ``verification.send_code`` looks up the utility named after the channel
    (``"sms"``, ``"email"``). A district plugs in its own SMS provider by
    registering its own utility under that name (``overrides.zcml`` of its add-on,
    or its site manager).
    """

    channel = Attribute("The channel it sends on: 'sms' or 'email'.")

    def send(address, code, minutes, request):
        """Send ``code`` (valid ``minutes``) to ``address`` in the request's
        language; raise any exception when it cannot be handed over."""
