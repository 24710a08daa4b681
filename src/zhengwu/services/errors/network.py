"""The error page of an OSError: JSON for REST clients, Solr's page for browsers.

collective.solr registers its "Solr Error" page for every ``socket.error``, which
is ``OSError``: an unreachable mail server or a full disk too. Its registration
comes before plone.rest's JSON errors for REST requests (the browser layer is
more specific than plone.rest's request marker), so REST clients got that HTML
page. Registered for Zhengwu's browser layer, this view gives REST requests
plone.rest's JSON error, which names the real exception, and browsers the page
they had.
"""

from plone.rest.errors import ErrorHandling
from plone.rest.interfaces import IAPIRequest
from zope.component import getSiteManager
from zope.interface import Interface
from zope.interface import providedBy
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


def network_error_view(exception, request):
    """plone.rest's JSON error over REST, else the error page browsers had."""
    if IAPIRequest.providedBy(request):
        return ErrorHandling(exception, request)
    factory = getSiteManager().adapters.lookup(
        (providedBy(exception), IDefaultBrowserLayer), Interface, name="index.html"
    )
    return factory(exception, request) if factory is not None else None
