"""``GET @suggest``: title suggestions for the search box."""
