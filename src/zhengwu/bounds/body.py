"""Read a REST request's JSON body: an object with fields of the right type, or 400.

plone.restapi's ``json_body`` raises ``DeserializationError`` for a body that is
not JSON or not an object, which plone.rest answers with a 500; the services read
their body here instead (``errors.py`` answers the stock services' 400).
"""

from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from zExceptions import BadRequest
from zope.globalrequest import getRequest
from zope.i18n import translate

from zhengwu import _


def json_object(request):
    """The body as a dict; BadRequest when it is not a JSON object."""
    try:
        return json_body(request)
    except DeserializationError:
        raise BadRequest(
            translate(_("The request body must be a JSON object."), context=request)
        ) from None


def text_field(data, name, default=""):
    """``data[name]`` as a string (``default`` when absent or null); BadRequest
    when it is a number, a list or an object."""
    value = data.get(name)
    if value is None:
        return default
    if not isinstance(value, str):
        raise BadRequest(
            translate(
                _("'${name}' must be a text.", mapping={"name": name}),
                context=getRequest(),
            )
        )
    return value
