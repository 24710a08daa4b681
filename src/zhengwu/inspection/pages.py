"""The links of the published pages: rich text, link fields and relations.

A portal type is read only when its schema (with behaviours) has such a field, so
the thousands of powers items without one are never woken.
"""

from dataclasses import dataclass

import lxml.html
from Acquisition import aq_base
from plone import api
from plone.app.textfield.interfaces import IRichText
from plone.dexterity.utils import iterSchemataForType
from z3c.relationfield.interfaces import IRelation
from z3c.relationfield.interfaces import IRelationList
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IURI

# What a visitor sees: published items, and the question board's public questions.
PUBLIC_STATES = ("published", "open", "answered", "closed")
LINK_FIELD_NAMES = ("remoteUrl",)


@dataclass(frozen=True)
class PageLink:
    """A link of a page: an address, or a relation (``broken`` when its target is
    gone)."""

    page: object
    href: str
    relation: bool = False
    broken: bool = False


def link_fields(portal_type):
    """(rich text names, link field names, relation field names) of a type."""
    rich, links, relations = [], [], []
    try:
        schemata = list(iterSchemataForType(portal_type))
    except Exception:  # noqa: BLE001 - not a dexterity type
        return (), (), ()
    for schema in schemata:
        for name, field in getFieldsInOrder(schema):
            if IRichText.providedBy(field):
                rich.append(name)
            elif IURI.providedBy(field) or name in LINK_FIELD_NAMES:
                links.append(name)
            elif IRelation.providedBy(field) or IRelationList.providedBy(field):
                relations.append(name)
    return tuple(rich), tuple(links), tuple(relations)


def types_with_links():
    """{portal type: its fields} of the types that can hold a link."""
    found = {}
    for portal_type in api.portal.get_tool("portal_types").objectIds():
        fields = link_fields(portal_type)
        if any(fields):
            found[portal_type] = fields
    return found


def hrefs_in(html):
    """The addresses of the links and images of an HTML fragment."""
    if not html or not html.strip():
        return []
    try:
        tree = lxml.html.fromstring(f"<div>{html}</div>")
    except (ValueError, lxml.etree.ParserError):
        return []
    return [link for _element, _attribute, link, _pos in tree.iterlinks()]


def _relations(value):
    items = value if isinstance(value, list | tuple) else [value]
    return [item for item in items if item is not None]


def links_of(obj, fields):
    """Every PageLink of ``obj`` for its (rich, links, relations) fields."""
    rich, links, relations = fields
    found = []
    for name in rich:
        value = getattr(aq_base(obj), name, None)
        for href in hrefs_in(getattr(value, "raw", None)):
            found.append(PageLink(obj, href))
    for name in links:
        value = getattr(aq_base(obj), name, None)
        if isinstance(value, str) and value.strip():
            found.append(PageLink(obj, value.strip()))
    for name in relations:
        for relation in _relations(getattr(aq_base(obj), name, None)):
            broken = relation.isBroken() or relation.to_object is None
            found.append(PageLink(obj, relation.to_path or "", True, broken))
    return found


def published_links(site):
    """The links of every public page of ``site``."""
    catalog = api.portal.get_tool("portal_catalog")
    types = types_with_links()
    if not types:
        return
    for brain in catalog.unrestrictedSearchResults(
        portal_type=list(types),
        review_state=PUBLIC_STATES,
        path="/".join(site.getPhysicalPath()),
    ):
        obj = brain._unrestrictedGetObject()
        yield from links_of(obj, types[brain.portal_type])
