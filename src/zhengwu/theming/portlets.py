"""Pages of citizens without Plone's portlet columns (no stray navigation tree)."""

PORTLET_COLUMNS = ("plone.leftcolumn", "plone.rightcolumn")


def without_portlets(request):
    """Plone's portlet columns stay empty on this page."""
    for manager in PORTLET_COLUMNS:
        request.set(f"disable_{manager}", 1)
