"""``@@ask`` on the board (我要提问): a member's question, through ``posting``.

The form keeps what was typed when it is refused (a field's error beside it, the
rate limit above the form); a question that is accepted awaits moderation, and
the asker is sent to it. While the title is typed, ``static/ask.js`` lists the
published questions and guides like it (``@similar-questions``).
"""

import logging

from plone import api
from plone.protect.authenticator import check as check_authenticator
from Products.Five.browser import BrowserView
from z3c.relationfield import RelationValue
from zExceptions import Forbidden
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

from zhengwu import _
from zhengwu.content.question import DETAILS_MAX
from zhengwu.participation import posting
from zhengwu.participation.browser.labels import catalog_search
from zhengwu.safety.honeypot import HONEYPOT_FIELD
from zhengwu.safety.honeypot import HONEYPOT_LABEL
from zhengwu.safety.honeypot import is_bot
from zhengwu.safety.text import PostError

logger = logging.getLogger(__name__)
FIELDS = ("title", "details", "guide")


def _text(value):
    return value if isinstance(value, str) else ""


def published_guide(context, uid):
    """The brain of the published guide with ``uid``, or None."""
    if not uid:
        return None
    brains = catalog_search(UID=uid, portal_type="Guide", review_state="published")
    return brains[0] if len(brains) else None


class AskView(BrowserView):
    title_max = posting.TITLE_MAX
    details_max = DETAILS_MAX
    honeypot_field = HONEYPOT_FIELD
    honeypot_label = HONEYPOT_LABEL

    def __call__(self):
        self.errors = {}
        self.message = None
        self.form = {name: _text(self.request.form.get(name, "")) for name in FIELDS}
        if self.request.method == "POST" and "form.submitted" in self.request.form:
            return self._handle()
        return self.index()

    def _handle(self):
        try:
            check_authenticator(self.request)
        except Forbidden:
            self.request.response.setStatus(403)
            self.message = _("Your form has expired. Please send it again.")
            return self.index()
        if is_bot(self.request.form):
            logger.info("Question with the honeypot filled in: not posted")
            return self._done(None)
        guide = published_guide(self.context, self.form["guide"])
        if self.form["guide"] and guide is None:
            self.errors["guide"] = _("Please choose a guide from the list.")
            return self.index()
        try:
            question = posting.ask_question(
                self.context,
                self.request,
                self.form["title"],
                self.form["details"],
                guide=self._relation(guide),
            )
        except PostError as error:
            if error.field in FIELDS:
                self.errors[error.field] = error.message
            else:
                self.message = error.message
            return self.index()
        return self._done(question)

    def _relation(self, brain):
        if brain is None:
            return None
        return RelationValue(getUtility(IIntIds).getId(brain.getObject()))

    def _done(self, question):
        api.portal.show_message(
            _(
                "Thank you. Your question is awaiting moderation and will be "
                "public once a moderator has approved it."
            ),
            self.request,
        )
        target = question if question is not None else self.context
        self.request.response.redirect(target.absolute_url())
        return ""

    # what the template shows

    def guides(self):
        """The published guides of the board's language root, by title."""
        root = self.context.aq_parent
        brains = catalog_search(
            portal_type="Guide",
            review_state="published",
            path="/".join(root.getPhysicalPath()),
            sort_on="sortable_title",
        )
        chosen = self.form["guide"]
        return [
            {"value": brain.UID, "title": brain.Title, "selected": chosen == brain.UID}
            for brain in brains
        ]

    def similar_url(self):
        return f"{self.context.absolute_url()}/@similar-questions"

    def script_url(self):
        portal_url = api.portal.get().absolute_url()
        return f"{portal_url}/++resource++zhengwu.participation/ask.js"
