"""@search-curation: the site's synonym groups and best bets over plone.restapi.

GET lists them. POST adds a group ``{"synonyms": [terms]}`` or pins pages
``{"best_bet": {"query": …, "items": [UID, path or URL, …]}}``; PATCH replaces a
group ``{"synonyms": {"term": …, "terms": […]}}`` or the pages of an existing best
bet; DELETE removes ``{"synonym": term}`` or ``{"best_bet": query}`` (also as query
string parameters). Same validation and permission as the control panel.
"""

import transaction
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides

from zhengwu import _
from zhengwu.search.curation import changes
from zhengwu.search.curation import storage
from zhengwu.search.curation.targets import find_published


def _page(site, uid):
    brain = find_published(site, uid)
    if brain is None:
        return {"UID": uid, "@id": None, "title": None}
    return {"UID": uid, "@id": brain.getURL(), "title": brain.Title}


def curation_state(site):
    """The synonym groups and best bets of ``site`` as plain data."""
    store = storage.store_of(site)
    return {
        "@id": f"{site.absolute_url()}/@search-curation",
        "synonyms": storage.synonym_groups(site),
        "best_bets": [
            {
                "query": bet.query,
                "items": [_page(site, uid) for uid in bet.uids],
                "creator": bet.creator,
                "modified": bet.modified.isoformat(),
            }
            for bet in storage.all_best_bets(site)
        ],
        "synonyms_pending": bool(store is not None and store.synonyms_pending),
    }


class CurationGet(Service):
    def reply(self):
        return curation_state(self.context)


class _CurationChange(Service):
    """Runs one change; a refused one answers 400 with the reason, storing nothing."""

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
            self.request.response.setStatus(400)
            message = getattr(error, "message", None) or _(
                "The request body does not say what to change."
            )
            return {
                "error": {
                    "type": "BadRequest",
                    "message": translate(message, context=self.request),
                }
            }
        self.request.response.setStatus(self.success_status)
        state = curation_state(self.context)
        state["message"] = translate(change.message, context=self.request)
        state["synced"] = change.synced
        if not change.synced:
            state["warning"] = translate(changes.SOLR_LATER, context=self.request)
        return state


def _items(data):
    items = data["items"]
    if isinstance(items, str) or not isinstance(items, list):
        raise TypeError("items must be a list")
    return [str(item) for item in items]


def _terms(terms):
    if isinstance(terms, str):
        return storage.parse_terms(terms)
    if not isinstance(terms, list):
        raise TypeError("terms must be a list")
    return [str(term) for term in terms]


class CurationPost(_CurationChange):
    success_status = 201

    def change(self, site, body):
        if "synonyms" in body:
            return changes.add_group(site, _terms(body["synonyms"]))
        bet = body["best_bet"]
        user = api.user.get_current().getId() or ""
        return changes.pin(site, str(bet["query"]), _items(bet), user)


class CurationPatch(_CurationChange):
    def change(self, site, body):
        if "synonyms" in body:
            group = body["synonyms"]
            terms = _terms(group["terms"])
            return changes.change_group(site, str(group["term"]), terms)
        bet = body["best_bet"]
        query = str(bet["query"])
        if storage.best_bet(site, query) is None:
            raise storage.CurationError(
                _("No best bet for the query ${query}.", mapping={"query": query})
            )
        user = api.user.get_current().getId() or ""
        return changes.pin(site, str(bet["query"]), _items(bet), user)


class CurationDelete(_CurationChange):
    def change(self, site, body):
        wanted = {**self.request.form, **body}
        if "synonym" in wanted:
            return changes.remove_group(site, str(wanted["synonym"]))
        return changes.unpin(site, str(wanted["best_bet"]))
