"""``GET @recommendations`` on the site or a language root: the logged-in member's
profile (phone masked), the guides recommended to them and the questions about
those guides; visitors get 401."""

from plone.restapi.services import Service

from zhengwu.citizens.summary import recommendations_for
from zhengwu.services.access import current_member


class RecommendationsGet(Service):
    def reply(self):
        member = current_member("Log in to see your recommendations.")
        data = recommendations_for(self.context, self.request, member)
        data["@id"] = f"{self.context.absolute_url()}/@recommendations"
        return data
