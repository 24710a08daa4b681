"""``@moderation`` on the site or a language root: the moderators' queue (审核队列)."""
