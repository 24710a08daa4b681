"""plone.restapi's ``@search``, refusing what would reach Solr unchecked.

``@search`` hands its whole query string to the catalog, and collective.solr lifts
some names straight into Solr's parameters: ``fl``, ``fq``, ``facet.*``, ``hl.*``,
even ``core`` (another site's core). Those are not catalog queries: 400.
"""

from plone.restapi.services.search.get import SearchGet
from zExceptions import BadRequest
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


class BoundedSearchGet(SearchGet):
    """``@search`` without Solr's own parameters (batches: ``request.py``)."""

    def reply(self):
        for name in sorted(self.request.form):
            if solr_parameter(name):
                raise BadRequest(
                    translate(
                        _(
                            "'${name}' is not a search parameter.",
                            mapping={"name": name},
                        ),
                        context=self.request,
                    )
                )
        return super().reply()
