"""``POST @accept`` on an answer: the question's asker accepts it."""
