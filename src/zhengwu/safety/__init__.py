"""Safety building blocks for what citizens write: plain text, words, limits, bots."""
