"""``POST @solr-reindex`` on a district site: the fast full Solr reindex."""
