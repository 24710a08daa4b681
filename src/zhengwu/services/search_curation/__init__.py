"""``@search-curation`` on a site: its synonym groups and best bets over REST."""
