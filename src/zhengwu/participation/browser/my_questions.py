"""``@@my-questions`` (我的提问): a member's own questions in every state, and their
answers, each with its state and a moderator's reason when it was not approved."""

from plone import api
from Products.Five.browser import BrowserView
from zExceptions import Unauthorized

from zhengwu.formatting import format_date
from zhengwu.participation.board import board_of
from zhengwu.participation.browser.labels import catalog_search
from zhengwu.participation.browser.labels import last_comment
from zhengwu.participation.browser.labels import state_badge
from zhengwu.sites.roots import language_root_of
from zhengwu.vocabularies.departments import default_language_root
from zhengwu.vocabularies.language import language_of

LIMIT = 200


class MyQuestionsView(BrowserView):
    def __call__(self):
        if api.user.is_anonymous():
            # Plone answers with its login form, coming back here afterwards.
            raise Unauthorized("Log in to see your questions.")
        self.userid = api.user.get_current().getId()
        self.language = language_of(self.context)
        return self.index()

    def _mine(self, portal_type):
        return catalog_search(
            portal_type=portal_type,
            Creator=self.userid,
            sort_on="created",
            sort_order="descending",
            sort_limit=LIMIT,
        )[:LIMIT]

    def _row(self, brain):
        return {
            "url": brain.getURL(),
            "question_url": brain.getURL().rsplit("/", 1)[0]
            if brain.portal_type != "Question"
            else brain.getURL(),
            "title": brain.Title,
            "badge": state_badge(brain.review_state),
            "date": format_date(brain.created, self.language),
            "iso_date": brain.created.ISO8601()[:10],
            # Only refused posts are woken, for the moderator's reason.
            "reason": last_comment(brain.getObject())
            if brain.review_state == "rejected"
            else "",
        }

    def questions(self):
        return [self._row(brain) for brain in self._mine("Question")]

    def answers(self):
        return [self._row(brain) for brain in self._mine("Answer")]

    def board_url(self):
        root = language_root_of(self.context) or default_language_root()
        board = board_of(root) if root is not None else None
        return board.absolute_url() if board is not None else None
