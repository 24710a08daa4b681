"""Safety building blocks for citizens' posts: plain text, words, limits, bots."""
