"""``POST <item>/@workflow/<transition>``: plone.restapi's, checked before writing."""
