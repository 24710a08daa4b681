"""Form data Zope cannot read is the visitor's error: 400, not 500.

Zope converts typed form fields (``count:int``, ``when:date``, ``size:float`` …)
while it reads the request, before traversal, and lets a converter's error
through: ``?count:int=abc`` answered 500 on every page of every site. Likewise a
``:record`` field named like a record's own methods (``items:record=1``) hides
the method from every form that reads the record. The subscriber wraps the
request's ``processInputs`` (called right after ``IPubStart``) so that such input
becomes a ``BadRequest`` naming the cause.
"""

from zExceptions import BadRequest
from ZPublisher.HTTPRequest import record

# record.__getattr__ serves these from the record's dict; a field so named hides it
RECORD_METHODS = frozenset(("get", "keys", "items", "values", "copy"))


def _records(value):
    if isinstance(value, record):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _records(item)


def check_records(form):
    """BadRequest for a record with a field named like one of its methods."""
    for key, value in form.items():
        for found in _records(value):
            hiding = RECORD_METHODS.intersection(vars(found))
            if hiding:
                name = sorted(hiding)[0]
                raise BadRequest(f"The form field {key}.{name} is not allowed.")


def _reading_with_bad_request(request):
    process_inputs = request.processInputs

    def process_inputs_or_bad_request(*args, **kwargs):
        try:
            result = process_inputs(*args, **kwargs)
        except BadRequest:
            raise
        except Exception as error:  # a converter's error: the input is bad
            raise BadRequest(f"The form data cannot be read: {error}") from error
        check_records(request.form)
        return result

    return process_inputs_or_bad_request


def read_form_or_bad_request(event):
    """IPubStart: the request's form data is read with bad input as a 400."""
    request = event.request
    if "processInputs" not in request.__dict__:
        request.processInputs = _reading_with_bad_request(request)
