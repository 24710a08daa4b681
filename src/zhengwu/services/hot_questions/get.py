"""``GET @hot-questions``: the hot questions, what made them hot, the hot topics."""

from plone.restapi.services import Service

from zhengwu.participation.hot import hot_state


class HotQuestionsGet(Service):
    def reply(self):
        return hot_state(self.context)
