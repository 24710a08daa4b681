"""``POST @answer`` on a question: a citizen answers it."""
