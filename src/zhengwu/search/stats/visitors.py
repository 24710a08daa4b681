"""Who searched, as a token that names one visitor on one day only (PIPL).

A visitor is the address and browser of an anonymous request. Neither is stored:
the token is an HMAC of them and the day, keyed with the site's keyring secret, so
the same visitor gets another token tomorrow and an address cannot be found from
a token by trying them all. The tokens are dropped once their day is over
(``DayStats.forget_visitors``).
"""

import hashlib
import hmac
import secrets

from plone.keyring.interfaces import IKeyManager
from zope.component import queryUtility

# Used only where the site has no keyring (then tokens differ per process).
_PROCESS_SECRET = secrets.token_hex(32)


def _secret():
    manager = queryUtility(IKeyManager)
    secret = manager.secret() if manager is not None else None
    return secret or _PROCESS_SECRET


def visitor_token(request, day):
    """The day token of the visitor who sent ``request`` (day: a date ordinal)."""
    address = request.getClientAddr() or ""
    agent = request.get("HTTP_USER_AGENT") or ""
    message = f"{day}\n{address}\n{agent}".encode()
    digest = hmac.new(_secret().encode(), message, hashlib.sha256)
    return digest.hexdigest()[:24]
