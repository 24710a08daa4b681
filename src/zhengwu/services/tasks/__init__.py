"""``GET @tasks``: what waits for the current user (待办)."""
