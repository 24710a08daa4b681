"""Bounded requests: limits on batches, query texts and request bodies."""
