"""What ``POST``, ``PATCH`` and ``DELETE @search-curation`` share: one change.

The same validation as the control panel; a refused change answers 400 with the
reason and stores nothing. A change answers the new state, its message and
whether Solr has the synonyms already.
"""

import transaction
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides

from zhengwu import _
from zhengwu.search.curation import changes
from zhengwu.search.curation import storage
from zhengwu.services.errors.answer import error_answer
from zhengwu.services.search_curation.get import curation_state


class CurationChange(Service):
    """Runs one change (``change``); a refused one answers 400, storing nothing."""

    success_status = 200

    def reply(self):
        # Like plone.restapi's own write services: a JSON request needs a CORS
        # preflight from another origin, so it carries no CSRF token.
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            change = self.change(self.context, json_body(self.request) or {})
        except (
            storage.CurationError,
            DeserializationError,
            TypeError,
            AttributeError,
            KeyError,
        ) as error:
            transaction.doom()
            message = getattr(error, "message", None) or _(
                "The request body does not say what to change."
            )
            return error_answer(
                self.request, 400, translate(message, context=self.request)
            )
        self.request.response.setStatus(self.success_status)
        state = curation_state(self.context)
        state["message"] = translate(change.message, context=self.request)
        state["synced"] = change.synced
        if not change.synced:
            state["warning"] = translate(changes.SOLR_LATER, context=self.request)
        return state


def body_items(data):
    """The pages of a best bet in the body: a list of UIDs, paths or URLs."""
    items = data["items"]
    if isinstance(items, str) or not isinstance(items, list):
        raise TypeError("items must be a list")
    return [str(item) for item in items]


def body_terms(terms):
    """The terms of a synonym group in the body: a list, or one text to split."""
    if isinstance(terms, str):
        return storage.parse_terms(terms)
    if not isinstance(terms, list):
        raise TypeError("terms must be a list")
    return [str(term) for term in terms]
