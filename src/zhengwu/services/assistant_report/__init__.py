"""``GET @assistant-report``: the assistant's counts and unanswered questions."""
