"""``GET @search``: plone.restapi's search, without Solr's own parameters."""
