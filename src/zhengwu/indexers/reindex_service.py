"""REST ``POST @solr-reindex`` on a district site: the fast full Solr reindex."""

from plone.restapi.services import Service

from zhengwu.indexers.reindex import reindex_site


class SolrReindexPost(Service):
    """Make the site's Solr core match its catalog; answer with the counts."""

    def reply(self):
        report = reindex_site(self.context)
        return {
            "indexed": report.indexed,
            "deleted": report.deleted,
            "seconds": round(report.seconds, 2),
        }
