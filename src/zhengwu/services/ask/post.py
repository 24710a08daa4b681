"""``POST @ask`` on the board: a citizen asks ``{"title", "details", "guide": UID}``.

The posting checks of the ask form; 201 with the new question, 400 naming the
field, 429 with ``Retry-After`` (``services/posts.py``).
"""

from zhengwu.bounds.body import text_field
from zhengwu.participation import posting
from zhengwu.services.posts import PostService
from zhengwu.services.posts import guide_relation


class AskPost(PostService):
    def create(self, data):
        return posting.ask_question(
            self.context,
            self.request,
            text_field(data, "title"),
            text_field(data, "details"),
            guide=guide_relation(text_field(data, "guide")),
        )
