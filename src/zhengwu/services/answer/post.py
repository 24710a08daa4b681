"""``POST @answer`` on a question: ``{"text"}``, through the posting checks.

201 with the new answer, 400 naming the field, 429 with ``Retry-After``
(``services/posts.py``); on a question the user cannot view, 404
(``services/access.py``).
"""

from zhengwu.bounds.body import text_field
from zhengwu.participation import posting
from zhengwu.services.access import VisibleOnly
from zhengwu.services.posts import PostService


class AnswerPost(VisibleOnly, PostService):
    def create(self, data):
        return posting.answer_question(
            self.context, self.request, text_field(data, "text")
        )
