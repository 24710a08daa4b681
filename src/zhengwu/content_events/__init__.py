"""Subscribers that keep derived content fields right (guide revisions, strategies)."""
