"""REST of the citizens: ``GET @recommendations`` and the checked ``@users`` PATCH.

``@recommendations`` on the site or a language root answers the logged-in member's
profile (phone masked), the guides recommended to them and the questions about
those guides; anonymous callers get 401.
"""

from AccessControl import Unauthorized
from plone import api
from plone.restapi.services import Service
from plone.restapi.services.users.update import UsersPatch
from zExceptions import BadRequest
from zExceptions import NotFound

from zhengwu.bounds.body import json_object
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
        values = json_object(self.request)
        if len(self.params) != 1:  # plone.restapi raises a bare Exception: 500
            raise BadRequest("Name the user to change: PATCH @users/<user id>.")
        if self.can_manage_users and self._get_user(self.params[0]) is None:
            raise NotFound(f"No user {self.params[0]!r}.")
        error = profile_error(values)
        if error:
            return self._error(400, "BadRequest", error)
        return super().reply()
