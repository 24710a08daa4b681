"""plone.app.caching for anonymous visitors: rulesets, ETags, settings."""
