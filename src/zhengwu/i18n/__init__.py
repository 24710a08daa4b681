"""Plone's own messages, corrected for one language per page (see overrides.py)."""
