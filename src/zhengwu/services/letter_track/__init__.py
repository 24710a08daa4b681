"""``@letter-track``: a letter followed, rated or reopened (issue 19)."""
