"""``POST @report`` on a post: a member reports it to the moderators."""
