"""plone.restapi endpoints, one folder per endpoint, and what the endpoints share."""
