"""@@search-curation: editors keep the site's synonym groups and best bets.

One page, two sections, one small form per action, each CSRF-protected with
plone.protect. Invalid input re-renders the page with the error and what was typed;
a change redirects back with a status message (and a warning when Solr has not got
the synonyms yet). ``?synonym=`` and ``?best_bet=`` prefill the forms (links from the
zero-result report).
"""

from urllib.parse import urlencode

import transaction
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate

from zhengwu.formatting import format_datetime
from zhengwu.search.curation import changes
from zhengwu.search.curation import storage
from zhengwu.search.curation.targets import find_published

ACTIONS = ("add_group", "remove_group", "save_best_bet", "remove_best_bet")


def safe_text(value):
    """A form value as text; a repeated field (a list) counts as empty."""
    return value if isinstance(value, str) else ""


class SearchCurationView(BrowserView):
    error = None  # (section, message) of a refused change

    def __call__(self):
        form = self.request.form
        self.typed = {
            "terms": safe_text(form.get("synonym", "")),
            "query": safe_text(form.get("best_bet", "")),
            "pages": self._pages_of(form.get("best_bet", "")),
        }
        action = next((name for name in ACTIONS if name in form), None)
        if self.request.method == "POST" and action:
            CheckAuthenticator(self.request)
            if self._run(action, form):
                return self.request.response.redirect(self.url())
        return self.index()

    def url(self):
        return f"{self.context.absolute_url()}/@@search-curation"

    def _run(self, action, form):
        site = self.context
        text = {
            key: safe_text(form.get(key, "")) for key in ("terms", "query", "pages")
        }
        self.typed.update(text)
        section = "synonyms" if action.endswith("group") else "best_bets"
        try:
            if action == "add_group":
                change = changes.add_group(site, storage.parse_terms(text["terms"]))
            elif action == "remove_group":
                change = changes.remove_group(site, safe_text(form.get("term", "")))
            elif action == "save_best_bet":
                user = api.user.get_current().getId() or ""
                pages = text["pages"].splitlines()
                change = changes.pin(site, text["query"], pages, user)
            else:
                change = changes.unpin(site, text["query"])
        except storage.CurationError as error:
            transaction.doom()
            self.error = (section, error.message)
            self.request.response.setStatus(400)
            return False
        messages = IStatusMessage(self.request)
        messages.add(change.message, type="info")
        if not change.synced:
            messages.add(changes.SOLR_LATER, type="warning")
        return True

    def _pages_of(self, query):
        """The site-relative paths of the pages pinned to ``query``, one a line."""
        return "\n".join(
            page["path"]
            for page in self._pages(
                storage.best_bets_for(self.context, safe_text(query))
            )
        )

    def _pages(self, uids):
        site_path = "/".join(self.context.getPhysicalPath())
        pages = []
        for uid in uids:
            brain = find_published(self.context, uid)
            if brain is None:
                pages.append({"uid": uid, "title": uid, "url": None, "path": uid})
                continue
            path = brain.getPath()[len(site_path) + 1 :]
            pages.append(
                {"uid": uid, "title": brain.Title, "url": brain.getURL(), "path": path}
            )
        return pages

    def error_in(self, section):
        if self.error and self.error[0] == section:
            return translate(self.error[1], context=self.request)
        return None

    def groups(self):
        return storage.synonym_groups(self.context)

    def best_bets(self):
        return [
            {
                "query": bet.query,
                "edit": f"{self.url()}?{urlencode({'best_bet': bet.query})}",
                "pages": self._pages(bet.uids),
                "creator": bet.creator,
                "modified": format_datetime(
                    bet.modified, self.request.get("LANGUAGE", "zh")
                ),
            }
            for bet in storage.all_best_bets(self.context)
        ]

    def synonyms_pending(self):
        store = storage.store_of(self.context)
        return bool(store is not None and store.synonyms_pending)
