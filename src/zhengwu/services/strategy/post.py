"""``POST @strategy`` on the board: ``{"title", "text", "guide": UID}``.

The posting checks of the strategy form; 201 with the new strategy, 400 naming
the field, 429 with ``Retry-After`` (``services/posts.py``).
"""

from zhengwu.bounds.body import text_field
from zhengwu.participation import posting
from zhengwu.services.posts import PostService
from zhengwu.services.posts import guide_relation


class StrategyPost(PostService):
    def create(self, data):
        return posting.write_strategy(
            self.context,
            self.request,
            text_field(data, "title"),
            text_field(data, "text"),
            guide=guide_relation(text_field(data, "guide")),
        )
