"""Solr's own parameters, which ``@search`` must not pass on: 400.

plone.restapi's ``@search`` hands its whole query string to the catalog, and
collective.solr lifts some names straight into Solr's parameters: ``fl``, ``fq``,
``facet.*``, ``hl.*``, even ``core`` (another site's core). Those are not catalog
queries.
"""

from zExceptions import BadRequest
from zope.globalrequest import getRequest
from zope.i18n import translate

from zhengwu import _

# collective.solr.mangler.subtractQueryParameters and solrSearchResults
SOLR_NAMES = frozenset(
    ("fq", "fl", "facet", "hl", "d", "pt", "sfield", "core", "bq")
    + ("request_handler", "use_solr", "solr_complex_search", "-C")
)
SOLR_PREFIXES = ("facet.", "facet_", "hl.")


def solr_parameter(name):
    """Is ``name`` one of Solr's own parameters rather than a catalog index?"""
    return name in SOLR_NAMES or name.startswith(SOLR_PREFIXES)


def refuse_solr_parameters(form):
    """BadRequest naming the first of Solr's own parameters in ``form``, if any."""
    for name in sorted(form):
        if solr_parameter(name):
            raise BadRequest(
                translate(
                    _("'${name}' is not a search parameter.", mapping={"name": name}),
                    context=getRequest(),
                )
            )
