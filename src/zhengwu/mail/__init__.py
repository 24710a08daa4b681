"""Mail of the portal: a queue that survives an unreachable mail server, limits."""
