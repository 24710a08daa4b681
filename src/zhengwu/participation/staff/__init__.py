"""Staff pages of 政务知道: moderation queue, department dashboard, answer times."""
