"""``@letters``: a citizen writes a letter to the district (issue 19)."""
