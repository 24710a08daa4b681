"""``POST @ask`` on a question board: a citizen asks a question."""
