"""@@for-me (为我推荐): the guides and questions for the logged-in citizen."""

from AccessControl import Unauthorized
from plone import api
from Products.Five.browser import BrowserView

from zhengwu.citizens.summary import recommendations_for


class ForMeView(BrowserView):
    def __call__(self):
        if api.user.is_anonymous():
            # Plone answers with its login form, coming back here afterwards.
            raise Unauthorized("Log in to see your recommendations.")
        self.data = recommendations_for(
            self.context, self.request, api.user.get_current()
        )
        return self.index()

    def tag_guides(self):
        return [guide for guide in self.data["guides"] if guide["matches_tags"]]

    def other_guides(self):
        return [guide for guide in self.data["guides"] if not guide["matches_tags"]]
