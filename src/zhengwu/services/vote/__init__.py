"""``@vote`` on a question, answer or strategy: read, give and withdraw a vote."""
