"""``POST @solr-reindex`` on a district site: make its Solr core match its catalog
(``search/solr/reindex.py``), for site administrators."""

from plone.restapi.services import Service

from zhengwu.search.solr.reindex import reindex_site


class SolrReindexPost(Service):
    """Reindex the site's Solr core; answer with the counts."""

    def reply(self):
        report = reindex_site(self.context)
        return {
            "indexed": report.indexed,
            "deleted": report.deleted,
            "seconds": round(report.seconds, 2),
        }
