"""A relation to one item of a given type (a guide, a disclosure record)."""

from z3c.relationfield.schema import RelationChoice
from zope.schema.interfaces import ValidationError

from zhengwu import _

# The types a ``guide`` relation ties to a service guide (a thread, a strategy):
# their search results group under the guide (indexers/evidence.py).
ABOUT_GUIDE_TYPES = ("Question", "Strategy")


class WrongTargetType(ValidationError):
    __doc__ = _("The related item is not of the expected type.")


def relation_to(portal_type, **kwargs):
    """A RelationChoice field that accepts only items of ``portal_type``."""

    def is_target(value):
        if getattr(value, "portal_type", None) != portal_type:
            raise WrongTargetType(value)
        return True

    return RelationChoice(
        vocabulary="plone.app.vocabularies.Catalog", constraint=is_target, **kwargs
    )


def widget_options(portal_type):
    """Options of the content-browser widget that let editors pick ``portal_type``."""
    return {"pattern_options": {"selectableTypes": [portal_type]}}
