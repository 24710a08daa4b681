"""Catalog and Solr values of the content model's fields.

Each name has an indexer for the content that carries the field and one for
everything else that raises AttributeError: without it the catalog would acquire
the value from a container (a File inside a DisclosureRecord would get the
record's index number).
"""

from Acquisition import aq_base
from plone.indexer import indexer
from plone.uuid.interfaces import IUUID
from zope.interface import Interface

from zhengwu.behaviors.audience import IAudience
from zhengwu.behaviors.department import IOwnerDepartment
from zhengwu.behaviors.department import department_of
from zhengwu.behaviors.review import INextReview
from zhengwu.content.disclosure_record import IDisclosureRecord
from zhengwu.content.guide import IGuide


@indexer(Interface)
def not_indexed(obj):
    raise AttributeError("not indexed for this type")


def _own(obj, name):
    """The value stored on ``obj`` itself (or its schema default), never acquired."""
    value = getattr(aq_base(obj), name, None)
    if value in (None, "", [], ()):
        raise AttributeError(name)
    return value


@indexer(IOwnerDepartment)
def department(obj):
    """The owner department's id; the enclosing Department when none is stored."""
    value = getattr(aq_base(obj), "department", None)
    if value:
        return value
    container = department_of(obj)
    if container is None:
        raise AttributeError("department")
    return container.getId()


@indexer(IGuide)
def service_code(obj):
    return _own(obj, "service_code")


@indexer(IAudience)
def audience(obj):
    return _own(obj, "audience")


@indexer(IAudience)
def audience_tags(obj):
    return _own(obj, "audience_tags")


@indexer(INextReview)
def next_review(obj):
    return _own(obj, "next_review")


@indexer(IDisclosureRecord)
def index_number(obj):
    return _own(obj, "index_number")


@indexer(Interface)
def guide_uid(obj):
    """The UID of the guide a strategy or power item points to."""
    relation = getattr(aq_base(obj), "guide", None)
    target = getattr(relation, "to_object", None)
    if target is None:
        raise AttributeError("guide_uid")
    return IUUID(target)
