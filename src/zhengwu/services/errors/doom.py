"""Write nothing when a REST service answers an error (status 400 and above).

Zope commits the transaction of every request that ends without an exception,
so a service that sets a 4xx status and returns an error body (as plone.restapi's
services do) keeps whatever it wrote before it found the error. Dooming the
transaction before the commit makes Zope abort it instead, for every service.
"""

import transaction
from plone.rest.interfaces import IAPIRequest

ERROR_STATUS = 400


def doom_error_answers(event):
    """IPubBeforeCommit: doom the transaction of a REST error answer."""
    request = event.request
    if not IAPIRequest.providedBy(request):
        return
    if request.response.getStatus() >= ERROR_STATUS:
        transaction.doom()
