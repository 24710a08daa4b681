"""The editors' hot list page (热点问题), ``@@hot-questions``.

On a language root: the hot questions with what made them hot, the hot search
topics and whether one was answered first; the form answers a topic first with
an officially answered question (``hot.answer_topic_first``). Its REST twin is
``services/hot_questions/``.
"""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView

from zhengwu import _
from zhengwu.participation.hot import answer_topic_first
from zhengwu.participation.hot import hot_state


class HotQuestionsView(BrowserView):
    def __call__(self):
        self.error = None
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            form = self.request.form
            self.error = answer_topic_first(form.get("query"), form.get("question"))
            if self.error is None:
                api.portal.show_message(
                    _("The answer now comes first for this search."), self.request
                )
        self.state = hot_state(self.context)
        return self.index()
