"""Checks of the citizen fields, the same on Plone's forms and over REST."""

from z3c.form.validator import SimpleFieldValidator
from zope.interface import Invalid

from zhengwu import _
from zhengwu.citizens import profile
from zhengwu.masking import is_mobile_phone

BAD_PHONE = _("A mobile number has 11 digits and starts with 1, e.g. 13812345678.")
BAD_KIND = _("Choose resident or enterprise.")
BAD_TAGS = _("Choose situations from the list.")


def phone_error(value):
    """The message for a phone number that is not a mobile number, else None."""
    if value in (None, "") or is_mobile_phone(value):
        return None
    return BAD_PHONE


def profile_error(values):
    """The message for the first bad citizen value in ``values``, else None."""
    if profile.PHONE in values:
        error = phone_error(values[profile.PHONE])
        if error:
            return error
    kind = values.get(profile.KIND)
    if kind not in (None, "") and kind not in profile.AUDIENCE_OF_KIND:
        return BAD_KIND
    tags = values.get(profile.TAGS)
    if tags not in (None, ""):
        if isinstance(tags, str) or not isinstance(tags, (list, tuple)):
            return BAD_TAGS
        if not set(tags) <= set(profile.tag_values()):
            return BAD_TAGS
    return None


class CitizenPhoneValidator(SimpleFieldValidator):
    """The registration and personal-information forms' text lines; the phone
    field must hold a mobile number (the TTW member schema has no constraints)."""

    def validate(self, value, force=False):
        super().validate(value, force)
        if self.field.__name__ == profile.PHONE:
            error = phone_error(value)
            if error:
                raise Invalid(error)
