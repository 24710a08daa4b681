"""``GET @similar-questions`` on a question board: questions and guides like a text."""
