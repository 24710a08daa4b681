"""The site's Solr core: connection, HTTP, outages and catch-up, status, reindex."""
