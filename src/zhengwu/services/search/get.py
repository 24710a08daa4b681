"""plone.restapi's ``@search``, refusing what would reach Solr unchecked.

Solr's own parameters (``fl``, ``fq``, ``core`` …) answer 400
(``bounds/solr_parameters.py``); batches and texts are bounded for every request
(``bounds/request.py``).
"""

from plone.restapi.services.search.get import SearchGet

from zhengwu.bounds.solr_parameters import refuse_solr_parameters


class BoundedSearchGet(SearchGet):
    """``@search`` without Solr's own parameters."""

    def reply(self):
        refuse_solr_parameters(self.request.form)
        return super().reply()
