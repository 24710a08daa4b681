"""Cross-site request check of the REST API (跨站请求防护) for browser logins.

plone.restapi turns plone.protect's automatic CSRF check off for its services: a
JSON request from another origin needs a CORS preflight. A browser still sends
``Content-Type: text/plain`` (or a form) cross-site without one, with the visitor's
login cookie. So an unsafe REST request whose credentials a browser adds by itself
(the session cookie, a remembered Basic login) is refused with 403 unless it comes
from the site's own origin (``Origin``, else ``Referer``), from an origin in the
registry record ``zhengwu.rest.allowed_origins``, or carries plone.protect's token
(``X-CSRF-TOKEN`` header or ``_authenticator``). A JWT in the ``Authorization``
header is never sent cross-site by a browser: integrators using it, and Basic
logins of scripts that send neither ``Origin`` nor ``Referer``, are unaffected.
"""

from urllib.parse import urlsplit

from plone import api
from plone.protect.authenticator import check
from plone.rest.interfaces import IAPIRequest
from zExceptions import Forbidden
from zope.i18n import translate

from zhengwu import _
from zhengwu.interfaces import IZhengwuLayer

SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS", "TRACE"))
# plone.session's cookie, and the JWT cookie a Volto-style front end may set.
SESSION_COOKIES = ("__ac", "auth_token")
ALLOWED_ORIGINS = "zhengwu.rest.allowed_origins"
DEFAULT_PORTS = {"http": 80, "https": 443}


def origin_of(url):
    """``scheme://host:port`` of ``url`` (default ports made explicit), or None."""
    try:
        parts = urlsplit((url or "").strip())
        port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    except ValueError:
        return None
    if not parts.scheme or not parts.hostname:
        return None
    return f"{parts.scheme.lower()}://{parts.hostname.lower()}:{port}"


def trusted_origins(request):
    """The site's public origin (after virtual hosting) and the configured ones."""
    extra = api.portal.get_registry_record(ALLOWED_ORIGINS, default=None) or ()
    origins = {origin_of(request.get("SERVER_URL"))}
    origins.update(origin_of(value) for value in extra)
    origins.discard(None)
    return origins


def ambient_credentials(request):
    """How a browser would have added the login by itself: cookie, basic or None."""
    authorization = (request._auth or "").strip().lower()
    if authorization.startswith("bearer "):
        return None
    if any(request.cookies.get(name) for name in SESSION_COOKIES):
        return "cookie"
    if authorization.startswith("basic "):
        return "basic"
    return None


def same_origin(request):
    """True or False from ``Origin`` (else ``Referer``); None when neither is sent."""
    claimed = request.getHeader("Origin") or request.getHeader("Referer")
    if not claimed:
        return None
    return origin_of(claimed) in trusted_origins(request)


def refuses(request):
    """True when an unsafe REST request may have been forged by another site."""
    if request.get("REQUEST_METHOD", "GET").upper() in SAFE_METHODS:
        return False
    if not IAPIRequest.providedBy(request) or api.user.is_anonymous():
        return False
    credentials = ambient_credentials(request)
    if credentials is None:
        return False
    verdict = same_origin(request)
    if verdict or (verdict is None and credentials == "basic"):
        return False
    try:
        check(request)
    except Forbidden:
        return True
    return False


def check_cross_site(event):
    """IPubAfterTraversal: refuse a forged REST write before it runs (403 JSON)."""
    request = event.request
    if IZhengwuLayer.providedBy(request) and refuses(request):
        message = _(
            "This request came from another site. Send it from this site's pages "
            "or with the X-CSRF-TOKEN header."
        )
        raise Forbidden(translate(message, context=request))
