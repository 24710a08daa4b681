"""Citizen participation: 政务知道 (questions that departments answer)."""
