"""What the citizens' pages of the catalogue types share: the rich text, the
publishing department and the items a visitor may open (no portlet columns:
``theming/portlets.py``)."""

from plone import api

from zhengwu.browser.terms import term_title
from zhengwu.formatting import format_date
from zhengwu.vocabularies.language import language_of


def rich_text(obj):
    """The item's text as safe HTML, or None."""
    text = getattr(obj, "text", None)
    return text.output_relative_to(obj) if text else None


def department_title(obj):
    """The publishing department's name, or None."""
    value = getattr(obj, "department", None)
    return term_title(obj, "zhengwu.Departments", value)


def visible(obj):
    """True when the current visitor may open ``obj``."""
    return obj is not None and bool(api.user.has_permission("View", obj=obj))


def date_text(obj, value):
    """A date field in the item's language, or None."""
    return format_date(value, language_of(obj)) if value else None


def fixed_title(vocabulary, value):
    """The title (a translatable message) of ``value`` in a fixed vocabulary."""
    if value in (None, ""):
        return None
    try:
        return vocabulary.getTerm(value).title
    except LookupError:
        return value
