"""plone.restapi's ``@users`` PATCH, refusing bad citizen fields with 400.

plone.restapi stores any property as sent; Plone's forms check them
(``citizens/validation.py``).
"""

from plone.restapi.services.users.update import UsersPatch
from zExceptions import BadRequest
from zExceptions import NotFound

from zhengwu.bounds.body import json_object
from zhengwu.citizens.validation import profile_error


class CitizenUsersPatch(UsersPatch):
    """``@users/<id>`` PATCH: the citizen fields checked first."""

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
