"""What a visitor may ask for: batch start, batch size and query length.

One home for the limits every listing, search and REST endpoint applies before
anything is queried: collective.solr pads a result batch with ``b_start`` empty
places, so ``b_start=1000000000`` alone once took 16 GB.
"""

from zExceptions import BadRequest
from zope.globalrequest import getRequest
from zope.i18n import translate

from zhengwu import _

MAX_B_START = 10_000
# plone.restapi's default batch is 25; the powers list pages by up to 100.
MAX_B_SIZE = 100
MAX_QUERY_LENGTH = 200


def _refuse(message):
    # plain BadRequest: Zope and plone.rest map the class name to the status 400
    raise BadRequest(translate(message, context=getRequest()))


def whole_number(value, name, default, lowest, highest):
    """``value`` as an int from ``lowest`` to ``highest``; BadRequest otherwise.

    None (not given) gives ``default``; an empty value is no number.
    """
    if value is None:
        return default
    try:
        number = int(value) if not isinstance(value, (bool, float)) else None
    except (TypeError, ValueError):
        number = None
    if number is None or not lowest <= number <= highest:
        _refuse(
            _(
                "'${name}' must be a whole number from ${lowest} to ${highest}.",
                mapping={"name": name, "lowest": lowest, "highest": highest},
            )
        )
    return number


def batch_start(form, default=0):
    """``b_start`` of a form (or JSON body): 0 to MAX_B_START."""
    return whole_number(form.get("b_start"), "b_start", default, 0, MAX_B_START)


def batch_size(form, default):
    """``b_size`` of a form (or JSON body): 1 to MAX_B_SIZE."""
    return whole_number(form.get("b_size"), "b_size", default, 1, MAX_B_SIZE)


def query_text(value, name, limit=MAX_QUERY_LENGTH):
    """A query text at most ``limit`` characters long; BadRequest otherwise."""
    if value is None:
        return ""
    if isinstance(value, dict):  # plone.restapi's {"query": …} form
        value = value.get("query", "")
    if isinstance(value, (list, tuple)):
        value = " ".join(str(part) for part in value)
    text = str(value)
    if len(text) > limit:
        _refuse(
            _(
                "'${name}' is longer than ${limit} characters.",
                mapping={"name": name, "limit": limit},
            )
        )
    return text
