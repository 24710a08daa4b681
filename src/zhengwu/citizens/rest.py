"""REST of the citizens: ``GET @recommendations`` and the checked ``@users`` PATCH.

``@recommendations`` on the site or a language root answers the logged-in member's
profile (phone masked), the guides recommended to them and the questions about
those guides; anonymous callers get 401.
"""

from AccessControl import Unauthorized
from plone import api
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services import Service
from plone.restapi.services.users.update import UsersPatch

from zhengwu.citizens.summary import recommendations_for
from zhengwu.citizens.validation import profile_error


class RecommendationsGet(Service):
    def reply(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see your recommendations.")
        data = recommendations_for(self.context, self.request, api.user.get_current())
        data["@id"] = f"{self.context.absolute_url()}/@recommendations"
        return data


class CitizenUsersPatch(UsersPatch):
    """plone.restapi's ``@users`` PATCH, refusing bad citizen fields with 400 (it
    stores any property as sent; Plone's forms check them)."""

    def reply(self):
        try:
            values = json_body(self.request)
        except DeserializationError:
            values = None
        error = profile_error(values) if isinstance(values, dict) else None
        if error:
            return self._error(400, "BadRequest", error)
        return super().reply()
