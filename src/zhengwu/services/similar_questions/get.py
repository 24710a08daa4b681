"""``GET @similar-questions?q=`` on the board: published questions and guides like
the text, for the ask form's hint (``participation/similar.py``)."""

from plone.restapi.services import Service

from zhengwu.participation.similar import similar_to


class SimilarGet(Service):
    def reply(self):
        return {"items": similar_to(self.context, self.request.form.get("q", ""))}
