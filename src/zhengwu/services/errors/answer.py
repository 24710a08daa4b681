"""The error a service answers itself: the status set, the reason as JSON.

The same ``{"error": {"type", "message"}}`` body as plone.restapi's own services
(``users``, ``workflow``) answer, for errors a service finds in what it was sent;
nothing it wrote is committed (``doom.py``).
"""


def error_answer(request, status, message, kind="BadRequest", **fields):
    """Set ``status`` and return the error body; ``fields`` add to it."""
    request.response.setStatus(status)
    return {"error": {"type": kind, "message": message, **fields}}
