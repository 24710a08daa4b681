"""``@users`` POST and PATCH: plone.restapi's, with the citizens' checks and limits."""
