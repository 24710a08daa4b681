"""Client errors plone.rest would answer 500: a malformed body, a broken query.

plone.rest's error view sets the status from the exception's class name, which
Zope does not know for plone.restapi's ``DeserializationError`` (a body that is no
JSON object) and ``QueryParsingError`` (``effective.query=bad``); both are the
client's mistake, and plone.restapi answers them 400 where it catches them itself.
"""

import json

from plone.rest.errors import ErrorHandling


class ClientErrorHandling(ErrorHandling):
    """plone.rest's JSON error answer (type and message), with status 400."""

    def __call__(self):
        data = self.render_exception(self.context)
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        response.setStatus(400, lock=1)
        response.setBody(json.dumps(data, indent=2, sort_keys=True), lock=1)
