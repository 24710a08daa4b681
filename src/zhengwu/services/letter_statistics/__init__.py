"""``@letter-statistics``: letters per department and month (issue 19)."""
