"""The POST views of the question page: vote, accept, report, answer.

Each needs a POST with Plone's CSRF token and a logged-in member (Plone answers an
anonymous visitor with its login form), acts through the participation modules and
sends the visitor back to the question with a status message. ``@@answer`` shows
the question page again, with the typed text, when the answer is refused.
"""

import logging

from plone import api
from plone.protect.authenticator import check as check_authenticator
from Products.Five.browser import BrowserView
from zExceptions import BadRequest
from zExceptions import Forbidden
from zExceptions import Unauthorized

from zhengwu import _
from zhengwu.participation import moderation
from zhengwu.participation import posting
from zhengwu.participation import states
from zhengwu.participation import votes
from zhengwu.participation.browser.labels import current_userid
from zhengwu.participation.browser.question import REPORT_REASONS
from zhengwu.participation.browser.question import is_owner
from zhengwu.safety.honeypot import is_bot
from zhengwu.safety.text import PostError
from zhengwu.safety.text import clean_plain_text

logger = logging.getLogger(__name__)
NOTE_MAX = 400


def question_of(post):
    return post if post.portal_type == "Question" else post.question()


class _PostAction(BrowserView):
    """A POST from the question page; subclasses ``act()`` and return a message."""

    message_type = "info"

    def __call__(self):
        if self.request.method != "POST":
            raise BadRequest("POST only")
        check_authenticator(self.request)  # Forbidden without the token
        self.userid = current_userid()
        if self.userid is None:
            raise Unauthorized("Log in first.")
        message = self.act()
        if message is not None:
            api.portal.show_message(message, self.request, type=self.message_type)
        return self.back()

    def back(self, anchor=""):
        question = question_of(self.context)
        if self.context is not question and not anchor:
            anchor = f"answer-{self.context.getId()}"
        url = question.absolute_url() + (f"#{anchor}" if anchor else "")
        self.request.response.redirect(url)
        return ""

    def refuse(self, message):
        self.message_type = "error"
        return message


class VoteView(_PostAction):
    """``@@vote``: ``action=add`` (default) or ``action=remove``."""

    def act(self):
        if self.context.portal_type not in votes.VOTABLE_TYPES:
            raise BadRequest("Not a post")
        if is_owner(self.context, self.userid):
            return self.refuse(_("You cannot vote for your own post."))
        if api.content.get_state(question_of(self.context)) not in (
            "open",
            "answered",
            "closed",
        ):
            return self.refuse(_("Only public posts get votes."))
        if self.request.form.get("action") == "remove":
            votes.remove_vote(self.context, self.userid)
            return _("Your vote has been withdrawn.")
        votes.add_vote(self.context, self.userid)
        return _("Thank you for your vote.")


class AcceptView(_PostAction):
    """``@@accept`` on an answer: the asker accepts it, which closes the question."""

    def act(self):
        question = self.context.question()
        if not is_owner(question, self.userid):
            raise Unauthorized("Only the asker accepts an answer.")
        if api.content.get_state(self.context, default=None) != "published":
            return self.refuse(_("Only a published answer can be accepted."))
        if getattr(question, "accepted_answer", None):
            return self.refuse(_("An answer has been accepted already."))
        states.accept(question, self.context)
        return _("You have accepted this answer. The question is resolved.")


class ReportView(_PostAction):
    """``@@report`` on a question or an answer: it waits for the moderators."""

    def act(self):
        reason = self.request.form.get("reason")
        if not isinstance(reason, str) or reason not in REPORT_REASONS:
            return self.refuse(_("Please choose what is wrong with the post."))
        try:
            note = clean_plain_text(
                self.request.form.get("note", "") or "",
                NOTE_MAX,
                field="note",
                required=False,
            )
            posting.check_rate(self.request, self.userid)
        except PostError as error:
            return self.refuse(error.message)
        text = api.portal.translate(REPORT_REASONS[reason], lang="zh_CN")
        moderation.report(self.context, f"{text}: {note}" if note else text)
        return _("Thank you. The moderators will look at your report.")


class AnswerView(BrowserView):
    """``@@answer`` on a question: a citizen's answer through ``posting``."""

    def __call__(self):
        if self.request.method != "POST":
            raise BadRequest("POST only")
        if api.user.is_anonymous():
            raise Unauthorized("Log in to answer.")
        text = self.request.form.get("text", "")
        text = text if isinstance(text, str) else ""
        try:
            check_authenticator(self.request)
        except Forbidden:
            self.request.response.setStatus(403)
            return self.again(text, _("Your form has expired. Please send it again."))
        if is_bot(self.request.form):
            logger.info("Answer with the honeypot filled in: not posted")
            return self.done(None)
        try:
            answer = posting.answer_question(self.context, self.request, text)
        except PostError as error:
            return self.again(text, error.message)
        return self.done(answer)

    def again(self, text, message):
        view = api.content.get_view("view", self.context, self.request)
        view.answer_text = text
        view.answer_error = message
        return view()

    def done(self, answer):
        held = answer is None or api.content.get_state(answer) != "published"
        message = (
            _("Thank you. Your answer is awaiting moderation.")
            if held
            else _("Thank you. Your answer has been published.")
        )
        api.portal.show_message(message, self.request)
        anchor = f"#answer-{answer.getId()}" if answer is not None else ""
        self.request.response.redirect(self.context.absolute_url() + anchor)
        return ""
